import type { Rule } from '@coditect-audit/core';

/** Rules of the network area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [];
