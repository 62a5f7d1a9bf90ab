import type { Rule } from '@coditect-audit/core';
import eolBaseImage from './eol-base-image.js';
import k8sRemovedApiVersions from './k8s-removed-api-versions.js';
import removedKubernetesApi from './removed-kubernetes-api.js';

/** Rules of the lifecycle area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [eolBaseImage as Rule, k8sRemovedApiVersions as Rule, removedKubernetesApi as Rule];
