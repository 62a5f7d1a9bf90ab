/**
 * `coditect-audit doctor`, run in-process, against the GCP and Kubernetes emulators replaying the
 * staging fixture and against a probe port nobody listens on: every layer OK → exit 0; a denied RBAC list,
 * a missing IAM permission, a disabled API, an unset password variable and a closed port → exit 2 with the
 * exact fix; no credentials → exit 2. Doctor never sends a mutating request. Also `--debug`: API calls are
 * logged with method, path, status and duration, and no Secret value or token reaches stderr.
 */
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { type GcpEmulator, startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { type K8sEmulator, startK8sEmulator, writeKubeconfig } from '@coditect-audit/emulators/k8s';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot, type Run, runInProcess, tempDir } from './support/cli.js';

const staging = join(repoRoot, 'fixtures/adr-001-staging');
const K8S_CANARY = 'cnry-k8s-5f0d3b7a91e24c68-do-not-leak';
const PASSWORD_CANARY = 'cnry-doctor-redis-auth-3e9b1c77';

/** Runs the command in-process, without the caller's emulator endpoint, kubeconfig or CI. */
function cli(args: string[], env: Record<string, string | undefined>): Promise<Run> {
  return runInProcess(args, {
    env: { CODITECT_AUDIT_GCP_ENDPOINT: undefined, KUBECONFIG: undefined, CI: undefined, ...env },
  });
}

/** A port that was free a moment ago and that nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

let gcp: GcpEmulator;
let k8s: K8sEmulator;
let env: Record<string, string>;
let work: string;

/** A config for the staging fixture with all three live layers; the probe reaches `redisPort`. */
function config(redisPort: number): string {
  const file = join(work, 'doctor.yaml');
  writeFileSync(
    file,
    `version: 1
environments:
  staging:
    layers:
      files: true
      k8s:
        context: adr-001-staging
        namespaces: [coditect-staging]
      gcp:
        projects: [coditect-cloud-infra]
        locations: [us-central1]
        endpointOnly: true
        # The staging recording's Service Usage list has no identitytoolkit.googleapis.com (doctor would
        # rightly flag it), so these checks leave Identity Platform out.
        services: [sqladmin, redis, cloudkms, secretmanager, artifactregistry, serviceusage, container, monitoring, compute, cloudresourcemanager, iam]
      probe:
        timeoutMs: 2000
        redis:
          host: 127.0.0.1
          port: ${redisPort}
          tls: false
          passwordEnv: DOCTOR_REDIS_PASSWORD
`,
  );
  return file;
}

const doctor = (file: string, extra: Record<string, string | undefined> = {}) =>
  cli(['doctor', '--dir', staging, '--config', file, '--env', 'staging'], { ...env, ...extra });

beforeEach(async () => {
  gcp = await startGcpEmulator({ dataDir: join(staging, 'gcp') });
  k8s = await startK8sEmulator({ dataDir: join(staging, 'k8s/api') });
  work = tempDir();
  const kubeconfig = writeKubeconfig(join(work, 'kubeconfig'), [{ context: 'adr-001-staging', url: k8s.url }]);
  env = { CODITECT_AUDIT_GCP_ENDPOINT: gcp.url, KUBECONFIG: kubeconfig, DOCTOR_REDIS_PASSWORD: PASSWORD_CANARY };
});

afterEach(async () => {
  await gcp.stop();
  await k8s.stop();
});

describe('doctor', () => {
  it('passes every layer that can be scanned, with read-only calls only', async () => {
    // The GCP emulator's own port stands in for a reachable service.
    const run = await doctor(config(Number(new URL(gcp.url).port)));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gcp: can be scanned');
    expect(run.stdout).toContain('k8s: can be scanned');
    expect(run.stdout).toContain('probe: can be scanned');
    expect(run.stdout).toMatch(/ok {3}permissions +IAM permissions on coditect-cloud-infra: all \d+ permissions/);
    expect(run.stdout).toMatch(/ok {3}permissions +RBAC \(SelfSubjectAccessReview\): all \d+ accesses/);
    expect(run.stdout).toContain('DOCTOR_REDIS_PASSWORD is set');
    expect(run.stdout).not.toContain(PASSWORD_CANARY);
    expect(gcp.server.mutatingRequests()).toEqual([]);
    expect(k8s.server.mutatingRequests()).toEqual([]);
    // It asked: one review per namespace/resource of deploy/rbac.yaml, and one permission test.
    expect(k8s.requests().filter((r) => r.path.endsWith('/selfsubjectaccessreviews')).length).toBeGreaterThan(10);
    expect(gcp.server.requests.some((r) => r.path.endsWith(':testIamPermissions'))).toBe(true);
  });

  it('names the denied RBAC access and the missing IAM permission, with the fix, and exits 2', async () => {
    k8s.forbid({ resource: 'secrets', namespace: 'coditect-staging' });
    gcp.denyPermissions(['cloudsql.instances.list', 'cloudkms.cryptoKeys.getIamPolicy']);
    const run = await doctor(config(Number(new URL(gcp.url).port)));
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('k8s: CANNOT be fully scanned (1 failed check)');
    expect(run.stdout).toContain('FAIL permissions list secrets in coditect-staging: not allowed');
    expect(run.stdout).toContain(
      'fix: apply the read-only ClusterRole and binding: `kubectl apply -f deploy/rbac.yaml`',
    );
    expect(run.stdout).toContain('FAIL permissions cloudsql.instances.list on coditect-cloud-infra: not held');
    expect(run.stdout).toContain('--role=roles/cloudsql.viewer');
    expect(run.stdout).toContain('cloudkms.cryptoKeys.getIamPolicy on coditect-cloud-infra');
    expect(run.stdout).toContain('probe: can be scanned');
  });

  it('says which API to enable when one is disabled, or when Service Usage itself is', async () => {
    gcp.server.inject({
      path: '/v1/projects/coditect-cloud-infra/services',
      fault: {
        kind: 'status',
        status: 200,
        body: {
          services: [{ name: 'projects/1/services/redis.googleapis.com', config: { name: 'redis.googleapis.com' } }],
        },
      },
      times: 1,
    });
    const partly = await doctor(config(Number(new URL(gcp.url).port)));
    expect(partly.code).toBe(2);
    expect(partly.stdout).toContain('FAIL apis        sqladmin.googleapis.com in coditect-cloud-infra: not enabled');
    expect(partly.stdout).toContain('gcloud services enable sqladmin.googleapis.com --project=coditect-cloud-infra');
    expect(partly.stdout).not.toContain('redis.googleapis.com in coditect-cloud-infra');

    gcp.server.inject({
      path: '/v1/projects/coditect-cloud-infra/services',
      fault: {
        kind: 'status',
        status: 403,
        body: {
          error: {
            code: 403,
            status: 'PERMISSION_DENIED',
            message: 'Service Usage API has not been used in project coditect-cloud-infra before or it is disabled.',
            details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'SERVICE_DISABLED' }],
          },
        },
      },
    });
    const disabled = await doctor(config(Number(new URL(gcp.url).port)));
    expect(disabled.code).toBe(2);
    expect(disabled.stdout).toContain(
      'serviceusage.googleapis.com in coditect-cloud-infra: Service Usage is not enabled',
    );
    expect(disabled.stdout).toContain(
      'gcloud services enable serviceusage.googleapis.com --project=coditect-cloud-infra',
    );
  });

  it('reports an unreachable probe port and an unset password variable', async () => {
    const port = await closedPort();
    const run = await doctor(config(port), { DOCTOR_REDIS_PASSWORD: undefined });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('probe: CANNOT be fully scanned (2 failed checks)');
    expect(run.stdout).toContain(`FAIL reachable   redis 127.0.0.1:${port}: no TCP connection: ECONNREFUSED`);
    expect(run.stdout).toContain('DOCTOR_REDIS_PASSWORD is not set');
    expect(run.stdout).toContain('fix: export DOCTOR_REDIS_PASSWORD=...');
    expect(run.stdout).toContain('gcp: can be scanned');
  });

  it('fails the k8s and gcp layers without credentials or endpoint', async () => {
    const run = await doctor(config(Number(new URL(gcp.url).port)), {
      KUBECONFIG: join(work, 'no-such-kubeconfig'),
      CODITECT_AUDIT_GCP_ENDPOINT: undefined,
    });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('FAIL credentials Kubernetes credentials: kubeconfig');
    expect(run.stdout).toContain('FAIL credentials endpoint: layers.gcp.endpointOnly is set and no endpoint is given');
    expect(run.stdout).toContain('fix: set CODITECT_AUDIT_GCP_ENDPOINT');
  });

  it('reports a layer that is not configured without failing', async () => {
    const file = join(work, 'files-only.yaml');
    writeFileSync(file, 'version: 1\nenvironments:\n  staging:\n    layers:\n      files: true\n');
    const run = await doctor(file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('gcp: not configured');
    expect(run.stdout).toContain('No live layer is configured');
  });
});

describe('--debug', () => {
  it('logs every API call with method, path, status and duration, and never a secret', async () => {
    const out = tempDir();
    const run = await cli(
      [
        'scan',
        '--dir',
        staging,
        '--env',
        'staging',
        '--layers',
        'gcp,k8s',
        '--debug',
        '--format',
        'json',
        '--output-dir',
        out,
      ],
      env,
    );
    expect([0, 1, 2]).toContain(run.code);
    expect(run.stderr).toMatch(/\[debug\] k8s: GET \/api\/v1\/namespaces\/coditect-staging\/secrets → 200 in \d+ ms/);
    expect(run.stderr).toMatch(
      /\[debug\] gcp: GET 127\.0\.0\.1:\d+\/v1\/projects\/coditect-cloud-infra\/instances → 200 in \d+ ms/,
    );
    expect(run.stderr).toMatch(/\[info\] k8s: secrets \d+ listed/);
    expect(run.stderr).toMatch(/\[info\] gcp: Cloud SQL read; \d+\/\d+ calls/);
    for (const secret of [
      K8S_CANARY,
      Buffer.from(K8S_CANARY).toString('base64'),
      'emulator-token-not-a-secret',
      'Bearer',
      'CANARY',
    ])
      expect(run.stderr).not.toContain(secret);
  });

  it('--verbose logs what each layer does but not the API calls', async () => {
    const run = await cli(
      [
        'collect',
        '--dir',
        staging,
        '--env',
        'staging',
        '--layers',
        'k8s',
        '--verbose',
        '-o',
        join(tempDir(), 's.json'),
      ],
      env,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/\[info\] k8s: reading http:\/\/127\.0\.0\.1:\d+ with kubeconfig/);
    expect(run.stderr).not.toContain('[debug]');
  });
});
