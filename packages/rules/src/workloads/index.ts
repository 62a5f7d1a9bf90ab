import type { Rule } from '@coditect-audit/core';
import k8sMigrationsComplete from './k8s-migrations-complete.js';
import k8sOrphanedVolume from './k8s-orphaned-volume.js';
import k8sRolloutHealthy from './k8s.rollout-healthy.js';
import k8sSelfManagedDatastore from './k8s.self-managed-datastore.js';
import probeHttpAuthRequired from './probe-http-auth-required.js';
import probeHttpHealth from './probe-http-health.js';

/** Rules of the workloads area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  k8sMigrationsComplete,
  k8sOrphanedVolume,
  k8sRolloutHealthy,
  k8sSelfManagedDatastore,
  probeHttpAuthRequired,
  probeHttpHealth,
];
