import {
  FileParseError,
  MAX_FILE_BYTES,
  formatBytes,
  looksBinary,
  normalizeText,
  parseKubernetes,
  positionIndexOf,
  positionsOf
} from "./chunk-chunk-PBD5LSHE.js";
import {
  redactFacets,
  redactTree,
  withParsedFacets,
  withParsedManifest
} from "./chunk-chunk-D7DUI4O6.js";
import {
  $default
} from "./chunk-chunk-KBIY7DDS.js";
import {
  ConfigError
} from "./chunk-chunk-K3HIYUOK.js";
import {
  LineCounter
} from "./chunk-chunk-EMT75KSU.js";
import {
  __require
} from "./chunk-chunk-IWPLMFNU.js";

// packages/collectors/dist/files/discover.js
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative } from "node:path";

// coditect-on-first-use:ignore
var real;
function load() {
  real = __require("./ignore.cjs");
  $default2 = real;
  return real;
}
var onFirstUse = (target, get) => new Proxy(target, {
  apply: (_, self, args) => Reflect.apply(get(), self, args),
  construct: (_, args) => Reflect.construct(get(), args),
  get: (_, key) => Reflect.get(get(), key)
});
var $default2 = onFirstUse(function() {
}, () => real ?? load());

// packages/collectors/dist/files/discover.js
var FILE_KINDS = ["dockerfile", "kubernetes", "workflows", "terraform", "tfstate", "markdown"];
var NOT_A_DOCKERFILE = /\.(?:dockerignore|md|markdown|txt|rst|json|ya?ml|toml|ts|tsx|mts|cts|js|jsx|mjs|cjs|map|py|go|rs|java|kt|rb|sh|bash|ps1|lock|snap|orig|bak|swp|j2|jinja|tpl|tmpl|template)$/;
var ALWAYS_SKIPPED = /* @__PURE__ */ new Set([".git", "node_modules"]);
var SKIPPED_DIRECTORIES = {
  ".terraform": "vendored OpenTofu/Terraform modules and providers written by `tofu init` / `terraform init`: not the repository\u2019s own code (their module calls are read where the repository makes them)"
};
function skippedDirectoryOf(path) {
  const parts = path.split("/");
  for (let i = 0; i < parts.length - 1; i++) {
    const reason = SKIPPED_DIRECTORIES[parts[i]];
    if (reason)
      return { path: `${parts.slice(0, i + 1).join("/")}/`, reason };
  }
  return void 0;
}
var READ_CONCURRENCY = 16;
async function trackedFiles(root) {
  const hardened = ["-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null", "-c", "core.quotePath=false"];
  const top = await git([...hardened, "rev-parse", "--show-toplevel"], root);
  if (top === void 0)
    return void 0;
  const listed = await git([...hardened, "ls-files", "-z", "--cached", "--full-name"], root);
  if (listed === void 0)
    return void 0;
  const prefix = relative(await realpath(top.trim()), await realpath(root)).split("\\").join("/");
  const out = /* @__PURE__ */ new Set();
  for (const p of listed.split("\0")) {
    if (!p)
      continue;
    if (!prefix)
      out.add(p);
    else if (p.startsWith(`${prefix}/`))
      out.add(p.slice(prefix.length + 1));
  }
  return out;
}
async function git(args, cwd) {
  const { execFile } = await import("node:child_process");
  return new Promise((done) => {
    execFile("git", args, { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: "0" } }, (error, stdout) => done(error ? void 0 : stdout));
  });
}
function classifyPath(path) {
  const base = (path.split("/").pop() ?? path).toLowerCase();
  if (base === "dockerfile" || base === "containerfile" || base.endsWith(".dockerfile"))
    return "dockerfile";
  if (/^(?:dockerfile|containerfile)[._-]/.test(base) && !NOT_A_DOCKERFILE.test(base)) {
    return "dockerfile";
  }
  if (/\.ya?ml$/.test(base)) {
    return /(?:^|\/)\.github\/workflows\/[^/]+$/.test(path) ? "workflows" : "kubernetes";
  }
  if (base.endsWith(".tf") || base.endsWith(".tfvars") || base.endsWith(".tfvars.json"))
    return "terraform";
  if (base.endsWith(".json") && !base.endsWith(".tf.json"))
    return "kubernetes";
  if (base.endsWith(".tfstate"))
    return "tfstate";
  if (base.endsWith(".md") || base.endsWith(".markdown"))
    return "markdown";
  return void 0;
}
function normalizePath(path) {
  return path.replace(/\\/g, "/").replace(/^(?:\.\/)+/, "").replace(/\/{2,}/g, "/");
}
async function discoverFiles(options, onRead) {
  const included = options.include?.length ? $default(options.include, { dot: true }) : () => true;
  const excludeGlobs = options.exclude ?? [];
  const excludedBy = (path) => excludeGlobs.find((g) => $default.isMatch(path, g, { dot: true }));
  const outputs = new Set(options.outputs ?? []);
  const candidates = [];
  const problems = [];
  const skipped = [];
  const excluded = [];
  let realRoot;
  try {
    const rootStat = await stat(options.root);
    if (!rootStat.isDirectory())
      throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    realRoot = await realpath(options.root);
  } catch (e) {
    problems.push({ problem: unreadable(".", e, "directory", options.root) });
    return { files: [], problems, skipped, excluded };
  }
  let trackedOnce;
  const tracked = () => trackedOnce ??= trackedFiles(options.root).then((files2 = /* @__PURE__ */ new Set()) => {
    const dirs = /* @__PURE__ */ new Set();
    for (const p of files2)
      for (let i = p.indexOf("/"); i > 0; i = p.indexOf("/", i + 1))
        dirs.add(p.slice(0, i));
    return { files: files2, dirs };
  });
  const insideRoot = (real2) => {
    const rel = relative(realRoot, real2);
    return rel === "" || !rel.startsWith("..") && !isAbsolute(rel);
  };
  const walk = async (absolute, relativePath, levels) => {
    let entries;
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (e) {
      problems.push({ problem: unreadable(relativePath || ".", e, "directory") });
      return;
    }
    const own = await loadGitignore(absolute, relativePath, entries);
    const here = own ? [...levels, own] : levels;
    entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name))
        continue;
      const path = relativePath ? `${relativePath}/${entry.name}` : entry.name;
      const entryAbsolute = join(absolute, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        let target;
        try {
          target = await realpath(entryAbsolute);
          const info = await stat(target);
          if (info.isDirectory()) {
            excluded.push({
              path: `${path}/`,
              reason: "directory-link",
              detail: "a link to a folder; links to folders are not followed"
            });
            continue;
          }
          isDirectory = false;
          isFile = info.isFile();
        } catch (e) {
          const kind = classifyPath(path);
          if (kind && included(path) && !excludedBy(path) && !isIgnored(here, path, false)) {
            problems.push({ kind, problem: unreadable(path, e, "file") });
          }
          continue;
        }
        if (!insideRoot(target)) {
          const kind = classifyPath(path);
          excluded.push({
            path,
            reason: "link-outside-root",
            detail: "a link that resolves outside the scanned directory; not followed"
          });
          if (kind && included(path))
            problems.push({ kind, problem: outsideRoot(path) });
          continue;
        }
      }
      if (isDirectory) {
        if (outputs.has(path)) {
          excluded.push({
            path: `${path}/`,
            reason: "report-folder",
            detail: "the folder this run writes its reports to"
          });
          continue;
        }
        const glob = excludedBy(path);
        if (glob) {
          excluded.push({ path: `${path}/`, reason: "config-exclude", detail: `layers.files.exclude: ${glob}` });
          continue;
        }
        if (isIgnored(here, path, true) && !(await tracked()).dirs.has(path)) {
          excluded.push({ path: `${path}/`, reason: "ignore-file", detail: ignoredBy(here, path, true) });
          continue;
        }
        const vendored = SKIPPED_DIRECTORIES[entry.name];
        if (vendored) {
          skipped.push({ path: `${path}/`, reason: vendored });
          excluded.push({ path: `${path}/`, reason: "vendored", detail: vendored });
          continue;
        }
        await walk(entryAbsolute, path, here);
      } else if (isFile) {
        const kind = classifyPath(path);
        if (!included(path))
          continue;
        if (outputs.has(path)) {
          if (kind)
            excluded.push({ path, reason: "report-folder", detail: "a file this run writes" });
          continue;
        }
        const glob = excludedBy(path);
        if (glob) {
          if (kind)
            excluded.push({ path, reason: "config-exclude", detail: `layers.files.exclude: ${glob}` });
          continue;
        }
        if (isIgnored(here, path, false) && !(await tracked()).files.has(path)) {
          if (kind)
            excluded.push({ path, reason: "ignore-file", detail: ignoredBy(here, path, false) });
          continue;
        }
        if (kind)
          candidates.push({ absolute: entryAbsolute, path, kind });
      }
    }
  };
  await walk(options.root, "", []);
  candidates.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const files = new Array(candidates.length);
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const index = next++;
      const candidate = candidates[index];
      const read = await readCandidate(candidate);
      if ("text" in read) {
        files[index] = read;
        onRead?.(read);
      } else {
        problems.push({ kind: candidate.kind, problem: read.problem });
        if (read.problem.cause === "too-large" || read.problem.cause === "binary")
          excluded.push({ path: candidate.path, reason: read.problem.cause, detail: read.problem.message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, candidates.length) }, worker));
  excluded.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return {
    files: files.filter((f) => f !== void 0),
    problems: sortProblems(problems),
    skipped: skipped.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    excluded
  };
}
async function readCandidate(candidate) {
  try {
    const info = await stat(candidate.absolute);
    if (info.size > MAX_FILE_BYTES)
      return { problem: maybeData(candidate.path, tooLarge(candidate.path, info.size)) };
    const bytes = await readFile(candidate.absolute);
    if (looksBinary(bytes))
      return { problem: maybeData(candidate.path, binary(candidate.path)) };
    return { path: candidate.path, kind: candidate.kind, text: new TextDecoder("utf-8").decode(bytes) };
  } catch (e) {
    return { problem: unreadable(candidate.path, e, "file") };
  }
}
async function loadGitignore(absolute, relative2, entries) {
  if (!entries.some((e) => e.name === ".gitignore" && (e.isFile() || e.isSymbolicLink())))
    return void 0;
  try {
    const text = await readFile(join(absolute, ".gitignore"), "utf8");
    return { base: relative2, rules: $default2().add(text) };
  } catch {
    return void 0;
  }
}
function ignoredBy(levels, path, isDirectory) {
  let by = ".gitignore";
  for (const { base, rules } of levels) {
    const rel = base ? path.slice(base.length + 1) : path;
    const result = rules.test(isDirectory ? `${rel}/` : rel);
    if (result.ignored)
      by = `${base ? `${base}/` : ""}.gitignore${result.rule ? `: ${result.rule.pattern}` : ""}`;
  }
  return by;
}
function isIgnored(levels, path, isDirectory) {
  let ignored = false;
  for (const { base, rules } of levels) {
    const relative2 = base ? path.slice(base.length + 1) : path;
    const result = rules.test(isDirectory ? `${relative2}/` : relative2);
    if (result.ignored)
      ignored = true;
    else if (result.unignored)
      ignored = false;
  }
  return ignored;
}
function maybeData(path, problem) {
  return path.toLowerCase().endsWith(".json") ? { ...problem, severity: "notice" } : problem;
}
function tooLarge(path, size) {
  return {
    subject: path,
    message: `${path}: ${formatBytes(size)} is over the ${formatBytes(MAX_FILE_BYTES)} limit for files the scanner reads; it was not read`,
    cause: "too-large",
    fix: `Exclude it in the configuration (layers.files.exclude: ["${path}"]) or split it into smaller files.`
  };
}
function outsideRoot(path) {
  return {
    subject: path,
    message: `${path}: a symbolic link that resolves outside the scanned directory; it was not followed, so what it stands for was not checked`,
    cause: "link-outside-root",
    fix: `Commit the file itself instead of a link to ${path}'s target, or remove the link.`
  };
}
function binary(path) {
  return {
    subject: path,
    message: `${path}: binary content (a NUL byte in the first 8 KiB); it was not read`,
    cause: "binary",
    fix: `Exclude it in the configuration (layers.files.exclude: ["${path}"]) or store it as UTF-8 text.`
  };
}
function unreadable(path, error, what, shown = path) {
  const code = error?.code;
  const reason = code === "EACCES" || code === "EPERM" ? "permission denied" : code === "ENOENT" ? "does not exist (a broken link?)" : code === "ENOTDIR" ? "is not a directory" : error?.message ?? "unreadable";
  return {
    subject: path,
    message: `${shown}: ${what} could not be read: ${reason}`,
    cause: code === "EACCES" || code === "EPERM" ? "permission-denied" : "unreadable",
    fix: code === "EACCES" || code === "EPERM" ? `Give the scanning user read access to ${shown}, or exclude it in the configuration.` : `Check that ${shown} exists and is readable, or exclude it in the configuration.`
  };
}
function sortProblems(problems) {
  return problems.sort((a, b) => a.problem.subject < b.problem.subject ? -1 : a.problem.subject > b.problem.subject ? 1 : 0);
}

// packages/collectors/dist/files/parse-pool.js
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
var WORKER_URL = new URL("./files-parse-worker.js", import.meta.url);
var MIN_BYTES_FOR_WORKERS = 1024 * 1024;
var BYTES_PER_WORKER = 2 * 1024 * 1024;
var MAX_WORKERS = 4;
var BATCH_FILES = 32;
var IN_FLIGHT = 2;
var TASKS_PER_TURN = 16;
var TASKS_KEPT_FOR_THE_END = IN_FLIGHT * BATCH_FILES;
function finishedManifest(manifest) {
  return withParsedManifest(redactTree(manifest));
}
function parseToTransfer({ path, text }, finish = false) {
  try {
    const result = parseKubernetes(path, normalizeText(text));
    let finished = false;
    if (result && finish)
      try {
        result.manifest = finishedManifest(result.manifest);
        finished = true;
      } catch {
      }
    return { result: result && toTransfer(result, finished) };
  } catch (error) {
    if (error instanceof FileParseError)
      return { thrown: { message: error.message, line: error.line, column: error.column } };
    return { thrown: { message: error instanceof Error ? error.message : String(error) } };
  }
}
function toTransfer(result, finished) {
  const counters = [];
  const objects = result.manifest.objects.map((object) => {
    const index = positionIndexOf(object.positions);
    let lines = counters.indexOf(index.lineCounter);
    if (lines < 0)
      lines = counters.push(index.lineCounter) - 1;
    return { ...object, positions: { lines, pointers: index.pointers, offsets: index.offsets } };
  });
  const plain = (e) => ({ message: e.message, line: e.line, column: e.column });
  return {
    manifest: { ...result.manifest, objects },
    finished,
    errors: result.errors.map(plain),
    notices: result.notices.map(plain),
    lineStarts: counters.map((c) => c.lineStarts)
  };
}
function fromTransfer(parsed) {
  if ("thrown" in parsed) {
    const { message, line, column } = parsed.thrown;
    throw line === void 0 ? new Error(message) : new FileParseError(message, line, column);
  }
  const transferred = parsed.result;
  if (!transferred)
    return void 0;
  const counters = transferred.lineStarts.map((starts) => {
    const counter = new LineCounter();
    counter.lineStarts = starts;
    return counter;
  });
  const objects = transferred.manifest.objects.map((object) => {
    const { lines, pointers, offsets } = object.positions;
    const lineCounter = counters[lines];
    for (let i = 0; i < pointers.length; i++)
      pointers[i] = internPointer(pointers[i]);
    return { ...object, positions: positionsOf({ lineCounter, pointers, offsets }) };
  });
  const error = (e) => new FileParseError(e.message, e.line, e.column);
  return {
    manifest: { ...transferred.manifest, objects },
    errors: transferred.errors.map(error),
    notices: transferred.notices.map(error),
    finished: transferred.finished
  };
}
var POINTERS = /* @__PURE__ */ new Map();
var MAX_INTERNED = 5e4;
function internPointer(pointer) {
  const known = POINTERS.get(pointer);
  if (known !== void 0)
    return known;
  if (POINTERS.size >= MAX_INTERNED)
    POINTERS.clear();
  POINTERS.set(pointer, pointer);
  return pointer;
}
var MAX_FORCED_WORKERS = 64;
function workerCount(inputs, env = process.env) {
  const forced = env.CODITECT_AUDIT_FILE_WORKERS;
  if (forced !== void 0 && forced !== "") {
    const n = Number(forced);
    if (!/^\d+$/.test(forced.trim()) || n > MAX_FORCED_WORKERS)
      throw new ConfigError(`CODITECT_AUDIT_FILE_WORKERS must be a whole number of workers from 0 (none) to ${MAX_FORCED_WORKERS}, not "${forced}". Fix: set it to 0, a small number, or unset it.`, void 0, "CODITECT_AUDIT_FILE_WORKERS");
    return Math.min(n, inputs.length);
  }
  const bytes = inputs.reduce((sum, input) => sum + input.text.length, 0);
  if (bytes < MIN_BYTES_FOR_WORKERS)
    return 0;
  const byBytes = 1 + Math.floor((bytes - MIN_BYTES_FOR_WORKERS) / BYTES_PER_WORKER);
  const { availableParallelism } = createRequire(import.meta.url)("node:os");
  return Math.max(0, Math.min(availableParallelism() - 1, byBytes, MAX_WORKERS));
}
function startWorker(workerUrl) {
  const { Worker } = createRequire(import.meta.url)("node:worker_threads");
  let started;
  try {
    started = { worker: new Worker(workerUrl), exited: false };
  } catch {
    return void 0;
  }
  started.worker.on("error", () => {
  });
  started.worker.on("exit", () => {
    started.exited = true;
  });
  started.worker.unref();
  return started;
}
var EarlyWorker = class {
  env;
  workerUrl;
  bytes = 0;
  started;
  done = false;
  constructor(env = process.env, workerUrl = WORKER_URL) {
    this.env = env;
    this.workerUrl = workerUrl;
  }
  /** Counts a Kubernetes file just read; starts the worker once there is enough YAML to parse. */
  read(text) {
    if (this.done)
      return;
    this.bytes += text.length;
    if (this.bytes < MIN_BYTES_FOR_WORKERS)
      return;
    this.done = true;
    const forced = this.env.CODITECT_AUDIT_FILE_WORKERS;
    if (forced !== void 0 && forced !== "" || !workersAvailable(this.workerUrl))
      return;
    const { availableParallelism } = createRequire(import.meta.url)("node:os");
    if (availableParallelism() > 1)
      this.started = startWorker(this.workerUrl);
  }
  /** The worker, if one started: the caller now runs or stops it. */
  take() {
    this.done = true;
    const started = this.started;
    this.started = void 0;
    return started;
  }
  /** Stops the worker if nobody took it. */
  stop() {
    const started = this.take();
    if (started)
      void started.worker.terminate();
  }
};
function workersAvailable(workerUrl = WORKER_URL) {
  return workerUrl.protocol === "file:" && existsSync(fileURLToPath(workerUrl));
}
async function parseInWorkers(inputs, { workers = workerCount(inputs), mainThreadToo = true, workerUrl = WORKER_URL, alongside = [], finish = false, early } = {}) {
  const started = early?.take();
  if (workers <= 0 || !workersAvailable(workerUrl)) {
    if (started)
      void started.worker.terminate();
    for (const task of alongside)
      task();
    return void 0;
  }
  const { Worker } = await import("node:worker_threads");
  const results = new Array(inputs.length);
  const pending = [];
  for (let start = 0; start < inputs.length; start += BATCH_FILES)
    pending.push(Array.from({ length: Math.min(BATCH_FILES, inputs.length - start) }, (_, i) => start + i));
  let parsedHere = 0;
  const parseHere = (batch) => {
    for (const i of batch)
      results[i] = parseToTransfer(inputs[i], finish);
    parsedHere += batch.length;
  };
  let nextTask = 0;
  const runTasks = (count) => {
    for (const end = Math.min(alongside.length, nextTask + count); nextTask < end; )
      alongside[nextTask++]();
  };
  const letRepliesIn = () => new Promise((resolve) => setImmediate(resolve));
  const running = Array.from({ length: workers }, (_, n) => runWorker(Worker, workerUrl, inputs, finish, pending, results, n === 0 ? started : void 0));
  if (mainThreadToo)
    for (const first = alongside.length - TASKS_KEPT_FOR_THE_END; nextTask < first; ) {
      runTasks(Math.min(TASKS_PER_TURN, first - nextTask));
      await letRepliesIn();
    }
  while (mainThreadToo) {
    const batch = pending.pop();
    if (!batch)
      break;
    parseHere(batch);
    await letRepliesIn();
  }
  runTasks(alongside.length);
  const returned = await Promise.all(running);
  for (const batch of returned.flat())
    parseHere(batch);
  const parsedInWorkers = results.filter((r) => r !== void 0).length - parsedHere;
  for (let i = 0; i < results.length; i++)
    if (!results[i])
      parseHere([i]);
  return { parses: results, parsedInWorkers };
}
function runWorker(Worker, workerUrl, inputs, finishManifests, pending, results, started) {
  return new Promise((resolve) => {
    const inFlight = [];
    let settled = false;
    let worker;
    const finish = () => {
      if (settled)
        return;
      settled = true;
      worker.removeAllListeners();
      worker.on("error", () => {
      });
      void worker.terminate();
      resolve(inFlight.splice(0));
    };
    const send = () => {
      while (inFlight.length < IN_FLIGHT) {
        const batch = pending.shift();
        if (!batch)
          break;
        inFlight.push(batch);
        worker.postMessage({
          files: batch.map((i) => inputs[i]),
          finish: finishManifests
        });
      }
      if (inFlight.length === 0)
        finish();
    };
    if (started) {
      worker = started.worker;
      if (started.exited) {
        resolve([]);
        return;
      }
      worker.ref();
    } else
      try {
        worker = new Worker(workerUrl);
      } catch {
        resolve([]);
        return;
      }
    worker.on("message", (parsed) => {
      const batch = inFlight[0];
      if (!batch || !Array.isArray(parsed) || parsed.length !== batch.length)
        return finish();
      inFlight.shift();
      batch.forEach((i, n) => {
        const result = parsed[n];
        if (result)
          results[i] = result;
      });
      send();
    });
    worker.on("error", finish);
    worker.on("exit", finish);
    send();
  });
}

// packages/collectors/dist/files/collect.js
var FACET_OF = {
  dockerfile: "files.dockerfile",
  kubernetes: "files.kubernetes",
  workflows: "files.workflows",
  terraform: "files.terraform",
  tfstate: "files.tfstate",
  markdown: "files.markdown"
};
var PARSE_FIX = {
  dockerfile: "Fix the Dockerfile so that `docker build` accepts it, or exclude the file in the configuration.",
  kubernetes: "Fix the YAML so that `kubectl apply --dry-run=client -f <file>` accepts it, or exclude the file in the configuration.",
  workflows: "Fix the workflow YAML (GitHub reports the same error on the Actions tab), or exclude the file.",
  terraform: "Fix the file so that `tofu validate` accepts it, or exclude the file in the configuration.",
  tfstate: "Give a state file written by OpenTofu or Terraform (`tofu state pull > terraform.tfstate`), or exclude it.",
  markdown: "Fix the Markdown file, or exclude it in the configuration."
};
var IGNORE_FIX = "Write the directive as `# coditect-audit:ignore <rule-id> -- <reason>` (a reason is required).";
async function collectFiles(options) {
  return (await collectFilesWithScope(options)).facets;
}
async function collectFilesWithScope(options) {
  const early = new EarlyWorker();
  let discovery;
  try {
    discovery = await discoverFiles(options, (file) => {
      if (file.kind === "kubernetes")
        early.read(file.text);
    });
  } catch (error) {
    early.stop();
    throw error;
  }
  const rootProblem = discovery.problems.find((p) => p.kind === void 0 && p.problem.subject === ".");
  if (rootProblem) {
    early.stop();
    const facets = Object.fromEntries(FILE_KINDS.map((kind) => [FACET_OF[kind], { status: "error", problems: [rootProblem.problem] }]));
    return { facets, excluded: discovery.excluded };
  }
  if (discovery.files.length === 0) {
    early.stop();
    return {
      facets: buildFacets(void 0, [], discovery.problems, discovery.skipped),
      excluded: discovery.excluded
    };
  }
  const parsers = await import("./chunk-parse-others-GVPN5SU4.js");
  const manifests = discovery.files.filter((s) => s.kind === "kubernetes");
  const yamlSources = yamlSourcesOf(discovery.files);
  const patchFiles = parsers.kustomizePatchFiles(yamlSources);
  const parsedOthers = /* @__PURE__ */ new Map();
  const alongside = discovery.files.filter((s) => s.kind !== "kubernetes").map((source) => () => {
    parsedOthers.set(source, parsers.finishedOther(parsers.parseOther(source)));
  });
  const parsed = (await parseInWorkers(manifests, { alongside, finish: patchFiles.size === 0, early }))?.parses;
  const parsedManifests = parsed && new Map(manifests.map((source, i) => [source, parsed[i]]));
  return {
    facets: buildFacets(parsers, discovery.files, discovery.problems, discovery.skipped, {
      parsedManifests,
      parsedOthers,
      yamlSources,
      patchFiles
    }),
    excluded: discovery.excluded
  };
}
function yamlSourcesOf(sources) {
  return sources.filter((s) => s.kind === "kubernetes" && /\.ya?ml$|(?:^|\/)Kustomization$/.test(s.path)).map((s) => ({ path: s.path, text: normalizeText(s.text) }));
}
function buildFacets(parsers, sources, discoveryProblems, skipped = [], { parsedManifests, parsedOthers, yamlSources = yamlSourcesOf(sources), patchFiles = parsers?.kustomizePatchFiles(yamlSources) ?? /* @__PURE__ */ new Map() } = {}) {
  if (!parsers && sources.length > 0)
    throw new Error("buildFacets: files to parse, but no parsers");
  const varFiles = [];
  const data = {
    "files.dockerfile": { files: [] },
    "files.kubernetes": { files: [] },
    "files.workflows": { files: [] },
    "files.terraform": { files: [] },
    "files.tfstate": { files: [] },
    "files.markdown": { files: [] }
  };
  const problems = {
    "files.dockerfile": [],
    "files.kubernetes": [],
    "files.workflows": [],
    "files.terraform": [],
    "files.tfstate": [],
    "files.markdown": []
  };
  for (const { kind, problem } of discoveryProblems) {
    for (const k of kind ? [kind] : FILE_KINDS)
      problems[FACET_OF[k]].push(problem);
  }
  const patches = [];
  const finished = /* @__PURE__ */ new Set();
  const dockerfilesAsRead = /* @__PURE__ */ new Map();
  for (const sourceFile of sources) {
    const { path, kind, text } = sourceFile;
    const facet2 = FACET_OF[kind];
    const report = (error) => problems[facet2].push(parseProblem(path, kind, error));
    if (kind !== "kubernetes") {
      const other = parsedOthers?.get(sourceFile) ?? parsers.parseOther(sourceFile);
      if ("error" in other)
        report(other.error);
      else if (other.kind === "tfvars")
        varFiles.push(other.value);
      else if (other.finished !== void 0) {
        finished.add(other.finished);
        if (other.kind === "dockerfile")
          dockerfilesAsRead.set(other.finished, other.value);
        data[FACET_OF[other.kind]].files.push(other.finished);
      } else
        data[FACET_OF[other.kind]].files.push(other.value);
      continue;
    }
    const source = normalizeText(text);
    try {
      switch (kind) {
        case "kubernetes": {
          const transferred = parsedManifests?.get(sourceFile);
          const received = transferred && fromTransfer(transferred);
          const result = transferred ? received : parseKubernetes(path, source);
          if (!result)
            break;
          if (received?.finished)
            finished.add(result.manifest);
          const patch = patchFiles.get(path);
          if (patch && result.manifest.objects.length > 0)
            patches.push({ manifest: result.manifest, patch });
          if (result.manifest.objects.length > 0 || result.manifest.skipped) {
            data["files.kubernetes"].files.push(result.manifest);
          }
          if (result.manifest.skipped)
            problems[facet2].push(notice(path, 1, 1, `not read: ${result.manifest.skipped}`));
          result.errors.forEach(report);
          for (const n of result.notices)
            problems[facet2].push(notice(path, n.line, n.column, n.message));
          break;
        }
      }
    } catch (error) {
      report(error);
    }
  }
  if (patches.length) {
    const patchFileNames = new Set(patches.map((p) => p.manifest.file));
    const bases = data["files.kubernetes"].files.filter((f) => !patchFileNames.has(f.file)).flatMap((f) => f.objects);
    for (const { manifest, patch } of patches) {
      const rendered = parsers.renderPatch(manifest.objects, patch, bases);
      manifest.objects = rendered.objects;
      problems["files.kubernetes"].push(notice(manifest.file, 1, 1, rendered.said));
    }
  }
  try {
    parsers?.evaluateTerraform(data["files.terraform"].files, varFiles);
  } catch {
  }
  const builds = parsers?.imageBuilds(data["files.workflows"].files, yamlSources, new Set(data["files.dockerfile"].files.map((d) => d.file))) ?? [];
  if (builds.length) {
    data["files.dockerfile"].builds = builds;
    data["files.dockerfile"].files = data["files.dockerfile"].files.map((f) => {
      const asRead = dockerfilesAsRead.get(f);
      if (!asRead)
        return f;
      finished.delete(f);
      return asRead;
    });
  }
  if (varFiles.length)
    data["files.terraform"].varFiles = varFiles.map((v) => v.file);
  if (skipped.length)
    data["files.terraform"].skipped = skipped;
  const facet = (name) => ({
    status: "ok",
    data: data[name],
    problems: problems[name].sort(byLocation)
  });
  return withParsedFacets(redactFacets({
    "files.dockerfile": facet("files.dockerfile"),
    "files.kubernetes": facet("files.kubernetes"),
    "files.workflows": facet("files.workflows"),
    "files.terraform": facet("files.terraform"),
    "files.tfstate": facet("files.tfstate"),
    "files.markdown": facet("files.markdown")
  }, finished), finished);
}
function notice(path, line, column, what) {
  return {
    subject: path,
    message: `${path}:${line}:${column}: ${what}.`,
    cause: "read-in-part",
    severity: "notice",
    location: { file: path, startLine: line, startColumn: column }
  };
}
function parseProblem(path, kind, error) {
  if (error instanceof FileParseError) {
    const isIgnore = error.message.startsWith("inline suppression");
    return {
      subject: path,
      message: `${path}:${error.line}:${error.column}: ${error.message}`,
      cause: "parse-error",
      fix: isIgnore ? IGNORE_FIX : PARSE_FIX[kind],
      location: { file: path, startLine: error.line, startColumn: error.column }
    };
  }
  const what = error instanceof Error ? error.message : String(error);
  return {
    subject: path,
    message: `${path}:1:1: could not be parsed: ${what}`,
    cause: "parse-error",
    fix: PARSE_FIX[kind],
    location: { file: path, startLine: 1, startColumn: 1 }
  };
}
function byLocation(a, b) {
  if (a.subject !== b.subject)
    return a.subject < b.subject ? -1 : 1;
  return (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) || (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0);
}

export {
  FILE_KINDS,
  skippedDirectoryOf,
  classifyPath,
  normalizePath,
  discoverFiles,
  maybeData,
  tooLarge,
  binary,
  FACET_OF,
  collectFiles,
  collectFilesWithScope,
  buildFacets
};
