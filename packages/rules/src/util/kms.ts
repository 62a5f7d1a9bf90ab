/** Moved to core (issue #18: the kms-key view resolves which declared key is which); kept for short imports. */
export * from '@coditect-audit/core/views';
