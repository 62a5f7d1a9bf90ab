import type { K8sApis } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { APP_IMAGE, deployment, list, live, workloads } from '../util/k8s-live-cases.js';

const apis = (gitVersion: string, extra: string[] = []): K8sApis => ({
  serverVersion: { gitVersion },
  groupVersions: ['apps/v1', 'batch/v1', 'networking.k8s.io/v1', 'v1', ...extra].sort(),
  preferred: { '': 'v1', apps: 'v1', batch: 'v1', 'networking.k8s.io': 'v1' },
});
const applied = <T extends ReturnType<typeof live>>(o: T, appliedApiVersion: string): T => ({
  ...o,
  appliedApiVersion,
});

/** One table for every source the rule judges; each case names its source first. */
export default {
  pass: [
    // ---- manifest
    {
      name: 'manifest: current API versions: apps/v1, networking.k8s.io/v1, batch/v1, policy/v1, autoscaling/v2',
      files: {
        'k8s/app.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: coditect-backend
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cleanup
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: backend
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: backend
`,
      },
    },
    {
      name: "manifest: GKE's own beta APIs (FrontendConfig networking.gke.io/v1beta1) are not removed Kubernetes APIs",
      files: {
        'k8s/ingress.yaml': `apiVersion: networking.gke.io/v1beta1
kind: FrontendConfig
metadata:
  name: coditect-backend-frontend
spec:
  redirectToHttps:
    enabled: true
`,
      },
    },
    // ---- k8s
    {
      name: 'k8s: the ADR cluster: everything applied with current versions',
      facets: {
        ...workloads({
          'k8s.deployments': list(
            applied(deployment('coditect-backend', [{ name: 'backend', image: `${APP_IMAGE}:v1.0.1` }]), 'apps/v1'),
          ),
          'k8s.jobs': list(applied(live('Job', 'django-migrate'), 'batch/v1')),
        }),
        'k8s.apis': apis('v1.30.5-gke.1014001'),
        'k8s.ingresses': list(applied(live('Ingress', 'coditect-backend'), 'networking.k8s.io/v1')),
      },
    },
  ],
  fail: [
    // ---- manifest
    {
      name: 'manifest: an old Ingress and CronJob in a multi-document file, located at apiVersion',
      files: {
        'k8s/legacy.yaml': `apiVersion: v1
kind: Service
metadata:
  name: backend
---
apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: backend
---
kind: CronJob
apiVersion: batch/v1beta1
metadata:
  name: cleanup
`,
      },
      expect: [
        { messageId: 'removed', file: 'k8s/legacy.yaml', line: 6, column: 1 },
        { messageId: 'removed', file: 'k8s/legacy.yaml', line: 12, column: 1 },
      ],
    },
    {
      name: 'manifest: kind: List items: extensions/v1beta1 Deployment, apps/v1beta2 StatefulSet, policy/v1beta1 PSP and PDB',
      files: {
        'list.yaml': `apiVersion: v1
kind: List
items:
  - apiVersion: extensions/v1beta1
    kind: Deployment
    metadata: {name: web}
  - apiVersion: apps/v1beta2
    kind: StatefulSet
    metadata: {name: db}
  - apiVersion: policy/v1beta1
    kind: PodSecurityPolicy
    metadata: {name: restricted}
  - apiVersion: policy/v1beta1
    kind: PodDisruptionBudget
    metadata: {name: web}
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: settings}
`,
      },
      expect: [
        { messageId: 'removed', file: 'list.yaml', line: 4, column: 5 },
        { messageId: 'removed', file: 'list.yaml', line: 7, column: 5 },
        { messageId: 'removed', file: 'list.yaml', line: 10, column: 5 },
        { messageId: 'removed', file: 'list.yaml', line: 13, column: 5 },
      ],
    },
    {
      name: 'manifest: autoscaling/v2beta2 (removed in 1.26) and rbac v1beta1 (removed in 1.22)',
      files: {
        'hpa.yaml': `apiVersion: autoscaling/v2beta2
kind: HorizontalPodAutoscaler
metadata:
  name: backend
  namespace: coditect-staging
---
apiVersion: rbac.authorization.k8s.io/v1beta1
kind: RoleBinding
metadata:
  name: backend
  namespace: coditect-staging
`,
      },
      expect: [
        { messageId: 'removed', file: 'hpa.yaml', line: 1, column: 1 },
        { messageId: 'removed', file: 'hpa.yaml', line: 7, column: 1 },
      ],
    },
    // ---- k8s
    {
      name: 'k8s: an Ingress applied as networking.k8s.io/v1beta1 on a 1.30 cluster',
      facets: {
        ...workloads({}),
        'k8s.apis': apis('v1.30.5-gke.1014001'),
        'k8s.ingresses': list(applied(live('Ingress', 'coditect-backend'), 'networking.k8s.io/v1beta1')),
      },
      expect: [{ messageId: 'removedNotServed' }],
    },
    {
      name: 'k8s: a CronJob applied as batch/v1beta1 on a 1.24 cluster that still serves it',
      facets: {
        ...workloads({ 'k8s.cronjobs': list(applied(live('CronJob', 'nightly-export'), 'batch/v1beta1')) }),
        'k8s.apis': apis('v1.24.17-gke.2300', ['batch/v1beta1']),
        'k8s.ingresses': list(),
      },
      expect: [{ messageId: 'removedStillServed' }],
    },
  ],
} satisfies RuleCases;
