import type { Rule } from '@coditect-audit/core';
import tfRedisAuth from './tf-redis-auth.js';
import tfRedisTransitEncryption from './tf-redis-transit-encryption.js';

/** Rules of the cache area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [tfRedisAuth as Rule, tfRedisTransitEncryption as Rule];
