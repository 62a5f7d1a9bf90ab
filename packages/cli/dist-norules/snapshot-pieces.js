/**
 * A snapshot's JSON parsed piece by piece, so that its text and all it parses are never live together.
 * The arrays of each facet's data (`files` of the files layer, `items` of a cluster's: nearly all of a
 * snapshot) are cut out of the text; the rest, with those arrays empty, is parsed as one, then each item is
 * parsed from its own slice of the bytes, a manifest file's objects' positions made compact
 * (`compactPositions`) before the next: what is parsed and dropped stays young garbage. The result is the
 * value `JSON.parse` gives for the whole text. Anything the cutting does not expect (a key written twice
 * where it cuts, a slice that is not one JSON value, another schema version) gives undefined, and the
 * caller parses the whole text as before, with the same errors.
 */
import { compactPositions, SNAPSHOT_SCHEMA_VERSION } from '@coditect-audit/core';
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
/** The layout is not the one cut here: parse the whole text instead. */
class NotCut extends Error {
}
/** The snapshot's value, or undefined when the bytes are not laid out as cut here (parse them whole). */
export function parseSnapshotPieces(bytes) {
    try {
        return parsePieces(bytes);
    }
    catch (e) {
        if (e instanceof NotCut || e instanceof SyntaxError)
            return undefined;
        throw e;
    }
}
function parsePieces(bytes) {
    const cuts = [];
    const scanner = new Scanner(bytes);
    scanner.object((key) => {
        if (key !== 'facets')
            return false;
        scanner.object((facet) => {
            if (facet === '__proto__')
                return false;
            scanner.object((part) => {
                if (part !== 'data')
                    return false;
                scanner.object((field) => {
                    if (bytes[scanner.at] !== OPEN_ARRAY)
                        return false;
                    cuts.push(scanner.array(facet, field));
                    return true;
                });
                return true;
            });
            return true;
        });
        return true;
    });
    scanner.whitespace();
    if (scanner.at !== bytes.length)
        throw new NotCut();
    if (cuts.length === 0)
        throw new NotCut();
    // The text without the cut items: layers, facet states and problems.
    const kept = [];
    let from = 0;
    for (const cut of cuts) {
        kept.push(bytes.toString('utf8', from, cut.start));
        from = cut.end;
    }
    kept.push(bytes.toString('utf8', from));
    const snapshot = JSON.parse(kept.join(''));
    // Positions are made compact in snapshots of this version; another is read whole (and upgraded, or refused).
    if (snapshot?.schemaVersion !== SNAPSHOT_SCHEMA_VERSION)
        throw new NotCut();
    for (const cut of cuts) {
        const facet = Object.hasOwn(snapshot.facets ?? {}, cut.facet) ? snapshot.facets?.[cut.facet] : undefined;
        const data = facet?.data;
        const items = data && Object.hasOwn(data, cut.field) ? data[cut.field] : undefined;
        if (!Array.isArray(items) || items.length !== 0)
            throw new NotCut();
        const compact = cut.facet === 'files.kubernetes' && cut.field === 'files';
        for (const [start, end] of cut.items) {
            const item = JSON.parse(bytes.toString('utf8', start, end));
            items.push(compact ? compactFile(item) : item);
        }
    }
    return snapshot;
}
/** A manifest file's objects with their positions compact (anything else is kept as parsed). */
function compactFile(file) {
    const objects = file?.objects;
    if (Array.isArray(objects))
        for (const object of objects)
            if (object && typeof object === 'object' && Object.hasOwn(object, 'positions'))
                object.positions = compactPositions(object.positions);
    return file;
}
/**
 * Walks the structure of JSON bytes: strings (escapes included) and nesting, no values. It trusts nothing
 * it walks: the parts are parsed by JSON.parse, which says whether they are JSON.
 */
class Scanner {
    bytes;
    at = 0;
    constructor(bytes) {
        this.bytes = bytes;
    }
    whitespace() {
        const bytes = this.bytes;
        let at = this.at;
        for (;;) {
            const byte = bytes[at];
            if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09)
                at++;
            else
                break;
        }
        this.at = at;
    }
    expect(byte) {
        this.whitespace();
        if (this.bytes[this.at] !== byte)
            throw new NotCut();
        this.at++;
    }
    /** Past the string starting here; its value when `decode`. */
    string(decode) {
        const bytes = this.bytes;
        const start = this.at;
        if (bytes[start] !== QUOTE)
            throw new NotCut();
        // To the next quote not escaped (one after an even run of backslashes), without a step per byte.
        let at = start;
        for (;;) {
            at = bytes.indexOf(QUOTE, at + 1);
            if (at < 0)
                throw new NotCut();
            let before = at - 1;
            while (bytes[before] === BACKSLASH)
                before--;
            if ((at - 1 - before) % 2 === 0)
                break;
        }
        this.at = at + 1;
        return decode ? JSON.parse(bytes.toString('utf8', start, at + 1)) : undefined;
    }
    /** Past the value starting here (after whitespace), whatever it is. */
    value() {
        this.whitespace();
        const bytes = this.bytes;
        const start = this.at;
        let at = start;
        let depth = 0;
        for (;;) {
            const byte = bytes[at];
            if (byte === undefined)
                break;
            if (byte === QUOTE) {
                this.at = at;
                this.string(false);
                at = this.at;
                if (depth === 0)
                    break;
                continue;
            }
            if (byte === OPEN_OBJECT || byte === OPEN_ARRAY)
                depth++;
            else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
                if (depth === 0)
                    break;
                depth--;
                if (depth === 0) {
                    at++;
                    break;
                }
            }
            else if (depth === 0 && (byte === COMMA || byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09))
                break;
            at++;
        }
        if (at === start)
            throw new NotCut();
        this.at = at;
    }
    /**
     * An object's members: `member(key)` is called at each value, and either walks it (true) or leaves it
     * to be skipped (false). A key written twice is not cut (which one counts is JSON.parse's to say).
     */
    object(member) {
        this.expect(OPEN_OBJECT);
        const seen = new Set();
        this.whitespace();
        if (this.bytes[this.at] === CLOSE_OBJECT) {
            this.at++;
            return;
        }
        for (;;) {
            this.whitespace();
            const key = this.string(true);
            if (seen.has(key))
                throw new NotCut();
            seen.add(key);
            this.expect(COLON);
            this.whitespace();
            if (!member(key))
                this.value();
            this.whitespace();
            const byte = this.bytes[this.at++];
            if (byte === CLOSE_OBJECT)
                return;
            if (byte !== COMMA)
                throw new NotCut();
        }
    }
    /** The array starting here: the byte ranges of its items. */
    array(facet, field) {
        this.expect(OPEN_ARRAY);
        const start = this.at;
        const items = [];
        this.whitespace();
        if (this.bytes[this.at] === CLOSE_ARRAY) {
            this.at++;
            return { facet, field, start, end: this.at - 1, items };
        }
        for (;;) {
            const from = this.at;
            this.value();
            items.push([from, this.at]);
            this.whitespace();
            const byte = this.bytes[this.at++];
            if (byte === CLOSE_ARRAY)
                return { facet, field, start, end: this.at - 1, items };
            if (byte !== COMMA)
                throw new NotCut();
        }
    }
}
//# sourceMappingURL=snapshot-pieces.js.map