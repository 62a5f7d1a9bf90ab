import { defineRule } from '@coditect-audit/core';
import { gcpResource } from '../util/gcp.js';

/** ADR-001 Issue 4, live: "... or TLS encryption". */
export default defineRule({
  id: 'gcp-redis-transit-encryption',
  title: 'Memorystore in-transit encryption is disabled',
  concerns: ['redis.transit-encryption-disabled'],
  layer: 'gcp',
  facets: ['gcp.redis'],
  description:
    'Reads `transitEncryptionMode` of every Memorystore instance: `SERVER_AUTHENTICATION` passes (TLS on port 6378); `DISABLED` or absent fails (plaintext on port 6379).',
  rationale:
    'ADR-001 Issue 4 (P0): cache traffic, including the AUTH string, crosses the VPC in the clear. In-transit encryption cannot be turned on for an existing instance: it must be recreated, which is why the ADR creates `coditect-redis-staging-v2`.',
  remediation: {
    text: 'Recreate the instance with in-transit encryption, move the backend to it (TLS, port 6378, the server CA), then delete the old one.',
    commands: [
      'gcloud redis instances create {{redis.instance}}-v2 --size=1 --region={{region}} --redis-version=redis_7_0 --auth-enabled --transit-encryption-mode=SERVER_AUTHENTICATION --project={{project}}',
    ],
  },
  benchmarks: [{ standard: 'ScoutSuite', id: 'memorystore-redis-instance-ssl-not-required' }],
  messages: {
    encrypted: 'Memorystore {{instance}} encrypts traffic in transit (SERVER_AUTHENTICATION, port {{port}}).',
    plaintext: 'Memorystore {{instance}} has transitEncryptionMode {{mode}}: clients talk to it in plaintext.',
  },
  check(ctx) {
    for (const i of ctx.facet('gcp.redis').instances) {
      const resource = gcpResource.redis(i);
      const mode = i.transitEncryptionMode;
      const evidence = [{ path: 'transitEncryptionMode', observed: mode ?? null, expected: 'SERVER_AUTHENTICATION' }];
      if (mode === 'SERVER_AUTHENTICATION')
        ctx.pass({ resource, messageId: 'encrypted', data: { instance: i.name, port: i.port ?? 6378 }, evidence });
      else
        ctx.fail({
          resource,
          messageId: 'plaintext',
          data: { instance: i.name, mode: mode ?? 'unset (DISABLED)' },
          evidence,
        });
    }
  },
});
