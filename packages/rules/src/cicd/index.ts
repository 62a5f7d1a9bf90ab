import type { Rule } from '@coditect-audit/core';
import buildPlatformFlag from './build-platform-flag.js';
import cicdLongLivedKey from './cicd-long-lived-key.js';
import cicdPipelinePresent from './cicd-pipeline-present.js';
import cicdSmokeTest from './cicd-smoke-test.js';
import cicdUnpinnedAction from './cicd-unpinned-action.js';

/** Rules of the cicd area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  buildPlatformFlag as Rule,
  cicdLongLivedKey as Rule,
  cicdPipelinePresent as Rule,
  cicdSmokeTest as Rule,
  cicdUnpinnedAction as Rule,
];
