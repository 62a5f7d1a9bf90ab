import type { RuleCases } from '../cases.js';
import { sqlFacet, sqlInstance } from '../util/gcp-cases.js';

export default {
  pass: [{ name: 'POSTGRES_16', facets: { 'gcp.sql': sqlFacet(sqlInstance()) } }],
  fail: [
    {
      name: 'POSTGRES_12 on extended support',
      facets: { 'gcp.sql': sqlFacet(sqlInstance({ databaseVersion: 'POSTGRES_12' })) },
      expect: [{ messageId: 'endOfLife' }],
    },
  ],
} satisfies RuleCases;
