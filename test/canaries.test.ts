/**
 * Secret canaries across the whole environment at once: files, the Google Cloud and Kubernetes emulators
 * and the real probe services, on a copy of fixtures/adr-001-staging with a unique canary planted in each
 * place a secret lives: Kubernetes Secret data, an OpenTofu state attribute the provider marks sensitive,
 * Identity Platform's API key, hash signer key and IdP client secret, the probe's PostgreSQL password (the
 * real one: the scan must log in with it) and an unrelated environment variable. Every report format, the
 * snapshot, stdout and stderr (with --debug and --verbose) hold none of them, raw or base64.
 * Each place is proved read (its key, resource or facet is in the snapshot), so the test cannot pass by
 * never looking.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '@coditect-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Run, repoRoot, tempDir } from './support/cli.js';
import { type Environment, runCliAsync, startEnvironment } from './support/environment.js';

const CANARIES = {
  k8sSecret: 'cnry-k8s-secret-data-41d7e09a6b3c',
  tfstate: 'cnry-tfstate-client-key-8a2f5c19d0e4',
  identityApiKey: 'AIzaSy-cnry-identity-api-key-3b9e71f0c2',
  identityClientSecret: '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8e1',
  identitySignerKey: 'cnry-identity-signer-key-95c3b2e7f1a0',
  unrelatedEnv: 'cnry-unrelated-env-var-0f6b4d2a9c81',
};
const SECRET_KEY = 'canary-token';
const TF_ADDRESS = 'google_container_cluster.primary';
const PROJECT_DIR = join('gcp', 'v2', 'projects', 'coditect-cloud-infra');

function editJson(file: string, edit: (value: Record<string, unknown>) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}

/** Plants every file-borne canary in the copy before the emulators read it. */
function plant(dir: string): void {
  editJson(join(dir, 'k8s/api/secrets.json'), (list) => {
    const secret = (list.items as { metadata: { name: string }; data: Record<string, string> }[]).find(
      (s) => s.metadata.name === 'backend-secrets',
    );
    if (!secret) throw new Error('the fixture has no backend-secrets recording: update this test');
    secret.data[SECRET_KEY] = Buffer.from(CANARIES.k8sSecret).toString('base64');
  });
  editJson(join(dir, 'opentofu/environments/staging/terraform.tfstate'), (state) => {
    const cluster = (state.resources as { type: string; instances: { attributes: Record<string, unknown> }[] }[]).find(
      (r) => r.type === 'google_container_cluster',
    );
    const auth = (cluster?.instances[0]?.attributes.master_auth as Record<string, unknown>[] | undefined)?.[0];
    if (!auth) throw new Error('the fixture state has no master_auth: update this test');
    auth.client_key = CANARIES.tfstate;
  });
  // Staging never enabled Identity Platform; the remediated recordings give the shapes that hold secrets.
  const remediated = join(repoRoot, 'fixtures/adr-001-remediated', PROJECT_DIR);
  const config = JSON.parse(readFileSync(join(remediated, 'config.json'), 'utf8')) as {
    signIn: { hashConfig: { signerKey: string } };
    client: { apiKey: string };
  };
  config.signIn.hashConfig.signerKey = CANARIES.identitySignerKey;
  config.client.apiKey = CANARIES.identityApiKey;
  writeFileSync(join(dir, PROJECT_DIR, 'config.json'), JSON.stringify(config));
  const idps = JSON.parse(readFileSync(join(remediated, 'defaultSupportedIdpConfigs.json'), 'utf8')) as {
    defaultSupportedIdpConfigs: { clientSecret: string }[];
  };
  for (const idp of idps.defaultSupportedIdpConfigs) idp.clientSecret = CANARIES.identityClientSecret;
  writeFileSync(join(dir, PROJECT_DIR, 'defaultSupportedIdpConfigs.json'), JSON.stringify(idps));
}

describe('secret canaries through the whole environment', () => {
  let environment: Environment;
  let out: string;
  let runs: Record<string, Run>;
  let snapshotText: string;
  let result: ScanResult;

  beforeAll(async () => {
    environment = await startEnvironment(plant);
    out = tempDir('coditect-audit-canaries-');
    const env = { ...environment.env, CODITECT_AUDIT_UNRELATED_CANARY: CANARIES.unrelatedEnv };
    // The environment's config (with the probes' credentials) is written by the test harness: trusted on purpose.
    const base = ['--dir', environment.dir, '--env', 'staging', '--trust-repo-config'];
    const formats = 'console,sarif,junit,markdown,json,html';
    const [debugScan, verboseScan, collectFile, collectStdout] = await Promise.all([
      runCliAsync(['scan', ...base, '--format', formats, '--output-dir', join(out, 'debug'), '--debug'], { env }),
      runCliAsync(['scan', ...base, '--format', formats, '--output-dir', join(out, 'verbose'), '--verbose'], { env }),
      runCliAsync(['collect', ...base, '-o', join(out, 'snapshot.json'), '--debug', '--verbose'], { env }),
      runCliAsync(['collect', ...base, '-o', '-', '--quiet'], { env }),
    ]);
    runs = {
      debugScan: debugScan!,
      verboseScan: verboseScan!,
      collectFile: collectFile!,
      collectStdout: collectStdout!,
    };
    snapshotText = readFileSync(join(out, 'snapshot.json'), 'utf8');
    result = JSON.parse(readFileSync(join(out, 'debug', 'coditect-audit.json'), 'utf8')) as ScanResult;
  }, 90_000);

  afterAll(async () => {
    await environment?.stop();
  });

  it('scanned every layer and read every planted place', () => {
    for (const layer of ['files', 'gcp', 'k8s', 'probe'])
      expect(result.layers[layer as keyof ScanResult['layers']], layer).toEqual({ status: 'collected' });
    expect(runs.collectFile!.code, runs.collectFile!.stderr).toBe(0);
    const snapshot = JSON.parse(snapshotText) as { facets: Record<string, { status: string; data?: unknown }> };
    expect(runs.collectStdout!.code, runs.collectStdout!.stderr).toBe(0);
    const stdoutSnapshot = JSON.parse(runs.collectStdout!.stdout) as typeof snapshot;
    expect(Object.keys(stdoutSnapshot.facets).sort()).toEqual(Object.keys(snapshot.facets).sort());
    const facetText = (name: string) => JSON.stringify(snapshot.facets[name]);
    expect(facetText('k8s.secrets')).toContain(SECRET_KEY);
    expect(facetText('files.tfstate')).toContain(TF_ADDRESS);
    const identity = Object.keys(snapshot.facets).filter((k) => k.startsWith('gcp.identity'));
    expect(identity.length).toBeGreaterThan(0);
    for (const name of identity) expect(snapshot.facets[name]?.status, name).toBe('ok');
    expect(identity.map(facetText).join('')).toContain('google.com');
    // The probe logged in with the planted password: it judged the role it logged in as.
    const superuser = result.verdicts.filter((v) => v.ruleId === 'probe-postgres-superuser');
    expect(superuser.map((v) => v.status)).toContain('fail');
    expect(runs.debugScan!.stderr).toMatch(/identitytoolkit/i);
  });

  it('no canary, raw or base64, in any report, the snapshot, stdout or stderr', () => {
    const reports = ['debug', 'verbose'].flatMap((d) =>
      readdirSync(join(out, d)).map((f) => ({ name: `${d}/${f}`, text: readFileSync(join(out, d, f), 'utf8') })),
    );
    expect(reports.length).toBeGreaterThanOrEqual(10);
    const texts = [
      ...reports,
      { name: 'snapshot.json', text: snapshotText },
      ...Object.entries(runs).flatMap(([name, run]) => [
        { name: `${name} stdout`, text: run.stdout },
        { name: `${name} stderr`, text: run.stderr },
      ]),
    ];
    const secrets = { ...CANARIES, probePassword: environment.env.DEMO_PG_PASSWORD! };
    expect(secrets.probePassword).toMatch(/^[0-9a-f]{16,}$/);
    for (const [place, canary] of Object.entries(secrets))
      for (const form of [canary, Buffer.from(canary).toString('base64'), Buffer.from(canary).toString('base64url')])
        for (const { name, text } of texts) expect(text.includes(form), `${place} canary in ${name}`).toBe(false);
  });
});
