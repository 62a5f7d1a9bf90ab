import { defineViewRule } from '@coditect-audit/core';
import { METADATA_SERVER_LABEL, WORKLOAD_IDENTITY_ANNOTATION } from '@coditect-audit/core/views';

const ANNOTATION_PATH = `metadata.annotations["${WORKLOAD_IDENTITY_ANNOTATION}"]`;

/**
 * ADR-001 Issue 5, steps 1 to 3: "Enable Workload Identity on GKE cluster; create GCP service account;
 * bind Kubernetes SA to GCP SA". The Kubernetes half of the binding, in the manifests and in the cluster: the
 * KSA annotation naming the Google service account, the app running as that KSA, and (live) node pools
 * serving the GKE metadata server.
 *
 * Not merged with gcp-workload-identity-binding: that rule reads another object (the Google service
 * account's IAM policy) for another fact (whether Google lets this KSA impersonate it); both halves must hold,
 * and neither says anything about the other. gke.workload-identity judges the cluster's own setting.
 */
export default defineViewRule({
  id: 'gke.ksa-binding',
  title: "The backend's Kubernetes service account is not bound through Workload Identity",
  concerns: ['gke.ksa-binding'],
  view: 'ksa-binding',
  sources: {
    manifest: { alias: 'manifest-workload-identity-binding' },
    k8s: {
      alias: 'k8s-workload-identity',
      messages: {
        missingAnnotation:
          'ServiceAccount {{serviceAccount}} has no iam.gke.io/gcp-service-account annotation, so it is bound to no Google service account.',
        invalidAnnotation:
          'ServiceAccount {{serviceAccount}} names "{{value}}" as its Google service account, which is not a service account email.',
      },
    },
  },
  adrIdentity: 'app ServiceAccount name (coditect-cloud-backend)',
  adrIdentityFields: ['app.serviceAccount'],
  description:
    'The app\'s ServiceAccount (`expectations.app.serviceAccount` in the app namespace) must carry `metadata.annotations["iam.gke.io/gcp-service-account"]` with a Google service account email, and the app\'s Deployment must run as that ServiceAccount (not `default`), in the manifests and live. When the ServiceAccount is not declared in the manifests the annotation cannot be checked there (the live source reads it), but the Deployment\'s `serviceAccountName` still is; live, a missing ServiceAccount fails. Live, every node pool must also run the GKE metadata server (nodes labelled `iam.gke.io/gke-metadata-server-enabled: "true"`), without which pods cannot use Workload Identity at all. The IAM half (roles/iam.workloadIdentityUser on the Google service account) is gcp-workload-identity-binding\'s.',
  rationale:
    'ADR-001 Issue 5 (P1) lists "Use Workload Identity for secret access: enable it on the cluster, create a GCP service account, bind the Kubernetes SA to the GCP SA, grant secretAccessor"; Issue 6 grants `roles/cloudkms.signerVerifier` to `coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com`. Without the annotation, or on a node pool without the GKE metadata server, pods get the node\'s identity or none, and Secret Manager and Cloud KMS calls fail or run with the wrong rights.',
  remediation: {
    text: 'Enable Workload Identity on the cluster and node pools, annotate the ServiceAccount with the Google service account, allow the KSA to impersonate it, and run the Deployment as that KSA.',
    commands: [
      'gcloud container node-pools update coditect-cluster-pool --cluster=coditect-cluster --region={{region}} --workload-metadata=GKE_METADATA --project={{project}}',
      'kubectl annotate serviceaccount coditect-cloud-backend -n coditect-staging iam.gke.io/gcp-service-account=coditect-cloud-backend@{{project}}.iam.gserviceaccount.com',
      'gcloud iam service-accounts add-iam-policy-binding coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/iam.workloadIdentityUser --member="serviceAccount:{{project}}.svc.id.goog[coditect-staging/coditect-cloud-backend]" --project={{project}}',
      'kubectl patch deployment coditect-backend -n coditect-staging -p \'{"spec":{"template":{"spec":{"serviceAccountName":"coditect-cloud-backend"}}}}\'',
    ],
  },
  benchmarks: [
    {
      standard: 'CIS GKE Benchmark 1.6',
      id: '5.2.2',
      title: 'Prefer using dedicated GCP Service Accounts and Workload Identity',
    },
  ],
  messages: {
    // manifest (k8s words the annotation messages its own way: see sources.k8s.messages)
    missingAnnotation:
      'ServiceAccount {{serviceAccount}} has no iam.gke.io/gcp-service-account annotation, so its pods get no Google identity through Workload Identity.',
    invalidAnnotation:
      'ServiceAccount {{serviceAccount}} annotation iam.gke.io/gcp-service-account is "{{value}}", which is not a Google service account email.',
    defaultServiceAccount:
      'Deployment {{deployment}} runs as the {{used}} ServiceAccount, not {{serviceAccount}}, so it does not get the bound Google identity.',
    otherServiceAccount: 'Deployment {{deployment}} runs as ServiceAccount {{used}}, not {{serviceAccount}}.',
    bound: 'ServiceAccount {{serviceAccount}} is bound to {{gsa}} through Workload Identity.',
    deploymentUsesServiceAccount: 'Deployment {{deployment}} runs as ServiceAccount {{serviceAccount}}.',
    // k8s
    noServiceAccount: 'ServiceAccount {{serviceAccount}} does not exist in namespace {{namespace}}.',
    metadataServerDisabled:
      'Node pool {{pool}} ({{nodes}} node(s)) does not run the GKE metadata server, so its pods cannot use Workload Identity.',
    metadataServerEnabled: 'Node pool {{pool}} runs the GKE metadata server.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const expected = exp.app.serviceAccount;
    const gsa = `<name>@${exp.project}.iam.gserviceaccount.com`;
    for (const v of ctx.views) {
      const live = v.source === 'k8s';
      const sa = v.serviceAccount;
      if (sa && !sa.found) {
        if (live)
          ctx.fail({
            resource: sa.resource,
            messageId: 'noServiceAccount',
            data: { serviceAccount: sa.name, namespace: sa.namespace },
            evidence: [
              { path: `serviceaccounts/${sa.namespace}/${sa.name}`, observed: null, expected: 'the backend KSA' },
            ],
          });
        else
          ctx.skip(
            `ServiceAccount ${sa.name} in namespace ${sa.namespace} is not declared in the repository's manifests; the k8s layer reads its annotation`,
          );
      } else if (sa) {
        const data: Record<string, string> = live
          ? { serviceAccount: sa.name, namespace: sa.namespace }
          : { serviceAccount: sa.name };
        const { resource } = sa;
        if (sa.annotation === undefined)
          ctx.fail({
            resource,
            messageId: 'missingAnnotation',
            data,
            ...(sa.location ? { location: sa.location } : {}),
            evidence: [{ path: ANNOTATION_PATH, observed: null, expected: gsa }],
          });
        else if (!sa.annotationIsEmail)
          ctx.fail({
            resource,
            messageId: 'invalidAnnotation',
            data: { ...data, value: sa.annotation },
            ...(sa.annotationLocation ? { location: sa.annotationLocation } : {}),
            evidence: [{ path: ANNOTATION_PATH, observed: sa.annotation, expected: gsa }],
          });
        else
          ctx.pass({
            resource,
            messageId: 'bound',
            data: { ...data, gsa: sa.annotation },
            ...(sa.annotationLocation ? { location: sa.annotationLocation } : {}),
            ...(live ? {} : { evidence: [{ path: ANNOTATION_PATH, observed: sa.annotation }] }),
          });
      }

      const d = v.deployment;
      if (d) {
        // The manifests' verdicts were fingerprinted with `serviceAccountName`, the cluster's with `serviceAccount`.
        const discriminator = live ? 'serviceAccount' : 'serviceAccountName';
        const location = d.location ? { location: d.location } : {};
        if (d.used === expected)
          ctx.pass({
            resource: d.resource,
            messageId: 'deploymentUsesServiceAccount',
            data: { deployment: d.name, serviceAccount: expected },
            ...location,
            discriminator,
          });
        else
          ctx.fail({
            resource: d.resource,
            messageId: !live && d.used === 'default' ? 'defaultServiceAccount' : 'otherServiceAccount',
            data: { deployment: d.name, used: d.used, serviceAccount: expected },
            ...location,
            evidence: [
              {
                path: `spec.template.spec.${d.field ?? 'serviceAccountName'}`,
                observed: live || d.field ? d.used : null,
                expected,
              },
            ],
            discriminator,
          });
      }

      for (const p of v.nodePools) {
        if (p.without.length === 0)
          ctx.pass({ resource: p.resource, messageId: 'metadataServerEnabled', data: { pool: p.pool } });
        else
          ctx.fail({
            resource: p.resource,
            messageId: 'metadataServerDisabled',
            data: { pool: p.pool, nodes: p.without.length },
            evidence: p.without.slice(0, 5).map((n) => ({
              path: `nodes/${n.node}/metadata/labels["${METADATA_SERVER_LABEL}"]`,
              observed: n.label,
              expected: 'true',
            })),
          });
      }
    }
  },
});
