import {
  defineViewRule,
  type Evidence,
  type ImageProbe,
  type Resource,
  type K8sNode,
  type ViewRuleContext,
} from '@coditect-audit/core';
import type { ImagePlatformView } from '@coditect-audit/core/views';
import { containersOf } from '../util/containers.js';
import { gcpResource, machineArchitecture } from '../util/gcp.js';
import { containerImageRef, repositoryKeyOf } from '../util/images.js';
import { containerStatuses, liveResource, podSpecOf, viewOf, workloadOfPod } from '../util/k8s-live.js';
import { describeUse, imageTarget, platformMatches, platformText } from '../util/probe.js';
import { unschedulableReason } from '../util/scheduling.js';
import {
  buildPushActionPushes,
  imageBuild,
  isBuildPushAction,
  isDynamic,
  normalizePlatform,
  splitPlatforms,
  splitTags,
  stepCommands,
  stepResource,
  usesLocation,
  withLocation,
  withValue,
} from '../util/workflows.js';

type Messages =
  | 'matches'
  | 'taintedArmPool'
  | 'unbuiltArchitecture'
  | 'singlePlatformOnMixedNodes'
  | 'nodePlatformNotBuilt'
  | 'nodePlatformScheduled'
  | 'nodePlatformUnreachable'
  | 'platformPullFailure'
  | 'nodePlatformBuilt'
  | 'noPlatformFailure'
  | 'missingPlatform'
  | 'platforms'
  | 'imageMissesNodes'
  | 'imageCoversNodes'
  | 'buildMissesNodes'
  | 'buildCoversNodes';
type Ctx = ViewRuleContext<'image-platform', Messages>;
type Of<S extends ImagePlatformView['source']> = Extract<ImagePlatformView, { source: S }>;

const MULTI_PLATFORM = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

/** What the kubelet reports when an image has no manifest for the node's platform. */
const PLATFORM_ERROR =
  /no match for platform in manifest|no matching manifest for|exec format error|image is for (?:a )?different (?:architecture|platform)/i;
const PULL_FAILURES = new Set([
  'ErrImagePull',
  'ImagePullBackOff',
  'CreateContainerError',
  'RunContainerError',
  'CrashLoopBackOff',
]);

/** The node platforms of the cluster and where they were read. */
interface NodePlatforms {
  platforms: string[];
  source: string;
}

/**
 * GKE: every node pool's machine architecture must be one the images are built for (an Arm pool beside a
 * pool of a built architecture passes: GKE taints it); a cluster mixing architectures needs multi-platform
 * images of the app in Artifact Registry.
 */
function checkGke(ctx: Ctx, v: Of<'gcp'>): void {
  const { platforms } = ctx.env.expectations;
  const built = new Set(platforms.filter((p) => p.startsWith('linux/')).map((p) => p.split('/')[1]));
  const { imagePath, taggedImages: tagged, cluster: c } = v;
  const archs = new Set<string>();
  const builtPoolExists = c.nodePools.some((p) => built.has(machineArchitecture(p.machineType) ?? ''));
  for (const p of c.nodePools) {
    const arch = machineArchitecture(p.machineType);
    const resource = gcpResource.nodePool(c, p.name);
    if (!arch) {
      ctx.skip(`node pool ${c.name}/${p.name} reports no machine type`, resource);
      continue;
    }
    const taintedAway = !built.has(arch) && arch === 'arm64' && builtPoolExists;
    if (!taintedAway) archs.add(arch);
    const data = {
      nodePool: `${c.name}/${p.name}`,
      machineType: p.machineType ?? '',
      arch,
      platforms: platforms.join(', '),
    };
    const evidence = [
      {
        path: `nodePools[${p.name}].config.machineType`,
        observed: p.machineType ?? null,
        expected: `a ${[...built].join(' or ')} machine type`,
      },
    ];
    if (built.has(arch)) ctx.pass({ resource, messageId: 'matches', data, evidence });
    // Scheduling decides: GKE taints every Arm node, so an Arm pool beside a pool of the built
    // architecture only runs workloads that tolerate the taint (and so were meant for arm64).
    else if (taintedAway) ctx.pass({ resource, messageId: 'taintedArmPool', data, evidence });
    else ctx.fail({ resource, messageId: 'unbuiltArchitecture', data, evidence });
  }
  if (archs.size < 2) return;
  for (const image of tagged.filter((i) => !MULTI_PLATFORM.includes(i.mediaType ?? ''))) {
    ctx.fail({
      resource: gcpResource.cluster(c),
      messageId: 'singlePlatformOnMixedNodes',
      data: {
        cluster: c.name,
        archs: [...archs].sort().join(' and '),
        image: imagePath,
        tag: image.tags[0]!,
        mediaType: image.mediaType ?? 'unknown',
      },
      evidence: [
        {
          path: `dockerImages[${imagePath}@${image.digest}].mediaType`,
          observed: image.mediaType ?? null,
          expected: MULTI_PLATFORM.join(' or '),
        },
      ],
      discriminator: image.digest,
    });
  }
}

/**
 * The cluster: a node pool of a platform the images are not built for fails when a workload can be scheduled
 * on it (scheduling decides: taints, nodeSelector, required affinity); a pod stuck on "no match for platform"
 * fails at the workload that owns it.
 */
function checkCluster(ctx: Ctx, v: Of<'k8s'>): void {
  const expected = new Set(ctx.env.expectations.platforms);
  const { workloads } = v;
  const pools = new Map<string, K8sNode[]>();
  for (const n of v.nodes) {
    const pool = n.labels['cloud.google.com/gke-nodepool'] ?? n.labels['eks.amazonaws.com/nodegroup'] ?? n.name;
    pools.set(pool, [...(pools.get(pool) ?? []), n]);
  }
  for (const [pool, nodes] of [...pools].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const resource = {
      id: `k8s:NodePool/-/${pool}`,
      kind: 'NodePool',
      name: pool,
      declaredAs: `tf:google_container_node_pool/${pool}`,
    };
    const platforms = [
      ...new Set(nodes.map((n) => `${n.operatingSystem ?? 'linux'}/${n.architecture ?? 'unknown'}`)),
    ].sort();
    const foreign = platforms.filter((p) => !expected.has(p));
    if (foreign.length === 0) {
      ctx.pass({ resource, messageId: 'nodePlatformBuilt', data: { pool, platform: platforms.join(', ') } });
      continue;
    }
    const data = { pool, platform: foreign.join(', '), nodes: nodes.length, platforms: [...expected].join(', ') };
    const placeable = workloads.filter((w) => nodes.some((n) => !unschedulableReason(podSpecOf(w), n)));
    if (workloads.length > 0 && placeable.length === 0) {
      const first = workloads[0]!;
      const why = `${first.kind} ${first.name}: ${unschedulableReason(podSpecOf(first), nodes[0]!)}${workloads.length > 1 ? `; ${workloads.length - 1} more likewise` : ''}`;
      ctx.pass({ resource, messageId: 'nodePlatformUnreachable', data: { pool, platform: data.platform, why } });
      continue;
    }
    const names = placeable.slice(0, 3).map((w) => `${w.kind} ${w.name}`);
    ctx.fail({
      resource,
      messageId: placeable.length > 0 ? 'nodePlatformScheduled' : 'nodePlatformNotBuilt',
      data: {
        ...data,
        ...(placeable.length > 0
          ? { workloads: `${names.join(', ')}${placeable.length > 3 ? ` and ${placeable.length - 3} more` : ''}` }
          : {}),
      },
      evidence: nodes.slice(0, 5).map((n) => ({
        path: `nodes/${n.name}/status/nodeInfo`,
        observed: `${n.operatingSystem ?? 'linux'}/${n.architecture ?? 'unknown'}`,
        expected: [...expected].join(' or '),
      })),
    });
  }

  const { replicaSets } = v;
  let failures = 0;
  for (const pod of v.pods) {
    for (const s of containerStatuses(pod)) {
      if (!s.reason || !PULL_FAILURES.has(s.reason) || !s.message || !PLATFORM_ERROR.test(s.message)) continue;
      failures++;
      const owner = workloadOfPod(pod, replicaSets);
      const resource = owner
        ? liveResource(
            { kind: owner.kind, name: owner.name, namespace: pod.namespace },
            { kind: 'Container', name: s.name, path: `containers/${s.name}/platform` },
          )
        : liveResource(pod, { kind: 'Container', name: s.name, path: `containers/${s.name}/platform` });
      ctx.fail({
        resource,
        messageId: 'platformPullFailure',
        data: {
          pod: pod.name,
          owner: owner ? `${owner.kind} ${owner.name}` : 'no owner',
          container: s.name,
          reason: s.reason,
        },
        evidence: [
          {
            path: `pods/${pod.name}/status/containerStatuses/${s.name}/state/waiting`,
            observed: `${s.reason}: ${s.message}`,
            expected: 'running',
          },
          ...(s.image
            ? [{ path: `pods/${pod.name}/status/containerStatuses/${s.name}/image`, observed: s.image }]
            : []),
        ],
      });
    }
  }
  if (failures === 0) {
    const scope = v.podNamespaces?.join(', ') ?? 'the namespaces read';
    ctx.pass({
      resource: { id: 'k8s:Pods', kind: 'Pods', name: scope },
      messageId: 'noPlatformFailure',
      data: { scope },
    });
  }
}

/** The registry: the image must offer a manifest for every platform in `expectations.platforms`. */
function checkRegistry(ctx: Ctx, v: Of<'probe'>): void {
  const expected = ctx.env.expectations.platforms;
  const { image } = v;
  const { resource, location, relatedLocations } = imageTarget(image);
  const available = image.platforms.map(platformText).join(', ') || 'no platform';
  const missing = expected.filter((want) => !image.platforms.some((p) => platformMatches(want, p)));
  const evidence = [{ path: `${image.reference} platforms`, observed: available, expected: expected.join(', ') }];
  const data = { image: image.reference, usedBy: describeUse(image), available, expected: expected.join(', ') };
  if (missing.length > 0)
    ctx.fail({
      resource,
      messageId: 'missingPlatform',
      data: { ...data, missing: missing.join(', ') },
      ...(location ? { location } : {}),
      ...(relatedLocations ? { relatedLocations } : {}),
      evidence,
    });
  else ctx.pass({ resource, messageId: 'platforms', data, ...(location ? { location } : {}), evidence });
}

/**
 * Registry → workloads → nodes: each image a live workload runs must offer the platforms of the nodes it can
 * be scheduled on; each workflow build that leaves the runner must name them.
 */
function checkJoined(ctx: Ctx, v: Of<'join'>): void {
  const liveNodes = v.nodes;
  const all = nodePlatforms(liveNodes, v.clusters, ctx.env.expectations.platforms);
  if (!all) {
    ctx.skip('the cluster lists no node and GKE reports no node pool machine type: the node architectures are unknown');
    return;
  }
  // Scheduling decides: only the live nodes a workload can be placed on (taints, nodeSelector, required
  // affinity) have to be covered. Without live Nodes (GKE pools only) every pool counts.
  const workloadList = v.workloads;
  const reachable = (w: (typeof workloadList)[number]) =>
    liveNodes.filter((n) => !unschedulableReason(podSpecOf(w), n));
  const platformsOf = (list: typeof liveNodes) => nodePlatforms(list, [], [])?.platforms ?? [];
  // Each workload's reachable platforms, worked out once: the union here and each image's below read them.
  const reachablePlatforms = workloadList.map((w) => platformsOf(reachable(w)));
  const anyReachable = [...new Set(reachablePlatforms.flat())].sort();
  const nodes =
    liveNodes.length > 0 && workloadList.length > 0 && anyReachable.length > 0
      ? { ...all, platforms: anyReachable }
      : all;
  const nodeText = nodes.platforms.join(', ');

  // Image side: each image a live workload runs, joined to the registry probe by reference, then repository.
  const byReference = new Map<string, ImageProbe>();
  const byRepository = new Map<string, ImageProbe>();
  for (const image of v.images) {
    byReference.set(image.reference, image);
    byRepository.set(`${image.registry}/${image.repository}`, image);
  }
  const runBy = new Map<ImageProbe, string[]>();
  const reachedBy = new Map<ImageProbe, Set<string>>();
  const unread = new Map<string, Resource>();
  for (let i = 0; i < workloadList.length; i++) {
    const w = workloadList[i]!;
    const placed = liveNodes.length > 0 ? reachablePlatforms[i]! : all.platforms;
    for (const c of containersOf(viewOf(w))) {
      const reference = typeof c.container.image === 'string' ? c.container.image : '';
      if (!reference) continue;
      const repository = repositoryKeyOf(containerImageRef(c));
      const image = byReference.get(reference) ?? (repository ? byRepository.get(repository) : undefined);
      const user = `${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name}`;
      if (image) {
        // Added to in place: thousands of workloads may run one image (a copy per workload was quadratic).
        const users = runBy.get(image);
        if (users) users.push(user);
        else runBy.set(image, [user]);
        const reached = reachedBy.get(image);
        if (reached) for (const p of placed) reached.add(p);
        else reachedBy.set(image, new Set(placed));
      } else if (!unread.has(reference))
        unread.set(reference, liveResource(w, { kind: 'Container', name: c.name, path: `containers/${c.name}` }));
    }
  }
  for (const [reference, resource] of unread)
    ctx.skip(`the registry probe did not read ${reference}, so its platforms are unknown`, resource);
  for (const [image, users] of runBy) {
    const { resource, location, relatedLocations } = imageTarget(image);
    const offered = new Set(image.platforms.map((p) => `${p.os}/${p.architecture}`));
    const available = image.platforms.map(platformText).join(', ') || 'no platform';
    const reached = [...(reachedBy.get(image) ?? [])].sort();
    const imageNodes = reached.length > 0 ? reached : nodes.platforms;
    const missing = imageNodes.filter((p) => !offered.has(p));
    const imageNodeText = imageNodes.join(', ');
    const workloads = [...new Set(users)].sort().join(', ');
    const evidence: Evidence[] = [
      { path: `k8s: image run by ${workloads}`, observed: image.reference },
      { path: `probe: platforms of ${image.reference} in the registry`, observed: available },
      {
        path: `${nodes.source}: platforms of the nodes its workloads can be scheduled on`,
        observed: imageNodeText,
        expected: `every one offered by the image`,
      },
    ];
    const data = { image: image.reference, workloads, available, nodes: imageNodeText, source: nodes.source };
    const where = { ...(location ? { location } : {}), ...(relatedLocations ? { relatedLocations } : {}) };
    if (missing.length > 0)
      ctx.fail({
        resource,
        messageId: 'imageMissesNodes',
        data: { ...data, missing: missing.join(', ') },
        evidence,
        ...where,
      });
    else ctx.pass({ resource, messageId: 'imageCoversNodes', data, evidence, ...where });
  }

  // Build side: every build that leaves the runner must name the node platforms.
  for (const wf of v.workflows) {
    for (const job of wf.jobs) {
      for (const step of job.steps) {
        const resource = stepResource(wf, job, step);
        const builds: {
          tool: string;
          image: string;
          written: string | undefined;
          location: { file: string; startLine: number; startColumn?: number };
        }[] = [];
        if (isBuildPushAction(step) && buildPushActionPushes(step)) {
          builds.push({
            tool: 'docker/build-push-action',
            image: splitTags(withValue(step, 'tags') ?? '')[0] ?? '(untagged image)',
            written: withValue(step, 'platforms'),
            location: withLocation(wf, step, 'platforms') ?? usesLocation(wf, step),
          });
        }
        for (const cmd of stepCommands(step)) {
          const build = imageBuild(cmd);
          if (!build || (!build.push && !build.tags.some((t) => t.includes('/')))) continue;
          const written = build.platforms.length > 0 ? build.platforms.join(',') : build.defaultPlatform;
          builds.push({
            tool: build.tool,
            image: build.tags[0] ?? '(untagged image)',
            written,
            location: { file: wf.file, startLine: cmd.line },
          });
        }
        for (const b of builds) {
          const discriminator = `build:${b.image}`;
          if (b.written && isDynamic(b.written)) {
            ctx.skip(
              `\`${b.tool}\` of ${b.image} takes its platforms from ${b.written.trim()}, known only at run time`,
              resource,
            );
            continue;
          }
          const built = b.written ? [...new Set(splitPlatforms(b.written).map(normalizePlatform))] : [];
          const platforms = built.length > 0 ? built.join(', ') : "the runner's architecture (no --platform)";
          const missing = nodes.platforms.filter((p) => !built.includes(p));
          const evidence: Evidence[] = [
            {
              path: `files: ${b.location.file}:${b.location.startLine} ${b.tool} --platform`,
              observed: b.written?.trim() ?? null,
            },
            { path: `${nodes.source}: node platforms`, observed: nodeText, expected: 'every one named by the build' },
          ];
          const data = { tool: b.tool, image: b.image, platforms, nodes: nodeText, source: nodes.source };
          if (missing.length > 0)
            ctx.fail({
              resource,
              messageId: 'buildMissesNodes',
              data: { ...data, missing: missing.join(', ') },
              location: b.location,
              evidence,
              discriminator,
            });
          else
            ctx.pass({
              resource,
              messageId: 'buildCoversNodes',
              data,
              location: b.location,
              evidence,
              discriminator,
            });
        }
      }
    }
  }
}

/**
 * The cluster's node platforms: the live Nodes when the cluster lists any, else the GKE node pools' machine
 * types (the Nodes API may be denied or the cluster scaled to zero; the pools still say what will run).
 * GKE taints Arm nodes `kubernetes.io/arch=arm64:NoSchedule`: beside a pool of a built platform, an Arm pool
 * runs only workloads that ask for arm64, so it is not counted.
 */
function nodePlatforms(
  items: readonly { architecture?: string; operatingSystem?: string; labels: Record<string, string> }[],
  clusters: readonly { name: string; nodePools: { name: string; machineType?: string }[] }[],
  built: readonly string[],
): NodePlatforms | undefined {
  const fromNodes = new Set<string>();
  for (const n of items) {
    const arch = n.architecture ?? n.labels['kubernetes.io/arch'];
    if (arch) fromNodes.add(`${n.operatingSystem ?? n.labels['kubernetes.io/os'] ?? 'linux'}/${arch}`);
  }
  if (fromNodes.size > 0) return { platforms: [...fromNodes].sort(), source: 'k8s: live Nodes' };
  const fromPools = new Set<string>();
  const names: string[] = [];
  for (const c of clusters) {
    const builtPool = c.nodePools.some((p) => built.includes(`linux/${machineArchitecture(p.machineType)}`));
    for (const p of c.nodePools) {
      const arch = machineArchitecture(p.machineType);
      if (!arch || (arch === 'arm64' && builtPool && !built.includes('linux/arm64'))) continue;
      fromPools.add(`linux/${arch}`);
      names.push(`${c.name}/${p.name} ${p.machineType}`);
    }
  }
  if (fromPools.size === 0) return undefined;
  return { platforms: [...fromPools].sort(), source: `gcp: GKE node pools (${names.join(', ')})` };
}

/**
 * ADR-001 Decision 2 (P0) and Lesson 2: images built on macOS (arm64) failed on GKE's linux/amd64 nodes with
 * "no match for platform". One check, "an image cannot run on the nodes that run it", asked of every source
 * that shows a side of it: GKE's node pools and the app image's versions in Artifact Registry (`gcp`), the
 * live nodes, the workloads that can be scheduled on them and pods stuck pulling (`k8s`), the platforms the
 * registry holds for each image (`probe`), and the three joined, image → workloads → nodes, with the
 * workflow builds that must name the node platforms (`join`). Whether a workflow build passes `--platform`
 * at all, whatever the nodes run, is another check (build-platform-flag, concern build.platform-flag).
 */
export default defineViewRule({
  id: 'image.platform-mismatch',
  title: 'Images do not match the platform of the nodes that run them',
  concerns: ['image.platform-mismatch'],
  view: 'image-platform',
  sources: {
    gcp: { alias: 'gcp-gke-node-architecture' },
    k8s: { alias: 'k8s-platform-mismatch' },
    probe: { alias: 'probe-image-platform' },
    join: { alias: 'join-image-platform-nodes' },
  },
  description:
    "**Google Cloud**: for every GKE node pool (container `clusters.list`) the CPU architecture of its machine type (Tau T2A and Axion C4A/N4A are arm64, every other family amd64) must be one of `expectations.platforms` (default linux/amd64): a pool of another architecture fails, unless it is an Arm pool beside a pool of a built architecture: GKE taints Arm nodes `kubernetes.io/arch=arm64:NoSchedule`, so the app lands there only if it asks to (the cluster source judges where the live workloads can be scheduled). When a cluster mixes architectures, the app image (`expectations.app.image`, its tagged versions in Artifact Registry, artifactregistry `dockerImages.list`) must be a multi-platform index or manifest list: a single-platform manifest fails, since it can run on only one of them. **Cluster**: every node pool's platform (`status.nodeInfo.operatingSystem`/`architecture`, e.g. linux/amd64) must be one the images are built for: a node pool on another architecture can only run multi-platform images. Scheduling decides: such a pool fails only when a workload read can be placed on it (its taints tolerated, its labels matching the `nodeSelector` and required node affinity); a pool the app cannot be scheduled on runs none of its images and passes, saying why. With no workload read, the pool is judged on its platform alone. And no pod may be stuck because its image has no manifest for its node: a container waiting in ErrImagePull / ImagePullBackOff (or failing to start) whose kubelet message says `no match for platform in manifest` or `exec format error`. A finding on a pod points at the workload that owns it. **Registry** (probe): resolves each image the workloads run (from the repository's manifests, the live pods, or the configured list) in its registry with the full OCI/Docker Accept list, and reads the platforms it offers: the entries of an index or manifest list (build attestations, `unknown/unknown`, are ignored) or the `os`/`architecture` of a single image's config. Every platform in `expectations.platforms` must be there. **Join** (registry → workloads → nodes): the cluster's node platforms come from the live Nodes (`status.nodeInfo` / `kubernetes.io/arch`), or, when the cluster lists no node, from the GKE node pools' machine types (an Arm pool beside a pool of a built platform is left out). Scheduling decides which live nodes count for an image: those its workloads can be placed on. Every image a live workload runs (Deployments, StatefulSets, DaemonSets, CronJobs and unowned Jobs, ReplicaSets and Pods), joined by reference then by repository to what the registry probe read, must offer a manifest for each of those platforms. And every image build in a workflow that leaves the runner (`--push`, a registry tag, `docker/build-push-action` with `push`) must name them in `--platform` / `platforms`: a build without one produces the runner's architecture. The evidence carries the chain image → platforms → nodes; an image finding points at the workload manifest naming it, a build finding at the workflow line.",
  rationale:
    'ADR-001 Decision 2 (P0): "Initial Docker builds on macOS (arm64) caused \'no match for platform\' errors when GKE (linux/amd64) tried to pull images"; Lesson 2: "Multi-Platform Docker Builds Not Optional for GKE". The builds now target linux/amd64, so a node pool of any other architecture (Arm t2a nodes, or a cluster mixing them) breaks the same way from the other side. Each layer alone is half the story: the Dockerfile and the build command can say `--platform`, but only the registry knows what was pushed under the tag the cluster pulls; the registry does not know the nodes, the nodes do not know the registry.',
  remediation: {
    text: 'Build and push every image for each node architecture (a multi-platform index when the cluster mixes them), naming the platforms on the build, under the tag the workloads run; or keep the node pools on the architecture the images are built for.',
    commands: [
      'kubectl get nodes -L kubernetes.io/arch,cloud.google.com/gke-nodepool',
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push .',
      'docker buildx build --platform linux/amd64,linux/arm64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:<tag> --push .',
      'docker buildx imagetools inspect {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging',
    ],
  },
  benchmarks: [],
  messages: {
    // gcp
    matches:
      'Node pool {{nodePool}} ({{machineType}}) is {{arch}}, a platform the images are built for ({{platforms}}).',
    taintedArmPool:
      'Node pool {{nodePool}} ({{machineType}}) is arm64, which the images are not built for ({{platforms}}), but GKE taints Arm nodes kubernetes.io/arch=arm64:NoSchedule: only workloads that ask for arm64 are scheduled there, and the cluster has nodes of a built architecture for the rest (k8s-platform-mismatch judges the workloads).',
    unbuiltArchitecture:
      'Node pool {{nodePool}} ({{machineType}}) is {{arch}}, but images are built for {{platforms}}: pods scheduled there fail with "no match for platform".',
    singlePlatformOnMixedNodes:
      'GKE {{cluster}} mixes {{archs}} nodes, but {{image}}:{{tag}} is a single-platform manifest ({{mediaType}}).',
    // k8s
    nodePlatformNotBuilt:
      'Node pool {{pool}} runs {{platform}} ({{nodes}} node(s)); images are built for {{platforms}} only, so single-platform images cannot run there.',
    nodePlatformScheduled:
      'Node pool {{pool}} runs {{platform}} ({{nodes}} node(s)) and {{workloads}} can be scheduled there; images are built for {{platforms}} only, so single-platform images cannot run there.',
    nodePlatformUnreachable:
      'Node pool {{pool}} runs {{platform}}, which the images are not built for, but no workload read can be scheduled there ({{why}}).',
    platformPullFailure:
      "Pod {{pod}} ({{owner}}) cannot run container {{container}}: {{reason}}, the image has no manifest for its node's platform.",
    nodePlatformBuilt: 'Node pool {{pool}} runs {{platform}}, which the images are built for.',
    noPlatformFailure: 'No pod in {{scope}} is stuck on an image built for another platform.',
    // probe
    missingPlatform:
      '{{image}} (used by {{usedBy}}) has no {{missing}} image: it offers {{available}}. Nodes of that platform cannot run it.',
    platforms: '{{image}} offers {{available}}, including {{expected}}.',
    // join
    imageMissesNodes:
      '{{image}} (run by {{workloads}}) offers {{available}}, but the nodes run {{nodes}} ({{source}}): no manifest for {{missing}}.',
    imageCoversNodes: '{{image}} (run by {{workloads}}) offers {{available}}, covering the nodes ({{nodes}}).',
    buildMissesNodes:
      '`{{tool}}` of {{image}} builds for {{platforms}}, but the nodes run {{nodes}} ({{source}}): nothing is built for {{missing}}.',
    buildCoversNodes: '`{{tool}}` of {{image}} builds for {{platforms}}, covering the nodes ({{nodes}}).',
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.source === 'gcp') checkGke(ctx, v);
      else if (v.source === 'k8s') checkCluster(ctx, v);
      else if (v.source === 'probe') checkRegistry(ctx, v);
      else checkJoined(ctx, v);
    }
  },
});
