import type { Rule } from '@coditect-audit/core';
import containerPrivilegeEscalation from './container.privilege-escalation.js';
import containerRunsAsRoot from './container.runs-as-root.js';
import containerUnreadableDependencies from './container.unreadable-dependencies.js';
import imageRunsAsRoot from './image.runs-as-root.js';

/** Rules of the containers area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  containerPrivilegeEscalation,
  containerRunsAsRoot,
  containerUnreadableDependencies,
  imageRunsAsRoot,
];
