/**
 * The fake Kubernetes API server speaks the real REST shapes: discovery documents, namespaced and
 * cluster-wide lists with limit/continue, single-object GETs, Status errors, and a request log that
 * names the Kubernetes verb of every request.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type K8sEmulator, startK8sEmulator, writeKubeconfig } from '@coditect-audit/emulators/k8s';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const STAGING = join(import.meta.dirname, '../../../fixtures/adr-001-staging/k8s/api');
const REMEDIATED = join(import.meta.dirname, '../../../fixtures/adr-001-remediated/k8s/api');

type Json = Record<string, unknown>;

describe('the fake API server', () => {
  let emu: K8sEmulator;
  const get = async (path: string, init?: RequestInit): Promise<{ status: number; body: Json }> => {
    const res = await fetch(`${emu.url}${path}`, init);
    return { status: res.status, body: (await res.json()) as Json };
  };
  beforeAll(async () => {
    emu = await startK8sEmulator({ dataDir: STAGING });
  });
  afterAll(() => emu.stop());

  it('serves discovery: the core version, the groups (custom ones only when recorded), their resources', async () => {
    expect((await get('/api')).body.versions).toEqual(['v1']);
    const groups = ((await get('/apis')).body.groups as { name: string; preferredVersion: { version: string } }[]).map(
      (g) => g.name,
    );
    expect(groups).toContain('apps');
    expect(groups).toContain('networking.gke.io');
    expect(groups).not.toContain('external-secrets.io');
    const certs = (await get('/apis/networking.gke.io/v1')).body;
    expect(certs).toMatchObject({
      kind: 'APIResourceList',
      groupVersion: 'networking.gke.io/v1',
      resources: [{ name: 'managedcertificates', kind: 'ManagedCertificate', namespaced: true }],
    });
    expect((await get('/apis/external-secrets.io/v1')).status).toBe(404);
    expect((await get('/version')).body.gitVersion).toBe('v1.30.5-gke.1014001');
  });

  it('lists namespaced and cluster-wide, without per-item kind for built-in types', async () => {
    const ns = (await get('/api/v1/namespaces/coditect-staging/pods')).body;
    expect(ns.kind).toBe('PodList');
    const items = ns.items as Json[];
    expect(items.every((i) => (i.metadata as Json).namespace === 'coditect-staging')).toBe(true);
    expect(items[0]).not.toHaveProperty('kind');
    const all = (await get('/api/v1/pods')).body.items as Json[];
    expect(all.length).toBe(items.length + 1);
    const node = (await get('/api/v1/nodes')).body.items as Json[];
    expect(node).toHaveLength(3);
  });

  it('pages with limit and continue, and rejects a token that is not its own', async () => {
    const first = (await get('/api/v1/namespaces/coditect-staging/pods?limit=2')).body;
    const meta = first.metadata as { continue: string; remainingItemCount: number };
    expect((first.items as Json[]).length).toBe(2);
    expect(meta.remainingItemCount).toBeGreaterThan(0);
    const second = (await get(`/api/v1/namespaces/coditect-staging/pods?limit=2&continue=${meta.continue}`)).body;
    expect((second.items as Json[]).map((i) => (i.metadata as Json).name)).not.toEqual(
      (first.items as Json[]).map((i) => (i.metadata as Json).name),
    );
    expect((await get(`/api/v1/namespaces/coditect-staging/secrets?limit=1&continue=${meta.continue}`)).status).toBe(
      400,
    );
  });

  it('answers 410 Gone for an expired continue token, 403 Forbidden where told, 404 for unknown objects', async () => {
    const first = (await get('/apis/apps/v1/namespaces/coditect-staging/replicasets?limit=1')).body;
    emu.expireContinueTokens(1);
    const expired = await get(
      `/apis/apps/v1/namespaces/coditect-staging/replicasets?limit=1&continue=${(first.metadata as Json).continue}`,
    );
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
    emu.forbid({ resource: 'configmaps', namespace: 'coditect-staging' });
    const denied = await get('/api/v1/namespaces/coditect-staging/configmaps');
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe(
      'configmaps is forbidden: User "system:serviceaccount:coditect-audit:coditect-audit" cannot list resource "configmaps" in API group "" in the namespace "coditect-staging"',
    );
    expect((await get('/api/v1/namespaces/other/configmaps')).status).toBe(200);
    expect((await get('/api/v1/namespaces/coditect-staging/pods/nope')).status).toBe(404);
    const one = (await get('/apis/apps/v1/namespaces/coditect-staging/deployments/coditect-backend')).body;
    expect(one).toMatchObject({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'coditect-backend' } });
  });

  it('refuses writes and watches, and its log names each request’s verb', async () => {
    expect((await get('/api/v1/namespaces/coditect-staging/secrets', { method: 'POST', body: '{}' })).status).toBe(405);
    expect(
      (await get('/apis/apps/v1/namespaces/coditect-staging/deployments/coditect-backend', { method: 'DELETE' }))
        .status,
    ).toBe(405);
    expect((await get('/api/v1/pods?watch=true')).status).toBe(400);
    const verbs = emu.requests().map((r) => r.verb);
    expect(verbs).toEqual(expect.arrayContaining(['get', 'list', 'create', 'delete', 'watch']));
    expect(emu.requests().find((r) => r.verb === 'create')).toMatchObject({
      method: 'POST',
      path: '/api/v1/namespaces/coditect-staging/secrets',
    });
  });

  it('replays timestamps as if the recording had just been made', async () => {
    const recordedAt = Date.parse('2025-12-03T12:00:00Z');
    const later = await startK8sEmulator({ dataDir: REMEDIATED, now: () => new Date(recordedAt + 10 * 86_400_000) });
    try {
      const res = await fetch(`${later.url}/apis/networking.gke.io/v1/namespaces/coditect-staging/managedcertificates`);
      const cert = ((await res.json()) as { items: { status: { expireTime: string } }[] }).items[0]!;
      // Recorded 2026-03-03T01:14:59-08:00, i.e. 09:14:59Z; ten days later.
      expect(cert.status.expireTime).toBe('2026-03-13T09:14:59Z');
    } finally {
      await later.stop();
    }
  });

  it('writes a kubeconfig with one context per emulated cluster', async () => {
    const other = await startK8sEmulator({ dataDir: REMEDIATED });
    try {
      const file = writeKubeconfig(join(mkdtempSync(join(tmpdir(), 'kc-')), 'config'), [
        { context: 'adr-001-staging', url: emu.url },
        { context: 'adr-001-remediated', url: other.url, namespace: 'coditect-staging' },
      ]);
      const text = readFileSync(file, 'utf8');
      expect(text).toContain(`server: ${emu.url}`);
      expect(text).toContain(`server: ${other.url}`);
      expect(text).toContain('current-context: adr-001-staging');
      expect(text).toContain('insecure-skip-tls-verify: true');
    } finally {
      await other.stop();
    }
  });
});
