/**
 * Compute Engine v1 (`@google-cloud/compute`, REST): global SSL certificates (Google-managed ones carry
 * their domains and status), Cloud Armor security policies and global backend services (which policy each
 * one has attached). The certificate PEM is public but bulky and never needed: it is dropped.
 */
import type { GcpBackendService, GcpSecurityPolicy, GcpSslCertificate } from '@coditect-audit/core';
import { FacetBuilder, type FacetResults, type GcpRun, listAll, ONE_PAGE, page } from '../context.js';
import { bool, compact, enumStr, lastSegment, obj, objs, type Raw, str, strs, time } from '../normalize.js';

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
  // The package index loads every Compute client (seconds of start-up); these three are all we read.
  const [{ SslCertificatesClient }, { SecurityPoliciesClient }, { BackendServicesClient }] = await Promise.all([
    import('@google-cloud/compute/build/src/v1/ssl_certificates_client.js'),
    import('@google-cloud/compute/build/src/v1/security_policies_client.js'),
    import('@google-cloud/compute/build/src/v1/backend_services_client.js'),
  ]);
  const options = run.transport.gapic('compute');
  const certsClient = new SslCertificatesClient(options);
  const policiesClient = new SecurityPoliciesClient(options);
  const backendsClient = new BackendServicesClient(options);
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
      const req = (token: string | undefined) => ({ project, maxResults: 500, ...page(token) });
      return [
        (async () => {
          const listed = await sslFacet.unit('compute.sslCertificates.list', `${scope}/sslCertificates`, project, () =>
            listAll(run, (token) => certsClient.list(req(token), ONE_PAGE)),
          );
          if (!listed) return;
          sslRead.push(`projects/${project}`);
          certificates.push(...listed.map((c) => sslCertificate(project, c as Raw)));
        })(),
        (async () => {
          const [ps, bs] = await Promise.all([
            armorFacet.unit('compute.securityPolicies.list', `${scope}/securityPolicies`, project, () =>
              listAll(run, (token) => policiesClient.list(req(token), ONE_PAGE)),
            ),
            armorFacet.unit('compute.backendServices.list', `${scope}/backendServices`, project, () =>
              listAll(run, (token) => backendsClient.list(req(token), ONE_PAGE)),
            ),
          ]);
          if (ps) policies.push(...ps.map((p) => securityPolicy(project, p as Raw)));
          if (bs) backends.push(...bs.map((b) => backendService(project, b as Raw)));
          if (ps && bs) armorRead.push(`projects/${project}`);
        })(),
      ];
    }),
  );
  await Promise.all([certsClient.close(), policiesClient.close(), backendsClient.close()]);
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
