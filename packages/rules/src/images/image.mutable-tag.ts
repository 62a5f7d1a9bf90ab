import { defineViewRule, type Evidence, type FacetName, type RuleContext } from '@coditect-audit/core';
import type { ImageView } from '@coditect-audit/core/views';
import { classifyTag, type ImageRef as ImageReference, isFloatingOfficialTag, type TagKind } from '../util/images.js';

type Decision =
  | { kind: 'skip'; reason: string }
  | { kind: 'noTag' }
  | { kind: 'movingTag' | 'floatingTag'; tag: string }
  | { kind: 'tagMoved'; digests: string[] }
  | { kind: 'pinned'; how: string };

/**
 * How an image reference pins what runs; live, a tag seen at two digests has moved, whatever it looks like.
 * Judged once per reference (`memo`): thousands of containers run a few images.
 */
function decide(v: ImageView, memo: Map<string, Judged>): Decision {
  const image = v.reference;
  if (v.pinnedBy) {
    const { tool, location } = v.pinnedBy;
    return {
      kind: 'skip',
      reason: `image ${image} is a name ${tool} replaces with the image it builds, by digest (${location.file}:${location.startLine})`,
    };
  }
  const ref = v.ref;
  let judged = memo.get(image);
  if (judged === undefined || ref === undefined || !sameReference(judged.ref, ref)) {
    if (TEMPLATED.test(image)) return { kind: 'skip', reason: `image ${image} is templated, filled in at deploy time` };
    if (image.startsWith(KO_IMPORT_PATH))
      return {
        kind: 'skip',
        reason: `image ${image} is a Go import path that ko builds and replaces with a digest-pinned reference (ko resolve)`,
      };
    if (image === ISTIO_INJECTED)
      return {
        kind: 'skip',
        reason:
          "image auto is Istio's placeholder: the sidecar injector replaces it with the proxy image when the pod is created",
      };
    if (!ref) return { kind: 'skip', reason: `image "${image}" is not an image reference` };
    judged = judge(image, ref);
    if (!memo.has(image)) memo.set(image, judged);
  }
  if (!judged.digest && v.runningDigests.length > 1) return { kind: 'tagMoved', digests: v.runningDigests };
  return judged.decision;
}

/** ko's scheme for an image it builds from Go source (`ko://github.com/org/app/cmd/server`). */
const KO_IMPORT_PATH = 'ko://';

/** What an Istio gateway's container names as its image: "a placeholder the sidecar injector replaces" (IST0146). */
const ISTIO_INJECTED = 'auto';

// `${VAR}`, `{{ .Values.x }}`, `$VAR`, and a `{IMAGE}` placeholder a build fills in (`sed -e "s|{IMAGE}|…|"`).
const TEMPLATED = /\$\{|\{\{|\$[A-Za-z_]|\{[A-Z][A-Z0-9_]*\}|%[A-Z][A-Z0-9_]*%|@[A-Z][A-Z0-9_]*@/;

/** What a reference decides by its tag alone (`decision`), and whether it is pinned by digest. */
interface Judged {
  ref: ImageReference;
  digest: boolean;
  decision: Exclude<Decision, { kind: 'tagMoved' }>;
}

/** The parts of a reference its tag is judged by (`classifyTag`, `isFloatingOfficialTag`) are the same. */
function sameReference(a: ImageReference, b: ImageReference): boolean {
  return (
    a === b || (a.registry === b.registry && a.repository === b.repository && a.tag === b.tag && a.digest === b.digest)
  );
}

function judge(image: string, ref: ImageReference): Judged {
  const tag = classifyTag(ref);
  return { ref, digest: tag.kind === 'digest', decision: byTag(image, ref, tag) };
}

function byTag(image: string, ref: ImageReference, tag: TagKind): Judged['decision'] {
  switch (tag.kind) {
    case 'none':
      return { kind: 'noTag' };
    case 'moving':
      return { kind: 'movingTag', tag: tag.tag };
    case 'digest':
      return { kind: 'pinned', how: 'digest' };
    case 'version':
      return { kind: 'pinned', how: `version tag "${tag.tag}"` };
    case 'commit':
      return { kind: 'pinned', how: `commit SHA tag "${tag.tag}"` };
    case 'templated':
      return { kind: 'skip', reason: `image ${image} has a templated tag, filled in at deploy time` };
    case 'unknown':
      return isFloatingOfficialTag(ref)
        ? { kind: 'floatingTag', tag: tag.tag }
        : { kind: 'skip', reason: `tag "${tag.tag}" of ${image} names neither a version nor a known moving tag` };
  }
}

/** The reference as evidence: a manifest's is located at its line. */
function referenceEvidence(v: ImageView): Evidence {
  const expected = 'a digest, version or commit SHA tag';
  return v.source === 'manifest' && v.location
    ? { expected, location: v.location, observed: v.reference, path: v.path }
    : { expected, observed: v.reference, path: v.path };
}

/** The registry probe's reference: pinned, or the digest its moving tag points at now, to pin. */
function judgeResolved(
  ctx: Pick<RuleContext<FacetName, string>, 'pass' | 'fail'>,
  v: ImageView,
  d: Exclude<Decision, { kind: 'skip' }>,
): void {
  const { resource, reference: image } = v;
  const evidence = [referenceEvidence(v)];
  const data = { image, usedBy: v.usedBy ?? '', digest: v.resolvedDigest ?? '' };
  if (d.kind === 'pinned') {
    ctx.pass({ resource, messageId: 'registryPinned', data: { ...data, how: d.how }, evidence });
    return;
  }
  const name = image.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
  const tag = d.kind === 'noTag' ? 'latest (no tag)' : d.kind === 'tagMoved' ? '' : d.tag;
  ctx.fail({
    resource,
    messageId: 'moving',
    data: { ...data, tag, pinned: `${name}@${v.resolvedDigest}` },
    location: v.location,
    relatedLocations: v.relatedLocations,
    evidence,
  });
}

/**
 * ADR-001 Lesson 2 and the CI/CD section (Issue 11): the pipeline pushes both `:${{ github.sha }}` and
 * `:staging-latest`; a workload must run the former (or a digest), never the moving one: in the manifests,
 * in what the cluster runs (where a tag can be caught moving), and as the registry resolves it.
 */
export default defineViewRule({
  id: 'image.mutable-tag',
  title: 'Workload runs an image by a moving tag',
  concerns: ['image.mutable-tag'],
  view: 'image',
  sources: {
    manifest: { alias: 'manifest-mutable-image-tag' },
    k8s: { alias: 'k8s-mutable-image-tag' },
    probe: { alias: 'probe-image-mutable-tag' },
  },
  description:
    "Every container and init container image of every workload, in the Kubernetes manifests, in what the cluster runs, and in what the registry probe resolves (including images seen only in the cluster or listed in the configuration), must be pinned: by digest (`@sha256:`), by a version tag (`v1.0.0-staging`, `1.2.3`, `2024.01.02`) or by a git commit SHA (7 to 40 hex digits). No tag (which pulls `latest`), `latest`, and environment or branch tags (`staging`, `staging-latest`, `prod`, `dev`, `main`, `stable`, `edge`, `nightly`, any `*-latest`) fail, and so do the floating tags of Docker Hub official images (a major version alone such as `postgres:16` or `redis:7-alpine`, or an alias with no version such as `node:lts` or `nginx:alpine`). Live, a tag is also caught moving: when a workload's pods report two or more different digests (`status.containerStatuses[].imageID`) for the same container, the tag was re-pushed between pulls, whatever it looks like. The registry source names the digest the moving tag points at now, to pin. Tags the rule cannot classify (a bare number on an image from another publisher, which may be a build number; a feature-branch name) templated references (`$TAG`, `{{ .Values.image.tag }}`, a `{IMAGE}` or `%IMAGE%` placeholder a build fills in), Istio's `image: auto` (which the sidecar injector replaces) ko's `ko://` import paths (which `ko resolve` replaces with a digest), and names a deploy tool replaces with the image it built by digest (a Skaffold `build.artifacts[].image`, a Cloud Deploy `gcloud deploy releases create --images` name) are skipped with the reason.",
  rationale:
    'ADR-001 Lesson 2 and the CI/CD remediation (Issue 11): the deploy workflow pushes the commit SHA tag (`github.sha`) and `:staging-latest`, and `kubectl set image` deploys the SHA. A moving tag makes the running version depend on when a node last pulled: rollbacks do not roll back, two replicas can run different code, and the platform check (Decision 2) cannot tell which manifest it verified. The ADR itself re-pushed `v1.0.0-staging` (the arm64 build, then the amd64 one, then the Dockerfile fix). Pinning the digest the registry resolves today freezes exactly what was checked.',
  remediation: {
    text: 'Reference the exact build: the commit SHA tag the pipeline pushes, a release version, or the digest (the registry source names the one the moving tag points at now).',
    commands: [
      'kubectl set image deployment/coditect-backend backend={{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:$GITHUB_SHA -n coditect-staging',
      'gcloud artifacts docker images describe {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.0-staging --format="value(image_summary.digest)"',
      'image: {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend@sha256:<digest>',
    ],
  },
  benchmarks: [],
  messages: {
    // manifest, k8s
    noTag:
      '{{container}} in {{kind}} {{name}} runs {{image}} with no tag, which pulls whatever `latest` is at pull time.',
    movingTag:
      '{{container}} in {{kind}} {{name}} runs {{image}} by the moving tag "{{tag}}"; pin a version, commit SHA or digest.',
    floatingTag:
      '{{container}} in {{kind}} {{name}} runs {{image}}: "{{tag}}" is a floating tag of an official image, re-pointed at every release; pin a full version or a digest.',
    pinned: '{{container}} in {{kind}} {{name}} runs {{image}}, pinned by {{how}}.',
    // k8s
    tagMoved:
      '{{container}} in {{kind}} {{name}} runs {{image}}, but its pods run {{count}} different builds under it ({{digests}}): the tag moved between pulls.',
    // probe (its pass id was `pinned` in probe-image-mutable-tag: it names no container)
    moving:
      '{{image}} (used by {{usedBy}}) is run by the moving tag "{{tag}}", which points at {{digest}} now; pin {{pinned}}.',
    registryPinned: '{{image}} is pinned by {{how}}.',
  },
  check(ctx) {
    // One report literal per view, its data and evidence members in key order (the order the JSON report
    // writes them in, so it copies none of them): 12,000 live containers at 16×.
    const memo = new Map<string, Judged>();
    // Indexed: a for-of allocates an iterator result per view until the loop is optimized, and a check runs
    // once per scan.
    const views = ctx.views;
    for (let i = 0; i < views.length; i++) {
      const v = views[i]!;
      const resource = v.resource;
      const image = v.reference;
      const d = decide(v, memo);
      if (d.kind === 'skip') {
        ctx.skip(d.reason, resource);
        continue;
      }
      if (v.source === 'probe') {
        judgeResolved(ctx, v, d);
        continue;
      }
      const c = v.container!;
      const location = v.location;
      if (d.kind === 'pinned') {
        // A pass keeps no related locations (its verdict has none).
        ctx.pass({
          resource,
          messageId: 'pinned',
          data: { container: c.label, how: d.how, image, kind: c.workloadKind, name: c.workloadName },
          location,
        });
        continue;
      }
      const relatedLocations = v.relatedLocations;
      const evidence = [referenceEvidence(v)];
      switch (d.kind) {
        case 'noTag':
          ctx.fail({
            resource,
            messageId: 'noTag',
            data: { container: c.label, image, kind: c.workloadKind, name: c.workloadName },
            location,
            relatedLocations,
            evidence,
          });
          break;
        case 'movingTag':
        case 'floatingTag':
          ctx.fail({
            resource,
            messageId: d.kind,
            data: { container: c.label, image, kind: c.workloadKind, name: c.workloadName, tag: d.tag },
            location,
            relatedLocations,
            evidence,
          });
          break;
        case 'tagMoved':
          for (const x of d.digests) evidence.push({ path: 'pods[].status.containerStatuses[].imageID', observed: x });
          ctx.fail({
            resource,
            messageId: 'tagMoved',
            data: {
              container: c.label,
              count: d.digests.length,
              digests: d.digests.map((x) => x.slice(0, 19)).join(', '),
              image,
              kind: c.workloadKind,
              name: c.workloadName,
            },
            location,
            relatedLocations,
            evidence,
          });
          break;
      }
    }
  },
});
