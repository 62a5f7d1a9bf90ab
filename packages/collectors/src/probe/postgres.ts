/**
 * PostgreSQL, read-only: who the app's role is (attributes, memberships, what it owns, rights beyond
 * DML), the server version, and whether the server refuses an unencrypted connection.
 * The session starts with `default_transaction_read_only=on` and every query runs inside
 * `BEGIN TRANSACTION READ ONLY`, so not even a mistake of ours could write. The plaintext attempt never
 * sends a password: its password callback stops the connection the moment the server asks for one.
 */
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import type { Expectations, Facet, PostgresProbe, PostgresProbeConfig, Problem } from '@coditect-audit/core';
import type { Client, ClientConfig } from 'pg';
import { readSecretKeys } from './kube.js';
import { caBundle, sniName } from './tls.js';
import {
  errorCode,
  firstLine,
  ProbeTimeout,
  type Redactor,
  caFileOrError,
  describeNetworkError,
  withTimeout,
} from './util.js';

export interface PostgresProbeContext {
  root: string;
  expectations: Expectations;
  timeoutMs: number;
  redactor: Redactor;
  kube: { kubeconfig?: string; context?: string };
}

/** Keys a Secret may hold the database password under, when the config does not name one. */
export const DB_PASSWORD_KEYS = [
  'db-password',
  'DB_PASSWORD',
  'database-password',
  'DATABASE_PASSWORD',
  'POSTGRES_PASSWORD',
  'PGPASSWORD',
];

const APPLICATION_NAME = 'coditect-audit';

/** Thrown by the plaintext attempt's password callback: the server asked for a password without TLS. */
class PasswordRequested extends Error {}

interface Login {
  user: string;
  password?: string;
  source: string;
}

type SslMode = NonNullable<PostgresProbeConfig['sslmode']>;

async function resolveLogin(
  config: PostgresProbeConfig,
  ctx: PostgresProbeContext,
  problems: Problem[],
): Promise<Login | undefined> {
  if (config.fromSecret) {
    const namespace = config.fromSecret.namespace ?? ctx.expectations.app.namespace;
    const name = config.fromSecret.name ?? ctx.expectations.app.secrets[0];
    const subject = `Secret ${namespace}/${name ?? '?'}`;
    if (!name) {
      problems.push({
        subject: 'layers.probe.postgres.fromSecret',
        message: 'no Secret is named (fromSecret.name, or expectations.app.secrets)',
        fix: 'set layers.probe.postgres.fromSecret.name to the Secret that holds the database login',
      });
      return undefined;
    }
    const userKeys = config.fromSecret.userKey ? [config.fromSecret.userKey] : ctx.expectations.app.dbUserKeys;
    const passwordKeys = config.fromSecret.passwordKey ? [config.fromSecret.passwordKey] : DB_PASSWORD_KEYS;
    let values: Map<string, string>;
    try {
      values = await readSecretKeys(
        { ...ctx.kube, timeoutMs: ctx.timeoutMs },
        { namespace, name },
        [...userKeys, ...passwordKeys],
        ctx.redactor,
      );
    } catch (e) {
      const status = (e as { code?: unknown }).code;
      const fix =
        status === 403
          ? `grant the scanning identity "list" on secrets in namespace ${namespace} (RBAC verb list, resource secrets: coditect-audit rbac prints it), or give user and passwordEnv instead of fromSecret`
          : status === 404
            ? 'name the Secret that holds the database login in layers.probe.postgres.fromSecret.name'
            : 'check the kubeconfig and context (--kubeconfig, --context) and that the API server is reachable';
      problems.push({
        subject: `list ${subject}`,
        message: `the Secret could not be read (${status === 403 ? 'forbidden' : status === 404 ? 'not found' : firstLine(ctx.redactor.scrub((e as Error).message))})`,
        fix,
      });
      return undefined;
    }
    const userKey = userKeys.find((k) => values.has(k));
    const passwordKey = passwordKeys.find((k) => values.has(k));
    let user = userKey ? values.get(userKey) : undefined;
    let password = passwordKey ? values.get(passwordKey) : undefined;
    // DATABASE_URL carries both; its user wins only when no plain user key is there.
    if (user && /^[a-z][a-z0-9+.-]*:\/\//i.test(user)) {
      try {
        const url = new URL(user);
        if (url.password) {
          password ??= decodeURIComponent(url.password);
          ctx.redactor.add(password);
        }
        user = decodeURIComponent(url.username);
      } catch {
        user = undefined;
      }
    }
    if (!user) {
      problems.push({
        subject,
        message: `no database user under ${userKeys.join(', ')}`,
        fix: 'name the key with layers.probe.postgres.fromSecret.userKey',
      });
      return undefined;
    }
    return { user, ...(password ? { password } : {}), source: `${subject} key ${passwordKey ?? '(none)'}` };
  }
  if (!config.user) {
    problems.push({
      subject: 'layers.probe.postgres.user',
      message: 'no login role is configured',
      fix: 'set layers.probe.postgres.user (and passwordEnv), or fromSecret to use the app’s Secret',
    });
    return undefined;
  }
  if (!config.passwordEnv) return { user: config.user, source: 'none' };
  const password = process.env[config.passwordEnv];
  if (password === undefined || password === '') {
    problems.push({
      subject: `environment variable ${config.passwordEnv}`,
      message: `${config.passwordEnv} is not set (layers.probe.postgres.passwordEnv names it), so the probe has no password for ${config.user}`,
      fix: `export ${config.passwordEnv} with the password of ${config.user} before the scan`,
    });
    return undefined;
  }
  ctx.redactor.add(password);
  return { user: config.user, password, source: `env ${config.passwordEnv}` };
}

function sslOption(
  mode: SslMode,
  host: string,
  servername: string | undefined,
  ca: string | undefined,
): ClientConfig['ssl'] {
  if (mode === 'disable') return false;
  if (mode === 'require') return { rejectUnauthorized: false };
  const name = servername ?? host;
  const sni = sniName(name);
  return {
    rejectUnauthorized: true,
    ...(ca ? { ca: caBundle(ca) } : {}),
    ...(sni ? { servername: sni } : {}),
    checkServerIdentity:
      mode === 'verify-ca'
        ? () => undefined
        : (_host: string, cert: PeerCertificate) => checkServerIdentity(name, cert),
  };
}

/** How a failed connection is explained: what happened and what to do. */
function connectProblem(e: unknown, endpoint: string, login: Login, mode: SslMode, redactor: Redactor): Problem {
  const code = errorCode(e);
  const message = redactor.scrub(firstLine((e as Error)?.message ?? String(e)));
  const subject = `PostgreSQL ${endpoint} as ${login.user}`;
  if (code === '28P01')
    return {
      subject,
      message: `password authentication failed (${message})`,
      fix: `check that ${login.source} holds the password of ${login.user}`,
    };
  if (code === '28000')
    return {
      subject,
      message,
      fix: 'allow the scanner’s address for this user and database (pg_hba.conf or Cloud SQL authorized networks), over SSL',
    };
  if (code === '3D000')
    return { subject, message, fix: 'set layers.probe.postgres.database to a database that exists' };
  if (/does not support SSL/i.test(message))
    return {
      subject,
      message: `${message}: the server has SSL switched off`,
      fix: 'enable SSL on the server, or set sslmode: disable to probe it as it is',
    };
  if (/certificate|self[- ]signed|unable to verify|altnames|Hostname\/IP/i.test(message))
    return {
      subject,
      message: `the server certificate was not accepted under sslmode ${mode} (${message})`,
      fix: 'set caFile to the server CA (Cloud SQL: gcloud sql instances describe INSTANCE --format="value(serverCaCert.cert)"), or servername to the name the certificate holds',
    };
  return {
    subject,
    message: describeNetworkError(e, endpoint),
    fix: 'check host and port, and that the scan runs where the database is reachable (inside the VPC, or through the Cloud SQL Auth Proxy)',
  };
}

const USER_SCHEMA = `n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`;

async function inspect(client: Client, appRole: string, data: PostgresProbe): Promise<void> {
  await client.query('BEGIN TRANSACTION READ ONLY');
  try {
    const server = await client.query<{ version: string; num: string; ro: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num,
              current_setting('transaction_read_only') AS ro`,
    );
    const s = server.rows[0];
    if (s) {
      const num = Number(s.num);
      data.server = {
        version: s.version,
        versionNum: num,
        major: num >= 100000 ? Math.floor(num / 10000) : Math.floor(num / 100),
      };
    }
    const ssl = await client.query<{ ssl: boolean; version: string | null }>(
      'SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()',
    );
    data.session = {
      ssl: ssl.rows[0]?.ssl === true,
      ...(ssl.rows[0]?.version ? { sslVersion: ssl.rows[0].version } : {}),
      readOnly: s?.ro === 'on',
    };

    const role = await client.query<{
      rolsuper: boolean;
      rolcreaterole: boolean;
      rolcreatedb: boolean;
      rolbypassrls: boolean;
      rolreplication: boolean;
    }>('SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = $1', [
      appRole,
    ]);
    const r = role.rows[0];
    if (!r) {
      data.role = {
        name: appRole,
        exists: false,
        superuser: false,
        createRole: false,
        createDb: false,
        bypassRls: false,
        replication: false,
        memberOf: [],
      };
      return;
    }
    const member = await client.query<{ rolname: string }>(
      `WITH RECURSIVE m(oid) AS (
         SELECT oid FROM pg_roles WHERE rolname = $1
         UNION SELECT a.roleid FROM pg_auth_members a JOIN m ON a.member = m.oid)
       SELECT rolname FROM pg_roles WHERE oid IN (SELECT oid FROM m) AND rolname <> $1 ORDER BY rolname`,
      [appRole],
    );
    data.role = {
      name: appRole,
      exists: true,
      superuser: r.rolsuper,
      createRole: r.rolcreaterole,
      createDb: r.rolcreatedb,
      bypassRls: r.rolbypassrls,
      replication: r.rolreplication,
      memberOf: member.rows.map((x) => x.rolname),
    };

    // Ownership counts through membership (a member of the owning role has the owner's rights).
    const owns = await client.query<{ db: boolean; schemas: string[] | null }>(
      `SELECT (SELECT pg_has_role($1, datdba, 'USAGE') FROM pg_database WHERE datname = current_database()) AS db,
              (SELECT array_agg(n.nspname::text ORDER BY n.nspname) FROM pg_namespace n
                WHERE ${USER_SCHEMA} AND pg_has_role($1, n.nspowner, 'USAGE')) AS schemas`,
      [appRole],
    );
    const tables = await client.query<{ name: string; total: string }>(
      `SELECT n.nspname || '.' || c.relname AS name, count(*) OVER () AS total
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMA} AND pg_has_role($1, c.relowner, 'USAGE')
        ORDER BY 1 LIMIT 20`,
      [appRole],
    );
    data.ownership = {
      database: owns.rows[0]?.db === true,
      schemas: owns.rows[0]?.schemas ?? [],
      tables: tables.rows.map((t) => t.name),
      tableCount: Number(tables.rows[0]?.total ?? 0),
    };

    const create = await client.query<{ db: boolean; schemas: string[] | null }>(
      `SELECT has_database_privilege($1, current_database(), 'CREATE') AS db,
              (SELECT array_agg(n.nspname::text ORDER BY n.nspname) FROM pg_namespace n
                WHERE ${USER_SCHEMA} AND has_schema_privilege($1, n.oid, 'CREATE')) AS schemas`,
      [appRole],
    );
    const beyond = await client.query<{ name: string; privileges: string[]; total: string }>(
      `SELECT name, privileges, count(*) OVER () AS total FROM (
         SELECT n.nspname || '.' || c.relname AS name,
                array_remove(ARRAY[
                  CASE WHEN has_table_privilege($1, c.oid, 'TRUNCATE') THEN 'TRUNCATE' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'REFERENCES') THEN 'REFERENCES' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'TRIGGER') THEN 'TRIGGER' END], NULL) AS privileges
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMA}) t
        WHERE cardinality(privileges) > 0 ORDER BY name LIMIT 20`,
      [appRole],
    );
    data.privileges = {
      createOnDatabase: create.rows[0]?.db === true,
      createOnSchemas: create.rows[0]?.schemas ?? [],
      beyondDml: beyond.rows.map((b) => ({ table: b.name, privileges: b.privileges })),
      beyondDmlCount: Number(beyond.rows[0]?.total ?? 0),
    };
  } finally {
    await client.query('ROLLBACK');
  }
}

function baseConfig(config: PostgresProbeConfig, database: string, user: string, timeoutMs: number): ClientConfig {
  return {
    host: config.host,
    port: config.port ?? 5432,
    database,
    user,
    application_name: APPLICATION_NAME,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    // Read-only from the first statement; a statement can never outlive the probe's deadline.
    options: `-c default_transaction_read_only=on -c statement_timeout=${timeoutMs}`,
  };
}

type ClientCtor = new (config: ClientConfig) => Client;

async function plaintextAttempt(
  PgClient: ClientCtor,
  config: PostgresProbeConfig,
  database: string,
  user: string,
  timeoutMs: number,
  redactor: Redactor,
): Promise<PostgresProbe['plaintext']> {
  const client = new PgClient({
    ...baseConfig(config, database, user, timeoutMs),
    ssl: false,
    password: () => {
      throw new PasswordRequested('the server asked for a password over an unencrypted connection');
    },
  });
  client.on('error', () => {});
  try {
    await withTimeout(
      'plaintext connection',
      timeoutMs + 500,
      client.connect(),
      () => void client.end().catch(() => {}),
    );
    return { outcome: 'accepted', detail: `logged in as ${user} without TLS and without a password` };
  } catch (e) {
    if (e instanceof PasswordRequested)
      return {
        outcome: 'auth-requested',
        detail: 'the server asked for a password over an unencrypted connection (none was sent)',
      };
    if (e instanceof ProbeTimeout) return { outcome: 'timeout', detail: e.message };
    const message = redactor.scrub(firstLine((e as Error).message ?? String(e)));
    if (errorCode(e) === '28000') return { outcome: 'refused', detail: message };
    if (/timeout/i.test(message)) return { outcome: 'timeout', detail: message };
    return { outcome: 'error', detail: describeNetworkError(e, `${config.host}:${config.port ?? 5432}`) };
  } finally {
    await client.end().catch(() => {});
  }
}

export async function probePostgres(
  config: PostgresProbeConfig,
  ctx: PostgresProbeContext,
): Promise<Facet<PostgresProbe>> {
  const problems: Problem[] = [];
  const port = config.port ?? 5432;
  const database = config.database ?? ctx.expectations.database.name;
  const endpoint = `${config.host}:${port}/${database}`;
  const mode: SslMode = config.sslmode ?? (config.caFile ? 'verify-full' : 'require');
  const caRead = await caFileOrError(
    ctx.root,
    config.caFile,
    'postgres',
    'give the path of the server CA PEM file, relative to the config file',
  );
  if ('error' in caRead) return caRead.error;
  const ca = caRead.ca;
  const login = await resolveLogin(config, ctx, problems);
  const PgClient: ClientCtor = (await import('pg')).default.Client;
  const loginName = login?.user ?? config.user ?? '(unknown)';
  const appRole = config.appUser ?? loginName;
  const data: PostgresProbe = {
    endpoint,
    host: config.host,
    port,
    database,
    login: loginName,
    appRole,
    credentialSource: login?.source ?? 'none',
    sslmode: mode,
    plaintext: await plaintextAttempt(PgClient, config, database, loginName, ctx.timeoutMs, ctx.redactor),
  };

  // A password never travels in clear text unless a trusted configuration says this network may carry it.
  const withheld = mode === 'disable' && login?.password !== undefined && config.allowPlaintextCredentials !== true;
  if (login && withheld) {
    problems.push({
      subject: `PostgreSQL ${endpoint}`,
      message: `the password of ${login.user} (${login.source}) was not sent: sslmode disable would carry it in clear text, so the authenticated checks were not run`,
      fix: 'probe over TLS (sslmode require or verify-full), or, only for a network you trust, set layers.probe.postgres.allowPlaintextCredentials: true in a configuration outside the scanned directory',
    });
  } else if (login) {
    const client = new PgClient({
      ...baseConfig(config, database, login.user, ctx.timeoutMs),
      // Without a configured password, a password request ends the attempt (pg would fall back to PGPASSWORD).
      password:
        login.password ??
        (() => {
          throw new Error(`the server asked for a password for ${login.user}, but none is configured (passwordEnv)`);
        }),
      ssl: sslOption(mode, config.host, config.servername, ca),
    });
    client.on('error', () => {});
    try {
      await withTimeout(
        `connecting to PostgreSQL ${endpoint}`,
        ctx.timeoutMs + 500,
        client.connect(),
        () => void client.end().catch(() => {}),
      );
      await inspect(client, appRole, data);
    } catch (e) {
      problems.push(connectProblem(e, endpoint, login, mode, ctx.redactor));
    } finally {
      await client.end().catch(() => {});
    }
  }
  return { status: 'ok', data, problems: problems.map((p) => ctx.redactor.problem(p)) };
}
