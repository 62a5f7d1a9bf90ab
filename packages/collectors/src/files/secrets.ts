/**
 * Classifies a Secret value without keeping it: only well-known public names (superuser names,
 * example hosts, libpq sslmode values) and the non-secret parts of connection URLs leave this module.
 */
import type { SecretKey, SecretValueClass } from '@coditect-audit/core';

export interface SecretValueVerdict {
  class: SecretValueClass;
  publicValue?: string;
  url?: NonNullable<SecretKey['url']>;
}

/** Names of database administrator accounts (PostgreSQL, MySQL, SQL Server, Cloud SQL). */
const SUPERUSER_NAMES = new Set(['postgres', 'root', 'admin', 'sa', 'cloudsqlsuperuser', 'superuser']);

/** libpq `sslmode` values: public settings, not secrets. */
const SSL_MODES = new Set(['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full']);
const SSLMODE_KEY = /ssl[-_]?mode/i;

/** A key that names a user account (`db-user`, `POSTGRES_USER`, `username`). */
const USER_KEY = /user/i;
/** A key that names a host, where generic words (`host`, `server`) are placeholders. */
const HOST_KEY = /host|server|addr|endpoint|url|uri|dsn|ip\b/i;

/** Whole values nobody deploys on purpose. */
const PLACEHOLDER_WORDS = new Set([
  'placeholder',
  'changeme',
  'change-me',
  'change_me',
  'changeit',
  'changethis',
  'change-this',
  'replaceme',
  'replace-me',
  'replace_me',
  'todo',
  'tbd',
  'tba',
  'fixme',
  'dummy',
  'example',
  'sample',
  'test',
  'testing',
  'secret',
  'password',
  'passw0rd',
  'passwd',
  'default',
  'none',
  'null',
  'nil',
  'undefined',
  'n/a',
  'empty',
  'foo',
  'bar',
  'foobar',
  '1234',
  '12345',
  '123456',
  '12345678',
  'qwerty',
  'letmein',
  'abc123',
]);

/**
 * Template syntax around the whole value (`${DB_PASSWORD}`, `$DB_PASSWORD`, `{{ .Values.password }}`): in a
 * manifest, what a deploy step (envsubst, Helm, a pipeline's token replacement) puts there when it applies the
 * file; in a live Secret, a substitution that never happened. Each is a placeholder shape too (below).
 */
const TEMPLATE_REFERENCE: RegExp[] = [/^\$\{[^}]+\}$/, /^\$[A-Z_][A-Z0-9_]*$/, /^\{\{.+\}\}$/];

/** Whether the whole value is template syntax (see {@link TEMPLATE_REFERENCE}). */
export function isTemplateReference(value: string): boolean {
  const trimmed = value.trim();
  return TEMPLATE_REFERENCE.some((re) => re.test(trimmed));
}

/** Placeholder shapes: markers anywhere in the value, or template syntax around the whole of it. */
const PLACEHOLDER_PATTERNS: RegExp[] = [
  /placeholder/i,
  /change[-_ .]?me\b/i,
  // `changePassword`, `changeRunnerAuthToken`, `change_password`: "change the password", said in its place.
  /^change(?:[A-Z][A-Za-z0-9]*|[-_ ]?(?:password|passwd|pass|user|username|token|secret|key)s?)$/,
  /replace[-_ .]?(?:me|this|with)\b/i,
  /insert[-_ .]?(?:your|here)/i,
  /\b(?:todo|fixme|tbd)\b/i,
  /^your[-_ .]/i,
  /^(?:my|your)[-_]?(?:secret|password|pass|token|key|api[-_]?key)$/i,
  /^(?:example|sample|dummy|fake)[-_.]/i,
  /<[A-Za-z][\w .-]*>/,
  ...TEMPLATE_REFERENCE,
  /^(?:x{3,}[-_.:]?)+$/i,
  /^(?:\*{3,}|\.{3,})$/,
  /^django-insecure-/,
];

/** `host`, `localhost:5432`, `[::1]`: a value that reads as a host name with an optional port. */
const HOST_LIKE = /^(\[[0-9a-f:.]+\]|[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?)(?::\d{1,5})?$/i;

const PLACEHOLDER_HOST_NAMES = new Set([
  'example',
  'test',
  'host',
  'hostname',
  'server',
  'ip',
  'ip-address',
  'db-host',
  'db_host',
  'dbhost',
  'database-host',
  'redis-host',
  'redis_host',
  'x.x.x.x',
  'a.b.c.d',
]);

export function isSuperuserName(value: string): boolean {
  return SUPERUSER_NAMES.has(value.trim().toLowerCase());
}

export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  return PLACEHOLDER_WORDS.has(trimmed.toLowerCase()) || PLACEHOLDER_PATTERNS.some((re) => re.test(trimmed));
}

/**
 * A host nobody deploys to: `example.com`/`.org`/`.net` and their subdomains, the reserved `.example`,
 * `.test`, `.invalid` and `.localhost` names, loopback and unspecified addresses, and (where the key
 * names a host) generic words such as `host` or `your-db-host`.
 */
export function isExampleHost(host: string, keyNamesHost = true): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (!h) return false;
  if (/(?:^|\.)example\.(?:com|org|net)$/.test(h)) return true;
  if (/\.(?:example|test|invalid|localhost)$/.test(h)) return true;
  if (h === 'localhost' || h === 'localhost.localdomain' || h === '0.0.0.0' || h === '::1' || h === '::') return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  if (!keyNamesHost) return false;
  if (PLACEHOLDER_HOST_NAMES.has(h)) return true;
  return /^your[-_.]/.test(h) || /^my[-_.].*(?:host|server|endpoint|ip|address)$/.test(h);
}

/** Decodes a Secret `data` value; `undefined` when it is not valid standard base64. */
export function decodeBase64(value: string): string | undefined {
  const compact = value.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return undefined;
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** Classifies one Secret value; `key` decides whether a user or host name is meant. */
export function classifySecretValue(key: string, value: string): SecretValueVerdict {
  const trimmed = value.trim();
  if (!trimmed) return { class: 'empty' };
  if (SSLMODE_KEY.test(key) && SSL_MODES.has(trimmed.toLowerCase())) return { class: 'set', publicValue: trimmed };
  const url = parseConnectionUrl(trimmed);
  if (url) return classifyUrl(url);
  const keyNamesHost = HOST_KEY.test(key);
  if (HOST_LIKE.test(trimmed) && isExampleHost(hostOf(trimmed), keyNamesHost)) {
    return { class: 'example-host', publicValue: trimmed };
  }
  if (USER_KEY.test(key) && isSuperuserName(trimmed)) return { class: 'superuser-name', publicValue: trimmed };
  if (isPlaceholder(trimmed)) return { class: 'placeholder' };
  return { class: 'set' };
}

interface ConnectionUrl {
  parts: NonNullable<SecretKey['url']>;
  user: string;
  password: string;
}

/** `scheme://user:pass@host:port/db?sslmode=...` (also `jdbc:` prefixed); `undefined` for anything else. */
export function parseConnectionUrl(value: string): ConnectionUrl | undefined {
  const text = value.replace(/^jdbc:/i, '');
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  const parts: NonNullable<SecretKey['url']> = { scheme: url.protocol.replace(/:$/, '').toLowerCase() };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (host) parts.host = host;
  if (url.port) parts.port = url.port;
  const database = safeDecode(url.pathname.replace(/^\/+/, ''));
  if (database) parts.database = database;
  const sslmode = url.searchParams.get('sslmode') ?? url.searchParams.get('ssl_mode');
  if (sslmode) parts.sslmode = sslmode;
  return { parts, user: safeDecode(url.username), password: safeDecode(url.password) };
}

function classifyUrl({ parts, user, password }: ConnectionUrl): SecretValueVerdict {
  const { scheme, ...rest } = parts;
  const url = { scheme, ...(isSuperuserName(user) ? { user } : {}), ...rest };
  if (
    (password && isPlaceholder(password)) ||
    (user && isPlaceholder(user)) ||
    (parts.database !== undefined && isPlaceholder(parts.database))
  ) {
    return { class: 'placeholder', url };
  }
  if (!parts.host) return { class: 'set', url };
  if (isExampleHost(parts.host)) return { class: 'example-host', publicValue: parts.host, url };
  if (isPlaceholder(parts.host)) return { class: 'placeholder', url };
  if (url.user) return { class: 'superuser-name', publicValue: url.user, url };
  return { class: 'set', url };
}

function hostOf(value: string): string {
  return value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : (value.split(':')[0] ?? value);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The parts of a connection URL written where values are readable (ConfigMaps, literal env values). */
export interface ReadableConnectionUrl {
  scheme: string;
  /** The user name; kept because the value is not a secret (Secret values are classified instead). */
  user?: string;
  /** The host name, without port (`127.0.0.1`, `10.28.0.3`, `db.internal`). */
  host?: string;
  sslmode?: string;
}

/**
 * `scheme://user:pass@host/db?sslmode=...` in a readable value: scheme, user, host and sslmode, never the
 * password. A value that names a scheme but is no valid URL keeps its scheme alone.
 */
export function readableConnectionUrl(value: string): ReadableConnectionUrl | undefined {
  const text = value.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1];
  if (!scheme) return undefined;
  try {
    const url = new URL(text);
    const user = decodeURIComponent(url.username);
    const sslmode = url.searchParams.get('sslmode') ?? undefined;
    const host = url.hostname;
    return {
      scheme: scheme.toLowerCase(),
      ...(user ? { user } : {}),
      ...(host ? { host } : {}),
      ...(sslmode ? { sslmode } : {}),
    };
  } catch {
    return { scheme: scheme.toLowerCase() };
  }
}
