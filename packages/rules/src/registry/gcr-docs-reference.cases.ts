import type { RuleCases } from '../cases.js';

export default {
  pass: [
    {
      name: 'a folder named k8s.gcr.io inside a GitHub URL is a path, not the registry',
      files: {
        'RELEASE.md':
          '# Releasing\n\nOpen a pull request in [kubernetes/k8s.io](https://github.com/kubernetes/k8s.io/blob/main/k8s.gcr.io/images/k8s-staging-demo/images.yaml) to promote the image.\n',
      },
    },
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
    {
      // django-demo-app-unicodex, terraform-google-kubernetes-engine, microservices-demo: images Google and
      // the kpt project publish on gcr.io, which the guide cannot move (docs/accuracy.md, a second corpus).
      name: "a guide naming images Google and open-source projects publish on gcr.io, not the project's own",
      files: {
        'docs/deploy.md': `Run migrations with \`gcr.io/google-appengine/exec-wrapper\`, set the project with
\`gcr.io/kpt-fn/set-project-id:v0.1\`, open it in \`gcr.io/ds-artifacts-cloudshell/deploystack_custom_image\`.
`,
      },
    },
  ],
  fail: [
    {
      name: 'a tutorial that names the project as a placeholder to fill in: gcr.io/[PROJECT_ID]/… and gcr.io/<PROJECT_ID>/…',
      files: {
        'README.md': `# Deploy

Push with \`docker push gcr.io/[PROJECT_ID]/web:1.0\`, or for the worker
\`gcr.io/<PROJECT_ID>/worker\`.
`,
      },
      expect: [
        { messageId: 'gcrReference', file: 'README.md', line: 3, column: 24 },
        { messageId: 'gcrReference', file: 'README.md', line: 4, column: 2 },
      ],
    },
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
