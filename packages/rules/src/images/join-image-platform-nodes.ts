import { defineRule, type Evidence, type ImageProbe, type Resource } from '@coditect-audit/core';
import { containersOf } from '../util/containers.js';
import { machineArchitecture } from '../util/gcp.js';
import { containerImageRef, repositoryKeyOf } from '../util/images.js';
import {
  liveResource,
  podSpecOf,
  topLevelWorkloads,
  viewOf,
  WORKLOAD_FACETS,
  workloadFacets,
} from '../util/k8s-live.js';
import { unschedulableReason } from '../util/scheduling.js';
import { imageTarget, platformText } from '../util/probe.js';
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

/** The node platforms of the cluster and where they were read. */
interface NodePlatforms {
  platforms: string[];
  source: string;
}

/**
 * ADR-001 Decision 2, across layers: the image was fine, but not for the nodes' architecture. The registry
 * says which platforms an image really offers, the cluster (or GKE) which ones its nodes run, the workflows
 * which ones the builds produce; only the three together say whether the pods can start.
 */
export default defineRule({
  id: 'join-image-platform-nodes',
  title: 'Images and builds do not cover the architectures of the nodes that run them (registry → workloads → nodes)',
  concerns: ['image.platform-mismatch'],
  layer: 'probe',
  crossLayer: true,
  facets: ['probe.registry', ...WORKLOAD_FACETS, 'k8s.nodes', 'gcp.gke', 'files.workflows'],
  description:
    "Joins three layers on the node architectures. The cluster's node platforms come from the live Nodes (`status.nodeInfo` / `kubernetes.io/arch`), or, when the cluster lists no node, from the GKE node pools' machine types (Tau T2A, Axion C4A/N4A are arm64, every other family amd64; an Arm pool beside a pool of a built platform is left out, since GKE taints Arm nodes `kubernetes.io/arch=arm64:NoSchedule`). Scheduling decides which live nodes count for an image: those its workloads can be placed on (taints tolerated, `nodeSelector` and required node affinity matched). Every image a live workload runs (Deployments, StatefulSets, DaemonSets, CronJobs and unowned Jobs, ReplicaSets and Pods), joined by reference then by repository to what the registry probe read, must offer a manifest for each of those platforms (its index entries or its single config's os/architecture). And every image build in a workflow that leaves the runner (`--push`, a registry tag, `docker/build-push-action` with `push`) must name them in `--platform` / `platforms`: a build without one produces the runner's architecture. Images and nodes are indexed through maps. The evidence carries the chain image → platforms → nodes; an image finding points at the workload manifest naming it, a build finding at the workflow line.",
  rationale:
    'ADR-001 Decision 2 (P0) and Lesson 2: images built on macOS (arm64) failed on GKE (linux/amd64) with "no match for platform". Each layer alone is half the story: the registry does not know the nodes, the nodes do not know the registry, and a build flag is only right if it names what the nodes run.',
  remediation: {
    text: 'Build and push every image for each node architecture (a multi-platform index when the cluster mixes them), naming the platforms on the build; or keep the node pools on the architecture the images are built for.',
    commands: [
      'kubectl get nodes -L kubernetes.io/arch,cloud.google.com/gke-nodepool',
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging --push .',
      'docker buildx imagetools inspect {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1-staging',
    ],
  },
  messages: {
    imageMissesNodes:
      '{{image}} (run by {{workloads}}) offers {{available}}, but the nodes run {{nodes}} ({{source}}): no manifest for {{missing}}.',
    imageCoversNodes: '{{image}} (run by {{workloads}}) offers {{available}}, covering the nodes ({{nodes}}).',
    buildMissesNodes:
      '`{{tool}}` of {{image}} builds for {{platforms}}, but the nodes run {{nodes}} ({{source}}): nothing is built for {{missing}}.',
    buildCoversNodes: '`{{tool}}` of {{image}} builds for {{platforms}}, covering the nodes ({{nodes}}).',
  },
  check(ctx) {
    const liveNodes = ctx.facet('k8s.nodes').items;
    const all = nodePlatforms(liveNodes, ctx.facet('gcp.gke').clusters, ctx.env.expectations.platforms);
    if (!all) {
      ctx.skip(
        'the cluster lists no node and GKE reports no node pool machine type: the node architectures are unknown',
      );
      return;
    }
    // Scheduling decides: only the live nodes a workload can be placed on (taints, nodeSelector, required
    // affinity) have to be covered. Without live Nodes (GKE pools only) every pool counts.
    const workloadList = topLevelWorkloads(workloadFacets(ctx.facet));
    const reachable = (w: (typeof workloadList)[number]) =>
      liveNodes.filter((n) => !unschedulableReason(podSpecOf(w), n));
    const platformsOf = (list: typeof liveNodes) => nodePlatforms(list, [], [])?.platforms ?? [];
    const anyReachable = [...new Set(workloadList.flatMap((w) => platformsOf(reachable(w))))].sort();
    const nodes =
      liveNodes.length > 0 && workloadList.length > 0 && anyReachable.length > 0
        ? { ...all, platforms: anyReachable }
        : all;
    const nodeText = nodes.platforms.join(', ');

    // Image side: each image a live workload runs, joined to the registry probe by reference, then repository.
    const byReference = new Map<string, ImageProbe>();
    const byRepository = new Map<string, ImageProbe>();
    for (const image of ctx.facet('probe.registry').images) {
      byReference.set(image.reference, image);
      byRepository.set(`${image.registry}/${image.repository}`, image);
    }
    const runBy = new Map<ImageProbe, string[]>();
    const reachedBy = new Map<ImageProbe, Set<string>>();
    const unread = new Map<string, Resource>();
    for (const w of workloadList) {
      const placed = liveNodes.length > 0 ? platformsOf(reachable(w)) : all.platforms;
      for (const c of containersOf(viewOf(w))) {
        const reference = typeof c.container.image === 'string' ? c.container.image : '';
        if (!reference) continue;
        const repository = repositoryKeyOf(containerImageRef(c));
        const image = byReference.get(reference) ?? (repository ? byRepository.get(repository) : undefined);
        const user = `${w.kind} ${w.namespace ? `${w.namespace}/` : ''}${w.name}`;
        if (image) {
          runBy.set(image, [...(runBy.get(image) ?? []), user]);
          reachedBy.set(image, new Set([...(reachedBy.get(image) ?? []), ...placed]));
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
    for (const wf of ctx.facet('files.workflows').files) {
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
  },
});

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
