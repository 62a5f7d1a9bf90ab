import type { Rule } from '@coditect-audit/core';
import manifestMutableImageTag from './manifest-mutable-image-tag.js';

/** Rules of the images area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [manifestMutableImageTag as Rule];
