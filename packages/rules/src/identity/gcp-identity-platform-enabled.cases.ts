import type { RuleCases } from '../cases.js';
import { servicesFacet } from '../util/gcp-cases.js';

export default {
  pass: [{ name: 'identitytoolkit enabled', facets: { 'gcp.services': servicesFacet('compute', 'identitytoolkit') } }],
  fail: [
    {
      name: 'identitytoolkit not enabled (the ADR staging project)',
      facets: { 'gcp.services': servicesFacet('compute', 'container') },
      expect: [{ messageId: 'disabled' }],
    },
  ],
} satisfies RuleCases;
