import type { RuleCases } from '../cases.js';

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

export default {
  pass: [
    {
      name: 'the ADR fix: ClusterIP Service behind a GCE Ingress with a managed certificate',
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
      name: 'an Ingress with spec.tls and an internal LoadBalancer for VPC clients',
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
      name: "an ingress controller's own LoadBalancer in its namespace is not the app",
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
      name: 'a LoadBalancer that exposes only 443 (TLS terminated in the pod)',
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
  ],
  fail: [
    {
      name: 'the ADR fixture: LoadBalancer on port 80',
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
      name: 'ports 80 and 443 on one LoadBalancer: only 80 fails',
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
      name: 'flow style, namespace defaulted, 8000 and 8080; an annotation that is not Internal',
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
      name: 'a v1beta1 Ingress without a certificate serves plain HTTP',
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
  ],
} satisfies RuleCases;
