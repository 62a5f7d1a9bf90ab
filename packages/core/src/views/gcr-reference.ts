/**
 * Container Registry (`gcr.io`, `*.gcr.io`) references: found once here, in every file kind and workload that
 * can hold one, and read by the rules (ADR-001 Decision 1: Container Registry shut down on March 18, 2025).
 *
 * The gcr-reference view: per source, the places a resource depends on Container Registry.
 * - `files`: one `GcrReferenceView` per Dockerfile, Kubernetes manifest, workflow and `.tf` file, with every
 *   occurrence in it: Dockerfile `FROM` (after `ARG` expansion) and `COPY --from=<image>`, every `image` of a
 *   manifest object, workflow `uses`, `with` inputs and `run` commands (tags, `docker login`, `gcloud auth
 *   configure-docker`), string attributes of OpenTofu blocks and `google_container_registry*` resources;
 * - `k8s`: one per workload the cluster runs (top level: a Deployment's older ReplicaSets are history), with
 *   every container and init container image on Container Registry.
 * Each reference carries its ownership (`GcrKind`): the project's own image, a Google-maintained one, one an
 * open-source project publishes, or the frozen `k8s.gcr.io`. Resource ids are those the per-layer rules built.
 */
import type { Expectations } from '../config.js';
import type { CloudBuildReferences, Dockerfile, K8sObject, TfBlock, Workflow } from '../snapshot/files.js';
import type { Location } from '../location.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import { escapePointerToken, isObject, locate } from './containers.js';
import { liveResource, topLevelWorkloads, WORKLOAD_FACETS, type WorkloadFacets } from './k8s-live.js';
import { liveContainersOf, type LiveParts, livePartsOfEach, objectResourceStrings } from './live-parts.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

export const GCR_SHUTDOWN_DATE = 'March 18, 2025';

/**
 * - `project`: a project's own Container Registry repository (`gcr.io/<project>/...`): move it.
 * - `google-maintained`: an image Google publishes (`gcr.io/distroless/...`, the Cloud SQL proxy and
 *   connectors, `gke.gcr.io` system images, `mirror.gcr.io`), which Google keeps serving from gcr.io-domain
 *   repositories in Artifact Registry. Not the project's own image: ADR-001 Decision 1 is not about it.
 * - `third-party`: an open-source project's published image on gcr.io (`gcr.io/k8s-staging-*`,
 *   `gcr.io/istio-release`, `gcr.io/knative-releases`...): not the project's own either.
 * - `kubernetes-frozen`: the old Kubernetes project registry (`k8s.gcr.io`), frozen in 2023 and replaced
 *   by `registry.k8s.io`.
 */
export type GcrKind = 'project' | 'google-maintained' | 'third-party' | 'kubernetes-frozen';

export interface GcrReference {
  /** Host and repository path without tag or digest (`gcr.io/p/app`), or the host alone (`gcr.io`). */
  repository: string;
  /** As found, with tag and digest. */
  text: string;
  host: string;
  kind: GcrKind;
  /** First path segment: the Google Cloud project of a project repository. */
  project?: string;
  /** Path after the project (`app`, `team/app`). */
  image?: string;
  /** Who publishes a `third-party` image (`the Kubernetes project`, `Istio`). */
  publisher?: string;
}

/** The multi-regional Container Registry hosts and the Artifact Registry location of their gcr.io repository. */
export const GCR_HOST_LOCATION: Readonly<Record<string, string>> = {
  'gcr.io': 'us',
  'us.gcr.io': 'us',
  'eu.gcr.io': 'europe',
  'asia.gcr.io': 'asia',
};

/** gcr.io projects that hold images Google publishes for everyone (not a user's project). */
const GOOGLE_MAINTAINED_PROJECTS = new Set([
  'distroless',
  'google-containers',
  'google_containers',
  'google.com',
  'cloud-builders',
  'kaniko-project',
  'cloudsql-docker',
  'cloud-sql-connectors',
  'google-samples',
  'gke-release',
  'cloud-marketplace',
  'k8s-artifacts-prod',
  'buildpacks',
  'cloud-spanner-emulator',
  'google_samples',
  'config-management-release',
  'cloud-foundation-cicd',
  'deeplearning-platform-release',
  'cloudrun',
  'stackdriver-agents',
  // App Engine's and Cloud Run's runtime and builder images (App Engine's also under its older underscore
  // name, as `google_containers` is), Cloud Endpoints' proxy, Cloud Shell's images (DeployStack's custom Cloud
  // Shell image among them).
  // GKE's other editions (bare metal, multi-cloud, on-prem), the Connect agent, Managed Prometheus' old sidecar.
  'anthos-baremetal-release',
  'gke-multi-cloud-release',
  'gke-on-prem-release',
  'gkeconnect',
  'stackdriver-prometheus',
  'google-appengine',
  'google_appengine',
  'gcp-runtimes',
  'gae-runtimes',
  'serverless-runtimes',
  'endpoints-release',
  'cloudshell-images',
  'ds-artifacts-cloudshell',
]);

/**
 * Hosts where only Google publishes: the Docker Hub mirror, Marketplace (and Cloud Launcher, its old name, with
 * its short host: `launcher.gcr.io/google/ubuntu16_04`, `l.gcr.io/google/bazel`), GKE's own system images.
 */
const GOOGLE_MAINTAINED_HOSTS = new Set([
  'mirror.gcr.io',
  'marketplace.gcr.io',
  'launcher.gcr.io',
  'l.gcr.io',
  'gke.gcr.io',
]);
const KUBERNETES_HOSTS = new Set(['k8s.gcr.io', 'staging-k8s.gcr.io']);

// Host (`gcr.io` or a subdomain), not part of a longer host name nor a path segment (an Artifact Registry
// repository named `gcr.io`: `us-docker.pkg.dev/<project>/gcr.io/<image>`), then a path, tag, digest.
// A path segment may hold a placeholder a tutorial asks the reader to fill in: `gcr.io/[PROJECT_ID]/app`,
// `gcr.io/<PROJECT_ID>/app` (spaces too: `[MY PROJECT ID]`); an interpolation is one unit, whatever it holds
// (`${module.p["ci"].project_id}`).
const GCR_REFERENCE =
  /(?<![\w./-])((?:[a-z0-9-]+\.)*gcr\.io)(?![\w.-])((?:\/(?:\$\{[^{}]*\}|\[[\w .-]+\]|<[\w .-]+>|[A-Za-z0-9._\-${}])+)*)(?::([A-Za-z0-9_${}][\w.\-${}]*))?(?:@(sha256:[0-9a-fA-F]{64}))?/gi;

/**
 * The Docker Registry HTTP API's paths: `/v2/<name>/manifests/<ref>`, `/v2/<name>/blobs/…`, `/v2/<name>/tags/list`,
 * and `/v2/` itself (the API's root, no image: a mention of the host).
 */
const REGISTRY_API_PATH = /^\/v2((?:\/[^/]+)*?)(?:\/(?:manifests|blobs|tags)(?:\/.*)?)?$/;

/** Every match of `GCR_REFERENCE` contains this. */
const MENTIONS_GCR = /gcr\.io/i;

/** A path segment that is only a placeholder: `[PROJECT_ID]`, `<image>`. */
const PLACEHOLDER_SEGMENT = /^(?:\[[^\]]*\]|<[^>]*>)$/;

/** `${{ github.sha }}` → `${{github.sha}}`, so a workflow expression stays one token. */
function compactExpressions(text: string): string {
  return text.replace(/\$\{\{\s*([^}]*?)\s*\}\}/g, (_m, inner: string) => `\${{${inner.replace(/\s+/g, '')}}}`);
}

/** gcr.io projects where open-source projects publish their images, and who they are. */
const THIRD_PARTY_PUBLISHERS: readonly [RegExp, string][] = [
  [/^k8s-staging-/, 'the Kubernetes project'],
  [/^istio-(?:release|testing)$/, 'Istio'],
  [/^knative-(?:releases|nightly)$/, 'Knative'],
  [/^tekton-(?:releases|nightly)$/, 'Tekton'],
  [/^(?:ml-pipeline|kubeflow-images-public)$/, 'Kubeflow'],
  [/^spinnaker-marketplace$/, 'Spinnaker'],
  [/^heptio-images$/, 'Heptio'],
  [/^linkerd-io$/, 'Linkerd'],
  [/^etcd-development$/, 'etcd'],
  [/^projectsigstore$/, 'Sigstore'],
  [/^kpt-(?:fn|fn-contrib|dev)$/, 'kpt'],
  [/^k8s-skaffold$/, 'Skaffold'],
  [/^kubebuilder$/, 'Kubebuilder'],
  [/^cadvisor$/, 'cAdvisor'],
  [/^paketo-buildpacks$/, 'Paketo Buildpacks'],
  [/^go-containerregistry$/, 'go-containerregistry'],
  [/^k8s-minikube$/, 'minikube'],
];

function publisherOf(project: string | undefined): string | undefined {
  return project ? THIRD_PARTY_PUBLISHERS.find(([pattern]) => pattern.test(project))?.[1] : undefined;
}

function kindOf(host: string, project: string | undefined): GcrKind {
  if (KUBERNETES_HOSTS.has(host)) return 'kubernetes-frozen';
  if (GOOGLE_MAINTAINED_HOSTS.has(host)) return 'google-maintained';
  if (project && GOOGLE_MAINTAINED_PROJECTS.has(project)) return 'google-maintained';
  if (publisherOf(project)) return 'third-party';
  return 'project';
}

/**
 * Every Container Registry reference in `text`. Host-only mentions (`gcr.io` with no path) are
 * returned only when `hostOnly` is set: in a command (`gcloud auth configure-docker gcr.io`,
 * `docker login gcr.io`) they matter, in prose they are a mention.
 */
export function findGcrReferences(text: string, options: { hostOnly?: boolean } = {}): GcrReference[] {
  const out: GcrReference[] = [];
  // Most texts (every image of every workload) name no gcr.io host: one plain search rules them out. Only
  // whitespace removed inside a `${{ }}` expression could spell one that the text does not.
  if (!MENTIONS_GCR.test(text) && !text.includes('${{')) return out;
  for (const m of compactExpressions(text).matchAll(GCR_REFERENCE)) {
    const host = (m[1] ?? '').toLowerCase();
    let path = m[2] ?? '';
    const hadTagOrDigest = m[3] !== undefined || m[4] !== undefined;
    if (!hadTagOrDigest) path = path.replace(/[.]+$/, '');
    path = path.replace(/\/+$/, '');
    // A registry API URL (`gcr.io/v2/<project>/<image>/manifests/<digest>`, in a pasted log or a curl command)
    // names the image between the API's prefix and its endpoint.
    const api = REGISTRY_API_PATH.exec(path);
    if (api) path = api[1] ?? '';
    if (!path && !options.hostOnly) continue;
    const segments = path.split('/').filter(Boolean);
    // `gcr.io/<project>/<image>`: the form of a name, not one (a tutorial's `gcr.io/[PROJECT_ID]/app` names an image).
    if (segments.length > 0 && segments.every((s) => PLACEHOLDER_SEGMENT.test(s))) continue;
    const project = segments[0];
    const image = segments.length > 1 ? segments.slice(1).join('/') : undefined;
    const kind = kindOf(host, project);
    const publisher = kind === 'third-party' ? publisherOf(project) : undefined;
    out.push({
      repository: `${host}${path}`,
      text: m[0],
      host,
      kind,
      ...(project ? { project } : {}),
      ...(image ? { image } : {}),
      ...(publisher ? { publisher } : {}),
    });
  }
  return out;
}

/**
 * Where the reference should live instead, as a sentence fragment for messages. It never names a project
 * that neither the configuration nor the reference names: an image of the configured project goes to the
 * configured repository; any other project's image to the Artifact Registry repository that serves its
 * gcr.io name in that same project (`gcr.io/p/app` → `us-docker.pkg.dev/p/gcr.io/app`).
 */
export function suggestedLocation(ref: GcrReference, expectations: Expectations): string {
  const { host, repository } = expectations.registry;
  if (ref.kind === 'kubernetes-frozen')
    return `registry.k8s.io${ref.project ? `/${ref.project}` : ''}${ref.image ? `/${ref.image}` : ''}`;
  if (ref.kind === 'google-maintained') return `${ref.repository} (Google-maintained)`;
  if (ref.kind === 'third-party') return `${ref.repository} (published by ${ref.publisher})`;
  const image = ref.image ?? '<image>';
  if (ref.project === expectations.project) return `${host}/${expectations.project}/${repository}/${image}`;
  const location = GCR_HOST_LOCATION[ref.host] ?? 'us';
  return `${location}-docker.pkg.dev/${ref.project ?? '<project>'}/${ref.host}/${image}`;
}

/** The location of the gcr.io-domain Artifact Registry repository that serves this host. */
export function gcrDomainRepository(ref: GcrReference): string {
  const location = GCR_HOST_LOCATION[ref.host];
  return location ? `repository "${ref.host}" in location "${location}"` : `a gcr.io-domain repository for ${ref.host}`;
}

/** Positional arguments of `gcloud auth configure-docker` (flags removed), or undefined for any other command. */
export function configureDockerHosts(argv: readonly string[]): string[] | undefined {
  const i = argv.indexOf('configure-docker');
  if (i < 2 || argv[i - 1] !== 'auth' || !argv.slice(0, i - 1).some((a) => a === 'gcloud' || a.endsWith('/gcloud')))
    return undefined;
  return argv
    .slice(i + 1)
    .filter((a) => !a.startsWith('-'))
    .flatMap((a) => a.split(','))
    .filter(Boolean);
}

/** The sentence every Container Registry finding ends with (ADR-001 Decision 1). */
export const AR_MIGRATION_SENTENCE = `Container Registry shut down on ${GCR_SHUTDOWN_DATE}: the project's own images belong in Artifact Registry (<region>-docker.pkg.dev/<project>/<repo>), and gcr.io-domain repositories in Artifact Registry are the migration path for names that must stay on gcr.io.`;

/** One place a resource depends on Container Registry. */
export interface GcrOccurrence {
  /**
   * `image`: a reference (`ref`), or the bare registry host in a login, a registry input or attribute;
   * `configure-docker`: `gcloud auth configure-docker` with no host (it configures the gcr.io hosts);
   * `registry-resource`: an OpenTofu resource or data source of Container Registry (`address`).
   */
  what: 'image' | 'configure-docker' | 'registry-resource';
  ref?: GcrReference;
  /** `google_container_registry.registry` (registry-resource). */
  address?: string;
  resource: Resource;
  /** k8s: the container (`backend`) running the reference. */
  container?: string;
  location?: Location;
  /** Where it is read: a Dockerfile stage, a JSON pointer, a workflow step, a `.tf` address. */
  evidencePath: string;
  /** The reference alone, never the command or value around it (which may hold a credential). */
  observed: string;
  /** k8s: several references of one workload share its resource; the repository tells them apart. */
  discriminator?: string;
}

export interface GcrReferenceView {
  source: 'files' | 'k8s';
  /** files: the file; k8s: the workload. */
  resource: Resource;
  /** files: its path. */
  file?: string;
  /** k8s: the workload's kind and name. */
  workload?: { kind: string; name: string };
  /** In file order (files: by line and column). */
  occurrences: GcrOccurrence[];
}

type Found = Omit<GcrOccurrence, 'resource'> & { key: string; location: Location };

function fileOccurrence(ref: GcrReference, location: Location, evidencePath: string): Found {
  return { what: 'image', ref, key: ref.repository, location, evidencePath, observed: ref.text };
}

function dockerfileOccurrences(df: Dockerfile): Found[] {
  const out: Found[] = [];
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
          out.push(fileOccurrence(ref, location, `stage[${stage.index}].FROM`));
        }
      }
    }
    for (const copy of stage.copies) {
      if (!copy.from || stageNames.has(copy.from.toLowerCase())) continue;
      for (const ref of findGcrReferences(copy.from)) {
        const location = { file: df.file, startLine: copy.line, startColumn: copy.column };
        out.push(fileOccurrence(ref, location, `stage[${stage.index}].${copy.keyword} --from`));
      }
    }
  }
  return out;
}

/** Every `image` string anywhere in the object: workloads, CronJobs, init containers, custom resources. */
function manifestOccurrences(obj: K8sObject): Found[] {
  const out: Found[] = [];
  // The keys and indexes down to the current value; a pointer is written only for an image found.
  const path: (string | number)[] = [];
  const pointer = (key: string) =>
    `${path.map((s) => `/${typeof s === 'number' ? s : escapePointerToken(s)}`).join('')}/${escapePointerToken(key)}`;
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        walk(value[i]);
        path.pop();
      }
    } else if (isObject(value)) {
      for (const k of Object.keys(value)) {
        const v = value[k];
        if (k === 'image' && typeof v === 'string') {
          for (const ref of findGcrReferences(v)) {
            const p = pointer(k);
            out.push(fileOccurrence(ref, locate(obj, p), p));
          }
        } else {
          path.push(k);
          walk(v);
          path.pop();
        }
      }
    }
  };
  walk(obj.object);
  return out;
}

/** An Artifact Registry Docker host (`us-central1-docker.pkg.dev`). */
const ARTIFACT_REGISTRY_HOST = /^[a-z0-9-]+-docker\.pkg\.dev$/;

/**
 * Whether the job gives Docker credentials for an Artifact Registry host (`gcloud auth configure-docker
 * us-central1-docker.pkg.dev`, `docker login us-central1-docker.pkg.dev`): then a `configure-docker` with no host
 * beside it only adds the gcr.io hosts too, which nothing else in the job needs unless it names a gcr.io image
 * (each such reference is an occurrence of its own).
 */
/**
 * The hosts a `docker login` in a command's words logs in to (none given: Docker Hub), or undefined when the
 * command has no `docker login`. A command's words keep its pipes (`gcloud auth print-access-token | docker
 * login ...`); `-u` and `-p` take a value.
 */
function dockerLoginHosts(argv: readonly string[]): string[] | undefined {
  const at = argv.findIndex((w, i) => w === 'login' && argv[i - 1] === 'docker');
  if (at < 0) return undefined;
  const rest = argv.slice(at + 1);
  return rest.filter(
    (w, i) => !w.startsWith('-') && !['-u', '--username', '-p', '--password'].includes(rest[i - 1] ?? ''),
  );
}

function configuresArtifactRegistry(job: Workflow['jobs'][number]): boolean {
  for (const step of job.steps)
    for (const cmd of step.run?.commands ?? []) {
      const hosts = configureDockerHosts(cmd.argv) ?? dockerLoginHosts(cmd.argv) ?? [];
      // `https://us-docker.pkg.dev` and `us-docker.pkg.dev/p/r` name the host too.
      if (hosts.some((h) => ARTIFACT_REGISTRY_HOST.test(h.replace(/^https?:\/\//, '').replace(/\/.*$/, ''))))
        return true;
    }
  return false;
}

/**
 * A command's text without the names `kustomize edit set image OLD=NEW` only matches (`OLD=`): kustomize looks
 * for OLD in the manifests and writes NEW there; OLD is never pulled (a placeholder such as
 * `gcr.io/PROJECT_ID/IMAGE:TAG` in a template). The image that runs is NEW, and it is still read.
 */
function withoutKustomizeMatchNames(cmd: { text: string; argv: readonly string[] }): string {
  const at = cmd.argv.findIndex(
    (w, i) =>
      w === 'image' && cmd.argv[i - 1] === 'set' && cmd.argv[i - 2] === 'edit' && cmd.argv[i - 3] === 'kustomize',
  );
  if (at < 0) return cmd.text;
  let text = cmd.text;
  for (const word of cmd.argv.slice(at + 1)) {
    if (/^(?:\||&&|\|\||;)$/.test(word)) break;
    const eq = word.indexOf('=');
    if (eq > 0 && !word.startsWith('-')) text = text.replace(word, word.slice(eq + 1));
  }
  return text;
}

/** A Google registry host: Container Registry's and Artifact Registry's. */
const GOOGLE_REGISTRY_HOST = /(?:^|\.)gcr\.io$|\.pkg\.dev$/i;

/**
 * Where an image a job sends goes: a literal registry host, `docker.io` for a name with none (`user/app`), or
 * `variable` when the first segment comes from a variable (`${{ env.REGISTRY }}/app`), which only the run knows.
 */
function destinationRegistry(image: string): string {
  const first = image.split('/')[0] ?? '';
  if (!image.includes('/')) return /[$]/.test(image) ? 'variable' : 'docker.io';
  if (/[$]/.test(first)) return 'variable';
  return first.includes('.') || first.includes(':') || first === 'localhost' ? first.toLowerCase() : 'docker.io';
}

/**
 * The images a job sends to a registry, as written: `docker push X` (`docker image push`), `docker tag A X`, the
 * tags of a `docker build`/`buildx build` with `--push`, and `docker/build-push-action` tags with `push: true`.
 */
function jobDestinations(job: Workflow['jobs'][number]): string[] {
  const out: string[] = [];
  for (const step of job.steps) {
    for (const cmd of step.run?.commands ?? []) {
      const [tool, a, b] = cmd.argv;
      if (tool !== 'docker' && tool !== 'podman') continue;
      const words = cmd.argv.slice(1);
      if (a === 'push' || (a === 'image' && b === 'push')) {
        const image = words.slice(a === 'push' ? 1 : 2).find((w) => !w.startsWith('-'));
        if (image) out.push(image);
      } else if (a === 'tag' || (a === 'image' && b === 'tag')) {
        const target = words.slice(a === 'tag' ? 1 : 2).filter((w) => !w.startsWith('-'))[1];
        if (target) out.push(target);
      } else if (words.includes('--push')) {
        words.forEach((w, i) => {
          if ((w === '-t' || w === '--tag') && words[i + 1]) out.push(words[i + 1]!);
          else if (w.startsWith('--tag=')) out.push(w.slice('--tag='.length));
        });
      }
    }
    if (step.uses?.repository === 'docker/build-push-action' && step.with.push?.value.trim() === 'true')
      out.push(
        ...(step.with.tags?.value ?? '')
          .split(/[\n,]/)
          .map((t) => t.trim())
          .filter(Boolean),
      );
  }
  return out;
}

/** Whether the job logs Docker in to Docker Hub: `docker/login-action` with no `registry`, `docker login` with no host. */
function logsInToDockerHub(job: Workflow['jobs'][number]): boolean {
  return job.steps.some(
    (step) =>
      (step.uses?.repository === 'docker/login-action' && !step.with.registry?.value.trim()) ||
      (step.run?.commands ?? []).some((cmd) => {
        const hosts = dockerLoginHosts(cmd.argv);
        return (
          hosts !== undefined &&
          (hosts.length === 0 || /^(?:https?:\/\/)?(?:index\.|registry-1\.)?docker\.io/.test(hosts[0]!))
        );
      }),
  );
}

/**
 * Whether every image the job sends goes to a registry that is not Google's (Docker Hub, ghcr.io, quay.io), and it
 * sends at least one: a `configure-docker` with no host beside them is a leftover that sends nothing to gcr.io.
 * A destination named by a variable counts as Docker Hub only in a job that logs in to Docker Hub.
 */
function sendsOnlyElsewhere(job: Workflow['jobs'][number]): boolean {
  const destinations = jobDestinations(job).map(destinationRegistry);
  if (destinations.length === 0) return false;
  const dockerHub = destinations.includes('variable') && logsInToDockerHub(job);
  return destinations.every((d) => (d === 'variable' ? dockerHub : !GOOGLE_REGISTRY_HOST.test(d)));
}

function workflowOccurrences(wf: Workflow): Found[] {
  const out: Found[] = [];
  for (const job of wf.jobs) {
    for (const step of job.steps) {
      const stepPath = `jobs.${job.id}.steps[${step.index}]`;
      if (step.uses) {
        const location = { file: wf.file, startLine: step.uses.line, startColumn: step.uses.column };
        for (const ref of findGcrReferences(step.uses.raw)) out.push(fileOccurrence(ref, location, `${stepPath}.uses`));
      }
      for (const [key, input] of Object.entries(step.with)) {
        const location = { file: wf.file, startLine: input.line, startColumn: input.column };
        // `registry: gcr.io` (docker/login-action) is a bare host that still means Container Registry.
        const hostOnly = /registry|host/i.test(key);
        for (const ref of findGcrReferences(input.value, { hostOnly }))
          out.push(fileOccurrence(ref, location, `${stepPath}.with.${key}`));
      }
      for (const cmd of step.run?.commands ?? []) {
        const location = { file: wf.file, startLine: cmd.line };
        const seen = new Set<string>();
        const add = (ref: GcrReference) => {
          if (seen.has(ref.repository)) return;
          seen.add(ref.repository);
          out.push(fileOccurrence(ref, location, `${stepPath}.run`));
        };
        for (const ref of findGcrReferences(withoutKustomizeMatchNames(cmd))) add(ref);
        const hosts = configureDockerHosts(cmd.argv);
        if (hosts !== undefined) {
          // Looked at only for a bare command: most jobs have none.
          if (hosts.length === 0 && !configuresArtifactRegistry(job) && !sendsOnlyElsewhere(job)) {
            out.push({
              what: 'configure-docker',
              key: 'configure-docker',
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

/**
 * A Cloud Build config's references: the builder a step runs (`gcr.io/cloud-builders/docker`, Google's), the
 * images its steps build, push and deploy (`gcr.io/$PROJECT_ID/app`, the project's own) and `images:`.
 */
function cloudBuildOccurrences(config: CloudBuildReferences): Found[] {
  const out: Found[] = [];
  for (const r of config.references) {
    const location = { file: config.file, startLine: r.line, startColumn: r.column };
    for (const ref of findGcrReferences(r.text)) out.push(fileOccurrence(ref, location, r.path));
  }
  return out;
}

/** Container Registry resources and data sources of the Google provider. */
const GCR_TF_TYPES = new Set([
  'google_container_registry',
  'google_container_registry_image',
  'google_container_registry_repository',
]);

function terraformOccurrences(file: string, block: TfBlock, path: string[]): Found[] {
  const out: Found[] = [];
  const here = [...path, [block.type, ...block.labels].join('.')];
  const address = here.join('.');
  if ((block.type === 'resource' || block.type === 'data') && GCR_TF_TYPES.has(block.labels[0] ?? '')) {
    out.push({
      what: 'registry-resource',
      key: address,
      address,
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
        out.push(fileOccurrence(ref, location, `${address}.${attr.name}`));
      }
    }
  }
  for (const child of block.blocks) out.push(...terraformOccurrences(file, child, here));
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

function fileView(file: string, found: Found[]): GcrReferenceView {
  const ordered = [...found].sort(
    (a, b) =>
      a.location.startLine - b.location.startLine || (a.location.startColumn ?? 0) - (b.location.startColumn ?? 0),
  );
  return {
    source: 'files',
    resource: { id: file, kind: 'File', name: file, file },
    file,
    occurrences: ordered.map(({ key, ...o }) => ({
      ...o,
      resource: { id: `${file}#gcr:${key}`, kind: 'ImageReference', name: key, file },
    })),
  };
}

export const GCR_FILE_FACETS = ['files.dockerfile', 'files.kubernetes', 'files.workflows', 'files.terraform'] as const;

export function gcrReferencesFromFiles(
  facets: {
    [K in (typeof GCR_FILE_FACETS)[number]]: FacetMap[K];
  },
): ViewSet<GcrReferenceView> {
  const items: GcrReferenceView[] = [];
  for (const df of facets['files.dockerfile'].files) items.push(fileView(df.file, dockerfileOccurrences(df)));
  for (const mf of facets['files.kubernetes'].files) {
    if (mf.skipped) continue;
    items.push(fileView(mf.file, mf.objects.flatMap(manifestOccurrences)));
  }
  for (const wf of facets['files.workflows'].files) items.push(fileView(wf.file, workflowOccurrences(wf)));
  for (const config of facets['files.workflows'].cloudBuildReferences ?? [])
    items.push(fileView(config.file, cloudBuildOccurrences(config)));
  for (const tf of facets['files.terraform'].files)
    items.push(
      fileView(
        tf.file,
        tf.blocks.flatMap((b) => terraformOccurrences(tf.file, b, [])),
      ),
    );
  return { items, empty: [], none: 'the repository has no Dockerfile, Kubernetes manifest, workflow or .tf file' };
}

export function gcrReferencesFromCluster(facets: WorkloadFacets): ViewSet<GcrReferenceView> {
  const items = livePartsOfEach(topLevelWorkloads(facets)).map(gcrReferenceViewOfParts);
  return { items, empty: [], none: 'the cluster runs no workload in the scanned namespaces' };
}

/**
 * The `k8s` source's view of the live workload of a record (live-parts.ts). It depends on the workload alone:
 * made once per object (while its list's next page is in flight, `prepareLiveObject`) and shared, so only
 * read it.
 */
export function gcrReferenceViewOfParts(p: LiveParts): GcrReferenceView {
  if (!p.gcrReferenceView) {
    const w = p.object;
    const occurrences: GcrOccurrence[] = [];
    for (const c of liveContainersOf(p)) {
      const image = typeof c.container.image === 'string' ? c.container.image : undefined;
      if (!image) continue;
      for (const ref of findGcrReferences(image))
        occurrences.push({
          what: 'image',
          ref,
          resource: liveResource(w, { kind: 'ImageReference', name: c.name, path: `${c.field}/${c.name}/image` }),
          container: c.name,
          evidencePath: `${c.pointer}/image`,
          observed: ref.text,
          discriminator: ref.repository,
        });
    }
    p.gcrReferenceView = {
      source: 'k8s',
      resource: objectResourceStrings(p),
      workload: { kind: w.kind, name: w.name },
      occurrences,
    };
  }
  return p.gcrReferenceView;
}

/**
 * The sources of the `gcr-reference` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const GCR_REFERENCE_SOURCES = {
  files: {
    layer: 'files',
    facets: GCR_FILE_FACETS,
    build: (facet) =>
      gcrReferencesFromFiles(
        Object.fromEntries(GCR_FILE_FACETS.map((n) => [n, facet(n)])) as Parameters<typeof gcrReferencesFromFiles>[0],
      ),
  },
  k8s: {
    layer: 'k8s',
    facets: WORKLOAD_FACETS,
    build: (facet) =>
      gcrReferencesFromCluster(Object.fromEntries(WORKLOAD_FACETS.map((n) => [n, facet(n)])) as WorkloadFacets),
  },
} as const satisfies Record<string, ViewSource<GcrReferenceView>>;
