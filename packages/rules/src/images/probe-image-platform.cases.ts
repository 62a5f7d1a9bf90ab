import type { ImageProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const image = (platforms: ImageProbe['platforms'], over: Partial<ImageProbe> = {}): ImageProbe => ({
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

export default {
  pass: [
    {
      name: 'the ADR fix: built with --platform linux/amd64',
      facets: { 'probe.registry': { images: [image([{ os: 'linux', architecture: 'amd64' }])] } },
    },
    {
      name: 'a multi-platform index with amd64 and arm64 (attestations ignored)',
      facets: {
        'probe.registry': {
          images: [
            image(
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
  ],
  fail: [
    {
      name: 'the ADR as first pushed: built on an arm64 Mac',
      facets: { 'probe.registry': { images: [image([{ os: 'linux', architecture: 'arm64', variant: 'v8' }])] } },
      expect: [{ messageId: 'missingPlatform', file: 'k8s/deployment.yaml', line: 29 }],
    },
    {
      name: 'a cluster with arm64 nodes too, and an amd64-only image seen in the cluster',
      expectations: { platforms: ['linux/amd64', 'linux/arm64'] },
      facets: {
        'probe.registry': {
          images: [
            image([{ os: 'linux', architecture: 'amd64' }], {
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
  ],
} satisfies RuleCases;
