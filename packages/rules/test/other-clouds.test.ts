/**
 * OpenTofu that manages another cloud only (AWS here) is not where ADR-001's Google Cloud services would be
 * declared: the rules that look for them there say so instead of calling them missing.
 */
import { describe, expect, it } from 'vitest';
import tfMissingDeclaration from '../src/iac/tf-missing-declaration.js';
import kmsSignerBinding from '../src/kms/kms.signer-binding.js';
import kmsSigningKey from '../src/kms/kms.signing-key.js';
import secretsExpected from '../src/secrets/secrets.expected-secret-missing.js';
import { runCase } from './harness.js';

const aws = {
  'deploy/terraform/main.tf': `provider "aws" {
  region = "eu-west-1"
}

resource "aws_instance" "app" {
  ami           = "ami-0abcdef1234567890"
  instance_type = "t3.small"
}
`,
};

const google = {
  'deploy/terraform/main.tf': `provider "google" {
  project = "acme-prod"
}

resource "google_compute_network" "vpc" {
  name = "vpc"
}
`,
};

describe('OpenTofu for another cloud', () => {
  it.each([
    ['tf-missing-declaration', tfMissingDeclaration],
    ['kms.signing-key', kmsSigningKey],
    ['kms.signer-binding', kmsSignerBinding],
    ['secrets.expected-secret-missing', secretsExpected],
  ] as const)('%s does not call the Google Cloud services missing from AWS-only .tf files', (_id, rule) => {
    const verdicts = runCase(rule, { name: 'aws only', files: aws });
    expect(verdicts.filter((v) => v.status === 'fail' || v.status === 'unknown')).toEqual([]);
    expect(verdicts.map((v) => v.message).join('\n')).toContain('manages no Google Cloud resource');
  });

  it.each([
    ['tf-missing-declaration', tfMissingDeclaration],
    ['kms.signing-key', kmsSigningKey],
  ] as const)('%s still judges .tf files that manage Google Cloud', (_id, rule) => {
    const verdicts = runCase(rule, { name: 'google', files: google });
    expect(verdicts.some((v) => v.status === 'fail' || v.status === 'unknown')).toBe(true);
  });
});
