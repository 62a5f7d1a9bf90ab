import { defineRule, type K8sLiveObject } from '@coditect-audit/core';
import { asString, valueAt } from '../util/k8s-app.js';
import { inScope, itemsOf, liveResource, viewOf } from '../util/k8s-live.js';
import {
  appIngresses,
  BACKEND_CONFIG_ANNOTATIONS,
  backendConfigFor,
  ingressBackends,
  publicLoadBalancers,
} from '../util/k8s-network.js';

/**
 * ADR-001 Issue 8: the Ingress that replaces the LoadBalancer gets "Cloud Armor for DDoS protection".
 * On GKE a Cloud Armor policy reaches an Ingress backend through a BackendConfig the Service names.
 */
export default defineRule({
  id: 'k8s-edge-protection',
  title: 'No Cloud Armor policy protects the live public backend',
  concerns: ['network.edge-protection'],
  layer: 'k8s',
  facets: ['k8s.services', 'k8s.ingresses', 'k8s.backendconfigs'],
  adrIdentity: 'Cloud Armor policy on the app entry',
  description:
    "Every live Service that an Ingress of the app namespace routes to must carry a `cloud.google.com/backend-config` annotation naming (for the backend's port, or by default) a live BackendConfig whose `spec.securityPolicy.name` is set: that is how GKE attaches a Cloud Armor policy to the Ingress's backend service. A public LoadBalancer Service as the app's entry cannot take a BackendConfig and fails. Whether the policy itself exists and has rules is the GCP layer's to check. Clusters without the BackendConfig CRD (not GKE) skip this rule.",
  rationale:
    'ADR-001 Issue 8 (P2): "GCE Ingress with SSL certificate; Cloud Armor for DDoS protection". The BackendConfig is where GKE reads the policy name; a Service without one, or a BackendConfig without `securityPolicy`, leaves the backend open to whatever reaches the load balancer.',
  remediation: {
    text: 'Reference the Cloud Armor policy from a BackendConfig and attach it to the Ingress backend Service.',
    commands: [
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
      'Service {{service}} (behind Ingress {{ingress}}) names no BackendConfig, so no Cloud Armor policy applies.',
    noConfigForPort: 'Service {{service}} names no BackendConfig for port {{port}} (behind Ingress {{ingress}}).',
    invalidAnnotation: 'Service {{service}} has a {{annotation}} annotation that is not the JSON GKE expects.',
    backendConfigMissing: 'Service {{service}} names BackendConfig {{config}}, which does not exist.',
    noSecurityPolicy: 'BackendConfig {{config}} (for Service {{service}}) sets no spec.securityPolicy.name.',
    serviceMissing: 'Ingress {{ingress}} routes to Service {{service}}, which does not exist.',
    loadBalancerEntry:
      'The app is reached through LoadBalancer Service {{service}}, which cannot carry a Cloud Armor policy through a BackendConfig; serve it through an Ingress.',
    protected:
      'Service {{service}} behind Ingress {{ingress}} is protected by Cloud Armor policy {{policy}} (BackendConfig {{config}}).',
  },
  check(ctx) {
    const exp = ctx.env.expectations;
    const serviceFacet = ctx.facet('k8s.services');
    const configFacet = ctx.facet('k8s.backendconfigs');
    const services = itemsOf(serviceFacet);
    const ingresses = itemsOf(ctx.facet('k8s.ingresses'));
    const configs = itemsOf(configFacet);
    const byView = new Map<ReturnType<typeof viewOf>, K8sLiveObject>(
      [...services, ...ingresses].map((o) => [viewOf(o), o]),
    );
    const views = [...byView.keys()];
    const entries = appIngresses(views, exp).filter((i) => ingressBackends(i).length > 0);
    if (entries.length === 0) {
      const lbs = publicLoadBalancers(views, exp);
      for (const view of lbs) {
        const lb = byView.get(view)!;
        ctx.fail({
          resource: liveResource(lb),
          messageId: 'loadBalancerEntry',
          data: { service: lb.name },
          evidence: [
            {
              path: 'spec.type',
              observed: 'LoadBalancer',
              expected: 'an Ingress backend with a BackendConfig security policy',
            },
          ],
        });
      }
      if (lbs.length === 0) ctx.skip('the app has no public entry in the cluster (no Ingress, no public LoadBalancer)');
      return;
    }
    const seen = new Set<string>();
    for (const view of entries) {
      const ing = byView.get(view)!;
      for (const backend of ingressBackends(view)) {
        const key = `${backend.service}:${backend.port ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const svc = services.find((s) => s.name === backend.service && s.namespace === ing.namespace);
        const data = { service: backend.service, ingress: ing.name, port: backend.port ?? 'default' };
        const discriminator = backend.port !== undefined ? `port:${backend.port}` : '';
        if (!svc && !inScope(serviceFacet, ing.namespace ?? '')) {
          ctx.skip(`the Services of ${ing.namespace} were not read`, liveResource(ing));
          continue;
        }
        if (!svc) {
          ctx.fail({
            resource: liveResource(ing),
            messageId: 'serviceMissing',
            data,
            evidence: [
              { path: `services/${ing.namespace}/${backend.service}`, observed: null, expected: 'the backend Service' },
            ],
            discriminator: `service:${backend.service}`,
          });
          continue;
        }
        const resource = liveResource(svc);
        const ref = backendConfigFor(viewOf(svc), backend.port);
        if (!ref) {
          ctx.fail({
            resource,
            messageId: 'noBackendConfig',
            data,
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
        if (ref.invalid || !ref.name) {
          ctx.fail({
            resource,
            messageId: ref.invalid ? 'invalidAnnotation' : 'noConfigForPort',
            data: { ...data, annotation: ref.annotation },
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
        const config = configs.find((c) => c.name === ref.name && c.namespace === svc.namespace);
        if (!config && !inScope(configFacet, svc.namespace ?? '')) {
          ctx.skip(`the BackendConfigs of ${svc.namespace} were not read`, resource);
          continue;
        }
        if (!config) {
          ctx.fail({
            resource,
            messageId: 'backendConfigMissing',
            data: { ...data, config: ref.name },
            evidence: [
              {
                path: `backendconfigs/${svc.namespace}/${ref.name}`,
                observed: null,
                expected: 'a BackendConfig with spec.securityPolicy.name',
              },
            ],
            discriminator,
          });
          continue;
        }
        const policy = asString(valueAt(config.object, '/spec/securityPolicy/name'));
        if (!policy) {
          ctx.fail({
            resource: liveResource(config),
            messageId: 'noSecurityPolicy',
            data: { ...data, config: config.name },
            evidence: [{ path: 'spec.securityPolicy.name', observed: null, expected: 'a Cloud Armor policy name' }],
            discriminator: `${svc.name}:${discriminator}`,
          });
          continue;
        }
        ctx.pass({ resource, messageId: 'protected', data: { ...data, policy, config: config.name }, discriminator });
      }
    }
  },
});
