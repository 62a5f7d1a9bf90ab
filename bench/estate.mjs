/**
 * Deterministic estates for `pnpm bench`: the same seed and scale always give byte-identical output.
 * Sizes are given as a scale factor of 16ths: scale 16 is the full estate of issue 9 (20,000 Kubernetes
 * documents in 2,000 files, 500 Dockerfiles, 200 workflows, 300 `.tf` files; 200 GCP projects; 20,000
 * cluster objects; 50,000 snapshot resources), scale 1 and 4 the points of the scaling curve.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const FULL_SCALE = 16;

/** Full-size estate (scale 16). */
export const FULL = {
  k8sFiles: 2000,
  k8sDocsPerFile: 10,
  dockerfiles: 500,
  workflows: 200,
  tfFiles: 300,
  gcpProjects: 200,
  clusterObjects: 20_000,
  snapshotResources: 50_000,
};

/** `FULL[key]` at `scale`/16, at least 1. */
export function sized(key, scale) {
  return Math.max(1, Math.round((FULL[key] * scale) / FULL_SCALE));
}

/** mulberry32: small, fast, seedable. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const IMAGES = [
  'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/api:1.4.2',
  'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/worker@sha256:3f1c9a7d2b5e8f0a1c4d6e9b2a5f8c1d4e7a0b3c6d9e2f5a8b1c4d7e0a3b6c9d',
  'nginx:1.27',
  'redis:latest',
  'postgres:16',
  'busybox',
  'ghcr.io/example/sidecar:2.0.1',
];
const NAMES = ['api', 'worker', 'web', 'cron', 'gateway', 'billing', 'search', 'auth', 'mailer', 'ingest'];

function container(r, name) {
  const lines = [`        - name: ${name}`, `          image: ${r.pick(IMAGES)}`];
  if (r.chance(0.7)) {
    lines.push(
      '          resources:',
      `            requests: { cpu: ${100 + r.int(4) * 100}m, memory: ${128 * (1 + r.int(4))}Mi }`,
      `            limits: { memory: ${256 * (1 + r.int(4))}Mi }`,
    );
  }
  if (r.chance(0.15)) lines.push('          securityContext:', '            privileged: true');
  else if (r.chance(0.6))
    lines.push(
      '          securityContext:',
      '            runAsNonRoot: true',
      '            allowPrivilegeEscalation: false',
      '            readOnlyRootFilesystem: true',
    );
  if (r.chance(0.5))
    lines.push(
      '          env:',
      '            - name: DATABASE_HOST',
      '              value: 10.0.0.5',
      '            - name: DJANGO_SECRET_KEY',
      '              valueFrom: { secretKeyRef: { name: backend-secrets, key: django-secret-key } }',
    );
  if (r.chance(0.5))
    lines.push(
      '          readinessProbe: { httpGet: { path: /healthz, port: 8000 }, periodSeconds: 10 }',
      '          livenessProbe: { httpGet: { path: /healthz, port: 8000 }, periodSeconds: 20 }',
    );
  return lines.join('\n');
}

function k8sDocument(r, ns, i) {
  const name = `${r.pick(NAMES)}-${i}`;
  const meta = `metadata:\n  name: ${name}\n  namespace: ${ns}\n  labels: { app: ${name}, team: t${r.int(12)} }`;
  switch (r.int(8)) {
    case 0:
    case 1:
      return `apiVersion: apps/v1\nkind: Deployment\n${meta}\nspec:\n  replicas: ${1 + r.int(3)}\n  selector: { matchLabels: { app: ${name} } }\n  template:\n    metadata: { labels: { app: ${name} } }\n    spec:\n      serviceAccountName: ${r.chance(0.3) ? 'default' : `${name}-sa`}\n      containers:\n${container(r, 'main')}\n`;
    case 2:
      return `apiVersion: v1\nkind: Service\n${meta}\nspec:\n  type: ${r.chance(0.2) ? 'LoadBalancer' : 'ClusterIP'}\n  selector: { app: ${name} }\n  ports: [{ port: 80, targetPort: 8000 }]\n`;
    case 3:
      return `apiVersion: v1\nkind: ConfigMap\n${meta}\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: "a,b,c"\n  DATABASE_URL: postgres://app@10.0.0.5:5432/app\n`;
    case 4:
      return `apiVersion: v1\nkind: Secret\n${meta}\ntype: Opaque\nstringData:\n  django-secret-key: ${r.chance(0.3) ? 'changeme' : 'REPLACE_AT_DEPLOY'}\n  db-password: ${r.chance(0.2) ? 'password123' : 'set-by-external-secrets'}\n`;
    case 5:
      return `apiVersion: v1\nkind: ServiceAccount\n${meta}\nautomountServiceAccountToken: ${r.chance(0.5)}\n`;
    case 6:
      return `apiVersion: batch/v1\nkind: Job\n${meta}\nspec:\n  backoffLimit: 2\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n${container(r, 'migrate')}\n`;
    default:
      return `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\n${meta}\nspec:\n  podSelector: { matchLabels: { app: ${name} } }\n  policyTypes: [Ingress]\n  ingress: [{ from: [{ podSelector: { matchLabels: { team: t${r.int(12)} } } }] }]\n`;
  }
}

function dockerfile(r) {
  const base = r.pick(['python:3.12-slim', 'node:20-bookworm-slim', 'ubuntu:latest', 'golang:1.23 AS build', 'alpine']);
  const lines = [`FROM ${base}`, 'WORKDIR /app', 'COPY requirements.txt package.json ./'];
  if (r.chance(0.5))
    lines.push('RUN apt-get update && apt-get install -y curl ca-certificates && rm -rf /var/lib/apt/lists/*');
  if (r.chance(0.3)) lines.push('RUN curl -fsSL https://example.com/install.sh | sh');
  if (r.chance(0.4)) lines.push('RUN pip install --no-cache-dir -r requirements.txt');
  if (r.chance(0.2)) lines.push('ENV DJANGO_SECRET_KEY=insecure-dev-key');
  lines.push('COPY . .');
  if (r.chance(0.6)) lines.push('USER 10001');
  if (r.chance(0.5)) lines.push('HEALTHCHECK CMD curl -f http://localhost:8000/healthz || exit 1');
  lines.push('EXPOSE 8000', 'CMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]');
  return `${lines.join('\n')}\n`;
}

// biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub Actions expression, not a JavaScript template.
const SA_KEY_INPUT = 'credentials_json: ${{ secrets.GCP_SA_KEY }}';

function workflow(r, i) {
  const checkout = r.chance(0.5) ? 'actions/checkout@v4' : 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';
  const perms = r.chance(0.5) ? 'permissions:\n  contents: read\n  id-token: write\n' : '';
  return `name: pipeline-${i}
on:
  push:
    branches: [${r.pick(['main', 'develop', 'release'])}]
  pull_request: {}
${perms}jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: ${checkout}
      - uses: google-github-actions/auth@v2
        with:
          ${r.chance(0.3) ? SA_KEY_INPUT : 'workload_identity_provider: projects/1/locations/global/workloadIdentityPools/p/providers/gh'}
      - run: docker build -t us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/app-${i}:\${{ github.sha }} .
      - run: ${r.chance(0.3) ? 'kubectl apply -f k8s/ --namespace coditect-staging' : 'echo deploy handled by Cloud Deploy'}
`;
}

function tfBlock(r, i) {
  switch (r.int(6)) {
    case 0:
      return `resource "google_sql_database_instance" "db_${i}" {
  name             = "db-${i}"
  database_version = "POSTGRES_16"
  region           = "us-central1"
  settings {
    tier              = "db-custom-2-7680"
    availability_type = "${r.chance(0.5) ? 'REGIONAL' : 'ZONAL'}"
    ip_configuration {
      ipv4_enabled = ${r.chance(0.3)}
      ssl_mode     = "${r.chance(0.5) ? 'ENCRYPTED_ONLY' : 'ALLOW_UNENCRYPTED_AND_ENCRYPTED'}"
    }
    backup_configuration {
      enabled                        = ${r.chance(0.8)}
      point_in_time_recovery_enabled = ${r.chance(0.5)}
    }
  }
  deletion_protection = ${r.chance(0.7)}
}
`;
    case 1:
      return `resource "google_redis_instance" "cache_${i}" {
  name                    = "cache-${i}"
  tier                    = "${r.chance(0.5) ? 'STANDARD_HA' : 'BASIC'}"
  memory_size_gb          = ${1 + r.int(8)}
  region                  = var.region
  auth_enabled            = ${r.chance(0.6)}
  transit_encryption_mode = "SERVER_AUTHENTICATION"
}
`;
    case 2:
      return `resource "google_kms_crypto_key" "key_${i}" {
  name            = "key-${i}"
  key_ring        = google_kms_key_ring.ring.id
  purpose         = "ASYMMETRIC_SIGN"
  rotation_period = "${r.chance(0.5) ? '7776000s' : '31536000s'}"
  version_template {
    algorithm        = "RSA_SIGN_PKCS1_4096_SHA512"
    protection_level = "${r.chance(0.5) ? 'HSM' : 'SOFTWARE'}"
  }
  lifecycle {
    prevent_destroy = true
  }
}
`;
    case 3:
      return `resource "google_secret_manager_secret" "secret_${i}" {
  secret_id = "secret-${i}"
  replication {
    auto {}
  }
  labels = { env = "staging", owner = "team-${r.int(12)}" }
}
`;
    case 4:
      return `variable "setting_${i}" {
  type        = string
  default     = "${r.chance(0.2) ? 'hunter2' : 'value'}"
  description = "setting ${i}"
}
`;
    default:
      return `module "net_${i}" {
  source     = "../modules/network"
  project_id = var.project_id
  region     = var.region
  cidr       = "10.${r.int(250)}.0.0/20"
}
`;
  }
}

/**
 * The repository of estate (a) at `scale`/16: path → content, in a stable order. `coditect-audit.yaml` is
 * not part of it (the bench writes its own per run).
 */
export function repositoryFiles(scale, seed = 9) {
  const r = rng(seed);
  const files = {};
  const k8sFiles = sized('k8sFiles', scale);
  for (let f = 0; f < k8sFiles; f++) {
    const ns = `team-${f % 40}`;
    const docs = [];
    for (let d = 0; d < FULL.k8sDocsPerFile; d++) docs.push(k8sDocument(r, ns, f * FULL.k8sDocsPerFile + d));
    files[`services/svc-${f % 100}/k8s/manifest-${f}.yaml`] = docs.join('---\n');
  }
  for (let i = 0, n = sized('dockerfiles', scale); i < n; i++) files[`services/svc-${i}/Dockerfile`] = dockerfile(r);
  for (let i = 0, n = sized('workflows', scale); i < n; i++)
    files[`.github/workflows/pipeline-${i}.yml`] = workflow(r, i);
  for (let i = 0, n = sized('tfFiles', scale); i < n; i++) {
    const blocks = [];
    for (let b = 0; b < 4; b++) blocks.push(tfBlock(r, i * 4 + b));
    files[`infra/env-${i % 10}/main-${i}.tf`] = blocks.join('\n');
  }
  return files;
}

/** Writes path → content under `root`. */
export function writeTree(root, files) {
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
}

function walk(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}

export const FIXTURE_PROJECT = 'coditect-cloud-infra';

/** Project ids of the emulated organisation. */
export function projectIds(count) {
  return Array.from({ length: count }, (_, i) => `bench-project-${String(i).padStart(3, '0')}`);
}

/**
 * Estate (b), Google Cloud: the full service set recorded for the fixture project, copied for every
 * project (ids substituted in paths and bodies), into `dataDir` in the layout the GCP emulator serves.
 */
export function writeGcpOrganisation(dataDir, fixtureGcpDir, projects) {
  const sources = walk(fixtureGcpDir).map((file) => ({
    rel: relative(fixtureGcpDir, file),
    text: readFileSync(file, 'utf8'),
  }));
  for (const project of projects)
    for (const { rel, text } of sources) {
      if (rel === '_recording.json' && project !== projects[0]) continue;
      const target = join(dataDir, rel.replaceAll(FIXTURE_PROJECT, project));
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text.replaceAll(FIXTURE_PROJECT, project));
    }
}

/** Resource types of the emulated cluster, with their share of the objects. */
const CLUSTER_TYPES = [
  ['pods', 0.3],
  ['replicasets', 0.15],
  ['deployments', 0.1],
  ['services', 0.1],
  ['configmaps', 0.12],
  ['secrets', 0.1],
  ['serviceaccounts', 0.08],
  ['jobs', 0.05],
];
export const CLUSTER_NAMESPACES = 40;

function clusterObject(r, type, ns, i) {
  const name = `${r.pick(NAMES)}-${i}`;
  const metadata = {
    name,
    namespace: ns,
    uid: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    resourceVersion: String(1000 + i),
    creationTimestamp: '2025-12-01T00:00:00Z',
    labels: { app: name },
  };
  const podSpec = () => ({
    serviceAccountName: r.chance(0.3) ? 'default' : `${name}-sa`,
    containers: [
      {
        name: 'main',
        image: r.pick(IMAGES),
        ...(r.chance(0.7)
          ? { resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '256Mi' } } }
          : {}),
        securityContext: r.chance(0.15)
          ? { privileged: true }
          : { runAsNonRoot: true, allowPrivilegeEscalation: false },
      },
    ],
  });
  switch (type) {
    case 'pods':
      return {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata,
        spec: podSpec(),
        status: { phase: 'Running', containerStatuses: [{ name: 'main', ready: true, restartCount: r.int(3) }] },
      };
    case 'replicasets':
      return {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata,
        spec: { replicas: 2, template: { spec: podSpec() } },
      };
    case 'deployments':
      return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata,
        spec: { replicas: 1 + r.int(3), selector: { matchLabels: { app: name } }, template: { spec: podSpec() } },
        status: { readyReplicas: 1 },
      };
    case 'services':
      return {
        apiVersion: 'v1',
        kind: 'Service',
        metadata,
        spec: { type: r.chance(0.2) ? 'LoadBalancer' : 'ClusterIP', ports: [{ port: 80, targetPort: 8000 }] },
      };
    case 'configmaps':
      return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data: { LOG_LEVEL: 'info', REGION: 'us-central1' } };
    case 'secrets':
      return {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata,
        type: 'Opaque',
        data: { password: Buffer.from(r.chance(0.2) ? 'changeme' : `s3cr3t-${i}`).toString('base64') },
      };
    case 'serviceaccounts':
      return { apiVersion: 'v1', kind: 'ServiceAccount', metadata };
    default:
      return {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata,
        spec: { template: { spec: { ...podSpec(), restartPolicy: 'Never' } } },
        status: { succeeded: 1 },
      };
  }
}

/**
 * Estate (b), Kubernetes: `objects` objects over the built-in types and 40 namespaces, written as the
 * k8s emulator's recordings. Returns the count per type and namespace (for the minimum number of calls).
 */
export function writeCluster(dataDir, objects, seed = 9) {
  const r = rng(seed);
  mkdirSync(dataDir, { recursive: true });
  const counts = {};
  let i = 0;
  CLUSTER_TYPES.forEach(([type, share], t) => {
    const n = t === CLUSTER_TYPES.length - 1 ? objects - i : Math.round(objects * share);
    const items = [];
    counts[type] = {};
    for (let k = 0; k < n; k++, i++) {
      const ns = `team-${k % CLUSTER_NAMESPACES}`;
      counts[type][ns] = (counts[type][ns] ?? 0) + 1;
      items.push(clusterObject(r, type, ns, i));
    }
    writeFileSync(join(dataDir, `${type}.json`), JSON.stringify({ apiVersion: 'v1', kind: 'List', items }));
  });
  return counts;
}

/** Estate (c): files of a repository holding about `resources` resources (Kubernetes documents, Dockerfiles, workflows, Terraform blocks). */
export function snapshotRepositoryFiles(resources, seed = 9) {
  // The repository of (a) holds 20,000 + 500 + 200 + 300 × 4 = 21,900 resources at scale 16.
  const perScale16 = FULL.k8sFiles * FULL.k8sDocsPerFile + FULL.dockerfiles + FULL.workflows + FULL.tfFiles * 4;
  return repositoryFiles((FULL_SCALE * resources) / perScale16, seed);
}

/** The emulated organisation (Resource Manager v3 lists by parent) that holds the fleet's projects. */
export const FLEET_ORGANISATION = 'organizations/424242';

/**
 * Estate (d), a fleet: `projects` spread over a folder tree under FLEET_ORGANISATION (a tenth directly
 * under it, the rest round-robin over 8 folders, every other one with a sub-folder), written as the
 * GCP emulator's `v3/projects.json` and `v3/folders.json`. Plus one project in a DELETE_REQUESTED state,
 * which listing must leave out. Returns the folders.
 */
export function writeProjectTree(dataDir, projects) {
  const folders = [];
  for (let i = 0; i < 8; i++) {
    folders.push({
      name: `folders/${1000 + i}`,
      parent: FLEET_ORGANISATION,
      displayName: `team-${i}`,
      state: 'ACTIVE',
    });
    if (i % 2 === 0)
      folders.push({
        name: `folders/${2000 + i}`,
        parent: `folders/${1000 + i}`,
        displayName: `team-${i}-prod`,
        state: 'ACTIVE',
      });
  }
  const direct = Math.ceil(projects.length / 10);
  const entries = projects.map((projectId, i) => ({
    name: `projects/${700000000 + i}`,
    projectId,
    parent: i < direct ? FLEET_ORGANISATION : folders[i % folders.length].name,
    state: 'ACTIVE',
    displayName: projectId,
  }));
  entries.push({
    name: 'projects/799999999',
    projectId: 'fleet-deleted-project',
    parent: folders[0].name,
    state: 'DELETE_REQUESTED',
    displayName: 'deleted',
  });
  mkdirSync(join(dataDir, 'v3'), { recursive: true });
  writeFileSync(join(dataDir, 'v3', 'projects.json'), JSON.stringify({ projects: entries }));
  writeFileSync(join(dataDir, 'v3', 'folders.json'), JSON.stringify({ folders }));
  return folders;
}
