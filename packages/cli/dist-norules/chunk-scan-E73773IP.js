import {
  LIVE_LAYERS
} from "./chunk-chunk-U5SSPCLO.js";
import {
  readBytes,
  textOf
} from "./chunk-chunk-EXTGFJYO.js";
import "./chunk-chunk-3R7XVXQS.js";
import {
  VERSION
} from "./chunk-chunk-VK7TQRJC.js";
import {
  BaselineSchema,
  ConfigSchema,
  ExpectationsSchema,
  FACET_NAMES,
  RuleDefinitionError,
  SNAPSHOT_SCHEMA_VERSION,
  SnapshotSchema,
  assertUniqueIds,
  canonicalGcpFacets,
  checkSnapshot,
  combineLayerStates,
  compactPositions,
  compile,
  compileLazily,
  defineRule,
  defineViewRule,
  describeAjvError,
  environmentLine,
  evaluate,
  fleetTargets,
  givenExpectationFields,
  indexAdrSections,
  layerOfFacet,
  loadValidators,
  mergeSnapshots,
  parseBaseline,
  parseConfig,
  resolveExpectations,
  selectEnvironment,
  shardSlice,
  targetExpectations,
  targetKey,
  trustedOnlySettings,
  untrustedConfigMessage
} from "./chunk-chunk-KBIY7DDS.js";
import {
  BaselineError,
  ConfigError
} from "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/cli/dist/scan.js
import { existsSync, realpathSync, statSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, isAbsolute as isAbsolute2, relative, resolve as resolve2, sep } from "node:path";

// packages/cli/dist/built-rule-ids.js
var BUILT_RULE_IDS = JSON.parse('["backup.redis-persistence","tf-redis-persistence","gcp-redis-persistence","backup.sql-automated","tf-sql-automated-backups","gcp-sql-automated-backups","backup.sql-pitr","tf-sql-pitr","gcp-sql-pitr","build-platform-flag","cicd-long-lived-key","cicd-pipeline-present","cicd-smoke-test","cicd-unpinned-action","container.privilege-escalation","manifest-privilege-escalation","k8s-privilege-escalation","container.runs-as-root","manifest-runs-as-root","k8s-runs-as-root","join-effective-runtime-user","container.unreadable-dependencies","dockerfile-unreadable-dependencies","probe-image-unreadable-dependencies","db.superuser-app-user","manifest-superuser-db-user","k8s-superuser-db-user","probe-postgres-superuser","join-secret-database-role","eol-base-image","gcp-alert-policies","gcp-artifact-registry-reader","gcp-artifact-registry-repository","gcp-container-registry-api","gcp-identity-platform-enabled","gcp-identity-sign-in-providers","gcp-redis-instance-ready","gcp-sql-app-user","gcp-sql-instance-ready","gcp-unmanaged-resource","gcp-workload-identity-binding","gcr-docs-reference","gke.ksa-binding","manifest-workload-identity-binding","k8s-workload-identity","gke.secrets-encryption","tf-gke-secrets-encryption","gcp-gke-secrets-encryption","gke.workload-identity","tf-gke-workload-identity","gcp-gke-workload-identity","image.mutable-tag","manifest-mutable-image-tag","k8s-mutable-image-tag","probe-image-mutable-tag","image.platform-mismatch","gcp-gke-node-architecture","k8s-platform-mismatch","probe-image-platform","join-image-platform-nodes","image.runs-as-root","dockerfile-runs-as-root","probe-image-runs-as-root","join-iac-drift","k8s-external-secret-sync","k8s-migrations-complete","k8s-orphaned-volume","k8s.placeholder-secret","manifest-placeholder-secret","k8s-placeholder-secret","k8s.rollout-healthy","manifest-rollout-readiness","k8s-rollout-healthy","k8s.self-managed-datastore","manifest-self-managed-datastore","k8s-self-managed-datastore","kms.signer-binding","tf-kms-signer-binding","gcp-kms-signer-binding","kms.signing-key","tf-kms-signing-key","gcp-kms-signing-key","lifecycle.removed-kubernetes-api","removed-kubernetes-api","k8s-removed-api-versions","manifest-app-db-sslmode","network.edge-protection","manifest-edge-protection","k8s-edge-protection","tf-edge-security-policy","gcp-cloud-armor-backend","network.public-http","manifest-public-http-loadbalancer","k8s-public-http-loadbalancer","network.tls-certificate","gcp-managed-certificate","k8s-managed-certificate","probe-http-tls-certificate","observability.workload-logging","tf-gke-workload-logging","gcp-gke-workload-logging","probe-http-auth-required","probe-http-health","probe-http-https-redirect","probe-postgres-privileges","redis.auth-disabled","tf-redis-auth","gcp-redis-auth","probe-redis-auth","redis.transit-encryption-disabled","tf-redis-transit-encryption","gcp-redis-transit-encryption","probe-redis-transit-encryption","registry.gcr-reference","gcr-image-reference","k8s-gcr-image","secrets.expected-secret-missing","tf-secret-manager-secrets","gcp-secret-manager-secrets","secrets.not-in-secret-manager","manifest-secrets-not-from-secret-manager","k8s-secrets-not-from-secret-manager","join-credentials-provenance","sql.deletion-protection","tf-sql-deletion-protection","gcp-sql-deletion-protection","sql.eol-version","tf-sql-eol-version","gcp-sql-eol-version","probe-postgres-eol-version","sql.high-availability","tf-sql-high-availability","gcp-sql-high-availability","sql.public-exposure","tf-sql-public-exposure","gcp-sql-public-exposure","sql.ssl-not-enforced","tf-sql-ssl-mode","gcp-sql-ssl-mode","probe-postgres-ssl-enforced","tf-missing-declaration","tf-resource-not-in-state"]');

// packages/cli/dist/plugins.js
import { createRequire } from "node:module";
import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
function isPathLike(spec) {
  return spec.startsWith(".") || spec.startsWith("/") || isAbsolute(spec);
}
async function loadPlugins(specs, baseDir, configFile, from = { source: "config" }) {
  const out = [];
  for (const [i, spec] of specs.entries()) {
    const where = from.source === "flag" ? `--plugin "${spec}"` : `${configFile}: plugins[${i}] "${spec}"`;
    let url;
    try {
      url = isPathLike(spec) ? pathToFileURL(resolve(baseDir, spec)).href : pathToFileURL(createRequire(resolve(baseDir, "noop.js")).resolve(spec)).href;
    } catch {
      throw new ConfigError(`${where}: cannot be found. Install it (npm i -D ${spec}) or fix the path (paths are relative to ${from.source === "flag" ? "the current directory" : "the config file"}).`, configFile, `plugins[${i}]`);
    }
    let mod;
    try {
      mod = await import(url);
    } catch (e) {
      throw new ConfigError(`${where}: failed to load: ${e.message}`, configFile, `plugins[${i}]`);
    }
    const def = mod.default;
    const raw = mod.rules ?? (Array.isArray(def) ? def : def?.rules);
    if (!Array.isArray(raw) || raw.length === 0) {
      throw new ConfigError(`${where}: exports no rules; export \`rules\` (an array made with defineRule).`, configFile, `plugins[${i}]`);
    }
    const rules = [];
    for (const r of raw) {
      try {
        const overView = !!r && typeof r === "object" && "view" in r && !Array.isArray(r.sources);
        rules.push(overView ? defineViewRule(r) : defineRule(r));
      } catch (e) {
        if (e instanceof RuleDefinitionError)
          throw new ConfigError(`${where}: ${e.message}`, configFile, `plugins[${i}]`);
        throw e;
      }
    }
    const name = def?.name ?? mod.name ?? spec;
    out.push({ name, rules });
  }
  return out;
}

// packages/cli/dist/snapshot-pieces.js
var QUOTE = 34;
var BACKSLASH = 92;
var COMMA = 44;
var COLON = 58;
var OPEN_OBJECT = 123;
var CLOSE_OBJECT = 125;
var OPEN_ARRAY = 91;
var CLOSE_ARRAY = 93;
var NotCut = class extends Error {
};
function parseSnapshotPieces(bytes) {
  try {
    return parsePieces(bytes);
  } catch (e) {
    if (e instanceof NotCut || e instanceof SyntaxError)
      return void 0;
    throw e;
  }
}
function parsePieces(bytes) {
  const cuts = [];
  const scanner = new Scanner(bytes);
  scanner.object((key) => {
    if (key !== "facets")
      return false;
    scanner.object((facet) => {
      if (facet === "__proto__")
        return false;
      scanner.object((part) => {
        if (part !== "data")
          return false;
        scanner.object((field) => {
          if (bytes[scanner.at] !== OPEN_ARRAY)
            return false;
          cuts.push(scanner.array(facet, field));
          return true;
        });
        return true;
      });
      return true;
    });
    return true;
  });
  scanner.whitespace();
  if (scanner.at !== bytes.length)
    throw new NotCut();
  if (cuts.length === 0)
    throw new NotCut();
  const kept = [];
  let from = 0;
  for (const cut of cuts) {
    kept.push(bytes.toString("utf8", from, cut.start));
    from = cut.end;
  }
  kept.push(bytes.toString("utf8", from));
  const snapshot = JSON.parse(kept.join(""));
  if (snapshot?.schemaVersion !== SNAPSHOT_SCHEMA_VERSION)
    throw new NotCut();
  for (const cut of cuts) {
    const facet = Object.hasOwn(snapshot.facets ?? {}, cut.facet) ? snapshot.facets?.[cut.facet] : void 0;
    const data = facet?.data;
    const items = data && Object.hasOwn(data, cut.field) ? data[cut.field] : void 0;
    if (!Array.isArray(items) || items.length !== 0)
      throw new NotCut();
    const compact = cut.facet === "files.kubernetes" && cut.field === "files";
    for (const [start, end] of cut.items) {
      const item = JSON.parse(bytes.toString("utf8", start, end));
      items.push(compact ? compactFile(item) : item);
    }
  }
  return snapshot;
}
function compactFile(file) {
  const objects = file?.objects;
  if (Array.isArray(objects)) {
    for (const object of objects)
      if (object && typeof object === "object" && Object.hasOwn(object, "positions"))
        object.positions = compactPositions(object.positions);
  }
  return file;
}
var Scanner = class {
  bytes;
  at = 0;
  constructor(bytes) {
    this.bytes = bytes;
  }
  whitespace() {
    const bytes = this.bytes;
    let at = this.at;
    for (; ; ) {
      const byte = bytes[at];
      if (byte === 32 || byte === 10 || byte === 13 || byte === 9)
        at++;
      else
        break;
    }
    this.at = at;
  }
  expect(byte) {
    this.whitespace();
    if (this.bytes[this.at] !== byte)
      throw new NotCut();
    this.at++;
  }
  /** Past the string starting here; its value when `decode`. */
  string(decode) {
    const bytes = this.bytes;
    const start = this.at;
    if (bytes[start] !== QUOTE)
      throw new NotCut();
    let at = start;
    for (; ; ) {
      at = bytes.indexOf(QUOTE, at + 1);
      if (at < 0)
        throw new NotCut();
      let before = at - 1;
      while (bytes[before] === BACKSLASH)
        before--;
      if ((at - 1 - before) % 2 === 0)
        break;
    }
    this.at = at + 1;
    return decode ? JSON.parse(bytes.toString("utf8", start, at + 1)) : void 0;
  }
  /** Past the value starting here (after whitespace), whatever it is. */
  value() {
    this.whitespace();
    const bytes = this.bytes;
    const start = this.at;
    let at = start;
    let depth = 0;
    for (; ; ) {
      const byte = bytes[at];
      if (byte === void 0)
        break;
      if (byte === QUOTE) {
        this.at = at;
        this.string(false);
        at = this.at;
        if (depth === 0)
          break;
        continue;
      }
      if (byte === OPEN_OBJECT || byte === OPEN_ARRAY)
        depth++;
      else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        if (depth === 0)
          break;
        depth--;
        if (depth === 0) {
          at++;
          break;
        }
      } else if (depth === 0 && (byte === COMMA || byte === 32 || byte === 10 || byte === 13 || byte === 9))
        break;
      at++;
    }
    if (at === start)
      throw new NotCut();
    this.at = at;
  }
  /**
   * An object's members: `member(key)` is called at each value, and either walks it (true) or leaves it
   * to be skipped (false). A key written twice is not cut (which one counts is JSON.parse's to say).
   */
  object(member) {
    this.expect(OPEN_OBJECT);
    const seen = /* @__PURE__ */ new Set();
    this.whitespace();
    if (this.bytes[this.at] === CLOSE_OBJECT) {
      this.at++;
      return;
    }
    for (; ; ) {
      this.whitespace();
      const key = this.string(true);
      if (seen.has(key))
        throw new NotCut();
      seen.add(key);
      this.expect(COLON);
      this.whitespace();
      if (!member(key))
        this.value();
      this.whitespace();
      const byte = this.bytes[this.at++];
      if (byte === CLOSE_OBJECT)
        return;
      if (byte !== COMMA)
        throw new NotCut();
    }
  }
  /** The array starting here: the byte ranges of its items. */
  array(facet, field) {
    this.expect(OPEN_ARRAY);
    const start = this.at;
    const items = [];
    this.whitespace();
    if (this.bytes[this.at] === CLOSE_ARRAY) {
      this.at++;
      return { facet, field, start, end: this.at - 1, items };
    }
    for (; ; ) {
      const from = this.at;
      this.value();
      items.push([from, this.at]);
      this.whitespace();
      const byte = this.bytes[this.at++];
      if (byte === CLOSE_ARRAY)
        return { facet, field, start, end: this.at - 1, items };
      if (byte !== COMMA)
        throw new NotCut();
    }
  }
};

// packages/cli/dist/scan.js
var CONFIG_NAMES = ["coditect-audit.yaml", "coditect-audit.yml"];
function toPosix(p) {
  return p.split(sep).join("/");
}
async function prepare(options) {
  const { prep, rules } = await prepareDeferringRules(options);
  return { ...prep, rules: await rules() };
}
async function prepareDeferringRules(options) {
  const root = resolve2(options.dir ?? ".");
  if (!existsSync(root))
    throw new ConfigError(`--dir ${options.dir}: no such directory`);
  if (!statSync(root).isDirectory())
    throw new ConfigError(`--dir ${options.dir}: is a file; give the directory to scan`);
  let configPath;
  if (options.config) {
    configPath = resolve2(options.config);
    if (!existsSync(configPath))
      throw new ConfigError(`--config ${options.config}: no such file`);
    if (statSync(configPath).isDirectory())
      throw new ConfigError(`--config ${options.config}: is a directory; name the file (e.g. --config ${toPosix(options.config).replace(/\/$/, "")}/coditect-audit.yaml)`);
  } else {
    configPath = CONFIG_NAMES.map((n) => resolve2(root, n)).find((p) => existsSync(p));
  }
  let config;
  let configText;
  let configFile;
  let environment = options.env ?? "default";
  let envConfig = {};
  let configTrusted = true;
  if (configPath) {
    configFile = toPosix(relative(root, configPath)) || "coditect-audit.yaml";
    configText = await readFile(configPath, "utf8");
    await loadValidators(ConfigSchema);
    config = parseConfig(configText, configFile);
    [environment, envConfig] = selectEnvironment(config, options.env, configFile);
    const inRepo = isInside(root, configPath) || isInside(realpathSync(root), realpathSync(configPath)) || isInside(realpathSync(root), configPath);
    configTrusted = Boolean(options.trustRepoConfig) || !inRepo;
    if (!configTrusted) {
      const refused = trustedOnlySettings(config, environment, envConfig, { root, configDir: dirname(configPath) });
      if (refused.length > 0)
        throw new ConfigError(untrustedConfigMessage(configFile, refused), configFile, refused[0].path);
    }
  }
  const fromConfig = configPath ? await loadPlugins(config?.plugins ?? [], dirname(configPath), configFile ?? "coditect-audit.yaml") : [];
  const fromFlags = await loadPlugins(options.plugins ?? [], process.cwd(), "--plugin", { source: "flag" });
  const plugins = [...fromFlags, ...fromConfig];
  const loadRules = async () => {
    const { builtinRules } = await import("./chunk-dist-7C5JBDDO.js");
    const rules2 = [...builtinRules];
    for (const p of plugins)
      rules2.push(...p.rules);
    try {
      assertUniqueIds(rules2);
    } catch (e) {
      if (e instanceof RuleDefinitionError)
        throw new ConfigError(`${configFile ?? "--plugin"}: plugins: ${e.message}`, configFile, "plugins");
      throw e;
    }
    if (config && configFile) {
      const known = new Set(rules2.flatMap((r) => [r.id, ...r.aliases]));
      for (const id of Object.keys(envConfig.rules ?? {})) {
        if (!known.has(id))
          throw new ConfigError(`${configFile}: environments.${environment}.rules.${id}: no rule has this id (see \`coditect-audit rules\`)`, configFile, `environments.${environment}.rules.${id}`);
      }
    }
    return rules2;
  };
  let loading;
  const rules = () => {
    loading ??= loadRules();
    return loading;
  };
  const named = config && configFile ? Object.keys(envConfig.rules ?? {}) : [];
  const builtIds = BUILT_RULE_IDS ? new Set(BUILT_RULE_IDS) : void 0;
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
      throw new ConfigError(`${configFile}: ${t.path}.expectations: ${(validate.errors ?? []).slice(0, 3).map(describeAjvError).join("; ")}`, configFile, `${t.path}.expectations`);
  }
  return {
    prep: {
      root,
      ...configFile ? { configFile } : {},
      ...configPath ? { configDir: dirname(configPath) } : {},
      targets,
      ...configText ? { configText } : {},
      ...config ? { config } : {},
      environment,
      envConfig,
      configTrusted
    },
    rules
  };
}
function once(f) {
  let called = false;
  return () => {
    if (called)
      return;
    called = true;
    f();
  };
}
function realRelative(root, path) {
  let existing = path;
  while (!existsSync(existing) && dirname(existing) !== existing)
    existing = dirname(existing);
  const real = resolve2(realpathSync(existing), relative(existing, path));
  const rel = toPosix(relative(realpathSync(root), real));
  return rel && !rel.startsWith("..") && !isAbsolute2(rel) ? rel : void 0;
}
function isInside(root, path) {
  const rel = relative(root, path);
  return rel === "" || !rel.startsWith("..") && !isAbsolute2(rel);
}
function collectSnapshot(prep, options = {}) {
  return collectLayers(prep, options);
}
async function collectLayers(prep, options, requestsSent) {
  const snapshot = {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: "coditect-audit", version: VERSION },
    environment: prep.environment,
    root: ".",
    layers: {},
    facets: {}
  };
  const expectations = resolveExpectations(prep.envConfig.expectations);
  const log = options.log;
  const progress = log ? (m) => log("info", m) : options.progress ?? (() => {
  });
  const layers = prep.envConfig.layers ?? {};
  const tasks = [];
  const selected = (layer) => !options.layers || options.layers.includes(layer);
  const notSelected = (layer) => ({
    status: "not-configured",
    reason: `${layer} not selected (--layers ${options.layers?.join(",")})`
  });
  const shard = options.shard;
  const ownsUnsharded = !shard || shard.index === 1;
  const elsewhere = (layer) => ({
    status: "not-configured",
    reason: `${layer} is collected by shard 1/${shard?.count}`
  });
  const owns = [];
  const myTargets = shardSlice(prep.targets, shard);
  let gcpProjects = [];
  const files = layers.files ?? true;
  if (ownsUnsharded && files !== false && selected("files"))
    owns.push("files");
  if (!ownsUnsharded) {
    snapshot.layers.files = elsewhere("files");
  } else if (!selected("files")) {
    snapshot.layers.files = notSelected("files");
  } else if (files === false) {
    snapshot.layers.files = { status: "not-configured", reason: `layers.files is false for ${prep.environment}` };
  } else {
    tasks.push((async () => {
      const { collectFilesWithScope } = await import("./chunk-scope-7FFLSFH3.js");
      const layerCfg = typeof files === "object" ? files : {};
      const exclude = [...layerCfg.exclude ?? []];
      const outputs = (options.excludePaths ?? []).map((p) => realRelative(prep.root, resolve2(prep.root, p))).filter((rel) => rel !== void 0);
      progress("files: reading the repository");
      const { facets, excluded } = await collectFilesWithScope({
        root: prep.root,
        ...layerCfg.include ? { include: layerCfg.include } : {},
        exclude,
        outputs
      });
      Object.assign(snapshot.facets, facets);
      snapshot.excluded = excluded;
      const tf = facets["files.terraform"];
      const skipped = tf.status === "ok" ? tf.data.skipped ?? [] : [];
      snapshot.layers.files = { status: "collected", ...skipped.length ? { skipped } : {} };
    })());
  }
  const collectLayer = async (layer, config, exp, label, extra = {}) => {
    const seconds = layers[layer]?.deadlineSeconds ?? LAYER_DEADLINE_SECONDS;
    const partial = {};
    const collected2 = await withinDeadline(seconds * 1e3, LIVE_LAYERS[layer]().then((mod) => mod.collect({
      root: prep.root,
      ...prep.configDir ? { configDir: prep.configDir } : {},
      environment: prep.environment,
      expectations: exp,
      config,
      overrides: extra.overrides === false ? {} : {
        ...options.k8sContext ? { k8sContext: options.k8sContext } : {},
        ...options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}
      },
      ...extra.shard ? { shard: extra.shard } : {},
      progress: (m) => progress(`${label}: ${m}`),
      ...options.log ? { log: (level, m) => options.log?.(level, `${label}: ${m}`) } : {},
      partial,
      ...requestsSent ? { requestsSent } : {}
    })));
    if (collected2 !== void 0)
      return collected2;
    const reason = `the ${layer} layer did not finish within its deadline of ${seconds} s (layers.${layer}.deadlineSeconds)`;
    const done = { ...partial };
    const facets = {};
    for (const name of FACET_NAMES.filter((f) => layerOfFacet(f) === layer))
      facets[name] = done[name] ?? {
        status: "error",
        problems: [
          {
            subject: `${label} layer`,
            message: `${reason}, so ${name} was not read`,
            cause: "deadline",
            fix: `find what does not answer with --debug (the calls still waiting), or raise layers.${layer}.deadlineSeconds`
          }
        ]
      };
    progress(`${label}: ${reason}`);
    return { facets, state: { status: "failed", reason } };
  };
  const listed = new Set(prep.targets.map((t) => t.kind));
  const legacyParts = {};
  for (const layer of Object.keys(LIVE_LAYERS)) {
    let config = layers[layer];
    if (config !== void 0 && !selected(layer)) {
      snapshot.layers[layer] = notSelected(layer);
      continue;
    }
    if (config === void 0) {
      snapshot.layers[layer] = {
        status: "not-configured",
        reason: `layers.${layer} is not set for ${prep.environment}`
      };
      continue;
    }
    if (layer === "k8s" && config.contexts)
      continue;
    if (layer === "probe") {
      const single = Object.fromEntries(Object.entries(config).filter(([k]) => !listed.has(k)));
      if (!["postgres", "redis", "registry", "http"].some((k) => k in single))
        continue;
      config = single;
    }
    if (layer !== "gcp") {
      if (!ownsUnsharded) {
        snapshot.layers[layer] = elsewhere(layer);
        continue;
      }
      owns.push(layer);
    }
    const layerConfig = config;
    tasks.push((async () => {
      const result = await collectLayer(layer, layerConfig, expectations, layer, layer === "gcp" ? { ...shard ? { shard } : {} } : {});
      if (layer === "gcp") {
        Object.assign(snapshot.facets, canonicalGcpFacets(result.facets));
        gcpProjects = result.projects ?? [];
      } else {
        const facets = Object.fromEntries(Object.entries(result.facets).filter(([name]) => !listed.has(name.slice("probe.".length))));
        Object.assign(snapshot.facets, facets);
        legacyParts[layer] = result.state;
      }
      snapshot.layers[layer] = result.state;
    })());
  }
  const collected = [];
  const queue = myTargets.filter((t) => selected(t.kind === "cluster" ? "k8s" : "probe"));
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      const target = t;
      const layer = target.kind === "cluster" ? "k8s" : "probe";
      const probeConfig = layers.probe;
      const config = target.kind === "cluster" ? target.config : { [target.kind]: target.config, ...probeConfig?.timeoutMs ? { timeoutMs: probeConfig.timeoutMs } : {} };
      const exp = target.expectations ? resolveExpectations(targetExpectations(prep.envConfig.expectations, target.expectations)) : expectations;
      const result = await collectLayer(layer, config, exp, `${layer} ${target.name}`, { overrides: false });
      const facets = Object.fromEntries(Object.entries(result.facets).filter(([name]) => target.kind === "cluster" ? name.startsWith("k8s.") : name === `probe.${target.kind}`));
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
      ["k8s", ["cluster"]],
      ["probe", ["postgres", "redis", "registry", "http"]]
    ]) {
      const mine = targets.filter((t) => kinds.includes(t.kind));
      const parts = [...legacyParts[layer] ? [legacyParts[layer]] : [], ...mine.map((t) => t.state)];
      if (!selected(layer))
        continue;
      if (mine.length > 0 || prep.targets.some((t) => kinds.includes(t.kind)) && !legacyParts[layer])
        snapshot.layers[layer] = parts.length > 0 ? combineLayerStates(layer, parts) : { status: "not-configured", reason: `no ${layer} target falls in shard ${shard?.index}/${shard?.count}` };
    }
  }
  if (shard)
    snapshot.shard = {
      index: shard.index,
      count: shard.count,
      projects: gcpProjects,
      targets: myTargets.map(targetKey),
      owns: owns.sort(),
      ...Object.keys(legacyParts).length > 0 ? { ownStates: legacyParts } : {}
    };
  return snapshot;
}
var LAYER_DEADLINE_SECONDS = 120;
function withinDeadline(ms, work) {
  let timer;
  const deadline = new Promise((resolve3) => {
    timer = setTimeout(() => resolve3(void 0), ms);
  });
  work.catch(() => {
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
function fleetExpectations(prep) {
  const own = prep.targets.filter((t) => t.expectations);
  if (own.length === 0)
    return void 0;
  return Object.fromEntries(own.map((t) => [t.name, resolveExpectations(targetExpectations(prep.envConfig.expectations, t.expectations))]));
}
async function readSnapshot(path) {
  let value = parseSnapshotBytes(await readBytes(path, "--snapshot"), path);
  const version = value?.schemaVersion;
  if (typeof version === "number" && version !== 1 && version !== SNAPSHOT_SCHEMA_VERSION)
    throw new ConfigError(`--snapshot ${path}: not a coditect-audit snapshot this version reads: it says schemaVersion ${version}, and coditect-audit ${VERSION} reads 1 and ${SNAPSHOT_SCHEMA_VERSION}. Collect it again with this version (\`coditect-audit collect\`), or replay it with the version that wrote it.`);
  if (version === 1) {
    const { upgradeSnapshot } = await import("./chunk-dist-RPXKBMGC.js");
    value = upgradeSnapshot(value);
  }
  const validate = await compileLazily(SnapshotSchema);
  if (!validate(value)) {
    const first = (validate.errors ?? []).slice(0, 5).map(describeAjvError).join("; ");
    throw new ConfigError(`--snapshot ${path}: not a coditect-audit snapshot (schema v${version === 1 ? 1 : SNAPSHOT_SCHEMA_VERSION}): ${first}. Write it with \`coditect-audit collect\`.`);
  }
  return value;
}
function parseSnapshotBytes(bytes, path) {
  return parseSnapshotPieces(bytes) ?? parseSnapshotText(textOf(bytes, path, "--snapshot"), path);
}
function parseSnapshotText(text, path) {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`--snapshot ${path}: cannot be read as JSON (${e.message})`);
  }
}
async function merge(paths) {
  return mergeSnapshots(await Promise.all(paths.map(readSnapshot)), paths);
}
async function collect(options = {}) {
  const prep = await prepare(options);
  const snapshot = await collectSnapshot(prep, options);
  return { ...snapshot, collectedAt: collectionInstant() };
}
function collectionInstant(env = process.env) {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d+$/.test(epoch))
      throw new ConfigError(`SOURCE_DATE_EPOCH=${epoch}: give whole seconds since 1970-01-01 (e.g. $(date +%s))`);
    return new Date(Number(epoch) * 1e3).toISOString();
  }
  return (/* @__PURE__ */ new Date()).toISOString();
}
async function scan(options = {}) {
  const startedAt = (/* @__PURE__ */ new Date()).toISOString();
  const replayed = options.snapshots?.length ? mergeSnapshots(await Promise.all(options.snapshots.map(readSnapshot)), options.snapshots) : options.snapshot ? await readSnapshot(options.snapshot) : void 0;
  const deferred = await prepareDeferringRules(replayed && !options.env ? { ...options, env: replayed.environment } : options);
  const source = options.snapshots?.length ? options.snapshots.join(", ") : options.snapshot;
  if (replayed && replayed.environment !== deferred.prep.environment)
    throw new ConfigError(`--snapshot ${source}: it was collected for environment "${replayed.environment}", not "${deferred.prep.environment}". Replay it with --env ${replayed.environment}, or collect a snapshot of ${deferred.prep.environment}.`);
  const loadRules = () => {
    deferred.rules().catch(() => void 0);
  };
  const snapshot = replayed ? checkSnapshot(replayed, deferred.prep.envConfig).snapshot : await collectLayers(deferred.prep, options, once(() => void 0));
  const prep = { ...deferred.prep, rules: await deferred.rules() };
  options.onSnapshot?.(snapshot);
  let adr;
  if (prep.config?.adr && prep.configFile) {
    const adrPath = resolve2(prep.root, dirname(prep.configFile), prep.config.adr);
    if (!existsSync(adrPath))
      throw new ConfigError(`${prep.configFile}: adr: ${prep.config.adr}: no such file (the path is relative to the config file)`, prep.configFile, "adr");
    adr = { file: toPosix(relative(prep.root, adrPath)), sections: indexAdrSections(await readFile(adrPath, "utf8")) };
  }
  let baseline;
  if (options.baseline) {
    if (!existsSync(options.baseline))
      throw new BaselineError(`--baseline ${options.baseline}: no such file; write one with --write-baseline`);
    await loadValidators(BaselineSchema);
    baseline = {
      file: options.baseline,
      baseline: parseBaseline(await readFile(options.baseline, "utf8"), options.baseline)
    };
  }
  const envLine = prep.configText ? environmentLine(prep.configText, prep.environment) : void 0;
  const failOn = options.failOn ?? prep.envConfig.failOn;
  const gateTargets = options.failOnTargets?.length ? options.failOnTargets : prep.envConfig.gate?.targets;
  return evaluate(snapshot, prep.rules, {
    environment: prep.environment,
    ...prep.envConfig.tier ? { tier: prep.envConfig.tier } : {},
    expectations: resolveExpectations(prep.envConfig.expectations),
    ...prep.envConfig.rules ? { ruleOverrides: prep.envConfig.rules } : {},
    ...fleetExpectations(prep) ? { targetExpectations: fleetExpectations(prep) } : {},
    ...gateTargets ? { gateTargets } : {},
    ...failOn ? { failOn } : {},
    allowIncomplete: options.allowIncomplete ?? false,
    strict: options.strict ?? prep.envConfig.strict ?? false,
    // Without a config (or with one whose environment names no expectations) ADR-001's names are assumed.
    ...prep.envConfig.expectations ? {} : { assumedExpectations: true },
    // With a config, each ADR identity is assumed unless the config names its fields.
    ...prep.envConfig.expectations ? { expectationsGiven: givenExpectationFields(prep.envConfig.expectations) } : {},
    suppressions: prep.config?.suppressions ?? [],
    ...prep.configFile ? { configFile: prep.configFile } : {},
    ...envLine ? { configLine: envLine } : {},
    ...baseline ? { baseline } : {},
    ...adr ? { adr } : {},
    ...options.today ? { today: options.today } : {},
    toolVersion: VERSION,
    ...options.includePasses ? { includePasses: true } : {},
    ...options.timestamps ? { timestamps: { startedAt, finishedAt: (/* @__PURE__ */ new Date()).toISOString() } } : {}
  });
}
export {
  LAYER_DEADLINE_SECONDS,
  collect,
  collectSnapshot,
  collectionInstant,
  fleetExpectations,
  merge,
  prepare,
  readSnapshot,
  scan,
  withinDeadline
};
