import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

/**
 * ADR-001 Issue 8, live: "Cloud Armor for DDoS protection" on the public backend. GKE names the backend
 * services of an Ingress `k8s1-<uid>-<namespace>-<service>-<port>-<hash>`, so the app's are found by its
 * namespace.
 */
export default defineRule({
  id: 'gcp-cloud-armor-backend',
  title: 'No Cloud Armor policy protects the public backend',
  concerns: ['network.edge-protection'],
  layer: 'gcp',
  facets: ['gcp.compute-armor'],
  adrIdentity: 'Cloud Armor policy on the app backend',
  description:
    "Reads the global backend services and security policies of the expected project (compute `backendServices.list`, `securityPolicies.list`). The app's backend services are those GKE created for its namespace (`k8s1-…-<namespace>-…`, default namespace `coditect-staging`). None fails: the app is not behind an HTTP(S) load balancer Cloud Armor can attach to (a plain LoadBalancer Service is a network load balancer). Each of them must have a `securityPolicy` that exists.",
  rationale:
    'ADR-001 Issue 8 plans "GCE Ingress with SSL certificate" and "Cloud Armor for DDoS protection"; without a policy on the backend the API takes every request the internet sends.',
  remediation: {
    text: 'Create a Cloud Armor policy and attach it through a BackendConfig referenced by the Service (GKE Ingress), or directly to the backend service.',
    commands: [
      'gcloud compute security-policies create coditect-backend-armor --project={{project}}',
      'gcloud compute backend-services update <backend-service> --security-policy=coditect-backend-armor --global --project={{project}}',
    ],
  },
  messages: {
    protected: 'Backend service {{backend}} is protected by Cloud Armor policy {{policy}}.',
    noBackend:
      'No HTTP(S) load balancer backend serves namespace {{namespace}} in {{project}}: Cloud Armor has nothing to attach to (the app is exposed another way, or not at all).',
    noPolicy: 'Backend service {{backend}} has no Cloud Armor policy.',
    unknownPolicy: 'Backend service {{backend}} names the policy {{policy}}, which does not exist.',
  },
  check(ctx) {
    const { project, app } = ctx.env.expectations;
    const data = ctx.facet('gcp.compute-armor');
    if (!data.read.includes(`projects/${project}`)) return;
    const marker = `-${app.namespace}-`;
    const backends = data.backendServices.filter((b) => b.project === project && b.name.includes(marker));
    if (backends.length === 0) {
      ctx.fail({
        resource: gcpResource.project(project),
        messageId: 'noBackend',
        data: { namespace: app.namespace, project },
        evidence: [
          {
            path: 'backendServices[].name',
            observed: data.backendServices.map((b) => b.name).join(', ') || null,
            expected: `k8s1-…${marker}…`,
          },
        ],
      });
      return;
    }
    const policies = new Set(data.securityPolicies.filter((p) => p.project === project).map((p) => p.name));
    for (const b of backends) {
      const resource = gcpResource.backendService(project, b.name);
      const evidence = [
        {
          path: `backendServices[${b.name}].securityPolicy`,
          observed: b.securityPolicy ?? null,
          expected: 'a Cloud Armor policy',
        },
      ];
      if (!b.securityPolicy) ctx.fail({ resource, messageId: 'noPolicy', data: { backend: b.name }, evidence });
      else if (!policies.has(b.securityPolicy))
        ctx.fail({
          resource,
          messageId: 'unknownPolicy',
          data: { backend: b.name, policy: b.securityPolicy },
          evidence,
        });
      else
        ctx.pass({ resource, messageId: 'protected', data: { backend: b.name, policy: b.securityPolicy }, evidence });
    }
  },
});
