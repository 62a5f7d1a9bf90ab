import type { GcpDockerImage, ImageProbe, K8sNode } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { gkeCluster, gkeFacet, PROJECT } from '../util/gcp-cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

// ---- gcp
const images = (...list: GcpDockerImage[]) => ({
  repositories: [
    { project: PROJECT, location: 'us-central1', repository: 'coditect-backend', exists: true, images: list },
  ],
});
const arImage = (mediaType: string): GcpDockerImage => ({
  image: 'coditect-cloud-backend',
  digest: 'sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69',
  tags: ['v1.0.0-staging'],
  mediaType,
});
const pool = (name: string, machineType: string) => ({
  name,
  machineType,
  serviceAccount: 'default',
  workloadMetadataMode: 'GKE_METADATA',
});

// ---- k8s
const node = (name: string, pool: string, architecture: string): K8sNode => ({
  name,
  labels: { 'cloud.google.com/gke-nodepool': pool, 'kubernetes.io/arch': architecture, 'kubernetes.io/os': 'linux' },
  architecture,
  operatingSystem: 'linux',
  taints: [],
  ready: true,
});
const tainted = (n: K8sNode): K8sNode => ({
  ...n,
  taints: [{ key: 'kubernetes.io/arch', value: 'arm64', effect: 'NoSchedule' }],
});
const backend = (pod: Record<string, unknown> = {}) =>
  list(deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }], { pod }));
const pulling = (message: string) =>
  live('Pod', 'coditect-backend-5f6b7d9c8b-x7k2p', {
    metadata: {
      labels: { app: 'coditect-backend', 'pod-template-hash': '5f6b7d9c8b' },
      ownerReferences: [
        { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'coditect-backend-5f6b7d9c8b', controller: true },
      ],
    },
    status: {
      phase: 'Pending',
      containerStatuses: [
        {
          name: 'backend',
          image: `${APP_IMAGE}:v1.0.0-staging`,
          ready: false,
          restartCount: 0,
          state: { waiting: { reason: 'ErrImagePull', message } },
        },
      ],
    },
  });

// ---- probe
const probedImage = (platforms: ImageProbe['platforms'], over: Partial<ImageProbe> = {}): ImageProbe => ({
  reference: 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.0-staging',
  registry: 'us-central1-docker.pkg.dev',
  repository: 'coditect-cloud-infra/coditect-backend/coditect-cloud-backend',
  tag: 'v1.0.0-staging',
  resolvedDigest: 'sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69',
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  kind: 'manifest',
  platforms,
  attestationsIgnored: 0,
  configs: [],
  usedBy: [
    {
      source: 'manifest',
      file: 'k8s/deployment.yaml',
      line: 29,
      column: 11,
      kind: 'Deployment',
      namespace: 'coditect-staging',
      name: 'coditect-backend',
      container: 'backend',
    },
  ],
  ...over,
});

// ---- join
const REFERENCE = `${APP_IMAGE}:v1.0.0-staging`;

const joinedImage = (...architectures: string[]): ImageProbe => ({
  reference: REFERENCE,
  registry: 'us-central1-docker.pkg.dev',
  repository: 'coditect-cloud-infra/coditect-backend/coditect-cloud-backend',
  tag: 'v1.0.0-staging',
  resolvedDigest: 'sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69',
  mediaType:
    architectures.length > 1 ? 'application/vnd.oci.image.index.v1+json' : 'application/vnd.oci.image.manifest.v1+json',
  kind: architectures.length > 1 ? 'index' : 'manifest',
  platforms: architectures.map((architecture) => ({ os: 'linux', architecture })),
  attestationsIgnored: 0,
  configs: architectures.map((a) => ({ platform: `linux/${a}`, user: 'django' })),
  usedBy: [
    {
      source: 'manifest',
      file: 'k8s/deployment.yaml',
      line: 29,
      column: 11,
      kind: 'Deployment',
      namespace: 'coditect-staging',
      name: 'coditect-backend',
      container: 'backend',
    },
  ],
});

const joinNode = (name: string, architecture: string): K8sNode => ({
  name,
  labels: { 'kubernetes.io/arch': architecture, 'cloud.google.com/gke-nodepool': name.replace(/-\d+$/, '') },
  architecture,
  operatingSystem: 'linux',
  taints: [],
  ready: true,
});

const running = workloads({
  'k8s.deployments': list(deployment('coditect-backend', [{ name: 'backend', image: REFERENCE }])),
});

const workflow = (build: string) => ({
  '.github/workflows/deploy.yml': `name: deploy
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - name: Build and push
        run: ${build}
`,
});

const amd64Nodes = { items: [joinNode('gke-pool-1', 'amd64'), joinNode('gke-pool-2', 'amd64')] };

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- gcp
    {
      name: 'gcp: amd64 nodes, images built for linux/amd64',
      facets: {
        'gcp.gke': gkeFacet(gkeCluster()),
        'gcp.artifactregistry-images': images(arImage('application/vnd.docker.distribution.manifest.v2+json')),
      },
    },
    {
      name: 'gcp: mixed nodes with a multi-platform index, both platforms built',
      expectations: { platforms: ['linux/amd64', 'linux/arm64'] },
      facets: {
        'gcp.gke': gkeFacet(gkeCluster({ nodePools: [pool('x86', 'e2-standard-4'), pool('arm', 't2a-standard-4')] })),
        'gcp.artifactregistry-images': images(arImage('application/vnd.oci.image.index.v1+json')),
      },
    },
    {
      name: 'gcp: an Arm pool beside the amd64 pool: GKE taints it, the app (built for amd64) is not scheduled there',
      facets: {
        'gcp.gke': gkeFacet(gkeCluster({ nodePools: [pool('x86', 'e2-standard-4'), pool('arm', 't2a-standard-4')] })),
        'gcp.artifactregistry-images': images(arImage('application/vnd.docker.distribution.manifest.v2+json')),
      },
    },

    // ---- k8s
    {
      name: 'k8s: the ADR cluster after Decision 2: amd64 nodes, pods pulled the amd64 build',
      facets: {
        ...workloads({}),
        'k8s.nodes': {
          items: [node('gke-a', 'coditect-cluster-pool', 'amd64'), node('gke-b', 'coditect-cluster-pool', 'amd64')],
        },
        'k8s.pods': list(),
        'k8s.replicasets': list(),
      },
    },
    {
      name: 'k8s: a tainted arm64 pool that the backend does not tolerate is not a mismatch',
      facets: {
        ...workloads({}),
        'k8s.nodes': {
          items: [node('gke-a', 'default-pool', 'amd64'), tainted(node('gke-arm-a', 'arm-pool', 'arm64'))],
        },
        ...workloads({ 'k8s.deployments': backend() }),
      },
    },
    {
      name: 'k8s: an arm64 pool excluded by the nodeSelector and by required node affinity',
      facets: {
        ...workloads({}),
        'k8s.nodes': { items: [node('gke-a', 'default-pool', 'amd64'), node('gke-arm-a', 'arm-pool', 'arm64')] },
        ...workloads({
          'k8s.deployments': list(
            deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }], {
              pod: { nodeSelector: { 'kubernetes.io/arch': 'amd64' } },
            }),
            deployment('worker', [{ name: 'worker', image: `${APP_IMAGE}:v1.0.1` }], {
              pod: {
                affinity: {
                  nodeAffinity: {
                    requiredDuringSchedulingIgnoredDuringExecution: {
                      nodeSelectorTerms: [
                        {
                          matchExpressions: [
                            { key: 'cloud.google.com/gke-nodepool', operator: 'NotIn', values: ['arm-pool'] },
                          ],
                        },
                      ],
                    },
                  },
                },
              },
            }),
          ),
        }),
      },
    },

    // ---- probe
    {
      name: 'probe: the ADR fix: built with --platform linux/amd64',
      facets: { 'probe.registry': { images: [probedImage([{ os: 'linux', architecture: 'amd64' }])] } },
    },
    {
      name: 'probe: a multi-platform index with amd64 and arm64 (attestations ignored)',
      facets: {
        'probe.registry': {
          images: [
            probedImage(
              [
                { os: 'linux', architecture: 'amd64' },
                { os: 'linux', architecture: 'arm64', variant: 'v8' },
              ],
              { kind: 'index', mediaType: 'application/vnd.oci.image.index.v1+json', attestationsIgnored: 2 },
            ),
          ],
        },
      },
    },

    // ---- join
    {
      name: 'join: the image offers linux/amd64, the nodes are amd64, the build names linux/amd64',
      files: workflow(`docker buildx build --platform linux/amd64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [joinedImage('amd64')] },
        'k8s.nodes': amd64Nodes,
        'gcp.gke': gkeFacet(gkeCluster()),
      },
    },
    {
      name: 'join: no Node listed: the GKE pools decide (an Arm t2a pool and an e2 pool), a multi-platform index covers both',
      files: workflow(`docker buildx build --platform linux/amd64,linux/arm64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [joinedImage('amd64', 'arm64')] },
        'k8s.nodes': { items: [] },
        'gcp.gke': gkeFacet(
          gkeCluster({
            nodePools: [
              { name: 'default-pool', machineType: 'e2-standard-4' },
              { name: 'arm-pool', machineType: 't2a-standard-4' },
            ],
          }),
        ),
      },
    },
    {
      name: 'join: an Arm pool tainted arm64:NoSchedule that the backend does not tolerate: the amd64 image is enough',
      files: workflow(`docker buildx build --platform linux/amd64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [joinedImage('amd64')] },
        'k8s.nodes': {
          items: [
            joinNode('gke-pool-1', 'amd64'),
            {
              ...joinNode('gke-arm-1', 'arm64'),
              taints: [{ key: 'kubernetes.io/arch', value: 'arm64', effect: 'NoSchedule' }],
            },
          ],
        },
        'gcp.gke': gkeFacet(gkeCluster()),
      },
    },
    {
      name: 'join: no Node listed: an Arm t2a pool beside the e2 pool is tainted by GKE, so the amd64 image and build suffice',
      files: workflow(`docker buildx build --platform linux/amd64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [joinedImage('amd64')] },
        'k8s.nodes': { items: [] },
        'gcp.gke': gkeFacet(
          gkeCluster({
            nodePools: [
              { name: 'default-pool', machineType: 'e2-standard-4' },
              { name: 'arm-pool', machineType: 't2a-standard-4' },
            ],
          }),
        ),
      },
    },
  ],
  fail: [
    // ---- gcp
    {
      name: 'gcp: only an Arm node pool while images are built for linux/amd64: the app must run there',
      facets: {
        'gcp.gke': gkeFacet(gkeCluster({ nodePools: [pool('arm', 'c4a-standard-4')] })),
        'gcp.artifactregistry-images': images(arImage('application/vnd.oci.image.index.v1+json')),
      },
      expect: [{ messageId: 'unbuiltArchitecture' }],
    },
    {
      name: 'gcp: mixed nodes and a single-platform image',
      expectations: { platforms: ['linux/amd64', 'linux/arm64'] },
      facets: {
        'gcp.gke': gkeFacet(gkeCluster({ nodePools: [pool('x86', 'e2-standard-4'), pool('arm', 't2a-standard-4')] })),
        'gcp.artifactregistry-images': images(arImage('application/vnd.docker.distribution.manifest.v2+json')),
      },
      expect: [{ messageId: 'singlePlatformOnMixedNodes' }],
    },

    // ---- k8s
    {
      name: 'k8s: the backend tolerates the Arm taint, so it can land on arm64 nodes its image is not built for',
      facets: {
        ...workloads({}),
        'k8s.nodes': {
          items: [node('gke-a', 'default-pool', 'amd64'), tainted(node('gke-arm-a', 'arm-pool', 'arm64'))],
        },
        ...workloads({
          'k8s.deployments': backend({
            tolerations: [{ key: 'kubernetes.io/arch', operator: 'Equal', value: 'arm64', effect: 'NoSchedule' }],
          }),
        }),
      },
      expect: [{ messageId: 'nodePlatformScheduled' }],
    },
    {
      name: 'k8s: before Decision 2: the arm64 build from macOS cannot be pulled on amd64 nodes',
      facets: {
        ...workloads({}),
        'k8s.nodes': { items: [node('gke-a', 'coditect-cluster-pool', 'amd64')] },
        'k8s.pods': list(
          pulling(
            `failed to pull and unpack image "${APP_IMAGE}:v1.0.0-staging": no match for platform in manifest: not found`,
          ),
        ),
        'k8s.replicasets': list(),
      },
      expect: [{ messageId: 'platformPullFailure' }],
    },
    {
      name: 'k8s: an Arm node pool joins while images are built for linux/amd64 only',
      facets: {
        ...workloads({}),
        'k8s.nodes': {
          items: [node('gke-a', 'coditect-cluster-pool', 'amd64'), node('gke-arm-a', 'arm-pool', 'arm64')],
        },
        'k8s.pods': list(),
        'k8s.replicasets': list(),
      },
      expect: [{ messageId: 'nodePlatformNotBuilt' }],
    },

    // ---- probe
    {
      name: 'probe: the ADR as first pushed: built on an arm64 Mac',
      facets: { 'probe.registry': { images: [probedImage([{ os: 'linux', architecture: 'arm64', variant: 'v8' }])] } },
      expect: [{ messageId: 'missingPlatform', file: 'k8s/deployment.yaml', line: 29 }],
    },
    {
      name: 'probe: a cluster with arm64 nodes too, and an amd64-only image seen in the cluster',
      expectations: { platforms: ['linux/amd64', 'linux/arm64'] },
      facets: {
        'probe.registry': {
          images: [
            probedImage([{ os: 'linux', architecture: 'amd64' }], {
              usedBy: [
                {
                  source: 'cluster',
                  kind: 'Deployment',
                  namespace: 'coditect-staging',
                  name: 'coditect-backend',
                  container: 'backend',
                },
              ],
            }),
          ],
        },
      },
      expect: [{ messageId: 'missingPlatform' }],
    },

    // ---- join
    {
      name: 'join: ADR-001 Decision 2: an arm64-only image (built on a Mac) on amd64 nodes',
      files: workflow(`docker buildx build --platform linux/amd64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [joinedImage('arm64')] },
        'k8s.nodes': amd64Nodes,
        'gcp.gke': gkeFacet(gkeCluster()),
      },
      // The registry alone says it too: the image offers no linux/amd64 (expectations.platforms).
      expect: [
        { messageId: 'imageMissesNodes', file: 'k8s/deployment.yaml', line: 29, source: 'join' },
        { messageId: 'missingPlatform', file: 'k8s/deployment.yaml', line: 29, source: 'probe' },
      ],
    },
    {
      name: 'join: a pushed build without --platform gets the runner’s architecture, not the nodes’',
      files: workflow(`docker build -t ${REFERENCE} . && docker push ${REFERENCE}`),
      facets: {
        ...running,
        'probe.registry': { images: [joinedImage('amd64')] },
        'k8s.nodes': amd64Nodes,
        'gcp.gke': gkeFacet(gkeCluster()),
      },
      expect: [{ messageId: 'buildMissesNodes', file: '.github/workflows/deploy.yml', line: 8 }],
    },
    {
      name: 'join: an Arm node pool joins amd64 nodes: the amd64-only image and build miss linux/arm64',
      files: workflow(`docker buildx build --platform linux/amd64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [joinedImage('amd64')] },
        'k8s.nodes': { items: [joinNode('gke-pool-1', 'amd64'), joinNode('gke-arm-1', 'arm64')] },
        'gcp.gke': gkeFacet(gkeCluster()),
      },
      // The cluster alone says it too: the untainted Arm pool can take the backend.
      expect: [
        { messageId: 'imageMissesNodes', file: 'k8s/deployment.yaml', line: 29, source: 'join' },
        { messageId: 'buildMissesNodes', file: '.github/workflows/deploy.yml', line: 8, source: 'join' },
        { messageId: 'nodePlatformScheduled', source: 'k8s' },
      ],
    },
  ],
} satisfies RuleCases;
