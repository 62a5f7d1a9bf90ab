
// packages/cli/dist/upload.js
var UploadError = class extends Error {
};
var STORAGE_RETRY = { autoRetry: true, maxRetries: 4, idempotencyStrategy: 0 };
var BUCKET = /^(?=.{3,222}$)[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/;
function parseUploadUrl(url) {
  const m = /^gs:\/\/([^/]+)\/?(.*)$/.exec(url);
  if (!m)
    throw new UploadError(`--upload ${url}: give a Cloud Storage URL, gs://BUCKET or gs://BUCKET/PREFIX`);
  const [, bucket, rest] = m;
  if (!BUCKET.test(bucket) || bucket.startsWith("goog") || bucket.includes(".."))
    throw new UploadError(`--upload ${url}: "${bucket}" is not a valid bucket name`);
  const prefix = rest.replace(/\/+$/, "");
  if (prefix.split("/").some((s) => s === "" || s === "." || s === ".."))
    throw new UploadError(`--upload ${url}: the prefix has an empty, "." or ".." segment`);
  return { bucket, prefix };
}
function folderTimestamp(at) {
  return at.toISOString().replace(/\.\d+Z$/, "Z").replace(/[-:]/g, "");
}
var CONTENT_TYPES = {
  json: "application/json",
  sarif: "application/sarif+json",
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  xml: "application/xml"
};
function contentTypeOf(fileName) {
  return CONTENT_TYPES[fileName.slice(fileName.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}
async function uploadResults(target, result, files, at = /* @__PURE__ */ new Date()) {
  const { Storage } = await import("../../../node_modules/.pnpm/@google-cloud+storage@8.4.0/node_modules/@google-cloud/storage/build/esm/src/index.js");
  const bucket = new Storage({ retryOptions: STORAGE_RETRY }).bucket(target.bucket);
  const envPath = [target.prefix, encodeSegment(result.environment.name)].filter(Boolean).join("/");
  const folder = `${envPath}/${folderTimestamp(at)}/`;
  const objects = [];
  try {
    for (const f of files) {
      const name = `${folder}${f.name}`;
      await bucket.file(name).save(f.content, { resumable: false, contentType: f.contentType, validation: "crc32c" });
      objects.push(name);
    }
    const pointer = {
      folder,
      url: `gs://${target.bucket}/${folder}`,
      environment: result.environment.name,
      gate: result.gate.status,
      exitCode: result.gate.exitCode,
      uploadedAt: at.toISOString(),
      objects
    };
    const latest = `${envPath}/latest.json`;
    await bucket.file(latest).save(`${JSON.stringify(pointer, null, 2)}
`, {
      resumable: false,
      contentType: "application/json",
      metadata: { cacheControl: "no-store" }
    });
    return { folder: `gs://${target.bucket}/${folder}`, latest: `gs://${target.bucket}/${latest}`, objects };
  } catch (e) {
    const done = objects.length ? ` (${objects.length} of ${files.length} reports were uploaded; latest.json was not updated)` : "";
    throw new UploadError(`upload to gs://${target.bucket}/${folder} failed: ${describe(e)}${done}`);
  }
}
function encodeSegment(name) {
  return name.replace(/[^A-Za-z0-9._-]/g, "_") || "_";
}
function describe(e) {
  const err = e;
  const message = typeof err.message === "string" ? err.message.split("\n")[0] : String(e);
  return typeof err.code === "number" || typeof err.code === "string" ? `${err.code} ${message}` : message;
}

export {
  UploadError,
  STORAGE_RETRY,
  parseUploadUrl,
  folderTimestamp,
  contentTypeOf,
  uploadResults,
  describe
};
