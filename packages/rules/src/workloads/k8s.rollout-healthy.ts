import { defineViewRule, type Evidence, type ViewRuleContext } from '@coditect-audit/core';
import type { AppDeploymentView } from '@coditect-audit/core/views';
import {
  appContainer,
  asNumber,
  asRecord,
  containersOf,
  imageRepository,
  locationAt,
  objectLocation,
  under,
  valueAt,
} from '../util/k8s-app.js';
import { conditionOf, containerStatuses, metadataOf, specOf, statusOf, viewOf } from '../util/k8s-live.js';

type Messages =
  | 'tooFewReplicas'
  | 'tooFewAutoscaled'
  | 'noLivenessProbe'
  | 'noReadinessProbe'
  | 'wrongImage'
  | 'noAppContainer'
  | 'ready'
  | 'missing'
  | 'notAvailable'
  | 'rolloutIncomplete'
  | 'healthy';
type Ctx = ViewRuleContext<'app-deployment', Messages>;
type Of<S extends AppDeploymentView['source']> = Extract<AppDeploymentView, { source: S }>;

/** What the manifest asks for: the replica floor (an autoscaler's `minReplicas` decides), both probes, the app image. */
function checkDeclared(ctx: Ctx, v: Of<'manifest'>): void {
  const exp = ctx.env.expectations;
  const { deployment, resource } = v;
  const name = deployment.name;
  let defects = 0;

  const min = exp.app.minReplicas;
  const hpa = v.autoscaler;
  const declared = asNumber(valueAt(deployment.object, '/spec/replicas'));
  const replicas = hpa ? hpa.minReplicas : (declared ?? 1);
  if (replicas < min) {
    defects++;
    if (hpa) {
      ctx.fail({
        resource,
        messageId: 'tooFewAutoscaled',
        data: { hpa: hpa.object.name, deployment: name, replicas, min },
        location: locationAt(hpa.object, hpa.declared ? '/spec/minReplicas' : '/spec'),
        evidence: [
          {
            path: `HorizontalPodAutoscaler/${hpa.object.name}.spec.minReplicas`,
            observed: replicas,
            expected: `>= ${min}`,
          },
        ],
        discriminator: 'replicas',
      });
    } else {
      ctx.fail({
        resource,
        messageId: 'tooFewReplicas',
        data: { deployment: name, replicas, min, how: declared === undefined ? ' (replicas is not set)' : '' },
        location: locationAt(deployment, declared === undefined ? '/spec' : '/spec/replicas'),
        evidence: [{ path: 'spec.replicas', observed: declared ?? null, expected: `>= ${min}` }],
        discriminator: 'replicas',
      });
    }
  }

  const container = appContainer(deployment, exp);
  if (!container) {
    const first = containersOf(deployment).find((c) => !c.init);
    ctx.fail({
      resource,
      messageId: 'noAppContainer',
      data: { deployment: name, container: exp.app.container ?? 'app' },
      location: locationAt(deployment, first ? under(first.pointer, 'name') : '/spec/template/spec'),
      evidence: [
        {
          path: 'spec.template.spec.containers[].name',
          observed: containersOf(deployment)
            .filter((c) => !c.init)
            .map((c) => c.name)
            .join(', '),
          expected: exp.app.container ?? 'a container',
        },
      ],
      discriminator: 'container',
    });
    return;
  }
  const at = (key: string) => locationAt(deployment, under(container.pointer, key));
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
      location: at('name'),
      evidence: [{ path: `containers[${container.name}].${probe}`, observed: null, expected: 'a probe' }],
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
      location: at(image ? 'image' : 'name'),
      evidence: [
        { path: `containers[${container.name}].image`, observed: image ?? null, expected: `${exp.app.image}:<tag>` },
      ],
      discriminator: 'image',
    });
  }
  if (defects === 0) {
    ctx.pass({
      resource,
      messageId: 'ready',
      data: { ...data, replicas, image: image ?? '' },
      location: objectLocation(deployment),
    });
  }
}

/**
 * What runs: the same asks read from the live object, and whether the rollout finished with every replica
 * available (explained from the pods' container statuses).
 */
function checkLive(ctx: Ctx, v: Of<'k8s'>): void {
  const exp = ctx.env.expectations;
  const { namespace: ns, name, deployment: d } = v;
  if (!d) {
    ctx.fail({
      resource: v.resource,
      messageId: 'missing',
      data: { deployment: name, namespace: ns },
      evidence: [{ path: `deployments/${ns}/${name}`, observed: null, expected: 'the app Deployment' }],
    });
    return;
  }
  const { resource } = v;
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
  const { pods } = v;
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
}

/**
 * ADR-001 "Pending: Restart Deployment": the backend Deployment (2 replicas with health checks) must roll out
 * with the fixed image. One check per layer: the manifest must ask for what the ADR expects (replicas, both
 * probes, the app image), and the live Deployment must ask for the same and, which only the cluster shows,
 * have finished its rollout with every replica available. The ADR's staging pods crash-looped on
 * "ModuleNotFoundError: No module named 'django'".
 */
export default defineViewRule({
  id: 'k8s.rollout-healthy',
  title: "The app's Deployment cannot roll out as the ADR expects, or is not rolled out and available",
  concerns: ['k8s.rollout-healthy'],
  view: 'app-deployment',
  sources: {
    manifest: { alias: 'manifest-rollout-readiness' },
    k8s: {
      alias: 'k8s-rollout-healthy',
      messages: {
        tooFewReplicas: 'Deployment {{deployment}} asks for {{replicas}} replica(s); the ADR expects at least {{min}}.',
      },
    },
  },
  adrIdentity: 'app Deployment name (coditect-staging/coditect-backend)',
  adrIdentityFields: ['app.namespace', 'app.deployment'],
  description:
    "**Manifests**: the app's Deployment (`expectations.app.deployment` in `expectations.app.namespace`) must ask for at least `expectations.app.minReplicas` replicas (an unset `replicas` means 1; a HorizontalPodAutoscaler targeting the Deployment decides through its `minReplicas`), give its app container (`expectations.app.container`, else the one running the app image, else the first) a `livenessProbe` and a `readinessProbe`, and run the app image (`expectations.app.image`, any tag or digest). Each defect is a separate finding at the key, or at the container's name when the key is missing. **Cluster**: the app's Deployment must exist; ask for at least `expectations.app.minReplicas` replicas; have as many available replicas as it asks for (`status.availableReplicas`); have finished its rollout (every replica updated, the latest generation observed); give its app container a livenessProbe and a readinessProbe; and run the app image. Unavailable replicas are explained from the pods' container statuses (CrashLoopBackOff, ImagePullBackOff, restart counts).",
  rationale:
    'ADR-001 Implementation Summary: "Deployment: 2 replicas with health checks", and Pending step 6 restarts it with the rebuilt image from Artifact Registry (`kubectl rollout restart` then `kubectl rollout status`). One replica or a missing probe turns every rollout into downtime; the wrong image reintroduces the /root/.local blocker. In the ADR the pods never became ready: the image could not import Django as the non-root user. A Deployment that is not available serves nothing, whatever its manifest says.',
  remediation: {
    text: 'Set replicas, add both probes on the health endpoints, point the container at the Artifact Registry image; if it still does not become available, fix what keeps the pods from becoming ready (see the pod statuses in the evidence), then restart and watch the rollout.',
    commands: [
      `spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: backend
          image: {{region}}-docker.pkg.dev/{{project}}/coditect-backend/coditect-cloud-backend:v1.0.1
          livenessProbe:
            httpGet: { path: /api/v1/health/live, port: 8000 }
          readinessProbe:
            httpGet: { path: /api/v1/health/ready, port: 8000 }`,
      'kubectl apply -f k8s/deployment.yaml && kubectl rollout status deployment/coditect-backend -n coditect-staging',
      'kubectl get pods -n coditect-staging -l app=coditect-backend',
      'kubectl logs deployment/coditect-backend -n coditect-staging --previous',
      'kubectl rollout restart deployment/coditect-backend -n coditect-staging',
      'kubectl rollout status deployment/coditect-backend -n coditect-staging',
    ],
  },
  benchmarks: [],
  messages: {
    // manifest (k8s words tooFewReplicas its own way: sources.k8s.messages)
    tooFewReplicas:
      'Deployment {{deployment}} asks for {{replicas}} replica(s){{how}}; the ADR expects at least {{min}}.',
    tooFewAutoscaled:
      'HorizontalPodAutoscaler {{hpa}} lets Deployment {{deployment}} scale down to {{replicas}} replica(s); the ADR expects at least {{min}}.',
    noLivenessProbe: 'Container {{container}} of Deployment {{deployment}} has no livenessProbe.',
    noReadinessProbe: 'Container {{container}} of Deployment {{deployment}} has no readinessProbe.',
    wrongImage: 'Container {{container}} of Deployment {{deployment}} runs {{image}}, not the app image {{expected}}.',
    noAppContainer: 'Deployment {{deployment}} has no container named {{container}}.',
    ready:
      'Deployment {{deployment}} asks for {{replicas}} replica(s) of {{image}} with liveness and readiness probes on {{container}}.',
    // k8s
    missing: 'Deployment {{deployment}} does not exist in namespace {{namespace}}.',
    notAvailable: 'Deployment {{deployment}} has {{available}} of {{replicas}} replica(s) available{{why}}.',
    rolloutIncomplete:
      'Deployment {{deployment}} has not finished its rollout: {{updated}} of {{replicas}} replica(s) run the current template{{why}}.',
    healthy:
      'Deployment {{deployment}} is rolled out: {{available}} of {{replicas}} replica(s) of {{image}} available, with liveness and readiness probes.',
  },
  check(ctx) {
    for (const v of ctx.views) {
      if (v.source === 'manifest') checkDeclared(ctx, v);
      else checkLive(ctx, v);
    }
  },
});
