import { defineRule, type K8sNode } from '@coditect-audit/core';
import { asString } from '../util/k8s-app.js';
import { annotationsOfLive, inScope, itemsOf, liveResource, podSpecOf } from '../util/k8s-live.js';

const WORKLOAD_IDENTITY_ANNOTATION = 'iam.gke.io/gcp-service-account';
/** GKE sets this node label on node pools that run the GKE metadata server (Workload Identity). */
const METADATA_SERVER_LABEL = 'iam.gke.io/gke-metadata-server-enabled';
/** A Google service account email (user-managed or one of Google's default accounts). */
const GSA_EMAIL =
  /^[a-z0-9][a-z0-9.-]*@[a-z0-9][a-z0-9.:-]*\.(?:iam\.gserviceaccount\.com|developer\.gserviceaccount\.com|appspot\.gserviceaccount\.com)$/;

/**
 * ADR-001 Issue 5, steps 1 to 3: "Enable Workload Identity on GKE cluster; create GCP service account;
 * bind Kubernetes SA to GCP SA". The cluster shows the Kubernetes half: the KSA annotation, the app
 * running as that KSA, and node pools serving the GKE metadata server.
 */
export default defineRule({
  id: 'k8s-workload-identity',
  title: "The backend's Kubernetes service account is not bound through Workload Identity",
  concerns: ['gke.workload-identity'],
  layer: 'k8s',
  facets: ['k8s.serviceaccounts', 'k8s.deployments', 'k8s.nodes'],
  adrIdentity: 'app ServiceAccount name (coditect-cloud-backend)',
  adrIdentityFields: ['app.serviceAccount'],
  description:
    "The app's ServiceAccount (`expectations.app.serviceAccount` in the app namespace) must exist and carry `iam.gke.io/gcp-service-account` with a Google service account email; the app's Deployment must run as it; and every node pool must run the GKE metadata server (nodes labelled `iam.gke.io/gke-metadata-server-enabled: \"true\"`), without which pods cannot use Workload Identity at all. The IAM half (roles/iam.workloadIdentityUser on the Google service account) is the GCP layer's.",
  rationale:
    "ADR-001 Issue 5 uses Workload Identity for secret access (and Issue 6 grants the backend's Google service account the KMS signer role). Without the annotation, or on a node pool without the GKE metadata server, the pod gets the node's identity or none, and Secret Manager and Cloud KMS calls fail or run with the wrong rights.",
  remediation: {
    text: 'Enable Workload Identity on the cluster and node pools, annotate the KSA, and let it impersonate the Google service account.',
    commands: [
      'gcloud container clusters update coditect-cluster --region={{region}} --workload-pool={{project}}.svc.id.goog --project={{project}}',
      'gcloud container node-pools update coditect-cluster-pool --cluster=coditect-cluster --region={{region}} --workload-metadata=GKE_METADATA --project={{project}}',
      'kubectl annotate serviceaccount coditect-cloud-backend -n coditect-staging iam.gke.io/gcp-service-account=coditect-cloud-backend@{{project}}.iam.gserviceaccount.com',
      'gcloud iam service-accounts add-iam-policy-binding coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/iam.workloadIdentityUser --member="serviceAccount:{{project}}.svc.id.goog[coditect-staging/coditect-cloud-backend]"',
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
    noServiceAccount: 'ServiceAccount {{serviceAccount}} does not exist in namespace {{namespace}}.',
    missingAnnotation:
      'ServiceAccount {{serviceAccount}} has no iam.gke.io/gcp-service-account annotation, so it is bound to no Google service account.',
    invalidAnnotation:
      'ServiceAccount {{serviceAccount}} names "{{value}}" as its Google service account, which is not a service account email.',
    otherServiceAccount: 'Deployment {{deployment}} runs as ServiceAccount {{used}}, not {{serviceAccount}}.',
    metadataServerDisabled:
      'Node pool {{pool}} ({{nodes}} node(s)) does not run the GKE metadata server, so its pods cannot use Workload Identity.',
    bound: 'ServiceAccount {{serviceAccount}} is bound to {{gsa}} through Workload Identity.',
    deploymentUsesServiceAccount: 'Deployment {{deployment}} runs as ServiceAccount {{serviceAccount}}.',
    metadataServerEnabled: 'Node pool {{pool}} runs the GKE metadata server.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const ns = exp.app.namespace;
    const expected = exp.app.serviceAccount;
    const accounts = ctx.facet('k8s.serviceaccounts');
    if (inScope(accounts, ns)) {
      const sa = itemsOf(accounts).find((s) => s.name === expected && s.namespace === ns);
      const data = { serviceAccount: expected, namespace: ns };
      const annotation = `metadata.annotations["${WORKLOAD_IDENTITY_ANNOTATION}"]`;
      if (!sa) {
        ctx.fail({
          resource: liveResource({ kind: 'ServiceAccount', name: expected, namespace: ns }),
          messageId: 'noServiceAccount',
          data,
          evidence: [{ path: `serviceaccounts/${ns}/${expected}`, observed: null, expected: 'the backend KSA' }],
        });
      } else {
        const value = annotationsOfLive(sa)[WORKLOAD_IDENTITY_ANNOTATION]?.trim();
        const gsa = `<name>@${exp.project}.iam.gserviceaccount.com`;
        if (value === undefined)
          ctx.fail({
            resource: liveResource(sa),
            messageId: 'missingAnnotation',
            data,
            evidence: [{ path: annotation, observed: null, expected: gsa }],
          });
        else if (!GSA_EMAIL.test(value))
          ctx.fail({
            resource: liveResource(sa),
            messageId: 'invalidAnnotation',
            data: { ...data, value },
            evidence: [{ path: annotation, observed: value, expected: gsa }],
          });
        else ctx.pass({ resource: liveResource(sa), messageId: 'bound', data: { ...data, gsa: value } });
      }
    }

    const deployments = ctx.facet('k8s.deployments');
    const d = itemsOf(deployments).find((x) => x.name === exp.app.deployment && x.namespace === ns);
    if (d) {
      const used = asString(podSpecOf(d)?.serviceAccountName) ?? 'default';
      if (used === expected)
        ctx.pass({
          resource: liveResource(d),
          messageId: 'deploymentUsesServiceAccount',
          data: { deployment: d.name, serviceAccount: used },
          discriminator: 'serviceAccount',
        });
      else
        ctx.fail({
          resource: liveResource(d),
          messageId: 'otherServiceAccount',
          data: { deployment: d.name, used, serviceAccount: expected },
          evidence: [{ path: 'spec.template.spec.serviceAccountName', observed: used, expected }],
          discriminator: 'serviceAccount',
        });
    }

    const pools = new Map<string, K8sNode[]>();
    for (const n of itemsOf(ctx.facet('k8s.nodes'))) {
      const pool = n.labels['cloud.google.com/gke-nodepool'] ?? n.name;
      pools.set(pool, [...(pools.get(pool) ?? []), n]);
    }
    for (const [pool, nodes] of [...pools].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const resource = {
        id: `k8s:NodePool/-/${pool}`,
        kind: 'NodePool',
        name: pool,
        declaredAs: `tf:google_container_node_pool/${pool}`,
      };
      const without = nodes.filter((n) => n.labels[METADATA_SERVER_LABEL] !== 'true');
      if (without.length === 0) ctx.pass({ resource, messageId: 'metadataServerEnabled', data: { pool } });
      else
        ctx.fail({
          resource,
          messageId: 'metadataServerDisabled',
          data: { pool, nodes: without.length },
          evidence: without.slice(0, 5).map((n) => ({
            path: `nodes/${n.name}/metadata/labels["${METADATA_SERVER_LABEL}"]`,
            observed: n.labels[METADATA_SERVER_LABEL] ?? null,
            expected: 'true',
          })),
        });
    }
  },
});
