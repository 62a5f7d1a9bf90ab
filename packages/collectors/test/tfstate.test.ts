import { describe, expect, it } from 'vitest';
import { FileParseError } from '../src/files/errors.js';
import { IDENTITY_ATTRIBUTES, parseTfState } from '../src/files/tfstate.js';

const CANARY = 'CANARY-7f3a9c';
let planted = 0;
/** A fresh canary string; every one contains CANARY, so one search finds them all. */
const canary = () => `${CANARY}-${++planted}`;

/**
 * Instance attributes: the identity values given, plus a canary in every other attribute a provider
 * writes for that resource, nested ones included.
 */
function attributes(identity: Record<string, string | number | boolean>, secretNames: string[]) {
  const out: Record<string, unknown> = { ...identity };
  for (const name of secretNames) out[name] = canary();
  out.labels = { owner: canary() };
  out.nested_block = [{ value: canary(), deeper: [{ password: canary() }] }];
  out.count_like = 3;
  return out;
}

function sensitive(...names: string[]) {
  return names.map((value) => [{ type: 'get_attr', value }]);
}

const PROVIDER = 'provider["registry.opentofu.org/hashicorp/google"]';

function realisticState() {
  return {
    version: 4,
    terraform_version: '1.8.5',
    serial: 42,
    lineage: canary(),
    outputs: {
      db_password: { value: canary(), type: 'string', sensitive: true },
      redis_auth: { value: { auth: canary() }, type: ['object', { auth: 'string' }] },
    },
    resources: [
      {
        module: 'module.cloudsql',
        mode: 'managed',
        type: 'google_sql_database_instance',
        name: 'main',
        provider: `module.cloudsql.${PROVIDER}`,
        instances: [
          {
            schema_version: 0,
            attributes: attributes(
              {
                id: 'staging-pg',
                name: 'staging-pg',
                project: 'coditect-staging',
                region: 'us-central1',
                database_version: 'POSTGRES_15',
                connection_name: 'coditect-staging:us-central1:staging-pg',
                self_link: 'https://sqladmin.googleapis.com/sql/v1beta4/projects/coditect-staging/instances/staging-pg',
              },
              ['root_password', 'server_ca_cert', 'private_ip_address', 'replica_configuration', 'settings'],
            ),
            sensitive_attributes: [...sensitive('root_password'), [{ type: 'get_attr', value: canary() }]],
            private: canary(),
            dependencies: [canary()],
          },
        ],
      },
      {
        mode: 'managed',
        type: 'google_redis_instance',
        name: 'cache',
        provider: PROVIDER,
        instances: [
          {
            schema_version: 0,
            attributes: attributes(
              {
                id: 'projects/coditect-staging/locations/us-central1/instances/staging-cache',
                name: 'staging-cache',
                project: 'coditect-staging',
                region: 'us-central1',
                location_id: 'us-central1-a',
                tier: 'STANDARD_HA',
                redis_version: 'REDIS_7_0',
              },
              ['auth_string', 'server_ca_certs', 'host', 'auth_enabled'],
            ),
            sensitive_attributes: sensitive('auth_string'),
          },
        ],
      },
      {
        mode: 'managed',
        type: 'google_kms_crypto_key',
        name: 'sql',
        provider: PROVIDER,
        instances: [
          {
            index_key: 0,
            attributes: attributes(
              {
                id: 'projects/coditect-staging/locations/us-central1/keyRings/staging/cryptoKeys/sql',
                name: 'sql',
                key_ring: 'projects/coditect-staging/locations/us-central1/keyRings/staging',
                purpose: 'ENCRYPT_DECRYPT',
              },
              ['rotation_period', 'version_template'],
            ),
            sensitive_attributes: [],
          },
        ],
      },
      {
        mode: 'managed',
        type: 'google_secret_manager_secret_version',
        name: 'db',
        provider: PROVIDER,
        instances: [
          {
            index_key: 'db-password',
            attributes: attributes(
              {
                id: 'projects/123/secrets/db-password/versions/1',
                name: 'projects/123/secrets/db-password/versions/1',
              },
              ['secret_data', 'secret', 'enabled'],
            ),
            // The newer layout: a list of steps rather than a list of paths.
            sensitive_attributes: [{ type: 'get_attr', value: 'secret_data' }],
          },
        ],
      },
      {
        module: 'module.gke',
        mode: 'data',
        type: 'google_client_config',
        name: 'default',
        provider: PROVIDER,
        instances: [
          {
            attributes: attributes({ id: 'projects/coditect-staging/regions/us-central1/zones/' }, ['access_token']),
            sensitive_attributes: sensitive('access_token'),
          },
        ],
      },
      {
        mode: 'managed',
        type: 'random_string',
        name: 'db_password',
        provider: 'provider["registry.opentofu.org/hashicorp/random"]',
        // For random_string the id IS the generated string.
        instances: [{ attributes: { id: canary(), result: canary(), length: 24 }, sensitive_attributes: [] }],
      },
    ],
    check_results: [{ object_kind: 'resource', config_addr: canary(), status: 'pass' }],
  };
}

describe('parseTfState', () => {
  it('keeps addresses and identity attributes of every resource', () => {
    const state = parseTfState('envs/staging/terraform.tfstate', JSON.stringify(realisticState(), null, 2));
    expect(state).toEqual({
      file: 'envs/staging/terraform.tfstate',
      version: 4,
      terraformVersion: '1.8.5',
      resources: [
        {
          mode: 'managed',
          type: 'google_sql_database_instance',
          name: 'main',
          module: 'module.cloudsql',
          address: 'module.cloudsql.google_sql_database_instance.main',
          instances: [
            {
              identity: {
                id: 'staging-pg',
                name: 'staging-pg',
                project: 'coditect-staging',
                region: 'us-central1',
                database_version: 'POSTGRES_15',
                connection_name: 'coditect-staging:us-central1:staging-pg',
                self_link: 'https://sqladmin.googleapis.com/sql/v1beta4/projects/coditect-staging/instances/staging-pg',
              },
            },
          ],
        },
        {
          mode: 'managed',
          type: 'google_redis_instance',
          name: 'cache',
          address: 'google_redis_instance.cache',
          instances: [
            {
              identity: {
                id: 'projects/coditect-staging/locations/us-central1/instances/staging-cache',
                name: 'staging-cache',
                project: 'coditect-staging',
                region: 'us-central1',
                location_id: 'us-central1-a',
                tier: 'STANDARD_HA',
                redis_version: 'REDIS_7_0',
              },
            },
          ],
        },
        {
          mode: 'managed',
          type: 'google_kms_crypto_key',
          name: 'sql',
          address: 'google_kms_crypto_key.sql',
          instances: [
            {
              indexKey: 0,
              identity: {
                id: 'projects/coditect-staging/locations/us-central1/keyRings/staging/cryptoKeys/sql',
                name: 'sql',
                key_ring: 'projects/coditect-staging/locations/us-central1/keyRings/staging',
                purpose: 'ENCRYPT_DECRYPT',
              },
            },
          ],
        },
        {
          mode: 'managed',
          type: 'google_secret_manager_secret_version',
          name: 'db',
          address: 'google_secret_manager_secret_version.db',
          instances: [
            {
              indexKey: 'db-password',
              identity: {
                id: 'projects/123/secrets/db-password/versions/1',
                name: 'projects/123/secrets/db-password/versions/1',
              },
            },
          ],
        },
        {
          mode: 'data',
          type: 'google_client_config',
          name: 'default',
          module: 'module.gke',
          address: 'module.gke.data.google_client_config.default',
          instances: [{ identity: { id: 'projects/coditect-staging/regions/us-central1/zones/' } }],
        },
        {
          mode: 'managed',
          type: 'random_string',
          name: 'db_password',
          address: 'random_string.db_password',
          instances: [{ identity: {} }],
        },
      ],
    });
  });

  it('never copies a canary planted in any other attribute, sensitive path, output or metadata', () => {
    const text = JSON.stringify(realisticState());
    expect(text).toContain(CANARY);
    expect(JSON.stringify(parseTfState('terraform.tfstate', text))).not.toContain(CANARY);
  });

  it('drops identity attributes that are marked sensitive or equal a sensitive value', () => {
    const secret = canary();
    const state = {
      version: 4,
      resources: [
        {
          mode: 'managed',
          type: 'google_sql_user',
          name: 'app',
          instances: [
            {
              // Hostile but possible: a provider marks `name` sensitive; `id` echoes the password.
              attributes: { name: canary(), id: secret, password: secret, instance: 'staging-pg' },
              sensitive_attributes: sensitive('name', 'password'),
            },
          ],
        },
      ],
    };
    const parsed = parseTfState('s.tfstate', JSON.stringify(state));
    expect(parsed.resources[0]?.instances).toEqual([{ identity: { instance: 'staging-pg' } }]);
    expect(JSON.stringify(parsed)).not.toContain(CANARY);
  });

  it('copies every listed identity attribute, as strings, and nothing non-scalar', () => {
    const values = Object.fromEntries(IDENTITY_ATTRIBUTES.map((name) => [name, `value-of-${name}`]));
    const state = {
      version: 4,
      resources: [
        {
          mode: 'managed',
          type: 'google_thing',
          name: 'x',
          instances: [
            {
              attributes: {
                ...values,
                id: 17,
                tier: true,
                project: { nested: canary() },
                zone: [canary()],
                region: '',
              },
            },
          ],
        },
      ],
    };
    const identity = parseTfState('s.tfstate', JSON.stringify(state)).resources[0]?.instances[0]?.identity;
    const expected: Record<string, string> = { ...values, id: '17', tier: 'true' };
    delete expected.project;
    delete expected.zone;
    delete expected.region;
    expect(identity).toEqual(expected);
  });

  it('reads an empty state, nested module addresses and a byte-order mark', () => {
    expect(parseTfState('a.tfstate', '\ufeff{"version": 4, "resources": []}')).toEqual({
      file: 'a.tfstate',
      version: 4,
      resources: [],
    });
    const nested = {
      version: 4,
      resources: [{ module: 'module.a.module.b', mode: 'managed', type: 't', name: 'n', instances: [] }],
    };
    expect(parseTfState('b.tfstate', JSON.stringify(nested)).resources[0]?.address).toBe('module.a.module.b.t.n');
  });
});

describe('parseTfState errors', () => {
  const errorOf = (text: string): FileParseError => {
    try {
      parseTfState('terraform.tfstate', text);
    } catch (error) {
      if (error instanceof FileParseError) return error;
      throw error;
    }
    throw new Error('expected a FileParseError');
  };

  it.each([
    [
      'trailing comma',
      '{\n  "version": 4,\n  "resources": [\n    {"mode": "managed",}\n  ]\n}',
      'invalid JSON: expected a double-quoted member name',
      4,
      24,
    ],
    ['empty file', '', 'invalid JSON: unexpected end of file', 1, 1],
    [
      'missing comma in a list',
      '{"version": 4,\n "resources": [1 2]}',
      'invalid JSON: expected "," or "]" after a list element',
      2,
      18,
    ],
    [
      'missing comma in an object',
      '{"version": 4\n "resources": []}',
      'invalid JSON: expected "," or "}" after an object member',
      2,
      2,
    ],
    ['missing colon', '{"version" 4}', 'invalid JSON: expected ":" after a member name', 1, 12],
    [
      'unterminated string',
      '{"version": 4, "terraform_version": "1.8',
      'invalid JSON: malformed string (unterminated, a raw control character or a bad escape)',
      1,
      37,
    ],
    [
      'bad escape',
      '{"a": "\\x"}',
      'invalid JSON: malformed string (unterminated, a raw control character or a bad escape)',
      1,
      7,
    ],
    ['truncated', '{"version": 4, "resources": [', 'invalid JSON: unexpected end of file', 1, 30],
    [
      'text after the value',
      '{"version": 4, "resources": []}\nxyz',
      'invalid JSON: unexpected text after the end of the JSON value',
      2,
      1,
    ],
    [
      'not a value',
      '{"version": tru}',
      'invalid JSON: expected a JSON value (object, list, string, number, true, false or null)',
      1,
      13,
    ],
  ])('%s', (_name, text, message, line, column) => {
    const error = errorOf(text);
    expect(error.message).toBe(message);
    expect([error.line, error.column]).toEqual([line, column]);
  });

  it('names the supported version when the format is older, at the version value', () => {
    const error = errorOf('{\n  "version": 3,\n  "terraform_version": "0.11.14",\n  "modules": []\n}');
    expect(error.message).toMatch(/^unsupported state format: version 3; only format version 4 /);
    expect([error.line, error.column]).toEqual([2, 14]);
  });

  it.each([
    ['no version', '{"resources": []}', /^unsupported state format: no numeric "version"/, 1, 1],
    [
      'version as a string',
      '{"version": "4", "resources": []}',
      /^unsupported state format: no numeric "version"/,
      1,
      13,
    ],
    ['not an object', '[4]', /^a state file is a JSON object/, 1, 1],
    ['resources not a list', '{"version": 4,\n  "resources": {}}', /^"resources" must be a list of resources$/, 2, 16],
    ['resources missing', '{"version": 4}', /^"resources" must be a list of resources$/, 1, 1],
    [
      'resource without type',
      '{"version": 4, "resources": [\n  {"mode": "managed", "name": "x", "instances": []}]}',
      /^resources\[0\]: "type" must be a non-empty string$/,
      2,
      3,
    ],
    [
      'resource with a bad name',
      '{"version": 4, "resources": [{"mode": "managed", "type": "t", "name": 7, "instances": []}]}',
      /^resources\[0\]: "name" must be a non-empty string$/,
      1,
      71,
    ],
    [
      'instances not a list',
      '{"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n"}]}',
      /^resources\[0\]: "instances" must be a list$/,
      1,
      30,
    ],
    [
      'instance not an object',
      '{"version": 4, "resources": [{"mode": "managed", "type": "t", "name": "n", "instances": [\n 1]}]}',
      /^resources\[0\]\.instances\[0\] must be an object$/,
      2,
      2,
    ],
  ])('%s', (_name, text, message, line, column) => {
    const error = errorOf(text);
    expect(error.message).toMatch(message);
    expect([error.line, error.column]).toEqual([line, column]);
  });

  it('never quotes the state text in a JSON error', () => {
    const error = errorOf(`{"version": 4, "resources": [{"attributes": {"password": "${CANARY}"}},]}`);
    expect(error.message).not.toContain(CANARY);
  });
});
