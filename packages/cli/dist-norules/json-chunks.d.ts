/**
 * Compact JSON in pieces: joined, they are exactly `JSON.stringify(value)`. A 50,000-resource snapshot is
 * ~95 MB of JSON; made as one string (and the buffer written from it) it doubled the peak memory of
 * `collect` (docs/performance.md). Written piece by piece, only one part at a time is text.
 */
/** `JSON.stringify(value)` in pieces, in order. */
export declare function compactJsonChunks(value: unknown): Generator<string>;
/**
 * JSON text with every character beyond ASCII written as its `\\uXXXX` escape (each UTF-16 unit of a pair
 * on its own, as JSON allows): the same value once parsed. Outside strings JSON has no such characters.
 */
export declare function asciiJson(text: string): string;
//# sourceMappingURL=json-chunks.d.ts.map