/**
 * The library entry: configuration → collectors → snapshot → rules → result.
 * `scan()` returns the scan result; writing reports and choosing the exit code is the binary's job.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { assertUniqueIds, BaselineError, ConfigError, compile, compileLazily, ConfigSchema, BaselineSchema, loadValidators, describeAjvError, environmentLine, evaluate, indexAdrSections, parseBaseline, parseConfig, RuleDefinitionError, givenExpectationFields, resolveExpectations, SnapshotSchema, SNAPSHOT_SCHEMA_VERSION, selectEnvironment, FACET_NAMES, layerOfFacet, checkSnapshot, trustedOnlySettings, untrustedConfigMessage, canonicalGcpFacets, combineLayerStates, ExpectationsSchema, fleetTargets, mergeSnapshots, shardSlice, targetExpectations, targetKey, } from '@coditect-audit/core';
import { readBytes, textOf } from './bucket.js';
import { BUILT_RULE_IDS } from './built-rule-ids.js';
import { LIVE_LAYERS } from './layers.js';
import { loadPlugins } from './plugins.js';
import { parseSnapshotPieces } from './snapshot-pieces.js';
import { VERSION } from './version.js';
const CONFIG_NAMES = ['coditect-audit.yaml', 'coditect-audit.yml'];
function toPosix(p) {
    return p.split(sep).join('/');
}
/** Loads configuration and rules; throws `ConfigError` for anything the user must fix. */
export async function prepare(options) {
    const { prep, rules } = await prepareDeferringRules(options);
    return { ...prep, rules: await rules() };
}
/**
 * `prepare`, but the built-in rules (the largest module a scan loads) are loaded by `rules()` when nothing
 * checked here needs them: no plugin (whose ids must not clash with theirs) and no rule named in the
 * configuration that the bundle's table of rule ids and aliases (`BUILT_RULE_IDS`) does not hold. Whatever
 * then would fail, `rules()` is called here, in `prepare`'s order, with its errors.
 */
async function prepareDeferringRules(options) {
    const root = resolve(options.dir ?? '.');
    if (!existsSync(root))
        throw new ConfigError(`--dir ${options.dir}: no such directory`);
    if (!statSync(root).isDirectory())
        throw new ConfigError(`--dir ${options.dir}: is a file; give the directory to scan`);
    let configPath;
    if (options.config) {
        configPath = resolve(options.config);
        if (!existsSync(configPath))
            throw new ConfigError(`--config ${options.config}: no such file`);
        if (statSync(configPath).isDirectory())
            throw new ConfigError(`--config ${options.config}: is a directory; name the file (e.g. --config ${toPosix(options.config).replace(/\/$/, '')}/coditect-audit.yaml)`);
    }
    else {
        configPath = CONFIG_NAMES.map((n) => resolve(root, n)).find((p) => existsSync(p));
    }
    let config;
    let configText;
    let configFile;
    let environment = options.env ?? 'default';
    let envConfig = {};
    let configTrusted = true;
    if (configPath) {
        configFile = toPosix(relative(root, configPath)) || 'coditect-audit.yaml';
        configText = await readFile(configPath, 'utf8');
        await loadValidators(ConfigSchema);
        config = parseConfig(configText, configFile);
        [environment, envConfig] = selectEnvironment(config, options.env, configFile);
        // Inside by its path or by its real path: a link committed in the repository is the repository's,
        // wherever it points, and a link outside to a file inside is the repository's file.
        const inRepo = isInside(root, configPath) ||
            isInside(realpathSync(root), realpathSync(configPath)) ||
            isInside(realpathSync(root), configPath);
        configTrusted = Boolean(options.trustRepoConfig) || !inRepo;
        if (!configTrusted) {
            // Checked before anything is imported or contacted: a refused plugin never runs.
            const refused = trustedOnlySettings(config, environment, envConfig, { root, configDir: dirname(configPath) });
            if (refused.length > 0)
                throw new ConfigError(untrustedConfigMessage(configFile, refused), configFile, refused[0].path);
        }
    }
    const fromConfig = configPath
        ? await loadPlugins(config?.plugins ?? [], dirname(configPath), configFile ?? 'coditect-audit.yaml')
        : [];
    const fromFlags = await loadPlugins(options.plugins ?? [], process.cwd(), '--plugin', { source: 'flag' });
    const plugins = [...fromFlags, ...fromConfig];
    const loadRules = async () => {
        const { builtinRules } = await import('@coditect-audit/rules');
        const rules = [...builtinRules];
        for (const p of plugins)
            rules.push(...p.rules);
        try {
            assertUniqueIds(rules);
        }
        catch (e) {
            if (e instanceof RuleDefinitionError)
                throw new ConfigError(`${configFile ?? '--plugin'}: plugins: ${e.message}`, configFile, 'plugins');
            throw e;
        }
        if (config && configFile) {
            const known = new Set(rules.flatMap((r) => [r.id, ...r.aliases]));
            for (const id of Object.keys(envConfig.rules ?? {})) {
                if (!known.has(id))
                    throw new ConfigError(`${configFile}: environments.${environment}.rules.${id}: no rule has this id (see \`coditect-audit rules\`)`, configFile, `environments.${environment}.rules.${id}`);
            }
        }
        return rules;
    };
    let loading;
    const rules = () => {
        loading ??= loadRules();
        return loading;
    };
    const named = config && configFile ? Object.keys(envConfig.rules ?? {}) : [];
    const builtIds = BUILT_RULE_IDS ? new Set(BUILT_RULE_IDS) : undefined;
    if (plugins.length > 0 || named.some((id) => !builtIds?.has(id)))
        await rules();
    const targets = fleetTargets(envConfig, environment, configFile);
    if (targets.some((t) => t.expectations))
        await loadValidators(ExpectationsSchema);
    for (const t of targets) {
        if (!t.expectations)
            continue;
        const validate = compile(ExpectationsSchema);
        if (!validate(t.expectations))
            throw new ConfigError(`${configFile}: ${t.path}.expectations: ${(validate.errors ?? []).slice(0, 3).map(describeAjvError).join('; ')}`, configFile, `${t.path}.expectations`);
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
function once(f) {
    let called = false;
    return () => {
        if (called)
            return;
        called = true;
        f();
    };
}
/** `path` relative to `root`, both by real path (of their nearest existing folder); undefined when outside. */
function realRelative(root, path) {
    let existing = path;
    while (!existsSync(existing) && dirname(existing) !== existing)
        existing = dirname(existing);
    const real = resolve(realpathSync(existing), relative(existing, path));
    const rel = toPosix(relative(realpathSync(root), real));
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : undefined;
}
function isInside(root, path) {
    const rel = relative(root, path);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}
/** Collects the snapshot of the configured layers. Each layer's collector is imported only when used. */
export function collectSnapshot(prep, options = {}) {
    return collectLayers(prep, options);
}
/**
 * `collectSnapshot`; `requestsSent` is told when a live layer's first requests are on their way (a
 * collector's `CollectContext.requestsSent`): `scan` loads its rules then, while those are answered.
 */
async function collectLayers(prep, options, requestsSent) {
    const snapshot = {
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
    const progress = log ? (m) => log('info', m) : (options.progress ?? (() => { }));
    const layers = prep.envConfig.layers ?? {};
    const tasks = [];
    const selected = (layer) => !options.layers || options.layers.includes(layer);
    const notSelected = (layer) => ({
        status: 'not-configured',
        reason: `${layer} not selected (--layers ${options.layers?.join(',')})`,
    });
    // Shards: shard 1 also collects what cannot be split (the files, a single cluster or server).
    const shard = options.shard;
    const ownsUnsharded = !shard || shard.index === 1;
    const elsewhere = (layer) => ({
        status: 'not-configured',
        reason: `${layer} is collected by shard 1/${shard?.count}`,
    });
    const owns = [];
    const myTargets = shardSlice(prep.targets, shard);
    let gcpProjects = [];
    const files = layers.files ?? true;
    if (ownsUnsharded && files !== false && selected('files'))
        owns.push('files');
    if (!ownsUnsharded) {
        snapshot.layers.files = elsewhere('files');
    }
    else if (!selected('files')) {
        snapshot.layers.files = notSelected('files');
    }
    else if (files === false) {
        snapshot.layers.files = { status: 'not-configured', reason: `layers.files is false for ${prep.environment}` };
    }
    else {
        tasks.push((async () => {
            // The files layer alone: the package's index would bring every parser, needed only for files.
            const { collectFilesWithScope } = await import('@coditect-audit/collectors/files');
            const layerCfg = typeof files === 'object' ? files : {};
            const exclude = [...(layerCfg.exclude ?? [])];
            // By real path: a report folder reached through a link (or the root itself being one) is still it.
            const outputs = (options.excludePaths ?? [])
                .map((p) => realRelative(prep.root, resolve(prep.root, p)))
                .filter((rel) => rel !== undefined);
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
        })());
    }
    const collectLayer = async (layer, config, exp, label, extra = {}) => {
        const seconds = layers[layer]?.deadlineSeconds ?? LAYER_DEADLINE_SECONDS;
        const partial = {};
        // The deadline counts from the start of the layer: loading its clients is part of its time.
        const collected = await withinDeadline(seconds * 1000, LIVE_LAYERS[layer]().then((mod) => mod.collect({
            root: prep.root,
            ...(prep.configDir ? { configDir: prep.configDir } : {}),
            environment: prep.environment,
            expectations: exp,
            config,
            overrides: extra.overrides === false
                ? {}
                : {
                    ...(options.k8sContext ? { k8sContext: options.k8sContext } : {}),
                    ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
                },
            ...(extra.shard ? { shard: extra.shard } : {}),
            progress: (m) => progress(`${label}: ${m}`),
            ...(options.log ? { log: (level, m) => options.log?.(level, `${label}: ${m}`) } : {}),
            partial,
            ...(requestsSent ? { requestsSent } : {}),
        })));
        if (collected !== undefined)
            return collected;
        // Past the deadline, the facets the collector finished are kept; every other one is an error.
        const reason = `the ${layer} layer did not finish within its deadline of ${seconds} s (layers.${layer}.deadlineSeconds)`;
        const done = { ...partial };
        const facets = {};
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
        return { facets: facets, state: { status: 'failed', reason } };
    };
    // Live layers run concurrently with the files layer and each other; each bounds its own parallelism.
    // A fleet's targets are collected apart (below); what stays here is the unsharded part of k8s and probe.
    const listed = new Set(prep.targets.map((t) => t.kind));
    const legacyParts = {};
    for (const layer of Object.keys(LIVE_LAYERS)) {
        let config = layers[layer];
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
        if (layer === 'k8s' && config.contexts)
            continue;
        if (layer === 'probe') {
            const single = Object.fromEntries(Object.entries(config).filter(([k]) => !listed.has(k)));
            if (!['postgres', 'redis', 'registry', 'http'].some((k) => k in single))
                continue;
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
        tasks.push((async () => {
            const result = await collectLayer(layer, layerConfig, expectations, layer, layer === 'gcp' ? { ...(shard ? { shard } : {}) } : {});
            if (layer === 'gcp') {
                Object.assign(snapshot.facets, canonicalGcpFacets(result.facets));
                gcpProjects = result.projects ?? [];
            }
            else {
                // A probe kind given as a list is judged per target: its layer-wide facet would only repeat "absent".
                const facets = Object.fromEntries(Object.entries(result.facets).filter(([name]) => !listed.has(name.slice('probe.'.length))));
                Object.assign(snapshot.facets, facets);
                legacyParts[layer] = result.state;
            }
            snapshot.layers[layer] = result.state;
        })());
    }
    // Fleet targets: each collected by its layer's collector, with its own config and expectations.
    const collected = [];
    const queue = myTargets.filter((t) => selected(t.kind === 'cluster' ? 'k8s' : 'probe'));
    const worker = async () => {
        for (let t = queue.shift(); t; t = queue.shift()) {
            const target = t;
            const layer = target.kind === 'cluster' ? 'k8s' : 'probe';
            const probeConfig = layers.probe;
            const config = target.kind === 'cluster'
                ? target.config
                : { [target.kind]: target.config, ...(probeConfig?.timeoutMs ? { timeoutMs: probeConfig.timeoutMs } : {}) };
            const exp = target.expectations
                ? resolveExpectations(targetExpectations(prep.envConfig.expectations, target.expectations))
                : expectations;
            const result = await collectLayer(layer, config, exp, `${layer} ${target.name}`, { overrides: false });
            const facets = Object.fromEntries(Object.entries(result.facets).filter(([name]) => target.kind === 'cluster' ? name.startsWith('k8s.') : name === `probe.${target.kind}`));
            collected.push({ kind: target.kind, name: target.name, state: result.state, facets });
        }
    };
    tasks.push(...Array.from({ length: Math.min(8, queue.length) }, worker));
    await Promise.all(tasks);
    if (collected.length > 0 || prep.targets.length > 0) {
        const targets = prep.targets.flatMap((spec) => collected.filter((c) => c.kind === spec.kind && c.name === spec.name));
        if (targets.length > 0)
            snapshot.targets = targets;
        for (const [layer, kinds] of [
            ['k8s', ['cluster']],
            ['probe', ['postgres', 'redis', 'registry', 'http']],
        ]) {
            const mine = targets.filter((t) => kinds.includes(t.kind));
            const parts = [...(legacyParts[layer] ? [legacyParts[layer]] : []), ...mine.map((t) => t.state)];
            if (!selected(layer))
                continue;
            if (mine.length > 0 ||
                (prep.targets.some((t) => kinds.includes(t.kind)) && !legacyParts[layer]))
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
export function withinDeadline(ms, work) {
    let timer;
    const deadline = new Promise((resolve) => {
        timer = setTimeout(() => resolve(undefined), ms);
    });
    work.catch(() => { });
    return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
/** The expectations of the fleet targets that have their own, by name. */
export function fleetExpectations(prep) {
    const own = prep.targets.filter((t) => t.expectations);
    if (own.length === 0)
        return undefined;
    return Object.fromEntries(own.map((t) => [t.name, resolveExpectations(targetExpectations(prep.envConfig.expectations, t.expectations))]));
}
/**
 * Reads a snapshot written by `collect`, validated against the snapshot schema. A version-1 snapshot
 * (coditect-audit 0.1.0) is brought to the current version first: the collectors derive the parsed parts
 * its facets predate from the (redacted) text they hold. Another version is refused by name.
 */
export async function readSnapshot(path) {
    // Parsed apart: the bytes (the size of the snapshot) are garbage before validation starts, not held through it.
    let value = parseSnapshotBytes(await readBytes(path, '--snapshot'), path);
    const version = value?.schemaVersion;
    if (typeof version === 'number' && version !== 1 && version !== SNAPSHOT_SCHEMA_VERSION)
        throw new ConfigError(`--snapshot ${path}: not a coditect-audit snapshot this version reads: it says schemaVersion ${version}, and coditect-audit ${VERSION} reads 1 and ${SNAPSHOT_SCHEMA_VERSION}. Collect it again with this version (\`coditect-audit collect\`), or replay it with the version that wrote it.`);
    if (version === 1) {
        const { upgradeSnapshot } = await import('@coditect-audit/collectors');
        value = upgradeSnapshot(value);
    }
    const validate = await compileLazily(SnapshotSchema);
    if (!validate(value)) {
        const first = (validate.errors ?? []).slice(0, 5).map(describeAjvError).join('; ');
        throw new ConfigError(`--snapshot ${path}: not a coditect-audit snapshot (schema v${version === 1 ? 1 : SNAPSHOT_SCHEMA_VERSION}): ${first}. Write it with \`coditect-audit collect\`.`);
    }
    return value;
}
/** Piece by piece when the layout allows (./snapshot-pieces.ts), else the whole text: the same value, the same errors. */
function parseSnapshotBytes(bytes, path) {
    return parseSnapshotPieces(bytes) ?? parseSnapshotText(textOf(bytes, path, '--snapshot'), path);
}
function parseSnapshotText(text, path) {
    try {
        return JSON.parse(text);
    }
    catch (e) {
        throw new ConfigError(`--snapshot ${path}: cannot be read as JSON (${e.message})`);
    }
}
/** `coditect-audit merge`: the shards of one `collect --shard i/n` run, as one snapshot. */
export async function merge(paths) {
    return mergeSnapshots(await Promise.all(paths.map(readSnapshot)), paths);
}
export async function collect(options = {}) {
    const prep = await prepare(options);
    const snapshot = await collectSnapshot(prep, options);
    return { ...snapshot, collectedAt: collectionInstant() };
}
/**
 * When the snapshot was collected: the clock, or SOURCE_DATE_EPOCH (seconds) when set, the
 * reproducible-builds convention, so the shards of a fleet and a single run can be judged as of one instant.
 */
export function collectionInstant(env = process.env) {
    const epoch = env.SOURCE_DATE_EPOCH?.trim();
    if (epoch) {
        if (!/^\d+$/.test(epoch))
            throw new ConfigError(`SOURCE_DATE_EPOCH=${epoch}: give whole seconds since 1970-01-01 (e.g. $(date +%s))`);
        return new Date(Number(epoch) * 1000).toISOString();
    }
    return new Date().toISOString();
}
export async function scan(options = {}) {
    const startedAt = new Date().toISOString();
    const replayed = options.snapshots?.length
        ? mergeSnapshots(await Promise.all(options.snapshots.map(readSnapshot)), options.snapshots)
        : options.snapshot
            ? await readSnapshot(options.snapshot)
            : undefined;
    // A replay is judged as the environment it was collected for: --env must say the same, or be left out.
    const deferred = await prepareDeferringRules(replayed && !options.env ? { ...options, env: replayed.environment } : options);
    const source = options.snapshots?.length ? options.snapshots.join(', ') : options.snapshot;
    if (replayed && replayed.environment !== deferred.prep.environment)
        throw new ConfigError(`--snapshot ${source}: it was collected for environment "${replayed.environment}", not "${deferred.prep.environment}". ` +
            `Replay it with --env ${replayed.environment}, or collect a snapshot of ${deferred.prep.environment}.`);
    // The rules are not needed before the snapshot is judged: they load once a live layer's first requests
    // are out (in a later turn, once those are written), while the answers are awaited, instead of before
    // them; else after the collection. Their failure, if any, is thrown here after the collection.
    const loadRules = () => {
        deferred.rules().catch(() => undefined);
    };
    const snapshot = replayed
        ? checkSnapshot(replayed, deferred.prep.envConfig).snapshot
        : await collectLayers(deferred.prep, options, once(() => setImmediate(loadRules)));
    const prep = { ...deferred.prep, rules: await deferred.rules() };
    options.onSnapshot?.(snapshot);
    let adr;
    if (prep.config?.adr && prep.configFile) {
        const adrPath = resolve(prep.root, dirname(prep.configFile), prep.config.adr);
        if (!existsSync(adrPath))
            throw new ConfigError(`${prep.configFile}: adr: ${prep.config.adr}: no such file (the path is relative to the config file)`, prep.configFile, 'adr');
        adr = { file: toPosix(relative(prep.root, adrPath)), sections: indexAdrSections(await readFile(adrPath, 'utf8')) };
    }
    let baseline;
    if (options.baseline) {
        if (!existsSync(options.baseline))
            throw new BaselineError(`--baseline ${options.baseline}: no such file; write one with --write-baseline`);
        await loadValidators(BaselineSchema);
        baseline = {
            file: options.baseline,
            baseline: parseBaseline(await readFile(options.baseline, 'utf8'), options.baseline),
        };
    }
    const envLine = prep.configText ? environmentLine(prep.configText, prep.environment) : undefined;
    const failOn = options.failOn ?? prep.envConfig.failOn;
    const gateTargets = options.failOnTargets?.length ? options.failOnTargets : prep.envConfig.gate?.targets;
    return evaluate(snapshot, prep.rules, {
        environment: prep.environment,
        ...(prep.envConfig.tier ? { tier: prep.envConfig.tier } : {}),
        expectations: resolveExpectations(prep.envConfig.expectations),
        ...(prep.envConfig.rules ? { ruleOverrides: prep.envConfig.rules } : {}),
        ...(fleetExpectations(prep) ? { targetExpectations: fleetExpectations(prep) } : {}),
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
        ...(envLine ? { configLine: envLine } : {}),
        ...(baseline ? { baseline } : {}),
        ...(adr ? { adr } : {}),
        ...(options.today ? { today: options.today } : {}),
        toolVersion: VERSION,
        ...(options.includePasses ? { includePasses: true } : {}),
        ...(options.timestamps ? { timestamps: { startedAt, finishedAt: new Date().toISOString() } } : {}),
    });
}
//# sourceMappingURL=scan.js.map