import type { RuleCases } from '../cases.js';
import { ADR_DEPLOY_WORKFLOW } from './cicd-pipeline-present.cases.js';

const workflow = '.github/workflows/deploy.yml';

export default {
  pass: [
    {
      name: 'the ADR Issue 11 workflow: curl -f .../api/v1/health/live || exit 1 after the rollout',
      files: { '.github/workflows/deploy-staging.yml': ADR_DEPLOY_WORKFLOW },
    },
    {
      name: 'kubectl apply then curl --fail-with-body in the same script, continued over lines',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          kubectl apply -n coditect-staging -f k8s/
          kubectl rollout status deployment/coditect-backend -n coditect-staging
          curl --fail-with-body --retry 10 --retry-all-errors \\
            https://staging-api.coditect.ai/api/v1/health/ready
`,
      },
    },
    {
      name: 'wget in a later job that needs the deploy job',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/deploy-cloudrun@1ec29da1351112c7904fb60454a55e3e1021a51c
        with:
          service: coditect-backend
  verify:
    needs: deploy
    runs-on: ubuntu-latest
    steps:
      - run: wget -q -O- https://staging-api.coditect.ai/api/v1/health/live
`,
      },
    },
    {
      name: 'a step named "Smoke tests" running a script after helm upgrade',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install backend ./chart -n coditect-staging --wait
      - name: Smoke tests
        run: ./scripts/smoke.sh staging
`,
      },
    },
    {
      name: "helm test after helm install: the chart's test hooks are the smoke test",
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: helm install backend ./chart -n coditect-staging --wait
      - name: Test the release
        run: helm test backend -n coditect-staging --logs
`,
      },
    },
    {
      name: 'chart testing: ct install installs the changed charts and runs their tests',
      files: {
        [workflow]: `name: Charts
on: pull_request
jobs:
  charts:
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install ingress ./charts/ingress --wait
      - run: ct install --target-branch main
`,
      },
    },
    {
      name: 'curl -w "%{http_code}" whose code the script compares',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl rollout restart deployment/coditect-backend -n coditect-staging
      - run: |
          code=$(curl -s -o /dev/null -w '%{http_code}' https://staging-api.coditect.ai/api/v1/health/live)
          test "$code" = 200
`,
      },
    },
  ],
  fail: [
    {
      name: 'curl without -f: an HTTP 500 exits 0',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl set image deployment/coditect-backend backend=us-docker.pkg.dev/p/r/app:\${{ github.sha }}
      - name: Smoke
        run: |
          sleep 30
          curl -s http://\${STAGING_IP}/api/v1/health/live
`,
      },
      expect: [{ messageId: 'curlWithoutFail', file: workflow, line: 11 }],
    },
    {
      name: 'curl -f swallowed by || true, wget by || echo, and curl --fail by || exit 0',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: gcloud run deploy coditect-backend --image=us-docker.pkg.dev/p/r/app:1 --region=us-central1
      - run: |
          curl -sSf https://staging-api.coditect.ai/api/v1/health/live || true
          wget -q --spider https://staging-api.coditect.ai/api/v1/health/ready || echo "not ready yet"
          curl --fail https://staging-api.coditect.ai/healthz || exit 0
`,
      },
      expect: [
        { messageId: 'failureSwallowed', file: workflow, line: 9 },
        { messageId: 'failureSwallowed', file: workflow, line: 10 },
        { messageId: 'failureSwallowed', file: workflow, line: 11 },
      ],
    },
    {
      name: 'helm test whose failure is swallowed by || true is no smoke test',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: |
          helm upgrade --install backend ./chart --wait
          helm test backend || true
`,
      },
      expect: [{ messageId: 'noSmokeTest', file: workflow, line: 8 }],
    },
    {
      name: 'a chart installed on a kind cluster the job starts is under test, not deployed; the real deploy job is judged',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  chart-test:
    runs-on: ubuntu-latest
    steps:
      - uses: helm/kind-action@a1b0e391336a6ee6713a0583f8c6240d70863de3
      - run: kubectl apply -f ci/cache.yaml
      - run: helm install demo ./chart --wait
  deploy:
    runs-on: ubuntu-latest
    steps:
      - run: helm upgrade --install web ./chart
`,
      },
      expect: [{ messageId: 'noSmokeTest', file: workflow, line: 13 }],
    },
    {
      name: 'kubectl rollout status alone is not a smoke test',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - name: Deploy to GKE
        run: |
          kubectl set image deployment/coditect-backend \\
            backend=us-docker.pkg.dev/p/r/app:\${{ github.sha }} \\
            -n coditect-staging
          kubectl rollout status deployment/coditect-backend -n coditect-staging
`,
      },
      expect: [{ messageId: 'noSmokeTest', file: workflow, line: 9 }],
    },
    {
      name: 'two deploy jobs: staging is checked, production (a deploy action) is not',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  staging:
    runs-on: ubuntu-latest
    steps:
      - run: kubectl apply -f k8s/staging/
      - run: curl -f https://staging-api.coditect.ai/api/v1/health/live
  production:
    runs-on: ubuntu-latest
    steps:
      - run: curl -f https://staging-api.coditect.ai/api/v1/health/live
      - uses: google-github-actions/deploy-cloudrun@v2
        with:
          service: coditect-backend
`,
      },
      expect: [{ messageId: 'noSmokeTest', file: workflow, line: 13 }],
    },
  ],
} satisfies RuleCases;
