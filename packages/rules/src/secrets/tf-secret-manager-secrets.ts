import { defineRule, type Location } from '@coditect-audit/core';
import {
  anchorLocation,
  attributeLocation,
  expressionText,
  forEachNames,
  literalString,
  resourcesOfType,
  type TfResource,
} from '../util/tf-lookup.js';
import { dependsOnOf } from '../util/terraform.js';

interface DeclaredSecret {
  id: string;
  resource: TfResource;
  location: Location;
}

/**
 * ADR-001 Issue 5 names the Secret Manager secrets the app needs: `django-secret-key`,
 * `db-password-staging`, `redis-password-staging`. Lesson 3 wants them declared in OpenTofu.
 */
export default defineRule({
  id: 'tf-secret-manager-secrets',
  title: 'An expected Secret Manager secret is not declared in OpenTofu',
  concerns: ['secrets.not-in-secret-manager'],
  layer: 'files',
  facets: ['files.terraform'],
  adrIdentity: 'Secret Manager secret names (django-secret-key, db-password-staging, redis-password-staging)',
  adrIdentityFields: ['secretManager.secrets'],
  description:
    'Every name in `expectations.secretManager.secrets` must be the `secret_id` of a `google_secret_manager_secret` resource in the `.tf` files. A literal `secret_id` is matched, and so is `each.key`/`each.value` over a literal `for_each` list, set or map. The secret versions (the values) are not read and do not belong in the repository.',
  rationale:
    'ADR-001 Issue 5 (P1) moves application credentials to Secret Manager, creating `django-secret-key`, `db-password-staging` and `redis-password-staging`; Lesson 3 ("Infrastructure as Code first") asks that what exists be declared in OpenTofu so environments can be reproduced.',
  remediation: {
    text: 'Declare each secret in OpenTofu (without its value), then import the ones that already exist.',
    commands: [
      `resource "google_secret_manager_secret" "secrets" {
  for_each  = toset(["django-secret-key", "db-password-staging", "redis-password-staging"])
  project   = "{{project}}"
  secret_id = each.key
  replication {
    auto {}
  }
}`,
      'tofu import \'google_secret_manager_secret.secrets["django-secret-key"]\' projects/{{project}}/secrets/django-secret-key',
      'tofu plan',
    ],
  },
  benchmarks: [],
  messages: {
    missing: 'No google_secret_manager_secret declares secret_id "{{secret}}", which the app needs.',
    missingUnresolved:
      'No google_secret_manager_secret declares secret_id "{{secret}}" literally; {{unresolved}} secret_id value(s) are expressions this rule cannot evaluate.',
    declared: 'Secret Manager secret "{{secret}}" is declared by {{address}}.',
  },
  check(ctx) {
    const tf = ctx.facet('files.terraform');
    const anchor = anchorLocation(tf, ctx.env.name);
    if (!anchor) {
      ctx.skip('the repository has no .tf files');
      return;
    }
    const expected = ctx.env.expectations.secretManager.secrets;
    if (expected.length === 0) {
      ctx.skip('expectations.secretManager.secrets names no secret');
      return;
    }
    const declared: DeclaredSecret[] = [];
    let unresolved = 0;
    const unresolvedInputs: string[] = [];
    for (const r of resourcesOfType(tf, 'google_secret_manager_secret')) {
      const attr = r.block.attributes.secret_id;
      const literal = literalString(attr);
      if (literal !== undefined && attr) {
        declared.push({ id: literal, resource: r, location: attributeLocation(r.file, attr) });
        continue;
      }
      const expr = expressionText(attr)?.trim();
      const keys =
        expr === 'each.key' || expr === 'each.value'
          ? forEachNames(r.block, expr === 'each.key' ? 'key' : 'value')
          : undefined;
      // Instances the collector evaluated (a module called once per secret, a for_each): each one's id.
      const instances = (attr?.instanceValues ?? []).filter((x): x is string => typeof x === 'string');
      if (keys && attr) {
        const at = r.block.attributes.for_each ?? attr;
        for (const id of keys) declared.push({ id, resource: r, location: attributeLocation(r.file, at) });
      } else if (instances.length && attr) {
        for (const id of instances) declared.push({ id, resource: r, location: attributeLocation(r.file, attr) });
      } else {
        unresolved++;
        unresolvedInputs.push(...dependsOnOf(attr, expr ?? `${r.type}.${r.name}.secret_id`));
      }
    }
    for (const name of expected) {
      const resource = { id: `secretmanager:${name}`, kind: 'google_secret_manager_secret', name };
      const hit = declared.find((d) => d.id === name);
      if (hit) {
        ctx.pass({
          resource: { ...resource, file: hit.resource.file.file },
          messageId: 'declared',
          data: { secret: name, address: `${hit.resource.type}.${hit.resource.name}` },
          location: hit.location,
          evidence: [{ path: `${hit.resource.type}.${hit.resource.name}.secret_id`, observed: name }],
        });
        continue;
      }
      const report = {
        resource,
        data: { secret: name, unresolved },
        location: anchor,
        evidence: [
          {
            path: 'google_secret_manager_secret.secret_id',
            observed: declared.length ? declared.map((d) => d.id).join(', ') : null,
            expected: name,
          },
        ],
      };
      // A secret_id the files do not settle may be this one: undecided, not missing.
      if (unresolved > 0) ctx.unknown({ ...report, messageId: 'missingUnresolved', dependsOn: unresolvedInputs });
      else ctx.fail({ ...report, messageId: 'missing' });
    }
  },
});
