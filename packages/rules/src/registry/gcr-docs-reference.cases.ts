import type { RuleCases } from '../cases.js';

export default {
  pass: [
    {
      name: 'a guide that uses Artifact Registry and only mentions the gcr.io host in prose',
      files: {
        'docs/deploy.md': `# Deploying the backend

Container Registry (gcr.io) was shut down on March 18, 2025; we use Artifact Registry.

\`\`\`bash
gcloud auth configure-docker us-central1-docker.pkg.dev
docker buildx build --platform linux/amd64 \\
  -t us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:v1.0.0-staging \\
  --push .
\`\`\`
`,
      },
    },
    {
      name: 'a migration note naming the *.gcr.io hosts without any image path',
      files: {
        'docs/migration.md': `# Registry migration

Every \`*.gcr.io\` host (gcr.io, us.gcr.io, eu.gcr.io, asia.gcr.io) is gone for our images; see
[the Artifact Registry guide](https://cloud.google.com/artifact-registry/docs/transition/gcr-repositories).
`,
      },
    },
  ],
  fail: [
    {
      name: 'an obsolete GCR deployment guide: one finding per repository, repeats are related locations',
      files: {
        'docs/DEPLOYMENT.md': `# Deploy

Build and push:

\`\`\`bash
docker build -t gcr.io/coditect-cloud-infra/coditect-cloud-backend:latest .
docker push gcr.io/coditect-cloud-infra/coditect-cloud-backend:latest
\`\`\`

The staging image lives at \`us.gcr.io/coditect-cloud-infra/worker\`.
`,
      },
      expect: [
        { messageId: 'gcrReference', file: 'docs/DEPLOYMENT.md', line: 6, column: 17 },
        { messageId: 'gcrReference', file: 'docs/DEPLOYMENT.md', line: 7, column: 13 },
        { messageId: 'gcrReference', file: 'docs/DEPLOYMENT.md', line: 10, column: 29 },
      ],
    },
    {
      name: "README naming a Google-maintained base (not the project's image) and the frozen Kubernetes registry",
      files: {
        'README.md': `Runtime base: gcr.io/distroless/python3-debian12.
Sidecar: k8s.gcr.io/pause:3.9
`,
      },
      expect: [{ messageId: 'kubernetesFrozen', file: 'README.md', line: 2, column: 10 }],
    },
  ],
} satisfies RuleCases;
