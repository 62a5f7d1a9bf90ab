import type { RuleCases } from '../cases.js';
import { list, live } from '../util/k8s-live-cases.js';

const ingress = live('Ingress', 'coditect-backend', {
  metadata: { annotations: { 'kubernetes.io/ingress.class': 'gce' } },
  spec: {
    rules: [
      {
        http: {
          paths: [{ path: '/*', backend: { service: { name: 'coditect-backend-internal', port: { number: 8000 } } } }],
        },
      },
    ],
  },
});
const internal = (annotations: Record<string, string>) =>
  live('Service', 'coditect-backend-internal', {
    metadata: { annotations },
    spec: { type: 'ClusterIP', ports: [{ name: 'http', port: 8000 }] },
  });
const attach = { 'cloud.google.com/backend-config': '{"default": "coditect-backend-config"}' };

export default {
  pass: [
    {
      name: 'the remediated cluster: BackendConfig with Cloud Armor policy coditect-backend-armor',
      facets: {
        'k8s.services': list(internal(attach)),
        'k8s.ingresses': list(ingress),
        'k8s.backendconfigs': list(
          live('BackendConfig', 'coditect-backend-config', {
            spec: { securityPolicy: { name: 'coditect-backend-armor' } },
          }),
        ),
      },
    },
  ],
  fail: [
    {
      name: 'the ADR staging cluster: the app is reached through a LoadBalancer Service',
      facets: {
        'k8s.services': list(
          live('Service', 'coditect-backend', { spec: { type: 'LoadBalancer', ports: [{ port: 80 }] } }),
        ),
        'k8s.ingresses': list(),
        'k8s.backendconfigs': list(),
      },
      expect: [{ messageId: 'loadBalancerEntry' }],
    },
    {
      name: 'the Ingress backend has no BackendConfig',
      facets: { 'k8s.services': list(internal({})), 'k8s.ingresses': list(ingress), 'k8s.backendconfigs': list() },
      expect: [{ messageId: 'noBackendConfig' }],
    },
    {
      name: 'the BackendConfig sets health checks but no security policy',
      facets: {
        'k8s.services': list(internal(attach)),
        'k8s.ingresses': list(ingress),
        'k8s.backendconfigs': list(
          live('BackendConfig', 'coditect-backend-config', {
            spec: { healthCheck: { requestPath: '/api/v1/health/ready' } },
          }),
        ),
      },
      expect: [{ messageId: 'noSecurityPolicy' }],
    },
    {
      name: 'the annotation names a BackendConfig that does not exist',
      facets: { 'k8s.services': list(internal(attach)), 'k8s.ingresses': list(ingress), 'k8s.backendconfigs': list() },
      expect: [{ messageId: 'backendConfigMissing' }],
    },
  ],
} satisfies RuleCases;
