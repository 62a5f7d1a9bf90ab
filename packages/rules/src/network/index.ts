import type { Rule } from '@coditect-audit/core';
import manifestEdgeProtection from './manifest-edge-protection.js';
import manifestPublicHttpLoadbalancer from './manifest-public-http-loadbalancer.js';
import tfEdgeSecurityPolicy from './tf-edge-security-policy.js';

/** Rules of the network area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  manifestEdgeProtection as Rule,
  manifestPublicHttpLoadbalancer as Rule,
  tfEdgeSecurityPolicy as Rule,
];
