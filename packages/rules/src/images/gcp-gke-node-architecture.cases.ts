import type { GcpDockerImage } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { gkeCluster, gkeFacet, PROJECT } from '../util/gcp-cases.js';

const images = (...list: GcpDockerImage[]) => ({
  repositories: [
    { project: PROJECT, location: 'us-central1', repository: 'coditect-backend', exists: true, images: list },
  ],
});
const image = (mediaType: string): GcpDockerImage => ({
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

export default {
  pass: [
    {
      name: 'amd64 nodes, images built for linux/amd64',
      facets: {
        'gcp.gke': gkeFacet(gkeCluster()),
        'gcp.artifactregistry-images': images(image('application/vnd.docker.distribution.manifest.v2+json')),
      },
    },
    {
      name: 'mixed nodes with a multi-platform index, both platforms built',
      expectations: { platforms: ['linux/amd64', 'linux/arm64'] },
      facets: {
        'gcp.gke': gkeFacet(gkeCluster({ nodePools: [pool('x86', 'e2-standard-4'), pool('arm', 't2a-standard-4')] })),
        'gcp.artifactregistry-images': images(image('application/vnd.oci.image.index.v1+json')),
      },
    },
    {
      name: 'an Arm pool beside the amd64 pool: GKE taints it, the app (built for amd64) is not scheduled there',
      facets: {
        'gcp.gke': gkeFacet(gkeCluster({ nodePools: [pool('x86', 'e2-standard-4'), pool('arm', 't2a-standard-4')] })),
        'gcp.artifactregistry-images': images(image('application/vnd.docker.distribution.manifest.v2+json')),
      },
    },
  ],
  fail: [
    {
      name: 'only an Arm node pool while images are built for linux/amd64: the app must run there',
      facets: {
        'gcp.gke': gkeFacet(gkeCluster({ nodePools: [pool('arm', 'c4a-standard-4')] })),
        'gcp.artifactregistry-images': images(image('application/vnd.oci.image.index.v1+json')),
      },
      expect: [{ messageId: 'unbuiltArchitecture' }],
    },
    {
      name: 'mixed nodes and a single-platform image',
      expectations: { platforms: ['linux/amd64', 'linux/arm64'] },
      facets: {
        'gcp.gke': gkeFacet(gkeCluster({ nodePools: [pool('x86', 'e2-standard-4'), pool('arm', 't2a-standard-4')] })),
        'gcp.artifactregistry-images': images(image('application/vnd.docker.distribution.manifest.v2+json')),
      },
      expect: [{ messageId: 'singlePlatformOnMixedNodes' }],
    },
  ],
} satisfies RuleCases;
