import { type Static, Type } from '@sinclair/typebox';
import { lazySchema } from './lazy-schema.js';

/** The ADR's priorities: P0 must hold before production, P1 do before production, P2 nice to have. */
export const PRIORITIES = ['P0', 'P1', 'P2'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const PrioritySchema = lazySchema(() => Type.Union(PRIORITIES.map((p) => Type.Literal(p))));

/** A rule's priority: a default and per-environment overrides (`staging → production` in the concern catalog). */
export const PrioritySpecSchema = lazySchema(() =>
  Type.Object({
    default: PrioritySchema,
    environments: Type.Optional(Type.Record(Type.String(), PrioritySchema)),
  }),
);
export type PrioritySpec = Static<typeof PrioritySpecSchema>;

/** Lower rank = more urgent. */
export function priorityRank(p: Priority): number {
  return PRIORITIES.indexOf(p);
}

/** True when `p` is at least as urgent as `threshold` (P0 meets P1; P2 does not). */
export function meetsThreshold(p: Priority, threshold: Priority): boolean {
  return priorityRank(p) <= priorityRank(threshold);
}

export function isPriority(v: unknown): v is Priority {
  return typeof v === 'string' && (PRIORITIES as readonly string[]).includes(v);
}

/**
 * Resolves the priority of a rule for an environment. Environment names are matched exactly first,
 * then by the environment's declared `tier` (so `prod-eu` with `tier: production` weighs as production).
 */
export function resolvePriority(spec: PrioritySpec, environment: string, tier?: string, override?: Priority): Priority {
  if (override) return override;
  const envs = spec.environments ?? {};
  return envs[environment] ?? (tier ? envs[tier] : undefined) ?? spec.default;
}
