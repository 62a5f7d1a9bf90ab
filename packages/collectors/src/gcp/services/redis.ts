/**
 * Memorystore for Redis v1 (`@google-cloud/redis`): instances in every location (`locations/-`).
 * Never `getAuthString`: the AUTH string is a secret and the instance resource does not carry it.
 */
import type { GcpRedisInstance } from '@coditect-audit/core';
import type { GcpApiCall } from '../api-calls.js';
import { FacetBuilder, type FacetResults, type GcpRun, listAll, ONE_PAGE, page } from '../context.js';
import { bool, compact, enumStr, int, labels, lastSegment, obj, type Raw, str } from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const REDIS_API_CALLS = {
  'redis.instances.list': {
    service: 'redis',
    method: 'projects.locations.instances.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/-/instances',
    via: 'client',
    permission: 'redis.instances.list',
    role: 'roles/redis.viewer',
    facets: ['gcp.redis'],
  },
} as const satisfies Record<string, GcpApiCall>;

export function redisInstance(project: string, i: Raw): GcpRedisInstance {
  const name = str(i.name) ?? '';
  const location = /\/locations\/([^/]+)\//.exec(name)?.[1] ?? str(i.locationId) ?? '';
  const persistence = obj(i.persistenceConfig);
  return compact({
    project,
    location,
    name: lastSegment(name),
    displayName: str(i.displayName),
    tier: enumStr(i.tier),
    redisVersion: str(i.redisVersion),
    state: enumStr(i.state),
    host: str(i.host),
    port: int(i.port) || undefined,
    // A proto3 bool: absent means false (AUTH off).
    authEnabled: bool(i.authEnabled) ?? false,
    transitEncryptionMode: enumStr(i.transitEncryptionMode),
    connectMode: enumStr(i.connectMode),
    persistenceConfig: persistence
      ? compact({
          persistenceMode: enumStr(persistence.persistenceMode),
          rdbSnapshotPeriod: enumStr(persistence.rdbSnapshotPeriod),
        })
      : undefined,
    labels: labels(i.labels),
  });
}

export async function collectRedis(run: GcpRun): Promise<FacetResults> {
  const { CloudRedisClient } = await import('@google-cloud/redis');
  const client = new CloudRedisClient(run.transport.gapic('redis'));
  const facet = new FacetBuilder();
  const read: string[] = [];
  const instances: GcpRedisInstance[] = [];
  await Promise.all(
    run.settings.projects.map(async (project) => {
      const parent = `projects/${project}/locations/-`;
      const listed = await facet.unit('redis.instances.list', parent, project, () =>
        listAll(run, (token) => client.listInstances({ parent, pageSize: 500, ...page(token) }, ONE_PAGE)),
      );
      if (!listed) return;
      read.push(`projects/${project}`);
      instances.push(...listed.map((i) => redisInstance(project, i as Raw)).filter((i) => i.name !== ''));
    }),
  );
  await client.close();
  instances.sort((a, b) => (`${a.project}/${a.location}/${a.name}` < `${b.project}/${b.location}/${b.name}` ? -1 : 1));
  return { 'gcp.redis': facet.build<'gcp.redis'>({ read: read.sort(), instances }) };
}
