import { defineViewRule } from '@coditect-audit/core';
import type { EdgeArmorView, KubernetesEdgeEntryView } from '@coditect-audit/core/views';
import { BACKEND_CONFIG_ANNOTATIONS } from '../util/k8s-network.js';
import { anchorLocation } from '../util/tf-lookup.js';

type Outcome =
  | 'loadBalancerEntry'
  | 'serviceMissing'
  | 'noBackendConfig'
  | 'invalidAnnotation'
  | 'noConfigForPort'
  | 'configMissing'
  | 'noSecurityPolicy'
  | 'protected';

/** How far the way in is protected: an Ingress backend Service, its BackendConfig, that config's Cloud Armor policy. */
function decide(v: KubernetesEdgeEntryView): Outcome {
  if (v.kind === 'loadBalancer') return 'loadBalancerEntry';
  const f = v.found;
  if (!f) return 'serviceMissing';
  if (!f.ref) return 'noBackendConfig';
  if (f.ref.invalid) return 'invalidAnnotation';
  if (!f.ref.name) return 'noConfigForPort';
  if (!f.config) return 'configMissing';
  return f.config.policy ? 'protected' : 'noSecurityPolicy';
}

/**
 * ADR-001 Issue 8: "Cloud Armor for DDoS protection" with the GCE Ingress; a public backend needs a
 * security policy, as each layer shows it: attached through a BackendConfig in the manifests and in the
 * cluster, declared (`google_compute_security_policy`) and named by the external backend services in
 * OpenTofu, and set on the backend services GKE made for the app in Compute Engine.
 */
const rule = defineViewRule({
  id: 'network.edge-protection',
  title: 'No Cloud Armor policy protects the public backend',
  concerns: ['network.edge-protection'],
  view: 'edge-entry',
  sources: {
    manifest: { alias: 'manifest-edge-protection' },
    k8s: { alias: 'k8s-edge-protection' },
    tf: { alias: 'tf-edge-security-policy' },
    gcp: {
      alias: 'gcp-cloud-armor-backend',
      messages: {
        protected: 'Backend service {{backend}} is protected by Cloud Armor policy {{policy}}.',
        noPolicy: 'Backend service {{backend}} has no Cloud Armor policy.',
      },
    },
  },
  adrIdentity: 'Cloud Armor policy on the app entry',
  description:
    "Every Service that an app Ingress routes to must carry a `cloud.google.com/backend-config` (or `beta.cloud.google.com/backend-config`) annotation naming, for the backend's port or by default, a BackendConfig (cloud.google.com) whose `spec.securityPolicy.name` is set: that is how GKE attaches a Cloud Armor policy to the Ingress's backend service. A public LoadBalancer Service as the app's entry cannot take a BackendConfig and fails too. With no public entry in the manifests the rule does not apply. Live, a backend Service or BackendConfig that does not exist fails too, and what was not read (a namespace out of scope) is skipped. **OpenTofu**: the `.tf` files must declare a `google_compute_security_policy` (Cloud Armor), and every external `google_compute_backend_service` they declare must reference a policy through `security_policy` (backend services a GKE Ingress creates are not in OpenTofu; they get the policy through the BackendConfig above). No `.tf` files: not applicable. **Google Cloud** (compute `backendServices.list`, `securityPolicies.list` of the expected project): the app's backend services are those GKE created for its namespace (`k8s1-…-<namespace>-…`, default namespace `coditect-staging`); none fails (the app is not behind an HTTP(S) load balancer Cloud Armor can attach to: a plain LoadBalancer Service is a network load balancer), and each must have a `securityPolicy` that exists.",
  rationale:
    'ADR-001 Issue 8 lists "Cloud Armor for DDoS protection" with the GCE Ingress and SSL certificate that replace the plain LoadBalancer (P2 in the concern catalog). Without a security policy the backend takes every request the internet sends.',
  remediation: {
    text: 'Create the Cloud Armor policy (declared in OpenTofu), reference it from a BackendConfig, and attach that to the Ingress backend Service; a backend service OpenTofu declares names the policy in `security_policy`.',
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
      '# OpenTofu: resource "google_compute_security_policy" "backend_armor" { name = "coditect-backend-armor" }, and in each google_compute_backend_service: security_policy = google_compute_security_policy.backend_armor.id',
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
    // manifest
    backendConfigNotDeclared: 'Service {{service}} names BackendConfig {{config}}, which no manifest declares.',
    // k8s
    backendConfigMissing: 'Service {{service}} names BackendConfig {{config}}, which does not exist.',
    serviceMissing: 'Ingress {{ingress}} routes to Service {{service}}, which does not exist.',
    noSecurityPolicy: 'BackendConfig {{config}} (for Service {{service}}) sets no spec.securityPolicy.name.',
    loadBalancerEntry:
      'The app is reached through LoadBalancer Service {{service}}, which cannot carry a Cloud Armor policy through a BackendConfig; serve it through an Ingress.',
    protected:
      'Service {{service}} behind Ingress {{ingress}} is protected by Cloud Armor policy {{policy}} (BackendConfig {{config}}).',
    // tf
    noPolicy: 'No google_compute_security_policy (Cloud Armor) is declared in the OpenTofu files.',
    backendWithoutPolicy: 'Backend service {{address}} sets no security_policy, so Cloud Armor does not protect it.',
    policyDeclared: 'Cloud Armor policy {{address}} ({{name}}) is declared.',
    backendProtected: 'Backend service {{address}} uses security policy {{policy}}.',
    // gcp
    noBackend:
      'No HTTP(S) load balancer backend serves namespace {{namespace}} in {{project}}: Cloud Armor has nothing to attach to (the app is exposed another way, or not at all).',
    unknownPolicy: 'Backend service {{backend}} names the policy {{policy}}, which does not exist.',
  },
  check(ctx) {
    for (const entry of ctx.views) {
      if (entry.source === 'tf' || entry.source === 'gcp') {
        armor(ctx, entry as EdgeArmorView);
        continue;
      }
      const v = entry as KubernetesEdgeEntryView;
      const { resource } = v;
      const outcome = decide(v);
      if (v.kind === 'loadBalancer') {
        ctx.fail({
          resource,
          messageId: 'loadBalancerEntry',
          data: { service: v.service },
          ...(v.location ? { location: v.location } : {}),
          evidence: [
            {
              path: 'spec.type',
              observed: 'LoadBalancer',
              expected: 'an Ingress backend with a BackendConfig security policy',
            },
          ],
        });
        continue;
      }
      const data = { service: v.service, ingress: v.ingress, port: v.port };
      const discriminator = v.port !== 'default' ? `port:${v.port}` : '';
      const f = v.found;
      if (!f) {
        ctx.fail({
          resource,
          messageId: 'serviceMissing',
          data,
          evidence: [
            { path: `services/${resource.namespace}/${v.service}`, observed: null, expected: 'the backend Service' },
          ],
          discriminator: `service:${v.service}`,
        });
        continue;
      }
      const at = f.refLocation ? { location: f.refLocation } : {};
      switch (outcome) {
        case 'noBackendConfig':
          ctx.fail({
            resource,
            messageId: 'noBackendConfig',
            data,
            ...(f.serviceLocation ? { location: f.serviceLocation } : {}),
            evidence: [
              {
                path: `metadata.annotations["${BACKEND_CONFIG_ANNOTATIONS[0]}"]`,
                observed: null,
                expected: '{"default": "<BackendConfig with securityPolicy>"}',
              },
            ],
            discriminator,
          });
          break;
        case 'invalidAnnotation':
        case 'noConfigForPort':
          ctx.fail({
            resource,
            messageId: outcome,
            data: { ...data, annotation: f.ref?.annotation ?? '' },
            ...at,
            evidence: [
              {
                path: `metadata.annotations["${f.ref?.annotation}"]`,
                observed: outcome === 'invalidAnnotation' ? 'not JSON' : null,
                expected: '{"default": "<name>"}',
              },
            ],
            discriminator,
          });
          break;
        case 'configMissing':
          ctx.fail({
            resource,
            messageId: v.source === 'manifest' ? 'backendConfigNotDeclared' : 'backendConfigMissing',
            data: { ...data, config: f.ref?.name ?? '' },
            ...at,
            evidence: [
              {
                path: f.missingPath,
                observed: null,
                expected:
                  v.source === 'manifest'
                    ? 'declared with spec.securityPolicy.name'
                    : 'a BackendConfig with spec.securityPolicy.name',
              },
            ],
            discriminator,
          });
          break;
        case 'noSecurityPolicy': {
          const c = f.config!;
          ctx.fail({
            resource: c.resource,
            messageId: 'noSecurityPolicy',
            data: { ...data, config: c.name },
            ...(c.noPolicyLocation ? { location: c.noPolicyLocation } : {}),
            evidence: [{ path: c.noPolicyPath, observed: null, expected: 'a Cloud Armor policy name' }],
            // Live, the finding is the config's: its fingerprint names the Service too.
            discriminator: v.source === 'k8s' ? `${v.service}:${discriminator}` : discriminator,
          });
          break;
        }
        case 'protected': {
          const c = f.config!;
          ctx.pass({
            resource,
            messageId: 'protected',
            data: { ...data, policy: c.policy ?? '', config: c.name },
            ...(c.policyLocation ? { location: c.policyLocation } : {}),
            discriminator,
          });
          break;
        }
      }
    }
  },
});

type Ctx = Parameters<(typeof rule)['check']>[0];

/** OpenTofu and Compute Engine: the policy itself and the backend services that must name one. */
function armor(ctx: Ctx, v: EdgeArmorView): void {
  const { resource } = v;
  const location = v.location ? { location: v.location } : {};
  switch (v.kind) {
    case 'noPolicy': {
      // Reported where the environment's provider is declared: the view does not know the environment.
      const anchor = anchorLocation(ctx.facet('files.terraform'), ctx.env.name)!;
      ctx.fail({
        resource: { ...resource, id: `${anchor.file}#google_compute_security_policy`, file: anchor.file },
        messageId: 'noPolicy',
        location: anchor,
        evidence: [
          { path: 'resource "google_compute_security_policy"', observed: null, expected: 'a Cloud Armor policy' },
        ],
      });
      return;
    }
    case 'policy':
      ctx.pass({ resource, messageId: 'policyDeclared', data: { address: v.address, name: v.name }, ...location });
      return;
    case 'noBackend':
      ctx.fail({
        resource,
        messageId: 'noBackend',
        data: { namespace: v.namespace, project: v.project },
        evidence: [{ path: 'backendServices[].name', observed: v.observed, expected: `k8s1-…${v.marker}…` }],
      });
      return;
    case 'backendService': {
      if (v.source === 'tf') {
        if (v.policy !== undefined)
          ctx.pass({
            resource,
            messageId: 'backendProtected',
            data: { address: v.name, policy: v.policy },
            ...location,
          });
        else
          ctx.fail({
            resource,
            messageId: 'backendWithoutPolicy',
            data: { address: v.name },
            ...location,
            evidence: [
              {
                path: `${v.name}.security_policy`,
                observed: null,
                expected: 'a google_compute_security_policy reference',
              },
            ],
          });
        return;
      }
      const evidence = [
        {
          path: `backendServices[${v.name}].securityPolicy`,
          observed: v.policy ?? null,
          expected: 'a Cloud Armor policy',
        },
      ];
      if (v.policy === undefined) ctx.fail({ resource, messageId: 'noPolicy', data: { backend: v.name }, evidence });
      else if (!v.policyExists)
        ctx.fail({ resource, messageId: 'unknownPolicy', data: { backend: v.name, policy: v.policy }, evidence });
      else ctx.pass({ resource, messageId: 'protected', data: { backend: v.name, policy: v.policy }, evidence });
      return;
    }
  }
}

export default rule;
