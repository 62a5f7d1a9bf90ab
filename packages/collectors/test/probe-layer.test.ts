/**
 * The probe layer as a whole: configuration (validated, credentials only by variable name), absent
 * services, the layer state, and the two reads from Kubernetes (the app's Secret for the database login,
 * the pods' images), against a local fake API server and the real PostgreSQL and registry.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, parseConfig } from '@coditect-audit/core';
import { collectProbes } from '@coditect-audit/collectors/probe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmulatorServer } from '../../emulators/src/http.js';
import { loadServices, probeContext, registryHost, type Services, writeKubeconfig } from './probe-services.js';

const config = (probe: string) => `version: 1
environments:
  staging:
    layers:
      probe:
${probe}`;

describe('layers.probe in coditect-audit.yaml', () => {
  it('accepts every service block with the ADR defaults left out', () => {
    const parsed = parseConfig(
      config(`        timeoutMs: 4000
        postgres: { host: 10.28.0.3, user: license_api_staging, passwordEnv: DB_PASSWORD, sslmode: verify-ca, caFile: certs/server-ca.pem }
        redis: { host: 10.121.0.4, tls: true, caFile: certs/redis-ca.pem, passwordEnv: REDIS_AUTH }
        registry: { imagesFrom: [manifests, cluster] }
        http: { baseUrl: https://staging-api.coditect.ai }
`),
    );
    expect(parsed.environments.staging?.layers?.probe?.postgres?.passwordEnv).toBe('DB_PASSWORD');
  });

  it('refuses a literal password, naming the fix', () => {
    expect(() => parseConfig(config('        postgres: { host: h, user: u, password: hunter2 }\n'))).toThrow(
      /literal credential.*passwordEnv/s,
    );
  });

  it('refuses unknown keys and malformed values with the path', () => {
    expect(() => parseConfig(config('        postgres: { host: h, sslmode: sometimes }\n'))).toThrow(ConfigError);
    expect(() => parseConfig(config('        http: { baseUrl: staging-api.coditect.ai }\n'))).toThrow(
      /layers\.probe\.http\.baseUrl/,
    );
    expect(() => parseConfig(config('        redis: { host: h, passwordEnv: "not a name" }\n'))).toThrow(/passwordEnv/);
  });
});

describe('the probe tests', () => {
  it('fail, naming the command to run, when the services were not started', () => {
    expect(() => loadServices('/nonexistent/services.env')).toThrow(/run `scripts\/services.sh start` first/);
  });
});

describe('the layer', () => {
  it('gives absent facets for the services the config does not name, with the reason', async () => {
    const { facets, state } = await collectProbes(
      probeContext({ http: { baseUrl: 'https://127.0.0.1:9' }, timeoutMs: 500 }),
    );
    expect(facets['probe.postgres']).toEqual({
      status: 'absent',
      reason: 'layers.probe.postgres is not set for staging',
    });
    expect(facets['probe.redis']?.status).toBe('absent');
    expect(facets['probe.registry']?.status).toBe('absent');
    expect(facets['probe.http']?.status).toBe('error');
    expect(state).toEqual({ status: 'failed', reason: 'every probe failed (http); see the error verdicts' });
  });

  it('is not configured when it names no service', async () => {
    const { state } = await collectProbes(probeContext({}));
    expect(state.status).toBe('not-configured');
  });
});

describe('reads from Kubernetes (fake API server)', () => {
  let s: Services;
  let api: EmulatorServer;
  let kubeconfig: string;
  let secretReads = 0;
  beforeAll(async () => {
    s = loadServices();
    const b64 = (v: string) => Buffer.from(v).toString('base64');
    api = new EmulatorServer(({ url }) => {
      // The probe lists the Secret by name (the verb the scanner's RBAC grants), never `get`.
      if (
        url.pathname === '/api/v1/namespaces/coditect-staging/secrets' &&
        url.searchParams.get('fieldSelector') === 'metadata.name=backend-secrets'
      ) {
        secretReads++;
        return {
          status: 200,
          body: {
            apiVersion: 'v1',
            kind: 'SecretList',
            metadata: {},
            items: [
              {
                metadata: { name: 'backend-secrets', namespace: 'coditect-staging' },
                data: {
                  'db-user': b64(s.PG_A_APP_USER),
                  'db-password': b64(s.PG_A_APP_PASSWORD),
                  'django-secret-key': b64('django-secret-canary-71aa'),
                },
              },
            ],
          },
        };
      }
      if (url.pathname === '/api/v1/namespaces/coditect-staging/pods')
        return {
          status: 200,
          body: {
            apiVersion: 'v1',
            kind: 'PodList',
            metadata: {},
            items: [
              {
                metadata: {
                  name: 'coditect-backend-7c9d5b8f6d-x2x4q',
                  namespace: 'coditect-staging',
                  ownerReferences: [
                    {
                      apiVersion: 'apps/v1',
                      kind: 'ReplicaSet',
                      name: 'coditect-backend-7c9d5b8f6d',
                      uid: 'u',
                      controller: true,
                    },
                  ],
                },
                spec: { containers: [{ name: 'backend', image: `${registryHost(s)}/test/root-local-path:v1.0.0` }] },
              },
            ],
          },
        };
      if (url.pathname.endsWith('/secrets'))
        return {
          status: 403,
          body: { kind: 'Status', status: 'Failure', reason: 'Forbidden', code: 403, message: 'secrets is forbidden' },
        };
      return { status: 404, body: { kind: 'Status', code: 404 } };
    });
    const server = await api.start();
    kubeconfig = writeKubeconfig(mkdtempSync(join(tmpdir(), 'probe-kube-')), server);
  });
  afterAll(() => api.stop());

  it("logs in to PostgreSQL with the user and password of the app's Secret (fromSecret)", async () => {
    const ctx = probeContext({
      postgres: { host: s.PG_HOST, port: Number(s.PG_A_PORT), caFile: s.CA_FILE, fromSecret: {} },
      timeoutMs: 3000,
    });
    const { facets } = await collectProbes({ ...ctx, overrides: { kubeconfig } });
    const f = facets['probe.postgres']!;
    expect(f.status === 'ok' && f.problems).toEqual([]);
    expect(f.status === 'ok' && f.data).toMatchObject({
      login: 'license_api_staging',
      credentialSource: 'Secret coditect-staging/backend-secrets key db-password',
      role: { superuser: false },
    });
    expect(secretReads).toBeGreaterThan(0);
    const text = JSON.stringify(facets);
    expect(text).not.toContain(s.PG_A_APP_PASSWORD);
    expect(text).not.toContain('django-secret-canary');
    expect(api.mutatingRequests()).toEqual([]);
  });

  it('names the RBAC permission when the Secret cannot be read', async () => {
    const ctx = probeContext({
      postgres: { host: s.PG_HOST, port: Number(s.PG_A_PORT), fromSecret: { name: 'other' } },
      timeoutMs: 3000,
    });
    const { facets } = await collectProbes({ ...ctx, overrides: { kubeconfig } });
    const f = facets['probe.postgres']!;
    expect(f.status === 'ok' && f.problems[0]).toMatchObject({ subject: 'list Secret coditect-staging/other' });
    expect(f.status === 'ok' && f.problems[0]?.fix).toMatch(/"list" on secrets in namespace coditect-staging/);
  });

  it("resolves the images of the app namespace's pods (imagesFrom: cluster), owned by their Deployment", async () => {
    const ctx = probeContext({
      registry: { imagesFrom: ['cluster'], plainHttpHosts: [registryHost(s)] },
      timeoutMs: 3000,
    });
    const { facets } = await collectProbes({ ...ctx, overrides: { kubeconfig } });
    const f = facets['probe.registry']!;
    expect(f.status).toBe('ok');
    if (f.status !== 'ok') return;
    expect(f.data.images).toHaveLength(1);
    expect(f.data.images[0]!.usedBy).toEqual([
      {
        source: 'cluster',
        kind: 'Deployment',
        namespace: 'coditect-staging',
        name: 'coditect-backend',
        container: 'backend',
      },
    ]);
    expect(f.data.images[0]!.configs[0]).toMatchObject({ user: 'django' });
    expect(api.mutatingRequests()).toEqual([]);
  });
});
