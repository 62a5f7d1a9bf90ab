import { hash } from 'node:crypto';
import { type Static, Type } from '@sinclair/typebox';
import { lazySchema } from './lazy-schema.js';
import { LocationSchema } from './location.js';
import { PrioritySchema } from './priority.js';

/**
 * `unknown`: the check read its input but could not decide from it (a value from `var.x` that nothing in
 * the repository sets). It names what it depends on (`dependsOn`), never gates unless the scan is strict,
 * and is neither a fail nor a pass.
 */
export const VERDICT_STATUSES = ['fail', 'error', 'unknown', 'pass', 'skip'] as const;
export type VerdictStatus = (typeof VERDICT_STATUSES)[number];

/**
 * What a verdict is about. `id` is stable (it never contains a line number), so fingerprints survive
 * edits that move lines: `Dockerfile#stage:runtime`, `k8s/secret.yaml#Secret/coditect-staging/backend-secrets`.
 */
export const ResourceSchema = lazySchema(() =>
  Type.Object({
    id: Type.String({ minLength: 1 }),
    kind: Type.String(),
    name: Type.String(),
    namespace: Type.Optional(Type.String()),
    /** The repository file that declares the resource, when known. */
    file: Type.Optional(Type.String()),
    /**
     * How a repository file would declare this resource (see `declarationKey`), e.g.
     * `k8s:Deployment/coditect-staging/coditect-backend` or `tf:google_sql_database_instance/coditect-db`.
     * A live finding without a location is located at the declaring manifest or `.tf` block.
     */
    declaredAs: Type.Optional(Type.String()),
  }),
);
export type Resource = Static<typeof ResourceSchema>;

/** The field looked at and what was seen there. Never a secret's value. */
export const EvidenceSchema = lazySchema(() =>
  Type.Object({
    path: Type.String(),
    observed: Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
    expected: Type.Optional(Type.String()),
    location: Type.Optional(LocationSchema),
  }),
);
export type Evidence = Static<typeof EvidenceSchema>;

export const SuppressionSchema = lazySchema(() =>
  Type.Object({
    kind: Type.Union([Type.Literal('config'), Type.Literal('inline')]),
    reason: Type.String(),
    expires: Type.Optional(Type.String()),
    /** Where the suppression is written: `coditect-audit.yaml` entry or the file:line of the comment. */
    source: Type.String(),
  }),
);
export type Suppression = Static<typeof SuppressionSchema>;

export const VerdictSchema = lazySchema(() =>
  Type.Object({
    ruleId: Type.String(),
    /**
     * For a rule judged per source (`tf`, `gcp`, `probe`, `manifest`, `k8s`, `drift`): the source this verdict
     * is about. Its fingerprint is the one the source's old per-layer rule (an alias) wrote.
     */
    source: Type.Optional(Type.String()),
    /**
     * The old per-layer rule id that source continues (`tf-sql-ssl-mode`): reports show it beside the rule id
     * ("formerly …") so a reader who knows the old id finds the finding; SARIF lists it as `deprecatedIds`.
     */
    alias: Type.Optional(Type.String()),
    status: Type.Union(VERDICT_STATUSES.map((s) => Type.Literal(s))),
    priority: PrioritySchema,
    concerns: Type.Array(Type.String()),
    resource: ResourceSchema,
    /**
     * The fleet targets the verdict is about (a cluster, a named server; a rule that joins two kinds names
     * one of each). Absent for what belongs to the environment as a whole (files, Google Cloud).
     */
    targets: Type.Optional(Type.Array(Type.String())),
    messageId: Type.String(),
    message: Type.String(),
    data: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
    location: Type.Optional(LocationSchema),
    relatedLocations: Type.Optional(Type.Array(LocationSchema)),
    evidence: Type.Array(EvidenceSchema),
    /** `low` when the rule infers rather than observes (e.g. `runAsNonRoot` simply not set). */
    certainty: Type.Union([Type.Literal('high'), Type.Literal('low')]),
    /** For `unknown`: the inputs the verdict depends on and could not read a value of (`var.db_tier`). */
    dependsOn: Type.Optional(Type.Array(Type.String())),
    /**
     * Set when the verdict judges a name the scan assumed rather than was given (no config: ADR-001's names).
     * Such a finding is reported but does not gate; the text says which name was assumed.
     */
    assumed: Type.Optional(Type.String()),
    fingerprint: Type.String(),
    suppression: Type.Optional(SuppressionSchema),
    baselineState: Type.Optional(Type.Union([Type.Literal('new'), Type.Literal('unchanged')])),
    /**
     * What the verdict does to the gate, recorded by the gate itself (reporters read it): `failing`, a finding
     * that fails it; `incomplete`, an error on a rule at or above the threshold. Absent: it does not gate.
     */
    gate: Type.Optional(Type.Union([Type.Literal('failing'), Type.Literal('incomplete')])),
  }),
);
export type Verdict = Static<typeof VerdictSchema>;

/** `sha256(ruleId | resource id | discriminator)`, hex, 32 chars: stable across line moves. */
export function fingerprintOf(ruleId: string, resourceId: string, discriminator = ''): string {
  return fingerprintOfText(`${ruleId}\u0000${resourceId}\u0000${discriminator}`);
}

/** The fingerprint of the text `fingerprintOf` hashes, for a caller that builds that text itself. */
export function fingerprintOfText(text: string): string {
  // One-shot `hash`, not a Hash object per call: one call per verdict in a large scan; the same digest.
  return hash('sha256', text, 'hex').slice(0, 32);
}

/** Worst first: a resource's verdicts collapse to the most severe one. */
export function statusRank(s: VerdictStatus): number {
  return VERDICT_STATUSES.indexOf(s);
}
