#!/usr/bin/env node
/**
 * The `coditect-audit` binary. `--version` answers before anything else loads (CI scripts and package
 * managers call it often); every other command loads the CLI (main.ts).
 */
// A reader that stops early (`coditect-audit rules | head`) closes the pipe: that is not an error, so
// stop quietly instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr])
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  const { VERSION } = await import('./version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  await import('./main.js');
}
