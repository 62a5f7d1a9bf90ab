/**
 * Resource Manager v3 (`@google-cloud/resource-manager`): each project's number (to name the Compute Engine
 * default service account GKE nodes use) and its IAM policy (a POST `:getIamPolicy`, which only reads).
 */
import type { GcpIamPolicy } from '@coditect-audit/core';
import type { GcpApiCall } from '../api-calls.js';
import { call, FacetBuilder, type FacetResults, type GcpRun } from '../context.js';
import { iamPolicy, type Raw, str } from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const RESOURCE_MANAGER_API_CALLS = {
  'cloudresourcemanager.projects.get': {
    service: 'cloudresourcemanager',
    method: 'projects.get',
    http: 'GET',
    path: '/v3/projects/{project}',
    via: 'client',
    permission: 'resourcemanager.projects.get',
    role: 'roles/browser',
    facets: ['gcp.iam'],
  },
  'cloudresourcemanager.projects.getIamPolicy': {
    service: 'cloudresourcemanager',
    method: 'projects.getIamPolicy',
    http: 'POST',
    path: '/v3/projects/{project}:getIamPolicy',
    via: 'client',
    permission: 'resourcemanager.projects.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.iam'],
  },
} as const satisfies Record<string, GcpApiCall>;

export async function collectResourceManager(run: GcpRun): Promise<FacetResults> {
  const { ProjectsClient } = await import('@google-cloud/resource-manager');
  const client = new ProjectsClient(run.transport.gapic('cloudresourcemanager'));
  const facet = new FacetBuilder();
  const projects: { project: string; projectNumber?: string; policy: GcpIamPolicy }[] = [];
  await Promise.all(
    run.settings.projects.map(async (project) => {
      const name = `projects/${project}`;
      const [info, policy] = await Promise.all([
        facet.unit('cloudresourcemanager.projects.get', name, project, async () => {
          const [p] = await call(run, () => client.getProject({ name }, { retry: null }));
          return p as Raw;
        }),
        facet.unit('cloudresourcemanager.projects.getIamPolicy', name, project, async () => {
          const [p] = await call(run, () =>
            client.getIamPolicy({ resource: name, options: { requestedPolicyVersion: 3 } }, { retry: null }),
          );
          return iamPolicy(p);
        }),
      ]);
      if (!policy) return;
      const projectNumber = /^projects\/(\d+)$/.exec(str(info?.name) ?? '')?.[1];
      projects.push({ project, ...(projectNumber ? { projectNumber } : {}), policy });
    }),
  );
  await client.close();
  return { 'gcp.iam': facet.build<'gcp.iam'>({ projects: projects.sort((a, b) => (a.project < b.project ? -1 : 1)) }) };
}
