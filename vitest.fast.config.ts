import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// The fast tier (`npm run test:fast`): unit tests and every rule's case table, in-process against the
// sources. No built binary, no services (PostgreSQL, Redis, registry, HTTPS), no browser; the full suite
// (`npm test`, what CI runs) has all of them. Same aliases and pool as the full suite.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['packages/*/test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'packages/collectors/test/probe-*.test.ts'],
    // Most of this tier's time was each file importing the sources anew; files share a worker's module
    // cache here (the full suite keeps isolation).
    isolate: false,
  },
});
