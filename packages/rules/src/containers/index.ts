import type { Rule } from '@coditect-audit/core';
import dockerfileUnreadableDependencies from './dockerfile-unreadable-dependencies.js';

/** Rules of the containers area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [dockerfileUnreadableDependencies as Rule];
