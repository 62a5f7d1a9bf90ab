import type { RuleCases } from '../cases.js';
import { list, live } from '../util/k8s-live-cases.js';

// ---- manifest
/** ClusterIP Service behind the Ingress (15 lines). */
const internalService = `apiVersion: v1
kind: Service
metadata:
  name: coditect-backend-internal
  namespace: coditect-staging
spec:
  type: ClusterIP
  selector:
    app: coditect-backend
  ports:
    - name: http
      port: 8000
      targetPort: 8000
`;

// ---- k8s
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

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    {
      name: 'manifest: an Ingress without a certificate whose HTTP frontend is off (kubernetes.io/ingress.allow-http: "false")',
      files: {
        'k8s/ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: coditect-staging
  annotations:
    kubernetes.io/ingress.allow-http: "false"
spec:
  rules:
    - host: web.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port:
                  number: 8080
`,
      },
    },
    // ---- manifest
    {
      name: 'manifest: the ADR fix: ClusterIP Service behind a GCE Ingress with a managed certificate',
      files: {
        'k8s/service.yaml': internalService,
        'k8s/ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: coditect-backend
  namespace: coditect-staging
  annotations:
    kubernetes.io/ingress.class: "gce"
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
`,
      },
    },
    {
      name: 'manifest: an Ingress with spec.tls and an internal LoadBalancer for VPC clients',
      files: {
        'k8s/net.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  tls:
    - hosts: [staging-api.coditect.ai]
      secretName: staging-api-tls
  defaultBackend:
    service: { name: coditect-backend-internal, port: { number: 8000 } }
---
apiVersion: v1
kind: Service
metadata:
  name: coditect-backend-vpc
  namespace: coditect-staging
  annotations:
    networking.gke.io/load-balancer-type: "Internal"
spec:
  type: LoadBalancer
  ports:
    - port: 80
`,
      },
    },
    {
      name: "manifest: an ingress controller's own LoadBalancer in its namespace is not the app",
      files: {
        'k8s/ingress-nginx.yaml': `apiVersion: v1
kind: Service
metadata:
  name: ingress-nginx-controller
  namespace: ingress-nginx
spec:
  type: LoadBalancer
  ports:
    - { name: http, port: 80 }
    - { name: https, port: 443 }
`,
        'k8s/ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  ingressClassName: nginx
  tls: [{ hosts: [staging-api.coditect.ai], secretName: staging-api-tls }]
  rules:
    - http:
        paths:
          - { path: /, pathType: Prefix, backend: { service: { name: coditect-backend-internal, port: { number: 8000 } } } }
`,
      },
    },
    {
      name: 'manifest: a LoadBalancer that exposes only 443 (TLS terminated in the pod)',
      files: {
        'k8s/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  type: LoadBalancer
  ports:
    - name: https
      port: 443
      targetPort: 8443
`,
      },
    },
    {
      // ingress-nginx's static manifests: the controller's LoadBalancer (no namespace: applied with -n) serves the
      // Ingresses, which are judged for their certificates.
      name: "manifest: an ingress controller's own LoadBalancer on 80 and 443; the app's Ingress has TLS",
      files: {
        'deploy/controller-service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: ingress-nginx-controller
spec:
  type: LoadBalancer
  selector:
    app.kubernetes.io/name: ingress-nginx
    app.kubernetes.io/component: controller
  ports:
    - name: http
      port: 80
    - name: https
      port: 443
`,
        'k8s/ingress.yaml': `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  tls:
    - hosts: [api.example.com]
      secretName: api-tls
  rules:
    - host: api.example.com
      http:
        paths:
          - path: /
            pathType: Prefix
            backend: { service: { name: coditect-backend-internal, port: { number: 8000 } } }
`,
      },
    },
    // ---- k8s
    {
      name: 'k8s: the remediated cluster: ClusterIP Service behind an Ingress with a managed certificate',
      facets: {
        'k8s.services': list(
          live('Service', 'coditect-backend-internal', { spec: { type: 'ClusterIP', ports: [{ port: 8000 }] } }),
        ),
        'k8s.ingresses': list(backendIngress({ 'networking.gke.io/managed-certificates': 'coditect-backend-cert' })),
      },
    },
    {
      name: 'k8s: an internal LoadBalancer is not public; one serving only 443 passes',
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
    // ---- manifest
    {
      name: 'manifest: the ADR fixture: LoadBalancer on port 80',
      files: {
        'k8s/service.yaml': `# Public entry point for staging smoke tests.
apiVersion: v1
kind: Service
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  type: LoadBalancer
  selector:
    app: coditect-backend
  ports:
    - name: http
      port: 80
      targetPort: 8000
      protocol: TCP
---
${internalService}`,
      },
      expect: [{ messageId: 'publicPort', file: 'k8s/service.yaml', line: 13, column: 7 }],
    },
    {
      name: 'manifest: ports 80 and 443 on one LoadBalancer: only 80 fails',
      files: {
        'k8s/service.yaml': `apiVersion: v1
kind: Service
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  type: LoadBalancer
  ports:
    - name: http
      port: 80
    - name: https
      port: 443
`,
      },
      expect: [{ messageId: 'publicPort', file: 'k8s/service.yaml', line: 10, column: 7 }],
    },
    {
      // Only the controller's own pods make it the controller's: the app's selector is judged as the app.
      name: 'manifest: a LoadBalancer selecting the app, labelled like a controller only in its name',
      files: {
        'k8s/web.yaml': `apiVersion: v1
kind: Service
metadata:
  name: ingress-nginx-web
  labels:
    app.kubernetes.io/name: ingress-nginx
spec:
  type: LoadBalancer
  selector:
    app.kubernetes.io/name: web
  ports:
    - port: 8080
`,
      },
      expect: [{ messageId: 'publicPort', file: 'k8s/web.yaml', line: 12, column: 7 }],
    },
    {
      name: 'manifest: flow style, namespace defaulted, 8000 and 8080; an annotation that is not Internal',
      files: {
        'k8s/service.yaml': `apiVersion: v1
kind: Service
metadata: { name: coditect-backend, annotations: { networking.gke.io/load-balancer-type: External } }
spec: { type: LoadBalancer, ports: [{ port: 8000 },
  { port: 8080 }] }
`,
      },
      expect: [
        { messageId: 'publicPort', file: 'k8s/service.yaml', line: 4, column: 39 },
        { messageId: 'publicPort', file: 'k8s/service.yaml', line: 5, column: 5 },
      ],
    },
    {
      name: 'manifest: a v1beta1 Ingress without a certificate serves plain HTTP',
      files: {
        'k8s/ingress.yaml': `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: coditect-backend
  namespace: coditect-staging
  annotations:
    kubernetes.io/ingress.class: gce
spec:
  backend:
    serviceName: coditect-backend-internal
    servicePort: 8000
`,
      },
      expect: [{ messageId: 'ingressWithoutTls', file: 'k8s/ingress.yaml', line: 8, column: 1 }],
    },
    // ---- k8s
    {
      name: 'k8s: the ADR staging Service: LoadBalancer on port 80 at 34.123.45.67',
      facets: {
        'k8s.services': list(
          live('Service', 'coditect-backend', {
            spec: { type: 'LoadBalancer', ports: [{ name: 'http', port: 80, targetPort: 8000 }] },
            status: { loadBalancer: { ingress: [{ ip: '34.123.45.67' }] } },
          }),
        ),
        'k8s.ingresses': list(),
      },
      expect: [{ messageId: 'livePublicPort' }],
    },
    {
      name: 'k8s: an Ingress without a certificate',
      facets: { 'k8s.services': list(), 'k8s.ingresses': list(backendIngress({})) },
      expect: [{ messageId: 'ingressWithoutTls' }],
    },
    // ---- two layers at once
    {
      name: 'manifest + k8s: the ADR Service on port 80, declared and live',
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
      facets: {
        'k8s.services': list(
          live('Service', 'coditect-backend', {
            spec: { type: 'LoadBalancer', ports: [{ port: 80, targetPort: 8000 }] },
            status: { loadBalancer: { ingress: [{ ip: '34.123.45.67' }] } },
          }),
        ),
        'k8s.ingresses': list(),
      },
      expect: [
        { source: 'manifest', messageId: 'publicPort', file: 'k8s/service.yaml', line: 9 },
        { source: 'k8s', messageId: 'livePublicPort' },
      ],
    },
  ],
} satisfies RuleCases;
