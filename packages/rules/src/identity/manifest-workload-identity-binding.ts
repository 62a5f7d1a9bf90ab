import { defineRule } from '@coditect-audit/core';
import {
  annotationPointer,
  annotationsOf,
  appDeployment,
  asString,
  findObject,
  k8sResource,
  locationAt,
  manifestObjects,
  objectLocation,
  valueAt,
} from '../util/k8s-app.js';

const WORKLOAD_IDENTITY_ANNOTATION = 'iam.gke.io/gcp-service-account';

/**
 * A Google service account email: user-managed (`name@project.iam.gserviceaccount.com`) or one of
 * Google's default accounts (`123-compute@developer.gserviceaccount.com`, `project@appspot.gserviceaccount.com`).
 */
const GSA_EMAIL =
  /^(?:[a-z][a-z0-9-]{4,28}[a-z0-9]@[a-z][a-z0-9.:-]{4,61}[a-z0-9]\.iam\.gserviceaccount\.com|\d+-compute@developer\.gserviceaccount\.com|[a-z][a-z0-9.:-]*@appspot\.gserviceaccount\.com)$/;

/**
 * ADR-001 Issue 5: "Use Workload Identity for secret access ... 3. Bind Kubernetes SA to GCP SA".
 * The binding's Kubernetes half is the KSA annotation; the IAM half is checked by the GCP layer.
 */
export default defineRule({
  id: 'manifest-workload-identity-binding',
  title: "The backend's Kubernetes service account is not bound to a Google service account",
  concerns: ['gke.workload-identity'],
  layer: 'files',
  facets: ['files.kubernetes'],
  adrIdentity: 'app ServiceAccount name (coditect-cloud-backend)',
  adrIdentityFields: ['app.serviceAccount'],
  description:
    "The app's ServiceAccount (`expectations.app.serviceAccount` in the app namespace) must carry `metadata.annotations[\"iam.gke.io/gcp-service-account\"]` with a Google service account email, and the app's Deployment must run as that ServiceAccount (not `default`). When the ServiceAccount is not declared in the manifests the annotation cannot be checked here (the k8s layer reads it), but the Deployment's `serviceAccountName` still is.",
  rationale:
    'ADR-001 Issue 5 (P1) lists "Use Workload Identity for secret access: enable it on the cluster, create a GCP service account, bind the Kubernetes SA to the GCP SA, grant secretAccessor"; Issue 6 grants `roles/cloudkms.signerVerifier` to `coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com`. Without the annotation, pods get no Google identity and fall back to the node\'s.',
  remediation: {
    text: 'Annotate the ServiceAccount with the Google service account, allow the KSA to impersonate it, and run the Deployment as that KSA.',
    commands: [
      'kubectl annotate serviceaccount coditect-cloud-backend -n coditect-staging iam.gke.io/gcp-service-account=coditect-cloud-backend@{{project}}.iam.gserviceaccount.com',
      'gcloud iam service-accounts add-iam-policy-binding coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/iam.workloadIdentityUser --member="serviceAccount:{{project}}.svc.id.goog[coditect-staging/coditect-cloud-backend]" --project={{project}}',
      'kubectl patch deployment coditect-backend -n coditect-staging -p \'{"spec":{"template":{"spec":{"serviceAccountName":"coditect-cloud-backend"}}}}\'',
    ],
  },
  benchmarks: [],
  messages: {
    missingAnnotation:
      'ServiceAccount {{serviceAccount}} has no iam.gke.io/gcp-service-account annotation, so its pods get no Google identity through Workload Identity.',
    invalidAnnotation:
      'ServiceAccount {{serviceAccount}} annotation iam.gke.io/gcp-service-account is "{{value}}", which is not a Google service account email.',
    defaultServiceAccount:
      'Deployment {{deployment}} runs as the {{used}} ServiceAccount, not {{serviceAccount}}, so it does not get the bound Google identity.',
    otherServiceAccount: 'Deployment {{deployment}} runs as ServiceAccount {{used}}, not {{serviceAccount}}.',
    bound: 'ServiceAccount {{serviceAccount}} is bound to {{gsa}} through Workload Identity.',
    deploymentUsesServiceAccount: 'Deployment {{deployment}} runs as ServiceAccount {{serviceAccount}}.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const objects = manifestObjects(ctx.facet('files.kubernetes'));
    const expected = exp.app.serviceAccount;
    const sa = findObject(objects, exp, 'ServiceAccount', exp.app.namespace, expected);
    if (sa) {
      const resource = k8sResource(sa, exp);
      const data = { serviceAccount: sa.name };
      const value = annotationsOf(sa)[WORKLOAD_IDENTITY_ANNOTATION]?.trim();
      if (value === undefined) {
        ctx.fail({
          resource,
          messageId: 'missingAnnotation',
          data,
          location: objectLocation(sa),
          evidence: [
            {
              path: `metadata.annotations["${WORKLOAD_IDENTITY_ANNOTATION}"]`,
              observed: null,
              expected: `<name>@${exp.project}.iam.gserviceaccount.com`,
            },
          ],
        });
      } else if (!GSA_EMAIL.test(value)) {
        ctx.fail({
          resource,
          messageId: 'invalidAnnotation',
          data: { ...data, value },
          location: locationAt(sa, annotationPointer(WORKLOAD_IDENTITY_ANNOTATION)),
          evidence: [
            {
              path: `metadata.annotations["${WORKLOAD_IDENTITY_ANNOTATION}"]`,
              observed: value,
              expected: `<name>@${exp.project}.iam.gserviceaccount.com`,
            },
          ],
        });
      } else {
        ctx.pass({
          resource,
          messageId: 'bound',
          data: { ...data, gsa: value },
          location: locationAt(sa, annotationPointer(WORKLOAD_IDENTITY_ANNOTATION)),
          evidence: [{ path: `metadata.annotations["${WORKLOAD_IDENTITY_ANNOTATION}"]`, observed: value }],
        });
      }
    } else {
      ctx.skip(
        `ServiceAccount ${expected} in namespace ${exp.app.namespace} is not declared in the repository's manifests; the k8s layer reads its annotation`,
      );
    }

    const deployment = appDeployment(objects, exp);
    if (!deployment) return;
    const resource = k8sResource(deployment, exp);
    const podSpec = '/spec/template/spec';
    // `serviceAccount` is the deprecated spelling; the API server still honours it when the new one is unset.
    const field = ['serviceAccountName', 'serviceAccount'].find((f) =>
      asString(valueAt(deployment.object, `${podSpec}/${f}`)),
    );
    const used = field ? (asString(valueAt(deployment.object, `${podSpec}/${field}`)) ?? 'default') : 'default';
    if (used === expected) {
      ctx.pass({
        resource,
        messageId: 'deploymentUsesServiceAccount',
        data: { deployment: deployment.name, serviceAccount: expected },
        location: locationAt(deployment, `${podSpec}/${field}`),
        discriminator: 'serviceAccountName',
      });
      return;
    }
    ctx.fail({
      resource,
      messageId: used === 'default' ? 'defaultServiceAccount' : 'otherServiceAccount',
      data: { deployment: deployment.name, used, serviceAccount: expected },
      location: locationAt(deployment, field ? `${podSpec}/${field}` : podSpec),
      evidence: [
        { path: `spec.template.spec.${field ?? 'serviceAccountName'}`, observed: field ? used : null, expected },
      ],
      discriminator: 'serviceAccountName',
    });
  },
});
