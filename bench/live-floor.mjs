/**
 * The live layers' floor: a plain client making the same calls as the scan. Reads a plan (argv[2], JSON:
 * `{ base, concurrency, pageParam, headers, calls: [{ method, path, query, body? }] }`) of the distinct
 * first-page calls the scan made against an emulator, and issues them with `fetch` + `JSON.parse`,
 * `concurrency` at a time, following each list's pages (`nextPageToken` / `metadata.continue`) in turn.
 * Nothing else: no client library, no retries, no normalisation, facets, rules or reports. Every call is
 * independent here (a list of Cloud SQL users does not wait for the instances), so the floor is a lower
 * bound. A child process, so its wall time includes Node start-up, like the scan it is compared with.
 * Prints `{ calls, failed }` (answers that were not 2xx, e.g. a recorded 403, count as calls).
 */
import { readFileSync } from 'node:fs';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const queue = [...plan.calls];
let calls = 0;
let failed = 0;

async function list(call) {
  let token;
  do {
    const query = new URLSearchParams(call.query);
    if (token) query.set(plan.pageParam, token);
    const search = query.toString();
    const response = await fetch(`${plan.base}${call.path}${search ? `?${search}` : ''}`, {
      method: call.method,
      headers: { ...plan.headers, ...(call.body ? { 'content-type': 'application/json' } : {}) },
      ...(call.body ? { body: call.body } : {}),
    });
    const body = JSON.parse(await response.text());
    calls++;
    if (!response.ok) failed++;
    token = response.ok ? (body.nextPageToken ?? body.metadata?.continue) : undefined;
  } while (token);
}

async function worker() {
  for (let call = queue.shift(); call; call = queue.shift()) await list(call);
}

await Promise.all(Array.from({ length: plan.concurrency }, worker));
process.stdout.write(`${JSON.stringify({ calls, failed })}\n`);
