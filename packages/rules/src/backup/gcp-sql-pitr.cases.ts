import type { RuleCases } from '../cases.js';
import { sqlFacet, sqlInstance } from '../util/gcp-cases.js';

export default {
  pass: [
    { name: 'PostgreSQL with PITR', facets: { 'gcp.sql': sqlFacet(sqlInstance()) } },
    {
      name: 'MySQL with binary logging',
      facets: {
        'gcp.sql': sqlFacet(
          sqlInstance({ databaseVersion: 'MYSQL_8_4', settings: { backupConfiguration: { binaryLogEnabled: true } } }),
        ),
      },
    },
  ],
  fail: [
    {
      name: 'PostgreSQL without PITR (the ADR staging instance)',
      facets: {
        'gcp.sql': sqlFacet(sqlInstance({ settings: { backupConfiguration: { pointInTimeRecoveryEnabled: false } } })),
      },
      expect: [{ messageId: 'disabled' }],
    },
  ],
} satisfies RuleCases;
