// Preloaded with `node --import` by the lazy-loading test: records every module the process loads,
// ESM (through a resolve hook) and CommonJS (the shared require cache, read at exit), into TRACE_FILE.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

register('./trace-hooks.mjs', import.meta.url);
const require = createRequire(import.meta.url);
process.on('exit', () => {
  appendFileSync(process.env.TRACE_FILE, `${Object.keys(require.cache).join('\n')}\n`);
});
