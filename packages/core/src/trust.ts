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
    const p = env.layers?.probe;
    const out: { at: string; why: string }[] = [];
    if (p?.postgres?.passwordEnv) out.push({ at: 'layers.probe.postgres.passwordEnv', why: NAMES_CREDENTIAL });
    if (p?.postgres?.fromSecret)
      out.push({
        at: 'layers.probe.postgres.fromSecret',
        why: "sends the application's live database password to the host this file names",
      });
    if (p?.redis?.passwordEnv) out.push({ at: 'layers.probe.redis.passwordEnv', why: NAMES_CREDENTIAL });
    if (p?.registry?.usernameEnv) out.push({ at: 'layers.probe.registry.usernameEnv', why: NAMES_CREDENTIAL });
    if (p?.registry?.passwordEnv) out.push({ at: 'layers.probe.registry.passwordEnv', why: NAMES_CREDENTIAL });
    if (p?.registry?.url)
      out.push({
        at: 'layers.probe.registry.url',
        why: `${CHOOSES_DESTINATION} (the Application Default Credentials' token for Artifact Registry)`,
      });
    for (const s of ['postgres', 'redis', 'registry'] as const)
      if (p?.[s]?.allowPlaintextCredentials)
        out.push({ at: `layers.probe.${s}.allowPlaintextCredentials`, why: PLAINTEXT });
    return out;
  },
];

/** Paths a configuration names that must stay inside the scanned directory unless it is trusted. */
function pathSettings(config: Config, env: EnvironmentConfig): { at: string; value: string }[] {
  const p = env.layers?.probe;
  const out: { at: string; value: string }[] = [];
  if (config.adr) out.push({ at: 'adr', value: config.adr });
  for (const s of ['postgres', 'redis', 'registry', 'http'] as const) {
    const ca = p?.[s]?.caFile;
    if (ca) out.push({ at: `layers.probe.${s}.caFile`, value: ca });
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
    // `adr` is relative to the config file; probe files to the scanned directory.
    const base = at === 'adr' ? paths.configDir : paths.root;
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
