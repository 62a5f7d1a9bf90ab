/**
 * Positions are 1-based (line and column), as editors, SARIF and `path:line` links show them.
 * Paths are repository-relative with forward slashes.
 */
import { type Static, Type } from '@sinclair/typebox';
import { lazySchema } from './lazy-schema.js';

export const LocationSchema = lazySchema(() =>
  Type.Object(
    {
      file: Type.String({ minLength: 1 }),
      startLine: Type.Integer({ minimum: 1 }),
      startColumn: Type.Optional(Type.Integer({ minimum: 1 })),
      endLine: Type.Optional(Type.Integer({ minimum: 1 })),
      endColumn: Type.Optional(Type.Integer({ minimum: 1 })),
    },
    // No $id: the schema is embedded in many places, and ajv rejects one $id defined twice.
  ),
);
export type Location = Static<typeof LocationSchema>;

/** Formats a location as the clickable `path:line:column` terminals and editors understand. */
export function formatLocation(loc: Location | undefined): string {
  if (!loc) return '';
  return loc.startColumn ? `${loc.file}:${loc.startLine}:${loc.startColumn}` : `${loc.file}:${loc.startLine}`;
}
