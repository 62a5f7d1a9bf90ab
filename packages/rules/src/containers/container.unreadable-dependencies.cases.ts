import type { RuleCases } from '../cases.js';
import type { ImageProbe } from '@coditect-audit/core';

const builder = `FROM python:3.12-slim AS builder
WORKDIR /app
COPY requirements.txt .
RUN pip install --user -r requirements.txt
COPY . .
`;

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

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- dockerfile
    {
      name: 'dockerfile: the ADR fix: packages in the django home, owned by django',
      files: {
        Dockerfile: `${builder}
FROM python:3.12-slim
COPY --from=builder /root/.local /home/django/.local
COPY --from=builder /app /app
ENV PATH=/home/django/.local/bin:$PATH
RUN useradd -m -u 1000 django && chown -R django:django /app /home/django/.local
USER django
`,
      },
    },
    // ---- probe
    {
      name: 'probe: the ADR fix: packages in /home/django/.local',
      facets: {
        'probe.registry': { images: [image('django', '/home/django/.local/bin:/usr/local/bin:/usr/bin:/bin')] },
      },
    },
  ],
  fail: [
    // ---- dockerfile
    {
      name: 'dockerfile: the ADR blocker: /root/.local copied and on PATH, USER django',
      files: {
        Dockerfile: `${builder}
FROM python:3.12-slim
COPY --from=builder /root/.local /root/.local
COPY --from=builder /app /app
ENV PATH=/root/.local/bin:$PATH
RUN useradd -m -u 1000 django && chown -R django:django /app
USER django
`,
      },
      expect: [
        { source: 'dockerfile', messageId: 'copiedUnderRoot', file: 'Dockerfile', line: 8, column: 1 },
        { source: 'dockerfile', messageId: 'pathUnderRoot', file: 'Dockerfile', line: 10, column: 1 },
      ],
    },
    {
      name: 'dockerfile: USER given as a UID',
      files: {
        Dockerfile: `FROM python:3.12-slim
COPY vendor /root/deps
USER 1000:1000
`,
      },
      expect: [{ source: 'dockerfile', messageId: 'copiedUnderRoot', file: 'Dockerfile', line: 2, column: 1 }],
    },
    // ---- probe
    {
      name: 'probe: the ADR blocker: /root/.local/bin on PATH, User django',
      facets: { 'probe.registry': { images: [image('django', '/root/.local/bin:/usr/local/bin:/usr/bin:/bin')] } },
      expect: [{ source: 'probe', messageId: 'pathUnderRoot', file: 'k8s/deployment.yaml', line: 29 }],
    },
    {
      name: 'probe: a numeric user and /root itself on PATH',
      facets: { 'probe.registry': { images: [image('1000', '/usr/bin:/root')] } },
      expect: [{ source: 'probe', messageId: 'pathUnderRoot', file: 'k8s/deployment.yaml', line: 29 }],
    },
    // ---- both sources in one case: one verdict per source
    {
      name: 'dockerfile and probe: the Dockerfile is fixed, the image the cluster pulls is still the old one',
      files: {
        Dockerfile: `${builder}
FROM python:3.12-slim
COPY --from=builder /root/.local /home/django/.local
COPY --from=builder /app /app
ENV PATH=/home/django/.local/bin:$PATH
RUN useradd -m -u 1000 django && chown -R django:django /app /home/django/.local
USER django
`,
      },
      facets: { 'probe.registry': { images: [image('django', '/root/.local/bin:/usr/local/bin:/usr/bin:/bin')] } },
      expect: [{ source: 'probe', messageId: 'pathUnderRoot', file: 'k8s/deployment.yaml', line: 29 }],
    },
  ],
} satisfies RuleCases;
