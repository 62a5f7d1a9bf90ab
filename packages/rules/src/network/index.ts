import type { Rule } from '@coditect-audit/core';
import gcpManagedCertificate from './gcp-managed-certificate.js';
import k8sManagedCertificate from './k8s-managed-certificate.js';
import networkEdgeProtection from './network.edge-protection.js';
import networkPublicHttp from './network.public-http.js';
import probeHttpHttpsRedirect from './probe-http-https-redirect.js';
import probeHttpTlsCertificate from './probe-http-tls-certificate.js';

/** Rules of the network area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpManagedCertificate,
  k8sManagedCertificate,
  networkEdgeProtection,
  networkPublicHttp,
  probeHttpHttpsRedirect,
  probeHttpTlsCertificate,
];
