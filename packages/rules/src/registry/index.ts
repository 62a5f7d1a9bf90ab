import type { Rule } from '@coditect-audit/core';
import gcrDocsReference from './gcr-docs-reference.js';
import gcrImageReference from './gcr-image-reference.js';
import k8sGcrImage from './k8s-gcr-image.js';

/** Rules of the registry area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcrDocsReference as Rule,
  gcrImageReference as Rule,
  k8sGcrImage as Rule,
];
