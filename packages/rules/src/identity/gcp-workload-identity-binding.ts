import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

const ROLE = 'roles/iam.workloadIdentityUser';

/**
 * ADR-001 Issue 5 steps 2-3, live: "Create GCP service account; Bind Kubernetes SA to GCP SA".
 *
 * The Google half of the binding, kept apart from gke.ksa-binding (the Kubernetes half, manifests and live):
 * this one reads the Google service account's IAM policy for the grant that lets the KSA impersonate it, an
 * object and a fact no Kubernetes source shows; the annotation there names the Google account, it does not
 * grant anything. Both must hold, and neither decides the other.
 */
export default defineRule({
  id: 'gcp-workload-identity-binding',
  title: "The backend's Kubernetes service account is not bound to its Google service account",
  concerns: ['gke.gsa-binding'],
  layer: 'gcp',
  facets: ['gcp.iam-service-accounts'],
  adrIdentity: 'backend service account (coditect-cloud-backend)',
  adrIdentityFields: ['app.serviceAccount'],
  description:
    "Reads the IAM policy of the backend's Google service account (iam `serviceAccounts.getIamPolicy`; the account is the member of `expectations.kms.signer`, by default `coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com`). It must grant `roles/iam.workloadIdentityUser` to `serviceAccount:<project>.svc.id.goog[<namespace>/<ksa>]` (from `expectations.app.namespace` and `expectations.app.serviceAccount`). A missing service account fails; so does a policy without that binding.",
  rationale:
    'ADR-001 Issue 5: without the binding the pod cannot act as the Google service account, so External Secrets cannot read Secret Manager and the backend cannot sign licenses with Cloud KMS, however the cluster is configured.',
  remediation: {
    text: 'Create the Google service account if needed and allow the Kubernetes service account to impersonate it.',
    commands: [
      'gcloud iam service-accounts create coditect-cloud-backend --project={{project}}',
      'gcloud iam service-accounts add-iam-policy-binding coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/iam.workloadIdentityUser --member="serviceAccount:{{project}}.svc.id.goog[coditect-staging/coditect-cloud-backend]" --project={{project}}',
    ],
  },
  messages: {
    bound: '{{ksa}} may act as {{gsa}} (roles/iam.workloadIdentityUser).',
    serviceAccountMissing: 'The Google service account {{gsa}} does not exist, so {{ksa}} cannot be bound to it.',
    notBound: '{{gsa}} does not grant roles/iam.workloadIdentityUser to {{member}}.',
  },
  check(ctx) {
    const { project, app } = ctx.env.expectations;
    const member = `serviceAccount:${project}.svc.id.goog[${app.namespace}/${app.serviceAccount}]`;
    const ksa = `${app.namespace}/${app.serviceAccount}`;
    for (const sa of ctx.facet('gcp.iam-service-accounts').serviceAccounts.filter((s) => s.project === project)) {
      const resource = gcpResource.serviceAccount(sa.email);
      const granted = (sa.policy?.bindings ?? []).some((b) => b.role === ROLE && b.members.includes(member));
      const evidence = [
        {
          path: `bindings[role=${ROLE}].members`,
          observed:
            (sa.policy?.bindings ?? [])
              .filter((b) => b.role === ROLE)
              .flatMap((b) => b.members)
              .join(', ') || null,
          expected: member,
        },
      ];
      if (!sa.exists)
        ctx.fail({ resource, messageId: 'serviceAccountMissing', data: { gsa: sa.email, ksa }, evidence });
      else if (granted) ctx.pass({ resource, messageId: 'bound', data: { gsa: sa.email, ksa }, evidence });
      else ctx.fail({ resource, messageId: 'notBound', data: { gsa: sa.email, member }, evidence });
    }
  },
});
