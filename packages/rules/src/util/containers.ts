/** Moved to core (issue #18: views are built outside the rules); kept so existing rule imports stay short. */
export * from '@coditect-audit/core/views';
