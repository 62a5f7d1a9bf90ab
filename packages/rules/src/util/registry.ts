/**
 * Container Registry (`gcr.io`, `*.gcr.io`) references in free text: image names, hosts in commands,
 * Markdown. Container Registry shut down on March 18, 2025 (ADR-001 Decision 1).
 */
import type { Expectations } from '@coditect-audit/core';

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
]);

/** Hosts where only Google publishes: the Docker Hub mirror, Marketplace, GKE's own system images. */
const GOOGLE_MAINTAINED_HOSTS = new Set(['mirror.gcr.io', 'marketplace.gcr.io', 'gke.gcr.io']);
const KUBERNETES_HOSTS = new Set(['k8s.gcr.io', 'staging-k8s.gcr.io']);

// Host (`gcr.io` or a subdomain), not part of a longer host name nor a path segment (an Artifact Registry
// repository named `gcr.io`: `us-docker.pkg.dev/<project>/gcr.io/<image>`), then a path, tag, digest.
const GCR_REFERENCE =
  /(?<![\w./-])((?:[a-z0-9-]+\.)*gcr\.io)(?![\w.-])((?:\/[A-Za-z0-9._\-${}]+)*)(?::([A-Za-z0-9_${}][\w.\-${}]*))?(?:@(sha256:[0-9a-fA-F]{64}))?/gi;

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
  for (const m of compactExpressions(text).matchAll(GCR_REFERENCE)) {
    const host = (m[1] ?? '').toLowerCase();
    let path = m[2] ?? '';
    const hadTagOrDigest = m[3] !== undefined || m[4] !== undefined;
    if (!hadTagOrDigest) path = path.replace(/[.]+$/, '');
    path = path.replace(/\/+$/, '');
    if (!path && !options.hostOnly) continue;
    const segments = path.split('/').filter(Boolean);
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
