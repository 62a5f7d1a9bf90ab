/**
 * One attribute of a view (issue #18): its value, how certain it is, and where it was read. A rule judges
 * the attribute and never asks which layer it came from, except to word a message.
 *
 * - `decided`: the source shows one value (an OpenTofu literal, a live API field, a probe's observation);
 * - `unresolved`: the source shows an expression the repository does not settle (`var.tier`); it names what
 *   it depends on, and a verdict that needs it is `unknown`;
 * - `absent`: the source does not set it (the rule decides what an unset value means: usually a default).
 */
import type { Location } from '../location.js';
import type { Layer } from '../snapshot/index.js';
import type { Evidence } from '../verdict.js';
import { evidenceValue, readLocation, type TfRead, valueSource } from './terraform.js';

export interface AttributeOrigin {
  layer: Layer;
  /** The field read: `google_sql_database_instance.main.settings.ip_configuration.ssl_mode`, `settings.ipConfiguration.sslMode`. */
  path: string;
  /** file:line of what was read (files layer): the attribute, the expression, or the nearest enclosing block. */
  location?: Location;
  /**
   * The live resource the value was read from (`gcp:sql/p/i`, `postgres://10.0.0.3:5432`), for live layers.
   * Not given where the view names it in its own `resource` and shares its origins per place (a live
   * container's attributes, workload.ts).
   */
  live?: string;
  /**
   * An OpenTofu literal: how a message words where it came from (`valueSource`): `sets` when it is written
   * on the resource, `gets` and its source when the collector evaluated an expression to it.
   */
  valueSource?: { sets: string; from: string };
}

export type Attribute<T> =
  | { certainty: 'decided'; value: T; origin: AttributeOrigin }
  | { certainty: 'unresolved'; expression: string; dependsOn: string[]; origin: AttributeOrigin }
  | { certainty: 'absent'; origin: AttributeOrigin };

export function decided<T>(value: T, origin: AttributeOrigin): Attribute<T> {
  return { certainty: 'decided', value, origin };
}

/** A live field: `undefined` / `null` is absent (Google omits unset fields). */
export function liveAttribute<T>(value: T | null | undefined, origin: AttributeOrigin): Attribute<T> {
  return value === undefined || value === null ? { certainty: 'absent', origin } : decided(value, origin);
}

/** An OpenTofu read as an attribute: a literal is decided, an expression unresolved, nothing absent. */
export function tfAttribute(file: string, path: string, r: TfRead): Attribute<unknown> {
  const origin: AttributeOrigin = { layer: 'files', path, location: readLocation(file, r) };
  if (r.kind === 'literal') return decided(r.value, { ...origin, valueSource: valueSource(r, file) });
  if (r.kind === 'expression')
    return { certainty: 'unresolved', expression: r.expression, dependsOn: r.dependsOn, origin };
  return { certainty: 'absent', origin };
}

/**
 * Message data `sets` / `from` for a decided value: `{{address}} {{sets}} x = {{value}}{{from}}` reads
 * "sets x = v" for a literal written on the resource, "gets x = v (the default of `var.x`, file:line)" for one
 * the collector evaluated (see `valueSource`).
 */
export function valueSourceOf(a: Attribute<unknown>): { sets: string; from: string } {
  return a.origin.valueSource ?? { sets: 'sets', from: '' };
}

/** The value when decided, else undefined. */
export function decidedValue<T>(a: Attribute<T>): T | undefined {
  return a.certainty === 'decided' ? a.value : undefined;
}

/** Evidence for an attribute: the field path, the value seen (`null` when absent, the expression when unresolved). */
export function evidenceOf(a: Attribute<unknown>, expected?: string): Evidence {
  const observed =
    a.certainty === 'decided' ? evidenceValue(a.value) : a.certainty === 'unresolved' ? a.expression : null;
  // Optional members assigned in order, not spread from temporaries (one per attribute judged: 12,000 containers).
  const evidence: Evidence = { path: a.origin.path, observed };
  if (expected) evidence.expected = expected;
  if (a.origin.location) evidence.location = a.origin.location;
  return evidence;
}
