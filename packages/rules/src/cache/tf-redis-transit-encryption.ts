import { defineRule } from '@coditect-audit/core';
import { checkExpectedValue, forEachResource } from '../util/terraform.js';

/** ADR-001 Issue 4: the cache speaks plaintext inside the VPC; TLS can only be chosen when the instance is created. */
export default defineRule({
  id: 'tf-redis-transit-encryption',
  title: 'Memorystore in-transit encryption is disabled (OpenTofu)',
  concerns: ['redis.transit-encryption-disabled'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'Each `google_redis_instance` must set `transit_encryption_mode = "SERVER_AUTHENTICATION"` (TLS). `DISABLED`, or no value (the default is DISABLED), fails. The mode cannot change on an existing instance: OpenTofu replaces the instance, so plan the migration. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first.',
  rationale:
    'ADR-001 Issue 4 (Redis Authentication and Encryption, P0): "Redis created without AUTH token or TLS encryption"; the ADR recreates the instance because the mode "cannot modify existing instance". Without TLS the AUTH string itself crosses the network in clear text.',
  remediation: {
    text: 'Create a replacement instance with TLS and AUTH, move the application to it (port 6378, the server CA from the instance), then delete the old one. In OpenTofu, setting the mode replaces the instance. The ADR spells the flags `--auth-enabled` and `SERVER_AUTH`; gcloud expects `--enable-auth` and `server-authentication`.',
    commands: [
      'transit_encryption_mode = "SERVER_AUTHENTICATION"\nauth_enabled            = true',
      'gcloud redis instances create {{redis.instance}}-v2 --size=1 --region={{region}} --redis-version=redis_7_0 --enable-auth --transit-encryption-mode=server-authentication --project={{project}}',
      'gcloud redis instances delete {{redis.instance}} --region={{region}} --async --project={{project}}',
    ],
  },
  benchmarks: [],
  messages: {
    tls: '{{address}} encrypts client traffic (transit_encryption_mode = SERVER_AUTHENTICATION).',
    disabled:
      '{{address}} {{sets}} transit_encryption_mode = {{mode}}{{from}}: clients and the AUTH string travel in clear text.',
    notSet:
      '{{address}} does not set transit_encryption_mode (default DISABLED): clients and the AUTH string travel in clear text.',
    unresolved:
      'transit_encryption_mode of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm SERVER_AUTHENTICATION (the gcp layer reads the live value).',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_redis_instance'], (r, resource) => {
      checkExpectedValue(ctx, r, resource, {
        path: 'transit_encryption_mode',
        expected: 'SERVER_AUTHENTICATION',
        holds: (v) => v === 'SERVER_AUTHENTICATION',
        messages: { holds: 'tls', unresolved: 'unresolved', wrong: 'disabled', notSet: 'notSet' },
        valueKey: 'mode',
      });
    });
  },
});
