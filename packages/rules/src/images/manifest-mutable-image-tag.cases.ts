import type { RuleCases } from '../cases.js';

const AR = 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend';

export default {
  pass: [
    {
      name: "the ADR's release tag v1.0.0-staging",
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: backend
          image: ${AR}:v1.0.0-staging
`,
      },
    },
    {
      name: 'digest, git SHA, semver and date tags (init container included)',
      files: {
        'k8s/job.yaml': `apiVersion: batch/v1
kind: Job
metadata:
  name: django-migrate
spec:
  template:
    spec:
      initContainers:
        - name: wait
          image: busybox:1.36.1
        - name: seed
          image: ${AR}:2024.01.02
      containers:
        - name: migrate
          image: ${AR}@sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69
        - name: sidecar
          image: ${AR}:3f9c2ab
      restartPolicy: Never
`,
      },
    },
    {
      name: 'a moving tag pinned by digest is immutable',
      files: {
        'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: ${AR}:staging-latest@sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69
`,
      },
    },
    {
      name: "another publisher's bare number may be a build number: not judged; the pinned sidecar passes",
      files: {
        'pod.yaml': `apiVersion: v1
kind: Pod
metadata:
  name: builds
spec:
  containers:
    - name: app
      image: registry.example.com/team/app:1234
    - name: proxy
      image: nginx:1.27.3-alpine
`,
      },
    },
  ],
  fail: [
    {
      name: 'floating tags of official images: a major version alone and a version-less alias',
      files: {
        'k8s/statefulsets.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgresql
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: postgresql
          image: postgres:16
        - name: exporter
          image: docker.io/library/redis:7-alpine
        - name: proxy
          image: nginx:alpine
`,
      },
      expect: [
        { messageId: 'floatingTag', file: 'k8s/statefulsets.yaml', line: 11, column: 11 },
        { messageId: 'floatingTag', file: 'k8s/statefulsets.yaml', line: 13, column: 11 },
        { messageId: 'floatingTag', file: 'k8s/statefulsets.yaml', line: 15, column: 11 },
      ],
    },
    {
      name: "the ADR's CI tag staging-latest",
      files: {
        'k8s/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata:
  name: coditect-backend
  namespace: coditect-staging
spec:
  template:
    spec:
      containers:
        - name: backend
          image: ${AR}:staging-latest
`,
      },
      expect: [{ messageId: 'movingTag', file: 'k8s/deployment.yaml', line: 11, column: 11 }],
    },
    {
      name: 'no tag, :latest and environment tags across a multi-document file',
      files: {
        'k8s/stack.yaml': `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: redis
spec:
  template:
    spec:
      containers:
        - name: redis
          image: redis
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      initContainers:
        - name: assets
          image: web-assets:latest
      containers:
        - name: web
          image: web:prod
        - name: proxy
          image: "nginx:1.27.3"
`,
      },
      expect: [
        { messageId: 'noTag', file: 'k8s/stack.yaml', line: 10, column: 11 },
        { messageId: 'movingTag', file: 'k8s/stack.yaml', line: 21, column: 11 },
        { messageId: 'movingTag', file: 'k8s/stack.yaml', line: 24, column: 11 },
      ],
    },
    {
      name: 'CronJob in a kind: List, registry with a port, tag main',
      files: {
        'list.yaml': `apiVersion: v1
kind: List
items:
- apiVersion: batch/v1
  kind: CronJob
  metadata: {name: report}
  spec:
    jobTemplate:
      spec:
        template:
          spec:
            containers:
            - {name: report, image: "registry.local:5000/team/report:main"}
`,
      },
      expect: [{ messageId: 'movingTag', file: 'list.yaml', line: 13, column: 30 }],
    },
  ],
} satisfies RuleCases;
