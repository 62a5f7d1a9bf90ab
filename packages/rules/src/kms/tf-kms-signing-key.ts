import { defineRule, type Evidence } from '@coditect-audit/core';
import { describeKnown, keyIdentity, matchKey, unknownInputs } from '../util/kms.js';
import {
  anchorLocation,
  blockLocation,
  declaresNothing,
  isTrue,
  read,
  readEvidence,
  readLocation,
  resourceOf,
  resourcesOf,
} from '../util/terraform.js';

/**
 * ADR-001 Issue 6 (Cloud KMS for license signing, ADR-002 pending): licenses are signed with an asymmetric
 * Cloud KMS key. Asymmetric keys cannot rotate automatically, so `rotation_period` is never asked for.
 */
export default defineRule({
  id: 'tf-kms-signing-key',
  title: 'The license-signing KMS key is missing or not an RSA 4096 signing key (OpenTofu)',
  concerns: ['kms.signing-key'],
  layer: 'files',
  facets: ['files.terraform'],
  adrIdentity: 'KMS key name (license-signing-keyring/license-signing-key)',
  adrIdentityFields: ['kms.keyRing', 'kms.key'],
  description:
    'A `google_kms_crypto_key` whose literal `name` is the expected key (`expectations.kms.key`, default `license-signing-key`) in the expected key ring (`expectations.kms.keyRing`, resolved through `key_ring = google_kms_key_ring.<x>.id` to that ring\'s `name`) must have `purpose = "ASYMMETRIC_SIGN"` and `version_template { algorithm = "RSA_SIGN_PKCS1_4096_SHA512" }` (`expectations.kms.algorithm`), and must not skip its initial version. A wrong purpose or algorithm fails at the attribute. A key whose name or ring the repository does not settle is undecided (`unknown`, naming those inputs). When no `.tf` file declares the key, the finding is placed on the first file with a `provider "google"` block (else the environment\'s `main.tf`); with no `.tf` file at all the rule is skipped. `rotation_period` is never required: Cloud KMS does not rotate asymmetric keys automatically.',
  rationale:
    'ADR-001 Issue 6 (Cloud KMS for License Signing, P0) and the pending ADR-002: the license server signs licenses with a Cloud KMS key so the private key never leaves Google. A key with the wrong purpose cannot sign; a different algorithm produces signatures the clients will not verify; a key created by hand is invisible to OpenTofu (Lesson 3).',
  remediation: {
    text: 'Declare the key ring and the asymmetric signing key in OpenTofu (import them if they exist already), with the decided algorithm.',
    commands: [
      'resource "google_kms_key_ring" "license" {\n  name     = "license-signing-keyring"\n  location = "{{region}}"\n}\n\nresource "google_kms_crypto_key" "license_signing" {\n  name     = "license-signing-key"\n  key_ring = google_kms_key_ring.license.id\n  purpose  = "ASYMMETRIC_SIGN"\n  version_template {\n    algorithm        = "RSA_SIGN_PKCS1_4096_SHA512"\n    protection_level = "HSM"\n  }\n}',
      'gcloud kms keyrings create license-signing-keyring --location={{region}} --project={{project}}',
      'gcloud kms keys create license-signing-key --keyring=license-signing-keyring --location={{region}} --purpose=asymmetric-signing --default-algorithm=rsa-sign-pkcs1-4096-sha512 --protection-level=hsm --project={{project}}',
      'tofu import google_kms_crypto_key.license_signing projects/{{project}}/locations/{{region}}/keyRings/license-signing-keyring/cryptoKeys/license-signing-key',
    ],
  },
  benchmarks: [],
  messages: {
    signingKey: '{{address}} is {{ring}}/{{key}}: purpose ASYMMETRIC_SIGN, algorithm {{algorithm}}.',
    wrongPurpose:
      '{{address}} ({{ring}}/{{key}}) has purpose {{purpose}}: it cannot sign licenses (expected ASYMMETRIC_SIGN).',
    wrongAlgorithm: '{{address}} ({{ring}}/{{key}}) uses {{algorithm}}, not the decided {{expected}}.',
    noInitialVersion:
      '{{address}} ({{ring}}/{{key}}) sets skip_initial_version_creation = true: the key has no version to sign with until one is created or imported.',
    unresolved:
      '{{field}} of {{address}} ({{ring}}/{{key}}) comes from `{{expression}}`, which the repository does not settle to one value: cannot confirm {{expected}} (the gcp layer reads the live key).',
    identityUnresolved:
      '{{address}} may be the license-signing key {{expectedRing}}/{{expectedKey}} but its name ({{name}}) or key ring ({{ring}}) comes from an expression the files do not evaluate.',
    missing:
      'No .tf file declares the license-signing key {{expectedRing}}/{{expectedKey}} (google_kms_crypto_key with that literal name in that key ring): it is not managed by OpenTofu, or it does not exist.',
  },
  check(ctx) {
    const files = ctx.facet('files.terraform').files;
    if (files.length === 0) {
      ctx.skip('no .tf file in the repository; the gcp layer checks the live key');
      return;
    }
    const kms = ctx.env.expectations.kms;
    const expected = { keyRing: kms.keyRing, key: kms.key };
    const keys = resourcesOf(files, 'google_kms_crypto_key').filter((k) => !declaresNothing(k.block));
    const identified = keys.map((k) => ({ k, id: keyIdentity(files, k) }));
    const matches = identified.filter(({ id }) => matchKey(id, expected) === 'yes');
    // A key that may be the one (name or ring unknown) counts only if its purpose does not rule it out.
    const maybes = identified.filter(({ k, id }) => {
      if (matchKey(id, expected) !== 'maybe') return false;
      const purpose = read(k.block, 'purpose');
      return purpose.kind === 'expression' || (purpose.kind === 'literal' && purpose.value === kms.purpose);
    });

    for (const { k } of matches) {
      const file = k.file.file;
      const resource = resourceOf(k);
      const address = k.address;
      const base = { address, ring: kms.keyRing, key: kms.key };
      const purpose = read(k.block, 'purpose');
      const algorithm = read(k.block, 'version_template.algorithm');
      const skip = read(k.block, 'skip_initial_version_creation');
      const evidence: Evidence[] = [
        readEvidence(file, `${address}.purpose`, purpose, kms.purpose),
        readEvidence(file, `${address}.version_template.algorithm`, algorithm, kms.algorithm),
      ];
      let failed = false;
      if (purpose.kind === 'expression') {
        failed = true;
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: { ...base, field: 'purpose', expression: purpose.expression, expected: kms.purpose },
          location: readLocation(file, purpose),
          evidence,
          dependsOn: purpose.dependsOn,
          discriminator: 'purpose',
        });
      } else if (purpose.kind === 'absent' || purpose.value !== kms.purpose) {
        failed = true;
        ctx.fail({
          resource,
          messageId: 'wrongPurpose',
          data: {
            ...base,
            purpose: purpose.kind === 'literal' ? String(purpose.value) : 'not set (defaults to ENCRYPT_DECRYPT)',
          },
          location: readLocation(file, purpose),
          evidence,
          discriminator: 'purpose',
        });
      }
      if (algorithm.kind === 'expression') {
        failed = true;
        ctx.unknown({
          resource,
          messageId: 'unresolved',
          data: {
            ...base,
            field: 'version_template.algorithm',
            expression: algorithm.expression,
            expected: kms.algorithm,
          },
          location: readLocation(file, algorithm),
          evidence,
          dependsOn: algorithm.dependsOn,
          discriminator: 'algorithm',
        });
      } else if (algorithm.kind === 'absent' || algorithm.value !== kms.algorithm) {
        failed = true;
        ctx.fail({
          resource,
          messageId: 'wrongAlgorithm',
          data: {
            ...base,
            algorithm:
              algorithm.kind === 'literal'
                ? String(algorithm.value)
                : 'no version_template algorithm (GOOGLE_SYMMETRIC_ENCRYPTION by default)',
            expected: kms.algorithm,
          },
          location: readLocation(file, algorithm),
          evidence,
          discriminator: 'algorithm',
        });
      }
      if (skip.kind === 'literal' && isTrue(skip.value)) {
        failed = true;
        ctx.fail({
          resource,
          messageId: 'noInitialVersion',
          data: base,
          location: readLocation(file, skip),
          evidence: [readEvidence(file, `${address}.skip_initial_version_creation`, skip, 'false')],
          discriminator: 'version',
        });
      }
      if (!failed)
        ctx.pass({ resource, messageId: 'signingKey', data: { ...base, algorithm: kms.algorithm }, evidence });
    }
    if (matches.length > 0) return;

    for (const { k, id } of maybes) {
      ctx.unknown({
        resource: resourceOf(k),
        messageId: 'identityUnresolved',
        data: {
          address: k.address,
          name: describeKnown(id.name),
          ring: describeKnown(id.ring),
          expectedRing: kms.keyRing,
          expectedKey: kms.key,
        },
        location: blockLocation(k.file.file, k.block),
        evidence: [
          { path: `${k.address}.name`, observed: describeKnown(id.name), expected: kms.key },
          { path: `${k.address}.key_ring`, observed: describeKnown(id.ring), expected: kms.keyRing },
        ],
        dependsOn: unknownInputs(id.name, id.ring),
      });
    }
    if (maybes.length > 0) return;

    const anchor = anchorLocation(files, ctx.env.name);
    ctx.fail({
      resource: {
        id: `kms-key:${kms.keyRing}/${kms.key}`,
        kind: 'google_kms_crypto_key',
        name: `${kms.keyRing}/${kms.key}`,
      },
      messageId: 'missing',
      data: { expectedRing: kms.keyRing, expectedKey: kms.key },
      ...(anchor ? { location: anchor } : {}),
      evidence: keys.map((k) => ({
        path: `${k.address}.name`,
        observed: describeKnown(keyIdentity(files, k).name),
        expected: kms.key,
        location: blockLocation(k.file.file, k.block),
      })),
    });
  },
});
