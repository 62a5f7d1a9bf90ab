/**
 * The whole ADR-001 staging environment, as scripts/demo.mjs starts it, for tests that need every layer at
 * once: a temporary copy of fixtures/adr-001-staging whose `staging` environment also probes the real
 * services of scripts/services.sh, the Google Cloud and Kubernetes emulators replaying the copy's
 * recordings (so a test may change them first), and a kubeconfig naming the fixture's context.
 * The CLI must be spawned asynchronously (`runCliAsync`): this process serves the emulators.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { type GcpEmulator, startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { type K8sEmulator, startK8sEmulator, writeKubeconfig } from '@coditect-audit/emulators/k8s';
import { loadServices, type Services } from '../../packages/collectors/test/probe-services.js';
// @ts-expect-error: a plain ESM script without type declarations, imported as users run it
import { fixtureWithProbes, probeLayer } from '../../scripts/demo.mjs';
import { bin, type Run, repoRoot, tempDir } from './cli.js';

export interface Environment {
  /** The scanned copy of the fixture (its coditect-audit.yaml configures files, gcp, k8s and probe). */
  dir: string;
  services: Services;
  gcp: GcpEmulator;
  k8s: K8sEmulator;
  /** What the CLI needs besides the process environment: emulator endpoint, kubeconfig, probe passwords. */
  env: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * Starts the environment. `prepare` runs on the copy before the emulators read its recordings
 * (`gcp/`, `k8s/api/`): the place to plant canaries or change the recorded state.
 */
export async function startEnvironment(prepare?: (dir: string) => void): Promise<Environment> {
  const services = loadServices();
  const probe = probeLayer('staging', services) as { block: string; env: Record<string, string> };
  const dir = fixtureWithProbes(join(repoRoot, 'fixtures/adr-001-staging'), probe.block) as string;
  prepare?.(dir);
  const kubeDir = tempDir('coditect-audit-kube-');
  const gcp = await startGcpEmulator({ dataDir: join(dir, 'gcp') });
  const k8s = await startK8sEmulator({ dataDir: join(dir, 'k8s', 'api') });
  const kubeconfig = writeKubeconfig(join(kubeDir, 'kubeconfig'), [
    { context: 'adr-001-staging', url: k8s.url, namespace: 'coditect-staging' },
  ]);
  return {
    dir,
    services,
    gcp,
    k8s,
    env: { CODITECT_AUDIT_GCP_ENDPOINT: gcp.url, KUBECONFIG: kubeconfig, ...probe.env },
    async stop() {
      await Promise.all([gcp.stop(), k8s.stop()]);
      rmSync(dir, { recursive: true, force: true });
      rmSync(kubeDir, { recursive: true, force: true });
    },
  };
}

/** Runs the binary without blocking this process (which may serve emulators); `env` adds to a clean base. */
export function runCliAsync(
  args: string[],
  opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const { CODITECT_AUDIT_GCP_ENDPOINT: _gcp, KUBECONFIG: _kc, ...base } = process.env;
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: opts.cwd ?? repoRoot,
      env: { ...base, NO_COLOR: '1', ...opts.env },
    });
    // Only reaps a child that hangs; the test's own timeout is the deadline, so this is far above it.
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
    });
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}
