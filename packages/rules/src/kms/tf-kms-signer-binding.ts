import { defineRule, type Location } from '@coditect-audit/core';
import {
  describeKnown,
  grantNames,
  grantTarget,
  kmsGrants,
  keyIdentity,
  matchKey,
  matchRing,
  publicMembers,
  type Grant,
  type Match,
  unknownInputs,
} from '../util/kms.js';
import { anchorLocation, blockLocation, inputsOf, resourceOf, resourcesOf } from '../util/terraform.js';

const SIGNER_ROLE = 'roles/cloudkms.signerVerifier';
/** Roles that sign with the key, or let their holder grant itself that. */
const SIGNING_ROLES = [SIGNER_ROLE, 'roles/cloudkms.signer', 'roles/cloudkms.cryptoOperator', 'roles/cloudkms.admin'];
/** A member written as a literal principal (`group:eng@x.com`), not an expression. */
const LITERAL_MEMBER = /^(?:user|group|serviceAccount|domain|principal|principalSet):[^$]+$/;

/**
 * ADR-001 Issue 6: only the backend's service account signs licenses. The grant is read from
 * `google_kms_crypto_key_iam_*` (and key-ring `google_kms_key_ring_iam_*`, which covers every key in the
 * ring); `*_iam_policy` resources are read through their `data "google_iam_policy"`.
 */
export default defineRule({
  id: 'tf-kms-signer-binding',
  title: 'The backend cannot sign with the license key, or a KMS key is granted to everyone (OpenTofu)',
  concerns: ['kms.signer-binding'],
  layer: 'files',
  facets: ['files.terraform'],
  adrIdentity: 'KMS key and signer (license-signing-key, coditect-cloud-backend)',
  adrIdentityFields: ['kms.keyRing', 'kms.key', 'kms.signer|app.serviceAccount'],
  description:
    'A `google_kms_crypto_key_iam_binding` / `_iam_member` / `_iam_policy` on the license-signing key (or a `google_kms_key_ring_iam_*` on its key ring) must grant `roles/cloudkms.signerVerifier` to `expectations.kms.signer` (default `serviceAccount:coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com`; a member built from `google_service_account.<x>.email` or `.member` is resolved when that account has a literal `account_id`). No such grant fails, placed on the key\'s declaration (else the first `provider "google"` file). A grant whose key, role or members the repository does not settle is undecided (`unknown`, naming those inputs). Independently, `allUsers` or `allAuthenticatedUsers` in any KMS key or key-ring grant fails at the members, and so does any other literal principal (a group, a user, another service account) granted a signing role (signerVerifier, signer, cryptoOperator, KMS admin) on the license key or its key ring: the signing role belongs to the backend service account alone. With no `.tf` file at all the rule is skipped.',
  rationale:
    'ADR-001 Issue 6 (Cloud KMS for License Signing, P0): the backend signs licenses through Cloud KMS as its own service account; without `roles/cloudkms.signerVerifier` on the key every signing call is denied, and a public grant lets anyone sign licenses.',
  remediation: {
    text: 'Grant the backend service account the signer role on the key alone (not the project), and remove any public member from KMS grants.',
    commands: [
      'resource "google_kms_crypto_key_iam_member" "backend_signer" {\n  crypto_key_id = google_kms_crypto_key.license_signing.id\n  role          = "roles/cloudkms.signerVerifier"\n  member        = "serviceAccount:coditect-cloud-backend@{{project}}.iam.gserviceaccount.com"\n}',
      'gcloud kms keys add-iam-policy-binding license-signing-key --keyring=license-signing-keyring --location={{region}} --member=serviceAccount:coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/cloudkms.signerVerifier --project={{project}}',
    ],
  },
  benchmarks: [],
  messages: {
    signerBound: '{{signer}} holds {{role}} on {{ring}}/{{key}} through {{address}}.',
    publicGrant: '{{address}} grants {{role}} to {{member}}: anyone can use this KMS {{scope}}.',
    otherSigner:
      '{{address}} grants {{role}} on the {{scope}} to {{member}}: besides {{signer}}, it can sign licenses with {{ring}}/{{key}}. The signing role belongs to the backend service account alone.',
    grantUnresolved:
      '{{address}} may grant {{role}} on {{ring}}/{{key}} to {{signer}}, but {{what}} comes from an expression the files do not evaluate.',
    missing:
      'No .tf grant gives {{signer}} roles/cloudkms.signerVerifier on the license-signing key {{ring}}/{{key}} (or its key ring): the backend cannot sign licenses.',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    if (files.length === 0) {
      ctx.skip('no .tf file in the repository; the gcp layer checks the live IAM policy');
      return;
    }
    const kms = ctx.env.expectations.kms;
    const project = ctx.env.expectations.project;
    const expected = { keyRing: kms.keyRing, key: kms.key };
    const grants = kmsGrants(files);
    const at = (g: Grant): Location => ({ file: g.file, startLine: g.line, startColumn: g.column });

    // 1. Public principals on any KMS key or key ring.
    for (const g of grants) {
      for (const member of publicMembers(g)) {
        ctx.fail({
          resource: resourceOf(g.iam),
          messageId: 'publicGrant',
          data: {
            address: g.iam.address,
            role: describeKnown(g.role),
            member,
            scope: g.scope === 'key' ? 'key' : 'key ring',
          },
          location: at(g),
          evidence: [
            {
              path: `${g.iam.address}.members`,
              observed: member,
              expected: 'no allUsers or allAuthenticatedUsers',
              location: at(g),
            },
          ],
          discriminator: `public:${member}:${describeKnown(g.role)}`,
        });
      }
    }

    // 2. The signer's grant on the license-signing key.
    const candidates: { g: Grant; target: Match; role: Match; member: Match }[] = grants.map((g) => {
      const t = grantTarget(files, g);
      const target = g.scope === 'key' && t.key ? matchKey(t.key, expected) : matchRing(t.ring, kms.keyRing);
      const role: Match = g.role.known ? (g.role.value === SIGNER_ROLE ? 'yes' : 'no') : 'maybe';
      return { g, target, role, member: grantNames(files, g, kms.signer, project) };
    });
    const resource = {
      id: `kms-key:${kms.keyRing}/${kms.key}`,
      kind: 'google_kms_crypto_key',
      name: `${kms.keyRing}/${kms.key}`,
    };
    const base = { signer: kms.signer, ring: kms.keyRing, key: kms.key };

    // 3. Anyone else who can sign with the license key, on the key or its ring.
    for (const c of candidates) {
      if (c.target !== 'yes' || !c.g.role.known || !SIGNING_ROLES.includes(c.g.role.value)) continue;
      for (const member of c.g.members) {
        if (!LITERAL_MEMBER.test(member) || member.toLowerCase() === kms.signer.toLowerCase()) continue;
        ctx.fail({
          resource,
          messageId: 'otherSigner',
          data: {
            ...base,
            address: c.g.iam.address,
            role: c.g.role.value,
            member,
            scope: c.g.scope === 'key' ? 'key' : 'key ring',
          },
          location: at(c.g),
          evidence: [{ path: `${c.g.iam.address}.members`, observed: member, expected: kms.signer, location: at(c.g) }],
          discriminator: `other:${c.g.iam.address}:${member}`,
        });
      }
    }
    const bound = candidates.find((c) => c.target === 'yes' && c.role === 'yes' && c.member === 'yes');
    if (bound) {
      ctx.pass({
        resource,
        messageId: 'signerBound',
        data: { ...base, role: SIGNER_ROLE, address: bound.g.iam.address },
        location: at(bound.g),
        evidence: [{ path: `${bound.g.iam.address}.role`, observed: SIGNER_ROLE, location: at(bound.g) }],
      });
      return;
    }
    const maybe = candidates.find((c) => c.target !== 'no' && c.role !== 'no' && c.member !== 'no');
    if (maybe) {
      const what = [
        maybe.target === 'maybe' ? 'the key' : '',
        maybe.role === 'maybe' ? 'the role' : '',
        maybe.member === 'maybe' ? 'the members' : '',
      ]
        .filter(Boolean)
        .join(' and ');
      const t = grantTarget(files, maybe.g);
      const dependsOn = [
        ...(maybe.target === 'maybe' ? unknownInputs(t.ring, ...(t.key ? [t.key.name, t.key.ring] : [])) : []),
        ...(maybe.role === 'maybe' ? unknownInputs(maybe.g.role) : []),
        ...(maybe.member === 'maybe' && maybe.g.expression ? inputsOf(maybe.g.expression) : []),
      ];
      ctx.unknown({
        resource,
        messageId: 'grantUnresolved',
        data: { ...base, role: describeKnown(maybe.g.role), address: maybe.g.iam.address, what },
        location: at(maybe.g),
        evidence: [
          { path: `${maybe.g.iam.address}.role`, observed: describeKnown(maybe.g.role), expected: SIGNER_ROLE },
          {
            path: `${maybe.g.iam.address}.members`,
            observed: maybe.g.expression ?? maybe.g.members.join(', '),
            expected: kms.signer,
          },
        ],
        dependsOn: dependsOn.length ? dependsOn : [maybe.g.iam.address],
      });
      return;
    }
    // No grant: report on the key's declaration when it is declared, else where the provider is.
    const key = resourcesOf(files, 'google_kms_crypto_key').find(
      (k) => matchKey(keyIdentity(files, k), expected) === 'yes',
    );
    const location = key ? blockLocation(key.file.file, key.block) : anchorLocation(files, ctx.env.name);
    ctx.fail({
      resource,
      messageId: 'missing',
      data: base,
      ...(location ? { location } : {}),
      evidence: candidates
        .filter((c) => c.target !== 'no')
        .map((c) => ({
          path: `${c.g.iam.address}.role`,
          observed: describeKnown(c.g.role),
          expected: SIGNER_ROLE,
          location: at(c.g),
        })),
    });
  },
});
