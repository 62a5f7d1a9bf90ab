/**
 * The Kubernetes client's own fetch: node-fetch 2, its dependency (ours, node-fetch 3, is the Google Cloud
 * transport's), loaded from beside the client so that every request goes through the same code, with the
 * same headers, redirects and content decoding. The list reader calls it to read an answer's body as it
 * arrives, which the client's transport only hands over whole. The bundle replaces this module by an import
 * of that same file (scripts/bundle.mjs, `clientFetchBundled`): there the client has no folder to load from.
 */
import { createRequire } from 'node:module';

export interface ClientFetchResponse {
  status: number;
  headers: { forEach(visit: (value: string, name: string) => void): void };
  /** The decoded body as it arrives (null for an answer without one). */
  body: NodeJS.ReadableStream | null;
  text(): Promise<string>;
  buffer(): Promise<Buffer>;
}

export type ClientFetch = (
  url: string,
  init: {
    method: string;
    body?: unknown;
    headers: Record<string, string>;
    signal?: AbortSignal;
    agent?: unknown;
  },
) => Promise<ClientFetchResponse>;

const client = createRequire(import.meta.url).resolve('@kubernetes/client-node/package.json');
const clientFetch = createRequire(client)('node-fetch') as ClientFetch;
export default clientFetch;
