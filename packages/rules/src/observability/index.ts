import type { Rule } from '@coditect-audit/core';
import tfGkeWorkloadLogging from './tf-gke-workload-logging.js';

/** Rules of the observability area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [tfGkeWorkloadLogging as Rule];
