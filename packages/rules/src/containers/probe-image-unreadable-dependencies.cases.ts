import type { ImageProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const image = (user: string, path: string): ImageProbe => ({
  reference: 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.0-staging',
  registry: 'us-central1-docker.pkg.dev',
  repository: 'coditect-cloud-infra/coditect-backend/coditect-cloud-backend',
  tag: 'v1.0.0-staging',
  resolvedDigest: 'sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69',
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  kind: 'manifest',
  platforms: [{ os: 'linux', architecture: 'amd64' }],
  attestationsIgnored: 0,
  configs: [{ platform: 'linux/amd64', user, path }],
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
      name: 'the ADR fix: packages in /home/django/.local',
      facets: {
        'probe.registry': { images: [image('django', '/home/django/.local/bin:/usr/local/bin:/usr/bin:/bin')] },
      },
    },
  ],
  fail: [
    {
      name: 'the ADR blocker: /root/.local/bin on PATH, User django',
      facets: { 'probe.registry': { images: [image('django', '/root/.local/bin:/usr/local/bin:/usr/bin:/bin')] } },
      expect: [{ messageId: 'pathUnderRoot', file: 'k8s/deployment.yaml', line: 29 }],
    },
    {
      name: 'a numeric user and /root itself on PATH',
      facets: { 'probe.registry': { images: [image('1000', '/usr/bin:/root')] } },
      expect: [{ messageId: 'pathUnderRoot', file: 'k8s/deployment.yaml', line: 29 }],
    },
  ],
} satisfies RuleCases;
