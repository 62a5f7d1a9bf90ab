import type { Rule } from '@coditect-audit/core';
import imageMutableTag from './image.mutable-tag.js';
import imagePlatformMismatch from './image.platform-mismatch.js';

/** Rules of the images area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [imageMutableTag, imagePlatformMismatch];
