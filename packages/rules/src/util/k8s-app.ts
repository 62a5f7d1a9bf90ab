/** Moved to core (issue #18: the Secret and workload views are built from it); kept so rule imports stay short. */
export * from '@coditect-audit/core/views/k8s-app';
