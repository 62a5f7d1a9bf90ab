import type { Rule } from '@coditect-audit/core';
import gcpCloudArmorBackend from './gcp-cloud-armor-backend.js';
import gcpManagedCertificate from './gcp-managed-certificate.js';
import k8sEdgeProtection from './k8s-edge-protection.js';
import k8sManagedCertificate from './k8s-managed-certificate.js';
import k8sPublicHttpLoadbalancer from './k8s-public-http-loadbalancer.js';
import manifestEdgeProtection from './manifest-edge-protection.js';
import manifestPublicHttpLoadbalancer from './manifest-public-http-loadbalancer.js';
import probeHttpHttpsRedirect from './probe-http-https-redirect.js';
import probeHttpTlsCertificate from './probe-http-tls-certificate.js';
import tfEdgeSecurityPolicy from './tf-edge-security-policy.js';

/** Rules of the network area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpCloudArmorBackend as Rule,
  gcpManagedCertificate as Rule,
  k8sEdgeProtection as Rule,
  k8sManagedCertificate as Rule,
  k8sPublicHttpLoadbalancer as Rule,
  manifestEdgeProtection as Rule,
  manifestPublicHttpLoadbalancer as Rule,
  probeHttpHttpsRedirect as Rule,
  probeHttpTlsCertificate as Rule,
  tfEdgeSecurityPolicy as Rule,
];
