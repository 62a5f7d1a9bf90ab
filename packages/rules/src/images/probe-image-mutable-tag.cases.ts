import type { ImageProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';

const digest = 'sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69';
const image = (reference: string): ImageProbe => ({
  reference,
  registry: 'us-central1-docker.pkg.dev',
  repository: 'coditect-cloud-infra/coditect-backend/coditect-cloud-backend',
  resolvedDigest: digest,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  kind: 'manifest',
  platforms: [{ os: 'linux', architecture: 'amd64' }],
  attestationsIgnored: 0,
  configs: [{ platform: 'linux/amd64', user: 'django' }],
  usedBy: [
    {
      source: 'cluster',
      kind: 'Deployment',
      namespace: 'coditect-staging',
      name: 'coditect-backend',
      container: 'backend',
    },
  ],
});
const repo = 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend';

export default {
  pass: [
    { name: 'the ADR: a version tag', facets: { 'probe.registry': { images: [image(`${repo}:v1.0.0-staging`)] } } },
    { name: 'a digest', facets: { 'probe.registry': { images: [image(`${repo}@${digest}`)] } } },
    {
      name: 'the commit SHA the pipeline pushes',
      facets: { 'probe.registry': { images: [image(`${repo}:3f9c2e1a7b`)] } },
    },
  ],
  fail: [
    {
      name: 'the CI tag staging-latest',
      facets: { 'probe.registry': { images: [image(`${repo}:staging-latest`)] } },
      expect: [{ messageId: 'moving' }],
    },
    {
      name: 'no tag at all',
      facets: { 'probe.registry': { images: [image(repo)] } },
      expect: [{ messageId: 'moving' }],
    },
    {
      name: 'a floating official tag',
      facets: { 'probe.registry': { images: [image('postgres:16')] } },
      expect: [{ messageId: 'moving' }],
    },
  ],
} satisfies RuleCases;
