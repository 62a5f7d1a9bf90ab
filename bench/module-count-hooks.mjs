/**
 * Module hooks for bench/module-count.mjs: every ES module (or CommonJS file imported by one) the loader
 * loads is appended to the file named by `data.file`. Runs on the loader's own thread.
 */
import { appendFileSync } from 'node:fs';

let file;

export function initialize(data) {
  file = data.file;
}

export async function load(url, context, nextLoad) {
  if (url.startsWith('file:')) appendFileSync(file, `${url}\n`);
  return nextLoad(url, context);
}
