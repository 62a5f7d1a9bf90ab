/**
 * The trust boundary (docs/security.md). The scanned directory is data: a configuration file inside it
 * may choose rules, expectations and suppressions (all visible in the reports), but never run code, name a
 * credential, choose where a credential goes, or read outside the scanned tree. Those settings are
 * accepted only from the trusted side: the command line, the environment, a configuration file outside
 * the scanned directory (`--config`), or the repository's own file when `--trust-repo-config` says so.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Config, EnvironmentConfig } from './config.js';

/** One setting a repository's configuration may not hold without trust, and why. */
export interface TrustedOnlySetting {
  /** Config path, e.g. `environments.staging.layers.probe.postgres.passwordEnv`. */
  path: string;
  /** What it would let a pull request do. */
  why: string;
}

type Check = (env: EnvironmentConfig) => { at: string; why: string }[];

const RUNS_CODE = 'runs code (a kubeconfig can name an exec credential plugin) and reads credentials it names';
const NAMES_CREDENTIAL = 'names a credential the CI job holds, which would then be sent';
const CHOOSES_DESTINATION = 'chooses where a credential is sent';
const PLAINTEXT = 'lets a credential travel unencrypted';
const READS_OUTSIDE = 'reads a file outside the scanned directory';

/**
 * Per setting, what it would let a pull request do. A table rather than code paths so the documentation
 * (docs/security.md) and the check cannot drift: each row is one setting.
 */
const TRUSTED_ONLY: Check[] = [
  (env) => (env.layers?.k8s?.kubeconfig ? [{ at: 'layers.k8s.kubeconfig', why: RUNS_CODE }] : []),
  (env) => {
    const out: { at: string; why: string }[] = [];
    for (const [at, t] of probeTargets(env)) {
      if (t.passwordEnv) out.push({ at: `${at}.passwordEnv`, why: NAMES_CREDENTIAL });
      if (t.usernameEnv) out.push({ at: `${at}.usernameEnv`, why: NAMES_CREDENTIAL });
      if (t.fromSecret)
        out.push({
          at: `${at}.fromSecret`,
          why: "sends the application's live database password to the host this file names",
        });
      if (at.startsWith('layers.probe.registry') && t.url)
        out.push({
          at: `${at}.url`,
          why: `${CHOOSES_DESTINATION} (the Application Default Credentials' token for Artifact Registry)`,
        });
      if (t.allowPlaintextCredentials) out.push({ at: `${at}.allowPlaintextCredentials`, why: PLAINTEXT });
    }
    return out;
  },
];

/** Paths a configuration names that must stay inside the scanned directory unless it is trusted. */
function pathSettings(config: Config, env: EnvironmentConfig): { at: string; value: string }[] {
  const out: { at: string; value: string }[] = [];
  if (config.adr) out.push({ at: 'adr', value: config.adr });
  for (const [at, t] of probeTargets(env))
    if (typeof t.caFile === 'string') out.push({ at: `${at}.caFile`, value: t.caFile });
  return out;
}

/**
 * Every probe target with its config path: a kind given as one object (`layers.probe.redis`) or as a
 * fleet's list (`layers.probe.redis[2]`).
 */
function probeTargets(env: EnvironmentConfig): [string, Record<string, unknown>][] {
  const p = env.layers?.probe as Record<string, unknown> | undefined;
  const out: [string, Record<string, unknown>][] = [];
  for (const kind of ['postgres', 'redis', 'registry', 'http'] as const) {
    const value = p?.[kind];
    if (Array.isArray(value)) {
      for (const [i, t] of value.entries()) out.push([`layers.probe.${kind}[${i}]`, t as Record<string, unknown>]);
    } else if (value && typeof value === 'object') out.push([`layers.probe.${kind}`, value as Record<string, unknown>]);
  }
  return out;
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The settings of an untrusted configuration that only a trusted one may hold: `plugins` (code), and in
 * the selected environment every credential, credential destination, plain-text permission and path
 * outside the scanned directory. Empty when the configuration may be used as it is.
 */
export function trustedOnlySettings(
  config: Config,
  environment: string,
  env: EnvironmentConfig,
  paths: { root: string; configDir: string },
): TrustedOnlySetting[] {
  const out: TrustedOnlySetting[] = [];
  if (config.plugins?.length) out.push({ path: 'plugins', why: 'imports and runs JavaScript as the CI job’s user' });
  const prefix = `environments.${environment}.`;
  for (const check of TRUSTED_ONLY) for (const hit of check(env)) out.push({ path: prefix + hit.at, why: hit.why });
  for (const { at, value } of pathSettings(config, env)) {
    // Both `adr` and probe files are relative to the config file.
    const base = paths.configDir;
    if (!inside(paths.root, resolve(base, value)))
      out.push({ path: at === 'adr' ? at : prefix + at, why: `${READS_OUTSIDE} (${value})` });
  }
  return out;
}

/** The message of the configuration error (exit 3) that refuses them, with the three ways to fix it. */
export function untrustedConfigMessage(configFile: string, settings: readonly TrustedOnlySetting[]): string {
  return [
    `${configFile} is inside the scanned directory, so it is not trusted (a pull request can change it), and it holds settings only a trusted configuration may hold:`,
    ...settings.map((s) => `  ${s.path}: ${s.why}`),
    'Fix: move these settings to a configuration file outside the scanned directory and name it with --config;',
    'for plugins, --plugin <package or path> also works; or, only when every change to this repository is trusted',
    '(never on pull requests from forks), pass --trust-repo-config. See docs/security.md.',
  ].join('\n');
}
