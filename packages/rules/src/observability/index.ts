import type { Rule } from '@coditect-audit/core';
import gcpAlertPolicies from './gcp-alert-policies.js';
import observabilityWorkloadLogging from './observability.workload-logging.js';

/** Rules of the observability area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [gcpAlertPolicies, observabilityWorkloadLogging];
