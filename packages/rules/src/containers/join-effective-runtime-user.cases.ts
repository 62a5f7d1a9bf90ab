import type { ImageProbe } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list } from '../util/k8s-live-cases.js';

const REFERENCE = `${APP_IMAGE}:v1.0.0-staging`;

/** The ADR's Dockerfile: packages installed as root, then `USER django` in the final stage. */
const DOCKERFILE = `FROM python:3.11-slim AS builder
RUN pip install --user -r requirements.txt

FROM python:3.11-slim
COPY --from=builder /root/.local /root/.local
RUN useradd -m -u 1000 django
USER django
CMD ["gunicorn", "license_platform.wsgi"]
`;

const image = (user: string): ImageProbe => ({
  reference: REFERENCE,
  registry: 'us-central1-docker.pkg.dev',
  repository: 'coditect-cloud-infra/coditect-backend/coditect-cloud-backend',
  tag: 'v1.0.0-staging',
  resolvedDigest: 'sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69',
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  kind: 'manifest',
  platforms: [{ os: 'linux', architecture: 'amd64' }],
  attestationsIgnored: 0,
  configs: [{ platform: 'linux/amd64', user }],
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

const backend = (container: Record<string, unknown> = {}, pod?: Record<string, unknown>) =>
  list(deployment('coditect-backend', [{ name: 'backend', image: REFERENCE, ...container }], pod ? { pod } : {}));

export default {
  pass: [
    {
      name: 'the pod forbids root: runAsNonRoot wins over a root image',
      files: { Dockerfile: DOCKERFILE },
      facets: {
        'k8s.deployments': backend({}, { securityContext: { runAsNonRoot: true, runAsUser: 1000 } }),
        'probe.registry': { images: [image('')] },
      },
    },
    {
      name: 'nothing set on the pod: the pushed image’s USER django decides',
      files: { Dockerfile: DOCKERFILE },
      facets: { 'k8s.deployments': backend(), 'probe.registry': { images: [image('django')] } },
    },
    {
      name: 'the image is not in the registry probe: the repository Dockerfile’s USER decides',
      files: { Dockerfile: DOCKERFILE },
      facets: { 'k8s.deployments': backend(), 'probe.registry': { images: [] } },
    },
  ],
  fail: [
    {
      name: 'ADR-001: the Dockerfile says USER django, the pushed image has no User, the pod is silent',
      files: { Dockerfile: DOCKERFILE },
      facets: { 'k8s.deployments': backend(), 'probe.registry': { images: [image('')] } },
      expect: [{ messageId: 'root', file: 'k8s/deployment.yaml', line: 29 }],
    },
    {
      name: 'the container’s runAsUser: 0 overrides the pod’s 1000 and the image’s django',
      files: { Dockerfile: DOCKERFILE },
      facets: {
        'k8s.deployments': backend({ securityContext: { runAsUser: 0 } }, { securityContext: { runAsUser: 1000 } }),
        'probe.registry': { images: [image('django')] },
      },
      expect: [{ messageId: 'root' }],
    },
    {
      name: 'no image config read and the final stage has no USER: the Dockerfile decides, root',
      files: { Dockerfile: 'FROM python:3.11-slim\nCMD ["python"]\n' },
      facets: { 'k8s.deployments': backend(), 'probe.registry': { images: [] } },
      expect: [{ messageId: 'root', file: 'Dockerfile', line: 1 }],
    },
  ],
} satisfies RuleCases;
