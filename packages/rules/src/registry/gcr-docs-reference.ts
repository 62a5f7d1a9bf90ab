import { defineRule } from '@coditect-audit/core';
import { AR_MIGRATION_SENTENCE, findGcrReferences, suggestedLocation } from '../util/registry.js';

/**
 * ADR-001 Decision 1, Consequences: "Existing GCR documentation is obsolete" and "Update all deployment
 * guides to reference Artifact Registry". A guide that still says `docker push gcr.io/...` sends the next
 * person into the 403 the ADR started with.
 */
export default defineRule({
  id: 'gcr-docs-reference',
  title: 'Deployment guide points at Container Registry (gcr.io)',
  concerns: ['docs.gcr-reference'],
  layer: 'files',
  facets: ['files.markdown'],
  priority: 'P2',
  description:
    'Finds image and repository references on `gcr.io` or `*.gcr.io` (`gcr.io/<project>/<image>`, `us.gcr.io/...`) in Markdown files, in prose and code blocks alike. One finding per file and repository; further mentions in the same file are related locations. A bare host name in prose ("GCR (gcr.io) is shut down") is a mention, not a reference, and is not reported.',
  rationale:
    'ADR-001 Decision 1, Consequences: "Existing GCR documentation is obsolete" and "Update all deployment guides to reference Artifact Registry". Container Registry shut down on March 18, 2025; a guide that still points there reproduces the 403/401 pull failures the ADR records. P2, since documentation does not break a deployment by itself.',
  remediation: {
    text: 'Rewrite the guide to build, push and pull from the Artifact Registry repository, and configure Docker for its host.',
    commands: [
      'gcloud auth configure-docker {{region}}-docker.pkg.dev',
      'docker buildx build --platform linux/amd64 -t {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.0-staging --push .',
      "grep -rn 'gcr\\.io' --include='*.md' .",
    ],
  },
  benchmarks: [],
  messages: {
    gcrReference: `The guide references {{reference}} on Container Registry; point it at {{suggestion}}. ${AR_MIGRATION_SENTENCE}`,
    googleMaintained:
      "The guide references {{reference}}, an image Google or an open-source project publishes, not one of the project's own: its publisher decides where it is served.",
    kubernetesFrozen: `The guide references {{reference}} on {{host}}, the frozen Kubernetes registry; point it at {{suggestion}}. ${AR_MIGRATION_SENTENCE}`,
    noReference: 'No Container Registry (gcr.io) reference in {{file}}.',
  },
  check(ctx) {
    for (const md of ctx.facet('files.markdown').files) {
      let found = false;
      for (const r of md.references) {
        for (const ref of findGcrReferences(r.text)) {
          const location = { file: md.file, startLine: r.line, startColumn: r.column };
          const resource = {
            id: `${md.file}#gcr:${ref.repository}`,
            kind: 'DocumentReference',
            name: ref.repository,
            file: md.file,
          };
          if (ref.kind === 'google-maintained' || ref.kind === 'third-party') {
            ctx.pass({ resource, messageId: 'googleMaintained', data: { reference: ref.text }, location });
            continue;
          }
          found = true;
          ctx.fail({
            resource: {
              id: `${md.file}#gcr:${ref.repository}`,
              kind: 'DocumentReference',
              name: ref.repository,
              file: md.file,
            },
            messageId: ref.kind === 'kubernetes-frozen' ? 'kubernetesFrozen' : 'gcrReference',
            data: { reference: ref.text, host: ref.host, suggestion: suggestedLocation(ref, ctx.env.expectations) },
            location,
            evidence: [
              {
                path: 'reference',
                observed: r.text,
                expected: 'an Artifact Registry (*-docker.pkg.dev) reference',
                location,
              },
            ],
          });
        }
      }
      if (!found) {
        ctx.pass({
          resource: { id: md.file, kind: 'File', name: md.file, file: md.file },
          messageId: 'noReference',
          data: { file: md.file },
        });
      }
    }
  },
});
