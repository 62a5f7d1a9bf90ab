/** Moved to core (issue #18: the exposure view is built from it); kept so rule imports stay short. */
export * from '@coditect-audit/core/views/k8s-network';
