/**
 * The PostgreSQL probe against two real clusters (scripts/services.sh): A enforces SSL and the app has a
 * DML-only role; B accepts plaintext and the app logs in as the superuser `postgres`.
 */
import type { PostgresProbe, PostgresProbeConfig } from '@coditect-audit/core';
import { collectProbes } from '@coditect-audit/collectors/probe';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadServices,
  loggedSince,
  logSize,
  pgStatements,
  probeContext,
  SQL_WRITE,
  type Services,
  withoutLiterals,
} from './probe-services.js';

let s: Services;
beforeAll(() => {
  s = loadServices();
  process.env.PROBE_TEST_PG_A_APP = s.PG_A_APP_PASSWORD;
  process.env.PROBE_TEST_PG_A_AUDIT = s.PG_A_AUDIT_PASSWORD;
  process.env.PROBE_TEST_PG_B_SUPER = s.PG_B_SUPERUSER_PASSWORD;
  process.env.PROBE_TEST_PG_B_MEMBER = s.PG_B_MEMBER_PASSWORD;
});

async function probe(postgres: PostgresProbeConfig) {
  const { facets } = await collectProbes(probeContext({ postgres, timeoutMs: 3000 }));
  return facets['probe.postgres']!;
}

function data(f: Awaited<ReturnType<typeof probe>>): PostgresProbe {
  if (f.status !== 'ok') throw new Error(`facet ${f.status}: ${JSON.stringify(f)}`);
  expect(f.problems).toEqual([]);
  return f.data;
}

describe('cluster A: SSL enforced, DML-only app role', () => {
  it('reads the app role over verified TLS, in a read-only session, and sees plaintext refused', async () => {
    const d = data(
      await probe({
        host: s.PG_HOST,
        port: Number(s.PG_A_PORT),
        user: s.PG_A_APP_USER,
        passwordEnv: 'PROBE_TEST_PG_A_APP',
        sslmode: 'verify-full',
        caFile: s.CA_FILE,
      }),
    );
    expect(d.session).toMatchObject({ ssl: true, readOnly: true });
    expect(d.server?.major).toBeGreaterThanOrEqual(13);
    expect(d.plaintext.outcome).toBe('refused');
    expect(d.plaintext.detail).toMatch(/no encryption/);
    expect(d.role).toMatchObject({
      name: 'license_api_staging',
      exists: true,
      superuser: false,
      createRole: false,
      createDb: false,
      bypassRls: false,
    });
    expect(d.role?.memberOf).toEqual([]);
    expect(d.ownership).toEqual({ database: false, schemas: [], tables: [], tableCount: 0 });
    expect(d.privileges).toEqual({ createOnDatabase: false, createOnSchemas: [], beyondDml: [], beyondDmlCount: 0 });
    expect(d.credentialSource).toBe('env PROBE_TEST_PG_A_APP');
  });

  it('inspects the app role while logged in as the read-only audit role', async () => {
    const d = data(
      await probe({
        host: s.PG_HOST,
        port: Number(s.PG_A_PORT),
        user: s.PG_A_AUDIT_USER,
        passwordEnv: 'PROBE_TEST_PG_A_AUDIT',
        appUser: s.PG_A_APP_USER,
        caFile: s.CA_FILE,
      }),
    );
    expect(d.login).toBe('coditect_audit');
    expect(d.appRole).toBe('license_api_staging');
    expect(d.role?.superuser).toBe(false);
    expect(d.sslmode).toBe('verify-full');
  });

  it('reports an untrusted certificate under verify-full without the CA, with the fix', async () => {
    const f = await probe({
      host: s.PG_HOST,
      port: Number(s.PG_A_PORT),
      user: s.PG_A_APP_USER,
      passwordEnv: 'PROBE_TEST_PG_A_APP',
      sslmode: 'verify-full',
    });
    expect(f.status).toBe('ok');
    if (f.status !== 'ok') return;
    expect(f.problems).toHaveLength(1);
    expect(f.problems[0]!.message).toMatch(/certificate was not accepted/);
    expect(f.problems[0]!.fix).toMatch(/caFile/);
    // The plaintext check needs no login and still answers.
    expect(f.data.plaintext.outcome).toBe('refused');
  });

  it('names the variable when the password variable is unset, and a wrong password without echoing it', async () => {
    const unset = await probe({
      host: s.PG_HOST,
      port: Number(s.PG_A_PORT),
      user: 'x',
      passwordEnv: 'PROBE_TEST_UNSET_VAR',
    });
    expect(unset.status === 'ok' && unset.problems[0]?.message).toMatch(/PROBE_TEST_UNSET_VAR is not set/);
    process.env.PROBE_TEST_WRONG = 'wrong-password-canary-91c2';
    const wrong = await probe({
      host: s.PG_HOST,
      port: Number(s.PG_A_PORT),
      user: s.PG_A_APP_USER,
      passwordEnv: 'PROBE_TEST_WRONG',
    });
    expect(wrong.status === 'ok' && wrong.problems[0]?.message).toMatch(/password authentication failed/);
    expect(JSON.stringify(wrong)).not.toContain('wrong-password-canary-91c2');
  });

  it('gives a timely problem for a port where nothing listens', async () => {
    // Refused at once (the message says so), not left to a timeout; no wall clock.
    const f = await probe({ host: '127.0.0.1', port: 9, user: 'app', passwordEnv: 'PROBE_TEST_PG_A_APP' });
    expect(f.status === 'ok' && f.problems[0]?.message).toMatch(/refused/);
    expect(f.status === 'ok' && f.data.plaintext.outcome).toBe('error');
  });
});

describe('cluster B: plaintext accepted, the app connects as a superuser', () => {
  it('sees the superuser and that the server asked for a password over plaintext (none sent)', async () => {
    const d = data(
      await probe({
        host: s.PG_HOST,
        port: Number(s.PG_B_PORT),
        user: s.PG_B_SUPERUSER,
        passwordEnv: 'PROBE_TEST_PG_B_SUPER',
        sslmode: 'require',
      }),
    );
    expect(d.role).toMatchObject({ name: 'postgres', superuser: true });
    expect(d.plaintext.outcome).toBe('auth-requested');
    expect(d.session?.ssl).toBe(true);
  });

  it('sees cloudsqlsuperuser membership and ownership of the database, schema and tables', async () => {
    const d = data(
      await probe({
        host: s.PG_HOST,
        port: Number(s.PG_B_PORT),
        user: s.PG_B_MEMBER_USER,
        passwordEnv: 'PROBE_TEST_PG_B_MEMBER',
        sslmode: 'verify-ca',
        caFile: s.CA_FILE,
      }),
    );
    expect(d.role).toMatchObject({ superuser: false, memberOf: ['cloudsqlsuperuser'] });
    expect(d.ownership).toMatchObject({
      database: true,
      schemas: ['public'],
      tables: ['public.licenses'],
      tableCount: 1,
    });
    expect(d.privileges?.createOnDatabase).toBe(true);
    expect(d.privileges?.createOnSchemas).toEqual(['public']);
    expect(d.privileges?.beyondDml).toEqual([
      { table: 'public.licenses', privileges: ['TRUNCATE', 'REFERENCES', 'TRIGGER'] },
    ]);
  });

  it('connects with sslmode disable when a trusted config allows the clear-text password, and records the unencrypted session', async () => {
    const d = data(
      await probe({
        host: s.PG_HOST,
        port: Number(s.PG_B_PORT),
        user: s.PG_B_SUPERUSER,
        passwordEnv: 'PROBE_TEST_PG_B_SUPER',
        sslmode: 'disable',
        allowPlaintextCredentials: true,
      }),
    );
    expect(d.session).toMatchObject({ ssl: false, readOnly: true });
  });

  it('with sslmode disable and no allowPlaintextCredentials, withholds the password and says why', async () => {
    const f = await probe({
      host: s.PG_HOST,
      port: Number(s.PG_B_PORT),
      user: s.PG_B_SUPERUSER,
      passwordEnv: 'PROBE_TEST_PG_B_SUPER',
      sslmode: 'disable',
    });
    expect(f.status).toBe('ok');
    if (f.status !== 'ok') return;
    expect(f.data.session).toBeUndefined();
    expect(f.problems[0]?.message).toMatch(/was not sent: sslmode disable would carry it in clear text/);
    expect(f.problems[0]?.fix).toMatch(/allowPlaintextCredentials: true/);
  });
});

describe('read-only', () => {
  it('sends only reads: the statement log shows no write from the probe', async () => {
    const mark = logSize(s.PG_B_LOG);
    await probe({
      host: s.PG_HOST,
      port: Number(s.PG_B_PORT),
      user: s.PG_B_SUPERUSER,
      passwordEnv: 'PROBE_TEST_PG_B_SUPER',
    });
    // The server writes its log asynchronously: wait for the session's end (ROLLBACK) to be in it.
    const lines = await loggedSince(s.PG_B_LOG, mark, (l) => pgStatements(l, 'coditect-audit').includes('ROLLBACK'));
    const statements = pgStatements(lines, 'coditect-audit');
    expect(statements.length).toBeGreaterThan(5);
    // Other test files may probe the same server at the same time: every probe session is read-only.
    expect(statements).toContain('BEGIN TRANSACTION READ ONLY');
    expect(statements).toContain('ROLLBACK');
    for (const sql of statements) expect(withoutLiterals(sql), sql).not.toMatch(SQL_WRITE);
  });
});
