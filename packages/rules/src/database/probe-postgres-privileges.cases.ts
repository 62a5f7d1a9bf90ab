import type { PostgresProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const dmlOnly: PostgresProbe = {
  endpoint: '10.28.0.3:5432/coditect',
  host: '10.28.0.3',
  port: 5432,
  database: 'coditect',
  login: 'license_api_staging',
  appRole: 'license_api_staging',
  credentialSource: 'env DB_PASSWORD',
  sslmode: 'verify-full',
  plaintext: { outcome: 'refused', detail: 'no encryption' },
  role: {
    name: 'license_api_staging',
    exists: true,
    superuser: false,
    createRole: false,
    createDb: false,
    bypassRls: false,
    replication: false,
    memberOf: ['app_rw'],
  },
  ownership: { database: false, schemas: [], tables: [], tableCount: 0 },
  privileges: { createOnDatabase: false, createOnSchemas: [], beyondDml: [], beyondDmlCount: 0 },
};

export default {
  pass: [{ name: 'the ADR fix: SELECT, INSERT, UPDATE, DELETE only', facets: { 'probe.postgres': dmlOnly } }],
  fail: [
    {
      name: 'the app role owns everything it uses (created the schema in a migration)',
      facets: {
        'probe.postgres': {
          ...dmlOnly,
          ownership: {
            database: true,
            schemas: ['public'],
            tables: ['public.licenses', 'public.seats'],
            tableCount: 2,
          },
          privileges: {
            createOnDatabase: true,
            createOnSchemas: ['public'],
            beyondDml: [
              { table: 'public.licenses', privileges: ['TRUNCATE', 'REFERENCES', 'TRIGGER'] },
              { table: 'public.seats', privileges: ['TRUNCATE', 'REFERENCES', 'TRIGGER'] },
            ],
            beyondDmlCount: 2,
          },
        },
      },
      expect: [
        { messageId: 'ownsDatabase' },
        { messageId: 'ownsSchema' },
        { messageId: 'ownsTables' },
        { messageId: 'createOnDatabase' },
        { messageId: 'createOnSchema' },
        { messageId: 'beyondDml' },
      ],
    },
    {
      name: 'role attributes and a privileged built-in role',
      facets: {
        'probe.postgres': {
          ...dmlOnly,
          role: { ...dmlOnly.role!, createRole: true, createDb: true, memberOf: ['app_rw', 'pg_write_server_files'] },
        },
      },
      expect: [{ messageId: 'attribute' }, { messageId: 'attribute' }, { messageId: 'privilegedRole' }],
    },
  ],
} satisfies RuleCases;
