/**
 * Secret Manager v1 (`@google-cloud/secret-manager`): secret metadata only. Versions are never accessed
 * (`accessSecretVersion` returns the payload); the scan needs only `roles/secretmanager.viewer`.
 */
import type { GcpSecret } from '@coditect-audit/core';
import type { GcpApiCall } from '../api-calls.js';
import { FacetBuilder, type FacetResults, type GcpRun, listAll, ONE_PAGE, page } from '../context.js';
import { compact, duration, labels, lastSegment, obj, type Raw, str, time } from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const SECRET_MANAGER_API_CALLS = {
  'secretmanager.secrets.list': {
    service: 'secretmanager',
    method: 'secrets.list',
    http: 'GET',
    path: '/v1/projects/{project}/secrets',
    via: 'client',
    permission: 'secretmanager.secrets.list',
    role: 'roles/secretmanager.viewer',
    facets: ['gcp.secretmanager'],
  },
} as const satisfies Record<string, GcpApiCall>;

export function secret(project: string, s: Raw): GcpSecret {
  const replication = obj(s.replication);
  const kind = obj(replication?.automatic)
    ? 'automatic'
    : obj(replication?.userManaged)
      ? 'user-managed'
      : replication?.replication === 'automatic'
        ? 'automatic'
        : replication?.replication === 'userManaged'
          ? 'user-managed'
          : undefined;
  return compact({
    project,
    name: lastSegment(str(s.name) ?? ''),
    createTime: time(s.createTime),
    labels: labels(s.labels),
    replication: kind,
    rotationPeriodSeconds: duration(obj(s.rotation)?.rotationPeriod),
  });
}

export async function collectSecretManager(run: GcpRun): Promise<FacetResults> {
  const { SecretManagerServiceClient } = await import('@google-cloud/secret-manager');
  const client = new SecretManagerServiceClient(run.transport.gapic('secretmanager'));
  const facet = new FacetBuilder();
  const read: string[] = [];
  const secrets: GcpSecret[] = [];
  await Promise.all(
    run.settings.projects.map(async (project) => {
      const parent = `projects/${project}`;
      const listed = await facet.unit('secretmanager.secrets.list', parent, project, () =>
        listAll(run, (token) => client.listSecrets({ parent, pageSize: 1000, ...page(token) }, ONE_PAGE)),
      );
      if (!listed) return;
      read.push(parent);
      secrets.push(...listed.map((s) => secret(project, s as Raw)).filter((s) => s.name !== ''));
    }),
  );
  await client.close();
  secrets.sort((a, b) => (`${a.project}/${a.name}` < `${b.project}/${b.name}` ? -1 : 1));
  return { 'gcp.secretmanager': facet.build<'gcp.secretmanager'>({ read: read.sort(), secrets }) };
}
