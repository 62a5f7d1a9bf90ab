import type { Rule } from '@coditect-audit/core';
import dockerfileRunsAsRoot from './dockerfile-runs-as-root.js';
import dockerfileUnreadableDependencies from './dockerfile-unreadable-dependencies.js';
import manifestPrivilegeEscalation from './manifest-privilege-escalation.js';
import manifestRunsAsRoot from './manifest-runs-as-root.js';

/** Rules of the containers area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  dockerfileRunsAsRoot as Rule,
  dockerfileUnreadableDependencies as Rule,
  manifestPrivilegeEscalation as Rule,
  manifestRunsAsRoot as Rule,
];
