/**
 * Secret canaries across the whole environment at once: files, the Google Cloud and Kubernetes emulators
 * and the real probe services, on a copy of fixtures/adr-001-staging with a unique canary planted in each
 * place a secret lives: Kubernetes Secret data, an OpenTofu state attribute the provider marks sensitive,
 * Identity Platform's API key, hash signer key and IdP client secret, the probe's PostgreSQL password (the
 * real one: the scan must log in with it), an unrelated environment variable, and the places of
 * test/support/canaries.ts: Dockerfile ENV/ARG/LABEL/RUN, manifests' args, command, env, annotations and
 * ConfigMaps, workflow scripts and inputs, OpenTofu defaults, attributes, provider credentials, locals and
 * heredocs, deployment guides, live pods' status messages, annotations, env, args and taints, and free text
 * of Google Cloud resources (labels, descriptions, display names, IAM conditions).
 * Every report format, the snapshot, the baseline, stdout and stderr (with --debug and --verbose) hold none
 * of them, raw or base64. Each place is proved read (text beside it is in the snapshot), so the test cannot
 * pass by never looking.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScanResult } from '@coditect-audit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Run, repoRoot, tempDir } from './support/cli.js';
import { type Place, plantedPlaces, plantEverywhere } from './support/canaries.js';
import { type Environment, runCliAsync, startEnvironment } from './support/environment.js';

const CANARIES = {
  k8sSecret: 'cnry-k8s-secret-data-41d7e09a6b3c',
  tfstate: 'cnry-tfstate-client-key-8a2f5c19d0e4',
  identityApiKey: 'AIzaSy-cnry-identity-api-key-3b9e71f0c2',
  identityClientSecret: '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8e1',
  identitySignerKey: 'cnry-identity-signer-key-95c3b2e7f1a0',
  unrelatedEnv: 'cnry-unrelated-env-var-0f6b4d2a9c81',
};
const LAYER_OF: Record<string, Place['layer']> = {
  k8sSecret: 'k8s',
  tfstate: 'files',
  identityApiKey: 'gcp',
  identityClientSecret: 'gcp',
  identitySignerKey: 'gcp',
  unrelatedEnv: 'probe',
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
  plantEverywhere(dir);
}

describe('secret canaries through the whole environment', () => {
  let environment: Environment;
  let out: string;
  let runs: Record<string, Run>;
  let snapshotText: string;
  let baselineText: string;
  let result: ScanResult;
  let places: Record<string, Place>;

  beforeAll(async () => {
    environment = await startEnvironment(plant);
    out = tempDir('coditect-audit-canaries-');
    const env = { ...environment.env, CODITECT_AUDIT_UNRELATED_CANARY: CANARIES.unrelatedEnv };
    // The environment's config (with the probes' credentials) is written by the test harness: trusted on purpose.
    const base = ['--dir', environment.dir, '--env', 'staging', '--trust-repo-config'];
    const formats = 'console,sarif,junit,markdown,json,html';
    const debugArgs = ['--output-dir', join(out, 'debug'), '--debug', '--write-baseline', join(out, 'baseline.json')];
    // Two runs at a time: this process serves the emulators, and every run reads every layer.
    const [debugScan, collectFile] = await Promise.all([
      runCliAsync(['scan', ...base, '--format', formats, ...debugArgs], { env }),
      runCliAsync(['collect', ...base, '-o', join(out, 'snapshot.json'), '--debug', '--verbose'], { env }),
    ]);
    const [verboseScan, collectStdout] = await Promise.all([
      runCliAsync(['scan', ...base, '--format', formats, '--output-dir', join(out, 'verbose'), '--verbose'], { env }),
      runCliAsync(['collect', ...base, '-o', '-', '--quiet'], { env }),
    ]);
    for (const [name, run] of Object.entries({ debugScan, verboseScan, collectFile }))
      if ((run!.code !== 0 && run!.code !== 1) || /\n\s+at /.test(run!.stderr))
        throw new Error(`${name} exited ${run!.code}: ${run!.stderr.slice(-3000)}`);
    // The redacted snapshot still validates against its schema and replays offline.
    const replay = await runCliAsync(
      [
        'scan',
        ...base,
        '--snapshot',
        join(out, 'snapshot.json'),
        '--format',
        formats,
        '--output-dir',
        join(out, 'replay'),
      ],
      { env },
    );
    runs = {
      replay: replay!,
      debugScan: debugScan!,
      verboseScan: verboseScan!,
      collectFile: collectFile!,
      collectStdout: collectStdout!,
    };
    snapshotText = readFileSync(join(out, 'snapshot.json'), 'utf8');
    baselineText = readFileSync(join(out, 'baseline.json'), 'utf8');
    places = {
      ...Object.fromEntries(
        Object.entries(CANARIES).map(([name, canary]) => [name, { layer: LAYER_OF[name]!, canary }]),
      ),
      ...plantedPlaces(),
      probePassword: { layer: 'probe', canary: environment.env.DEMO_PG_PASSWORD! },
    };
    result = JSON.parse(readFileSync(join(out, 'debug', 'coditect-audit.json'), 'utf8')) as ScanResult;
  }, 240_000);

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
    const superuser = result.verdicts.filter((v) => v.ruleId === 'db.superuser-app-user' && v.source === 'probe');
    expect(
      superuser.map((v) => v.status),
      JSON.stringify(superuser.map((v) => v.message)),
    ).toContain('fail');
    expect(runs.debugScan!.stderr).toMatch(/identitytoolkit/i);
  });

  it('plants at least 60 distinct canaries in every layer, each place read with its structure kept', () => {
    const canaries = Object.values(places).map((p) => p.canary);
    expect(canaries.length).toBeGreaterThanOrEqual(60);
    expect(new Set(canaries).size).toBe(canaries.length);
    const layers = new Set(Object.values(places).map((p) => p.layer));
    expect([...layers].sort()).toEqual(['files', 'gcp', 'k8s', 'probe']);
    // The registry probe resolved the image whose tag is a token: it read the place, and said so redacted.
    expect(JSON.stringify(JSON.parse(snapshotText).facets['probe.registry'])).toMatch(/worker:‹redacted:github-token›/);
    // The file writes characters beyond ASCII as JSON escapes (a one-byte text to replay): compare as parsed.
    const parsedText = JSON.stringify(JSON.parse(snapshotText));
    const unread = Object.entries(places)
      .filter(([, p]) => p.proof !== undefined && !parsedText.includes(JSON.stringify(p.proof).slice(1, -1)))
      .map(([name, p]) => `${name}: ${p.proof}`);
    expect(unread, 'text beside these canaries is missing from the snapshot').toEqual([]);
    // What was redacted says so, in place.
    expect(parsedText).toMatch(/‹redacted:password›/);
    expect(parsedText).toMatch(/‹redacted:github-token›/);
  });

  it('no canary, raw or base64, in any report, the snapshot, the baseline, stdout or stderr', () => {
    expect(runs.replay!.code, runs.replay!.stderr).toBe(1);
    const reports = ['debug', 'verbose', 'replay'].flatMap((d) =>
      readdirSync(join(out, d)).map((f) => ({ name: `${d}/${f}`, text: readFileSync(join(out, d, f), 'utf8') })),
    );
    expect(reports.length).toBeGreaterThanOrEqual(15);
    const texts = [
      ...reports,
      { name: 'snapshot.json', text: snapshotText },
      { name: 'baseline.json', text: baselineText },
      ...Object.entries(runs).flatMap(([name, run]) => [
        { name: `${name} stdout`, text: run.stdout },
        { name: `${name} stderr`, text: run.stderr },
      ]),
    ];
    expect(places.probePassword?.canary).toMatch(/^[0-9a-f]{16,}$/);
    const leaks: string[] = [];
    for (const [place, { canary }] of Object.entries(places))
      for (const form of [canary, Buffer.from(canary).toString('base64'), Buffer.from(canary).toString('base64url')])
        for (const { name, text } of texts) if (text.includes(form)) leaks.push(`${place} in ${name}`);
    expect([...new Set(leaks)]).toEqual([]);
  });
});
