import {
  adrDefaults,
  fillRemediation,
  getConcern
} from "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/cli/dist/docs.js
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
function fence(text, lang = "") {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}${lang}
${text.replace(/\n$/, "")}
${ticks}`;
}
function langOf(path) {
  if (/\.ya?ml$/.test(path))
    return "yaml";
  if (/\.tf$/.test(path))
    return "hcl";
  if (/\.tfstate$|\.json$/.test(path))
    return "json";
  if (/\.md$/.test(path))
    return "markdown";
  if (/Dockerfile|Containerfile/i.test(path))
    return "dockerfile";
  return "";
}
function priorityText(rule) {
  const envs = Object.entries(rule.priority.environments ?? {});
  return envs.length ? `${rule.priority.default} (${envs.map(([e, p]) => `${e}: ${p}`).join(", ")})` : rule.priority.default;
}
function renderRuleDoc(rule, cases) {
  const out = [];
  out.push(`<!-- Generated from packages/rules by \`pnpm docs\`. Do not edit by hand. -->`);
  out.push(`# ${rule.id}`, "", `**${rule.title}**`, "");
  out.push("| | |", "|---|---|");
  out.push(`| Concerns | ${rule.concerns.map((c) => `\`${c}\``).join(", ")} |`);
  out.push(`| ADR-001 section | ${rule.adrSection} |`);
  if (rule.sources?.length) {
    const facetsOf = (s) => s.facets.map((f) => `\`${f}\``).join(", ");
    for (const s of rule.sources)
      out.push(`| Source \`${s.name}\` | ${s.layer} (${facetsOf(s)})${s.alias ? `; was rule \`${s.alias}\`` : ""} |`);
  } else
    out.push(`| Layer | ${rule.layer} (${rule.facets.map((f) => `\`${f}\``).join(", ")}) |`);
  out.push(`| Priority | ${priorityText(rule)} |`);
  if (rule.aliases.length)
    out.push(`| Aliases | ${rule.aliases.map((a) => `\`${a}\``).join(", ")} |`);
  out.push("");
  out.push("## What it checks", "", rule.description, "");
  for (const key of rule.concerns) {
    const c = getConcern(key);
    if (c)
      out.push(`> \`${key}\`: ${c.statement}`, "");
  }
  out.push("## Why", "", rule.rationale, "");
  const remediation = fillRemediation(rule.remediation, adrDefaults());
  out.push("## How to fix", "", remediation.text, "");
  if (remediation.commands?.length)
    out.push(fence(remediation.commands.join("\n"), "sh"), "");
  if (rule.benchmarks.length) {
    out.push("## Benchmarks", "");
    for (const b of rule.benchmarks)
      out.push(`- ${b.standard} ${b.id}${b.title ? `: ${b.title}` : ""}`);
    out.push("");
  }
  out.push("## Messages", "", "| id | message |", "|---|---|");
  const worded = (rule.sources ?? []).flatMap((s) => Object.entries(s.messages ?? {}).map(([id, text]) => [id, ` (${s.name})`, text]));
  const rows = [
    ...Object.entries(rule.messages).map(([id, text]) => [id, "", text]),
    ...worded
  ].sort(([a, sa], [b, sb]) => a < b ? -1 : a > b ? 1 : sa < sb ? -1 : sa > sb ? 1 : 0);
  for (const [id, source, text] of rows)
    out.push(`| \`${id}\`${source} | ${text.replace(/\|/g, "\\|")} |`);
  out.push("");
  if (cases) {
    out.push("## Examples", "");
    for (const c of cases.fail) {
      out.push(`### \u274C ${c.name}`, "");
      for (const [path, text] of Object.entries(c.files ?? {}))
        out.push(`\`${path}\``, "", fence(text, langOf(path)), "");
      if (c.facets)
        out.push(fence(JSON.stringify(c.facets, null, 2), "json"), "");
      out.push("Findings:", "");
      for (const e of c.expect)
        out.push(e.file ? `- ${e.status === "unknown" ? "\u2754 could not decide: " : ""}\`${e.messageId}\` at \`${e.file}:${e.line}${e.column ? `:${e.column}` : ""}\`` : `- ${e.status === "unknown" ? "\u2754 could not decide: " : ""}\`${e.messageId}\` (no repository location: a live resource or something missing)`);
      out.push("");
    }
    for (const c of cases.pass) {
      out.push(`### \u2705 ${c.name}`, "");
      for (const [path, text] of Object.entries(c.files ?? {}))
        out.push(`\`${path}\``, "", fence(text, langOf(path)), "");
      if (c.facets)
        out.push(fence(JSON.stringify(c.facets, null, 2), "json"), "");
    }
  }
  return `${out.join("\n").replace(/\n{3,}/g, "\n\n").trimEnd()}
`;
}
function casesDir() {
  const bundled = fileURLToPath(new URL("./rule-cases/", import.meta.url));
  if (existsSync(bundled))
    return bundled;
  return dirname(fileURLToPath(import.meta.resolve("@coditect-audit/rules")));
}
async function loadBuiltinCases() {
  const dir = casesDir();
  const out = /* @__PURE__ */ new Map();
  for (const area of await readdir(dir, { withFileTypes: true })) {
    if (!area.isDirectory())
      continue;
    for (const f of await readdir(join(dir, area.name))) {
      if (!f.endsWith(".cases.js"))
        continue;
      const mod = await import(pathToFileURL(join(dir, area.name, f)).href);
      out.set(f.replace(/\.cases\.js$/, ""), mod.default);
    }
  }
  return out;
}
export {
  loadBuiltinCases,
  renderRuleDoc
};
