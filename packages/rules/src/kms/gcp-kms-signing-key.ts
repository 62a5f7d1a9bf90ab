import { defineRule } from '@coditect-audit/core';
import { gcpResource, wasRead } from '../util/gcp.js';

/**
 * ADR-001 Issue 6, live: the license-signing key exists, is an asymmetric signing key with the decided
 * algorithm, and has a version that can sign. Rotation is deliberately not checked: asymmetric keys cannot
 * rotate automatically, and flagging them is the false positive other scanners ship.
 */
export default defineRule({
  id: 'gcp-kms-signing-key',
  title: 'The license-signing KMS key is missing, not an RSA 4096 signing key, or has no enabled version',
  concerns: ['kms.signing-key'],
  layer: 'gcp',
  facets: ['gcp.kms'],
  adrIdentity: 'KMS key name (license-signing-keyring/license-signing-key)',
  adrIdentityFields: ['kms.keyRing', 'kms.key'],
  description:
    'Looks for `expectations.kms.key` in key ring `expectations.kms.keyRing`, location `expectations.kms.location` of the expected project (cloudkms `keyRings.list`, `cryptoKeys.list`, `cryptoKeyVersions.list`). Missing fails. Its `purpose` must be `expectations.kms.purpose` (ASYMMETRIC_SIGN), its version template algorithm `expectations.kms.algorithm` (RSA_SIGN_PKCS1_4096_SHA512), and at least one version must be ENABLED (asymmetric keys have no primary). Each mismatch is its own finding. Rotation is never required of an asymmetric key.',
  rationale:
    'ADR-001 Issue 6 (P0, "Core functionality missing"): licenses are signed with this key; without it, or with a key of another purpose or algorithm, the backend cannot sign or clients cannot verify.',
  remediation: {
    text: 'Create the key ring and the asymmetric signing key with the decided algorithm.',
    commands: [
      'gcloud kms keyrings create license-signing-keyring --location={{region}} --project={{project}}',
      'gcloud kms keys create license-signing-key --location={{region}} --keyring=license-signing-keyring --purpose=asymmetric-signing --default-algorithm=rsa-sign-pkcs1-4096-sha512 --project={{project}}',
    ],
  },
  messages: {
    ready: 'KMS key {{ring}}/{{key}} is an {{purpose}} key with {{algorithm}} and an enabled version ({{version}}).',
    missing: 'KMS key {{ring}}/{{key}} does not exist in {{location}} of {{project}}{{ringNote}}.',
    wrongPurpose: 'KMS key {{ring}}/{{key}} has purpose {{purpose}}, not {{expected}}.',
    wrongAlgorithm: 'KMS key {{ring}}/{{key}} uses {{algorithm}}, not {{expected}}.',
    noEnabledVersion: 'KMS key {{ring}}/{{key}} has no ENABLED version ({{versions}}): nothing can be signed with it.',
  },
  check(ctx) {
    const { project, kms } = ctx.env.expectations;
    const data = ctx.facet('gcp.kms');
    const scope = `projects/${project}/locations/${kms.location}`;
    const resource = gcpResource.kmsKey(project, kms.location, kms.keyRing, kms.key);
    const ids = { ring: kms.keyRing, key: kms.key };
    const ring = data.keyRings.find(
      (r) => r.project === project && r.location === kms.location && r.name === kms.keyRing,
    );
    const key = ring?.keys.find((k) => k.name === kms.key);
    if (!key) {
      if (!wasRead(data.read, scope) && !ring) return; // not read: the facet's problem is the verdict
      ctx.fail({
        resource,
        messageId: 'missing',
        data: {
          ...ids,
          location: kms.location,
          project,
          ringNote: ring ? '' : ' (the key ring does not exist either)',
        },
        evidence: [
          {
            path: 'keyRings[].name',
            observed: data.keyRings.map((r) => r.name).join(', ') || null,
            expected: kms.keyRing,
          },
          { path: 'cryptoKeys[].name', observed: ring?.keys.map((k) => k.name).join(', ') || null, expected: kms.key },
        ],
      });
      return;
    }
    const enabled = (key.versions ?? []).filter((v) => v.state === 'ENABLED');
    const primaryEnabled = key.primary?.state === 'ENABLED';
    const evidence = [
      { path: 'purpose', observed: key.purpose ?? null, expected: kms.purpose },
      { path: 'versionTemplate.algorithm', observed: key.algorithm ?? null, expected: kms.algorithm },
      {
        path: 'cryptoKeyVersions[].state',
        observed:
          (key.versions ?? []).map((v) => `${v.name}:${v.state ?? '?'}`).join(', ') || key.primary?.state || null,
        expected: 'at least one ENABLED',
      },
    ];
    let ok = true;
    if (key.purpose !== kms.purpose) {
      ok = false;
      ctx.fail({
        resource,
        messageId: 'wrongPurpose',
        data: { ...ids, purpose: key.purpose ?? 'unknown', expected: kms.purpose },
        evidence,
        discriminator: 'purpose',
      });
    }
    if (key.algorithm !== kms.algorithm) {
      ok = false;
      ctx.fail({
        resource,
        messageId: 'wrongAlgorithm',
        data: { ...ids, algorithm: key.algorithm ?? 'unknown', expected: kms.algorithm },
        evidence,
        discriminator: 'algorithm',
      });
    }
    if (enabled.length === 0 && !primaryEnabled) {
      ok = false;
      ctx.fail({
        resource,
        messageId: 'noEnabledVersion',
        data: { ...ids, versions: (key.versions ?? []).map((v) => `${v.name} ${v.state ?? '?'}`).join(', ') || 'none' },
        evidence,
        discriminator: 'version',
      });
    }
    if (ok)
      ctx.pass({
        resource,
        messageId: 'ready',
        data: {
          ...ids,
          purpose: key.purpose ?? '',
          algorithm: key.algorithm ?? '',
          version: enabled[0]?.name ?? key.primary?.name ?? '',
        },
        evidence,
      });
  },
});
