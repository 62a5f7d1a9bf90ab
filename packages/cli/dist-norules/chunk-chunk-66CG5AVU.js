import {
  ADR_001_PENDING_ORDER,
  PRIORITIES,
  adrLineFor,
  allVerdicts,
  compactPassCount,
  passSetRuleId,
  passVerdict,
  priorityRank
} from "./chunk-chunk-KBIY7DDS.js";

// packages/reporters/dist/common.js
function stateOf(v) {
  if (v.status !== "fail" && v.status !== "unknown")
    return v.status;
  if (v.suppression)
    return "suppressed";
  if (v.baselineState === "unchanged")
    return "baseline";
  if (v.status === "unknown")
    return "unknown";
  if (v.assumed)
    return "assumed";
  return "fail";
}
function failsGate(v) {
  return v.gate === "failing";
}
function ruleIdText(v) {
  return v.alias ? `${v.ruleId} (formerly ${v.alias})` : v.ruleId;
}
function dependsOnText(v) {
  return (v.dependsOn ?? []).join(", ");
}
function targetLabel(v) {
  return v.targets?.length ? `[${v.targets.join(", ")}]` : "";
}
function targetRows(result) {
  const passes = result.passes ?? [];
  const names = [
    .../* @__PURE__ */ new Set([...result.verdicts.flatMap((v) => v.targets ?? []), ...passes.flatMap((p) => p.targets ?? [])])
  ].sort(cmp);
  if (names.length === 0)
    return [];
  const gateTargets = result.gate.targets;
  const row = (name, kind, of) => {
    const mine = result.verdicts.filter(of);
    const failing = { P0: 0, P1: 0, P2: 0 };
    for (const v of mine)
      if (stateOf(v) === "fail")
        failing[v.priority]++;
    let compactPasses = 0;
    for (const set of passes)
      if (of(set))
        compactPasses += set.passes.length;
    return {
      name,
      kind,
      failing,
      errors: mine.filter((v) => v.status === "error").length,
      passed: mine.filter((v) => v.status === "pass").length + compactPasses,
      gating: mine.filter(failsGate).length,
      gated: kind === "environment" || !gateTargets?.length || gateTargets.includes(name)
    };
  };
  return [
    row(result.environment.name, "environment", (v) => !v.targets?.length),
    ...names.map((n) => row(n, "target", (v) => v.targets?.includes(n) ?? false))
  ];
}
function targetState(r) {
  if (r.failing.P0 + r.failing.P1 + r.failing.P2 > 0)
    return "failing";
  return r.errors > 0 ? "incomplete" : "passing";
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function fileOf(v) {
  return v.location?.file || v.resource.file || void 0;
}
function compareVerdicts(a, b) {
  return cmp(a.ruleId, b.ruleId) || cmp(fileOf(a) ?? "", fileOf(b) ?? "") || (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) || (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0) || cmp(a.resource.id, b.resource.id) || cmp(a.targets?.join("\0") ?? "", b.targets?.join("\0") ?? "") || cmp(a.fingerprint, b.fingerprint) || cmp(a.status, b.status) || cmp(a.messageId, b.messageId) || cmp(a.message, b.message) || cmp(JSON.stringify(a), JSON.stringify(b));
}
var SortKey = class {
  targets;
  set;
  report;
  file;
  line;
  column;
  resource;
  /** The verdict: a stored one, or a pass built for a tie and not yet taken. */
  verdict;
  constructor(held, targets, stored, set, report) {
    this.targets = targets;
    this.set = set;
    this.report = report;
    const location = held.location;
    this.file = location?.file || held.resource.file || "";
    this.line = location?.startLine ?? 0;
    this.column = location?.startColumn ?? 0;
    this.resource = held.resource.id;
    this.verdict = stored;
  }
  /** The whole verdict, for a comparison that gets past the keys. */
  whole() {
    this.verdict ??= passVerdict(this.set, this.report);
    return this.verdict;
  }
  /** The verdict, to be listed now: a pass is not kept by its key after this. */
  take() {
    const v = this.whole();
    if (this.set)
      this.verdict = void 0;
    return v;
  }
};
function compareKeys(a, b) {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.resource, b.resource) || cmp(a.targets, b.targets) || compareVerdicts(a.whole(), b.whole());
}
function ruleKeysInOrder(stored, sets) {
  const keys = [];
  for (const v of stored)
    keys.push(new SortKey(v, v.targets?.join("\0") ?? "", v));
  for (const set of sets) {
    const targets = set.targets?.join("\0") ?? "";
    for (const r of set.passes)
      keys.push(new SortKey(r, targets, void 0, set, r));
  }
  return keys.sort(compareKeys);
}
function compareByPriority(a, b) {
  return priorityRank(a.priority) - priorityRank(b.priority) || compareVerdicts(a, b);
}
function verdictsByRule(result, stored = () => true, sets = () => true) {
  const byRule = /* @__PURE__ */ new Map();
  for (const v of result.verdicts) {
    if (!stored(v))
      continue;
    const list = byRule.get(v.ruleId);
    if (list)
      list.push(v);
    else
      byRule.set(v.ruleId, [v]);
  }
  const compact = /* @__PURE__ */ new Map();
  for (const set of result.passes ?? []) {
    if (!sets(set))
      continue;
    const id = passSetRuleId(set);
    const list = compact.get(id);
    if (list)
      list.push(set);
    else
      compact.set(id, [set]);
  }
  return {
    ids: [.../* @__PURE__ */ new Set([...byRule.keys(), ...compact.keys()])].sort(cmp),
    of: (id) => ruleKeysInOrder(byRule.get(id) ?? [], compact.get(id) ?? []).map((k) => k.take()),
    *lazily(id) {
      for (const key of ruleKeysInOrder(byRule.get(id) ?? [], compact.get(id) ?? []))
        yield key.take();
    }
  };
}
function* verdictsInOrder(result, stored, sets) {
  const index = verdictsByRule(result, stored, sets);
  for (const id of index.ids)
    yield* index.lazily(id);
}
function sortedVerdicts(result) {
  return [...result.verdicts].sort(compareVerdicts);
}
function rulesById(result) {
  return new Map(result.rules.map((r) => [r.id, r]));
}
function areaOf(rule, v) {
  const concern = rule?.concerns[0] ?? v?.concerns[0];
  const prefix = concern?.split(".")[0]?.trim();
  if (prefix)
    return prefix;
  return rule?.layer || "other";
}
function placeFinding(result, rule, v) {
  if (v.location?.file)
    return { location: v.location, source: "finding" };
  if (v.resource.file)
    return { location: { file: v.resource.file, startLine: 1 }, source: "resource" };
  if (result.adr?.file && rule) {
    const line = adrLineFor(result.adr.sections, rule.adrSection);
    if (line)
      return { location: { file: result.adr.file, startLine: line }, source: "adr" };
  }
  if (result.environment.configFile) {
    return {
      location: { file: result.environment.configFile, startLine: result.environment.configLine ?? 1 },
      source: "config"
    };
  }
  return void 0;
}
var PENDING_ORDER = ADR_001_PENDING_ORDER;
function sectionKey(section) {
  const numbered = /^(Decision|Issue|Lesson) (\d+)$/.exec(section);
  if (numbered) {
    const kind = numbered[1] === "Decision" ? 0 : numbered[1] === "Issue" ? 2 : 3;
    return [kind, Number(numbered[2]), ""];
  }
  const pending = /^Pending: (.+)$/.exec(section);
  if (pending) {
    const at = PENDING_ORDER.indexOf(pending[1] ?? "");
    return [1, at < 0 ? PENDING_ORDER.length : at, pending[1] ?? ""];
  }
  return [4, 0, section];
}
function compareAdrSections(a, b) {
  const [ka, na, sa] = sectionKey(a);
  const [kb, nb, sb] = sectionKey(b);
  return ka - kb || na - nb || cmp(sa, sb);
}
function splitAdrSection(adrSection) {
  return adrSection.split(",").map((s) => s.trim()).filter(Boolean);
}
function firstSentence(text, max = 200) {
  const line = text.split(/\r?\n/)[0] ?? "";
  const end = /[.!?](\s|$)/.exec(line);
  const sentence = end ? line.slice(0, end.index + 1) : line;
  return clip(sentence.trim(), max);
}
function clip(text, max) {
  const chars = Array.from(text);
  if (chars.length <= max)
    return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join("")}\u2026`;
}
function pascalCase(id) {
  return id.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join("");
}
function count(n, noun, plural = `${noun}s`) {
  return `${n} ${n === 1 ? noun : plural}`;
}
function formatPosition(loc) {
  return loc.startColumn ? `${loc.file}:${loc.startLine}:${loc.startColumn}` : `${loc.file}:${loc.startLine}`;
}
function formatObserved(value) {
  return typeof value === "string" ? value : JSON.stringify(value);
}
function describeGate(result) {
  const g = result.gate;
  return `${g.status} (fail-on ${g.failOn}${g.strict ? ", strict" : ""}, exit code ${g.exitCode})`;
}
var EXCLUDED_SHOWN = 100;
var EXCLUSION_LABEL = {
  "config-exclude": "configuration exclude",
  "ignore-file": "ignore file",
  "too-large": "too large",
  binary: "binary",
  "link-outside-root": "link outside the scanned directory",
  "directory-link": "link to a folder",
  "report-folder": "report output"
};
function exclusionLabel(reason) {
  return EXCLUSION_LABEL[reason] ?? reason;
}
function exclusionSummary(result) {
  const excluded = result.excluded ?? [];
  if (!excluded.length)
    return void 0;
  const by = /* @__PURE__ */ new Map();
  for (const x of excluded)
    by.set(x.reason, (by.get(x.reason) ?? 0) + 1);
  const parts = [...by].map(([reason, n]) => `${n} by ${exclusionLabel(reason)}`);
  return `${count(excluded.length, "path")} not scanned (${parts.join(", ")})`;
}

// packages/reporters/dist/console.js
var CONSOLE_WIDTH = 100;
var ANSI = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  yellow: [33, 39],
  green: [32, 39],
  blue: [34, 39],
  cyan: [36, 39],
  gray: [90, 39]
};
var PRIORITY_STYLE = { P0: "red", P1: "yellow", P2: "blue" };
function terminalSafe(text) {
  return text.replace(/\r\n|[\r\n]/g, " ").replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`).replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f]/g, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`);
}
function where(v) {
  const label = targetLabel(v);
  const at = v.location?.file ? formatPosition(v.location) : v.resource.file ?? v.resource.id;
  return label ? `${label} ${at}` : at;
}
var STATE_ORDER = {
  fail: 0,
  assumed: 1,
  baseline: 2,
  suppressed: 3,
  error: 4,
  unknown: 5,
  pass: 6,
  skip: 7
};
function toConsole(result, options) {
  const paint = (style, text) => {
    if (!options.color)
      return text;
    const [on, off] = ANSI[style];
    return `\x1B[${on}m${text}\x1B[${off}m`;
  };
  const safe = terminalSafe;
  const lines = [];
  const env = result.environment;
  if (result.assumptions)
    lines.push(paint("yellow", safe(result.assumptions.banner)));
  lines.push(paint("bold", `${safe(result.tool.name)} ${safe(result.tool.version)} \xB7 ${safe(env.name)}${env.tier ? ` (tier ${safe(env.tier)})` : ""} \xB7 fail-on ${result.gate.failOn}`));
  for (const [layer, state] of Object.entries(result.layers))
    for (const k of state?.skipped ?? [])
      lines.push(paint("gray", `${safe(layer)}: not read: ${safe(k.path)} (${safe(k.reason)})`));
  lines.push("");
  const failing = result.verdicts.filter((v) => v.status === "fail").sort((a, b) => STATE_ORDER[stateOf(a)] - STATE_ORDER[stateOf(b)] || compareVerdicts(a, b));
  for (const p of PRIORITIES) {
    const group = failing.filter((v) => v.priority === p);
    if (!group.length)
      continue;
    const active = group.filter((v) => stateOf(v) === "fail").length;
    const assumed = group.filter((v) => stateOf(v) === "assumed").length;
    const quiet = group.length - active - assumed;
    const notes = [
      quiet ? `+${quiet} suppressed or in baseline` : "",
      assumed ? `+${assumed} on assumed ADR-001 names` : ""
    ].filter(Boolean);
    lines.push(paint("bold", paint(PRIORITY_STYLE[p], p)) + ` \xB7 ${active} failing${notes.length ? paint("dim", ` (${notes.join(", ")})`) : ""}`);
    for (const v of group) {
      const state = stateOf(v);
      const mark = state === "fail" ? paint(PRIORITY_STYLE[p], "\u2716") : paint("gray", "\u25CB");
      const tag = state === "suppressed" ? paint("dim", ` [suppressed: ${safe(v.suppression.reason)}${v.suppression.expires ? `, until ${safe(v.suppression.expires)}` : ""}]`) : state === "baseline" ? paint("dim", " [unchanged since baseline]") : state === "assumed" ? paint("dim", " [ADR-001 name assumed: does not gate]") : v.baselineState === "new" && result.baseline ? paint("cyan", " [new]") : "";
      const text = `${safe(v.message)}  ${paint("gray", safe(ruleIdText(v)))}${tag}`;
      lines.push(`  ${mark} ${paint("bold", safe(where(v)))}  ${state === "fail" ? text : paint("dim", text)}`);
      if (v.location?.file || v.resource.file)
        lines.push(`      ${paint("gray", `resource ${safe(v.resource.id)}`)}`);
    }
    lines.push("");
  }
  const errors = result.verdicts.filter((v) => v.status === "error").sort(compareVerdicts);
  if (errors.length) {
    lines.push(`${paint("bold", paint("yellow", "Could not check"))} \xB7 ${count(errors.length, "error")}`);
    for (const v of errors) {
      lines.push(`  ${paint("yellow", "!")} ${paint("bold", safe(where(v)))}  ${safe(v.message)}  ${paint("gray", `${safe(ruleIdText(v))} ${v.priority}`)}`);
    }
    lines.push("");
  }
  const undecided = result.verdicts.filter((v) => v.status === "unknown").sort(compareVerdicts);
  if (undecided.length) {
    const gates = result.gate.strict ? "gates: --strict" : "does not gate; --strict makes it";
    lines.push(`${paint("bold", paint("cyan", "Could not decide"))} \xB7 ${undecided.length} (${gates})`);
    for (const v of undecided) {
      const tag = v.suppression ? paint("dim", ` [suppressed: ${safe(v.suppression.reason)}]`) : "";
      lines.push(`  ${paint("cyan", "?")} ${paint("bold", safe(where(v)))}  ${safe(v.message)}  ${paint("gray", `depends on ${safe(dependsOnText(v))} \xB7 ${safe(ruleIdText(v))} ${v.priority}`)}${tag}`);
    }
    lines.push("");
  }
  const { unused, expired } = result.suppressions;
  if (unused.length || expired.length) {
    lines.push(`${paint("bold", "Suppressions")} \xB7 ${[expired.length ? `${expired.length} expired` : "", unused.length ? `${unused.length} unused` : ""].filter(Boolean).join(", ")}`);
    for (const s of expired) {
      lines.push(`  ${paint("yellow", "expired")} ${safe(s.source)}  ${safe(s.rule)}${s.resource ? ` on ${safe(s.resource)}` : ""} (${safe(s.expires ?? "")}): ${safe(s.reason)}`);
    }
    for (const s of unused) {
      lines.push(`  ${paint("gray", "unused")}  ${safe(s.source)}  ${safe(s.rule)}${s.resource ? ` on ${safe(s.resource)}` : ""}: ${safe(s.reason)}`);
    }
    lines.push("");
  }
  if (result.baseline) {
    const fresh = failing.filter((v) => v.baselineState === "new").length;
    const unchanged = failing.filter((v) => v.baselineState === "unchanged").length;
    lines.push(`${paint("bold", "Baseline")} ${safe(result.baseline.file)} \xB7 ${fresh} new, ${unchanged} unchanged, ${result.baseline.fixed.length} fixed`);
    lines.push("");
  }
  if (options.includePasses) {
    const passed = [...allVerdicts(result)].filter((v) => v.status === "pass").sort(compareVerdicts);
    lines.push(`${paint("bold", paint("green", "Passed"))} \xB7 ${passed.length}`);
    for (const v of passed)
      lines.push(`  ${paint("green", "\u2714")} ${safe(where(v))}  ${safe(v.message)}  ${paint("gray", `${safe(ruleIdText(v))} ${v.priority}`)}`);
    lines.push("");
  }
  const notScanned = exclusionSummary(result);
  if (notScanned) {
    lines.push(`${paint("bold", "Not scanned")} ${safe(notScanned)}`);
    for (const x of (result.excluded ?? []).slice(0, EXCLUDED_SHOWN))
      lines.push(`  ${safe(x.path)}  ${paint("dim", safe(`${exclusionLabel(x.reason)}: ${x.detail}`))}`);
    if ((result.excluded ?? []).length > EXCLUDED_SHOWN)
      lines.push(`  \u2026 ${(result.excluded ?? []).length - EXCLUDED_SHOWN} more in the JSON report`);
    lines.push("");
  }
  const rows = targetRows(result);
  if (rows.length) {
    lines.push(`${paint("bold", "By target")} \xB7 ${count(rows.length - 1, "target")} and the environment`);
    const width2 = Math.max(...rows.map((r) => r.name.length + (r.kind === "environment" ? 14 : 0)));
    for (const r of rows) {
      const state = targetState(r);
      const mark = state === "failing" ? paint("red", "\u2716") : state === "incomplete" ? paint("yellow", "!") : paint("green", "\u2714");
      const failing2 = ["P0", "P1", "P2"].filter((p) => r.failing[p] > 0).map((p) => `${r.failing[p]} ${p}`);
      const text = [
        failing2.length ? `${failing2.join(", ")} failing` : "nothing failing",
        r.errors ? count(r.errors, "error") : "",
        `${r.passed} passed`,
        r.gated ? "" : "not gated"
      ].filter(Boolean);
      const name = r.kind === "environment" ? `${r.name} (environment)` : r.name;
      lines.push(`  ${mark} ${paint("bold", safe(name.padEnd(width2)))}  ${text.join(" \xB7 ")}`);
    }
    lines.push("");
  }
  lines.push(summaryLine(result, paint));
  const width = options.width ?? CONSOLE_WIDTH;
  return `${lines.flatMap((l) => wrapLine(l, width)).join("\n")}
`;
}
var ANSI_SEQUENCE = /\u001b\[\d+m/g;
var visibleLength = (text) => [...text.replace(ANSI_SEQUENCE, "")].length;
function wrapLine(line, width) {
  if (visibleLength(line) <= width)
    return [line];
  const lead = /^ */.exec(line)[0];
  const indent = " ".repeat(Math.min(lead.length + 4, Math.floor(width / 2)));
  const out = [];
  let current = lead;
  let used = lead.length;
  let empty = true;
  const flush = () => {
    out.push(current.trimEnd());
    current = indent;
    used = indent.length;
    empty = true;
  };
  const put = (text, length) => {
    if (!empty) {
      current += " ";
      used += 1;
    }
    current += text;
    used += length;
    empty = false;
  };
  const fits = (length) => used + (empty ? 0 : 1) + length <= width;
  const putWord = (word) => {
    const length = visibleLength(word);
    if (!fits(length) && !empty)
      flush();
    if (fits(length)) {
      put(word, length);
      return;
    }
    for (const piece of word.split(/(\u001b\[\d+m)/)) {
      if (piece.startsWith("\x1B[")) {
        current += piece;
        continue;
      }
      for (const ch of piece) {
        if (used + 1 > width)
          flush();
        current += ch;
        used += 1;
        empty = false;
      }
    }
  };
  const parts = line.slice(lead.length).split(" \xB7 ");
  for (const [i, part] of parts.entries()) {
    const text = i === 0 ? part : `\xB7 ${part}`;
    const length = visibleLength(text);
    if (parts.length > 1 && !fits(length) && !empty && indent.length + length <= width)
      flush();
    if (parts.length > 1 && fits(length))
      put(text, length);
    else
      for (const word of text.split(" "))
        putWord(word);
  }
  if (!empty)
    out.push(current.trimEnd());
  return out;
}
function summaryLine(result, paint) {
  const active = result.verdicts.filter((v) => stateOf(v) === "fail");
  const byPriority = PRIORITIES.map((p) => [p, active.filter((v) => v.priority === p).length]).filter(([, n]) => n > 0);
  const suppressed = result.verdicts.filter((v) => stateOf(v) === "suppressed").length;
  const baseline = result.verdicts.filter((v) => stateOf(v) === "baseline").length;
  const assumed = result.verdicts.filter((v) => stateOf(v) === "assumed").length;
  const undecided = result.verdicts.filter((v) => v.status === "unknown").length;
  const errors = result.verdicts.filter((v) => v.status === "error").length;
  const passed = result.verdicts.filter((v) => v.status === "pass").length + compactPassCount(result);
  const skipped = result.verdicts.filter((v) => v.status === "skip").length;
  const parts = [];
  if (byPriority.length)
    parts.push(`\u2716 ${byPriority.map(([p, n]) => `${n} ${p}`).join(", ")} failing`);
  else
    parts.push("\u2714 nothing failing");
  const quiet = [
    suppressed ? `${suppressed} suppressed` : "",
    baseline ? `${baseline} in baseline` : "",
    assumed ? `${assumed} on assumed names` : ""
  ].filter(Boolean);
  if (quiet.length)
    parts[0] += ` (${quiet.join(", ")})`;
  if (errors)
    parts.push(count(errors, "error"));
  if (undecided)
    parts.push(`${undecided} undecided`);
  parts.push(`${passed} passed`);
  if (skipped)
    parts.push(`${skipped} skipped`);
  if (result.excluded?.length)
    parts.push(paint("yellow", `${count(result.excluded.length, "path")} not scanned`));
  const gate = result.gate;
  const gateText = `gate ${gate.status.toUpperCase()} (fail-on ${gate.failOn}${gate.strict ? ", strict" : ""})`;
  const gateStyle = gate.status === "failed" ? "red" : gate.status === "incomplete" ? "yellow" : "green";
  parts.push(paint("bold", paint(gateStyle, gateText)));
  const head = byPriority.length ? paint("red", parts[0]) : paint("green", parts[0]);
  return [head, ...parts.slice(1)].join(" \xB7 ");
}

export {
  stateOf,
  failsGate,
  dependsOnText,
  targetLabel,
  targetRows,
  targetState,
  compareVerdicts,
  compareByPriority,
  verdictsByRule,
  verdictsInOrder,
  sortedVerdicts,
  rulesById,
  areaOf,
  placeFinding,
  compareAdrSections,
  splitAdrSection,
  firstSentence,
  clip,
  pascalCase,
  count,
  formatPosition,
  formatObserved,
  describeGate,
  EXCLUDED_SHOWN,
  exclusionLabel,
  exclusionSummary,
  CONSOLE_WIDTH,
  terminalSafe,
  toConsole,
  wrapLine
};
