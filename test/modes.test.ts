/**
 * The two modes, said out loud, and certainty in the gate, through the library entry `scan()` (and the
 * `scan` command once, for the flag):
 * - no config: every report starts by naming the ADR-001 names it assumed; findings about those names are
 *   reported but do not gate; an empty directory has nothing failing;
 * - with a config: its expectations drive the ADR-specific rules, and no banner;
 * - a check that cannot be decided is `unknown`: it never gates unless `--strict` / `strict: true`.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPORTERS } from '@coditect-audit/reporters';
import { describe, expect, it } from 'vitest';
import { sarifErrors } from '../packages/reporters/test/validators.js';
import { scan } from '../packages/cli/src/scan.js';
import { runInProcess, tempDir } from './support/cli.js';

/** A repository nobody configured: a Cloud SQL instance whose HA comes from a variable nothing sets. */
function unconfigured(): string {
  const dir = tempDir('coditect-audit-modes-');
  writeFileSync(
    join(dir, 'main.tf'),
    `provider "google" {
  project = "acme-prod-42"
}
variable "availability" {}
resource "google_sql_database_instance" "db" {
  name             = "db"
  database_version = "POSTGRES_16"
  deletion_protection = true
  settings {
    tier              = "db-custom-2-7680"
    availability_type = var.availability
    deletion_protection_enabled = true
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
    }
    backup_configuration {
      enabled                        = true
      point_in_time_recovery_enabled = true
    }
  }
}
`,
  );
  return dir;
}

describe('no config: the ADR-001 names are assumed, and said so', () => {
  it('an empty directory has nothing failing, and every report starts with the assumed names', async () => {
    const result = await scan({ includePasses: true, dir: tempDir('coditect-audit-empty-') });
    expect(result.assumptions?.banner).toMatch(/^No coditect-audit\.yaml: judged against ADR-001's assumed names/);
    expect(result.verdicts.filter((v) => v.status === 'fail' && !v.assumed)).toEqual([]);
    expect(result.gate).toMatchObject({ status: 'passed', exitCode: 0, failing: 0 });
    const console = REPORTERS.console.render(result, { color: false, width: 1000 });
    expect(console.split('\n')[0]).toBe(result.assumptions!.banner);
    expect(console).toContain('✔ nothing failing');
    expect(REPORTERS.markdown.render(result, {}).split('\n')[0]).toContain('No coditect-audit.yaml');
  });

  it('the license-signing key, the named secrets and "no cluster declared" are reported without gating', async () => {
    const result = await scan({ includePasses: true, dir: unconfigured(), failOn: 'P2' });
    const assumed = result.verdicts.filter((v) => v.assumed).map((v) => v.ruleId);
    expect(new Set(assumed)).toEqual(
      new Set([
        'kms.signing-key',
        'kms.signer-binding',
        'secrets.expected-secret-missing',
        'tf-missing-declaration',
        'network.edge-protection',
        'cicd-pipeline-present',
      ]),
    );
    // Nothing else fails in this repository: the assumed findings alone do not fail the gate, even at P2.
    expect(result.verdicts.filter((v) => v.status === 'fail' && !v.assumed).map((v) => v.ruleId)).toEqual([]);
    expect(result.gate.exitCode).toBe(0);
  });
});

describe('could not decide', () => {
  it('is unknown with the input named; never gates unless --strict', async () => {
    const dir = unconfigured();
    const result = await scan({ includePasses: true, dir, failOn: 'P2' });
    const ha = result.verdicts.find((v) => v.ruleId === 'sql.high-availability' && v.source === 'tf')!;
    expect(ha).toMatchObject({
      status: 'unknown',
      dependsOn: ['var.availability'],
      location: { file: 'main.tf', startLine: 11 },
    });
    expect(result.gate).toMatchObject({ exitCode: 0, unknown: 1, strict: false });

    const strict = await scan({ includePasses: true, dir, failOn: 'P2', strict: true });
    expect(strict.gate).toMatchObject({ status: 'failed', exitCode: 1, failing: 1, strict: true });
  });

  it('a config with strict: true makes it gate; a tfvars value decides it instead', async () => {
    const dir = unconfigured();
    writeFileSync(
      join(dir, 'coditect-audit.yaml'),
      'version: 1\nenvironments:\n  staging:\n    failOn: P2\n    strict: true\n    expectations:\n      project: acme-prod-42\n',
    );
    const strict = await scan({ includePasses: true, dir });
    expect(strict.assumptions).toBeUndefined();
    const ha = strict.verdicts.find((v) => v.ruleId === 'sql.high-availability' && v.source === 'tf')!;
    expect(ha.status).toBe('unknown');
    expect(strict.gate.strict).toBe(true);
    expect(strict.gate.failing).toBeGreaterThanOrEqual(1);

    writeFileSync(join(dir, 'terraform.tfvars'), 'availability = "REGIONAL"\n');
    const decided = await scan({ includePasses: true, dir });
    expect(decided.verdicts.find((v) => v.ruleId === 'sql.high-availability' && v.source === 'tf')?.status).toBe(
      'pass',
    );
  });

  it('the command takes --strict', async () => {
    const dir = unconfigured();
    const loose = await runInProcess(['scan', '--dir', dir, '--fail-on', 'P2', '--quiet']);
    expect(loose.code, loose.stderr).toBe(0);
    expect(loose.stdout).toMatch(/Could not decide · 1 \(does not gate; --strict makes it\)/);
    const strict = await runInProcess(['scan', '--dir', dir, '--fail-on', 'P2', '--strict', '--quiet']);
    expect(strict.code, strict.stderr).toBe(1);
    expect(strict.stdout).toContain('gate FAILED (fail-on P2, strict)');
  });
});

describe('with a config: its names drive the rules', () => {
  it('a config that names another project and region gets no coditect-cloud-infra default anywhere', async () => {
    const dir = unconfigured();
    writeFileSync(
      join(dir, 'coditect-audit.yaml'),
      'version: 1\nenvironments:\n  staging:\n    expectations:\n      project: acme-prod-42\n      region: europe-west1\n',
    );
    const result = await scan({ includePasses: true, dir });
    // What tells the user what to do: messages, evidence and the remediation commands (a rationale may
    // quote the ADR).
    const text = JSON.stringify([
      result.verdicts.map((v) => [v.message, v.evidence]),
      result.rules.map((r) => r.remediation),
    ]);
    expect(text).not.toContain('coditect-cloud-infra');
    expect(text).not.toContain('us-central1');
    expect(text).toContain('europe-west1-docker.pkg.dev/acme-prod-42');
  });

  it('an ADR identity the config does not name stays assumed and does not gate, though the config names a project', async () => {
    const dir = unconfigured();
    writeFileSync(
      join(dir, 'coditect-audit.yaml'),
      'version: 1\nenvironments:\n  staging:\n    expectations:\n      project: acme-prod-42\n      region: europe-west1\n',
    );
    const result = await scan({ dir });
    const kms = result.verdicts.filter((v) => v.ruleId.startsWith('kms.') && v.source === 'tf' && v.status === 'fail');
    expect(kms.map((v) => v.ruleId).sort()).toEqual(['kms.signer-binding', 'kms.signing-key']);
    for (const v of kms) {
      expect(v.assumed).toMatch(/^the config does not name expectations\.kms\.keyRing, expectations\.kms\.key/);
      expect(v.assumed).toContain("ADR-001's KMS key");
    }
    expect(
      result.verdicts.find(
        (v) => v.ruleId === 'secrets.expected-secret-missing' && v.source === 'tf' && v.status === 'fail',
      )?.assumed,
    ).toContain('expectations.secretManager.secrets');
    // No banner: a config was given; each finding says what it assumed. The two P0 do not gate.
    expect(result.assumptions).toBeUndefined();
    expect(result.gate.exitCode).toBe(0);
  });

  it('a config that names the key judges it as given: the KMS findings gate', async () => {
    const dir = unconfigured();
    writeFileSync(
      join(dir, 'coditect-audit.yaml'),
      'version: 1\nenvironments:\n  staging:\n    expectations:\n      project: acme-prod-42\n      kms: {keyRing: signing, key: licence, signer: "serviceAccount:api@acme-prod-42.iam.gserviceaccount.com"}\n',
    );
    const result = await scan({ dir });
    const key = result.verdicts.find((v) => v.ruleId === 'kms.signing-key' && v.source === 'tf' && v.status === 'fail');
    expect(key?.assumed).toBeUndefined();
    expect(key?.message).toContain('licence');
    expect(result.gate.exitCode).toBe(1);
  });

  it('no .tf at all: tf-missing-declaration is placed at the environment entry of the config, and SARIF stays valid', async () => {
    const dir = tempDir('coditect-audit-modes-');
    writeFileSync(join(dir, 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers: []\n');
    writeFileSync(
      join(dir, 'coditect-audit.yaml'),
      'version: 1\nenvironments:\n  staging:\n    expectations:\n      project: acme-prod-42\n',
    );
    const result = await scan({ dir });
    const missing = result.verdicts.find((v) => v.ruleId === 'tf-missing-declaration' && v.status === 'fail');
    expect(missing?.messageId).toBe('noIac');
    const sarif = REPORTERS.sarif.render(result, {});
    expect(sarifErrors(sarif)).toEqual([]);
    const run = JSON.parse(sarif).runs[0];
    const placed = run.results.find((r: { ruleId: string }) => r.ruleId === 'tf-missing-declaration');
    expect(placed.locations[0].physicalLocation).toMatchObject({
      artifactLocation: { uri: 'coditect-audit.yaml' },
      region: { startLine: 3 },
    });
    expect(placed.properties.locationSource).toBe('config');
  });
});
