import { defineRule } from '@coditect-audit/core';
import { EOL_PRODUCTS } from '../util/lifecycle.js';
import { postgresServerResource } from '../util/probe.js';

const postgres = EOL_PRODUCTS.find((p) => p.key === 'postgres');

/** Community end of life of a server version (`server_version_num`), or undefined while supported. */
function postgresEndOfLife(versionNum: number): { cycle: string; eol: string } | undefined {
  if (!postgres) return undefined;
  const major = Math.floor(versionNum / 10000);
  const minor = Math.floor(versionNum / 100) % 100;
  // Before 10 a major version had two parts (9.6 = 90600).
  const cycle = major >= 10 ? String(major) : `${major}.${minor}`;
  const hit = postgres.cycles.find((c) => c.cycle === cycle);
  if (hit) return { cycle, eol: hit.eol };
  const [oldMajor = 0, oldMinor = 0] = (postgres.olderThan?.cycle ?? '0').split('.').map(Number);
  const older = major < oldMajor || (major === oldMajor && minor < oldMinor);
  return older && postgres.olderThan ? { cycle, eol: postgres.olderThan.eol } : undefined;
}

/** ADR-001 Lesson 1: keep an inventory with end-of-life dates. The server reports its own version. */
export default defineRule({
  id: 'probe-postgres-eol-version',
  title: 'PostgreSQL server runs an end-of-life major version',
  concerns: ['lifecycle.deprecated-platform'],
  layer: 'probe',
  facets: ['probe.postgres'],
  description: `Reads \`server_version_num\` from the running server and looks its major version up in the PostgreSQL community support table (${postgres?.source ?? 'postgresql.org'}): a major version past its final release (13 and older on the table's date) fails with the date support ended; supported versions pass. The table is data, not the clock, so two runs on the same server agree.`,
  rationale:
    'ADR-001 Lesson 1 ("Platform Deprecations Require Proactive Monitoring"): the GCR shutdown broke the deployment because nobody tracked its end of life. An end-of-life PostgreSQL gets no security fixes upstream; on Cloud SQL it moves to paid extended support and is later retired. The API reports the version Cloud SQL was asked for; the server reports the one that runs.',
  remediation: {
    text: 'Upgrade to a supported major version (ADR-001 runs POSTGRES_16), testing on a clone first.',
    commands: [
      'gcloud sql instances clone {{database.instance}} {{database.instance}}-upgrade-test --project={{project}}',
      'gcloud sql instances patch {{database.instance}} --database-version=POSTGRES_16 --project={{project}}',
    ],
  },
  benchmarks: [],
  messages: {
    endOfLife:
      '{{endpoint}} runs PostgreSQL {{version}}: major version {{cycle}} reached end of life on {{eol}} ({{source}}).',
    supported: '{{endpoint}} runs PostgreSQL {{version}}, a supported major version.',
  },
  check(ctx) {
    const d = ctx.facet('probe.postgres');
    if (!d.server) {
      ctx.skip(`the server version of ${d.endpoint} could not be read; see the error verdict`);
      return;
    }
    const resource = postgresServerResource(d, ctx.env.expectations);
    const eol = postgresEndOfLife(d.server.versionNum);
    const data = { endpoint: d.endpoint, version: d.server.version.split(' ')[0] ?? d.server.version };
    const evidence = [
      { path: 'server_version_num', observed: d.server.versionNum, expected: 'a supported major version' },
    ];
    if (eol)
      ctx.fail({
        resource,
        messageId: 'endOfLife',
        data: { ...data, cycle: eol.cycle, eol: eol.eol, source: postgres?.source ?? '' },
        evidence,
      });
    else ctx.pass({ resource, messageId: 'supported', data, evidence });
  },
});
