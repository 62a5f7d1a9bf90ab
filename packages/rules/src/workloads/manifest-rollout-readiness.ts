import { defineRule, type Expectations, type K8sObject } from '@coditect-audit/core';
import {
  appContainer,
  appDeployment,
  asNumber,
  asRecord,
  asString,
  containersOf,
  imageRepository,
  k8sResource,
  locationAt,
  manifestObjects,
  namespaceOf,
  objectLocation,
  under,
  valueAt,
} from '../util/k8s-app.js';

/**
 * ADR-001 "Pending: Restart Deployment": the backend Deployment (2 replicas with health checks) must
 * roll out with the fixed image. The files layer checks what the manifest asks for.
 */
export default defineRule({
  id: 'manifest-rollout-readiness',
  title: 'The backend Deployment manifest cannot roll out as the ADR expects',
  concerns: ['k8s.rollout-healthy'],
  layer: 'files',
  facets: ['files.kubernetes'],
  adrIdentity: 'app Deployment name (coditect-staging/coditect-backend)',
  adrIdentityFields: ['app.namespace', 'app.deployment'],
  description:
    "The app's Deployment (`expectations.app.deployment` in `expectations.app.namespace`) must ask for at least `expectations.app.minReplicas` replicas (an unset `replicas` means 1; a HorizontalPodAutoscaler targeting the Deployment decides through its `minReplicas`), give its app container (`expectations.app.container`, else the one running the app image, else the first) a `livenessProbe` and a `readinessProbe`, and run the app image (`expectations.app.image`, any tag or digest). Each defect is a separate finding at the key, or at the container's name when the key is missing.",
  rationale:
    'ADR-001 Implementation Summary: "Deployment: 2 replicas with health checks", and Pending step 6 restarts it with the rebuilt image from Artifact Registry. One replica or a missing probe turns every rollout into downtime; the wrong image reintroduces the /root/.local blocker.',
  remediation: {
    text: 'Set replicas, add both probes on the health endpoints, and point the container at the Artifact Registry image.',
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
    ],
  },
  benchmarks: [],
  messages: {
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
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const objects = manifestObjects(ctx.facet('files.kubernetes'));
    const deployment = appDeployment(objects, exp);
    if (!deployment) {
      ctx.skip(
        `Deployment ${exp.app.deployment} in namespace ${exp.app.namespace} is not declared in the repository's manifests`,
      );
      return;
    }
    const resource = k8sResource(deployment, exp);
    const name = deployment.name;
    let defects = 0;

    const min = exp.app.minReplicas;
    const hpa = autoscalerOf(objects, deployment, exp);
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
  },
});

interface Autoscaler {
  object: K8sObject;
  minReplicas: number;
  /** Whether `spec.minReplicas` is written (it defaults to 1). */
  declared: boolean;
}

/** A HorizontalPodAutoscaler (any version) whose `scaleTargetRef` is the Deployment. */
function autoscalerOf(objects: K8sObject[], deployment: K8sObject, exp: Expectations): Autoscaler | undefined {
  const ns = namespaceOf(deployment, exp);
  for (const o of objects) {
    if (o.kind !== 'HorizontalPodAutoscaler' || namespaceOf(o, exp) !== ns) continue;
    const target = asRecord(valueAt(o.object, '/spec/scaleTargetRef'));
    if (asString(target?.kind) !== 'Deployment' || asString(target?.name) !== deployment.name) continue;
    const min = asNumber(valueAt(o.object, '/spec/minReplicas'));
    return { object: o, minReplicas: min ?? 1, declared: min !== undefined };
  }
  return undefined;
}
