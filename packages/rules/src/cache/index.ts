import type { Rule } from '@coditect-audit/core';
import probeRedisAuth from './probe-redis-auth.js';
import probeRedisTransitEncryption from './probe-redis-transit-encryption.js';
import tfRedisAuth from './tf-redis-auth.js';
import tfRedisTransitEncryption from './tf-redis-transit-encryption.js';

/** Rules of the cache area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  probeRedisAuth as Rule,
  probeRedisTransitEncryption as Rule,
  tfRedisAuth as Rule,
  tfRedisTransitEncryption as Rule,
];
