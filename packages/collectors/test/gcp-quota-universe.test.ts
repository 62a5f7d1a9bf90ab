/**
 * Quota project, universe domain, and what an answer that is not the API's own says:
 * - `layers.gcp.quotaProject` / GOOGLE_CLOUD_QUOTA_PROJECT goes out as `x-goog-user-project` on every call,
 *   the official clients' and the declared REST calls alike;
 * - `layers.gcp.universeDomain` / GOOGLE_CLOUD_UNIVERSE_DOMAIN is where every API is reached;
 * - a 403 SERVICE_DISABLED naming a Google-owned project is a missing quota project (doctor says so), one
 *   naming the user's project a disabled API;
 * - only the API's JSON NOT_FOUND means absent: an HTML 404 or another content type is an error.
 */
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GCP_SERVICES, resolveExpectations } from '@coditect-audit/core';
import { type GcpEmulator, startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { classify } from '../src/gcp/call.js';
import { collect, diagnose } from '../src/gcp/index.js';
import { resolveSettings } from '../src/gcp/settings.js';
import { GcpTransport } from '../src/gcp/transport.js';

const fixtures = join(import.meta.dirname, '../../../fixtures');
const expectations = resolveExpectations({});
const P = 'coditect-cloud-infra';
let emulators: GcpEmulator[] = [];
beforeAll(() => {
  delete process.env.CODITECT_AUDIT_GCP_ENDPOINT;
});
afterEach(async () => {
  await Promise.all(emulators.map((e) => e.stop()));
  emulators = [];
});

function serviceDisabled(consumer: string) {
  return {
    error: {
      code: 403,
      message: `Service Usage API has not been used in project ${consumer.split('/')[1]} before or it is disabled.`,
      status: 'PERMISSION_DENIED',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'SERVICE_DISABLED',
          domain: 'googleapis.com',
          metadata: { service: 'serviceusage.googleapis.com', consumer },
        },
      ],
    },
  };
}

describe('quota project', () => {
  it('is sent as x-goog-user-project on every call, the environment variable first', async () => {
    const emulator = await startGcpEmulator({ dataDir: join(fixtures, 'adr-001-remediated/gcp') });
    emulators.push(emulator);
    await collect({
      root: '.',
      environment: 'staging',
      expectations,
      config: { endpoint: emulator.url, quotaProject: 'billing-from-config' },
      overrides: {},
      progress: () => {},
    });
    const projects = new Set(emulator.server.requests.map((r) => r.userProject));
    expect(projects).toEqual(new Set(['billing-from-config']));
    // Official clients (Cloud SQL) and declared REST calls (KMS policy, IAM, Compute, Identity Toolkit) alike.
    expect(emulator.server.requests.some((r) => r.path.endsWith('/instances'))).toBe(true);
    expect(emulator.server.requests.some((r) => r.path.includes('/compute/'))).toBe(true);

    const settings = resolveSettings({ quotaProject: 'billing-from-config' }, expectations, {
      GOOGLE_CLOUD_QUOTA_PROJECT: 'billing-from-env',
    });
    expect(settings.quotaProject).toBe('billing-from-env');
  });
});

describe('universe domain', () => {
  it('is where every API is reached: the official clients and the declared REST calls', async () => {
    const settings = resolveSettings({ universeDomain: 'cloud.example-universe.com' }, expectations, {});
    expect(settings.universeDomain).toBe('cloud.example-universe.com');
    const transport = await GcpTransport.create(settings);
    for (const service of GCP_SERVICES)
      expect(transport.baseUrl(service)).toBe(`https://${service}.cloud.example-universe.com`);
    const { KeyManagementServiceClient } = await import('@google-cloud/kms');
    const kms = new KeyManagementServiceClient(transport.gapic('cloudkms'));
    expect(kms.apiEndpoint).toBe('cloudkms.cloud.example-universe.com');
    await kms.close();
    expect(resolveSettings({}, expectations, { GOOGLE_CLOUD_UNIVERSE_DOMAIN: 'u.example' }).universeDomain).toBe(
      'u.example',
    );
    expect(resolveSettings({}, expectations, {}).universeDomain).toBe('googleapis.com');
    expect(() => resolveSettings({}, expectations, { GOOGLE_CLOUD_UNIVERSE_DOMAIN: 'evil/path' })).toThrow(
      /GOOGLE_CLOUD_UNIVERSE_DOMAIN: "evil\/path" is not a domain name/,
    );
  });
});

describe('universe domain and credentials', () => {
  /** A service-account key of a universe (never used to get a token: the check comes first). */
  function keyFile(universe?: string): string {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const file = join(mkdtempSync(join(tmpdir(), 'gcp-key-')), 'key.json');
    writeFileSync(
      file,
      JSON.stringify({
        type: 'service_account',
        project_id: P,
        private_key_id: 'k1',
        private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }),
        client_email: `scanner@${P}.iam.gserviceaccount.com`,
        client_id: '1',
        token_uri: 'https://oauth2.googleapis.com/token',
        ...(universe ? { universe_domain: universe } : {}),
      }),
    );
    return file;
  }
  const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;
  afterEach(() => {
    if (saved === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
  });

  const cases: [string, string | undefined, string | undefined, boolean][] = [
    ['default universe, default key', undefined, undefined, true],
    ['a configured universe the key belongs to', 'cloud.example-universe.com', 'cloud.example-universe.com', true],
    ['a configured universe the key does not belong to', 'attacker.example', undefined, false],
    ['the default universe with a key of another one', undefined, 'cloud.example-universe.com', false],
  ];
  it.each(cases)('%s', async (_, configured, keyUniverse, usable) => {
    process.env.GOOGLE_APPLICATION_CREDENTIALS = keyFile(keyUniverse);
    const settings = resolveSettings(configured ? { universeDomain: configured } : {}, expectations, {});
    const problem = await (await GcpTransport.create(settings)).credentialsProblem();
    if (usable) expect(problem).toBeUndefined();
    else
      expect(problem).toMatchObject({
        kind: 'credentials',
        detail: expect.stringContaining('they are not sent there'),
      });
  });
});

describe('SERVICE_DISABLED: a missing quota project or a disabled API', () => {
  const cases = [
    { consumer: 'projects/764086051850', kind: 'quota-project' },
    { consumer: 'projects/32555940559', kind: 'quota-project' },
    { consumer: 'projects/374018874256', kind: 'service-disabled' },
  ];
  it.each(cases)('$consumer → $kind', ({ consumer, kind }) => {
    const err = classify({ response: { status: 403, data: JSON.stringify(serviceDisabled(consumer)) }, status: 403 });
    expect(err.kind).toBe(kind);
  });

  it.each(cases)('doctor, $consumer', async ({ consumer, kind }) => {
    const dir = mkdtempSync(join(tmpdir(), 'gcp-quota-'));
    const file = join(dir, `v1/projects/${P}/services.json`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(serviceDisabled(consumer)));
    const emulator = await startGcpEmulator({ dataDir: dir });
    emulators.push(emulator);
    const checks = await diagnose({
      root: '.',
      environment: 'staging',
      expectations,
      config: { endpoint: emulator.url, retries: 0 },
      overrides: {},
      progress: () => {},
    });
    const failed = checks.filter((c) => c.status === 'fail');
    if (kind === 'quota-project')
      expect(failed).toContainEqual(
        expect.objectContaining({
          kind: 'credentials',
          subject: 'quota project',
          fix: expect.stringContaining(`gcloud auth application-default set-quota-project ${P}`),
        }),
      );
    else
      expect(failed).toContainEqual(
        expect.objectContaining({ kind: 'apis', subject: `serviceusage.googleapis.com in ${P}` }),
      );
  });
});

describe('only the API JSON NOT_FOUND means absent', () => {
  const html = '<!DOCTYPE html>\n<html lang=en><title>Error 404 (Not Found)!!1</title>';
  const cases: [string, unknown, string][] = [
    [
      'the API JSON NOT_FOUND',
      { status: 404, response: { status: 404, data: '{"error":{"code":404,"message":"x","status":"NOT_FOUND"}}' } },
      'not-found',
    ],
    [
      "the front end's HTML 404",
      { status: 404, response: { status: 404, data: html, headers: { 'content-type': 'text/html; charset=UTF-8' } } },
      'unexpected-answer',
    ],
    ['a 404 with plain text', { status: 404, response: { status: 404, data: 'Not Found' } }, 'unexpected-answer'],
    [
      'a JSON 404 of another status',
      { status: 404, response: { status: 404, data: '{"error":{"code":404,"message":"x","status":"UNIMPLEMENTED"}}' } },
      'unexpected-answer',
    ],
    ['an HTML 502 (retried)', { status: 502, response: { status: 502, data: html } }, 'unavailable'],
  ];
  it.each(cases)('%s', (_, error, kind) => {
    expect(classify(error).kind).toBe(kind);
  });

  it('the strict emulator: a POST to the KMS policy is an error naming the call, a GET reads it', async () => {
    const emulator = await startGcpEmulator({ dataDir: join(fixtures, 'adr-001-remediated/gcp') });
    emulators.push(emulator);
    const settings = resolveSettings({ endpoint: emulator.url }, expectations, {});
    const transport = await GcpTransport.create(settings);
    const ids = { project: P, location: 'us-central1', keyRing: 'license-signing-keyring', key: 'license-signing-key' };
    const policy = await transport.call('cloudkms.cryptoKeys.getIamPolicy', ids, {
      'options.requestedPolicyVersion': 3,
    });
    expect(policy).toMatchObject({ bindings: [{ role: 'roles/cloudkms.signerVerifier' }] });
    const res = await fetch(
      `${emulator.url}/v1/projects/${P}/locations/us-central1/keyRings/license-signing-keyring/cryptoKeys/license-signing-key:getIamPolicy`,
      { method: 'POST', body: '{}' },
    );
    const err = classify({
      status: res.status,
      response: { status: res.status, data: await res.text(), headers: res.headers },
    });
    expect(err).toMatchObject({ kind: 'unexpected-answer', httpStatus: 404 });
    expect(err.detail).toContain('text/html');
  });
});

describe('the generated bindings', () => {
  it("are what the pinned clients declare (the generator's --check)", () => {
    const out = execFileSync(
      process.execPath,
      [join(import.meta.dirname, '../../emulators/tools/generate-gcp-bindings.mjs'), '--check'],
      { encoding: 'utf8' },
    );
    expect(out).toContain('bindings up to date');
  });
});
