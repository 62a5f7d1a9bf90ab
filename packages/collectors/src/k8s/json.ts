/** A JSON object of an API answer, read as plain JSON: checked where read, not trusted to have its shape. */
export type Json = Record<string, unknown>;

export function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
