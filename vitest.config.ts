import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const at = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run against the TypeScript sources (exact-match aliases, so `collectors/gcp` is not read as
// `collectors` + `/gcp`); the CLI end-to-end tests spawn the built binary.
const sources: Record<string, string> = {
  '@coditect-audit/core': 'packages/core/src/index.ts',
  '@coditect-audit/core/views': 'packages/core/src/views/index.ts',
  '@coditect-audit/core/views/k8s-app': 'packages/core/src/views/k8s-app.ts',
  '@coditect-audit/core/views/k8s-network': 'packages/core/src/views/k8s-network.ts',
  '@coditect-audit/collectors': 'packages/collectors/src/index.ts',
  '@coditect-audit/collectors/gcp': 'packages/collectors/src/gcp/index.ts',
  '@coditect-audit/collectors/k8s': 'packages/collectors/src/k8s/index.ts',
  '@coditect-audit/collectors/probe': 'packages/collectors/src/probe/index.ts',
  '@coditect-audit/rules': 'packages/rules/src/index.ts',
  '@coditect-audit/reporters': 'packages/reporters/src/index.ts',
  '@coditect-audit/emulators/gcp': 'packages/emulators/src/gcp/index.ts',
  '@coditect-audit/emulators/k8s': 'packages/emulators/src/k8s/index.ts',
  '@coditect-audit/emulators/gcs': 'packages/emulators/src/gcs/index.ts',
};

export default defineConfig({
  resolve: {
    alias: Object.entries(sources).map(([name, path]) => ({
      find: new RegExp(`^${name.replace(/[/.]/g, '\\$&')}$`),
      replacement: at(`./${path}`),
    })),
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
