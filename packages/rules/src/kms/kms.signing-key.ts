import { defineViewRule, type Evidence, type Expectations } from '@coditect-audit/core';
import { type Attribute, describeKnown, evidenceOf, type KmsKeyView, unknownInputs } from '@coditect-audit/core/views';

type Check = 'purpose' | 'algorithm' | 'version';
type Finding =
  | { check: Check; holds: false; attribute: Attribute<unknown> }
  | { check: Check; holds: undefined; attribute: Attribute<unknown> & { certainty: 'unresolved' } };

/**
 * The decision, whatever the source, for a key that is the expected one: its purpose must be
 * `expectations.kms.purpose` (unset is ENCRYPT_DECRYPT), its version template algorithm
 * `expectations.kms.algorithm`, and it must have a version that can sign. Each mismatch is its own finding.
 * Rotation is never asked for: Cloud KMS does not rotate asymmetric keys.
 */
function decide(v: KmsKeyView, kms: Expectations['kms']): Finding[] {
  const out: Finding[] = [];
  const against = (check: Check, a: Attribute<unknown>, expected: string) => {
    if (a.certainty === 'unresolved') out.push({ check, holds: undefined, attribute: a });
    else if (a.certainty === 'absent' || a.value !== expected) out.push({ check, holds: false, attribute: a });
  };
  against('purpose', v.purpose, kms.purpose);
  against('algorithm', v.algorithm, kms.algorithm);
  if (v.hasEnabledVersion.certainty === 'decided' && v.hasEnabledVersion.value === false)
    out.push({ check: 'version', holds: false, attribute: v.hasEnabledVersion });
  return out;
}

/**
 * ADR-001 Issue 6 (Cloud KMS for license signing, ADR-002 pending): licenses are signed with an asymmetric
 * Cloud KMS key. As declared (OpenTofu) and as it exists (Cloud KMS). Asymmetric keys cannot rotate
 * automatically, so `rotation_period` is never asked for, the false positive other scanners ship.
 */
export default defineViewRule({
  id: 'kms.signing-key',
  title: 'The license-signing KMS key is missing, not an RSA 4096 signing key, or has no enabled version',
  concerns: ['kms.signing-key'],
  view: 'kms-key',
  adrIdentity: 'KMS key name (license-signing-keyring/license-signing-key)',
  adrIdentityFields: ['kms.keyRing', 'kms.key'],
  sources: {
    tf: { alias: 'tf-kms-signing-key' },
    gcp: {
      alias: 'gcp-kms-signing-key',
      messages: {
        missing: 'KMS key {{ring}}/{{key}} does not exist in {{location}} of {{project}}{{ringNote}}.',
        wrongPurpose: 'KMS key {{ring}}/{{key}} has purpose {{purpose}}, not {{expected}}.',
        wrongAlgorithm: 'KMS key {{ring}}/{{key}} uses {{algorithm}}, not {{expected}}.',
      },
    },
  },
  description:
    'The license-signing key (`expectations.kms.key`, default `license-signing-key`, in key ring `expectations.kms.keyRing`) must be an asymmetric signing key (`expectations.kms.purpose`, ASYMMETRIC_SIGN) with the decided algorithm (`expectations.kms.algorithm`, RSA_SIGN_PKCS1_4096_SHA512) and a version that can sign. Each mismatch is its own finding. **OpenTofu**: a `google_kms_crypto_key` whose literal `name` is the expected key in the expected key ring (resolved through `key_ring = google_kms_key_ring.<x>.id` to that ring\'s `name`) must have `purpose = "ASYMMETRIC_SIGN"` and `version_template { algorithm = ... }`, and must not skip its initial version. A wrong purpose or algorithm fails at the attribute. A key whose name or ring the repository does not settle is undecided (`unknown`, naming those inputs). When no `.tf` file declares the key, the finding is placed on the first file with a `provider "google"` block (else the environment\'s `main.tf`); with no `.tf` file at all the source is skipped. **Google Cloud** (cloudkms `keyRings.list`, `cryptoKeys.list`, `cryptoKeyVersions.list`, location `expectations.kms.location` of the expected project): missing fails; at least one version must be ENABLED (asymmetric keys have no primary). Rotation is never required of an asymmetric key.',
  rationale:
    'ADR-001 Issue 6 (Cloud KMS for License Signing, P0, "Core functionality missing") and the pending ADR-002: the license server signs licenses with a Cloud KMS key so the private key never leaves Google. Without it, or with a key of another purpose or algorithm, the backend cannot sign or clients cannot verify; a key created by hand is invisible to OpenTofu (Lesson 3).',
  remediation: {
    text: 'Declare the key ring and the asymmetric signing key in OpenTofu (import them if they exist already), with the decided algorithm; or create them.',
    commands: [
      'resource "google_kms_key_ring" "license" {\n  name     = "license-signing-keyring"\n  location = "{{region}}"\n}\n\nresource "google_kms_crypto_key" "license_signing" {\n  name     = "license-signing-key"\n  key_ring = google_kms_key_ring.license.id\n  purpose  = "ASYMMETRIC_SIGN"\n  version_template {\n    algorithm        = "RSA_SIGN_PKCS1_4096_SHA512"\n    protection_level = "HSM"\n  }\n}',
      'gcloud kms keyrings create license-signing-keyring --location={{region}} --project={{project}}',
      'gcloud kms keys create license-signing-key --keyring=license-signing-keyring --location={{region}} --purpose=asymmetric-signing --default-algorithm=rsa-sign-pkcs1-4096-sha512 --protection-level=hsm --project={{project}}',
      'tofu import google_kms_crypto_key.license_signing projects/{{project}}/locations/{{region}}/keyRings/license-signing-keyring/cryptoKeys/license-signing-key',
    ],
  },
  benchmarks: [],
  messages: {
    // tf (gcp words missing, wrongPurpose and wrongAlgorithm its own way: see sources.gcp.messages)
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
    // gcp
    ready: 'KMS key {{ring}}/{{key}} is an {{purpose}} key with {{algorithm}} and an enabled version ({{version}}).',
    noEnabledVersion: 'KMS key {{ring}}/{{key}} has no ENABLED version ({{versions}}): nothing can be signed with it.',
  },
  check(ctx) {
    const { project, kms } = ctx.env.expectations;
    const ids = { ring: kms.keyRing, key: kms.key };
    for (const v of ctx.views) {
      const resource = v.resource;
      if (v.identity === 'unread') continue; // the facet's error verdict is the verdict
      if (v.identity === 'missing') {
        if (v.source === 'gcp')
          ctx.fail({
            resource,
            messageId: 'missing',
            data: {
              ...ids,
              location: kms.location,
              project,
              ringNote: v.ringExists ? '' : ' (the key ring does not exist either)',
            },
            evidence: v.seen,
          });
        else {
          const anchor = v.anchor?.(ctx.env.name);
          ctx.fail({
            resource,
            messageId: 'missing',
            data: { expectedRing: kms.keyRing, expectedKey: kms.key },
            ...(anchor ? { location: anchor } : {}),
            evidence: v.seen,
          });
        }
        continue;
      }
      if (v.identity === 'maybe' && v.declared) {
        const { name, ring } = v.declared;
        ctx.unknown({
          resource,
          messageId: 'identityUnresolved',
          data: {
            address: v.label,
            name: describeKnown(name),
            ring: describeKnown(ring),
            expectedRing: kms.keyRing,
            expectedKey: kms.key,
          },
          ...(v.location ? { location: v.location } : {}),
          evidence: [
            { path: `${v.label}.name`, observed: describeKnown(name), expected: kms.key },
            { path: `${v.label}.key_ring`, observed: describeKnown(ring), expected: kms.keyRing },
          ],
          dependsOn: unknownInputs(name, ring),
        });
        continue;
      }
      const findings = decide(v, kms);
      if (v.source === 'gcp') {
        // Evidence and message data as the per-layer rule wrote them (reports and baselines compare them).
        const versions = v.versions ?? [];
        const evidence: Evidence[] = [
          evidenceOf(v.purpose, kms.purpose),
          evidenceOf(v.algorithm, kms.algorithm),
          {
            path: v.hasEnabledVersion.origin.path,
            observed: versions.map((x) => `${x.name}:${x.state ?? '?'}`).join(', ') || v.gcp?.primary?.state || null,
            expected: 'at least one ENABLED',
          },
        ];
        const value = (a: Attribute<unknown>) => (a.certainty === 'decided' ? String(a.value) : 'unknown');
        for (const f of findings) {
          if (f.check === 'purpose')
            ctx.fail({
              resource,
              messageId: 'wrongPurpose',
              data: { ...ids, purpose: value(v.purpose), expected: kms.purpose },
              evidence,
              discriminator: 'purpose',
            });
          else if (f.check === 'algorithm')
            ctx.fail({
              resource,
              messageId: 'wrongAlgorithm',
              data: { ...ids, algorithm: value(v.algorithm), expected: kms.algorithm },
              evidence,
              discriminator: 'algorithm',
            });
          else
            ctx.fail({
              resource,
              messageId: 'noEnabledVersion',
              data: { ...ids, versions: versions.map((x) => `${x.name} ${x.state ?? '?'}`).join(', ') || 'none' },
              evidence,
              discriminator: 'version',
            });
        }
        if (findings.length === 0)
          ctx.pass({
            resource,
            messageId: 'ready',
            data: {
              ...ids,
              purpose: v.purpose.certainty === 'decided' ? String(v.purpose.value) : '',
              algorithm: v.algorithm.certainty === 'decided' ? String(v.algorithm.value) : '',
              version: v.enabledVersion ?? '',
            },
            evidence,
          });
        continue;
      }
      const base = { address: v.label, ...ids };
      const evidence: Evidence[] = [evidenceOf(v.purpose, kms.purpose), evidenceOf(v.algorithm, kms.algorithm)];
      const at = (a: Attribute<unknown>) => (a.origin.location ? { location: a.origin.location } : {});
      for (const f of findings) {
        if (f.holds === undefined) {
          const field = f.check === 'purpose' ? 'purpose' : 'version_template.algorithm';
          ctx.unknown({
            resource,
            messageId: 'unresolved',
            data: {
              ...base,
              field,
              expression: f.attribute.expression,
              expected: f.check === 'purpose' ? kms.purpose : kms.algorithm,
            },
            ...at(f.attribute),
            evidence,
            dependsOn: f.attribute.dependsOn,
            discriminator: f.check,
          });
        } else if (f.check === 'purpose')
          ctx.fail({
            resource,
            messageId: 'wrongPurpose',
            data: {
              ...base,
              purpose:
                v.purpose.certainty === 'decided' ? String(v.purpose.value) : 'not set (defaults to ENCRYPT_DECRYPT)',
            },
            ...at(f.attribute),
            evidence,
            discriminator: 'purpose',
          });
        else if (f.check === 'algorithm')
          ctx.fail({
            resource,
            messageId: 'wrongAlgorithm',
            data: {
              ...base,
              algorithm:
                v.algorithm.certainty === 'decided'
                  ? String(v.algorithm.value)
                  : 'no version_template algorithm (GOOGLE_SYMMETRIC_ENCRYPTION by default)',
              expected: kms.algorithm,
            },
            ...at(f.attribute),
            evidence,
            discriminator: 'algorithm',
          });
        else
          ctx.fail({
            resource,
            messageId: 'noInitialVersion',
            data: base,
            ...at(f.attribute),
            evidence: [evidenceOf(v.skipInitialVersion ?? f.attribute, 'false')],
            discriminator: 'version',
          });
      }
      if (findings.length === 0)
        ctx.pass({ resource, messageId: 'signingKey', data: { ...base, algorithm: kms.algorithm }, evidence });
    }
  },
});
