export declare const isBucketPath: (path: string) => boolean;
export declare function parseBucketPath(path: string): {
    bucket: string;
    name: string;
};
/** The text of a local file or a bucket object; a ConfigError (exit 3) naming it when it cannot be read. */
export declare function readText(path: string, what: string): Promise<string>;
/** The bytes of a local file or a bucket object, as {@link readText} reads them. */
export declare function readBytes(path: string, what: string): Promise<Buffer>;
/** The bytes of {@link readBytes} as text, failing as {@link readText} does (a text too long for a string). */
export declare function textOf(bytes: Buffer, path: string, what: string): string;
/** Writes a local file (creating its folder) or a bucket object (one simple upload, no resumable session). */
export declare function writeText(path: string, text: string, contentType?: string): Promise<void>;
/**
 * Waits until every path exists (the shards of a fleet still running), polling every `pollMs`; a
 * ConfigError naming the missing ones after `timeoutSeconds`.
 */
export declare function waitForAll(paths: string[], timeoutSeconds: number, progress?: (m: string) => void, pollMs?: number): Promise<void>;
//# sourceMappingURL=bucket.d.ts.map