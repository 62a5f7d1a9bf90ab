import { defineRule, type Evidence } from '@coditect-audit/core';
import { appContainer, asNumber, asRecord, imageRepository } from '../util/k8s-app.js';
import {
  conditionOf,
  containerStatuses,
  inScope,
  itemsOf,
  liveResource,
  metadataOf,
  podsOf,
  specOf,
  statusOf,
  viewOf,
} from '../util/k8s-live.js';

/**
 * ADR-001 "Pending: Restart Deployment": the backend Deployment must be rolled out with the fixed image,
 * fully available, 2 replicas with health checks. The ADR's staging pods crash-looped on
 * "ModuleNotFoundError: No module named 'django'".
 */
export default defineRule({
  id: 'k8s-rollout-healthy',
  title: 'The backend Deployment is not fully rolled out and available',
  concerns: ['k8s.rollout-healthy'],
  layer: 'k8s',
  facets: ['k8s.deployments', 'k8s.pods', 'k8s.replicasets'],
  adrIdentity: 'app Deployment name (coditect-staging/coditect-backend)',
  adrIdentityFields: ['app.namespace', 'app.deployment'],
  description:
    "The app's Deployment (`expectations.app.deployment` in `expectations.app.namespace`) must exist; ask for at least `expectations.app.minReplicas` replicas; have as many available replicas as it asks for (`status.availableReplicas`); have finished its rollout (every replica updated, the latest generation observed); give its app container (`expectations.app.container`, else the one running the app image, else the first) a livenessProbe and a readinessProbe; and run the app image (`expectations.app.image`, any tag or digest). Unavailable replicas are explained from the pods' container statuses (CrashLoopBackOff, ImagePullBackOff, restart counts).",
  rationale:
    'ADR-001 Implementation Summary ("Deployment: 2 replicas with health checks") and Pending step 6 (`kubectl rollout restart` then `kubectl rollout status`). In the ADR the pods never became ready: the image could not import Django as the non-root user. A Deployment that is not available serves nothing, whatever its manifest says.',
  remediation: {
    text: 'Fix what keeps the pods from becoming ready (see the pod statuses in the evidence), then restart and watch the rollout.',
    commands: [
      'kubectl get pods -n coditect-staging -l app=coditect-backend',
      'kubectl logs deployment/coditect-backend -n coditect-staging --previous',
      'kubectl rollout restart deployment/coditect-backend -n coditect-staging',
      'kubectl rollout status deployment/coditect-backend -n coditect-staging',
    ],
  },
  benchmarks: [],
  messages: {
    missing: 'Deployment {{deployment}} does not exist in namespace {{namespace}}.',
    tooFewReplicas: 'Deployment {{deployment}} asks for {{replicas}} replica(s); the ADR expects at least {{min}}.',
    notAvailable: 'Deployment {{deployment}} has {{available}} of {{replicas}} replica(s) available{{why}}.',
    rolloutIncomplete:
      'Deployment {{deployment}} has not finished its rollout: {{updated}} of {{replicas}} replica(s) run the current template{{why}}.',
    noLivenessProbe: 'Container {{container}} of Deployment {{deployment}} has no livenessProbe.',
    noReadinessProbe: 'Container {{container}} of Deployment {{deployment}} has no readinessProbe.',
    wrongImage: 'Container {{container}} of Deployment {{deployment}} runs {{image}}, not the app image {{expected}}.',
    noAppContainer: 'Deployment {{deployment}} has no container named {{container}}.',
    healthy:
      'Deployment {{deployment}} is rolled out: {{available}} of {{replicas}} replica(s) of {{image}} available, with liveness and readiness probes.',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const facet = ctx.facet('k8s.deployments');
    const ns = exp.app.namespace;
    const name = exp.app.deployment;
    if (!inScope(facet, ns)) {
      ctx.skip(`namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)`);
      return;
    }
    const d = itemsOf(facet).find((x) => x.name === name && x.namespace === ns);
    if (!d) {
      ctx.fail({
        resource: liveResource({ kind: 'Deployment', name, namespace: ns }),
        messageId: 'missing',
        data: { deployment: name, namespace: ns },
        evidence: [{ path: `deployments/${ns}/${name}`, observed: null, expected: 'the app Deployment' }],
      });
      return;
    }
    const resource = liveResource(d);
    const spec = specOf(d);
    const status = statusOf(d);
    const replicas = asNumber(spec.replicas) ?? 1;
    let defects = 0;

    if (replicas < exp.app.minReplicas) {
      defects++;
      ctx.fail({
        resource,
        messageId: 'tooFewReplicas',
        data: { deployment: name, replicas, min: exp.app.minReplicas },
        evidence: [{ path: 'spec.replicas', observed: replicas, expected: `>= ${exp.app.minReplicas}` }],
        discriminator: 'replicas',
      });
    }

    // Why pods are not ready, from their container statuses: the kubelet's reasons, not the app's logs.
    const pods = podsOf(d, itemsOf(ctx.facet('k8s.pods')), itemsOf(ctx.facet('k8s.replicasets')));
    const podEvidence: Evidence[] = [];
    const reasons = new Set<string>();
    for (const pod of pods) {
      for (const s of containerStatuses(pod)) {
        if (s.ready !== false || s.init) continue;
        const detail = [
          s.reason ?? 'not ready',
          `${s.restartCount} restart(s)`,
          ...(s.lastExitCode !== undefined ? [`last exit code ${s.lastExitCode}`] : []),
        ].join(', ');
        reasons.add(s.reason ?? 'not ready');
        podEvidence.push({
          path: `pods/${pod.name}/status/containerStatuses/${s.name}`,
          observed: detail,
          expected: 'ready',
        });
      }
    }
    const progressing = conditionOf(d, 'Progressing');
    const why = [
      ...(reasons.size ? [`pods: ${[...reasons].join(', ')}`] : []),
      ...(progressing?.reason === 'ProgressDeadlineExceeded' ? ['progress deadline exceeded'] : []),
    ];
    const whyText = why.length ? ` (${why.join('; ')})` : '';
    const available = asNumber(status.availableReplicas) ?? 0;
    const updated = asNumber(status.updatedReplicas) ?? 0;
    const generation = asNumber(metadataOf(d).generation);
    const observed = asNumber(status.observedGeneration);
    const statusEvidence: Evidence[] = [
      { path: 'status.availableReplicas', observed: available, expected: `${replicas}` },
      { path: 'status.updatedReplicas', observed: updated, expected: `${replicas}` },
      ...(progressing
        ? [
            {
              path: 'status.conditions[Progressing]',
              observed: `${progressing.status} ${progressing.reason ?? ''}`.trim(),
            },
          ]
        : []),
    ];
    if (available < replicas) {
      defects++;
      ctx.fail({
        resource,
        messageId: 'notAvailable',
        data: { deployment: name, available, replicas, why: whyText },
        evidence: [...statusEvidence, ...podEvidence],
        discriminator: 'available',
      });
    } else if (updated < replicas || (generation !== undefined && observed !== undefined && observed < generation)) {
      defects++;
      ctx.fail({
        resource,
        messageId: 'rolloutIncomplete',
        data: { deployment: name, updated, replicas, why: whyText },
        evidence: [
          ...statusEvidence,
          { path: 'status.observedGeneration', observed: observed ?? null, expected: `${generation ?? ''}` },
        ],
        discriminator: 'rollout',
      });
    }

    const container = appContainer(viewOf(d), exp);
    if (!container) {
      ctx.fail({
        resource,
        messageId: 'noAppContainer',
        data: { deployment: name, container: exp.app.container ?? 'app' },
        evidence: [
          {
            path: 'spec.template.spec.containers[].name',
            observed: null,
            expected: exp.app.container ?? 'a container',
          },
        ],
        discriminator: 'container',
      });
      return;
    }
    const data = { deployment: name, container: container.name };
    for (const [probe, messageId] of [
      ['livenessProbe', 'noLivenessProbe'],
      ['readinessProbe', 'noReadinessProbe'],
    ] as const) {
      if (asRecord(container.spec[probe])) continue;
      defects++;
      ctx.fail({
        resource,
        messageId,
        data,
        evidence: [{ path: `${container.pointer}/${probe}`, observed: null, expected: 'a probe' }],
        discriminator: probe,
      });
    }
    const image = container.image;
    if (!image || imageRepository(container) !== exp.app.image) {
      defects++;
      ctx.fail({
        resource,
        messageId: 'wrongImage',
        data: { ...data, image: image ?? 'no image', expected: exp.app.image },
        evidence: [{ path: `${container.pointer}/image`, observed: image ?? null, expected: `${exp.app.image}:<tag>` }],
        discriminator: 'image',
      });
    }
    if (defects === 0)
      ctx.pass({ resource, messageId: 'healthy', data: { deployment: name, available, replicas, image: image ?? '' } });
  },
});
