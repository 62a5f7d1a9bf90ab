import type { RuleCases } from '../cases.js';
import { PROJECT, READ_PROJECT, sqlFacet, sqlInstance } from '../util/gcp-cases.js';

const databases = (...names: string[]) => ({
  read: [`projects/${PROJECT}/instances/coditect-db`],
  instances: [{ project: PROJECT, instance: 'coditect-db', databases: names.map((name) => ({ name })) }],
});

export default {
  pass: [
    {
      name: 'coditect-db RUNNABLE with the coditect database',
      facets: { 'gcp.sql': sqlFacet(sqlInstance()), 'gcp.sql-databases': databases('postgres', 'coditect') },
    },
  ],
  fail: [
    {
      name: 'the instance does not exist',
      facets: { 'gcp.sql': { read: READ_PROJECT, instances: [] }, 'gcp.sql-databases': { read: [], instances: [] } },
      expect: [{ messageId: 'missing' }],
    },
    {
      name: 'suspended, and the application database was never created',
      facets: { 'gcp.sql': sqlFacet(sqlInstance({ state: 'SUSPENDED' })), 'gcp.sql-databases': databases('postgres') },
      expect: [{ messageId: 'notRunnable' }, { messageId: 'databaseMissing' }],
    },
  ],
} satisfies RuleCases;
