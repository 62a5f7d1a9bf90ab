import type { RuleCases } from '../cases.js';
import { PROJECT, READ_PROJECT } from '../util/gcp-cases.js';
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
// ---- tf
const tfPolicy = `resource "google_compute_security_policy" "backend_armor" {
  name = "coditect-backend-armor"

  adaptive_protection_config {
    layer_7_ddos_defense_config {
      enable = true
    }
  }
}
`;

// ---- gcp
const APP = 'k8s1-7c2d9e41-coditect-staging-coditect-backend-internal-8000-3a5f1b2c';
const DEFAULT = 'k8s1-7c2d9e41-kube-system-default-http-backend-80-9d0e4f6a';
const armorPolicy = {
  project: PROJECT,
  name: 'coditect-backend-armor',
  type: 'CLOUD_ARMOR',
  ruleCount: 4,
  adaptiveProtection: true,
};

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
    // tf
    {
      name: 'the ADR fix: a Cloud Armor policy for the Ingress backend (attached by BackendConfig)',
      files: {
        'opentofu/environments/staging/main.tf': `provider "google" {
  project = "coditect-cloud-infra"
}
`,
        'opentofu/environments/staging/edge.tf': tfPolicy,
      },
    },
    {
      name: 'external backend services reference the policy; an internal one needs none',
      files: {
        'lb.tf': `${tfPolicy}
resource "google_compute_backend_service" "api" {
  name            = "coditect-api"
  security_policy = google_compute_security_policy.backend_armor.id
}

resource "google_compute_backend_service" "admin" {
  name                  = "coditect-admin"
  load_balancing_scheme = "INTERNAL_SELF_MANAGED"
}
`,
      },
    },
    // gcp
    {
      name: 'the app backend has the policy (the default backend is not the app)',
      facets: {
        'gcp.compute-armor': {
          read: READ_PROJECT,
          securityPolicies: [armorPolicy],
          backendServices: [
            { project: PROJECT, name: APP, securityPolicy: 'coditect-backend-armor' },
            { project: PROJECT, name: DEFAULT },
          ],
        },
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
    // tf
    {
      name: 'the ADR state: OpenTofu declares no security policy',
      files: {
        'opentofu/environments/staging/main.tf': `terraform {
  required_version = ">= 1.6.0"
}

provider "google" {
  project = "coditect-cloud-infra"
  region  = "us-central1"
}
`,
      },
      expect: [
        { messageId: 'noPolicy', file: 'opentofu/environments/staging/main.tf', line: 5, column: 1, source: 'tf' },
      ],
    },
    {
      name: 'a backend service without security_policy, another with null',
      files: {
        'lb.tf': `${tfPolicy}
resource "google_compute_backend_service" "api" {
  name = "coditect-api"
}

resource "google_compute_backend_service" "static" {
  name            = "coditect-static"
  security_policy = null
}
`,
      },
      expect: [
        { messageId: 'backendWithoutPolicy', file: 'lb.tf', line: 11, column: 1, source: 'tf' },
        { messageId: 'backendWithoutPolicy', file: 'lb.tf', line: 15, column: 1, source: 'tf' },
      ],
    },
    // gcp
    {
      name: 'no load balancer backend for the app (the ADR staging LoadBalancer Service)',
      facets: { 'gcp.compute-armor': { read: READ_PROJECT, securityPolicies: [], backendServices: [] } },
      expect: [{ messageId: 'noBackend', source: 'gcp' }],
    },
    {
      name: 'the backend exists without a policy',
      facets: {
        'gcp.compute-armor': {
          read: READ_PROJECT,
          securityPolicies: [armorPolicy],
          backendServices: [{ project: PROJECT, name: APP }],
        },
      },
      expect: [{ messageId: 'noPolicy', source: 'gcp' }],
    },
  ],
} satisfies RuleCases;
