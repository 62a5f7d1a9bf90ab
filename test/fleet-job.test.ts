/**
 * deploy/fleet/: the Indexed Job that scans a fleet in parallel. Its manifests are checked (Indexed, one
 * pod per shard plus the merge step, no retries of a failed gate, non-root and read-only like the CronJob),
 * and its own shell script is run, pod by pod at once, with JOB_COMPLETION_INDEX 0 … n as Kubernetes sets
 * it: the shards write their snapshots to a Cloud Storage bucket (the GCS emulator), the merge step waits
 * for them, merges and scans, and its reports in the bucket are byte for byte a single process's.
 */
import { spawn } from 'node:child_process';
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseConfig } from '@coditect-audit/core';
import { type GcpEmulator, startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { type GcsEmulator, startGcsEmulator } from '@coditect-audit/emulators/gcs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: the bench's estate generator is plain JavaScript
import { FLEET_ORGANISATION, projectIds, writeGcpOrganisation, writeProjectTree } from '../bench/estate.mjs';
import { bin, repoRoot, tempDir } from './support/cli.js';

const { parse, parseAllDocuments } = createRequire(join(repoRoot, 'packages/core/package.json'))(
  'yaml',
) as typeof import('yaml');

const fleetDir = join(repoRoot, 'deploy/fleet');
const read = (f: string) => readFileSync(join(fleetDir, f), 'utf8');
type Doc = { kind?: string; metadata?: { name?: string; namespace?: string }; [k: string]: unknown };
const docs = (f: string) => parseAllDocuments(read(f)).map((d) => d.toJSON() as Doc);

interface JobSpec {
  completionMode: string;
  completions: number;
  parallelism: number;
  backoffLimitPerIndex: number;
  podFailurePolicy: { rules: { action: string; onExitCodes: { values: number[] } }[] };
  template: {
    spec: {
      serviceAccountName: string;
      securityContext: Record<string, unknown>;
      containers: {
        name: string;
        command: string[];
        args: string[];
        env: { name: string; value?: string }[];
        securityContext: Record<string, unknown>;
      }[];
    };
  };
}
const job = () =>
  (docs('cronjob.yaml')[0] as unknown as { spec: { jobTemplate: { spec: JobSpec } } }).spec.jobTemplate.spec;

describe('deploy/fleet manifests', () => {
  it('is an Indexed Job of one pod per shard plus the merge step', () => {
    const spec = job();
    const c = spec.template.spec.containers[0]!;
    const shards = Number(c.env.find((e) => e.name === 'SHARDS')?.value);
    expect(spec.completionMode).toBe('Indexed');
    expect(spec.completions).toBe(shards + 1);
    expect(spec.parallelism).toBe(shards + 1);
    // A failed gate, an incomplete scan or a configuration error is an answer, not a fault to retry.
    expect(spec.podFailurePolicy.rules[0]).toMatchObject({ action: 'FailIndex', onExitCodes: { values: [1, 2, 3] } });
    expect(spec.template.spec.serviceAccountName).toBe('coditect-audit-fleet');
    expect(spec.template.spec.securityContext).toMatchObject({ runAsNonRoot: true });
    expect(c.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
  });

  it('applies every file, binds the read-only ClusterRole and holds a valid fleet configuration', () => {
    const k = parse(read('kustomization.yaml')) as { resources: string[]; patches: { patch: string }[] };
    const manifests = readdirSync(fleetDir).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml');
    expect([...k.resources].sort()).toEqual(manifests.sort());
    expect(k.patches[0]?.patch).toMatch(/iam\.gke\.io\/gcp-service-account: \S+@\S+\.iam\.gserviceaccount\.com/);
    const binding = docs('rbac.yaml').find((d) => d.kind === 'ClusterRoleBinding') as unknown as {
      roleRef: { name: string };
    };
    expect(binding.roleRef.name).toBe('coditect-audit-reader');
    const cm = docs('configmap.yaml')[0] as unknown as { data: Record<string, string> };
    const config = parseConfig(cm.data['coditect-audit.yaml']!, 'deploy/fleet/configmap.yaml');
    expect(config.environments.fleet?.layers?.gcp?.projects?.[0]).toMatch(/^(organizations|folders)\/\d+$/);
  });
});

describe('the Indexed Job, pod by pod', () => {
  const SHARDS = 3;
  const RECORDED_AT = '2025-12-01T07:00:00Z';
  let gcp: GcpEmulator;
  let gcs: GcsEmulator;
  let work: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    work = tempDir('fleet-job-');
    const ids = projectIds(30);
    writeGcpOrganisation(join(work, 'gcp'), join(repoRoot, 'fixtures/adr-001-staging/gcp'), ids);
    writeProjectTree(join(work, 'gcp'), ids);
    gcp = await startGcpEmulator({ dataDir: join(work, 'gcp'), now: () => new Date(RECORDED_AT) });
    gcs = await startGcsEmulator({ buckets: ['fleet-test-bucket'] });
    writeFileSync(
      join(work, 'coditect-audit.yaml'),
      `version: 1
environments:
  fleet:
    layers:
      files: false
      gcp:
        projects: [${FLEET_ORGANISATION}]
        services: [sqladmin, redis]
        locations: [us-central1]
        endpointOnly: true
`,
    );
    // The image's `coditect-audit` on the PATH: the built binary.
    writeFileSync(join(work, 'coditect-audit'), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
    chmodSync(join(work, 'coditect-audit'), 0o755);
    env = {
      PATH: `${work}:${process.env.PATH}`,
      SHARDS: String(SHARDS),
      FLEET_BUCKET: 'fleet-test-bucket',
      JOB_NAME: 'coditect-audit-fleet-29876543',
      MERGE_WAIT_SECONDS: '120',
      CONFIG: join(work, 'coditect-audit.yaml'),
      ENVIRONMENT: 'fleet',
      CI: 'true',
      NO_COLOR: '1',
      STORAGE_EMULATOR_HOST: gcs.url,
      CODITECT_AUDIT_GCP_ENDPOINT: gcp.url,
      SOURCE_DATE_EPOCH: String(Date.parse(RECORDED_AT) / 1000),
    };
  });

  afterAll(async () => {
    await gcp?.stop();
    await gcs?.stop();
  });

  function pod(index: number): Promise<{ code: number; stdout: string; stderr: string }> {
    const c = job().template.spec.containers[0]!;
    return new Promise((resolve, reject) => {
      const child = spawn(c.command[0]!, [...c.command.slice(1), ...c.args], {
        cwd: work,
        env: { ...process.env, ...env, JOB_COMPLETION_INDEX: String(index) },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
      child.on('error', reject);
      child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    });
  }

  it('collects the shards into the bucket, merges them and writes the reports there', async () => {
    // The merge step starts first: it waits for the shards.
    const merger = pod(SHARDS);
    const shards = await Promise.all(Array.from({ length: SHARDS }, (_, i) => pod(i)));
    for (const s of shards) expect(s.code, s.stderr).toBe(0);
    const merged = await merger;
    expect([0, 1], merged.stderr).toContain(merged.code);
    expect(merged.stdout).toContain('coditect-audit');
    const prefix = `fleet/${env.JOB_NAME}`;
    const objects = gcs.objects('fleet-test-bucket');
    const names = [...objects.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length + 1));
    expect(names.sort()).toEqual(
      [
        ...Array.from({ length: SHARDS }, (_, i) => `shard-${i + 1}.json`),
        'merged.json',
        'report/coditect-audit.html',
        'report/coditect-audit.json',
        'report/coditect-audit.md',
        'report/coditect-audit.sarif',
      ].sort(),
    );
    // Writes only to its bucket prefix, and never deletes.
    expect(gcs.requests.filter((r) => r.method !== 'GET' && r.method !== 'POST')).toEqual([]);

    // The same fleet collected by one process and reported locally: the same bytes.
    const out = join(work, 'single');
    const run = (args: string[]) =>
      new Promise<number>((resolve) => {
        // As the pods run it: --dir=/tmp, so the report names the config file the same way.
        const common = [`--config=${env.CONFIG}`, '--env=fleet', '--dir=/tmp', '--quiet'];
        const child = spawn(process.execPath, [bin, args[0]!, ...common, ...args.slice(1)], {
          env: { ...process.env, ...env },
        });
        child.on('close', (code) => resolve(code ?? -1));
      });
    expect(await run(['collect', '-o', join(work, 'single.json')])).toBe(0);
    const single = await run([
      'scan',
      `--snapshot=${join(work, 'single.json')}`,
      '--format=json,sarif,markdown,html',
      `--output-dir=${out}`,
    ]);
    expect(single).toBe(merged.code);
    for (const f of ['coditect-audit.json', 'coditect-audit.sarif', 'coditect-audit.md', 'coditect-audit.html'])
      expect(objects.get(`${prefix}/report/${f}`)?.data.toString('utf8'), f).toBe(readFileSync(join(out, f), 'utf8'));
  }, 240_000);
});
