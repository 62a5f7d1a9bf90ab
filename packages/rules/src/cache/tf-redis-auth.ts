import { defineRule } from '@coditect-audit/core';
import { checkExpectedValue, forEachResource, isTrue } from '../util/terraform.js';

/** ADR-001 Issue 4: "Redis created without AUTH token": anything in the VPC can read and write the cache. */
export default defineRule({
  id: 'tf-redis-auth',
  title: 'Memorystore AUTH is disabled (OpenTofu)',
  concerns: ['redis.auth-disabled'],
  layer: 'files',
  facets: ['files.terraform'],
  description:
    'Each `google_redis_instance` must set `auth_enabled = true`. `false`, or no value (the default is false), fails. A value the repository does not settle (a variable without a default or `.tfvars` value, an input that differs between module instances, a resource attribute known only after apply) is undecided: an `unknown` verdict naming that input, which does not gate unless the scan is strict. Variable defaults, `.tfvars`, locals, local module inputs, override files, `count`/`for_each` and `dynamic` blocks are evaluated first.',
  rationale:
    'ADR-001 Issue 4 (Redis Authentication and Encryption, P0 "Must fix before production"): "Redis created without AUTH token or TLS encryption. Impact: High - Unprotected cache accessible within VPC." Sessions and seat tracking live in this cache.',
  remediation: {
    text: "Set `auth_enabled = true`, apply, read the AUTH string into the application's secret (never into the repository), and make Django send it. Unlike TLS, AUTH can be turned on in place.",
    commands: [
      'auth_enabled = true',
      'gcloud redis instances update {{redis.instance}} --region={{region}} --enable-auth --project={{project}}',
      "gcloud redis instances get-auth-string {{redis.instance}} --region={{region}} --project={{project}} --format='value(authString)' | gcloud secrets versions add redis-password-staging --data-file=- --project={{project}}",
    ],
  },
  benchmarks: [],
  messages: {
    enabled: '{{address}} requires the AUTH string (auth_enabled = true).',
    disabled:
      '{{address}} {{sets}} auth_enabled = {{value}}{{from}}: any client in the VPC can read and write the cache.',
    notSet:
      '{{address}} does not set auth_enabled (default false): any client in the VPC can read and write the cache.',
    unresolved:
      'auth_enabled of {{address}} comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm AUTH is required (the gcp layer reads the live value).',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    forEachResource(ctx, files, ['google_redis_instance'], (r, resource) => {
      checkExpectedValue(ctx, r, resource, {
        path: 'auth_enabled',
        expected: 'true',
        holds: (v) => isTrue(v),
        messages: { holds: 'enabled', unresolved: 'unresolved', wrong: 'disabled', notSet: 'notSet' },
        valueKey: 'value',
      });
    });
  },
});
