/**
 * IAM v1 (no official Node client: REST through google-auth-library): the IAM policy of the backend's
 * Google service account, where GKE Workload Identity binds the Kubernetes service account
 * (`roles/iam.workloadIdentityUser`). A POST `:getIamPolicy`, which only reads; IAM declares it with no
 * request body, so the policy version goes in the query (in a body it is ignored, and a version-1 policy
 * comes back without the conditions of conditional bindings).
 */
import type { GcpApiCall } from '../api-calls.js';
import { classify } from '../call.js';
import { call, FacetBuilder, type FacetResults, type GcpRun } from '../context.js';
import { iamPolicy } from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const IAM_API_CALLS = {
  'iam.serviceAccounts.getIamPolicy': {
    service: 'iam',
    method: 'projects.serviceAccounts.getIamPolicy',
    http: 'POST',
    path: '/v1/projects/{project}/serviceAccounts/{email}:getIamPolicy',
    query: ['options.requestedPolicyVersion'],
    via: 'rest',
    permission: 'iam.serviceAccounts.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.iam-service-accounts'],
  },
} as const satisfies Record<string, GcpApiCall>;

/** The backend's Google service account: the KMS signer when it is one, else `<app SA>@<project>.iam...`. */
export function backendServiceAccount(run: GcpRun, project: string): string {
  const signer = /^serviceAccount:(.+)$/.exec(run.expectations.kms.signer)?.[1];
  if (signer && project === run.expectations.project) return signer;
  return `${run.expectations.app.serviceAccount}@${project}.iam.gserviceaccount.com`;
}

export async function collectIam(run: GcpRun): Promise<FacetResults> {
  const facet = new FacetBuilder();
  const accounts: { project: string; email: string; exists: boolean; policy?: ReturnType<typeof iamPolicy> }[] = [];
  await Promise.all(
    run.settings.projects.map(async (project) => {
      const email = backendServiceAccount(run, project);
      const resource = `projects/${project}/serviceAccounts/${email}`;
      try {
        const body = await call(run, () =>
          run.transport.call(
            'iam.serviceAccounts.getIamPolicy',
            { project, email },
            { 'options.requestedPolicyVersion': 3 },
          ),
        );
        accounts.push({ project, email, exists: true, policy: iamPolicy(body) });
        facet.ok();
      } catch (e) {
        const err = classify(e);
        if (err.kind !== 'not-found') return facet.fail('iam.serviceAccounts.getIamPolicy', resource, project, err);
        accounts.push({ project, email, exists: false });
        facet.ok();
      }
    }),
  );
  return {
    'gcp.iam-service-accounts': facet.build<'gcp.iam-service-accounts'>({
      serviceAccounts: accounts.sort((a, b) => (a.project < b.project ? -1 : 1)),
    }),
  };
}
