/**
 * A K8s object's `positions` read from a snapshot, kept compact. As plain JSON they are a record of one
 * `{ line, column }` object per key: about a million objects, 60 % of a replayed snapshot of 50,000
 * resources. Here the pointers of one record are one array (shared by the records with the same keys, as
 * the objects of one kind written alike have) and their places one number each; the record answers
 * `positions[pointer]`, `in`, `Object.keys` and `JSON.stringify` as the plain record it stands for, so the
 * schema validator, the rules and a snapshot written again see the same JSON (as the collectors' lazy
 * positions do). A record that is anything else than pointers to `{ line, column }` integers stays as read.
 */

/** A place as one number: the line times this, plus the column (exact while both fit, see below). */
const COLUMN_SPAN = 2 ** 21;
const MAX_LINE = 2 ** 31;

const PLACES = Symbol('places');

interface CompactPositions {
  pointers: readonly string[];
  places: number[];
  /** Where the last pointer asked was: a walk over the keys (the validator, `JSON.stringify`) asks it again or the next. */
  last: number;
}
type Target = { [PLACES]: CompactPositions };

/** The record's compact form, or the record itself when it is not a plain record of integer places. */
export function compactPositions(record: unknown): unknown {
  if (!record || typeof record !== 'object' || Array.isArray(record)) return record;
  // Only a plain object as JSON.parse makes it (a proxy or class instance stays what it is).
  if (Object.getPrototypeOf(record) !== Object.prototype) return record;
  const keys = Object.keys(record);
  const places = new Array<number>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    // A pointer is `/…`; another key (`__proto__` among them) keeps the record as read.
    if (key.charCodeAt(0) !== 47) return record;
    const place = placeOf((record as Record<string, unknown>)[key]);
    if (place === undefined) return record;
    places[i] = place;
  }
  const target: Target = { [PLACES]: { pointers: sharedPointers(keys), places, last: -1 } };
  return new Proxy(target, handler);
}

/** `{ line, column }` (those two keys, in that order) as one number, or undefined. */
function placeOf(value: unknown): number | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  if (Object.getPrototypeOf(value) !== Object.prototype) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 2 || keys[0] !== 'line' || keys[1] !== 'column') return undefined;
  const { line, column } = value as { line: unknown; column: unknown };
  if (!Number.isInteger(line) || !Number.isInteger(column)) return undefined;
  const l = line as number;
  const c = column as number;
  // -0 would come back as 0: kept as read, as is anything out of the exact range.
  if (l < 0 || c < 0 || l >= MAX_LINE || c >= COLUMN_SPAN || Object.is(l, -0) || Object.is(c, -0)) return undefined;
  return l * COLUMN_SPAN + c;
}

/** Key lists seen, by their length and last key; emptied when full. */
const SHARED = new Map<string, (readonly string[])[]>();
const MAX_SHARED = 20_000;
let shared = 0;
function sharedPointers(keys: string[]): readonly string[] {
  const id = `${keys.length}\u0000${keys[keys.length - 1] ?? ''}`;
  let candidates = SHARED.get(id);
  if (candidates) for (const candidate of candidates) if (sameKeys(candidate, keys)) return candidate;
  if (shared >= MAX_SHARED) {
    SHARED.clear();
    shared = 0;
    candidates = undefined;
  }
  if (!candidates) {
    candidates = [];
    SHARED.set(id, candidates);
  }
  if (candidates.length < 8) {
    candidates.push(keys);
    shared++;
  }
  return keys;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = a.length - 1; i >= 0; i--) if (a[i] !== b[i]) return false;
  return true;
}

function indexOf(positions: CompactPositions, pointer: string): number {
  const { pointers, last } = positions;
  let at = last;
  if (pointers[at] !== pointer) at = pointers[last + 1] === pointer ? last + 1 : pointers.indexOf(pointer);
  if (at >= 0) positions.last = at;
  return at;
}

function positionOf(positions: CompactPositions, pointer: string): { line: number; column: number } | undefined {
  const at = indexOf(positions, pointer);
  if (at < 0) return undefined;
  const place = positions.places[at] as number;
  const column = place % COLUMN_SPAN;
  return { line: (place - column) / COLUMN_SPAN, column };
}

// The keys of a record from JSON are distinct, so the first match is the only one. Read-only, as rules are.
const isPointer = (key: string | symbol): key is string => typeof key === 'string' && key.startsWith('/');
const handler: ProxyHandler<Target> = {
  get: (target, key) => (isPointer(key) ? positionOf(target[PLACES], key) : Reflect.get(target, key)),
  has: (target, key) =>
    isPointer(key) ? indexOf(target[PLACES], key) >= 0 : key !== PLACES && Reflect.has(target, key),
  ownKeys: (target) => [...target[PLACES].pointers],
  getOwnPropertyDescriptor: (target, key) => {
    const value = isPointer(key) ? positionOf(target[PLACES], key) : undefined;
    return value && { value, writable: false, enumerable: true, configurable: true };
  },
  set: () => false,
  defineProperty: () => false,
  deleteProperty: () => false,
};
