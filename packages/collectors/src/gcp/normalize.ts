/**
 * Readers that turn what a Google client returns into the snapshot's plain values. They accept both the
 * REST JSON shape and the GAPIC (protobuf `toObject`) shape of the same field:
 * - wrapped booleans `{ value: true }` and plain booleans; `null` (unset wrapper) is absent;
 * - timestamps `{ seconds, nanos }` and RFC 3339 strings → RFC 3339 (UTC);
 * - durations `{ seconds }` and `"600s"` → whole seconds;
 * - int64 as string, number or Long-like → number;
 * - enum zero values (`*_UNSPECIFIED`, `UNKNOWN`) and empty strings → absent.
 */

export type Raw = Record<string, unknown>;

export function obj(v: unknown): Raw | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Raw) : undefined;
}

export function arr(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function objs(v: unknown): Raw[] {
  return arr(v)
    .map(obj)
    .filter((x): x is Raw => x !== undefined);
}

export function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v === '' ? undefined : v;
  const o = obj(v);
  if (o && typeof o.value === 'string') return o.value === '' ? undefined : o.value;
  return undefined;
}

export function strs(v: unknown): string[] {
  return arr(v).filter((x): x is string => typeof x === 'string' && x !== '');
}

/** An enum value, or undefined for its zero value. */
export function enumStr(v: unknown): string | undefined {
  // A number is a value newer than the pinned client's protos (it decodes the names it knows): kept as
  // that number, so a rule sees "not the expected value", never "not reported". 0 is *_UNSPECIFIED.
  if (typeof v === 'number') return v === 0 || !Number.isInteger(v) ? undefined : String(v);
  const s = str(v);
  if (!s || /(^|_)UNSPECIFIED$/.test(s) || s === 'UNKNOWN') return undefined;
  return s;
}

/** Booleans, plain or wrapped (`google.protobuf.BoolValue` comes back as `{ value }`; unset as null). */
export function bool(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  const o = obj(v);
  if (o && typeof o.value === 'boolean') return o.value;
  if (o && !('value' in o)) return undefined;
  return undefined;
}

export function int(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.trunc(v);
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return Number(v);
  const o = obj(v);
  if (o && 'value' in o) return int(o.value);
  if (o && typeof o.toString === 'function' && typeof o.low === 'number') return Number(String(o));
  return undefined;
}

/** A timestamp as RFC 3339 in UTC; undefined when unset (`{seconds: 0}` and null included). */
export function time(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return v && !Number.isNaN(t) ? new Date(t).toISOString() : undefined;
  }
  const o = obj(v);
  if (!o) return undefined;
  const seconds = int(o.seconds);
  if (seconds === undefined || seconds === 0) return undefined;
  const nanos = int(o.nanos) ?? 0;
  return new Date(seconds * 1000 + Math.floor(nanos / 1e6)).toISOString();
}

/** A duration in whole seconds. */
export function duration(v: unknown): number | undefined {
  if (typeof v === 'string') {
    const m = /^(\d+)(?:\.\d+)?s$/.exec(v);
    return m ? Number(m[1]) : undefined;
  }
  const o = obj(v);
  if (!o) return undefined;
  const seconds = int(o.seconds);
  return seconds === undefined || seconds === 0 ? undefined : seconds;
}

export function labels(v: unknown): Record<string, string> {
  const o = obj(v);
  if (!o) return {};
  const out: Record<string, string> = {};
  for (const k of Object.keys(o).sort()) if (typeof o[k] === 'string') out[k] = o[k] as string;
  return out;
}

/** The last segment of a resource name or self link. */
export function lastSegment(name: string): string {
  return name.split('/').filter(Boolean).pop() ?? name;
}

/** Drops `undefined` properties so the snapshot JSON has no holes and stays byte-stable. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** An IAM policy without etag, version or audit configs; bindings sorted for stable output. */
export function iamPolicy(v: unknown): {
  bindings: { role: string; members: string[]; condition?: { expression: string; title?: string } }[];
} {
  const bindings = objs(obj(v)?.bindings)
    .map((b) => {
      const condition = obj(b.condition);
      const expression = str(condition?.expression);
      return compact({
        role: str(b.role) ?? '',
        members: strs(b.members).sort(),
        condition: expression ? compact({ expression, title: str(condition?.title) }) : undefined,
      });
    })
    .filter((b) => b.role !== '')
    .sort((a, b) => (a.role < b.role ? -1 : a.role > b.role ? 1 : 0));
  return { bindings };
}
