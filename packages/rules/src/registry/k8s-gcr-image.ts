import { defineRule, type Expectations } from '@coditect-audit/core';
import { containersOf } from '../util/containers.js';
import { liveResource, topLevelWorkloads, viewOf, WORKLOAD_FACETS, workloadFacets } from '../util/k8s-live.js';
import {
  AR_MIGRATION_SENTENCE,
  findGcrReferences,
  type GcrReference,
  gcrDomainRepository,
  suggestedLocation,
} from '../util/registry.js';

/**
 * ADR-001 Decision 1, on the cluster: Container Registry shut down on March 18, 2025 and every pull from
 * it fails with 403/401. A live workload that still names a gcr.io image fails at its next pull (a new
 * node, a restart on another node, a rollout).
 */
export default defineRule({
  id: 'k8s-gcr-image',
  title: 'A live workload runs an image from Container Registry (gcr.io)',
  concerns: ['registry.gcr-reference', 'lifecycle.deprecated-platform'],
  layer: 'k8s',
  facets: [...WORKLOAD_FACETS],
  description:
    "Every container and init container image of every workload the cluster runs (Deployments, StatefulSets, DaemonSets, CronJobs, and Jobs, ReplicaSets and Pods no controller owns) must not come from Container Registry (`gcr.io`, `us.gcr.io`, `eu.gcr.io`, `asia.gcr.io`, any `*.gcr.io`). A project's own gcr.io image fails with the Artifact Registry path to use instead; a Google-maintained gcr.io image (`gcr.io/distroless/...`, the Cloud SQL proxy, `gke.gcr.io` system images, `mirror.gcr.io`) is not the project's own and passes, saying so; `k8s.gcr.io` points at `registry.k8s.io`. A Deployment's older ReplicaSets are history, not what runs.",
  rationale:
    'ADR-001 Decision 1: "GCR was shut down March 18, 2025. All image pull attempts returned 403/401 Forbidden." A running pod keeps its cached image, so the cluster can look healthy until a pod is rescheduled to a node without it; the workload spec says what the next pull will ask for.',
  remediation: {
    text: 'Push the image to the Artifact Registry repository and point the workload at it.',
    commands: [
      'gcloud artifacts docker images list {{region}}-docker.pkg.dev/{{project}}/coditect-backend',
      'kubectl set image deployment/coditect-backend backend={{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1 -n coditect-staging',
      'gcloud artifacts docker upgrade migrate --projects={{project}}   # gcr.io-domain repositories in Artifact Registry',
    ],
  },
  benchmarks: [],
  messages: {
    projectImage: `{{container}} in {{kind}} {{name}} runs {{reference}}, a Container Registry image; use {{suggestion}}. ${AR_MIGRATION_SENTENCE} (For {{host}}: {{gcrDomain}}.)`,
    googleMaintainedImage:
      "{{container}} in {{kind}} {{name}} runs {{reference}}, a Google-maintained image, not one of the project's own: Google serves it from gcr.io-domain repositories in Artifact Registry, so it keeps its name.",
    thirdPartyImage:
      "{{container}} in {{kind}} {{name}} runs {{reference}}, published by {{publisher}}, not one of the project's own images: where it is served is its publisher's decision.",
    kubernetesFrozenRegistry: `{{container}} in {{kind}} {{name}} runs {{reference}} from {{host}}, the frozen Kubernetes registry; use {{suggestion}}.`,
    noReference: 'No container of {{kind}} {{name}} runs a Container Registry image.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    for (const w of topLevelWorkloads(workloadFacets(ctx.facet))) {
      let failed = false;
      for (const c of containersOf(viewOf(w))) {
        const image = typeof c.container.image === 'string' ? c.container.image : undefined;
        if (!image) continue;
        for (const ref of findGcrReferences(image)) {
          if (ref.kind === 'google-maintained' || ref.kind === 'third-party') {
            ctx.pass({
              resource: liveResource(w, { kind: 'ImageReference', name: c.name, path: `${c.field}/${c.name}/image` }),
              messageId: ref.kind === 'third-party' ? 'thirdPartyImage' : 'googleMaintainedImage',
              data: dataOf(ref, exp, { container: `Container ${c.name}`, kind: w.kind, name: w.name }),
              discriminator: ref.repository,
            });
            continue;
          }
          failed = true;
          ctx.fail({
            resource: liveResource(w, { kind: 'ImageReference', name: c.name, path: `${c.field}/${c.name}/image` }),
            messageId: messageOf(ref),
            data: dataOf(ref, exp, { container: `Container ${c.name}`, kind: w.kind, name: w.name }),
            evidence: [
              {
                path: `${c.pointer}/image`,
                observed: ref.text,
                expected: 'an Artifact Registry (*-docker.pkg.dev) reference',
              },
            ],
            discriminator: ref.repository,
          });
        }
      }
      if (!failed)
        ctx.pass({ resource: liveResource(w), messageId: 'noReference', data: { kind: w.kind, name: w.name } });
    }
  },
});

function messageOf(ref: GcrReference): 'projectImage' | 'kubernetesFrozenRegistry' {
  return ref.kind === 'kubernetes-frozen' ? 'kubernetesFrozenRegistry' : 'projectImage';
}

function dataOf(ref: GcrReference, exp: Expectations, base: Record<string, string>): Record<string, string> {
  return {
    ...base,
    reference: ref.text,
    host: ref.host,
    suggestion: suggestedLocation(ref, exp),
    gcrDomain: gcrDomainRepository(ref),
    ...(ref.publisher ? { publisher: ref.publisher } : {}),
  };
}
