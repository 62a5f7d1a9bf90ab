import { defineRule } from '@coditect-audit/core';
import {
  annotationPointer,
  asString,
  k8sResource,
  locationAt,
  manifestObjects,
  namespaceOf,
  objectLocation,
  valueAt,
} from '../util/k8s-app.js';
import {
  appIngresses,
  backendConfigFor,
  BACKEND_CONFIG_ANNOTATIONS,
  findBackendConfig,
  findService,
  ingressBackends,
  publicLoadBalancers,
} from '../util/k8s-network.js';

/**
 * ADR-001 Issue 8: the Ingress that replaces the LoadBalancer gets "Cloud Armor for DDoS protection".
 * On GKE a Cloud Armor policy reaches an Ingress backend through a BackendConfig named by the Service.
 */
export default defineRule({
  id: 'manifest-edge-protection',
  title: 'No Cloud Armor policy protects the public backend',
  concerns: ['network.edge-protection'],
  layer: 'files',
  facets: ['files.kubernetes'],
  adrIdentity: 'Cloud Armor policy on the app entry',
  description:
    "Every Service that an app Ingress routes to must carry a `cloud.google.com/backend-config` (or `beta.cloud.google.com/backend-config`) annotation naming, for the backend's port or by default, a BackendConfig (cloud.google.com) whose `spec.securityPolicy.name` is set: that is how GKE attaches a Cloud Armor policy to the Ingress's backend service. A public LoadBalancer Service as the app's entry cannot take a BackendConfig and fails too. With no public entry in the manifests the rule does not apply.",
  rationale:
    'ADR-001 Issue 8 lists "Cloud Armor for DDoS protection" with the GCE Ingress and SSL certificate that replace the plain LoadBalancer (P2 in the concern catalog). Without a security policy the backend takes every request the internet sends.',
  remediation: {
    text: 'Create the Cloud Armor policy, reference it from a BackendConfig, and attach that to the Ingress backend Service.',
    commands: [
      'gcloud compute security-policies create coditect-backend-armor --project={{project}}',
      `kubectl apply -f - <<EOF
apiVersion: cloud.google.com/v1
kind: BackendConfig
metadata: { name: coditect-backend-config, namespace: coditect-staging }
spec:
  securityPolicy: { name: coditect-backend-armor }
EOF`,
      `kubectl annotate service coditect-backend-internal -n coditect-staging cloud.google.com/backend-config='{"default": "coditect-backend-config"}'`,
    ],
  },
  benchmarks: [],
  messages: {
    noBackendConfig:
      'Service {{service}} behind Ingress {{ingress}} has no cloud.google.com/backend-config annotation, so no Cloud Armor policy is attached.',
    noConfigForPort:
      'Service {{service}} names no BackendConfig for port {{port}} (used by Ingress {{ingress}}) and no default one.',
    invalidAnnotation:
      'Service {{service}}: annotation {{annotation}} is not the JSON GKE reads ({"default": "<name>"}).',
    backendConfigNotDeclared: 'Service {{service}} names BackendConfig {{config}}, which no manifest declares.',
    noSecurityPolicy: 'BackendConfig {{config}} (for Service {{service}}) sets no spec.securityPolicy.name.',
    loadBalancerEntry:
      'The app is reached through LoadBalancer Service {{service}}, which cannot carry a Cloud Armor policy through a BackendConfig; serve it through an Ingress.',
    protected:
      'Service {{service}} behind Ingress {{ingress}} is protected by Cloud Armor policy {{policy}} (BackendConfig {{config}}).',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const objects = manifestObjects(ctx.facet('files.kubernetes'));
    const ingresses = appIngresses(objects, exp).filter((i) => ingressBackends(i).length > 0);
    if (ingresses.length === 0) {
      const lbs = publicLoadBalancers(objects, exp);
      for (const lb of lbs) {
        ctx.fail({
          resource: k8sResource(lb, exp),
          messageId: 'loadBalancerEntry',
          data: { service: lb.name },
          location: locationAt(lb, '/spec/type'),
          evidence: [
            {
              path: 'spec.type',
              observed: 'LoadBalancer',
              expected: 'an Ingress backend with a BackendConfig security policy',
            },
          ],
        });
      }
      if (lbs.length === 0)
        ctx.skip('the manifests declare no public entry for the app (no Ingress, no public LoadBalancer)');
      return;
    }
    const seen = new Set<string>();
    for (const ing of ingresses) {
      const ns = namespaceOf(ing, exp);
      for (const backend of ingressBackends(ing)) {
        const key = `${backend.service}:${backend.port ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const svc = findService(objects, exp, ns, backend.service);
        if (!svc) {
          ctx.skip(`Service ${backend.service} (a backend of Ingress ${ing.name}) is not declared in the manifests`);
          continue;
        }
        const resource = k8sResource(svc, exp);
        const discriminator = backend.port !== undefined ? `port:${backend.port}` : '';
        const data = { service: svc.name, ingress: ing.name, port: backend.port ?? 'default' };
        const ref = backendConfigFor(svc, backend.port);
        if (!ref) {
          ctx.fail({
            resource,
            messageId: 'noBackendConfig',
            data,
            location: objectLocation(svc),
            evidence: [
              {
                path: `metadata.annotations["${BACKEND_CONFIG_ANNOTATIONS[0]}"]`,
                observed: null,
                expected: '{"default": "<BackendConfig with securityPolicy>"}',
              },
            ],
            discriminator,
          });
          continue;
        }
        const at = locationAt(svc, annotationPointer(ref.annotation));
        if (ref.invalid || !ref.name) {
          ctx.fail({
            resource,
            messageId: ref.invalid ? 'invalidAnnotation' : 'noConfigForPort',
            data: { ...data, annotation: ref.annotation },
            location: at,
            evidence: [
              {
                path: `metadata.annotations["${ref.annotation}"]`,
                observed: ref.invalid ? 'not JSON' : null,
                expected: '{"default": "<name>"}',
              },
            ],
            discriminator,
          });
          continue;
        }
        const config = findBackendConfig(objects, exp, ns, ref.name);
        if (!config) {
          ctx.fail({
            resource,
            messageId: 'backendConfigNotDeclared',
            data: { ...data, config: ref.name },
            location: at,
            evidence: [
              { path: `BackendConfig/${ref.name}`, observed: null, expected: 'declared with spec.securityPolicy.name' },
            ],
            discriminator,
          });
          continue;
        }
        const policy = asString(valueAt(config.object, '/spec/securityPolicy/name'));
        if (!policy) {
          ctx.fail({
            resource,
            messageId: 'noSecurityPolicy',
            data: { ...data, config: config.name },
            location: locationAt(config, valueAt(config.object, '/spec') ? '/spec' : '/metadata/name'),
            evidence: [
              {
                path: `BackendConfig/${config.name}.spec.securityPolicy.name`,
                observed: null,
                expected: 'a Cloud Armor policy name',
              },
            ],
            discriminator,
          });
          continue;
        }
        ctx.pass({
          resource,
          messageId: 'protected',
          data: { ...data, policy, config: config.name },
          location: locationAt(config, '/spec/securityPolicy/name'),
          discriminator,
        });
      }
    }
  },
});
