/**
 * The whole scan result as JSON, for machines: `schemaVersion` first-class, valid against the published
 * schema (schemas/scan-result-v1.json, from core's `ScanResultSchema`). Stable: object keys sorted,
 * verdicts in the reporters' total order, rules by id, two-space indent, a final newline.
 */
import type { ScanResult } from '@coditect-audit/core';
import { compareVerdicts } from './common.js';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** A copy of a JSON value with every object's keys in code-unit order; `undefined` members dropped. */
export function sortKeys(value: unknown): Json {
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : sortKeys(item)));
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) out[key] = sortKeys(member);
    }
    return out;
  }
  return value as Json;
}

export function toJson(result: ScanResult): string {
  const ordered: ScanResult = {
    ...result,
    rules: [...result.rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    verdicts: [...result.verdicts].sort(compareVerdicts),
  };
  return `${JSON.stringify(sortKeys(ordered), null, 2)}\n`;
}
