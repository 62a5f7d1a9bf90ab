import { defineRule } from '@coditect-audit/core';
import {
  anchorLocation,
  attributeLocation,
  blockLocation,
  expressionText,
  literalString,
  resourcesOfType,
  tfResource,
} from '../util/tf-lookup.js';

/** Backend services that serve internal load balancers, where Cloud Armor does not apply. */
const INTERNAL_SCHEMES = new Set(['INTERNAL', 'INTERNAL_MANAGED', 'INTERNAL_SELF_MANAGED']);

/**
 * ADR-001 Issue 8 asks for Cloud Armor in front of the backend; in OpenTofu that is a
 * `google_compute_security_policy`, referenced by the public backend services it protects.
 */
export default defineRule({
  id: 'tf-edge-security-policy',
  title: 'OpenTofu declares no Cloud Armor policy for the public backend',
  concerns: ['network.edge-protection'],
  layer: 'files',
  facets: ['files.terraform'],
  adrIdentity: 'Cloud Armor policy (google_compute_security_policy)',
  description:
    'The `.tf` files must declare a `google_compute_security_policy` (Cloud Armor). When they also declare external `google_compute_backend_service` resources, each must reference a policy through `security_policy`. (Backend services that a GKE Ingress creates are not in OpenTofu; they get the policy through a BackendConfig, see manifest-edge-protection.) No `.tf` files: not applicable.',
  rationale:
    'ADR-001 Issue 8 replaces the plain LoadBalancer with a GCE Ingress, an SSL certificate and "Cloud Armor for DDoS protection"; Lesson 3 asks for infrastructure in OpenTofu first. The concern is P2 in the catalog.',
  remediation: {
    text: 'Declare the Cloud Armor policy in OpenTofu and reference it from every external backend service.',
    commands: [
      `resource "google_compute_security_policy" "backend_armor" {
  name = "coditect-backend-armor"
  adaptive_protection_config {
    layer_7_ddos_defense_config { enable = true }
  }
}`,
      '# in each google_compute_backend_service: security_policy = google_compute_security_policy.backend_armor.id',
      'tofu plan && tofu apply',
    ],
  },
  benchmarks: [],
  messages: {
    noPolicy: 'No google_compute_security_policy (Cloud Armor) is declared in the OpenTofu files.',
    backendWithoutPolicy: 'Backend service {{address}} sets no security_policy, so Cloud Armor does not protect it.',
    policyDeclared: 'Cloud Armor policy {{address}} ({{name}}) is declared.',
    backendProtected: 'Backend service {{address}} uses security policy {{policy}}.',
  },
  check(ctx) {
    const tf = ctx.facet('files.terraform');
    const anchor = anchorLocation(tf, ctx.env.name);
    if (!anchor) {
      ctx.skip('the repository has no .tf files');
      return;
    }
    const policies = resourcesOfType(tf, 'google_compute_security_policy');
    if (policies.length === 0) {
      ctx.fail({
        resource: {
          id: `${anchor.file}#google_compute_security_policy`,
          kind: 'google_compute_security_policy',
          name: 'cloud-armor',
          file: anchor.file,
        },
        messageId: 'noPolicy',
        location: anchor,
        evidence: [
          { path: 'resource "google_compute_security_policy"', observed: null, expected: 'a Cloud Armor policy' },
        ],
      });
    }
    for (const p of policies) {
      const address = `${p.type}.${p.name}`;
      ctx.pass({
        resource: tfResource(p),
        messageId: 'policyDeclared',
        data: { address, name: literalString(p.block.attributes.name) ?? p.name },
        location: blockLocation(p.file, p.block),
      });
    }
    for (const b of resourcesOfType(tf, 'google_compute_backend_service')) {
      const scheme = literalString(b.block.attributes.load_balancing_scheme)?.toUpperCase();
      if (scheme && INTERNAL_SCHEMES.has(scheme)) continue;
      const address = `${b.type}.${b.name}`;
      const attr = b.block.attributes.security_policy;
      const policy = literalString(attr) ?? expressionText(attr);
      if (attr && policy) {
        ctx.pass({
          resource: tfResource(b),
          messageId: 'backendProtected',
          data: { address, policy },
          location: attributeLocation(b.file, attr),
        });
      } else {
        ctx.fail({
          resource: tfResource(b),
          messageId: 'backendWithoutPolicy',
          data: { address },
          location: blockLocation(b.file, b.block),
          evidence: [
            {
              path: `${address}.security_policy`,
              observed: null,
              expected: 'a google_compute_security_policy reference',
            },
          ],
        });
      }
    }
  },
});
