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
  compileLazily,
  ConfigSchema,
  BaselineSchema,
  loadValidators,
  describeAjvError,
  type EnvironmentConfig,
  environmentLine,
  evaluate,
  type EngineOptions,
  type FailOn,
  ItemJudgements,
  type K8sLiveObject,
  type CollectResult,
  type Layer,
  type LogLevel,
  indexAdrSections,
  parseBaseline,
  parseConfig,
  type Rule,
  RuleDefinitionError,
  givenExpectationFields,
  resolveExpectations,
  type ScanResult,
  type Snapshot,
  SnapshotSchema,
  SNAPSHOT_SCHEMA_VERSION,
  selectEnvironment,
  FACET_NAMES,
  type Facet,
  layerOfFacet,
  checkSnapshot,
  trustedOnlySettings,
  untrustedConfigMessage,
  canonicalGcpFacets,
  combineLayerStates,
  ExpectationsSchema,
  type Expectations,
  fleetTargets,
  type LayerState,
  mergeSnapshots,
  type ShardSpec,
  shardSlice,
  type TargetSnapshot,
  type TargetSpec,
  targetExpectations,
  targetKey,
} from '@coditect-audit/core';
import { readBytes, textOf } from './bucket.js';
import { BUILT_RULE_IDS } from './built-rule-ids.js';
import { LIVE_LAYERS, type LiveLayer } from './layers.js';
import { loadPlugins } from './plugins.js';
import { parseSnapshotPieces } from './snapshot-pieces.js';
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
  /** `collect --shard i/n`: collect only this slice of the fleet (projects, clusters, servers). */
  shard?: ShardSpec;
  /** Replay several snapshots (the shards of one fleet), merged; `snapshot` is then ignored. */
  snapshots?: string[];
  /** Gate only on these fleet targets (`--fail-on-target`); default the config's `gate.targets`, else all. */
  failOnTargets?: string[];
  /** Every pass as a full verdict in the result's `verdicts` (`--include-passes`); default compact (`passes`). */
  includePasses?: boolean;
  /**
   * Told once, when a live layer's first requests are out and the rules start loading, in the turn after:
   * what the caller will need after the scan (the CLI's reporters) can load while the answers are awaited.
   * Never told for a replay or a scan of the files alone.
   */
  whileAwaitingAnswers?: () => void;
  /** Told once the collection has ended (failed too), before the rules judge it. Never told for a replay. */
  collectionEnded?: () => void;
}

export interface PreparedScan {
  root: string;
  configFile?: string;
  /** Directory of the config file: paths in it are relative to it. */
  configDir?: string;
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
  /** The fleet's targets (probe kinds given as lists, `layers.k8s.contexts`), in canonical order. */
  targets: TargetSpec[];
}

const CONFIG_NAMES = ['coditect-audit.yaml', 'coditect-audit.yml'];

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

/** Loads configuration and rules; throws `ConfigError` for anything the user must fix. */
export async function prepare(options: ScanOptions): Promise<PreparedScan> {
  const { prep, rules } = await prepareDeferringRules(options);
  return { ...prep, rules: await rules() };
}

/** `prepare` without its rules: `rules()` loads them (once) and throws what `prepare` would throw of them. */
interface DeferredRules {
  prep: Omit<PreparedScan, 'rules'>;
  rules: () => Promise<Rule[]>;
}

/**
 * `prepare`, but the built-in rules (the largest module a scan loads) are loaded by `rules()` when nothing
 * checked here needs them: no plugin (whose ids must not clash with theirs) and no rule named in the
 * configuration that the bundle's table of rule ids and aliases (`BUILT_RULE_IDS`) does not hold. Whatever
 * then would fail, `rules()` is called here, in `prepare`'s order, with its errors.
 */
async function prepareDeferringRules(options: ScanOptions): Promise<DeferredRules> {
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
  if (configPath) {
    configFile = toPosix(relative(root, configPath)) || 'coditect-audit.yaml';
    configText = await readFile(configPath, 'utf8');
    await loadValidators(ConfigSchema);
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
  const plugins = [...fromFlags, ...fromConfig];
  const loadRules = async (): Promise<Rule[]> => {
    const { builtinRules } = await import('@coditect-audit/rules');
    const rules: Rule[] = [...builtinRules];
    for (const p of plugins) rules.push(...p.rules);
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
    return rules;
  };
  let loading: Promise<Rule[]> | undefined;
  const rules = () => {
    loading ??= loadRules();
    return loading;
  };
  const named = config && configFile ? Object.keys(envConfig.rules ?? {}) : [];
  const builtIds = BUILT_RULE_IDS ? new Set(BUILT_RULE_IDS) : undefined;
  if (plugins.length > 0 || named.some((id) => !builtIds?.has(id))) await rules();
  const targets = fleetTargets(envConfig, environment, configFile);
  if (targets.some((t) => t.expectations)) await loadValidators(ExpectationsSchema);
  for (const t of targets) {
    if (!t.expectations) continue;
    const validate = compile(ExpectationsSchema);
    if (!validate(t.expectations))
      throw new ConfigError(
        `${configFile}: ${t.path}.expectations: ${(validate.errors ?? []).slice(0, 3).map(describeAjvError).join('; ')}`,
        configFile,
        `${t.path}.expectations`,
      );
  }
  return {
    prep: {
      root,
      ...(configFile ? { configFile } : {}),
      ...(configPath ? { configDir: dirname(configPath) } : {}),
      targets,
      ...(configText ? { configText } : {}),
      ...(config ? { config } : {}),
      environment,
      envConfig,
      configTrusted,
    },
    rules,
  };
}

/** `f`, called at most once. */
function once(f: () => void): () => void {
  let called = false;
  return () => {
    if (called) return;
    called = true;
    f();
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
export function collectSnapshot(prep: Omit<PreparedScan, 'rules'>, options: ScanOptions = {}): Promise<Snapshot> {
  return collectLayers(prep, options);
}

/**
 * `collectSnapshot`; `requestsSent` is told when a live layer's first requests are on their way (a
 * collector's `CollectContext.requestsSent`): `scan` loads its rules then, while those are answered.
 */
async function collectLayers(
  prep: Omit<PreparedScan, 'rules'>,
  options: ScanOptions,
  requestsSent?: () => void,
  objectFinished?: (facet: string, object: unknown) => void,
): Promise<Snapshot> {
  const snapshot: Snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
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
  // Shards: shard 1 also collects what cannot be split (the files, a single cluster or server).
  const shard = options.shard;
  const ownsUnsharded = !shard || shard.index === 1;
  const elsewhere = (layer: Layer) => ({
    status: 'not-configured' as const,
    reason: `${layer} is collected by shard 1/${shard?.count}`,
  });
  const owns: string[] = [];
  const myTargets = shardSlice(prep.targets, shard);
  let gcpProjects: string[] = [];
  const files = layers.files ?? true;
  if (ownsUnsharded && files !== false && selected('files')) owns.push('files');
  if (!ownsUnsharded) {
    snapshot.layers.files = elsewhere('files');
  } else if (!selected('files')) {
    snapshot.layers.files = notSelected('files');
  } else if (files === false) {
    snapshot.layers.files = { status: 'not-configured', reason: `layers.files is false for ${prep.environment}` };
  } else {
    tasks.push(
      (async () => {
        // The files layer alone: the package's index would bring every parser, needed only for files.
        const { collectFilesWithScope } = await import('@coditect-audit/collectors/files');
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

  const collectLayer = async (
    layer: LiveLayer,
    config: unknown,
    exp: Expectations,
    label: string,
    extra: { shard?: ShardSpec; overrides?: boolean; objectFinished?: (facet: string, object: unknown) => void } = {},
  ): Promise<CollectResult & { projects?: string[] }> => {
    const seconds =
      (layers[layer] as { deadlineSeconds?: number } | undefined)?.deadlineSeconds ?? LAYER_DEADLINE_SECONDS;
    const partial: Snapshot['facets'] = {};
    // The deadline counts from the start of the layer: loading its clients is part of its time.
    const collected = await withinDeadline(
      seconds * 1000,
      LIVE_LAYERS[layer]().then((mod) =>
        mod.collect({
          root: prep.root,
          ...(prep.configDir ? { configDir: prep.configDir } : {}),
          environment: prep.environment,
          expectations: exp,
          config,
          overrides:
            extra.overrides === false
              ? {}
              : {
                  ...(options.k8sContext ? { k8sContext: options.k8sContext } : {}),
                  ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
                },
          ...(extra.shard ? { shard: extra.shard } : {}),
          progress: (m) => progress(`${label}: ${m}`),
          ...(options.log ? { log: (level: LogLevel, m: string) => options.log?.(level, `${label}: ${m}`) } : {}),
          partial,
          ...(requestsSent ? { requestsSent } : {}),
          ...(extra.objectFinished ? { objectFinished: extra.objectFinished } : {}),
        }),
      ),
    );
    if (collected !== undefined) return collected;
    // Past the deadline, the facets the collector finished are kept; every other one is an error.
    const reason = `the ${layer} layer did not finish within its deadline of ${seconds} s (layers.${layer}.deadlineSeconds)`;
    const done = { ...partial } as Record<string, Facet<unknown> | undefined>;
    const facets: Record<string, Facet<unknown>> = {};
    for (const name of FACET_NAMES.filter((f) => layerOfFacet(f) === layer))
      facets[name] = done[name] ?? {
        status: 'error',
        problems: [
          {
            subject: `${label} layer`,
            message: `${reason}, so ${name} was not read`,
            cause: 'deadline',
            fix: `find what does not answer with --debug (the calls still waiting), or raise layers.${layer}.deadlineSeconds`,
          },
        ],
      };
    progress(`${label}: ${reason}`);
    return { facets: facets as CollectResult['facets'], state: { status: 'failed', reason } };
  };

  // Live layers run concurrently with the files layer and each other; each bounds its own parallelism.
  // A fleet's targets are collected apart (below); what stays here is the unsharded part of k8s and probe.
  const listed = new Set(prep.targets.map((t) => t.kind));
  const legacyParts: Partial<Record<LiveLayer, LayerState>> = {};
  for (const layer of Object.keys(LIVE_LAYERS) as LiveLayer[]) {
    let config = layers[layer] as Record<string, unknown> | undefined;
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
    if (layer === 'k8s' && config.contexts) continue;
    if (layer === 'probe') {
      const single = Object.fromEntries(Object.entries(config).filter(([k]) => !listed.has(k as TargetSpec['kind'])));
      if (!['postgres', 'redis', 'registry', 'http'].some((k) => k in single)) continue;
      config = single;
    }
    if (layer !== 'gcp') {
      if (!ownsUnsharded) {
        snapshot.layers[layer] = elsewhere(layer);
        continue;
      }
      owns.push(layer);
    }
    const layerConfig = config;
    tasks.push(
      (async () => {
        const result = await collectLayer(
          layer,
          layerConfig,
          expectations,
          layer,
          layer === 'gcp'
            ? { ...(shard ? { shard } : {}) }
            : // The environment's own cluster only: a fleet target's items are judged at evaluation.
              layer === 'k8s' && objectFinished
              ? { objectFinished }
              : {},
        );
        if (layer === 'gcp') {
          Object.assign(snapshot.facets, canonicalGcpFacets(result.facets));
          gcpProjects = result.projects ?? [];
        } else {
          // A probe kind given as a list is judged per target: its layer-wide facet would only repeat "absent".
          const facets = Object.fromEntries(
            Object.entries(result.facets).filter(
              ([name]) => !listed.has(name.slice('probe.'.length) as TargetSpec['kind']),
            ),
          );
          Object.assign(snapshot.facets, facets);
          legacyParts[layer] = result.state;
        }
        snapshot.layers[layer] = result.state;
      })(),
    );
  }

  // Fleet targets: each collected by its layer's collector, with its own config and expectations.
  const collected: TargetSnapshot[] = [];
  const queue = myTargets.filter((t) => selected(t.kind === 'cluster' ? 'k8s' : 'probe'));
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      const target = t;
      const layer: LiveLayer = target.kind === 'cluster' ? 'k8s' : 'probe';
      const probeConfig = layers.probe as { timeoutMs?: number } | undefined;
      const config =
        target.kind === 'cluster'
          ? target.config
          : { [target.kind]: target.config, ...(probeConfig?.timeoutMs ? { timeoutMs: probeConfig.timeoutMs } : {}) };
      const exp = target.expectations
        ? resolveExpectations(targetExpectations(prep.envConfig.expectations, target.expectations))
        : expectations;
      const result = await collectLayer(layer, config, exp, `${layer} ${target.name}`, { overrides: false });
      const facets = Object.fromEntries(
        Object.entries(result.facets).filter(([name]) =>
          target.kind === 'cluster' ? name.startsWith('k8s.') : name === `probe.${target.kind}`,
        ),
      );
      collected.push({ kind: target.kind, name: target.name, state: result.state, facets });
    }
  };
  tasks.push(...Array.from({ length: Math.min(8, queue.length) }, worker));
  await Promise.all(tasks);

  if (collected.length > 0 || prep.targets.length > 0) {
    const targets = prep.targets.flatMap((spec) =>
      collected.filter((c) => c.kind === spec.kind && c.name === spec.name),
    );
    if (targets.length > 0) snapshot.targets = targets;
    for (const [layer, kinds] of [
      ['k8s', ['cluster']],
      ['probe', ['postgres', 'redis', 'registry', 'http']],
    ] as const) {
      const mine = targets.filter((t) => (kinds as readonly string[]).includes(t.kind));
      const parts = [...(legacyParts[layer] ? [legacyParts[layer]!] : []), ...mine.map((t) => t.state)];
      if (!selected(layer)) continue;
      if (
        mine.length > 0 ||
        (prep.targets.some((t) => (kinds as readonly string[]).includes(t.kind)) && !legacyParts[layer])
      )
        snapshot.layers[layer] =
          parts.length > 0
            ? combineLayerStates(layer, parts)
            : { status: 'not-configured', reason: `no ${layer} target falls in shard ${shard?.index}/${shard?.count}` };
    }
  }
  if (shard)
    snapshot.shard = {
      index: shard.index,
      count: shard.count,
      projects: gcpProjects,
      targets: myTargets.map(targetKey),
      owns: owns.sort(),
      ...(Object.keys(legacyParts).length > 0 ? { ownStates: legacyParts } : {}),
    };
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

/** The expectations of the fleet targets that have their own, by name. */
export function fleetExpectations(prep: PreparedScan): Record<string, Expectations> | undefined {
  const own = prep.targets.filter((t) => t.expectations);
  if (own.length === 0) return undefined;
  return Object.fromEntries(
    own.map((t) => [t.name, resolveExpectations(targetExpectations(prep.envConfig.expectations, t.expectations))]),
  );
}

/**
 * Reads a snapshot written by `collect`, validated against the snapshot schema. A version-1 snapshot
 * (coditect-audit 0.1.0) is brought to the current version first: the collectors derive the parsed parts
 * its facets predate from the (redacted) text they hold. Another version is refused by name.
 */
export async function readSnapshot(path: string): Promise<Snapshot> {
  // Parsed apart: the bytes (the size of the snapshot) are garbage before validation starts, not held through it.
  let value = parseSnapshotBytes(await readBytes(path, '--snapshot'), path);
  const version = (value as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof version === 'number' && version !== 1 && version !== SNAPSHOT_SCHEMA_VERSION)
    throw new ConfigError(
      `--snapshot ${path}: not a coditect-audit snapshot this version reads: it says schemaVersion ${version}, and coditect-audit ${VERSION} reads 1 and ${SNAPSHOT_SCHEMA_VERSION}. Collect it again with this version (\`coditect-audit collect\`), or replay it with the version that wrote it.`,
    );
  if (version === 1) {
    const { upgradeSnapshot } = await import('@coditect-audit/collectors');
    value = upgradeSnapshot(value);
  }
  const validate = await compileLazily(SnapshotSchema);
  if (!validate(value)) {
    const first = (validate.errors ?? []).slice(0, 5).map(describeAjvError).join('; ');
    throw new ConfigError(
      `--snapshot ${path}: not a coditect-audit snapshot (schema v${version === 1 ? 1 : SNAPSHOT_SCHEMA_VERSION}): ${first}. Write it with \`coditect-audit collect\`.`,
    );
  }
  return value as Snapshot;
}

/** Piece by piece when the layout allows (./snapshot-pieces.ts), else the whole text: the same value, the same errors. */
function parseSnapshotBytes(bytes: Buffer, path: string): unknown {
  return parseSnapshotPieces(bytes) ?? parseSnapshotText(textOf(bytes, path, '--snapshot'), path);
}

function parseSnapshotText(text: string, path: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`--snapshot ${path}: cannot be read as JSON (${(e as Error).message})`);
  }
}

/** `coditect-audit merge`: the shards of one `collect --shard i/n` run, as one snapshot. */
export async function merge(paths: string[]): Promise<Snapshot> {
  return mergeSnapshots(await Promise.all(paths.map(readSnapshot)), paths);
}

export async function collect(options: ScanOptions = {}): Promise<Snapshot> {
  const prep = await prepare(options);
  const snapshot = await collectSnapshot(prep, options);
  return { ...snapshot, collectedAt: collectionInstant() };
}

/**
 * When the snapshot was collected: the clock, or SOURCE_DATE_EPOCH (seconds) when set, the
 * reproducible-builds convention, so the shards of a fleet and a single run can be judged as of one instant.
 */
export function collectionInstant(env: NodeJS.ProcessEnv = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch))
      throw new ConfigError(`SOURCE_DATE_EPOCH=${epoch}: give whole seconds since 1970-01-01 (e.g. $(date +%s))`);
    return new Date(Number(epoch) * 1000).toISOString();
  }
  return new Date().toISOString();
}

export async function scan(options: ScanOptions = {}): Promise<ScanResult> {
  const startedAt = new Date().toISOString();
  const replayed = options.snapshots?.length
    ? mergeSnapshots(await Promise.all(options.snapshots.map(readSnapshot)), options.snapshots)
    : options.snapshot
      ? await readSnapshot(options.snapshot)
      : undefined;
  // A replay is judged as the environment it was collected for: --env must say the same, or be left out.
  const deferred = await prepareDeferringRules(
    replayed && !options.env ? { ...options, env: replayed.environment } : options,
  );
  const source = options.snapshots?.length ? options.snapshots.join(', ') : options.snapshot;
  if (replayed && replayed.environment !== deferred.prep.environment)
    throw new ConfigError(
      `--snapshot ${source}: it was collected for environment "${replayed.environment}", not "${deferred.prep.environment}". ` +
        `Replay it with --env ${replayed.environment}, or collect a snapshot of ${deferred.prep.environment}.`,
    );
  // The configuration's line for the report, parsed once: while the answers are awaited where there are some.
  let envLine: { line: number | undefined } | undefined;
  const lineOfEnvironment = (): number | undefined => {
    const text = deferred.prep.configText;
    envLine ??= { line: text ? environmentLine(text, deferred.prep.environment) : undefined };
    return envLine.line;
  };
  // The engine's options that what is judged during the collection depends on, made once for both.
  const engineOptions: EngineOptions = {
    environment: deferred.prep.environment,
    ...(deferred.prep.envConfig.tier ? { tier: deferred.prep.envConfig.tier } : {}),
    expectations: resolveExpectations(deferred.prep.envConfig.expectations),
    ...(deferred.prep.envConfig.rules ? { ruleOverrides: deferred.prep.envConfig.rules } : {}),
  };
  const judging = replayed ? undefined : judgingWhileCollecting(engineOptions);
  // The rules are not needed before the snapshot is judged: they load once a live layer's first requests
  // are out (in a later turn, once those are written), while the answers are awaited, instead of before
  // them; else after the collection. Their failure, if any, is thrown here after the collection.
  const loadRules = () => {
    deferred.rules().then(judging?.rulesLoaded, () => undefined);
    options.whileAwaitingAnswers?.();
    try {
      lineOfEnvironment();
    } catch {
      // Thrown again after the collection, where it was.
    }
  };
  const snapshot = replayed
    ? checkSnapshot(replayed, deferred.prep.envConfig).snapshot
    : await collectLayers(
        deferred.prep,
        options,
        once(() => setImmediate(loadRules)),
        judging?.objectFinished,
      ).finally(options.collectionEnded);
  const prep: PreparedScan = { ...deferred.prep, rules: await deferred.rules() };
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
    await loadValidators(BaselineSchema);
    baseline = {
      file: options.baseline,
      baseline: parseBaseline(await readFile(options.baseline, 'utf8'), options.baseline),
    };
  }

  const configLine = lineOfEnvironment();
  const failOn = options.failOn ?? prep.envConfig.failOn;
  const gateTargets = options.failOnTargets?.length ? options.failOnTargets : prep.envConfig.gate?.targets;
  const judgedItems = judging?.stop();
  return evaluate(snapshot, prep.rules, {
    ...engineOptions,
    ...(judgedItems ? { judgedItems } : {}),
    ...(fleetExpectations(prep) ? { targetExpectations: fleetExpectations(prep)! } : {}),
    ...(gateTargets ? { gateTargets } : {}),
    ...(failOn ? { failOn } : {}),
    allowIncomplete: options.allowIncomplete ?? false,
    strict: options.strict ?? prep.envConfig.strict ?? false,
    // Without a config (or with one whose environment names no expectations) ADR-001's names are assumed.
    ...(prep.envConfig.expectations ? {} : { assumedExpectations: true }),
    // With a config, each ADR identity is assumed unless the config names its fields.
    ...(prep.envConfig.expectations ? { expectationsGiven: givenExpectationFields(prep.envConfig.expectations) } : {}),
    suppressions: prep.config?.suppressions ?? [],
    ...(prep.configFile ? { configFile: prep.configFile } : {}),
    ...(configLine ? { configLine } : {}),
    ...(baseline ? { baseline } : {}),
    ...(adr ? { adr } : {}),
    ...(options.today ? { today: options.today } : {}),
    toolVersion: VERSION,
    ...(options.includePasses ? { includePasses: true } : {}),
    ...(options.timestamps ? { timestamps: { startedAt, finishedAt: new Date().toISOString() } } : {}),
  });
}

/**
 * View items judged as the live collector finishes the objects they show (`ItemJudgements`), while later
 * answers are awaited: from when the rules are loaded (`rulesLoaded`); the objects finished before are judged
 * then, in slices of a millisecond between answers. `stop`, before evaluation, ends it and gives what was
 * judged; what was not is judged at evaluation.
 */
function judgingWhileCollecting(options: EngineOptions): {
  objectFinished: (facet: string, object: unknown) => void;
  rulesLoaded: (rules: readonly Rule[]) => void;
  stop: () => ItemJudgements | undefined;
} {
  let judgements: ItemJudgements | undefined;
  let stopped = false;
  // Judging is an optimisation: whatever goes wrong in it ends it, and everything is judged at evaluation.
  const abandon = () => {
    stopped = true;
    judgements = undefined;
    waiting = [];
  };
  // Objects finished before the rules were loaded, judged from `next` on.
  let waiting: [string, unknown][] = [];
  let next = 0;
  const judgeWaiting = () => {
    if (stopped || !judgements) return;
    const end = performance.now() + 1;
    try {
      while (next < waiting.length) {
        const [facet, object] = waiting[next++]!;
        judgements.judgeLiveObject(facet, object as K8sLiveObject);
        if (performance.now() >= end) break;
      }
    } catch {
      abandon();
      return;
    }
    if (next < waiting.length) setImmediate(judgeWaiting);
    else {
      waiting = [];
      next = 0;
    }
  };
  return {
    objectFinished: (facet, object) => {
      if (stopped) return;
      if (!judgements) {
        waiting.push([facet, object]);
        return;
      }
      try {
        judgements.judgeLiveObject(facet, object as K8sLiveObject);
      } catch {
        abandon();
      }
    },
    rulesLoaded: (rules) => {
      if (stopped || judgements) return;
      let made: ItemJudgements;
      try {
        made = new ItemJudgements(rules, options);
      } catch {
        abandon();
        return;
      }
      if (!made.judging) {
        abandon();
        return;
      }
      judgements = made;
      if (waiting.length > 0) setImmediate(judgeWaiting);
    },
    stop: () => {
      stopped = true;
      waiting = [];
      return judgements;
    },
  };
}
