import { defineRule } from '@coditect-audit/core';
import { gcpResource, wasRead } from '../util/gcp.js';

/** ADR-001 Decision 3: the Memorystore instance the backend caches in exists and is READY. */
export default defineRule({
  id: 'gcp-redis-instance-ready',
  title: 'The Memorystore instance is missing or not READY',
  concerns: ['redis.instance-ready'],
  layer: 'gcp',
  facets: ['gcp.redis'],
  adrIdentity: 'Memorystore instance name (coditect-redis-staging)',
  adrIdentityFields: ['redis.instance'],
  description:
    'Looks for `expectations.redis.instance` (default `coditect-redis-staging`) among the Memorystore instances of the expected project, in every location (redis `instances.list` on `locations/-`). Missing fails; a `state` other than `READY` (CREATING, REPAIRING, MAINTENANCE, ...) fails with the state.',
  rationale:
    'ADR-001 Decision 3 left Redis "⏳ Creating (5-10 minutes)"; until it is READY the backend has no session or seat-tracking cache, and the endpoint in the app\'s secret is not known.',
  remediation: {
    text: 'Create the instance (with AUTH and in-transit encryption: they cannot be added later) or wait for it to become READY.',
    commands: [
      'gcloud redis instances describe {{redis.instance}} --region={{region}} --project={{project}} --format="value(state)"',
      'gcloud redis instances create {{redis.instance}} --size=1 --region={{region}} --redis-version=redis_7_0 --auth-enabled --transit-encryption-mode=SERVER_AUTHENTICATION --project={{project}}',
    ],
  },
  messages: {
    ready: 'Memorystore {{instance}} ({{location}}) is READY.',
    missing: 'Memorystore instance {{instance}} does not exist in project {{project}}.',
    notReady: 'Memorystore {{instance}} ({{location}}) is {{state}}, not READY.',
  },
  check(ctx) {
    const { project, redis } = ctx.env.expectations;
    const data = ctx.facet('gcp.redis');
    if (!wasRead(data.read, `projects/${project}`)) return;
    const found = data.instances.filter((i) => i.project === project && i.name === redis.instance);
    if (found.length === 0) {
      ctx.fail({
        resource: gcpResource.redis({ project, location: ctx.env.expectations.region, name: redis.instance }),
        messageId: 'missing',
        data: { instance: redis.instance, project },
        evidence: [
          {
            path: 'instances[].name',
            observed: data.instances.map((i) => i.name).join(', ') || null,
            expected: redis.instance,
          },
        ],
      });
      return;
    }
    for (const i of found) {
      const resource = gcpResource.redis(i);
      const evidence = [{ path: 'state', observed: i.state ?? null, expected: 'READY' }];
      const d = { instance: i.name, location: i.location, state: i.state ?? 'unknown' };
      if (i.state === 'READY') ctx.pass({ resource, messageId: 'ready', data: d, evidence });
      else ctx.fail({ resource, messageId: 'notReady', data: d, evidence });
    }
  },
});
