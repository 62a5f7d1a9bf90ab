import { describe, expect, it } from 'vitest';
import { ConfigError, environmentLine, parseConfig, resolveExpectations, selectEnvironment } from '../src/index.js';

const good = `version: 1
adr: docs/adr/ADR-001.txt
environments:
  staging:
    tier: staging
    failOn: P0
    expectations:
      kms:
        key: license-signing-key
  production:
    tier: production
suppressions:
  - rule: dockerfile-runs-as-root
    resource: "tools/**"
    reason: build tooling image, never deployed
    expires: 2027-01-31
`;

function configError(text: string): ConfigError {
  try {
    parseConfig(text, 'coditect-audit.yaml');
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('parses a valid file', () => {
    const c = parseConfig(good);
    expect(Object.keys(c.environments)).toEqual(['staging', 'production']);
    expect(c.suppressions?.[0]?.expires).toBe('2027-01-31');
  });

  it('names file, line, path and the fix for a bad value', () => {
    const e = configError(good.replace('failOn: P0', 'failOn: P5'));
    expect(e.message).toContain('coditect-audit.yaml:6');
    expect(e.message).toContain('environments.staging.failOn');
    expect(e.path).toBe('environments.staging.failOn');
  });

  it('names an unknown key and suggests checking its spelling', () => {
    const e = configError(good.replace('    tier: production', '    teir: production'));
    expect(e.message).toContain(':11');
    expect(e.message).toContain('unknown key "teir"');
    expect(e.message).toContain('spelling');
  });

  it('requires a reason on suppressions', () => {
    const e = configError(good.replace('    reason: build tooling image, never deployed\n', ''));
    expect(e.message).toContain('suppressions[0]');
    expect(e.message).toContain('"reason"');
  });

  it('rejects a bad expiry date', () => {
    expect(configError(good.replace('2027-01-31', '31/01/2027')).message).toContain('suppressions[0].expires');
  });

  it('reports YAML syntax errors with their line', () => {
    expect(configError('version: 1\nenvironments:\n  staging: [\n').message).toMatch(
      /coditect-audit\.yaml:\d+:\d+: not valid YAML/,
    );
  });

  it('refuses a literal credential and says what to use instead', () => {
    const e = configError(
      good.replace('        key: license-signing-key', '        key: license-signing-key\n      password: hunter2'),
    );
    expect(e.message).toContain('literal credential');
    expect(e.message).toContain('environment variable');
    expect(e.message).not.toContain('hunter2');
  });

  it('selects the only environment, or the one named, or explains', () => {
    const c = parseConfig(good);
    expect(selectEnvironment(c, 'production')[0]).toBe('production');
    expect(() => selectEnvironment(c, undefined)).toThrow('--env');
    expect(() => selectEnvironment(c, 'prod')).toThrow('staging, production');
  });

  it('finds the line of an environment entry', () => {
    expect(environmentLine(good, 'staging')).toBe(4);
    expect(environmentLine(good, 'production')).toBe(10);
  });

  it('fills ADR-001 defaults where the config is silent', () => {
    const e = resolveExpectations({ kms: { key: 'k2' } });
    expect(e.kms.key).toBe('k2');
    expect(e.kms.algorithm).toBe('RSA_SIGN_PKCS1_4096_SHA512');
    expect(e.platforms).toEqual(['linux/amd64']);
  });

  it('derives every project- and region-bearing default from the project and region the config names', () => {
    const e = resolveExpectations({ project: 'acme-prod', region: 'europe-west1' });
    expect(e.app.image).toBe('europe-west1-docker.pkg.dev/acme-prod/coditect-backend/coditect-cloud-backend');
    expect(e.registry).toEqual({
      location: 'europe-west1',
      repository: 'coditect-backend',
      host: 'europe-west1-docker.pkg.dev',
    });
    expect(e.kms.location).toBe('europe-west1');
    expect(e.kms.signer).toBe('serviceAccount:coditect-cloud-backend@acme-prod.iam.gserviceaccount.com');
    expect(JSON.stringify(e)).not.toContain('coditect-cloud-infra');
    expect(JSON.stringify(e)).not.toContain('us-central1');
  });

  it('derives the signer from the app service account and the image from the registry the config names', () => {
    const e = resolveExpectations({
      project: 'acme',
      app: { serviceAccount: 'api' },
      registry: { location: 'us', repository: 'images' },
    });
    expect(e.kms.signer).toBe('serviceAccount:api@acme.iam.gserviceaccount.com');
    expect(e.registry.host).toBe('us-docker.pkg.dev');
    expect(e.app.image).toBe('us-docker.pkg.dev/acme/images/coditect-cloud-backend');
    // What the config names itself always wins.
    expect(resolveExpectations({ project: 'acme', kms: { signer: 'group:signers@acme.dev' } }).kms.signer).toBe(
      'group:signers@acme.dev',
    );
  });

  it('accepts strict: true per environment and rejects a non-boolean', () => {
    expect(parseConfig('version: 1\nenvironments:\n  staging:\n    strict: true\n').environments.staging?.strict).toBe(
      true,
    );
    expect(() => parseConfig('version: 1\nenvironments:\n  staging:\n    strict: yes please\n')).toThrow(ConfigError);
  });
});
