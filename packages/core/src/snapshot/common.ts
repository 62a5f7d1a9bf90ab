import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { lazySchema } from '../lazy-schema.js';
import { LocationSchema } from '../location.js';

/**
 * Something that could not be collected: an unreadable or malformed file, a denied API call.
 * `subject` names what is missing (a file path, an API call and resource); `fix` says what to do.
 * Never carries a secret value.
 */
export const ProblemSchema = lazySchema(() =>
  Type.Object({
    subject: Type.String(),
    message: Type.String(),
    cause: Type.Optional(Type.String({ description: 'machine-readable cause, e.g. parse-error, permission-denied' })),
    fix: Type.Optional(Type.String()),
    location: Type.Optional(LocationSchema),
    /**
     * `notice`: the file was read as its own tool reads it but not as written (duplicate keys: the last one
     * counts), or deliberately not read (a Helm template); the scan is still complete. Reported once as a
     * `skip` verdict, never an error. Default: an error (something could not be read).
     */
    severity: Type.Optional(Type.Literal('notice')),
  }),
);
export type Problem = Static<typeof ProblemSchema>;

/**
 * A file or folder of the scanned directory the scan did not read, and why: so a reviewer sees what a pull
 * request left out of the gate (docs/security.md). Folders are listed once, not file by file.
 */
export const EXCLUSION_REASONS = [
  'config-exclude',
  'ignore-file',
  'too-large',
  'binary',
  'link-outside-root',
  'directory-link',
  'report-folder',
  'vendored',
] as const;
export const ExcludedPathSchema = lazySchema(() =>
  Type.Object({
    path: Type.String({ description: 'repository-relative; a folder ends with /' }),
    reason: Type.Union(EXCLUSION_REASONS.map((r) => Type.Literal(r))),
    /** What decided it: the glob, the ignore file, the size, the link. */
    detail: Type.String(),
  }),
);
export type ExcludedPath = Static<typeof ExcludedPathSchema>;

/**
 * Inline suppression found in a file: `# coditect-audit:ignore <rule-id> -- <reason>`.
 * `line` is where the comment is; `appliesToLine` is the line it covers (the same line for a trailing
 * comment, else the next line that is not a comment or blank).
 */
export const InlineIgnoreSchema = lazySchema(() =>
  Type.Object({
    file: Type.String(),
    line: Type.Integer({ minimum: 1 }),
    appliesToLine: Type.Integer({ minimum: 1 }),
    ruleId: Type.String(),
    reason: Type.String(),
  }),
);
export type InlineIgnore = Static<typeof InlineIgnoreSchema>;

/**
 * The result of collecting one facet.
 * - `ok`: data is there; `problems` lists parts that could not be read (each becomes ONE `error` verdict,
 *   given to the most urgent rule that reads the facet, naming the part; a `notice` becomes one `skip`).
 * - `error`: nothing usable was collected; every rule reading it gets an `error` verdict.
 * - `absent`: the layer is not configured for this environment; rules reading it are skipped.
 */
export const facetSchema = <T extends TSchema>(data: T) =>
  Type.Union([
    Type.Object({ status: Type.Literal('ok'), data, problems: Type.Array(ProblemSchema) }),
    Type.Object({ status: Type.Literal('error'), problems: Type.Array(ProblemSchema, { minItems: 1 }) }),
    Type.Object({ status: Type.Literal('absent'), reason: Type.String() }),
  ]);

export type Facet<T> =
  | { status: 'ok'; data: T; problems: Problem[] }
  | { status: 'error'; problems: Problem[] }
  | { status: 'absent'; reason: string };
