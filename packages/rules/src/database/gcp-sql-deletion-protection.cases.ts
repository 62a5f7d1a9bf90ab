import type { RuleCases } from '../cases.js';
import { sqlFacet, sqlInstance } from '../util/gcp-cases.js';

export default {
  pass: [{ name: 'deletion protection on', facets: { 'gcp.sql': sqlFacet(sqlInstance()) } }],
  fail: [
    {
      name: 'deletion protection off (the ADR staging instance)',
      facets: { 'gcp.sql': sqlFacet(sqlInstance({ settings: { deletionProtectionEnabled: false } })) },
      expect: [{ messageId: 'disabled' }],
    },
    {
      name: 'deletion protection not reported',
      facets: { 'gcp.sql': sqlFacet(sqlInstance({ settings: { deletionProtectionEnabled: undefined } })) },
      expect: [{ messageId: 'disabled' }],
    },
  ],
} satisfies RuleCases;
