/**
 * `deploy/`: the in-cluster CronJob, its configuration and the read-only RBAC. The manifests pass the
 * scanner's own P0 and P1 rules (the self scan with the root coditect-audit.yaml), the ConfigMap holds a
 * valid configuration for in-cluster use, the kustomization applies every file, and the ServiceAccount is
 * declared once (rbac.yaml) with the Workload Identity annotation patched on.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseConfig, type ScanResult } from '@coditect-audit/core';
import { startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { startGcsEmulator } from '@coditect-audit/emulators/gcs';
import { startK8sEmulator, writeKubeconfig } from '@coditect-audit/emulators/k8s';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Run, repoRoot, runCli, tempDir } from './support/cli.js';
import { runCliAsync } from './support/environment.js';
import { idOf, type Manifest, renderKustomization } from './support/kustomize.js';
import { rbacText } from '../packages/cli/src/commands/rbac.js';

// The YAML parser the core package itself uses.
const { parse, parseAllDocuments } = createRequire(join(repoRoot, 'packages/core/package.json'))(
  'yaml',
) as typeof import('yaml');

const deploy = join(repoRoot, 'deploy');
const read = (f: string) => readFileSync(join(deploy, f), 'utf8');
type Doc = { kind?: string; metadata?: { name?: string; namespace?: string }; [k: string]: unknown };
const docs = (f: string) => parseAllDocuments(read(f)).map((d) => d.toJSON() as Doc);
const staging = join(repoRoot, 'fixtures/adr-001-staging');
const remediated = join(repoRoot, 'fixtures/adr-001-remediated');
/** The base as `kubectl apply -k deploy/` would send it. */
const rendered = renderKustomization(deploy);
const CANARY = 'cnry-upload-7d2e9f41b8c36a05-do-not-leak';
const inClusterNamespaces = (() => {
  const [cm] = docs('configmap.yaml');
  const config = parseConfig((cm as { data: Record<string, string> }).data['coditect-audit.yaml']!, 'configmap');
  const k8s = config.environments['in-cluster']?.layers?.k8s;
  return typeof k8s === 'object' && k8s.namespaces ? [...k8s.namespaces] : [];
})();

describe('deploy/', () => {
  let result: ScanResult;
  beforeAll(() => {
    const out = tempDir();
    const run = runCli(['scan', '--env', 'self', '--fail-on', 'P1', '--format', 'json', '--output-dir', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
  });

  it('passes the P0 and P1 rules of the self scan', () => {
    const ofDeploy = result.verdicts.filter((v) =>
      (v.location?.file ?? v.resource.file ?? v.resource.id).startsWith('deploy/'),
    );
    expect(ofDeploy.filter((v) => v.status === 'fail' || v.status === 'error')).toEqual([]);
    const passed = (rule: string) =>
      ofDeploy.some(
        (v) => v.ruleId === rule && v.status === 'pass' && v.resource.id.startsWith('deploy/cronjob.yaml#CronJob/'),
      );
    for (const rule of ['container.runs-as-root', 'container.privilege-escalation', 'image.mutable-tag'])
      expect(passed(rule), rule).toBe(true);
  });

  it('runs the CronJob non-root, read-only, without privileges, with resources', () => {
    const [job] = docs('cronjob.yaml');
    const pod = (job as { spec: { jobTemplate: { spec: { template: { spec: Record<string, unknown> } } } } }).spec
      .jobTemplate.spec.template.spec as {
      serviceAccountName: string;
      securityContext: Record<string, unknown>;
      containers: {
        image: string;
        args: string[];
        securityContext: Record<string, unknown>;
        resources: { requests: object; limits: object };
      }[];
    };
    expect(pod.serviceAccountName).toBe('coditect-audit');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    const [c] = pod.containers;
    expect(c!.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(Object.keys(c!.resources.requests).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(c!.resources.limits).sort()).toEqual(['cpu', 'memory']);
    expect(c!.image).toMatch(/^ghcr\.io\/coditect-ai\/coditect-audit:\d+\.\d+\.\d+$/);
    // The user matches the image's USER.
    const dockerUser = /^USER\s+(\d+)/m.exec(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'))?.[1];
    expect(String(pod.securityContext.runAsUser)).toBe(dockerUser);
    expect(c!.args).toContain('--env=in-cluster');
    expect(c!.args).toContain('--config=/etc/coditect-audit/coditect-audit.yaml');
  });

  it('holds a valid in-cluster configuration in the ConfigMap', () => {
    const [cm] = docs('configmap.yaml');
    const text = (cm as { data: Record<string, string> }).data['coditect-audit.yaml']!;
    const config = parseConfig(text, 'deploy/configmap.yaml');
    const env = config.environments['in-cluster']!;
    expect(env.layers?.files).toBe(false);
    // No kubeconfig or context: the collector falls back to the pod's service account.
    expect(env.layers?.k8s).toBeDefined();
    expect(env.layers?.k8s).not.toHaveProperty('kubeconfig');
    expect(env.layers?.k8s).not.toHaveProperty('context');
    // No endpoint: Google Cloud through Application Default Credentials (Workload Identity).
    expect(env.layers?.gcp).not.toHaveProperty('endpoint');
    expect(env.layers?.gcp).not.toHaveProperty('endpointOnly');
  });

  it('applies every file through the kustomization and declares the ServiceAccount once, with Workload Identity', () => {
    const k = parse(read('kustomization.yaml')) as {
      resources: string[];
      patches: { target: { kind: string; name: string }; patch: string }[];
    };
    const manifests = readdirSync(deploy).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml');
    expect([...k.resources].sort()).toEqual(manifests.sort());
    const accounts = rendered.filter((d) => d.kind === 'ServiceAccount');
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.metadata).toMatchObject({ name: 'coditect-audit', namespace: 'coditect-audit' });
    expect(accounts[0]!.metadata.annotations?.['iam.gke.io/gcp-service-account']).toMatch(
      /^\S+@\S+\.iam\.gserviceaccount\.com$/,
    );
    // The scanner's own objects live in its namespace; only the Secret readers are in the scanned ones.
    for (const d of rendered)
      if (!['ClusterRole', 'ClusterRoleBinding', 'Namespace', 'Role', 'RoleBinding'].includes(d.kind))
        expect(d.metadata.namespace, idOf(d)).toBe('coditect-audit');
  });

  it('renders to objects the Kubernetes API schemas accept', async () => {
    expect(rendered.map((d) => d.kind).sort()).toEqual(
      [
        'ClusterRole',
        'ClusterRoleBinding',
        'ConfigMap',
        'CronJob',
        'Namespace',
        ...inClusterNamespaces.flatMap(() => ['Role', 'RoleBinding']),
        'ServiceAccount',
      ].sort(),
    );
    for (const d of rendered) {
      // kubernetes-models: one class per kind, generated from the Kubernetes OpenAPI schemas, validating
      // with ajv. apiVersion `v1` lives at `v1/`, `batch/v1` at `batch/v1/`.
      const mod = (await import(`kubernetes-models/${d.apiVersion}/${d.kind}`)) as Record<
        string,
        new (
          o: unknown,
        ) => { validate(): void }
      >;
      const Model = mod[d.kind]!;
      expect(() => new Model(d).validate(), idOf(d)).not.toThrow();
    }
    // The schemas do catch a wrong manifest (a number where Kubernetes wants a string).
    const { CronJob } = await import('kubernetes-models/batch/v1/CronJob');
    const cronJob = structuredClone(rendered.find((d) => d.kind === 'CronJob')!);
    (cronJob.spec as { schedule: unknown }).schedule = 6;
    expect(() => new CronJob(cronJob as never).validate()).toThrow(/schedule/);
  });

  it('renders as kubectl kustomize does, where kubectl is installed', (ctx) => {
    const kubectl = spawnSync('kubectl', ['kustomize', deploy], { encoding: 'utf8' });
    if (kubectl.error || kubectl.status !== 0) return ctx.skip();
    const theirs = parseAllDocuments(kubectl.stdout).map((d) => d.toJS() as Manifest);
    const byId = (list: Manifest[]) => Object.fromEntries(list.map((m) => [idOf(m), m]));
    expect(byId(rendered)).toEqual(byId(theirs));
  });
});

describe('deploy/rbac.yaml: Secrets only where the scan looks', () => {
  const roleRules = (kind: string, ns?: string) =>
    rendered
      .filter((d) => d.kind === kind && d.metadata.namespace === ns)
      .flatMap((d) => (d as unknown as { rules: { resources?: string[]; verbs: string[] }[] }).rules);

  it('grants no Secret cluster-wide, and lists Secrets in each scanned namespace through a Role', () => {
    const cluster = roleRules('ClusterRole');
    expect(cluster.flatMap((r) => r.resources ?? [])).not.toContain('secrets');
    expect(cluster.flatMap((r) => r.verbs).every((v) => v === 'list' || v === 'get')).toBe(true);
    expect(inClusterNamespaces).toEqual(['coditect-staging']);
    for (const ns of inClusterNamespaces) {
      expect(roleRules('Role', ns)).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }]);
      const binding = rendered.find((d) => d.kind === 'RoleBinding' && d.metadata.namespace === ns) as unknown as {
        roleRef: { kind: string; name: string };
        subjects: { kind: string; name: string; namespace: string }[];
      };
      expect(binding.roleRef).toMatchObject({ kind: 'Role', name: 'coditect-audit-secrets-reader' });
      expect(binding.subjects).toEqual([
        { kind: 'ServiceAccount', name: 'coditect-audit', namespace: 'coditect-audit' },
      ]);
    }
    expect(rendered.filter((d) => d.kind === 'Role').map((d) => d.metadata.namespace)).toEqual(inClusterNamespaces);
  });
});

describe('coditect-audit rbac', () => {
  it('renders the RBAC of an environment from its layers.k8s.namespaces, or from --namespaces', async () => {
    const dir = tempDir();
    const [cm] = docs('configmap.yaml');
    writeFileSync(
      join(dir, 'coditect-audit.yaml'),
      (cm as { data: Record<string, string> }).data['coditect-audit.yaml']!,
    );
    const fromConfig = parseAllDocuments(await rbacText({ dir, env: 'in-cluster' })).map((d) => d.toJS() as Manifest);
    const deployed = parseAllDocuments(read('rbac.yaml')).map((d) => d.toJS() as Manifest);
    // The same objects as deploy/rbac.yaml, which `pnpm docs` generates from the same configuration.
    expect(fromConfig).toEqual(deployed);
    const two = parseAllDocuments(await rbacText({ namespaces: 'shop, billing' })).map((d) => d.toJS() as Manifest);
    expect(two.filter((d) => d.kind === 'Role').map((d) => d.metadata.namespace)).toEqual(['billing', 'shop']);
    await expect(rbacText({ namespaces: 'Bad Name' })).rejects.toThrow(/not a Kubernetes namespace/);
    writeFileSync(join(dir, 'coditect-audit.yaml'), 'version: 1\nenvironments:\n  all:\n    layers:\n      k8s: {}\n');
    await expect(rbacText({ dir, env: 'all' })).rejects.toThrow(/no layers\.k8s\.namespaces/);
  });
});

describe('the CronJob, run against the emulators', () => {
  /** The container's args, with its mounts mapped to local folders (config file, /tmp). */
  function cronJobCommand(configFile: string, tmp: string): string[] {
    const job = rendered.find((d) => d.kind === 'CronJob') as unknown as {
      spec: { jobTemplate: { spec: { template: { spec: { containers: { args: string[] }[] } } } } };
    };
    return job.spec.jobTemplate.spec.template.spec.containers[0]!.args.map((a) =>
      a.startsWith('--config=/etc/coditect-audit/')
        ? `--config=${configFile}`
        : a.replace(/^(--dir|--output-dir)=\/tmp(?=\/|$)/, `$1=${tmp}`),
    );
  }

  it('uploads every report and the redacted snapshot to the bucket, with latest.json pointing at them', async () => {
    const work = tempDir('coditect-audit-cronjob-');
    const configFile = join(work, 'coditect-audit.yaml');
    const [cm] = docs('configmap.yaml');
    writeFileSync(configFile, (cm as { data: Record<string, string> }).data['coditect-audit.yaml']!);
    const args = cronJobCommand(configFile, join(work, 'tmp'));
    const upload = /^--upload=gs:\/\/([^/]+)\/(.+)$/.exec(args.find((a) => a.startsWith('--upload='))!)!;
    const [, bucketName, prefix] = upload;
    mkdirSync(join(work, 'tmp'));

    const gcp = await startGcpEmulator({ dataDir: join(staging, 'gcp') });
    const k8s = await startK8sEmulator({ dataDir: stagingApiWithCanary(work) });
    const gcs = await startGcsEmulator({ buckets: [bucketName!] });
    const kubeconfig = writeKubeconfig(join(work, 'kubeconfig'), [
      { context: 'adr-001-staging', url: k8s.url, namespace: 'coditect-staging' },
    ]);
    let run: Run;
    try {
      run = await runCliAsync(args, {
        cwd: work,
        env: { CODITECT_AUDIT_GCP_ENDPOINT: gcp.url, KUBECONFIG: kubeconfig, STORAGE_EMULATOR_HOST: gcs.url },
        timeoutMs: 90_000,
      });
    } finally {
      await Promise.all([gcp.stop(), k8s.stop()]);
    }
    try {
      // The staging environment fails its gate: the reports are uploaded all the same.
      expect(run.code, run.stderr).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(`reports uploaded to gs://${bucketName}/${prefix}/in-cluster/\\d{8}T\\d{6}Z/`),
      );
      const objects = gcs.objects(bucketName!);
      const latest = JSON.parse(objects.get(`${prefix}/in-cluster/latest.json`)!.data.toString('utf8')) as {
        folder: string;
        gate: string;
        objects: string[];
      };
      expect(latest.gate).toBe('failed');
      expect(latest.folder).toMatch(new RegExp(`^${prefix}/in-cluster/\\d{8}T\\d{6}Z/$`));
      const files = [...objects.keys()]
        .filter((n) => n.startsWith(latest.folder))
        .map((n) => n.slice(latest.folder.length));
      expect(files.sort()).toEqual(
        [
          'coditect-audit.html',
          'coditect-audit.json',
          'coditect-audit.junit.xml',
          'coditect-audit.md',
          'coditect-audit.sarif',
          'snapshot.json',
        ].sort(),
      );
      expect(latest.objects.sort()).toEqual(files.map((f) => latest.folder + f).sort());
      // latest.json is written last: whoever follows it finds every report.
      const order = gcs.requests.filter((r) => r.method === 'POST').map((r) => r.query);
      expect(order.at(-1)).toContain('latest.json');
      expect(objects.get(`${latest.folder}coditect-audit.sarif`)!.contentType).toBe('application/sarif+json');

      // Read back as the README says, through the official client: the JSON report and the snapshot.
      const { Storage } = (await import(
        pathToFileURL(createRequire(join(repoRoot, 'packages/cli/package.json')).resolve('@google-cloud/storage')).href
      )) as typeof import('@google-cloud/storage');
      const bucket = new Storage({ apiEndpoint: gcs.url, projectId: 'test' }).bucket(bucketName!);
      const [report] = await bucket.file(`${latest.folder}coditect-audit.json`).download();
      const result = JSON.parse(report.toString('utf8')) as ScanResult;
      expect(result.environment.name).toBe('in-cluster');
      expect(result.layers.k8s).toEqual({ status: 'collected' });
      expect(result.layers.gcp?.status).toBe('collected');
      const [snapshotText] = await bucket.file(`${latest.folder}snapshot.json`).download();
      const snapshot = JSON.parse(snapshotText.toString('utf8')) as { facets: Record<string, unknown> };
      expect(Object.keys(snapshot.facets)).toContain('k8s.secrets');
      // Redacted: the key of the planted Secret value is there, the value in nothing uploaded.
      expect(snapshotText.toString('utf8')).toContain('api-token');
      for (const [name, o] of objects) expect(o.data.toString('utf8'), name).not.toContain(CANARY);
      expect(run.stdout + run.stderr).not.toContain(CANARY);
      // Written with no credentials (the emulator), and nothing but uploads was written.
      expect(
        gcs.requests.every((r) => (r.method === 'POST' && r.path.startsWith('/upload/')) || r.method === 'GET'),
      ).toBe(true);
    } finally {
      await gcs.stop();
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);

  it('says so and leaves latest.json alone when the bucket refuses the upload (exit 2 on a passing gate)', async () => {
    const work = tempDir('coditect-audit-upload-');
    const gcs = await startGcsEmulator({ buckets: ['results'] });
    gcs.fail('/upload/', 403);
    try {
      const run = await runCliAsync(
        [
          'scan',
          '--dir',
          remediated,
          '--env',
          'staging',
          '--layers',
          'files',
          '--format',
          'json',
          '--output-dir',
          join(work, 'r'),
          '--upload',
          'gs://results/ci',
        ],
        { env: { STORAGE_EMULATOR_HOST: gcs.url } },
      );
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toMatch(/coditect-audit: upload to gs:\/\/results\/ci\/staging\/\d{8}T\d{6}Z\/ failed: 403/);
      expect(gcs.objects('results').size).toBe(0);
      const bad = await runCliAsync(['scan', '--dir', remediated, '--upload', 's3://results/ci'], { env: {} });
      expect(bad.code).toBe(3);
      expect(bad.stderr).toContain('give a Cloud Storage URL, gs://BUCKET or gs://BUCKET/PREFIX');
    } finally {
      await gcs.stop();
      rmSync(work, { recursive: true, force: true });
    }
  }, 120_000);
});

/** The staging cluster's recordings with a canary value planted in the app's Secret. */
function stagingApiWithCanary(dir: string): string {
  const api = join(dir, 'k8s-api');
  cpSync(join(staging, 'k8s/api'), api, { recursive: true });
  const secrets = JSON.parse(readFileSync(join(api, 'secrets.json'), 'utf8')) as {
    items: { data?: Record<string, string> }[];
  };
  secrets.items[0]!.data = { ...secrets.items[0]!.data, 'api-token': Buffer.from(CANARY).toString('base64') };
  writeFileSync(join(api, 'secrets.json'), JSON.stringify(secrets));
  return api;
}
