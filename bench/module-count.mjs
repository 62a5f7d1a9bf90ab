/**
 * Preloaded with `node --import ./bench/module-count.mjs` by bench/startup.mjs: records which module files
 * a command loads, into the file named by BENCH_MODULE_LIST. ES modules come from a loader hook
 * (module-count-hooks.mjs); CommonJS files loaded by require() never pass through that hook in Node 20,
 * so at exit the CommonJS cache is added too. bench/startup.mjs counts the distinct paths.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

const file = process.env.BENCH_MODULE_LIST;
if (file) {
  register('./module-count-hooks.mjs', import.meta.url, { data: { file } });
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    const cached = Object.keys(require.cache).map((path) => pathToFileURL(path).href);
    if (cached.length > 0) appendFileSync(file, `${cached.join('\n')}\n`);
  });
}
