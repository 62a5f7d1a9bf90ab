/**
 * `scan --upload gs://BUCKET/PREFIX`: the reports of a scan, and its snapshot (redacted, as every snapshot
 * is), kept in Cloud Storage so that results outlive the pod or the CI job that made them:
 *
 *   PREFIX/ENVIRONMENT/20261206T201500Z/coditect-audit.json, .sarif, .md, ..., snapshot.json
 *   PREFIX/ENVIRONMENT/latest.json   { "folder": "PREFIX/ENVIRONMENT/20261206T201500Z/", "gate": ..., "objects": [...] }
 *
 * `latest.json` is written last, so whoever follows it finds every report in place. The destination comes
 * from the command line only, never from the scanned tree. The official client authenticates with
 * Application Default Credentials (Workload Identity in the cluster); STORAGE_EMULATOR_HOST points it at an
 * emulator, without credentials. This is the only write coditect-audit makes, and only to the bucket named.
 */
import type { ScanResult } from '@coditect-audit/core';
export declare class UploadError extends Error {
}
/**
 * How the Cloud Storage client retries: a transient failure (EPIPE or ECONNRESET of a connection the network
 * closed, 408, 429, 5xx) up to 4 times with backoff, writes included. The client's default retries a write
 * only with a generation precondition, and then turns retries off for everything else the client does.
 * Every write here sends a whole object (a simple upload, one request) with the same bytes on each try, and
 * the object is the last write's: repeating it changes nothing, so it is retried like a read.
 * (`RetryAlways` is IdempotencyStrategy.RetryAlways, 0, written out so the client loads only when used.)
 */
export declare const STORAGE_RETRY: {
    readonly autoRetry: true;
    readonly maxRetries: 4;
    readonly idempotencyStrategy: 0;
};
export interface UploadTarget {
    bucket: string;
    /** Without leading or trailing slash; may be empty. */
    prefix: string;
}
/** `gs://bucket/some/prefix` → target; a usage error says what is wrong with anything else. */
export declare function parseUploadUrl(url: string): UploadTarget;
export interface UploadFile {
    name: string;
    contentType: string;
    content: string;
}
export interface UploadResult {
    /** `gs://bucket/prefix/env/timestamp/` */
    folder: string;
    latest: string;
    objects: string[];
}
/** `2026-12-06T20:15:00.123Z` → `20261206T201500Z`: sorts by time and needs no escaping anywhere. */
export declare function folderTimestamp(at: Date): string;
export declare function contentTypeOf(fileName: string): string;
export declare function uploadResults(target: UploadTarget, result: ScanResult, files: UploadFile[], at?: Date): Promise<UploadResult>;
/** The client's error, without anything but its code and message (never a header or a token). */
export declare function describe(e: unknown): string;
//# sourceMappingURL=upload.d.ts.map