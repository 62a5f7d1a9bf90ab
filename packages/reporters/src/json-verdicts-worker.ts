/**
 * The worker thread of ./json-workers.ts: writes the text of each job's verdicts (its rules' stored
 * verdicts and pass sets, in the report's order) with `jsonChunks`' own code, and sends it back as UTF-8
 * in buffers it hands over (transferred, not copied), then the job's end; or why it failed. It reads
 * nothing and writes nothing itself: the verdicts it is sent are already redacted, and its text goes back
 * only to the thread writing the report.
 */
import { parentPort } from 'node:worker_threads';
import { jobVerdicts, type VerdictJob, type VerdictJobReply } from './json-workers.js';
import { verdictItemChunks } from './json.js';

/** Bytes per buffer sent back: a few dozen verdicts' text each, a few hundred buffers for a large report. */
const BUFFER_BYTES = 1 << 18;

const port = parentPort;
port?.on('message', ({ seq, open, rules }: VerdictJob) => {
  const reply = (message: VerdictJobReply, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);
  try {
    // Unpooled: the whole ArrayBuffer is the buffer's own, so it can be transferred.
    let buffer = Buffer.allocUnsafeSlow(BUFFER_BYTES);
    let used = 0;
    const send = () => {
      if (!used) return;
      reply({ seq, bytes: buffer.buffer as ArrayBuffer, length: used }, [buffer.buffer as ArrayBuffer]);
      buffer = Buffer.allocUnsafeSlow(BUFFER_BYTES);
      used = 0;
    };
    for (const piece of verdictItemChunks(jobVerdicts(rules), open)) {
      // A UTF-16 unit takes at most three bytes of UTF-8: what may not fit sends the buffer first.
      if (piece.length * 3 > BUFFER_BYTES - used) {
        send();
        if (piece.length * 3 > BUFFER_BYTES) {
          const large = Buffer.allocUnsafeSlow(Buffer.byteLength(piece));
          const length = large.write(piece);
          reply({ seq, bytes: large.buffer as ArrayBuffer, length }, [large.buffer as ArrayBuffer]);
          continue;
        }
      }
      used += buffer.write(piece, used);
    }
    send();
    reply({ seq, done: true });
  } catch (error) {
    reply({ seq, error: error instanceof Error ? error.message : String(error) });
  }
});
