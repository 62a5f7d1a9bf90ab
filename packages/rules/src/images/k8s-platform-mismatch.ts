import { defineRule, type K8sNode } from '@coditect-audit/core';
import {
  containerStatuses,
  itemsOf,
  liveResource,
  podSpecOf,
  topLevelWorkloads,
  WORKLOAD_FACETS,
  workloadFacets,
  workloadOfPod,
} from '../util/k8s-live.js';
import { unschedulableReason } from '../util/scheduling.js';

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

/**
 * ADR-001 Decision 2, on the cluster: images built on macOS (arm64) failed on GKE's linux/amd64 nodes with
 * "no match for platform". The cluster shows the two ends of that: which platforms its nodes run, and pods
 * stuck pulling an image that has no manifest for their node. Whether every image has a manifest for every
 * node platform needs the registry, and is the probe layer's check.
 */
export default defineRule({
  id: 'k8s-platform-mismatch',
  title: 'Images do not match the platform of the nodes that run them',
  concerns: ['image.platform-mismatch'],
  layer: 'k8s',
  facets: ['k8s.nodes', ...WORKLOAD_FACETS],
  description:
    "Two checks on the live cluster. Every node pool's platform (`status.nodeInfo.operatingSystem`/`architecture`, e.g. linux/amd64) must be one the images are built for (`expectations.platforms`): a node pool on another architecture can only run multi-platform images. Scheduling decides: such a pool fails only when a workload read can be placed on it (its taints tolerated, its labels matching the `nodeSelector` and required node affinity); a pool the app cannot be scheduled on (GKE taints Arm nodes `kubernetes.io/arch=arm64:NoSchedule`) runs none of its images and passes, saying why. With no workload read, the pool is judged on its platform alone. And no pod may be stuck because its image has no manifest for its node: a container waiting in ErrImagePull / ImagePullBackOff (or failing to start) whose kubelet message says `no match for platform in manifest` or `exec format error`. A finding on a pod points at the workload that owns it.",
  rationale:
    'ADR-001 Decision 2: "Initial Docker builds on macOS (arm64) caused \'no match for platform\' errors when GKE (linux/amd64) tried to pull images"; Lesson 2: "Multi-Platform Docker Builds Not Optional for GKE". The same failure returns when a node pool of another architecture (Arm t2a nodes) is added while images are still built for linux/amd64 only.',
  remediation: {
    text: 'Build and push the image for every node platform (or keep the node pools on the platform the images are built for).',
    commands: [
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1 --push .',
      'kubectl get nodes -L kubernetes.io/arch,cloud.google.com/gke-nodepool',
    ],
  },
  benchmarks: [],
  messages: {
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
  },
  check(ctx) {
    const expected = new Set(ctx.env.expectations.platforms);
    const workloads = topLevelWorkloads(workloadFacets(ctx.facet));
    const pools = new Map<string, K8sNode[]>();
    for (const n of itemsOf(ctx.facet('k8s.nodes'))) {
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

    const podsFacet = ctx.facet('k8s.pods');
    const replicaSets = itemsOf(ctx.facet('k8s.replicasets'));
    let failures = 0;
    for (const pod of itemsOf(podsFacet)) {
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
      const scope = podsFacet.namespaces?.join(', ') ?? 'the namespaces read';
      ctx.pass({
        resource: { id: 'k8s:Pods', kind: 'Pods', name: scope },
        messageId: 'noPlatformFailure',
        data: { scope },
      });
    }
  },
});
