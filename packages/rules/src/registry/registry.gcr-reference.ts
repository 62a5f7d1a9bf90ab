import { defineViewRule, type Expectations, type ViewItemContext } from '@coditect-audit/core';
import {
  AR_MIGRATION_SENTENCE,
  type GcrOccurrence,
  type GcrReference,
  type GcrReferenceView,
  gcrDomainRepository,
  suggestedLocation,
} from '@coditect-audit/core/views';

type MessageId =
  | 'projectImage'
  | 'googleMaintainedImage'
  | 'thirdPartyImage'
  | 'kubernetesFrozenRegistry'
  | 'registryHost'
  | 'configureDockerDefault'
  | 'registryResource'
  | 'registryDataSource';

/** Ownership before judgement: what the reference is decides the message, and whether it is the project's to move. */
function messageOf(o: GcrOccurrence): MessageId {
  if (o.what === 'configure-docker') return 'configureDockerDefault';
  if (o.what === 'registry-resource') return o.address?.startsWith('data.') ? 'registryDataSource' : 'registryResource';
  const ref = o.ref as GcrReference;
  if (!ref.project) return 'registryHost';
  switch (ref.kind) {
    case 'google-maintained':
      return 'googleMaintainedImage';
    case 'third-party':
      return 'thirdPartyImage';
    case 'kubernetes-frozen':
      return 'kubernetesFrozenRegistry';
    case 'project':
      return 'projectImage';
  }
}

/** What a view that names no workload (a file's) reads as one. */
const NO_WORKLOAD: { readonly kind: string; readonly name: string } = { kind: '', name: '' };

/** Google's and open-source publishers' images are not the project's own: ADR-001 Decision 1 is not about them. */
const NOT_OURS = new Set<MessageId>(['googleMaintainedImage', 'thirdPartyImage']);

/** What the messages name; the repository's findings also name the Artifact Registry host to log in to. */
function refData(ref: GcrReference, exp: Expectations, arHost?: string): Record<string, string> {
  return {
    reference: ref.text,
    host: ref.host,
    suggestion: suggestedLocation(ref, exp),
    gcrDomain: gcrDomainRepository(ref),
    ...(arHost !== undefined ? { arHost } : {}),
    ...(ref.publisher ? { publisher: ref.publisher } : {}),
  };
}

/**
 * One view: a file's references, or a live workload's images. Each reference is a finding (or, not the
 * project's own, a pass); a workload with no finding, or a file with no reference, passes.
 */
function judge(ctx: ViewItemContext<'gcr-reference', MessageId | 'noReference'>, v: GcrReferenceView): void {
  const exp = ctx.env.expectations;
  const live = v.source === 'k8s';
  const workload = v.workload ?? NO_WORKLOAD;
  let failed = false;
  // Indexed: a for-of allocates an iterator result per reference until the loop is optimized (10,000 live
  // workloads at 16×).
  const occurrences = v.occurrences;
  for (let j = 0; j < occurrences.length; j++) {
    const o = occurrences[j]!;
    const messageId = messageOf(o);
    const data: Record<string, string> =
      o.what === 'configure-docker'
        ? { hosts: '(no host)', arHost: exp.registry.host }
        : o.what === 'registry-resource'
          ? { address: o.address ?? o.observed }
          : live
            ? {
                container: `Container ${o.container}`,
                kind: workload.kind,
                name: workload.name,
                ...refData(o.ref as GcrReference, exp),
              }
            : refData(o.ref as GcrReference, exp, exp.registry.host);
    const where = {
      ...(o.location ? { location: o.location } : {}),
      ...(o.discriminator ? { discriminator: o.discriminator } : {}),
    };
    if (NOT_OURS.has(messageId)) {
      ctx.pass({ resource: o.resource, messageId, data, ...where });
      continue;
    }
    failed = true;
    ctx.fail({
      resource: o.resource,
      messageId,
      data,
      ...where,
      evidence: [
        {
          path: o.evidencePath,
          observed: o.observed,
          expected: 'an Artifact Registry (*-docker.pkg.dev) reference',
          ...(o.location ? { location: o.location } : {}),
        },
      ],
    });
  }
  // A file with only Google's or publishers' images has references, so no "none" pass; a workload says it.
  if (live ? !failed : v.occurrences.length === 0)
    ctx.pass({
      resource: v.resource,
      messageId: 'noReference',
      data: live ? { kind: workload.kind, name: workload.name } : { file: v.file ?? '' },
    });
}

/**
 * ADR-001 Decision 1: Container Registry is gone, so nothing may pull from or push to `gcr.io` /
 * `*.gcr.io`: in the repository (Dockerfile `FROM` and `COPY --from`, Kubernetes images, workflow commands and
 * inputs, OpenTofu attributes) and in what the cluster runs.
 *
 * Ownership before judgement: the decision is about the project's own images. Google-maintained images
 * (`gcr.io/distroless/...`, the Cloud SQL proxy and connectors, `gke.gcr.io` system images,
 * `mirror.gcr.io`) keep being served by Google from gcr.io-domain repositories in Artifact Registry: they
 * pass, saying why, and so do images open-source projects publish there (`gcr.io/k8s-staging-*`, Istio,
 * Knative, Tekton...). `k8s.gcr.io` is frozen and fails with `registry.k8s.io` as the fix. An Artifact Registry
 * repository named `gcr.io` (`us-docker.pkg.dev/<project>/gcr.io/<image>`) is Artifact Registry.
 *
 * Over the gcr-reference view rather than the image view: the repository's references are not only workload
 * images (a workflow's `docker login`, an OpenTofu attribute). gcr-docs-reference stays its own rule (concern
 * docs.gcr-reference): a guide's prose is documentation, not something that pulls or pushes (P2, a bare host
 * named in prose is a mention).
 */
export default defineViewRule({
  id: 'registry.gcr-reference',
  title: 'Image reference to Container Registry (gcr.io)',
  concerns: ['registry.gcr-reference'],
  view: 'gcr-reference',
  sources: {
    files: { alias: 'gcr-image-reference' },
    k8s: {
      alias: 'k8s-gcr-image',
      messages: {
        projectImage: `{{container}} in {{kind}} {{name}} runs {{reference}}, a Container Registry image; use {{suggestion}}. ${AR_MIGRATION_SENTENCE} (For {{host}}: {{gcrDomain}}.)`,
        googleMaintainedImage:
          "{{container}} in {{kind}} {{name}} runs {{reference}}, a Google-maintained image, not one of the project's own: Google serves it from gcr.io-domain repositories in Artifact Registry, so it keeps its name.",
        thirdPartyImage:
          "{{container}} in {{kind}} {{name}} runs {{reference}}, published by {{publisher}}, not one of the project's own images: where it is served is its publisher's decision.",
        kubernetesFrozenRegistry: `{{container}} in {{kind}} {{name}} runs {{reference}} from {{host}}, the frozen Kubernetes registry; use {{suggestion}}.`,
        noReference: 'No container of {{kind}} {{name}} runs a Container Registry image.',
      },
    },
  },
  description:
    "Finds every reference to Container Registry (`gcr.io`, `us.gcr.io`, `eu.gcr.io`, `asia.gcr.io`, any `*.gcr.io`). In the repository: Dockerfile `FROM` (after `ARG` expansion) and `COPY --from=<image>`; every `image` in Kubernetes manifests; workflow `run` commands (docker, buildx, gcloud, kubectl: `-t` tags, `kubectl set image`, `docker login gcr.io`, `gcloud auth configure-docker` with no host, in a job that gives Docker no Artifact Registry host either), step `with` inputs and `docker://` actions (`kustomize edit set image OLD=NEW`: NEW only, OLD is a name kustomize matches); Cloud Build configs (`cloudbuild*.yaml`, or known by their `steps`: builders, arguments, scripts, `images:`, substitutions); string attributes of every OpenTofu block, and `google_container_registry` resources; one finding per file and repository. In the cluster: every container and init container image of every workload it runs (Deployments, StatefulSets, DaemonSets, CronJobs, and Jobs, ReplicaSets and Pods no controller owns; a Deployment's older ReplicaSets are history, not what runs). A project's own gcr.io image fails with the Artifact Registry path to use instead; a Google-maintained gcr.io image (`gcr.io/distroless/...`, the Cloud SQL proxy, `gke.gcr.io` system images, `mirror.gcr.io`) or one an open-source project publishes there is not the project's own and passes, saying so; `k8s.gcr.io` points at `registry.k8s.io`.",
  rationale:
    "ADR-001 Decision 1: \"GCR was shut down March 18, 2025. All image pull attempts returned 403/401 Forbidden.\" The ADR moved the image to `us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend` and decided that all future projects MUST use Artifact Registry. Any gcr.io reference left in the repository is a deployment that fails the next time it pulls or pushes; a running pod keeps its cached image, so the cluster can look healthy until a pod is rescheduled to a node without it, and the workload spec says what the next pull will ask for. The decision is about the project's own images: Google-maintained gcr.io images (distroless, the Cloud SQL proxy and connectors, cloud-sdk, `gke.gcr.io` system images, mirror.gcr.io) are not the project's to move, and Google keeps serving them from gcr.io-domain repositories in Artifact Registry, so they pass with a message saying so; so do images open-source projects publish on gcr.io (`gcr.io/k8s-staging-*`, Istio, Knative, Tekton, Kubeflow, Kubebuilder, Skaffold, kpt), whose location is their publisher's decision. `k8s.gcr.io` is frozen (no new images since 2023) and fails with `registry.k8s.io` as the fix. Container Registry is also the ADR's example of a shut-down platform (Lesson 1: \"GCR shutdown March 2025 caused deployment failure\"); the lesson's other platforms are the `lifecycle.*` concerns.",
  remediation: {
    text: "Push the project's images to the Artifact Registry repository and reference them there, in the repository and in the running workloads. Where gcr.io names must keep working (old manifests, third-party tooling), migrate the project to gcr.io-domain repositories in Artifact Registry.",
    commands: [
      'gcloud services enable artifactregistry.googleapis.com --project={{project}}',
      'gcloud artifacts repositories create coditect-backend --repository-format=docker --location={{region}} --project={{project}}',
      'gcloud auth configure-docker {{region}}-docker.pkg.dev',
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.0-staging --push .',
      'kubectl set image deployment/coditect-backend backend={{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1 -n coditect-staging',
      'gcloud artifacts docker upgrade migrate --projects={{project}}   # gcr.io-domain repositories in Artifact Registry',
    ],
  },
  benchmarks: [],
  messages: {
    // files (k8s words the shared ids its own way: see sources.k8s.messages)
    projectImage: `{{reference}} is a Container Registry image; use {{suggestion}}. ${AR_MIGRATION_SENTENCE} (For {{host}}: {{gcrDomain}}.)`,
    googleMaintainedImage:
      "{{reference}} is a Google-maintained image, not one of the project's own: Google serves it from gcr.io-domain repositories in Artifact Registry, so it keeps its name.",
    thirdPartyImage:
      "{{reference}} is published by {{publisher}}, not one of the project's own images: where it is served is its publisher's decision (pin it by digest, or mirror it into your own repository).",
    kubernetesFrozenRegistry: `{{reference}} is on {{host}}, the frozen Kubernetes registry; use {{suggestion}}. ${AR_MIGRATION_SENTENCE}`,
    registryHost: `{{reference}} is the Container Registry host; log in to and push to the Artifact Registry host {{arHost}} instead. ${AR_MIGRATION_SENTENCE}`,
    configureDockerDefault: `gcloud auth configure-docker {{hosts}} configures Docker for Container Registry hosts; name the Artifact Registry host instead (gcloud auth configure-docker {{arHost}}). ${AR_MIGRATION_SENTENCE}`,
    registryResource: `{{address}} manages Container Registry; replace it with a google_artifact_registry_repository (format = "DOCKER"). ${AR_MIGRATION_SENTENCE}`,
    registryDataSource: `{{address}} reads an image of Container Registry; read it from Artifact Registry instead (data "google_artifact_registry_docker_image", or a *-docker.pkg.dev reference). ${AR_MIGRATION_SENTENCE}`,
    noReference: 'No Container Registry (gcr.io) reference in {{file}}.',
  },
  // Each file and each live workload by itself (a live one as the collector finishes it).
  judgeItem: { sources: ['files', 'k8s'], judge },
});
