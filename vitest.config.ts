import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run against the TypeScript sources (exact-match aliases, so `collectors/gcp` is not read as
// `collectors` + `/gcp`). The commands run in-process (test/support/cli.ts `runInProcess`); only what only
// the binary does spawns the built one (`runCli`).
const sources: Record<string, string> = {
  '@coditect-audit/core': 'packages/core/src/index.ts',
  '@coditect-audit/core/views': 'packages/core/src/views/index.ts',
  '@coditect-audit/core/views/k8s-app': 'packages/core/src/views/k8s-app.ts',
  '@coditect-audit/core/views/k8s-network': 'packages/core/src/views/k8s-network.ts',
  '@coditect-audit/core/views/tf-lookup': 'packages/core/src/views/tf-lookup.ts',
  '@coditect-audit/core/basics': 'packages/core/src/basics.ts',
  '@coditect-audit/collectors': 'packages/collectors/src/index.ts',
  '@coditect-audit/collectors/files': 'packages/collectors/src/files/scope.ts',
  '@coditect-audit/collectors/gcp': 'packages/collectors/src/gcp/index.ts',
  '@coditect-audit/collectors/k8s': 'packages/collectors/src/k8s/index.ts',
  '@coditect-audit/collectors/probe': 'packages/collectors/src/probe/index.ts',
  '@coditect-audit/rules': 'packages/rules/src/index.ts',
  '@coditect-audit/reporters': 'packages/reporters/src/index.ts',
  '@coditect-audit/reporters/console': 'packages/reporters/src/console.ts',
  '@coditect-audit/emulators/gcp': 'packages/emulators/src/gcp/index.ts',
  '@coditect-audit/emulators/k8s': 'packages/emulators/src/k8s/index.ts',
  '@coditect-audit/emulators/gcs': 'packages/emulators/src/gcs/index.ts',
};

/**
 * The fast tier (`npm run test:fast`, vitest.fast.config.ts; the `unit` project of the full suite): unit
 * tests and every rule's case table. No built binary, no services (PostgreSQL, Redis, registry, HTTPS), no
 * browser. Its files share a worker's module cache (`isolate: false`): most of their time was each file
 * importing the sources anew, and none of them needs a process of its own.
 */
export const fastTier = {
  include: ['packages/*/test/**/*.test.ts'],
  exclude: ['**/node_modules/**', 'packages/collectors/test/probe-*.test.ts'],
  isolate: false,
};

/** Every test file that talks to the services of scripts/services.sh (`loadServices`, `startEnvironment`). */
const servicesTests = [
  'packages/collectors/test/probe-*.test.ts',
  'test/adr-story.test.ts',
  'test/canaries.test.ts',
  'test/config-errors.test.ts',
  'test/fleet-probes.test.ts',
  'test/probe-cli.test.ts',
  'test/probe-rules.test.ts',
  'test/read-only.test.ts',
  'test/reliability-matrix.test.ts',
];

export default defineConfig({
  resolve: {
    alias: Object.entries(sources).map(([name, path]) => ({
      find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`),
      replacement: at(`./${path}`),
    })),
  },
  test: {
    // A deadline for a test that hangs, not a measure of speed (that is `pnpm bench`): far above what any
    // test takes on a loaded 2-core machine. Tests that wait on something say what they wait for.
    // Every temporary file of the run in one folder, removed at the end (test/support/temp-root.ts).
    globalSetup: ['test/support/temp-root.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Processes, not threads: `runInProcess` changes the working directory, which a worker thread cannot.
    pool: 'forks',
    // vitest's default is one worker per core but one, which on 2 cores is a single worker: the second
    // core then idles while a test waits on an emulator, a service or the binary it spawned.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      { extends: true, test: { name: 'unit', ...fastTier } },
      {
        extends: true,
        // End to end: the commands in-process, the binary where only it will do, the emulators, the
        // browser. Each file in a fresh process: they set the environment, the directory and the streams.
        test: { name: 'e2e', include: ['test/**/*.test.ts'], exclude: ['**/node_modules/**', ...servicesTests] },
      },
      {
        extends: true,
        // The real PostgreSQL, Redis, registry and HTTPS servers of scripts/services.sh, one file at a time
        // (beside the other projects' files): their checks read the servers' shared logs and statistics.
        test: { name: 'services', include: servicesTests, maxWorkers: 1 },
      },
    ],
  },
});
