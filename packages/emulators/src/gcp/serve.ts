/**
 * Serves a directory of Google Cloud recordings on 127.0.0.1 until interrupted:
 *   node packages/emulators/dist/gcp/serve.js fixtures/adr-001-staging/gcp [port]
 * then point the scanner at it with CODITECT_AUDIT_GCP_ENDPOINT=<the printed URL>.
 */
import { startGcpEmulator } from './index.js';

const [dataDir, port] = process.argv.slice(2);
if (!dataDir) {
  console.error('usage: serve.js <recordings directory> [port]');
  process.exit(3);
}
const emulator = await startGcpEmulator({ dataDir, ...(port ? { port: Number(port) } : {}) });
console.log(emulator.url);
const stop = async () => {
  const writes = emulator.server.mutatingRequests().length;
  console.error(`${emulator.server.requests.length} requests served, ${writes} refused as writes`);
  await emulator.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
