/**
 * The worker thread of ./parse-pool.ts: parses each batch of files it is sent (and finishes their
 * manifests when asked) and sends back the results as plain data. A result that cannot be sent
 * (structured clone refuses it) comes back as null: the main thread parses that file itself.
 */
import { parentPort } from 'node:worker_threads';
import { type ParseBatch, parseToTransfer, type TransferredParse } from './parse-pool.js';

const port = parentPort;
port?.on('message', ({ files, finish }: ParseBatch) => {
  const results = files.map((file) => parseToTransfer(file, finish));
  try {
    port.postMessage(results);
  } catch {
    port.postMessage(
      results.map((result): TransferredParse | null => {
        try {
          structuredClone(result);
          return result;
        } catch {
          return null;
        }
      }),
    );
  }
});
