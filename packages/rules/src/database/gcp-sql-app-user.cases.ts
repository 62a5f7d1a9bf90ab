import type { RuleCases } from '../cases.js';
import { PROJECT } from '../util/gcp-cases.js';
import type { GcpSqlUser } from '@coditect-audit/core';

const users = (...list: GcpSqlUser[]) => ({
  read: [`projects/${PROJECT}/instances/coditect-db`],
  instances: [{ project: PROJECT, instance: 'coditect-db', users: list }],
});

export default {
  pass: [
    {
      name: 'a dedicated built-in user beside postgres',
      facets: {
        'gcp.sql-users': users(
          { name: 'postgres', type: 'BUILT_IN' },
          { name: 'license_api_staging', type: 'BUILT_IN' },
        ),
      },
    },
    {
      name: "an IAM database user for the backend's service account",
      facets: {
        'gcp.sql-users': users(
          { name: 'postgres', type: 'BUILT_IN' },
          { name: 'coditect-cloud-backend@coditect-cloud-infra.iam', type: 'CLOUD_IAM_SERVICE_ACCOUNT' },
        ),
      },
    },
  ],
  fail: [
    {
      name: 'only postgres (the ADR staging instance)',
      facets: { 'gcp.sql-users': users({ name: 'postgres', type: 'BUILT_IN' }) },
      expect: [{ messageId: 'onlySuperusers' }],
    },
    {
      name: 'the application user is reported as a cloudsqlsuperuser member',
      facets: {
        'gcp.sql-users': users(
          { name: 'postgres', type: 'BUILT_IN' },
          { name: 'license_api_staging', type: 'BUILT_IN', databaseRoles: ['cloudsqlsuperuser'] },
        ),
      },
      expect: [{ messageId: 'memberOfSuperuser' }],
    },
  ],
} satisfies RuleCases;
