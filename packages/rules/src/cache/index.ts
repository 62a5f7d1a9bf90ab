import type { Rule } from '@coditect-audit/core';
import gcpRedisAuth from './gcp-redis-auth.js';
import gcpRedisInstanceReady from './gcp-redis-instance-ready.js';
import gcpRedisTransitEncryption from './gcp-redis-transit-encryption.js';
import probeRedisAuth from './probe-redis-auth.js';
import probeRedisTransitEncryption from './probe-redis-transit-encryption.js';
import tfRedisAuth from './tf-redis-auth.js';
import tfRedisTransitEncryption from './tf-redis-transit-encryption.js';

/** Rules of the cache area, sorted by id. A test keeps this list and the folder in step. */
export const rules: Rule[] = [
  gcpRedisAuth as Rule,
  gcpRedisInstanceReady as Rule,
  gcpRedisTransitEncryption as Rule,
  probeRedisAuth as Rule,
  probeRedisTransitEncryption as Rule,
  tfRedisAuth as Rule,
  tfRedisTransitEncryption as Rule,
];
