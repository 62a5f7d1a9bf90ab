import type { ImageProbe, K8sNode } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { gkeCluster, gkeFacet } from '../util/gcp-cases.js';
import { APP_IMAGE, deployment, list, workloads } from '../util/k8s-live-cases.js';

const REFERENCE = `${APP_IMAGE}:v1.0.0-staging`;

const image = (...architectures: string[]): ImageProbe => ({
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

const node = (name: string, architecture: string): K8sNode => ({
  name,
  labels: { 'kubernetes.io/arch': architecture, 'cloud.google.com/gke-nodepool': 'pool' },
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

const amd64Nodes = { items: [node('gke-pool-1', 'amd64'), node('gke-pool-2', 'amd64')] };

export default {
  pass: [
    {
      name: 'the image offers linux/amd64, the nodes are amd64, the build names linux/amd64',
      files: workflow(`docker buildx build --platform linux/amd64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [image('amd64')] },
        'k8s.nodes': amd64Nodes,
        'gcp.gke': gkeFacet(gkeCluster()),
      },
    },
    {
      name: 'no Node listed: the GKE pools decide (an Arm t2a pool and an e2 pool), a multi-platform index covers both',
      files: workflow(`docker buildx build --platform linux/amd64,linux/arm64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [image('amd64', 'arm64')] },
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
      name: 'an Arm pool tainted arm64:NoSchedule that the backend does not tolerate: the amd64 image is enough',
      files: workflow(`docker buildx build --platform linux/amd64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [image('amd64')] },
        'k8s.nodes': {
          items: [
            node('gke-pool-1', 'amd64'),
            {
              ...node('gke-arm-1', 'arm64'),
              taints: [{ key: 'kubernetes.io/arch', value: 'arm64', effect: 'NoSchedule' }],
            },
          ],
        },
        'gcp.gke': gkeFacet(gkeCluster()),
      },
    },
    {
      name: 'no Node listed: an Arm t2a pool beside the e2 pool is tainted by GKE, so the amd64 image and build suffice',
      files: workflow(`docker buildx build --platform linux/amd64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [image('amd64')] },
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
    {
      name: 'ADR-001 Decision 2: an arm64-only image (built on a Mac) on amd64 nodes',
      files: workflow(`docker buildx build --platform linux/amd64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [image('arm64')] },
        'k8s.nodes': amd64Nodes,
        'gcp.gke': gkeFacet(gkeCluster()),
      },
      expect: [{ messageId: 'imageMissesNodes', file: 'k8s/deployment.yaml', line: 29 }],
    },
    {
      name: 'a pushed build without --platform gets the runner’s architecture, not the nodes’',
      files: workflow(`docker build -t ${REFERENCE} . && docker push ${REFERENCE}`),
      facets: {
        ...running,
        'probe.registry': { images: [image('amd64')] },
        'k8s.nodes': amd64Nodes,
        'gcp.gke': gkeFacet(gkeCluster()),
      },
      expect: [{ messageId: 'buildMissesNodes', file: '.github/workflows/deploy.yml', line: 8 }],
    },
    {
      name: 'an Arm node pool joins amd64 nodes: the amd64-only image and build miss linux/arm64',
      files: workflow(`docker buildx build --platform linux/amd64 -t ${REFERENCE} --push .`),
      facets: {
        ...running,
        'probe.registry': { images: [image('amd64')] },
        'k8s.nodes': { items: [node('gke-pool-1', 'amd64'), node('gke-arm-1', 'arm64')] },
        'gcp.gke': gkeFacet(gkeCluster()),
      },
      expect: [
        { messageId: 'imageMissesNodes', file: 'k8s/deployment.yaml', line: 29 },
        { messageId: 'buildMissesNodes', file: '.github/workflows/deploy.yml', line: 8 },
      ],
    },
  ],
} satisfies RuleCases;
