/**
 * The real services the probe tests talk to, as `scripts/services.sh start` left them in
 * `.tmp/services.env`. Without that file the tests fail (never skip): start the services first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CollectContext, ProbeLayerConfig } from '@coditect-audit/core';
import { resolveExpectations } from '@coditect-audit/core';

export const repoRoot = join(import.meta.dirname, '..', '..', '..');
const ENV_FILE = join(repoRoot, '.tmp', 'services.env');

export interface Services {
  SERVICES_DIR: string;
  CA_FILE: string;
  PG_HOST: string;
  PG_A_PORT: string;
  PG_A_LOG: string;
  PG_A_APP_USER: string;
  PG_A_APP_PASSWORD: string;
  PG_A_AUDIT_USER: string;
  PG_A_AUDIT_PASSWORD: string;
  PG_B_PORT: string;
  PG_B_LOG: string;
  PG_B_SUPERUSER: string;
  PG_B_SUPERUSER_PASSWORD: string;
  PG_B_MEMBER_USER: string;
  PG_B_MEMBER_PASSWORD: string;
  PG_B_OWNER_USER: string;
  PG_B_OWNER_PASSWORD: string;
  PG_DATABASE: string;
  REDIS_HOST: string;
  REDIS_NOAUTH_PORT: string;
  REDIS_AUTH_PORT: string;
  REDIS_TLS_PORT: string;
  REDIS_STATS_PORT: string;
  REDIS_PASSWORD: string;
  REGISTRY_URL: string;
  REGISTRY_LOG: string;
  REGISTRY_IMAGES: string;
  HTTPS_GOOD_URL: string;
  HTTP_GOOD_URL: string;
  HTTPS_BROKEN_URL: string;
  HTTP_BROKEN_URL: string;
  HTTP_LOG: string;
}

export function loadServices(file = ENV_FILE): Services {
  if (!existsSync(file))
    throw new Error(
      `the probe tests need the real services: run \`scripts/services.sh start\` first (${file} is missing). ` +
        'scripts/test.sh does this for you.',
    );
  const env: Record<string, string> = {};
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (m) env[m[1] as string] = m[2] as string;
  }
  return env as unknown as Services;
}

/** The registry host:port as image references name it. */
export function registryHost(s: Services): string {
  return new URL(s.REGISTRY_URL).host;
}

export function probeContext(config: ProbeLayerConfig, root = repoRoot): CollectContext<ProbeLayerConfig> {
  return {
    root,
    environment: 'staging',
    expectations: resolveExpectations({}),
    config,
    overrides: {},
    progress: () => {},
  };
}

/** Lines appended to a log file since `mark` was taken. */
export function logSince(file: string, mark: number): string[] {
  return readFileSync(file).subarray(mark).toString('utf8').split('\n').filter(Boolean);
}

/**
 * The lines appended since `mark` once `ready` finds what it looks for in them: servers write their logs
 * asynchronously (PostgreSQL's collector, the registry), so a test waits for the line it needs instead of
 * sleeping a guess. Polls; the test's own timeout is the deadline.
 */
export async function loggedSince(file: string, mark: number, ready: (lines: string[]) => boolean): Promise<string[]> {
  for (;;) {
    const lines = logSince(file, mark);
    if (ready(lines)) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
}

export function logSize(file: string): number {
  return existsSync(file) ? readFileSync(file).length : 0;
}

/**
 * Statements a PostgreSQL `log_statement=all` log records for one application_name, each whole
 * (continuation lines joined), string literals blanked so `'CREATE'` in a privilege check is not a write.
 */
export function pgStatements(lines: string[], applicationName: string): string[] {
  const entries: string[] = [];
  for (const line of lines) {
    if (/^\d{4}-\d\d-\d\d /.test(line)) entries.push(line);
    else if (entries.length > 0) entries[entries.length - 1] += `\n${line}`;
  }
  return entries
    .filter((e) => e.includes(`app=${applicationName} `) && /LOG: {2}(statement|execute [^:]*):/.test(e))
    .map((e) => e.replace(/^[\s\S]*?LOG: {2}(statement|execute [^:]*): /, '').trim());
}

/** A statement's text without its string literals. */
export function withoutLiterals(sql: string): string {
  return sql.replace(/'(?:[^']|'')*'/g, "''");
}

/** Words that change data, schema, roles or settings. */
export const SQL_WRITE =
  /\b(INSERT|UPDATE|DELETE|MERGE|CREATE|ALTER|DROP|GRANT|REVOKE|TRUNCATE|COPY|VACUUM|REINDEX|CLUSTER|COMMENT|SECURITY|LOCK|NOTIFY|SET\s+ROLE|SET\s+SESSION)\b/i;

/** A kubeconfig for a local fake API server (plain HTTP, no credentials). */
export function writeKubeconfig(dir: string, server: string): string {
  const file = `${dir}/kubeconfig`;
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters: [{ name: fake, cluster: { server: "${server}", insecure-skip-tls-verify: true } }]
users: [{ name: fake, user: {} }]
contexts: [{ name: fake, context: { cluster: fake, user: fake, namespace: coditect-staging } }]
current-context: fake
`,
  );
  return file;
}

/** Calls per Redis command (`INFO commandstats`, rejected calls included), e.g. `{ ping: 3, info: 2 }`. */
export function redisCommandStats(port: string, password?: string): Record<string, number> {
  const auth = password ? ['--no-auth-warning', '-a', password] : [];
  const r = spawnSync('redis-cli', ['-p', port, ...auth, 'INFO', 'commandstats'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`redis-cli failed: ${r.stderr}`);
  const out: Record<string, number> = {};
  for (const m of r.stdout.matchAll(/cmdstat_([a-z|]+):calls=(\d+),.*?rejected_calls=(\d+)/g))
    out[m[1] as string] = Number(m[2]) + Number(m[3]);
  return out;
}
