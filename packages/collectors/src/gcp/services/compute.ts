/**
 * Compute Engine v1, as declared REST calls through google-auth-library (the official client is 108 MB of
 * dependencies for three list calls): global SSL certificates (Google-managed ones carry
 * their domains and status), Cloud Armor security policies and global backend services (which policy each
 * one has attached). The certificate PEM is public but bulky and never needed: it is dropped.
 */
import type { GcpBackendService, GcpSecurityPolicy, GcpSslCertificate } from '@coditect-audit/core';
import type { GcpApiCall, GcpApiCallId } from '../api-calls.js';
import { paginate } from '../call.js';
import { call, FacetBuilder, type FacetResults, type GcpRun } from '../context.js';
import { bool, compact, enumStr, lastSegment, obj, objs, type Raw, str, strs, time } from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const COMPUTE_API_CALLS = {
  'compute.sslCertificates.list': {
    service: 'compute',
    method: 'sslCertificates.list',
    http: 'GET',
    path: '/compute/v1/projects/{project}/global/sslCertificates',
    via: 'rest',
    permission: 'compute.sslCertificates.list',
    role: 'roles/compute.viewer',
    facets: ['gcp.compute-ssl'],
  },
  'compute.securityPolicies.list': {
    service: 'compute',
    method: 'securityPolicies.list',
    http: 'GET',
    path: '/compute/v1/projects/{project}/global/securityPolicies',
    via: 'rest',
    permission: 'compute.securityPolicies.list',
    role: 'roles/compute.viewer',
    facets: ['gcp.compute-armor'],
  },
  'compute.backendServices.list': {
    service: 'compute',
    method: 'backendServices.list',
    http: 'GET',
    path: '/compute/v1/projects/{project}/global/backendServices',
    via: 'rest',
    permission: 'compute.backendServices.list',
    role: 'roles/compute.viewer',
    facets: ['gcp.compute-armor'],
  },
} as const satisfies Record<string, GcpApiCall>;

/** Every item of a Compute list (`items`, `nextPageToken`), 500 a page (the most Compute serves). */
function listCompute(run: GcpRun, id: GcpApiCallId, project: string): Promise<Raw[]> {
  return paginate(async (pageToken) => {
    const body = obj(await call(run, () => run.transport.call(id, { project }, { maxResults: 500, pageToken })));
    return { items: objs(body?.items), next: str(body?.nextPageToken) };
  });
}

export function sslCertificate(project: string, c: Raw): GcpSslCertificate {
  const managed = obj(c.managed);
  const domainStatus: Record<string, string> = {};
  const ds = obj(managed?.domainStatus);
  for (const d of Object.keys(ds ?? {}).sort()) {
    const v = enumStr(ds?.[d]);
    if (v) domainStatus[d] = v;
  }
  return compact({
    project,
    name: str(c.name) ?? '',
    type: enumStr(c.type),
    managedStatus: enumStr(managed?.status),
    domains: strs(managed?.domains).sort(),
    domainStatus,
    subjectAlternativeNames: strs(c.subjectAlternativeNames).sort(),
    expireTime: time(c.expireTime),
  });
}

export function securityPolicy(project: string, p: Raw): GcpSecurityPolicy {
  const adaptive = obj(obj(p.adaptiveProtectionConfig)?.layer7DdosDefenseConfig);
  return compact({
    project,
    name: str(p.name) ?? '',
    type: enumStr(p.type),
    ruleCount: objs(p.rules).length,
    adaptiveProtection: bool(adaptive?.enable),
  });
}

export function backendService(project: string, b: Raw): GcpBackendService {
  const policy = str(b.securityPolicy);
  return compact({
    project,
    name: str(b.name) ?? '',
    loadBalancingScheme: enumStr(b.loadBalancingScheme),
    protocol: enumStr(b.protocol),
    securityPolicy: policy ? lastSegment(policy) : undefined,
  });
}

export async function collectCompute(run: GcpRun): Promise<FacetResults> {
  const sslFacet = new FacetBuilder();
  const armorFacet = new FacetBuilder();
  const sslRead: string[] = [];
  const armorRead: string[] = [];
  const certificates: GcpSslCertificate[] = [];
  const policies: GcpSecurityPolicy[] = [];
  const backends: GcpBackendService[] = [];
  await Promise.all(
    run.settings.projects.flatMap((project) => {
      const scope = `projects/${project}/global`;
      return [
        (async () => {
          const listed = await sslFacet.unit('compute.sslCertificates.list', `${scope}/sslCertificates`, project, () =>
            listCompute(run, 'compute.sslCertificates.list', project),
          );
          if (!listed) return;
          sslRead.push(`projects/${project}`);
          certificates.push(...listed.map((c) => sslCertificate(project, c)));
        })(),
        (async () => {
          const [ps, bs] = await Promise.all([
            armorFacet.unit('compute.securityPolicies.list', `${scope}/securityPolicies`, project, () =>
              listCompute(run, 'compute.securityPolicies.list', project),
            ),
            armorFacet.unit('compute.backendServices.list', `${scope}/backendServices`, project, () =>
              listCompute(run, 'compute.backendServices.list', project),
            ),
          ]);
          if (ps) policies.push(...ps.map((p) => securityPolicy(project, p)));
          if (bs) backends.push(...bs.map((b) => backendService(project, b)));
          if (ps && bs) armorRead.push(`projects/${project}`);
        })(),
      ];
    }),
  );
  const byName = <T extends { project: string; name: string }>(a: T, b: T) =>
    `${a.project}/${a.name}` < `${b.project}/${b.name}` ? -1 : 1;
  return {
    'gcp.compute-ssl': sslFacet.build<'gcp.compute-ssl'>({
      read: sslRead.sort(),
      certificates: certificates.sort(byName),
    }),
    'gcp.compute-armor': armorFacet.build<'gcp.compute-armor'>({
      read: armorRead.sort(),
      securityPolicies: policies.sort(byName),
      backendServices: backends.sort(byName),
    }),
  };
}
