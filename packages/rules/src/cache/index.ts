import type { Rule } from '@coditect-audit/core';
import gcpRedisInstanceReady from './gcp-redis-instance-ready.js';
import redisAuthDisabled from './redis.auth-disabled.js';
import redisTransitEncryptionDisabled from './redis.transit-encryption-disabled.js';

/** Rules of the cache area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [gcpRedisInstanceReady, redisAuthDisabled, redisTransitEncryptionDisabled];
