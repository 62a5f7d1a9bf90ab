import { defineRule } from '@coditect-audit/core';
import { gcpResource, wasRead } from '../util/gcp.js';

/** ADR-001 Decision 3: "Cloud SQL: Ready with coditect database". */
export default defineRule({
  id: 'gcp-sql-instance-ready',
  title: 'The Cloud SQL instance or the application database is missing or not running',
  concerns: ['sql.instance-ready'],
  layer: 'gcp',
  facets: ['gcp.sql', 'gcp.sql-databases'],
  adrIdentity: 'Cloud SQL instance name (coditect-db)',
  adrIdentityFields: ['database.instance'],
  description:
    'Looks for `expectations.database.instance` (default `coditect-db`) in the expected project (sqladmin `instances.list`): missing fails; a `state` other than `RUNNABLE` fails with the state (and suspension, maintenance or failure shows here). The instance must hold `expectations.database.name` (default `coditect`, sqladmin `databases.list`).',
  rationale:
    'ADR-001 Decision 3 moved the data from a StatefulSet to Cloud SQL; the backend, the migrations and the smoke tests all need the instance running and the `coditect` database in it.',
  remediation: {
    text: 'Create or start the instance, and create the application database in it.',
    commands: [
      'gcloud sql instances describe {{database.instance}} --project={{project}} --format="value(state)"',
      'gcloud sql instances patch {{database.instance}} --activation-policy=ALWAYS --project={{project}}',
      'gcloud sql databases create coditect --instance={{database.instance}} --project={{project}}',
    ],
  },
  messages: {
    ready: 'Cloud SQL {{instance}} is RUNNABLE.',
    missing: 'Cloud SQL instance {{instance}} does not exist in project {{project}}.',
    notRunnable: 'Cloud SQL {{instance}} is {{state}}, not RUNNABLE.',
    databaseReady: 'Cloud SQL {{instance}} holds the database {{database}}.',
    databaseMissing: 'Cloud SQL {{instance}} has no database {{database}} (it has: {{databases}}).',
  },
  check(ctx) {
    const { project, database } = ctx.env.expectations;
    const sql = ctx.facet('gcp.sql');
    if (!wasRead(sql.read, `projects/${project}`)) return;
    const instance = sql.instances.find((i) => i.project === project && i.name === database.instance);
    if (!instance) {
      ctx.fail({
        resource: gcpResource.sqlInstance({ project, name: database.instance }),
        messageId: 'missing',
        data: { instance: database.instance, project },
        evidence: [
          {
            path: 'instances[].name',
            observed: sql.instances.map((i) => i.name).join(', ') || null,
            expected: database.instance,
          },
        ],
      });
      return;
    }
    const resource = gcpResource.sqlInstance(instance);
    const evidence = [{ path: 'state', observed: instance.state ?? null, expected: 'RUNNABLE' }];
    if (instance.state === 'RUNNABLE')
      ctx.pass({ resource, messageId: 'ready', data: { instance: instance.name }, evidence });
    else
      ctx.fail({
        resource,
        messageId: 'notRunnable',
        data: { instance: instance.name, state: instance.state ?? 'unknown' },
        evidence,
      });

    const dbs = ctx
      .facet('gcp.sql-databases')
      .instances.find((d) => d.project === project && d.instance === instance.name);
    if (!dbs) return;
    const dbResource = gcpResource.sqlDatabase(project, instance.name, database.name);
    const names = dbs.databases.map((d) => d.name);
    const dbEvidence = [{ path: 'databases[].name', observed: names.join(', ') || null, expected: database.name }];
    if (names.includes(database.name))
      ctx.pass({
        resource: dbResource,
        messageId: 'databaseReady',
        data: { instance: instance.name, database: database.name },
        evidence: dbEvidence,
      });
    else
      ctx.fail({
        resource: dbResource,
        messageId: 'databaseMissing',
        data: { instance: instance.name, database: database.name, databases: names.join(', ') || 'none' },
        evidence: dbEvidence,
      });
  },
});
