import type { RuleCases } from '../cases.js';
import { list, live } from '../util/k8s-live-cases.js';

const backendIngress = (annotations: Record<string, string>) =>
  live('Ingress', 'coditect-backend', {
    metadata: { annotations: { 'kubernetes.io/ingress.class': 'gce', ...annotations } },
    spec: {
      rules: [
        {
          host: 'staging-api.coditect.ai',
          http: {
            paths: [
              { path: '/*', backend: { service: { name: 'coditect-backend-internal', port: { number: 8000 } } } },
            ],
          },
        },
      ],
    },
  });

export default {
  pass: [
    {
      name: 'the remediated cluster: ClusterIP Service behind an Ingress with a managed certificate',
      facets: {
        'k8s.services': list(
          live('Service', 'coditect-backend-internal', { spec: { type: 'ClusterIP', ports: [{ port: 8000 }] } }),
        ),
        'k8s.ingresses': list(backendIngress({ 'networking.gke.io/managed-certificates': 'coditect-backend-cert' })),
      },
    },
    {
      name: 'an internal LoadBalancer is not public; one serving only 443 passes',
      facets: {
        'k8s.services': list(
          live('Service', 'grpc-internal', {
            metadata: { annotations: { 'networking.gke.io/load-balancer-type': 'Internal' } },
            spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
          }),
          live('Service', 'tls-passthrough', { spec: { type: 'LoadBalancer', ports: [{ port: 443 }] } }),
        ),
        'k8s.ingresses': list(),
      },
    },
  ],
  fail: [
    {
      name: 'the ADR staging Service: LoadBalancer on port 80 at 34.123.45.67',
      facets: {
        'k8s.services': list(
          live('Service', 'coditect-backend', {
            spec: { type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 8000 }] },
            status: { loadBalancer: { ingress: [{ ip: '34.123.45.67' }] } },
          }),
        ),
        'k8s.ingresses': list(),
      },
      expect: [{ messageId: 'publicPort' }],
    },
    {
      name: 'an Ingress without a certificate',
      facets: { 'k8s.services': list(), 'k8s.ingresses': list(backendIngress({})) },
      expect: [{ messageId: 'ingressWithoutTls' }],
    },
  ],
} satisfies RuleCases;
