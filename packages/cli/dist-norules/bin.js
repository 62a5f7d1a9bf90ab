#!/usr/bin/env node

// packages/cli/dist/cli.js
import { setFlagsFromString } from "node:v8";
var HEAP_GROWING_PERCENT = 30;
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (err) => {
    if (err.code === "EPIPE")
      process.exit(process.exitCode ?? 0);
    throw err;
  });
setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
var args = process.argv.slice(2);
if (args.length === 1 && args[0] === "--version") {
  const { VERSION } = await import("./chunk-version-K2HQMV4W.js");
  process.stdout.write(`${VERSION}
`);
} else {
  const { run, internalError } = await import("./chunk-main-K5W3DQGG.js");
  process.on("uncaughtException", (err) => process.exit(internalError(err)));
  const code = await run(args);
  process.exitCode = code;
  setTimeout(() => process.exit(code), 2e3).unref();
}
