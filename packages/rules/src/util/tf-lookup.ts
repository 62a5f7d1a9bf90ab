/** Moved to core (issue #18: the Secret Manager view is built from it); kept so rule imports stay short. */
export * from '@coditect-audit/core/views/tf-lookup';
