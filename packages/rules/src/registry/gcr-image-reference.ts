import {
  defineRule,
  type Dockerfile,
  type Expectations,
  type K8sObject,
  type Location,
  type Resource,
  type TfBlock,
  type Workflow,
} from '@coditect-audit/core';
import { escapePointerToken, isObject, locate } from '../util/containers.js';
import {
  AR_MIGRATION_SENTENCE,
  configureDockerHosts,
  findGcrReferences,
  type GcrReference,
  gcrDomainRepository,
  suggestedLocation,
} from '../util/registry.js';

type MessageId =
  | 'projectImage'
  | 'googleMaintainedImage'
  | 'thirdPartyImage'
  | 'kubernetesFrozenRegistry'
  | 'registryHost'
  | 'configureDockerDefault'
  | 'registryResource';

/** One place a file depends on Container Registry. */
interface Occurrence {
  /** Resource key within the file: the repository, `configure-docker`, or a Terraform address. */
  key: string;
  messageId: MessageId;
  data: Record<string, string>;
  location: Location;
  evidencePath: string;
  observed: string;
}

/**
 * ADR-001 Decision 1: Container Registry is gone, so nothing may pull from or push to `gcr.io` /
 * `*.gcr.io`: Dockerfile `FROM` and `COPY --from`, Kubernetes images, workflow commands and inputs,
 * OpenTofu attributes.
 *
 * Ownership before judgement: the decision is about the project's own images. Google-maintained images
 * (`gcr.io/distroless/...`, the Cloud SQL proxy and connectors, `gke.gcr.io` system images,
 * `mirror.gcr.io`) keep being served by Google from gcr.io-domain repositories in Artifact Registry: they
 * pass, saying why, and so do images open-source projects publish there (`gcr.io/k8s-staging-*`, Istio,
 * Knative, Tekton...). `k8s.gcr.io` is frozen and fails with `registry.k8s.io` as the fix. An Artifact Registry
 * repository named `gcr.io` (`us-docker.pkg.dev/<project>/gcr.io/<image>`) is Artifact Registry.
 */
export default defineRule({
  id: 'gcr-image-reference',
  title: 'Image reference to Container Registry (gcr.io)',
  // Container Registry is also the ADR's example of a shut-down platform (Lesson 1).
  concerns: ['registry.gcr-reference', 'lifecycle.deprecated-platform'],
  layer: 'files',
  facets: ['files.dockerfile', 'files.kubernetes', 'files.workflows', 'files.terraform'],
  description:
    'Finds every reference to Container Registry (`gcr.io`, `us.gcr.io`, `eu.gcr.io`, `asia.gcr.io`, any `*.gcr.io`): Dockerfile `FROM` (after `ARG` expansion) and `COPY --from=<image>`; every `image` in Kubernetes manifests; workflow `run` commands (docker, buildx, gcloud, kubectl: `-t` tags, `kubectl set image`, `docker login gcr.io`, `gcloud auth configure-docker` without an Artifact Registry host), step `with` inputs and `docker://` actions; string attributes of every OpenTofu block, and `google_container_registry` resources. One finding per file and repository; further occurrences in the same file are related locations.',
  rationale:
    'ADR-001 Decision 1: "GCR was shut down March 18, 2025. All image pull attempts returned 403/401 Forbidden." The ADR moved the image to `us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend` and decided that all future projects MUST use Artifact Registry. Any gcr.io reference left in the repository is a deployment that fails the next time it pulls or pushes. The decision is about the project\'s own images: Google-maintained gcr.io images (distroless, the Cloud SQL proxy and connectors, cloud-sdk, `gke.gcr.io` system images, mirror.gcr.io) are not the project\'s to move, and Google keeps serving them from gcr.io-domain repositories in Artifact Registry, so they pass with a message saying so; so do images open-source projects publish on gcr.io (`gcr.io/k8s-staging-*`, Istio, Knative, Tekton, Kubeflow), whose location is their publisher\'s decision. `k8s.gcr.io` is frozen (no new images since 2023) and fails with `registry.k8s.io` as the fix. The rule also carries `lifecycle.deprecated-platform` (Lesson 1: "GCR shutdown March 2025 caused deployment failure"), since Container Registry is the ADR\'s example of a shut-down platform.',
  remediation: {
    text: "Push the project's images to the Artifact Registry repository and reference them there. Where gcr.io names must keep working (old manifests, third-party tooling), migrate the project to gcr.io-domain repositories in Artifact Registry.",
    commands: [
      'gcloud services enable artifactregistry.googleapis.com --project={{project}}',
      'gcloud artifacts repositories create coditect-backend --repository-format=docker --location={{region}} --project={{project}}',
      'gcloud auth configure-docker {{region}}-docker.pkg.dev',
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.0-staging --push .',
      'gcloud artifacts docker upgrade migrate --projects={{project}}   # gcr.io-domain repositories in Artifact Registry',
    ],
  },
  benchmarks: [],
  messages: {
    projectImage: `{{reference}} is a Container Registry image; use {{suggestion}}. ${AR_MIGRATION_SENTENCE} (For {{host}}: {{gcrDomain}}.)`,
    googleMaintainedImage:
      "{{reference}} is a Google-maintained image, not one of the project's own: Google serves it from gcr.io-domain repositories in Artifact Registry, so it keeps its name.",
    thirdPartyImage:
      "{{reference}} is published by {{publisher}}, not one of the project's own images: where it is served is its publisher's decision (pin it by digest, or mirror it into your own repository).",
    kubernetesFrozenRegistry: `{{reference}} is on {{host}}, the frozen Kubernetes registry; use {{suggestion}}. ${AR_MIGRATION_SENTENCE}`,
    registryHost: `{{reference}} is the Container Registry host; log in to and push to the Artifact Registry host {{arHost}} instead. ${AR_MIGRATION_SENTENCE}`,
    configureDockerDefault: `gcloud auth configure-docker {{hosts}} configures Docker for Container Registry hosts; name the Artifact Registry host instead (gcloud auth configure-docker {{arHost}}). ${AR_MIGRATION_SENTENCE}`,
    registryResource: `{{address}} manages Container Registry; replace it with a google_artifact_registry_repository (format = "DOCKER"). ${AR_MIGRATION_SENTENCE}`,
    noReference: 'No Container Registry (gcr.io) reference in {{file}}.',
  },
  check(ctx) {
    const expectations = ctx.env.expectations;
    const report = (file: string, occurrences: Occurrence[]) => {
      if (occurrences.length === 0) {
        ctx.pass({ resource: fileResource(file), messageId: 'noReference', data: { file } });
        return;
      }
      const ordered = [...occurrences].sort(
        (a, b) =>
          a.location.startLine - b.location.startLine || (a.location.startColumn ?? 0) - (b.location.startColumn ?? 0),
      );
      for (const o of ordered) {
        if (o.messageId === 'googleMaintainedImage' || o.messageId === 'thirdPartyImage') {
          ctx.pass({
            resource: { id: `${file}#gcr:${o.key}`, kind: 'ImageReference', name: o.key, file },
            messageId: o.messageId,
            data: o.data,
            location: o.location,
          });
          continue;
        }
        ctx.fail({
          resource: { id: `${file}#gcr:${o.key}`, kind: 'ImageReference', name: o.key, file },
          messageId: o.messageId,
          data: o.data,
          location: o.location,
          evidence: [
            {
              path: o.evidencePath,
              observed: o.observed,
              expected: 'an Artifact Registry (*-docker.pkg.dev) reference',
              location: o.location,
            },
          ],
        });
      }
    };

    for (const df of ctx.facet('files.dockerfile').files) report(df.file, dockerfileOccurrences(df, expectations));
    for (const mf of ctx.facet('files.kubernetes').files) {
      if (mf.skipped) continue;
      report(
        mf.file,
        mf.objects.flatMap((o) => manifestOccurrences(o, expectations)),
      );
    }
    for (const wf of ctx.facet('files.workflows').files) report(wf.file, workflowOccurrences(wf, expectations));
    for (const tf of ctx.facet('files.terraform').files) {
      report(
        tf.file,
        tf.blocks.flatMap((b) => terraformOccurrences(tf.file, b, [], expectations)),
      );
    }
  },
});

function fileResource(file: string): Resource {
  return { id: file, kind: 'File', name: file, file };
}

/** The evidence shows the reference alone, never the command or value around it (which may hold a credential). */
function imageOccurrence(
  ref: GcrReference,
  expectations: Expectations,
  location: Location,
  evidencePath: string,
): Occurrence {
  const messageId: MessageId = !ref.project
    ? 'registryHost'
    : ref.kind === 'google-maintained'
      ? 'googleMaintainedImage'
      : ref.kind === 'third-party'
        ? 'thirdPartyImage'
        : ref.kind === 'kubernetes-frozen'
          ? 'kubernetesFrozenRegistry'
          : 'projectImage';
  return {
    key: ref.repository,
    messageId,
    data: {
      reference: ref.text,
      host: ref.host,
      suggestion: suggestedLocation(ref, expectations),
      gcrDomain: gcrDomainRepository(ref),
      arHost: expectations.registry.host,
      ...(ref.publisher ? { publisher: ref.publisher } : {}),
    },
    location,
    evidencePath,
    observed: ref.text,
  };
}

function dockerfileOccurrences(df: Dockerfile, expectations: Expectations): Occurrence[] {
  const out: Occurrence[] = [];
  const stageNames = new Set(df.stages.flatMap((s) => [String(s.index), ...(s.name ? [s.name.toLowerCase()] : [])]));
  for (const stage of df.stages) {
    if (stage.baseStage === undefined) {
      const texts = new Set([stage.resolvedImage, stage.image]);
      const seen = new Set<string>();
      for (const text of texts) {
        for (const ref of findGcrReferences(text)) {
          if (seen.has(ref.repository)) continue;
          seen.add(ref.repository);
          const location = { file: df.file, startLine: stage.line, startColumn: stage.column };
          out.push(imageOccurrence(ref, expectations, location, `stage[${stage.index}].FROM`));
        }
      }
    }
    for (const copy of stage.copies) {
      if (!copy.from || stageNames.has(copy.from.toLowerCase())) continue;
      for (const ref of findGcrReferences(copy.from)) {
        const location = { file: df.file, startLine: copy.line, startColumn: copy.column };
        out.push(imageOccurrence(ref, expectations, location, `stage[${stage.index}].${copy.keyword} --from`));
      }
    }
  }
  return out;
}

/** Every `image` string anywhere in the object: workloads, CronJobs, init containers, custom resources. */
function manifestOccurrences(obj: K8sObject, expectations: Expectations): Occurrence[] {
  const out: Occurrence[] = [];
  const walk = (value: unknown, pointer: string) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${pointer}/${i}`);
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        const p = `${pointer}/${escapePointerToken(k)}`;
        if (k === 'image' && typeof v === 'string') {
          for (const ref of findGcrReferences(v)) out.push(imageOccurrence(ref, expectations, locate(obj, p), p));
        } else walk(v, p);
      }
    }
  };
  walk(obj.object, '');
  return out;
}

function workflowOccurrences(wf: Workflow, expectations: Expectations): Occurrence[] {
  const out: Occurrence[] = [];
  for (const job of wf.jobs) {
    for (const step of job.steps) {
      const stepPath = `jobs.${job.id}.steps[${step.index}]`;
      if (step.uses) {
        const location = { file: wf.file, startLine: step.uses.line, startColumn: step.uses.column };
        for (const ref of findGcrReferences(step.uses.raw))
          out.push(imageOccurrence(ref, expectations, location, `${stepPath}.uses`));
      }
      for (const [key, input] of Object.entries(step.with)) {
        const location = { file: wf.file, startLine: input.line, startColumn: input.column };
        // `registry: gcr.io` (docker/login-action) is a bare host that still means Container Registry.
        const hostOnly = /registry|host/i.test(key);
        for (const ref of findGcrReferences(input.value, { hostOnly }))
          out.push(imageOccurrence(ref, expectations, location, `${stepPath}.with.${key}`));
      }
      for (const cmd of step.run?.commands ?? []) {
        const location = { file: wf.file, startLine: cmd.line };
        const seen = new Set<string>();
        const add = (ref: GcrReference) => {
          if (seen.has(ref.repository)) return;
          seen.add(ref.repository);
          out.push(imageOccurrence(ref, expectations, location, `${stepPath}.run`));
        };
        for (const ref of findGcrReferences(cmd.text)) add(ref);
        const hosts = configureDockerHosts(cmd.argv);
        if (hosts !== undefined) {
          if (hosts.length === 0) {
            out.push({
              key: 'configure-docker',
              messageId: 'configureDockerDefault',
              data: { hosts: '(no host)', arHost: expectations.registry.host },
              location,
              evidencePath: `${stepPath}.run`,
              observed: 'gcloud auth configure-docker',
            });
          }
          for (const h of hosts) for (const ref of findGcrReferences(h, { hostOnly: true })) add(ref);
        }
        if (cmd.argv[0] === 'docker' && cmd.argv[1] === 'login') {
          for (const a of cmd.argv.slice(2).filter((x) => !x.startsWith('-')))
            for (const ref of findGcrReferences(a, { hostOnly: true })) add(ref);
        }
      }
    }
  }
  return out;
}

/** Container Registry resources and data sources of the Google provider. */
const GCR_TF_TYPES = new Set([
  'google_container_registry',
  'google_container_registry_image',
  'google_container_registry_repository',
]);

function terraformOccurrences(file: string, block: TfBlock, path: string[], expectations: Expectations): Occurrence[] {
  const out: Occurrence[] = [];
  const here = [...path, [block.type, ...block.labels].join('.')];
  const address = here.join('.');
  if ((block.type === 'resource' || block.type === 'data') && GCR_TF_TYPES.has(block.labels[0] ?? '')) {
    out.push({
      key: address,
      messageId: 'registryResource',
      data: { address },
      location: { file, startLine: block.line, startColumn: block.column },
      evidencePath: address,
      observed: block.labels[0] ?? block.type,
    });
  }
  for (const attr of Object.values(block.attributes)) {
    const location = { file, startLine: attr.line, startColumn: attr.column };
    const seen = new Set<string>();
    for (const text of stringsOf(attr.value)) {
      for (const ref of findGcrReferences(text, { hostOnly: /registry|host/i.test(attr.name) })) {
        if (seen.has(ref.repository)) continue;
        seen.add(ref.repository);
        out.push(imageOccurrence(ref, expectations, location, `${address}.${attr.name}`));
      }
    }
  }
  for (const child of block.blocks) out.push(...terraformOccurrences(file, child, here, expectations));
  return out;
}

/** String literals of an attribute value, and the source text of expressions (`"gcr.io/${var.project}/app"`). */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (isObject(value)) {
    if (typeof value.expression === 'string' && Object.keys(value).length === 1) return [value.expression];
    return Object.values(value).flatMap(stringsOf);
  }
  return [];
}
