/**
 * The live gcp layer against the strict emulator (routes, verbs and query parameters as Google declares
 * them), then the KMS rules: the license-signing key's IAM policy is really read (Cloud KMS declares
 * `GET …:getIamPolicy?options.requestedPolicyVersion=3`; the client's POST gets Google's HTML 404), so
 * the key is not reported missing, its principals are judged and an extra one is named; the service
 * account's conditional binding survives (IAM takes the policy version in the query, not in a body), and so
 * does the project's (Resource Manager takes it in the JSON body it declares).
 * On the code before issue 16 the key policy read was a POST: "the key does not exist" at P0.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collect as collectGcp } from '@coditect-audit/collectors/gcp';
import { resolveExpectations, runRules, type Snapshot, SNAPSHOT_SCHEMA_VERSION } from '@coditect-audit/core';
import { startGcpEmulator } from '@coditect-audit/emulators/gcp';
import { builtinRules } from '@coditect-audit/rules';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, tempDir } from './support/cli.js';

const P = 'coditect-cloud-infra';
const KEY = `v1/projects/${P}/locations/us-central1/keyRings/license-signing-keyring/cryptoKeys/license-signing-key`;
const SA = `v1/projects/${P}/serviceAccounts/coditect-cloud-backend@${P}.iam.gserviceaccount.com`;
const BACKEND = `serviceAccount:coditect-cloud-backend@${P}.iam.gserviceaccount.com`;
const EXTRA = 'user:contractor@example.com';
const RING = `v1/projects/${P}/locations/us-central1/keyRings/license-signing-keyring`;
const RING_SIGNER = 'group:all-engineers@example.com';
const CONDITION = { title: 'staging only', expression: 'request.time < timestamp("2027-01-01T00:00:00Z")' };

/** The remediated recordings, with one more signer and a public viewer on the key, and a conditional binding on the SA. */
function recordings(): string {
  const dir = tempDir();
  cpSync(join(repoRoot, 'fixtures/adr-001-remediated/gcp'), dir, { recursive: true });
  const keyPolicy = join(dir, `${KEY}%3AgetIamPolicy.json`);
  const policy = JSON.parse(readFileSync(keyPolicy, 'utf8')) as { bindings: { role: string; members: string[] }[] };
  policy.bindings[0]!.members.push(EXTRA);
  policy.bindings.push({ role: 'roles/cloudkms.viewer', members: ['allAuthenticatedUsers'] });
  writeFileSync(keyPolicy, JSON.stringify(policy));
  // A broad group holding the signing role on the key ring: it reaches the license key too.
  writeFileSync(
    join(dir, `${RING}%3AgetIamPolicy.json`),
    JSON.stringify({ version: 1, etag: 'BwZ=', bindings: [{ role: 'roles/cloudkms.signer', members: [RING_SIGNER] }] }),
  );
  const saPolicy = join(dir, `${SA}%3AgetIamPolicy.json`);
  const sa = JSON.parse(readFileSync(saPolicy, 'utf8')) as { version: number; bindings: unknown[] };
  sa.version = 3;
  sa.bindings.push({ role: 'roles/iam.serviceAccountTokenCreator', members: [EXTRA], condition: CONDITION });
  writeFileSync(saPolicy, JSON.stringify(sa));
  const projectPolicy = join(dir, `v3/projects/${P}%3AgetIamPolicy.json`);
  const project = JSON.parse(readFileSync(projectPolicy, 'utf8')) as { version: number; bindings: unknown[] };
  project.version = 3;
  project.bindings.push({ role: 'roles/viewer', members: [EXTRA], condition: CONDITION });
  writeFileSync(projectPolicy, JSON.stringify(project));
  return dir;
}

describe('the KMS key policy on the strict emulator', () => {
  const expectations = resolveExpectations({});
  let emulator: Awaited<ReturnType<typeof startGcpEmulator>>;
  let snapshot: Snapshot;
  beforeAll(async () => {
    delete process.env.CODITECT_AUDIT_GCP_ENDPOINT;
    emulator = await startGcpEmulator({ dataDir: recordings(), now: () => new Date('2026-01-01T07:00:00Z') });
    const result = await collectGcp({
      root: '.',
      environment: 'staging',
      expectations,
      config: { endpoint: emulator.url, services: ['cloudkms', 'iam', 'cloudresourcemanager'] },
      overrides: {},
      progress: () => {},
    });
    snapshot = {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      tool: { name: 'coditect-audit', version: 'test' },
      environment: 'staging',
      root: '.',
      layers: { gcp: { status: 'collected' } },
      facets: result.facets,
    };
  });
  afterAll(() => emulator?.stop());

  it('reads the key policy with the declared GET and the SA policy with the version in the query', () => {
    const reads = emulator.server.requests.filter((r) => r.path.endsWith(':getIamPolicy'));
    expect(reads.map((r) => `${r.method} ${r.path.split('/').slice(-2).join('/')}${r.query}`)).toEqual(
      expect.arrayContaining([
        'GET cryptoKeys/license-signing-key:getIamPolicy?options.requestedPolicyVersion=3',
        'GET keyRings/license-signing-keyring:getIamPolicy?options.requestedPolicyVersion=3',
        `POST serviceAccounts/coditect-cloud-backend%40${P}.iam.gserviceaccount.com:getIamPolicy?options.requestedPolicyVersion=3`,
      ]),
    );
    expect(reads.filter((r) => r.path.includes('/serviceAccounts/')).every((r) => !r.hasBody)).toBe(true);
    const keys = (snapshot.facets['gcp.kms-iam'] as { data: { keys: { exists: boolean; policy?: unknown }[] } }).data
      .keys;
    expect(keys).toEqual([
      expect.objectContaining({
        exists: true,
        policy: {
          bindings: [
            { role: 'roles/cloudkms.signerVerifier', members: [BACKEND, EXTRA].sort() },
            { role: 'roles/cloudkms.viewer', members: ['allAuthenticatedUsers'] },
          ],
        },
        keyRingPolicy: { bindings: [{ role: 'roles/cloudkms.signer', members: [RING_SIGNER] }] },
      }),
    ]);
    const accounts = (
      snapshot.facets['gcp.iam-service-accounts'] as {
        data: { serviceAccounts: { policy: { bindings: { role: string; condition?: unknown }[] } }[] };
      }
    ).data.serviceAccounts;
    expect(accounts[0]!.policy.bindings).toContainEqual({
      role: 'roles/iam.serviceAccountTokenCreator',
      members: [EXTRA],
      condition: CONDITION,
    });
    // Resource Manager takes the version in the JSON body it declares: the condition survives there too.
    const projects = (snapshot.facets['gcp.iam'] as { data: { projects: { policy: { bindings: unknown[] } }[] } }).data
      .projects;
    expect(projects[0]!.policy.bindings).toContainEqual({
      role: 'roles/viewer',
      members: [EXTRA],
      condition: CONDITION,
    });
  });

  it('judges the key that exists: signing key ready, the backend granted, the extra principal named', () => {
    const rules = builtinRules.filter((r) => r.id === 'kms.signing-key' || r.id === 'kms.signer-binding');
    const verdicts = runRules(snapshot, rules, { environment: 'staging', expectations, now: '2026-01-01T07:00:00Z' });
    const of = (id: string, source?: string) =>
      verdicts.filter((v) => v.ruleId === id && (source === undefined || v.source === source));
    expect(of('kms.signing-key', 'gcp').map((v) => [v.status, v.messageId])).toEqual([['pass', 'ready']]);
    const binding = of('kms.signer-binding', 'gcp');
    expect(binding.some((v) => v.messageId === 'keyMissing' || v.status === 'error')).toBe(false);
    expect(binding).toContainEqual(expect.objectContaining({ status: 'pass', messageId: 'granted' }));
    expect(binding.filter((v) => v.status === 'fail').map((v) => v.message)).toContainEqual(
      expect.stringContaining('allAuthenticatedUsers'),
    );
    // The signing role belongs to the backend's account alone: the contractor who also holds it is named.
    expect(binding.filter((v) => v.status === 'fail').map((v) => v.message)).toContainEqual(
      expect.stringContaining('contractor@example.com'),
    );
    // And the group that holds a signing role on the key ring, which reaches the key.
    expect(binding.filter((v) => v.status === 'fail').map((v) => v.message)).toContainEqual(
      expect.stringContaining('all-engineers@example.com'),
    );
  });
});
