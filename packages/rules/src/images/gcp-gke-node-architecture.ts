import { defineRule } from '@coditect-audit/core';
import { gcpResource, machineArchitecture } from '../util/gcp.js';

const MULTI_PLATFORM = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];

/**
 * ADR-001 Decision 2, from the Google Cloud side: images are built for `expectations.platforms`
 * (linux/amd64); a node pool of another architecture cannot run them ("no match for platform"), and a
 * cluster mixing architectures needs multi-platform images. The platforms inside an image are read from
 * the registry by the probe layer.
 */
export default defineRule({
  id: 'gcp-gke-node-architecture',
  title: 'GKE nodes run an architecture the images are not built for',
  concerns: ['image.platform-mismatch'],
  layer: 'gcp',
  facets: ['gcp.gke', 'gcp.artifactregistry-images'],
  description:
    'For every GKE node pool (container `clusters.list`) the CPU architecture of its machine type (Tau T2A and Axion C4A/N4A are arm64, every other family amd64) must be one of `expectations.platforms` (default linux/amd64): a pool of another architecture fails, unless it is an Arm pool beside a pool of a built architecture: GKE taints Arm nodes `kubernetes.io/arch=arm64:NoSchedule`, so the app lands there only if it asks to (k8s-platform-mismatch judges where the live workloads can be scheduled). When a cluster mixes architectures, the app image (`expectations.app.image`, its tagged versions in Artifact Registry, artifactregistry `dockerImages.list`) must be a multi-platform index or manifest list: a single-platform manifest fails, since it can run on only one of them.',
  rationale:
    'ADR-001 Decision 2 (P0): images built on macOS arm64 failed on GKE amd64 with "no match for platform". The builds now target linux/amd64, so a node pool of any other architecture (or a cluster mixing them) breaks the same way from the other side.',
  remediation: {
    text: 'Run the app on node pools of the built architecture, or build and push a multi-platform image for every architecture in the cluster.',
    commands: [
      'docker buildx build --platform linux/amd64,linux/arm64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:<tag> --push .',
    ],
  },
  messages: {
    matches:
      'Node pool {{nodePool}} ({{machineType}}) is {{arch}}, a platform the images are built for ({{platforms}}).',
    taintedArmPool:
      'Node pool {{nodePool}} ({{machineType}}) is arm64, which the images are not built for ({{platforms}}), but GKE taints Arm nodes kubernetes.io/arch=arm64:NoSchedule: only workloads that ask for arm64 are scheduled there, and the cluster has nodes of a built architecture for the rest (k8s-platform-mismatch judges the workloads).',
    unbuiltArchitecture:
      'Node pool {{nodePool}} ({{machineType}}) is {{arch}}, but images are built for {{platforms}}: pods scheduled there fail with "no match for platform".',
    singlePlatformOnMixedNodes:
      'GKE {{cluster}} mixes {{archs}} nodes, but {{image}}:{{tag}} is a single-platform manifest ({{mediaType}}).',
  },
  check(ctx) {
    const { platforms, app } = ctx.env.expectations;
    const built = new Set(platforms.filter((p) => p.startsWith('linux/')).map((p) => p.split('/')[1]));
    const imagePath = app.image.split('/').slice(3).join('/');
    const tagged = ctx
      .facet('gcp.artifactregistry-images')
      .repositories.flatMap((r) => r.images)
      .filter((i) => i.image === imagePath && i.tags.length > 0);
    for (const c of ctx.facet('gcp.gke').clusters) {
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
      if (archs.size < 2) continue;
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
  },
});
