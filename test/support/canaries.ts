/**
 * The places a secret lives in a deployment, each with its own canary, for test/canaries.test.ts.
 * A place names its layer, the canary (a unique value in the shape such a secret has there) and `proof`:
 * non-secret text beside the canary that the snapshot must still hold, so a place counts only when it was
 * read and its structure survived redaction.
 *
 * Canaries are derived from the place's name: word canaries (`cnry-…`) stand where a secret-like name or
 * context says "secret" (a password after `-u admin:`), token-shaped ones (`ghp_…`, `AKIA…`, a JWT, high
 * entropy) where the name looks innocent and only the value's shape gives it away.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type Layer = 'files' | 'gcp' | 'k8s' | 'probe';
export interface Place {
  layer: Layer;
  canary: string;
  /** Text next to the canary that must remain in the snapshot (the place was read, its structure kept). */
  proof?: string;
}

const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** `n` characters of `alphabet`, derived from `seed`: stable across runs, unique per place. */
function derive(seed: string, n: number, alphabet = B62): string {
  let out = '';
  for (let i = 0; out.length < n; i++)
    for (const byte of createHash('sha256').update(`${seed}/${i}`).digest()) {
      out += alphabet[byte % alphabet.length];
      if (out.length === n) break;
    }
  return out;
}

/** Canary shapes. */
export const shape = {
  word: (id: string) => `cnry-${id}`,
  github: (id: string) => `ghp_${derive(id, 36)}`,
  githubPat: (id: string) => `github_pat_${derive(id, 22)}_${derive(`${id}+`, 59)}`,
  aws: (id: string) => `AKIA${derive(id, 16, UPPER)}`,
  google: (id: string) => `AIza${derive(id, 35)}`,
  slack: (id: string) => `xoxb-2048${derive(id, 8, '0123456789')}-${derive(id, 24)}`,
  stripe: (id: string) => `sk_live_${derive(id, 24)}`,
  jwt: (id: string) =>
    `eyJhbGciOiJIUzI1NiJ9.${Buffer.from(JSON.stringify({ sub: id, iat: 1700000000 })).toString('base64url')}.${derive(id, 43)}`,
  entropy: (id: string) => derive(id, 32),
  pemBody: (id: string) => `MIIEvQIBADANBgkqhkiG9w0BAQEFAASC${derive(id, 48)}`,
};

const places: Record<string, Place> = {};
function place(id: string, layer: Layer, make: (id: string) => string, proof?: string): string {
  const canary = make(id);
  places[id] = { layer, canary, ...(proof ? { proof } : {}) };
  return canary;
}
const w = (id: string, layer: Layer, proof?: string) => place(id, layer, shape.word, proof);

// ---------------------------------------------------------------- files: a Dockerfile

const dockerfile = `# coditect-audit:ignore dockerfile-runs-as-root -- reviewed, rotated ${place('dockerfile-ignore-reason', 'files', shape.github, 'reviewed, rotated')}
FROM python:3.12-slim
ARG GITHUB_TOKEN=${place('dockerfile-arg-token', 'files', shape.github, 'GITHUB_TOKEN')}
ARG BUILD_OPTS="--extra ${place('dockerfile-arg-innocent', 'files', shape.entropy, 'BUILD_OPTS')}"
ENV DB_PASSWORD=${w('dockerfile-env-password', 'files', 'DB_PASSWORD')}
ENV API_TOKEN ${w('dockerfile-env-legacy-form', 'files', 'API_TOKEN')}
ENV DATABASE_URL=postgres://app:${w('dockerfile-env-url', 'files')}@db.internal:5432/app
ENV APP_REGION_HINT=${place('dockerfile-env-innocent-aws', 'files', shape.aws, 'APP_REGION_HINT')}
ENV NOTIFY_ENDPOINT=https://hooks.slack.com/services/T024BE7LD/B08M3QZ1P/${place('dockerfile-env-webhook', 'files', (id) => `${shape.entropy(id).slice(0, 24)}`, 'hooks.slack.com/services/')}
LABEL com.example.api-key="${w('dockerfile-label-named', 'files', 'com.example.api-key')}"
LABEL org.opencontainers.image.description="signed by ${place('dockerfile-label-jwt', 'files', shape.jwt, 'signed by')}"
RUN curl -fsS -u admin:${w('dockerfile-run-curl-user', 'files', 'curl -fsS -u admin:')} https://artifacts.internal/pkg.tgz -o /tmp/pkg.tgz
RUN curl -fsS -H "Authorization: Bearer ${w('dockerfile-run-bearer', 'files')}" https://api.internal/v1/config
RUN pip install --index-url https://__token__:${w('dockerfile-run-pip-url', 'files', '__token__:')}@pypi.internal/simple app
RUN printf '%s' '-----BEGIN OPENSSH PRIVATE KEY-----\\n${place('dockerfile-run-private-key', 'files', shape.pemBody)}\\n-----END OPENSSH PRIVATE KEY-----' > /root/.ssh/id_ed25519
RUN echo "export BILLING=${place('dockerfile-run-stripe', 'files', shape.stripe, 'export BILLING=')}" >> /etc/profile
USER 1000
`;

// ---------------------------------------------------------------- files: Kubernetes manifests

const manifests = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: canary-worker
  namespace: coditect-staging
  annotations:
    example.com/api-token: ${w('manifest-annotation-named', 'files', 'example.com/api-token')}
    example.com/notes: "rotate ${place('manifest-annotation-slack', 'files', shape.slack, 'example.com/notes')} monthly"
spec:
  replicas: 1
  selector:
    matchLabels: { app: canary-worker }
  template:
    metadata:
      labels: { app: canary-worker }
    spec:
      initContainers:
        - name: init
          image: busybox:1.36
          args: ["--db-url=postgres://init:${w('manifest-init-args-url', 'files', 'postgres://init:')}@db.internal:5432/app"]
      containers:
        - name: worker
          image: us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/worker:${place('probe-registry-image-tag', 'probe', shape.github)}
          command: ["worker", "--api-token", "${w('manifest-command-option', 'files', '--api-token')}"]
          args: ["--password=${w('manifest-args-password', 'files', '--password=')}", "--verbose"]
          env:
            - name: SESSION_CONFIG
              value: "${place('manifest-env-innocent-jwt', 'files', shape.jwt, 'SESSION_CONFIG')}"
            - name: UPSTREAM
              value: "https://svc:${w('manifest-env-url', 'files', 'upstream.internal')}@upstream.internal/api"
            - name: FEATURE_FLAGS
              value: "${place('manifest-env-innocent-entropy', 'files', shape.entropy, 'FEATURE_FLAGS')}"
            - name: SMTP_PASSWORD
              value: "${w('manifest-env-named', 'files', 'SMTP_PASSWORD')}"
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: canary-report
  namespace: coditect-staging
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: report
              image: curlimages/curl:8.5.0
              command: ["sh", "-c", "curl -u reporter:${w('manifest-cronjob-curl-user', 'files', 'curl -u reporter:')} https://reports.internal/upload"]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: canary-config
  namespace: coditect-staging
data:
  billing_mode: "${place('manifest-configmap-innocent-stripe', 'files', shape.stripe, 'billing_mode')}"
  app.properties: "api_key=${w('manifest-configmap-key-value', 'files', 'app.properties')}\\nregion=us-central1"
---
apiVersion: v1
kind: Secret
metadata:
  name: canary-secret
  namespace: coditect-staging
stringData:
  token: ${w('manifest-secret-string-data', 'files', 'canary-secret')}
---
apiVersion: external-secrets.io/v1beta1
kind: ExternalSecret
metadata:
  name: canary-external
  namespace: coditect-staging
spec:
  secretStoreRef: { name: gcp-store, kind: ClusterSecretStore }
  target:
    name: canary-secret
    template:
      data:
        password: "${w('manifest-external-secret-template', 'files', 'canary-external')}"
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: canary-ingress
  namespace: coditect-staging
  annotations:
    nginx.ingress.kubernetes.io/auth-url: "https://gate:${w('manifest-ingress-auth-url', 'files', 'auth.internal/check')}@auth.internal/check"
spec:
  rules: []
`;

// ---------------------------------------------------------------- files: a workflow

const workflow = `name: canary
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  notify:
    runs-on: ubuntu-latest
    steps:
      - name: Notify as ${place('workflow-step-name', 'files', shape.github, 'Notify as')}
        run: |
          curl -fsS -H "Authorization: Bearer ${w('workflow-run-bearer', 'files', 'https://api.internal/deploy')}" https://api.internal/deploy
          git clone https://x-access-token:${w('workflow-run-clone-url', 'files', 'x-access-token:')}@github.com/coditect-ai/infra.git
          export AWS_SECRET_ACCESS_KEY=${w('workflow-run-export', 'files', 'export AWS_SECRET_ACCESS_KEY=')}
          curl -fsS "https://hooks.internal/notify?token=${w('workflow-run-query-token', 'files', '&channel=deploys')}&channel=deploys"
          curl -fsS -X POST https://discord.com/api/webhooks/1187654321098765432/${place('workflow-run-webhook', 'files', (id) => derive(id, 68, `${B62}-_`), 'discord.com/api/webhooks/')}
          docker login -u ci -p ${w('workflow-run-docker-login', 'files', 'docker login -u ci -p')} registry.internal
          echo ${place('workflow-run-innocent-aws', 'files', shape.aws)} > /dev/null
      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea
        with:
          password: ${w('workflow-with-named', 'files')}
          extra_args: ${place('workflow-with-innocent-pat', 'files', shape.githubPat, 'extra_args')}
`;

// ---------------------------------------------------------------- files: OpenTofu

const terraform = `variable "db_password" {
  type    = string
  default = "${w('tf-variable-named-default', 'files', 'db_password')}"
}

variable "bootstrap_value" {
  type      = string
  sensitive = true
  default   = "${w('tf-variable-sensitive-default', 'files', 'bootstrap_value')}"
}

variable "maps_hint" {
  type    = string
  default = "${place('tf-variable-innocent-google-key', 'files', shape.google, 'maps_hint')}"
}

locals {
  db_url = "postgres://app:${w('tf-locals-url', 'files', 'postgres://app:')}@10.20.0.3:5432/app"
}

provider "google" {
  alias        = "canary"
  access_token = "${w('tf-provider-access-token', 'files', 'access_token')}"
  credentials  = "{\\"type\\":\\"service_account\\",\\"private_key\\":\\"-----BEGIN PRIVATE KEY-----\\\\n${place('tf-provider-credentials-json', 'files', shape.pemBody)}\\\\n-----END PRIVATE KEY-----\\\\n\\"}"
}

resource "google_sql_user" "canary" {
  name     = "canary"
  instance = "coditect-db"
  password = "${w('tf-attribute-password', 'files', 'google_sql_user')}"
}

resource "google_secret_manager_secret_version" "canary" {
  secret      = "projects/coditect-cloud-infra/secrets/canary"
  secret_data = "${w('tf-attribute-secret-data', 'files', 'secret_data')}"
}

resource "google_compute_instance" "canary" {
  name         = "canary"
  machine_type = "e2-small"
  metadata = {
    startup-script = "export AWS_SECRET_ACCESS_KEY=${w('tf-map-attribute-script', 'files', 'startup-script')}"
  }
  metadata_startup_script = <<-EOT
    curl -H "Authorization: Bearer ${w('tf-heredoc-bearer', 'files', 'metadata_startup_script')}" https://api.internal
  EOT
}

module "canary_redis" {
  source  = "../../modules/redis"
  api_key = "${w('tf-module-input', 'files', 'canary_redis')}"
}
`;

// ---------------------------------------------------------------- files: a deployment guide

const guide = `# Canary deployment guide

Pull \`us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend:${place('markdown-image-tag', 'files', shape.github, 'coditect-cloud-backend:')}\`.

\`\`\`bash
docker login -u oauth2accesstoken -p ${w('markdown-docker-login', 'files')} https://gcr.io
psql "postgresql://postgres:${w('markdown-psql-url', 'files')}@34.1.2.3:5432/coditect"
export GITHUB_TOKEN=${place('markdown-export-token', 'files', shape.github)}
curl -u admin:${w('markdown-curl-user', 'files')} https://gcr.io/v2/_catalog
\`\`\`
`;

// ---------------------------------------------------------------- helpers to edit recordings

type Json = Record<string, unknown>;
function editJson(file: string, edit: (value: Json) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Json;
  edit(value);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
function must<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null)
    throw new Error(`the fixture has no ${what}: update test/support/canaries.ts`);
  return value;
}
type Item = { metadata: { name: string; annotations?: Record<string, string> } } & Json;
const byName = (list: Json, name: string) =>
  must(
    (list.items as Item[]).find((i) => i.metadata.name === name),
    `object ${name}`,
  );
const PROJECT = join('gcp', 'v1', 'projects', 'coditect-cloud-infra');

// ---------------------------------------------------------------- the live layers

/** The files planted in the repository, by path (canaries of the files layer, apart from the state file). */
export function plantedFiles(): Record<string, string> {
  return {
    'canary/Dockerfile': dockerfile,
    'k8s/canary.yaml': manifests,
    '.github/workflows/canary.yml': workflow,
    'opentofu/environments/staging/canary.tf': terraform,
    'docs/canary-guide.md': guide,
  };
}

/** Every canary planted in the live recordings (Kubernetes API, Google Cloud APIs) and the files. */
export function plantEverywhere(dir: string): void {
  for (const [path, text] of Object.entries(plantedFiles())) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }

  editJson(join(dir, 'opentofu/environments/staging/terraform.tfstate'), (state) => {
    const resources = state.resources as { type: string; instances: { attributes: Json }[] }[];
    resources.push({
      mode: 'managed',
      type: 'google_sql_user',
      name: 'canary',
      provider: 'provider["registry.opentofu.org/hashicorp/google"]',
      instances: [
        {
          schema_version: 1,
          attributes: {
            id: 'canary//coditect-db',
            name: 'canary',
            instance: 'coditect-db',
            password: w('tfstate-sensitive-attribute', 'files'),
          },
          sensitive_attributes: [[{ type: 'get_attr', value: 'password' }]],
        },
      ],
    } as never);
  });

  editJson(join(dir, 'k8s/api/deployments.json'), (list) => {
    const d = byName(list, 'coditect-backend') as Item & { spec: { template: { spec: { containers: Json[] } } } };
    d.metadata.annotations = {
      ...d.metadata.annotations,
      'example.com/deploy-token': w('live-annotation-named', 'k8s', 'example.com/deploy-token'),
      'example.com/owner-notes': `paged with ${place('live-annotation-innocent-slack', 'k8s', shape.slack, 'paged with')}`,
      'example.com/upstream': `https://svc:${w('live-annotation-url', 'k8s', 'upstream.svc.internal')}@upstream.svc.internal/v1`,
    };
    const c = must(d.spec.template.spec.containers[0], 'backend container');
    c.args = [`--password=${w('live-container-args', 'k8s', '--password=')}`, '--workers=2'];
    c.command = [
      'sh',
      '-c',
      `curl -fsS -H "Authorization: Bearer ${w('live-container-command', 'k8s', 'https://config.internal/v1')}" https://config.internal/v1 && exec gunicorn`,
    ];
    c.env = [
      ...((c.env as Json[]) ?? []),
      { name: 'RENDER_OPTIONS', value: place('live-env-innocent-jwt', 'k8s', shape.jwt, 'RENDER_OPTIONS') },
      { name: 'CACHE_SEED', value: place('live-env-innocent-entropy', 'k8s', shape.entropy, 'CACHE_SEED') },
      { name: 'STRIPE_API_KEY', value: w('live-env-named', 'k8s', 'STRIPE_API_KEY') },
      {
        name: 'LEGACY_DSN',
        value: `mysql://legacy:${w('live-env-url', 'k8s', 'legacy.internal')}@legacy.internal:3306/app`,
      },
    ];
    const applied = d.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'];
    d.metadata.annotations['kubectl.kubernetes.io/last-applied-configuration'] = JSON.stringify({
      ...(applied ? (JSON.parse(applied) as Json) : {}),
      data: { password: Buffer.from(w('live-last-applied', 'k8s')).toString('base64') },
    });
  });

  editJson(join(dir, 'k8s/api/pods.json'), (list) => {
    const pod = (list.items as Item[]).find((p) => p.metadata.name.startsWith('coditect-backend-')) as Item & {
      status: { message?: string; conditions: Json[]; containerStatuses: { state: Json; lastState: Json }[] };
    };
    must(pod, 'backend pod');
    pod.status.message = `probe failed: Authorization: Basic ${Buffer.from(`ops:${w('live-pod-status-message', 'k8s')}`).toString('base64')}`;
    const status = must(pod.status.containerStatuses[0], 'container status');
    status.state = {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off: token ${place('live-container-waiting-message', 'k8s', shape.github, 'back-off: token')} rejected`,
      },
    };
    const terminated = (status.lastState as { terminated?: Json }).terminated;
    if (terminated) terminated.message = `Traceback: password=${w('live-container-terminated-message', 'k8s')} refused`;
    pod.status.conditions.push({
      type: 'CanaryCondition',
      status: 'False',
      message: `credentials ${place('live-pod-condition-message', 'k8s', shape.aws, 'CanaryCondition')} expired`,
    });
  });

  editJson(join(dir, 'k8s/api/configmaps.json'), (list) => {
    const cm = must((list.items as (Item & { data?: Json })[])[0], 'config map');
    cm.data = { ...cm.data, 'canary.conf': `token=${w('live-configmap-value', 'k8s')}` };
  });

  editJson(join(dir, 'k8s/api/services.json'), (list) => {
    const svc = byName(list, 'coditect-backend');
    svc.metadata.annotations = {
      ...svc.metadata.annotations,
      'cloud.google.com/neg-status': `{"token":"${w('live-service-annotation-json', 'k8s', 'neg-status')}"}`,
    };
  });

  editJson(join(dir, 'k8s/api/jobs.json'), (list) => {
    const job = must((list.items as (Item & { spec: { template: { spec: { containers: Json[] } } } })[])[0], 'job');
    const c = must(job.spec.template.spec.containers[0], 'job container');
    c.args = ['--mysql', `mysql -h db -u root -p${w('live-job-args-mysql', 'k8s', 'mysql -h db -u root -p')} app`];
  });

  editJson(join(dir, 'k8s/api/nodes.json'), (list) => {
    const node = must((list.items as (Item & { spec: { taints?: Json[] } })[])[0], 'node');
    node.spec.taints = [
      ...(node.spec.taints ?? []),
      { key: 'canary', value: place('live-node-taint-value', 'k8s', shape.entropy), effect: 'PreferNoSchedule' },
    ];
  });

  // Google Cloud.
  editJson(join(dir, PROJECT, 'locations/-/instances.json'), (body) => {
    const redis = must((body.instances as Json[])[0], 'Memorystore instance');
    redis.displayName = `cache (auth ${place('gcp-redis-display-name', 'gcp', shape.github, 'cache (auth')})`;
    redis.labels = {
      ...(redis.labels as Json),
      'deploy-token': w('gcp-redis-label-named', 'gcp', 'deploy-token'),
      note: place('gcp-redis-label-innocent', 'gcp', shape.entropy),
    };
  });
  editJson(join(dir, PROJECT, 'instances.json'), (body) => {
    const sql = must(
      (body.items as { settings: { ipConfiguration: { authorizedNetworks: Json[] } } }[])[0],
      'SQL instance',
    );
    sql.settings.ipConfiguration.authorizedNetworks.push({
      name: `vpn ${place('gcp-sql-network-name', 'gcp', shape.github, 'vpn')}`,
      value: '203.0.113.7/32',
    });
  });
  editJson(join(dir, PROJECT, 'locations/us-central1/repositories.json'), (body) => {
    const repo = must((body.repositories as Json[])[0], 'repository');
    repo.description = `images; pull with ${place('gcp-repository-description', 'gcp', shape.google, 'images; pull with')}`;
    repo.labels = { ...(repo.labels as Json), 'api-key': w('gcp-repository-label-named', 'gcp', 'api-key') };
  });
  editJson(join(dir, PROJECT, 'locations/-/clusters.json'), (body) => {
    const cluster = must((body.clusters as Json[])[0], 'cluster');
    cluster.resourceLabels = {
      ...(cluster.resourceLabels as Json),
      'slack-hook': `https://hooks.slack.com/services/T0CANARY/B0CANARY/${place('gcp-cluster-label-webhook', 'gcp', (id) => derive(id, 24), 'slack-hook')}`,
    };
  });
  editJson(join(dir, 'gcp/v3/projects/coditect-cloud-infra/alertPolicies.json'), (body) => {
    const policy = must((body.alertPolicies as { displayName: string; conditions: Json[] }[])[0], 'alert policy');
    policy.displayName = `${policy.displayName} (${place('gcp-alert-display-name', 'gcp', shape.jwt)})`;
  });
  editJson(join(dir, 'gcp/v3/projects/coditect-cloud-infra%3AgetIamPolicy.json'), (body) => {
    (body.bindings as Json[]).push({
      role: 'roles/viewer',
      members: ['user:auditor@coditect.ai'],
      condition: {
        title: `temporary ${place('gcp-iam-condition-title', 'gcp', shape.stripe, 'temporary')}`,
        expression: `request.time < timestamp("2026-12-31T00:00:00Z") && "${place('gcp-iam-condition-expression', 'gcp', shape.aws)}" != ""`,
      },
    });
  });
  editJson(join(dir, PROJECT, 'secrets.json'), (body) => {
    body.secrets = [
      {
        name: 'projects/coditect-cloud-infra/secrets/canary-secret',
        createTime: '2025-11-30T21:14:09Z',
        replication: { automatic: {} },
        labels: { 'access-token': w('gcp-secret-label-named', 'gcp', 'canary-secret') },
      },
    ];
  });
}

/** Every planted canary by place; call after {@link plantEverywhere}. */
export function plantedPlaces(): Record<string, Place> {
  return places;
}
