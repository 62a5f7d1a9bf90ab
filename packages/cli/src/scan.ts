/**
 * The library entry: configuration → collectors → snapshot → rules → result.
 * `scan()` returns the scan result; writing reports and choosing the exit code is the binary's job.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import {
  assertUniqueIds,
  type Baseline,
  BaselineError,
  type Config,
  ConfigError,
  compile,
  describeAjvError,
  type EnvironmentConfig,
  environmentLine,
  evaluate,
  type FailOn,
  type Layer,
  type LogLevel,
  indexAdrSections,
  parseBaseline,
  parseConfig,
  type Rule,
  RuleDefinitionError,
  resolveExpectations,
  type ScanResult,
  type Snapshot,
  SnapshotSchema,
  selectEnvironment,
  FACET_NAMES,
  type Facet,
  layerOfFacet,
  checkSnapshot,
  trustedOnlySettings,
  untrustedConfigMessage,
} from '@coditect-audit/core';
import { builtinRules } from '@coditect-audit/rules';
import { LIVE_LAYERS, type LiveLayer } from './layers.js';
import { loadPlugins } from './plugins.js';
import { VERSION } from './version.js';

export interface ScanOptions {
  /** Directory to scan; default the current directory. */
  dir?: string;
  /** Config file; default `<dir>/coditect-audit.yaml` when it exists. Without one, the files are scanned alone. */
  config?: string;
  env?: string;
  /** Replay a snapshot written by `collect` instead of collecting. */
  snapshot?: string;
  failOn?: FailOn;
  allowIncomplete?: boolean;
  /** Undecided checks gate like findings; default the environment's `strict`, else false. */
  strict?: boolean;
  baseline?: string;
  /** Extra paths (absolute or relative to dir) the files layer must not read, e.g. the report folder. */
  excludePaths?: string[];
  /** Record start and finish times in the result (reports are otherwise timestamp-free). */
  timestamps?: boolean;
  /** YYYY-MM-DD for suppression expiry; default today (UTC). */
  today?: string;
  /** Kubernetes context and kubeconfig, overriding the config (`--context`, `--kubeconfig`). */
  k8sContext?: string;
  kubeconfig?: string;
  /** Progress messages for humans (the binary prints them on stderr when it is a TTY). */
  progress?: (message: string) => void;
  /** Diagnostics (`--verbose` / `--debug`), on stderr; collectors never pass a secret to it. */
  log?: (level: LogLevel, message: string) => void;
  /** Run only these of the configured layers (`--layers files,k8s`); the others are reported as not selected. */
  layers?: Layer[];
  /**
   * Rule packs from the trusted side (`--plugin`, repeatable): npm package names or paths relative to the
   * current directory. Loaded whatever the configuration's trust.
   */
  plugins?: string[];
  /**
   * Trust the configuration file inside the scanned directory as if it were outside it (`--trust-repo-config`):
   * its plugins load and its credentials are used. Never for pull requests from forks (docs/security.md).
   */
  trustRepoConfig?: boolean;
  /** Given the snapshot the scan judged (collected, or read from `snapshot`), e.g. to keep it (`--upload`). */
  onSnapshot?: (snapshot: Snapshot) => void;
}

export interface PreparedScan {
  root: string;
  configFile?: string;
  configText?: string;
  config?: Config;
  environment: string;
  envConfig: EnvironmentConfig;
  rules: Rule[];
  /**
   * Whether the configuration came from the trusted side: outside the scanned directory (by real path), or
   * inside it with `--trust-repo-config`. `true` without a configuration file.
   */
  configTrusted: boolean;
}

const CONFIG_NAMES = ['coditect-audit.yaml', 'coditect-audit.yml'];

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** Loads configuration and rules; throws `ConfigError` for anything the user must fix. */
export async function prepare(options: ScanOptions): Promise<PreparedScan> {
  const root = resolve(options.dir ?? '.');
  if (!existsSync(root)) throw new ConfigError(`--dir ${options.dir}: no such directory`);
  if (!statSync(root).isDirectory())
    throw new ConfigError(`--dir ${options.dir}: is a file; give the directory to scan`);
  let configPath: string | undefined;
  if (options.config) {
    configPath = resolve(options.config);
    if (!existsSync(configPath)) throw new ConfigError(`--config ${options.config}: no such file`);
    if (statSync(configPath).isDirectory())
      throw new ConfigError(
        `--config ${options.config}: is a directory; name the file (e.g. --config ${toPosix(options.config).replace(/\/$/, '')}/coditect-audit.yaml)`,
      );
  } else {
    configPath = CONFIG_NAMES.map((n) => resolve(root, n)).find((p) => existsSync(p));
  }

  let config: Config | undefined;
  let configText: string | undefined;
  let configFile: string | undefined;
  let environment = options.env ?? 'default';
  let envConfig: EnvironmentConfig = {};
  let configTrusted = true;
  const rules: Rule[] = [...builtinRules];
  if (configPath) {
    configFile = toPosix(relative(root, configPath)) || 'coditect-audit.yaml';
    configText = await readFile(configPath, 'utf8');
    config = parseConfig(configText, configFile);
    [environment, envConfig] = selectEnvironment(config, options.env, configFile);
    // Inside by its path or by its real path: a link committed in the repository is the repository's,
    // wherever it points, and a link outside to a file inside is the repository's file.
    const inRepo =
      isInside(root, configPath) ||
      isInside(realpathSync(root), realpathSync(configPath)) ||
      isInside(realpathSync(root), configPath);
    configTrusted = Boolean(options.trustRepoConfig) || !inRepo;
    if (!configTrusted) {
      // Checked before anything is imported or contacted: a refused plugin never runs.
      const refused = trustedOnlySettings(config, environment, envConfig, { root, configDir: dirname(configPath) });
      if (refused.length > 0)
        throw new ConfigError(untrustedConfigMessage(configFile, refused), configFile, refused[0]!.path);
    }
  }
  const fromConfig = configPath
    ? await loadPlugins(config?.plugins ?? [], dirname(configPath), configFile ?? 'coditect-audit.yaml')
    : [];
  const fromFlags = await loadPlugins(options.plugins ?? [], process.cwd(), '--plugin', { source: 'flag' });
  for (const p of [...fromFlags, ...fromConfig]) rules.push(...p.rules);
  try {
    assertUniqueIds(rules);
  } catch (e) {
    if (e instanceof RuleDefinitionError)
      throw new ConfigError(`${configFile ?? '--plugin'}: plugins: ${e.message}`, configFile, 'plugins');
    throw e;
  }
  if (config && configFile) {
    const known = new Set(rules.flatMap((r) => [r.id, ...r.aliases]));
    for (const id of Object.keys(envConfig.rules ?? {})) {
      if (!known.has(id))
        throw new ConfigError(
          `${configFile}: environments.${environment}.rules.${id}: no rule has this id (see \`coditect-audit rules\`)`,
          configFile,
          `environments.${environment}.rules.${id}`,
        );
    }
  }
  return {
    root,
    ...(configFile ? { configFile } : {}),
    ...(configText ? { configText } : {}),
    ...(config ? { config } : {}),
    environment,
    envConfig,
    rules,
    configTrusted,
  };
}

/** `path` relative to `root`, both by real path (of their nearest existing folder); undefined when outside. */
function realRelative(root: string, path: string): string | undefined {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const real = resolve(realpathSync(existing), relative(existing, path));
  const rel = toPosix(relative(realpathSync(root), real));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : undefined;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** Collects the snapshot of the configured layers. Each layer's collector is imported only when used. */
export async function collectSnapshot(prep: PreparedScan, options: ScanOptions = {}): Promise<Snapshot> {
  const snapshot: Snapshot = {
    schemaVersion: 1,
    tool: { name: 'coditect-audit', version: VERSION },
    environment: prep.environment,
    root: '.',
    layers: {},
    facets: {},
  };
  const expectations = resolveExpectations(prep.envConfig.expectations);
  // With --verbose the progress lines are the info log, on any stderr; without, the TTY-only printer.
  const log = options.log;
  const progress = log ? (m: string) => log('info', m) : (options.progress ?? (() => {}));
  const layers = prep.envConfig.layers ?? {};
  const tasks: Promise<void>[] = [];

  const selected = (layer: Layer) => !options.layers || options.layers.includes(layer);
  const notSelected = (layer: Layer) => ({
    status: 'not-configured' as const,
    reason: `${layer} not selected (--layers ${options.layers?.join(',')})`,
  });
  const files = layers.files ?? true;
  if (!selected('files')) {
    snapshot.layers.files = notSelected('files');
  } else if (files === false) {
    snapshot.layers.files = { status: 'not-configured', reason: `layers.files is false for ${prep.environment}` };
  } else {
    tasks.push(
      (async () => {
        const { collectFilesWithScope } = await import('@coditect-audit/collectors');
        const layerCfg = typeof files === 'object' ? files : {};
        const exclude = [...(layerCfg.exclude ?? [])];
        // By real path: a report folder reached through a link (or the root itself being one) is still it.
        const outputs = (options.excludePaths ?? [])
          .map((p) => realRelative(prep.root, resolve(prep.root, p)))
          .filter((rel): rel is string => rel !== undefined);
        progress('files: reading the repository');
        const { facets, excluded } = await collectFilesWithScope({
          root: prep.root,
          ...(layerCfg.include ? { include: layerCfg.include } : {}),
          exclude,
          outputs,
        });
        Object.assign(snapshot.facets, facets);
        snapshot.excluded = excluded;
        const tf = facets['files.terraform'];
        const skipped = tf.status === 'ok' ? (tf.data.skipped ?? []) : [];
        snapshot.layers.files = { status: 'collected', ...(skipped.length ? { skipped } : {}) };
      })(),
    );
  }

  // Live layers run concurrently with the files layer and each other; each bounds its own parallelism.
  for (const layer of Object.keys(LIVE_LAYERS) as LiveLayer[]) {
    const config = layers[layer];
    if (config !== undefined && !selected(layer)) {
      snapshot.layers[layer] = notSelected(layer);
      continue;
    }
    if (config === undefined) {
      snapshot.layers[layer] = {
        status: 'not-configured',
        reason: `layers.${layer} is not set for ${prep.environment}`,
      };
      continue;
    }
    tasks.push(
      (async () => {
        const seconds = (config as { deadlineSeconds?: number }).deadlineSeconds ?? LAYER_DEADLINE_SECONDS;
        const partial: Snapshot['facets'] = {};
        // The deadline counts from the start of the layer: loading its clients is part of its time.
        const collected = await withinDeadline(
          seconds * 1000,
          LIVE_LAYERS[layer]().then((mod) =>
            mod.collect({
              root: prep.root,
              environment: prep.environment,
              expectations,
              config,
              overrides: {
                ...(options.k8sContext ? { k8sContext: options.k8sContext } : {}),
                ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
              },
              progress: (m) => progress(`${layer}: ${m}`),
              ...(options.log ? { log: (level: LogLevel, m: string) => options.log?.(level, `${layer}: ${m}`) } : {}),
              partial,
            }),
          ),
        );
        if (collected === undefined) {
          // Past the deadline, the facets the collector finished are kept; every other one is an error.
          const reason = `the ${layer} layer did not finish within its deadline of ${seconds} s (layers.${layer}.deadlineSeconds)`;
          const done = { ...partial } as Record<string, Facet<unknown> | undefined>;
          for (const name of FACET_NAMES.filter((f) => layerOfFacet(f) === layer))
            (snapshot.facets as Record<string, Facet<unknown>>)[name] = done[name] ?? {
              status: 'error',
              problems: [
                {
                  subject: `${layer} layer`,
                  message: `${reason}, so ${name} was not read`,
                  cause: 'deadline',
                  fix: `find what does not answer with --debug (the calls still waiting), or raise layers.${layer}.deadlineSeconds`,
                },
              ],
            };
          snapshot.layers[layer] = { status: 'failed', reason };
          progress(`${layer}: ${reason}`);
          return;
        }
        Object.assign(snapshot.facets, collected.facets);
        snapshot.layers[layer] = collected.state;
      })(),
    );
  }
  await Promise.all(tasks);
  return snapshot;
}

/** A live layer's overall deadline unless `layers.<layer>.deadlineSeconds` says otherwise. */
export const LAYER_DEADLINE_SECONDS = 120;

/** The promise's value, or undefined when it has not settled by `ms` (it is left to settle unobserved). */
export function withinDeadline<T>(ms: number, work: Promise<T>): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  work.catch(() => {});
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** Reads a snapshot written by `collect`, validated against the snapshot schema. */
export async function readSnapshot(path: string): Promise<Snapshot> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`--snapshot ${path}: cannot be read as JSON (${(e as Error).message})`);
  }
  const validate = compile(SnapshotSchema);
  if (!validate(value)) {
    const first = (validate.errors ?? []).slice(0, 5).map(describeAjvError).join('; ');
    throw new ConfigError(
      `--snapshot ${path}: not a coditect-audit snapshot (schema v1): ${first}. Write it with \`coditect-audit collect\`.`,
    );
  }
  return value as Snapshot;
}

export async function collect(options: ScanOptions = {}): Promise<Snapshot> {
  const prep = await prepare(options);
  const snapshot = await collectSnapshot(prep, options);
  return { ...snapshot, collectedAt: new Date().toISOString() };
}

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const startedAt = new Date().toISOString();
  const replayed = options.snapshot ? await readSnapshot(options.snapshot) : undefined;
  // A replay is judged as the environment it was collected for: --env must say the same, or be left out.
  const prep = await prepare(replayed && !options.env ? { ...options, env: replayed.environment } : options);
  if (replayed && replayed.environment !== prep.environment)
    throw new ConfigError(
      `--snapshot ${options.snapshot}: it was collected for environment "${replayed.environment}", not "${prep.environment}". ` +
        `Replay it with --env ${replayed.environment}, or collect a snapshot of ${prep.environment}.`,
    );
  const snapshot = replayed ? checkSnapshot(replayed, prep.envConfig).snapshot : await collectSnapshot(prep, options);
  options.onSnapshot?.(snapshot);

  let adr: ScanResult['adr'];
  if (prep.config?.adr && prep.configFile) {
    const adrPath = resolve(prep.root, dirname(prep.configFile), prep.config.adr);
    if (!existsSync(adrPath))
      throw new ConfigError(
        `${prep.configFile}: adr: ${prep.config.adr}: no such file (the path is relative to the config file)`,
        prep.configFile,
        'adr',
      );
    adr = { file: toPosix(relative(prep.root, adrPath)), sections: indexAdrSections(await readFile(adrPath, 'utf8')) };
  }

  let baseline: { file: string; baseline: Baseline } | undefined;
  if (options.baseline) {
    if (!existsSync(options.baseline))
      throw new BaselineError(`--baseline ${options.baseline}: no such file; write one with --write-baseline`);
    baseline = {
      file: options.baseline,
      baseline: parseBaseline(await readFile(options.baseline, 'utf8'), options.baseline),
    };
  }

  const envLine = prep.configText ? environmentLine(prep.configText, prep.environment) : undefined;
  const failOn = options.failOn ?? prep.envConfig.failOn ?? 'P0';
  return evaluate(snapshot, prep.rules, {
    environment: prep.environment,
    ...(prep.envConfig.tier ? { tier: prep.envConfig.tier } : {}),
    expectations: resolveExpectations(prep.envConfig.expectations),
    ...(prep.envConfig.rules ? { ruleOverrides: prep.envConfig.rules } : {}),
    failOn,
    allowIncomplete: options.allowIncomplete ?? false,
    strict: options.strict ?? prep.envConfig.strict ?? false,
    // Without a config (or with one whose environment names no expectations) ADR-001's names are assumed.
    ...(prep.envConfig.expectations ? {} : { assumedExpectations: true }),
    suppressions: prep.config?.suppressions ?? [],
    ...(prep.configFile ? { configFile: prep.configFile } : {}),
    ...(envLine ? { configLine: envLine } : {}),
    ...(baseline ? { baseline } : {}),
    ...(adr ? { adr } : {}),
    ...(options.today ? { today: options.today } : {}),
    toolVersion: VERSION,
    ...(options.timestamps ? { timestamps: { startedAt, finishedAt: new Date().toISOString() } } : {}),
  });
}
