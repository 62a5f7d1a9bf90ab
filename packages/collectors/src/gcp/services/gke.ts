/**
 * GKE (`@google-cloud/container`): clusters and their node pools in every location (`locations/-`; the call
 * is not paginated). A node pool's service account `default` is the project's Compute Engine default one.
 */
import type { GcpGkeCluster } from '@coditect-audit/core';
import type { GcpApiCall } from '../api-calls.js';
import { call, FacetBuilder, type FacetResults, type GcpRun } from '../context.js';
import { bool, compact, enumStr, labels, obj, objs, type Raw, str, strs } from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const GKE_API_CALLS = {
  'container.clusters.list': {
    service: 'container',
    method: 'projects.locations.clusters.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/-/clusters',
    via: 'client',
    permission: 'container.clusters.list',
    role: 'roles/container.clusterViewer',
    facets: ['gcp.gke'],
  },
} as const satisfies Record<string, GcpApiCall>;

export function gkeCluster(project: string, c: Raw): GcpGkeCluster {
  const encryption = obj(c.databaseEncryption);
  const logging = obj(obj(c.loggingConfig)?.componentConfig);
  const monitoring = obj(c.monitoringConfig);
  const monitoringComponents = obj(monitoring?.componentConfig);
  return compact({
    project,
    location: str(c.location) ?? str(c.zone) ?? '',
    name: str(c.name) ?? '',
    status: enumStr(c.status),
    currentMasterVersion: str(c.currentMasterVersion),
    releaseChannel: enumStr(obj(c.releaseChannel)?.channel),
    resourceLabels: labels(c.resourceLabels),
    workloadPool: str(obj(c.workloadIdentityConfig)?.workloadPool),
    databaseEncryption: encryption
      ? compact({
          state: enumStr(encryption.state),
          currentState: enumStr(encryption.currentState),
          keyName: str(encryption.keyName),
        })
      : undefined,
    loggingService: str(c.loggingService),
    loggingComponents: logging ? strs(logging.enableComponents) : undefined,
    monitoringService: str(c.monitoringService),
    monitoringComponents: monitoringComponents ? strs(monitoringComponents.enableComponents) : undefined,
    managedPrometheus: bool(obj(monitoring?.managedPrometheusConfig)?.enabled),
    nodePools: objs(c.nodePools).map((p) => {
      const config = obj(p.config);
      return compact({
        name: str(p.name) ?? '',
        status: enumStr(p.status),
        version: str(p.version),
        machineType: str(config?.machineType),
        imageType: str(config?.imageType),
        serviceAccount: str(config?.serviceAccount),
        workloadMetadataMode: enumStr(obj(config?.workloadMetadataConfig)?.mode),
      });
    }),
  });
}

export async function collectGke(run: GcpRun): Promise<FacetResults> {
  const { ClusterManagerClient } = await import('@google-cloud/container');
  const client = new ClusterManagerClient(run.transport.gapic('container'));
  const facet = new FacetBuilder();
  const read: string[] = [];
  const clusters: GcpGkeCluster[] = [];
  await Promise.all(
    run.settings.projects.map(async (project) => {
      const parent = `projects/${project}/locations/-`;
      const res = await facet.unit('container.clusters.list', parent, project, async () => {
        const [r] = await call(run, () => client.listClusters({ parent }, { retry: null }));
        return r as Raw;
      });
      if (!res) return;
      // Zones that did not answer make the list incomplete: a problem, not a silent gap.
      const missing = strs(res.missingZones);
      if (missing.length > 0)
        facet.problems.push({
          subject: `container.googleapis.com projects.locations.clusters.list ${parent}`,
          message: `the cluster list of ${parent} is incomplete: zones ${missing.join(', ')} did not answer.`,
          cause: 'unavailable',
          fix: 'retry later.',
        });
      else read.push(`projects/${project}`);
      clusters.push(
        ...objs(res.clusters)
          .map((c) => gkeCluster(project, c))
          .filter((c) => c.name !== ''),
      );
    }),
  );
  await client.close();
  clusters.sort((a, b) => (`${a.project}/${a.location}/${a.name}` < `${b.project}/${b.location}/${b.name}` ? -1 : 1));
  return { 'gcp.gke': facet.build<'gcp.gke'>({ read: read.sort(), clusters }) };
}
