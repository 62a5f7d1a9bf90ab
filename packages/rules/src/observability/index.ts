import type { Rule } from '@coditect-audit/core';
import gcpAlertPolicies from './gcp-alert-policies.js';
import gcpGkeWorkloadLogging from './gcp-gke-workload-logging.js';
import tfGkeWorkloadLogging from './tf-gke-workload-logging.js';

/** Rules of the observability area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [gcpAlertPolicies as Rule, gcpGkeWorkloadLogging as Rule, tfGkeWorkloadLogging as Rule];
