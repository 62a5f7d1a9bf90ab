import type { ImageProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const image = (configs: ImageProbe['configs']): ImageProbe => ({
  reference: 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.0-staging',
  registry: 'us-central1-docker.pkg.dev',
  repository: 'coditect-cloud-infra/coditect-backend/coditect-cloud-backend',
  tag: 'v1.0.0-staging',
  resolvedDigest: 'sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69',
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  kind: 'manifest',
  platforms: [{ os: 'linux', architecture: 'amd64' }],
  attestationsIgnored: 0,
  configs,
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

export default {
  pass: [
    {
      name: 'USER django',
      facets: { 'probe.registry': { images: [image([{ platform: 'linux/amd64', user: 'django' }])] } },
    },
    {
      name: 'a numeric non-root UID and group',
      facets: { 'probe.registry': { images: [image([{ platform: 'linux/amd64', user: '1000:1000' }])] } },
    },
  ],
  fail: [
    {
      name: 'no USER at all: the config User is empty',
      facets: { 'probe.registry': { images: [image([{ platform: 'linux/amd64', user: '' }])] } },
      expect: [{ messageId: 'root', file: 'k8s/deployment.yaml', line: 29 }],
    },
    {
      name: 'root on one platform of an index',
      facets: {
        'probe.registry': {
          images: [
            image([
              { platform: 'linux/amd64', user: 'django' },
              { platform: 'linux/arm64/v8', user: '0:0' },
            ]),
          ],
        },
      },
      expect: [{ messageId: 'root', file: 'k8s/deployment.yaml', line: 29 }],
    },
  ],
} satisfies RuleCases;
