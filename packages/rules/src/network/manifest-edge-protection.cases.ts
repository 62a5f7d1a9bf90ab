import type { RuleCases } from '../cases.js';

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

export default {
  pass: [
    {
      name: 'the ADR fix: the Ingress backend Service names a BackendConfig with a Cloud Armor policy',
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
      name: 'beta annotation by port name, namespace defaulted',
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
  ],
  fail: [
    {
      name: 'the ADR fixture: a plain LoadBalancer is the public entry',
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
      name: 'the Ingress backend Service has no backend-config annotation',
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
      name: 'the BackendConfig sets a health check but no security policy',
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
      name: 'the annotation names a BackendConfig that no manifest declares',
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
      name: 'no BackendConfig for the routed port, and an annotation that is not JSON',
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
  ],
} satisfies RuleCases;
