import {
  ConfigSchema,
  adrDefaults,
  loadValidators,
  parseConfig
} from "./chunk-chunk-KBIY7DDS.js";
import {
  ConfigError
} from "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/cli/dist/commands/init.js
import { existsSync } from "node:fs";
import { readdir, writeFile } from "node:fs/promises";
import { dirname, join, relative, resolve, sep } from "node:path";
var CONFIG_SCHEMA_URL = "https://raw.githubusercontent.com/coditect-ai/coditect-audit/main/schemas/config-v1.json";
var INSTALLED_SCHEMA = "node_modules/coditect-audit/schemas/config-v1.json";
var DEFAULT_PROJECT = "coditect-cloud-infra";
var DEFAULT_NAMESPACE = "coditect-staging";
var DEFAULT_ENVIRONMENTS = ["staging", "production"];
var ADR_DOMAIN = "staging-api.coditect.ai";
var PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;
var ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
var NAMESPACE = /^[a-z0-9](?:[-a-z0-9]{0,61}[a-z0-9])?$/;
function toPosix(p) {
  return p.split(sep).join("/");
}
function byFrequency(values) {
  const counts = /* @__PURE__ */ new Map();
  for (const v of values)
    counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).map(([v]) => v);
}
var IMAGE_PROJECT = /(?:^|\/)(?:[a-z0-9-]+-docker\.pkg\.dev|(?:[a-z]+\.)?gcr\.io)\/([a-z][a-z0-9-]{4,28}[a-z0-9])\//;
function imagesIn(value, out) {
  if (Array.isArray(value))
    for (const v of value)
      imagesIn(v, out);
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (k === "image" && typeof v === "string")
        out.push(v);
      else
        imagesIn(v, out);
    }
}
var ADR_NAME = /^adr[-_ ]?\d+/i;
var ADR_DIRS = /* @__PURE__ */ new Set(["adr", "adrs", "decisions", "decision-records"]);
var ADR_EXT = /\.(?:md|markdown|txt|adoc|rst)$/i;
var ADR_SKIP = /* @__PURE__ */ new Set([".git", "node_modules", "dist", "build", "vendor"]);
async function findAdrs(root, relDir = "", depth = 0, out = []) {
  let entries;
  try {
    entries = await readdir(join(root, relDir), { withFileTypes: true });
  } catch {
    return out;
  }
  entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const inAdrDir = ADR_DIRS.has(relDir.split("/").pop()?.toLowerCase() ?? "");
  for (const e of entries) {
    const path = relDir ? `${relDir}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (depth < 4 && !ADR_SKIP.has(e.name) && !e.name.startsWith("."))
        await findAdrs(root, path, depth + 1, out);
    } else if (e.isFile() && ADR_EXT.test(e.name) && (ADR_NAME.test(e.name) || inAdrDir)) {
      if (!/^(?:readme|index|template)\b/i.test(e.name))
        out.push(path);
    }
  }
  return out;
}
function pickAdr(candidates) {
  const first = candidates.find((p) => /(?:^|\/)(?:adr[-_ ]?)?0*1(?:[-_ .]|$)/i.test(p.split("/").pop() ?? ""));
  return first ?? candidates[0];
}
async function detectRepository(root) {
  const { collectFiles } = await import("./chunk-dist-RPXKBMGC.js");
  const facets = await collectFiles({ root });
  let unreadable = 0;
  const filesOf = (facet) => {
    unreadable += facet.status === "absent" ? 0 : facet.problems.length;
    return facet.status === "ok" ? facet.data.files : [];
  };
  const manifests = filesOf(facets["files.kubernetes"]).filter((f) => f.objects.length > 0);
  const objects = manifests.flatMap((f) => f.objects);
  const images = [];
  for (const o of objects)
    imagesIn(o.object, images);
  const dockerfiles = filesOf(facets["files.dockerfile"]);
  for (const df of dockerfiles)
    for (const stage of df.stages)
      images.push(stage.resolvedImage);
  const adr = pickAdr(await findAdrs(root));
  return {
    dockerfiles: dockerfiles.map((f) => f.file),
    manifests: manifests.map((f) => ({ file: f.file, objects: f.objects.length })),
    terraform: filesOf(facets["files.terraform"]).map((f) => f.file),
    tfstate: filesOf(facets["files.tfstate"]).map((f) => f.file),
    workflows: filesOf(facets["files.workflows"]).map((f) => f.file),
    ...adr ? { adr } : {},
    namespaces: byFrequency(objects.flatMap((o) => [
      ...o.namespace ? [o.namespace] : [],
      ...o.kind === "Namespace" && o.name ? [o.name] : []
    ])).filter((n) => n !== "default" && !n.startsWith("kube-")),
    projects: byFrequency(images.map((i) => IMAGE_PROJECT.exec(i)?.[1]).filter((p) => Boolean(p))),
    unreadable
  };
}
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function describeDetection(d) {
  const parts = [
    plural(d.dockerfiles.length, "Dockerfile"),
    `${plural(d.manifests.length, "Kubernetes manifest")} (${plural(d.manifests.reduce((n, m) => n + m.objects, 0), "object")})`,
    plural(d.terraform.length, "OpenTofu file"),
    plural(d.workflows.length, "GitHub workflow"),
    d.adr ? `ADR ${d.adr}` : "no ADR document"
  ];
  return parts.join(", ");
}
function defaultAnswers(d) {
  const namespace = d.namespaces[0] ?? DEFAULT_NAMESPACE;
  return {
    project: d.projects[0] ?? DEFAULT_PROJECT,
    environments: [...DEFAULT_ENVIRONMENTS],
    namespaces: Object.fromEntries(DEFAULT_ENVIRONMENTS.map((e) => [e, namespace]))
  };
}
function tierOf(environment) {
  if (/prod/i.test(environment))
    return "production";
  if (/stag/i.test(environment))
    return "staging";
  return void 0;
}
function scalar(value) {
  return /^[A-Za-z0-9_./-]+$/.test(value) && !/^(?:true|false|null|yes|no|on|off|~)$/i.test(value) ? value : JSON.stringify(value);
}
function listComment(label, files) {
  if (files.length === 0)
    return `#   ${label}: none`;
  if (files.length <= 3)
    return `#   ${label}: ${files.join(", ")}`;
  const dirs = byFrequency(files.map((f) => f.includes("/") ? `${f.split("/")[0]}/` : "./"));
  const counts = dirs.map((d) => `${d} (${files.filter((f) => d === "./" ? !f.includes("/") : f.startsWith(d)).length})`);
  return dirs.length === 1 ? `#   ${label}: ${files.length} in ${dirs[0]}` : `#   ${label}: ${files.length}, in ${counts.join(", ")}`;
}
function commented(text, comment) {
  return `${text.padEnd(33)} # ${comment}`;
}
function renderInitConfig(d, answers, options = {}) {
  const out = [];
  const first = answers.environments[0] ?? "staging";
  out.push(`# yaml-language-server: $schema=${options.schema ?? CONFIG_SCHEMA_URL}`);
  out.push("# coditect-audit configuration, written by `coditect-audit init`. Reference: docs/configuration.md");
  out.push(`# Scan with: coditect-audit scan --env ${first}`);
  out.push("#");
  out.push("# Found in this repository:");
  out.push(listComment("Dockerfiles", d.dockerfiles));
  out.push(listComment("Kubernetes manifests", d.manifests.map((m) => m.file)));
  out.push(listComment("OpenTofu", d.terraform));
  if (d.tfstate.length)
    out.push(listComment("OpenTofu state", d.tfstate));
  out.push(listComment("GitHub workflows", d.workflows));
  out.push(`#   ADR: ${d.adr ?? "none found (set adr: below when there is one)"}`);
  if (d.unreadable)
    out.push(`#   ${plural(d.unreadable, "file")} could not be read or parsed: the scan names each one and the fix`);
  out.push("version: 1");
  if (options.adrPath)
    out.push(commented(`adr: ${scalar(options.adrPath)}`, "findings no file declares point here"));
  else
    out.push(commented("# adr: docs/adr/ADR-001.md", "findings no file declares point here"));
  out.push("", "environments:");
  for (const env of answers.environments) {
    const tier = tierOf(env);
    const namespace = answers.namespaces[env] ?? DEFAULT_NAMESPACE;
    out.push(`  ${scalar(env)}:`);
    out.push(commented(tier ? `    tier: ${tier}` : "    # tier: staging", "weighs rules like this kind of environment"));
    out.push(commented("    failOn: P0", "gate: P0 | P1 | P2 | none (--fail-on overrides)"));
    out.push("    layers:");
    out.push(commented("      files: true", "or { include: [globs], exclude: [globs] }, or false"));
    out.push("      # Live layers are read-only; add one when its credentials are set up.");
    out.push(`      # \`coditect-audit doctor --env ${env}\` says what each one still needs.`);
    out.push(commented("      # gcp:", "Google Cloud APIs, Application Default Credentials"));
    out.push(commented(`      #   projects: [${scalar(answers.project)}]`, "default: expectations.project"));
    out.push(commented("      # k8s:", "the cluster, through a kubeconfig context"));
    out.push(commented("      #   context: my-gke-context", "default: the current context"));
    out.push(commented(`      #   namespaces: [${scalar(namespace)}]`, "default: every non-system namespace"));
    out.push(commented("      # probe:", "the running services, read-only"));
    out.push("      #   http:");
    out.push(`      #     baseUrl: https://${ADR_DOMAIN}`);
    out.push("      #   postgres:");
    out.push(commented("      #     host: 10.28.0.3", "Cloud SQL private IP"));
    out.push(commented("      #     fromSecret: {}", "log in with the app Secret's user and password; credentials only in a config outside the repository (docs/security.md)"));
    const adr = adrDefaults();
    out.push("    # The names ADR-specific rules judge by (ADR-001 values until you change them). Image path,");
    out.push("    # registry host and KMS signer derive from project, region and app.serviceAccount.");
    out.push("    expectations:");
    out.push(`      project: ${scalar(answers.project)}`);
    out.push(`      region: ${scalar(adr.region)}`);
    out.push("      app:");
    out.push(`        namespace: ${scalar(namespace)}`);
    out.push(`        deployment: ${scalar(adr.app.deployment)}`);
    out.push(`        serviceAccount: ${scalar(adr.app.serviceAccount)}`);
    out.push(`        secrets: [${adr.app.secrets.map(scalar).join(", ")}]`);
    out.push("      registry:");
    out.push(`        repository: ${scalar(adr.registry.repository)}`);
    out.push("      database:");
    out.push(`        instance: ${scalar(adr.database.instance)}`);
    out.push("      redis:");
    out.push(`        instance: ${scalar(adr.redis.instance)}`);
    out.push(commented("      kms:", "the license-signing key (ADR-001 Issue 6)"));
    out.push(`        keyRing: ${scalar(adr.kms.keyRing)}`);
    out.push(`        key: ${scalar(adr.kms.key)}`);
    out.push("      secretManager:");
    out.push(`        secrets: [${adr.secretManager.secrets.map(scalar).join(", ")}]`);
    out.push(`      domain: ${scalar(adr.domain)}`);
    out.push("      cicd:");
    out.push(`        branch: ${scalar(adr.cicd.branch)}`);
    out.push(commented("    # rules:", "per rule: off, or a priority"));
    out.push("    #   cicd-unpinned-action: P1");
  }
  out.push("");
  out.push("# Accepted findings: a reason is required, an expiry is allowed.");
  out.push("# suppressions:");
  out.push("#   - rule: image.runs-as-root");
  out.push('#     resource: "tools/**"');
  out.push("#     reason: build tooling image, never deployed");
  out.push("#     expires: 2027-01-31");
  return `${out.join("\n")}
`;
}
function shouldPrompt(io, yes) {
  const ci = io.env.CI !== void 0 && io.env.CI !== "" && io.env.CI !== "false";
  return !yes && !ci && Boolean(io.stdin.isTTY);
}
function check(value, pattern, what) {
  return pattern.test(value) ? void 0 : `"${value}" is not a valid ${what}`;
}
function splitList(value) {
  return value.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
}
var PROJECT_RULE = "Google Cloud project id (6-30 lower-case letters, digits and hyphens, starting with a letter)";
var NAMESPACE_RULE = "Kubernetes namespace (lower-case letters, digits and hyphens, at most 63)";
var ENVIRONMENT_RULE = "environment name (letters, digits, _ . -)";
function answersFromFlags(base, options) {
  const answers = { ...base, namespaces: { ...base.namespaces } };
  if (options.project !== void 0) {
    const problem = check(options.project, PROJECT_ID, PROJECT_RULE);
    if (problem)
      throw new ConfigError(`--project: ${problem}`);
    answers.project = options.project;
  }
  if (options.environments !== void 0) {
    const envs = splitList(options.environments);
    if (envs.length === 0)
      throw new ConfigError("--environments: give at least one name, e.g. staging,production");
    for (const e of envs) {
      const problem = check(e, ENVIRONMENT_NAME, ENVIRONMENT_RULE);
      if (problem)
        throw new ConfigError(`--environments: ${problem}`);
    }
    const fallback = answers.namespaces[answers.environments[0] ?? ""] ?? DEFAULT_NAMESPACE;
    answers.environments = [...new Set(envs)];
    answers.namespaces = Object.fromEntries(answers.environments.map((e) => [e, answers.namespaces[e] ?? fallback]));
  }
  if (options.namespace !== void 0) {
    const problem = check(options.namespace, NAMESPACE, NAMESPACE_RULE);
    if (problem)
      throw new ConfigError(`--namespace: ${problem}`);
    for (const e of answers.environments)
      answers.namespaces[e] = options.namespace;
  }
  return answers;
}
async function askAnswers(io, base) {
  const { createInterface } = await import("node:readline");
  const terminal = Boolean(io.stdin.isTTY) && "setRawMode" in io.stdin;
  const rl = createInterface({ input: io.stdin, output: io.stderr, terminal });
  let interrupted = false;
  rl.on("SIGINT", () => {
    interrupted = true;
    rl.close();
  });
  const lines = rl[Symbol.asyncIterator]();
  const ask = async (question, fallback, validate) => {
    for (; ; ) {
      rl.setPrompt(`${question} [${fallback}]: `);
      rl.prompt();
      const next = await lines.next();
      if (next.done)
        throw new ConfigError(interrupted ? "init: interrupted; nothing was written" : "init: the input ended before every question was answered; nothing was written (--yes takes the defaults)");
      const answer = String(next.value).trim() || fallback;
      const problem = validate(answer);
      if (!problem)
        return answer;
      io.stderr.write(`  ${problem}
`);
    }
  };
  try {
    const project = await ask("Google Cloud project id", base.project, (v) => check(v, PROJECT_ID, PROJECT_RULE));
    const environments = splitList(await ask("Environments, comma-separated", base.environments.join(","), (v) => {
      const list = splitList(v);
      if (list.length === 0)
        return "give at least one environment name";
      for (const e of list) {
        const problem = check(e, ENVIRONMENT_NAME, ENVIRONMENT_RULE);
        if (problem)
          return problem;
      }
      return void 0;
    }));
    const unique = [...new Set(environments)];
    const namespaces = {};
    let previous = base.namespaces[base.environments[0] ?? ""] ?? DEFAULT_NAMESPACE;
    for (const env of unique) {
      previous = await ask(`Kubernetes namespace of ${env}`, base.namespaces[env] ?? previous, (v) => check(v, NAMESPACE, NAMESPACE_RULE));
      namespaces[env] = previous;
    }
    return { project, environments: unique, namespaces };
  } finally {
    rl.close();
  }
}
async function runInit(options, io) {
  const root = resolve(options.dir ?? ".");
  if (!existsSync(root))
    throw new ConfigError(`--dir ${options.dir}: no such directory`);
  const target = options.config ? resolve(options.config) : join(root, "coditect-audit.yaml");
  const shown = toPosix(relative(process.cwd(), target)) || target;
  if (existsSync(target) && !options.force)
    throw new ConfigError(`${shown} already exists; keep it, or pass --force to overwrite it`);
  const detection = await detectRepository(root);
  io.stderr.write(`Found ${describeDetection(detection)}.
`);
  let answers = answersFromFlags(defaultAnswers(detection), options);
  if (shouldPrompt(io, options.yes)) {
    answers = await askAnswers(io, answers);
  } else if (!options.yes && options.project === void 0 && options.environments === void 0) {
    io.stderr.write("Not asking (not a terminal, or CI): using the defaults; --project, --environments and --namespace choose.\n");
  }
  const configDir = dirname(target);
  const schema = existsSync(join(configDir, INSTALLED_SCHEMA)) ? `./${INSTALLED_SCHEMA}` : CONFIG_SCHEMA_URL;
  const adrPath = detection.adr ? toPosix(relative(configDir, join(root, detection.adr))) : void 0;
  const text = renderInitConfig(detection, answers, { schema, ...adrPath ? { adrPath } : {} });
  await loadValidators(ConfigSchema);
  parseConfig(text, shown);
  await writeFile(target, text);
  io.stderr.write(`Wrote ${shown}. Next: coditect-audit scan --env ${answers.environments[0]}
`);
  return 0;
}
export {
  CONFIG_SCHEMA_URL,
  defaultAnswers,
  describeDetection,
  detectRepository,
  renderInitConfig,
  runInit,
  shouldPrompt
};
