import type { Rule } from '@coditect-audit/core';
import containerPrivilegeEscalation from './container.privilege-escalation.js';
import dockerfileRunsAsRoot from './dockerfile-runs-as-root.js';
import dockerfileUnreadableDependencies from './dockerfile-unreadable-dependencies.js';
import joinEffectiveRuntimeUser from './join-effective-runtime-user.js';
import k8sRunsAsRoot from './k8s-runs-as-root.js';
import manifestRunsAsRoot from './manifest-runs-as-root.js';
import probeImageRunsAsRoot from './probe-image-runs-as-root.js';
import probeImageUnreadableDependencies from './probe-image-unreadable-dependencies.js';

/** Rules of the containers area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  containerPrivilegeEscalation,
  dockerfileRunsAsRoot,
  dockerfileUnreadableDependencies,
  joinEffectiveRuntimeUser,
  k8sRunsAsRoot,
  manifestRunsAsRoot,
  probeImageRunsAsRoot,
  probeImageUnreadableDependencies,
];
