/**
 * Accountable suppressions: a reason is required, an expiry is allowed; expired ones stop applying and,
 * like unused ones, are reported. Suppressed verdicts stay in the result, marked, and never gate.
 */
import picomatch from 'picomatch';
import type { ConfigSuppression } from './config.js';
import type { Rule } from './rule.js';
import type { InlineIgnore } from './snapshot/index.js';
import type { Verdict } from './verdict.js';

export interface SuppressionReport {
  /** Suppressions that matched no failing verdict. */
  unused: SuppressionEntry[];
  /** Config suppressions whose expiry date has passed; they no longer apply. */
  expired: SuppressionEntry[];
}

export interface SuppressionEntry {
  kind: 'config' | 'inline';
  rule: string;
  resource?: string;
  reason: string;
  expires?: string;
  /** `coditect-audit.yaml#suppressions[2]` or `Dockerfile:12`. */
  source: string;
}

export interface ApplySuppressionsInput {
  verdicts: Verdict[];
  rules: readonly Rule[];
  config: ConfigSuppression[];
  configFile: string;
  inline: InlineIgnore[];
  /** YYYY-MM-DD; injected so results are reproducible. */
  today: string;
}

export function applySuppressions(input: ApplySuppressionsInput): SuppressionReport {
  // A name is a rule id or an alias; the alias of one source of a rule judged per source (the old per-layer
  // id, `tf-sql-ssl-mode`) names that source's verdicts only, as it did before the rules were merged.
  const canonical = new Map<string, { ruleId: string; source?: string }>();
  for (const r of input.rules) {
    for (const n of [r.id, ...r.aliases]) canonical.set(n, { ruleId: r.id });
    for (const s of r.sources ?? []) if (s.alias) canonical.set(s.alias, { ruleId: r.id, source: s.name });
  }
  const ruleMatches = (pattern: string, v: Verdict) => {
    if (pattern === '*' || pattern === v.ruleId) return true;
    const named = canonical.get(pattern);
    return (
      named !== undefined && named.ruleId === v.ruleId && (named.source === undefined || named.source === v.source)
    );
  };

  const unused: SuppressionEntry[] = [];
  const expired: SuppressionEntry[] = [];
  // An undecided verdict can be accepted too: it gates in a strict scan.
  // Listed only when there is a suppression to match (a scan has tens of thousands of verdicts, most with none).
  const failing =
    input.config.length === 0 && input.inline.length === 0
      ? []
      : input.verdicts.filter((v) => v.status === 'fail' || v.status === 'unknown');

  input.config.forEach((s, i) => {
    const entry: SuppressionEntry = {
      kind: 'config',
      rule: s.rule,
      ...(s.resource ? { resource: s.resource } : {}),
      reason: s.reason,
      ...(s.expires ? { expires: s.expires } : {}),
      source: `${input.configFile}#suppressions[${i}]`,
    };
    if (s.expires && s.expires < input.today) {
      expired.push(entry);
      return;
    }
    const match = s.resource ? picomatch(s.resource, { dot: true }) : () => true;
    let used = false;
    for (const v of failing) {
      if (v.suppression || !ruleMatches(s.rule, v)) continue;
      const file = v.location?.file ?? v.resource.file;
      if (!(match(v.resource.id) || (file !== undefined && match(file)))) continue;
      v.suppression = {
        kind: 'config',
        reason: s.reason,
        ...(s.expires ? { expires: s.expires } : {}),
        source: entry.source,
      };
      used = true;
    }
    if (!used) unused.push(entry);
  });

  for (const ig of input.inline) {
    const source = `${ig.file}:${ig.line}`;
    let used = false;
    for (const v of failing) {
      if (v.suppression || !ruleMatches(ig.ruleId, v)) continue;
      const lines = [v.location, ...(v.relatedLocations ?? [])]
        .filter((l) => l && l.file === ig.file)
        .map((l) => l!.startLine);
      if (!lines.includes(ig.appliesToLine)) continue;
      v.suppression = { kind: 'inline', reason: ig.reason, source };
      used = true;
    }
    if (!used) unused.push({ kind: 'inline', rule: ig.ruleId, reason: ig.reason, source });
  }
  return { unused, expired };
}
