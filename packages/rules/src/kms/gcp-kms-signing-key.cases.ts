import type { GcpKmsKey } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { PROJECT } from '../util/gcp-cases.js';

const kms = (...keys: GcpKmsKey[]) => ({
  read: [`projects/${PROJECT}/locations/us-central1`],
  keyRings: keys.length ? [{ project: PROJECT, location: 'us-central1', name: 'license-signing-keyring', keys }] : [],
});
const signing = (o: Partial<GcpKmsKey> = {}): GcpKmsKey => ({
  name: 'license-signing-key',
  purpose: 'ASYMMETRIC_SIGN',
  algorithm: 'RSA_SIGN_PKCS1_4096_SHA512',
  protectionLevel: 'SOFTWARE',
  labels: {},
  versions: [{ name: '1', state: 'ENABLED', algorithm: 'RSA_SIGN_PKCS1_4096_SHA512' }],
  ...o,
});

export default {
  pass: [
    {
      name: 'RSA 4096 SHA-512 signing key with an enabled version (no rotation needed)',
      facets: { 'gcp.kms': kms(signing()) },
    },
  ],
  fail: [
    {
      name: 'no key ring at all (the ADR staging project)',
      facets: { 'gcp.kms': kms() },
      expect: [{ messageId: 'missing' }],
    },
    {
      name: 'an encryption key under the expected name, with the wrong algorithm',
      facets: {
        'gcp.kms': kms(
          signing({
            purpose: 'ENCRYPT_DECRYPT',
            algorithm: 'GOOGLE_SYMMETRIC_ENCRYPTION',
            versions: undefined,
            primary: { name: '1', state: 'ENABLED' },
          }),
        ),
      },
      expect: [{ messageId: 'wrongPurpose' }, { messageId: 'wrongAlgorithm' }],
    },
    {
      name: 'the only version is destroyed',
      facets: { 'gcp.kms': kms(signing({ versions: [{ name: '1', state: 'DESTROYED' }] })) },
      expect: [{ messageId: 'noEnabledVersion' }],
    },
  ],
} satisfies RuleCases;
