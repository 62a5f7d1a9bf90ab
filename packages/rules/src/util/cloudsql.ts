/** Moved to core (issue #18: the Cloud SQL view needs it); kept so rule imports stay short. */
export * from '@coditect-audit/core/views';
