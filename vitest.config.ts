import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests run against the TypeScript sources; the CLI end-to-end tests spawn the built binary.
export default defineConfig({
  resolve: {
    alias: {
      '@coditect-audit/core': src('core'),
      '@coditect-audit/collectors': src('collectors'),
      '@coditect-audit/rules': src('rules'),
      '@coditect-audit/reporters': src('reporters'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
