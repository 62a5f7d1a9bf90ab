import type { Rule } from '@coditect-audit/core';
import networkEdgeProtection from './network.edge-protection.js';
import networkPublicHttp from './network.public-http.js';
import networkTlsCertificate from './network.tls-certificate.js';
import probeHttpHttpsRedirect from './probe-http-https-redirect.js';

/** Rules of the network area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [networkEdgeProtection, networkPublicHttp, networkTlsCertificate, probeHttpHttpsRedirect];
