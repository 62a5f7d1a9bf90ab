/**
 * Compact JSON in pieces: joined, they are exactly `JSON.stringify(value)`. A 50,000-resource snapshot is
 * ~95 MB of JSON; made as one string (and the buffer written from it) it doubled the peak memory of
 * `collect` (docs/performance.md). Written piece by piece, only one part at a time is text.
 */
/**
 * How deep the pieces go: objects and arrays nearer the top than this are taken apart, anything deeper is
 * one `JSON.stringify` (a snapshot's facet → data → files → one file: pieces the size of one file's facts).
 */
const SPLIT_DEPTH = 6;
/** A value that `JSON.stringify` takes apart member by member (a plain object or an array). */
function isContainer(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    if (Array.isArray(value))
        return true;
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}
/** `value` as JSON.stringify sees it under `key`: after its own `toJSON`, if it has one. */
function prepared(value, key) {
    if (typeof value === 'object' && value !== null) {
        const toJSON = value.toJSON;
        if (typeof toJSON === 'function')
            return toJSON.call(value, key);
    }
    return value;
}
/** The pieces of `value` (already `prepared`); undefined, a function or a symbol has none (as JSON.stringify). */
function* pieces(value, depth) {
    if (depth >= SPLIT_DEPTH || !isContainer(value)) {
        const text = JSON.stringify(value);
        if (text !== undefined)
            yield text;
        return;
    }
    if (Array.isArray(value)) {
        yield '[';
        for (let i = 0; i < value.length; i++) {
            if (i)
                yield ',';
            const item = prepared(value[i], String(i));
            // In an array, what JSON has no word for is written null.
            if (item === undefined || typeof item === 'function' || typeof item === 'symbol')
                yield 'null';
            else
                yield* pieces(item, depth + 1);
        }
        yield ']';
        return;
    }
    yield '{';
    let first = true;
    for (const key of Object.keys(value)) {
        const member = prepared(value[key], key);
        if (member === undefined || typeof member === 'function' || typeof member === 'symbol')
            continue;
        yield `${first ? '' : ','}${JSON.stringify(key)}:`;
        first = false;
        yield* pieces(member, depth + 1);
    }
    yield '}';
}
/** `JSON.stringify(value)` in pieces, in order. */
export function* compactJsonChunks(value) {
    yield* pieces(prepared(value, ''), 0);
}
const BEYOND_ASCII = /[\u0080-\uffff]/g;
/**
 * JSON text with every character beyond ASCII written as its `\\uXXXX` escape (each UTF-16 unit of a pair
 * on its own, as JSON allows): the same value once parsed. Outside strings JSON has no such characters.
 */
export function asciiJson(text) {
    BEYOND_ASCII.lastIndex = 0;
    if (!BEYOND_ASCII.test(text))
        return text;
    return text.replace(BEYOND_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
//# sourceMappingURL=json-chunks.js.map