// Preloaded with `node --import` by the lazy-loading test: records every module the process loads,
// ESM (through a resolve hook) and CommonJS (the shared require cache, read at exit), into TRACE_FILE.
// With TRACE_REQUESTS set, also each HTTP request as it starts (`request <method> <path>`), in the same
// file, so that a test can tell which modules were resolved before a request and which after it.
import { subscribe } from 'node:diagnostics_channel';
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

register('./trace-hooks.mjs', import.meta.url);
if (process.env.TRACE_REQUESTS)
  subscribe('http.client.request.start', ({ request }) => {
    appendFileSync(process.env.TRACE_FILE, `request ${request.method} ${request.path}\n`);
  });
const require = createRequire(import.meta.url);
process.on('exit', () => {
  appendFileSync(process.env.TRACE_FILE, `${Object.keys(require.cache).join('\n')}\n`);
});
