import type { RuleCases } from '../cases.js';
import { servicesFacet } from '../util/gcp-cases.js';

export default {
  pass: [
    { name: 'Artifact Registry only', facets: { 'gcp.services': servicesFacet('artifactregistry', 'container') } },
  ],
  fail: [
    {
      name: 'containerregistry still enabled (the ADR staging project)',
      facets: { 'gcp.services': servicesFacet('artifactregistry', 'containerregistry') },
      expect: [{ messageId: 'enabled' }],
    },
  ],
} satisfies RuleCases;
