import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

/** ADR-001 Issue 4, live: "Redis created without AUTH token". The AUTH string itself is never read. */
export default defineRule({
  id: 'gcp-redis-auth',
  title: 'Memorystore AUTH is disabled',
  concerns: ['redis.auth-disabled'],
  layer: 'gcp',
  facets: ['gcp.redis'],
  description:
    "Reads `authEnabled` of every Memorystore instance (redis `instances.list`; an absent value is Google's default, false). False fails: any client inside the VPC can read and write the cache. The AUTH string is never requested (`getAuthString` is not called).",
  rationale:
    'ADR-001 Issue 4 (P0): "Unprotected cache accessible within VPC"; the cache holds sessions and license seat tracking.',
  remediation: {
    text: 'AUTH can be enabled on an existing instance; then store the AUTH string in Secret Manager and give it to the backend.',
    commands: [
      'gcloud redis instances update {{redis.instance}} --enable-auth --region={{region}} --project={{project}}',
    ],
  },
  benchmarks: [{ standard: 'ScoutSuite', id: 'memorystore-redis-instance-auth-not-enabled' }],
  messages: {
    enabled: 'Memorystore {{instance}} requires AUTH.',
    disabled: 'Memorystore {{instance}} has AUTH disabled: any client in the VPC can use the cache.',
  },
  check(ctx) {
    for (const i of ctx.facet('gcp.redis').instances) {
      const resource = gcpResource.redis(i);
      const evidence = [{ path: 'authEnabled', observed: i.authEnabled, expected: 'true' }];
      if (i.authEnabled) ctx.pass({ resource, messageId: 'enabled', data: { instance: i.name }, evidence });
      else ctx.fail({ resource, messageId: 'disabled', data: { instance: i.name }, evidence });
    }
  },
});
