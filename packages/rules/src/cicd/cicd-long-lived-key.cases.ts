import type { RuleCases } from '../cases.js';
import { ADR_DEPLOY_WORKFLOW } from './cicd-pipeline-present.cases.js';

const workflow = '.github/workflows/deploy.yml';
const provider = 'projects/123456789/locations/global/workloadIdentityPools/github/providers/github';
const account = 'github-deployer@coditect-cloud-infra.iam.gserviceaccount.com';

export default {
  pass: [
    {
      name: 'Workload Identity Federation with a service account, id-token granted on the workflow',
      files: {
        [workflow]: `name: Deploy
on: push
permissions:
  contents: read
  id-token: write
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/auth@6fc4af4b145ae7821d527454aa9bd537d1f2dc5f
        with:
          workload_identity_provider: ${provider}
          service_account: ${account}
      - run: gcloud run deploy coditect-backend --region=us-central1 --image=us-docker.pkg.dev/p/r/app:1
`,
      },
    },
    {
      name: 'direct Workload Identity Federation, id-token granted on the job',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - id: auth
        uses: google-github-actions/auth@6fc4af4b145ae7821d527454aa9bd537d1f2dc5f
        with:
          workload_identity_provider: ${provider}
      - run: |
          export GOOGLE_APPLICATION_CREDENTIALS=\${{ steps.auth.outputs.credentials_file_path }}
          ./deploy.sh
`,
      },
    },
    {
      name: 'a reusable workflow without permissions, called by a job that grants id-token',
      files: {
        '.github/workflows/main.yml': `name: Main
on: push
jobs:
  deploy:
    permissions:
      contents: read
      id-token: write
    uses: ./.github/workflows/deploy.yml
`,
        [workflow]: `name: Deploy
on: workflow_call
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/auth@6fc4af4b145ae7821d527454aa9bd537d1f2dc5f
        with:
          workload_identity_provider: ${provider}
          service_account: ${account}
`,
      },
    },
  ],
  fail: [
    {
      name: 'the ADR Issue 11 workflow: credentials_json from the GCP_SA_KEY secret',
      files: { '.github/workflows/deploy-staging.yml': ADR_DEPLOY_WORKFLOW },
      expect: [{ messageId: 'keyInput', file: '.github/workflows/deploy-staging.yml', line: 15 }],
    },
    {
      name: 'a key written from a secret, activated with --key-file and exported as GOOGLE_APPLICATION_CREDENTIALS',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - name: Log in
        run: |
          echo '\${{ secrets.GCP_SA_KEY }}' > /tmp/key.json
          gcloud auth activate-service-account \\
            github-deployer@coditect-cloud-infra.iam.gserviceaccount.com \\
            --key-file=/tmp/key.json
          echo "GOOGLE_APPLICATION_CREDENTIALS=/tmp/key.json" >> "$GITHUB_ENV"
`,
      },
      expect: [
        { messageId: 'keyFileActivation', file: workflow, line: 10 },
        { messageId: 'keyFileEnv', file: workflow, line: 13 },
      ],
    },
    {
      name: 'Workload Identity Federation in a job whose own permissions drop id-token, and in one with none at all',
      files: {
        [workflow]: `name: Deploy
on: push
permissions:
  id-token: write
jobs:
  staging:
    runs-on: ubuntu-latest
    permissions:
      contents: read
    steps:
      - uses: google-github-actions/auth@v2
        with:
          workload_identity_provider: ${provider}
          service_account: ${account}
`,
        '.github/workflows/nightly.yml': `name: Nightly
on:
  schedule:
    - cron: '0 3 * * *'
jobs:
  export:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/auth@v2
        with:
          service_account: ${account}
          workload_identity_provider: ${provider}
`,
      },
      expect: [
        { messageId: 'missingIdToken', file: workflow, line: 13 },
        { messageId: 'missingIdToken', file: '.github/workflows/nightly.yml', line: 12 },
      ],
    },
    {
      name: 'a reusable workflow without permissions, called by a job that does not grant id-token',
      files: {
        '.github/workflows/main.yml': `name: Main
on: push
permissions:
  contents: read
jobs:
  deploy:
    uses: ./.github/workflows/deploy.yml
`,
        [workflow]: `name: Deploy
on: workflow_call
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/auth@6fc4af4b145ae7821d527454aa9bd537d1f2dc5f
        with:
          workload_identity_provider: ${provider}
          service_account: ${account}
`,
      },
      expect: [{ messageId: 'missingIdToken', file: workflow, line: 9 }],
    },
    {
      name: 'the retired setup-gcloud service_account_key input',
      files: {
        [workflow]: `name: Deploy
on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: google-github-actions/setup-gcloud@v0
        with:
          project_id: coditect-cloud-infra
          service_account_key: \${{ secrets.GCP_SA_KEY }}
          export_default_credentials: true
`,
      },
      expect: [{ messageId: 'keyInput', file: workflow, line: 10 }],
    },
  ],
} satisfies RuleCases;
