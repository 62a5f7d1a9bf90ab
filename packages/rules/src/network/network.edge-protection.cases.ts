import type { RuleCases } from '../cases.js';
import { list, live } from '../util/k8s-live-cases.js';

// ---- manifest
/** GCE Ingress routing to `coditect-backend-internal:8000` (19 lines). */
const ingress = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: coditect-backend
  namespace: coditect-staging
  annotations:
    networking.gke.io/managed-certificates: coditect-backend-cert
spec:
  rules:
    - host: staging-api.coditect.ai
      http:
        paths:
          - path: /*
            pathType: ImplementationSpecific
            backend:
              service:
                name: coditect-backend-internal
                port:
                  number: 8000
`;

const armoredConfig = `apiVersion: cloud.google.com/v1
kind: BackendConfig
metadata:
  name: coditect-backend-config
  namespace: coditect-staging
spec:
  securityPolicy:
    name: coditect-backend-armor
`;

// ---- k8s
const liveIngress = live('Ingress', 'coditect-backend', {
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

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- manifest
    {
      name: 'manifest: the ADR fix: the Ingress backend Service names a BackendConfig with a Cloud Armor policy',
      files: {
        'k8s/ingress.yaml': `${ingress}---
${armoredConfig}`,
        'k8s/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: coditect-backend-internal
  namespace: coditect-staging
  annotations:
    cloud.google.com/backend-config: '{"default": "coditect-backend-config"}'
spec:
  type: ClusterIP
  ports:
    - name: http
      port: 8000
`,
      },
    },
    {
      name: 'manifest: beta annotation by port name, namespace defaulted',
      files: {
        'k8s/app.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: { name: coditect-backend }
spec:
  rules:
    - http:
        paths:
          - { path: /api, pathType: Prefix, backend: { service: { name: backend, port: { number: 8000 } } } }
          - { path: /admin, pathType: Prefix, backend: { service: { name: backend, port: { number: 8000 } } } }
---
apiVersion: v1
kind: Service
metadata:
  name: backend
  annotations:
    beta.cloud.google.com/backend-config: '{"ports": {"http": "armored"}}'
spec:
  ports: [{ name: http, port: 8000 }]
---
apiVersion: cloud.google.com/v1beta1
kind: BackendConfig
metadata: { name: armored }
spec: { securityPolicy: { name: edge-policy } }
`,
      },
    },
    // ---- k8s
    {
      name: 'k8s: the remediated cluster: BackendConfig with Cloud Armor policy coditect-backend-armor',
      facets: {
        'k8s.services': list(internal(attach)),
        'k8s.ingresses': list(liveIngress),
        'k8s.backendconfigs': list(
          live('BackendConfig', 'coditect-backend-config', {
            spec: { securityPolicy: { name: 'coditect-backend-armor' } },
          }),
        ),
      },
    },
  ],
  fail: [
    // ---- manifest
    {
      name: 'manifest: the ADR fixture: a plain LoadBalancer is the public entry',
      files: {
        'k8s/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  type: LoadBalancer
  ports:
    - port: 80
      targetPort: 8000
`,
      },
      expect: [{ messageId: 'loadBalancerEntry', file: 'k8s/service.yaml', line: 7, column: 3 }],
    },
    {
      name: 'manifest: the Ingress backend Service has no backend-config annotation',
      files: {
        'k8s/ingress.yaml': ingress,
        'k8s/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: coditect-backend-internal
  namespace: coditect-staging
spec:
  ports:
    - port: 8000
`,
      },
      expect: [{ messageId: 'noBackendConfig', file: 'k8s/service.yaml', line: 4, column: 3 }],
    },
    {
      name: 'manifest: the BackendConfig sets a health check but no security policy',
      files: {
        'k8s/ingress.yaml': ingress,
        'k8s/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: coditect-backend-internal
  namespace: coditect-staging
  annotations:
    cloud.google.com/backend-config: '{"default": "coditect-backend-config"}'
spec:
  ports:
    - port: 8000
---
apiVersion: cloud.google.com/v1
kind: BackendConfig
metadata:
  name: coditect-backend-config
  namespace: coditect-staging
spec:
  healthCheck:
    requestPath: /api/v1/health/ready
`,
      },
      expect: [{ messageId: 'noSecurityPolicy', file: 'k8s/service.yaml', line: 17, column: 1 }],
    },
    {
      name: 'manifest: the annotation names a BackendConfig that no manifest declares',
      files: {
        'k8s/ingress.yaml': ingress,
        'k8s/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: coditect-backend-internal
  namespace: coditect-staging
  annotations:
    cloud.google.com/neg: '{"ingress": true}'
    cloud.google.com/backend-config: '{"default": "missing-config"}'
spec:
  ports:
    - port: 8000
`,
      },
      expect: [{ messageId: 'backendConfigNotDeclared', file: 'k8s/service.yaml', line: 8, column: 5 }],
    },
    {
      name: 'manifest: no BackendConfig for the routed port, and an annotation that is not JSON',
      files: {
        'k8s/ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend: { service: { name: api, port: { number: 8000 } } }
          - path: /static
            pathType: Prefix
            backend: { service: { name: static, port: { number: 80 } } }
`,
        'k8s/services.yaml': `apiVersion: v1
kind: Service
metadata:
  name: api
  namespace: coditect-staging
  annotations:
    cloud.google.com/backend-config: '{"ports": {"9090": "metrics-config"}}'
spec:
  ports: [{ port: 8000 }, { port: 9090 }]
---
apiVersion: v1
kind: Service
metadata:
  name: static
  namespace: coditect-staging
  annotations:
    cloud.google.com/backend-config: default=static-config
spec:
  ports: [{ port: 80 }]
`,
      },
      expect: [
        { messageId: 'noConfigForPort', file: 'k8s/services.yaml', line: 7, column: 5 },
        { messageId: 'invalidAnnotation', file: 'k8s/services.yaml', line: 17, column: 5 },
      ],
    },
    // ---- k8s
    {
      name: 'k8s: the ADR staging cluster: the app is reached through a LoadBalancer Service',
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
      name: 'k8s: the Ingress backend has no BackendConfig',
      facets: { 'k8s.services': list(internal({})), 'k8s.ingresses': list(liveIngress), 'k8s.backendconfigs': list() },
      expect: [{ messageId: 'noBackendConfig' }],
    },
    {
      name: 'k8s: the BackendConfig sets health checks but no security policy',
      facets: {
        'k8s.services': list(internal(attach)),
        'k8s.ingresses': list(liveIngress),
        'k8s.backendconfigs': list(
          live('BackendConfig', 'coditect-backend-config', {
            spec: { healthCheck: { requestPath: '/api/v1/health/ready' } },
          }),
        ),
      },
      expect: [{ messageId: 'noSecurityPolicy' }],
    },
    {
      name: 'k8s: the annotation names a BackendConfig that does not exist',
      facets: {
        'k8s.services': list(internal(attach)),
        'k8s.ingresses': list(liveIngress),
        'k8s.backendconfigs': list(),
      },
      expect: [{ messageId: 'backendConfigMissing' }],
    },
    // ---- two layers at once
    {
      name: 'manifest + k8s: the Ingress backend names no BackendConfig, declared and live',
      files: {
        'k8s/ingress.yaml': ingress,
        'k8s/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: coditect-backend-internal
  namespace: coditect-staging
spec:
  type: ClusterIP
  ports:
    - name: http
      port: 8000
`,
      },
      facets: { 'k8s.services': list(internal({})), 'k8s.ingresses': list(liveIngress), 'k8s.backendconfigs': list() },
      expect: [
        { source: 'manifest', messageId: 'noBackendConfig', file: 'k8s/service.yaml', line: 4 },
        { source: 'k8s', messageId: 'noBackendConfig' },
      ],
    },
  ],
} satisfies RuleCases;
