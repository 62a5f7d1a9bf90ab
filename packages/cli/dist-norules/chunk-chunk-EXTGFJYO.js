import {
  STORAGE_RETRY,
  describe
} from "./chunk-chunk-3R7XVXQS.js";
import {
  ConfigError
} from "./chunk-chunk-K3HIYUOK.js";

// packages/cli/dist/bucket.js
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
var isBucketPath = (path) => path.startsWith("gs://");
function parseBucketPath(path) {
  const m = /^gs:\/\/([a-z0-9][a-z0-9._-]{1,220}[a-z0-9])\/(.+)$/.exec(path);
  if (!m)
    throw new ConfigError(`${path}: not a Cloud Storage object; write gs://BUCKET/path/to/object.json`);
  return { bucket: m[1], name: m[2] };
}
var client;
async function fileAt(path) {
  const { bucket, name } = parseBucketPath(path);
  if (!client) {
    const { Storage } = await import("../../../node_modules/.pnpm/@google-cloud+storage@8.4.0/node_modules/@google-cloud/storage/build/esm/src/index.js");
    client = new Storage({ retryOptions: STORAGE_RETRY });
  }
  return client.bucket(bucket).file(name);
}
async function readText(path, what) {
  try {
    if (!isBucketPath(path))
      return await readFile(path, "utf8");
    const [data] = await (await fileAt(path)).download();
    return data.toString("utf8");
  } catch (e) {
    if (e instanceof ConfigError)
      throw e;
    throw new ConfigError(`${what} ${path}: cannot be read (${describe(e)})`);
  }
}
async function readBytes(path, what) {
  try {
    if (!isBucketPath(path))
      return await readFile(path);
    const [data] = await (await fileAt(path)).download();
    return data;
  } catch (e) {
    if (e instanceof ConfigError)
      throw e;
    throw new ConfigError(`${what} ${path}: cannot be read (${describe(e)})`);
  }
}
function textOf(bytes, path, what) {
  try {
    return bytes.toString("utf8");
  } catch (e) {
    throw new ConfigError(`${what} ${path}: cannot be read (${describe(e)})`);
  }
}
async function writeText(path, text, contentType = "application/json") {
  if (!isBucketPath(path)) {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
    return;
  }
  try {
    await (await fileAt(path)).save(text, { resumable: false, contentType, metadata: { contentType } });
  } catch (e) {
    throw new ConfigError(`${path}: cannot be written (${describe(e)}); the identity the scan runs as needs storage.objects.create on the bucket (roles/storage.objectCreator)`);
  }
}
async function exists(path) {
  if (!isBucketPath(path))
    return existsSync(path);
  try {
    const [found] = await (await fileAt(path)).exists();
    return found;
  } catch {
    return false;
  }
}
async function waitForAll(paths, timeoutSeconds, progress = () => {
}, pollMs = 5e3) {
  const deadline = Date.now() + timeoutSeconds * 1e3;
  for (; ; ) {
    const missing = (await Promise.all(paths.map(async (p) => await exists(p) ? void 0 : p))).filter((p) => p !== void 0);
    if (missing.length === 0)
      return;
    if (Date.now() >= deadline)
      throw new ConfigError(`waited ${timeoutSeconds} s for ${missing.length} of ${paths.length} snapshots, still missing: ${missing.join(", ")}`);
    progress(`waiting for ${missing.length} of ${paths.length} snapshots`);
    await new Promise((r) => setTimeout(r, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
  }
}

export {
  isBucketPath,
  parseBucketPath,
  readText,
  readBytes,
  textOf,
  writeText,
  waitForAll
};
