/**
 * Service Usage v1 (`@google-cloud/service-usage`): the APIs enabled in each project. The names come back
 * as `projects/<number>/services/<api>`, which also gives the project number.
 */
import type { GcpApiCall } from '../api-calls.js';
import { FacetBuilder, type FacetResults, type GcpRun, listAll, ONE_PAGE, page } from '../context.js';
import { enumStr, obj, type Raw, str } from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const SERVICE_USAGE_API_CALLS = {
  'serviceusage.services.list': {
    service: 'serviceusage',
    method: 'services.list',
    http: 'GET',
    path: '/v1/projects/{project}/services',
    query: ['filter'],
    via: 'client',
    permission: 'serviceusage.services.list',
    role: 'roles/serviceusage.serviceUsageViewer',
    facets: ['gcp.services'],
  },
} as const satisfies Record<string, GcpApiCall>;

export async function collectServiceUsage(run: GcpRun): Promise<FacetResults> {
  const { ServiceUsageClient } = await import('@google-cloud/service-usage');
  const client = new ServiceUsageClient(run.transport.gapic('serviceusage'));
  const facet = new FacetBuilder();
  const projects: { project: string; projectNumber?: string; enabled: string[] }[] = [];
  await Promise.all(
    run.settings.projects.map(async (project) => {
      const parent = `projects/${project}`;
      const listed = await facet.unit('serviceusage.services.list', parent, project, () =>
        listAll(run, (token) =>
          client.listServices({ parent, filter: 'state:ENABLED', pageSize: 200, ...page(token) }, ONE_PAGE),
        ),
      );
      if (!listed) return;
      let projectNumber: string | undefined;
      const enabled = new Set<string>();
      for (const s of listed as Raw[]) {
        const state = enumStr(s.state);
        if (state && state !== 'ENABLED') continue;
        const name = str(s.name) ?? '';
        const service = str(obj(s.config)?.name) ?? name.split('/services/')[1];
        if (service) enabled.add(service);
        projectNumber ??= /^projects\/(\d+)\//.exec(name)?.[1];
      }
      projects.push({ project, ...(projectNumber ? { projectNumber } : {}), enabled: [...enabled].sort() });
    }),
  );
  await client.close();
  return {
    'gcp.services': facet.build<'gcp.services'>({
      projects: projects.sort((a, b) => (a.project < b.project ? -1 : 1)),
    }),
  };
}
