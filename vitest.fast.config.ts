import { defineConfig } from 'vitest/config';
import base, { fastTier } from './vitest.config.js';

// The fast tier (`npm run test:fast`): the full suite's `unit` project alone (see vitest.config.ts), in-process
// against the sources. The full suite (`npm test`, what CI runs) adds the `e2e` project: the commands, the
// built binary, the services and the browser.
const { projects: _projects, ...test } = base.test ?? {};
export default defineConfig({ ...base, test: { ...test, ...fastTier } });
