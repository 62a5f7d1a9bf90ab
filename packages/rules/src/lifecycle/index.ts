import type { Rule } from '@coditect-audit/core';
import eolBaseImage from './eol-base-image.js';
import lifecycleRemovedKubernetesApi from './lifecycle.removed-kubernetes-api.js';

/** Rules of the lifecycle area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [eolBaseImage as Rule, lifecycleRemovedKubernetesApi];
