/**
 * `coditect-audit.yaml`: environments, layers, expectations (what ADR-001 decided), suppressions, plugins.
 * Validated by a JSON Schema; every error names the file:line, the config path and the fix.
 */
import { type Static, Type } from '@sinclair/typebox';
import { lazySchema } from './lazy-schema.js';
import { ConfigError, FAIL_ON, type FailOn } from './basics.js';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { GcpLayerConfigSchema } from './layers/gcp.js';
import { K8sLayerConfigSchema } from './layers/k8s.js';
import { ProbeLayerConfigSchema } from './layers/probe.js';
import { PrioritySchema } from './priority.js';
import { compile, describeAjvError, pointerToPath } from './validate.js';
import { firstDuplicateKey, MAX_YAML_ENTRIES, overYamlBudget } from './yaml-budget.js';

const Str = (description?: string) => Type.String({ minLength: 1, ...(description ? { description } : {}) });

export const ExpectationsSchema = lazySchema(() =>
  Type.Object(
    {
      project: Type.Optional(Str('Google Cloud project id')),
      region: Type.Optional(Str()),
      platforms: Type.Optional(
        Type.Array(Type.String({ pattern: '^[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?$' }), {
          minItems: 1,
          description: 'platforms images must support, e.g. linux/amd64',
        }),
      ),
      app: Type.Optional(
        Type.Object(
          {
            namespace: Type.Optional(Str()),
            deployment: Type.Optional(Str()),
            container: Type.Optional(Str()),
            serviceAccount: Type.Optional(Str()),
            secrets: Type.Optional(Type.Array(Str(), { description: 'Secrets holding the app credentials' })),
            image: Type.Optional(Str('image repository the app runs, without tag')),
            minReplicas: Type.Optional(Type.Integer({ minimum: 1 })),
            /** Keys in the app's Secret/env that name the database user. */
            dbUserKeys: Type.Optional(Type.Array(Str())),
          },
          { additionalProperties: false },
        ),
      ),
      registry: Type.Optional(
        Type.Object(
          { location: Type.Optional(Str()), repository: Type.Optional(Str()), host: Type.Optional(Str()) },
          { additionalProperties: false },
        ),
      ),
      database: Type.Optional(
        Type.Object(
          {
            instance: Type.Optional(Str()),
            name: Type.Optional(Str()),
            superuserNames: Type.Optional(Type.Array(Str())),
          },
          { additionalProperties: false },
        ),
      ),
      redis: Type.Optional(Type.Object({ instance: Type.Optional(Str()) }, { additionalProperties: false })),
      kms: Type.Optional(
        Type.Object(
          {
            location: Type.Optional(Str()),
            keyRing: Type.Optional(Str()),
            key: Type.Optional(Str()),
            purpose: Type.Optional(Str()),
            algorithm: Type.Optional(Str()),
            signer: Type.Optional(Str('IAM member that must hold roles/cloudkms.signerVerifier')),
          },
          { additionalProperties: false },
        ),
      ),
      secretManager: Type.Optional(
        Type.Object({ secrets: Type.Optional(Type.Array(Str())) }, { additionalProperties: false }),
      ),
      alertPolicies: Type.Optional(
        Type.Object(
          {
            errorRate: Type.Optional(Str()),
            latencyP99: Type.Optional(Str()),
            crashLoop: Type.Optional(Str()),
            databaseConnectionErrors: Type.Optional(Str()),
          },
          { additionalProperties: false },
        ),
      ),
      domain: Type.Optional(Str('public host name of the app')),
      cicd: Type.Optional(
        Type.Object(
          { branch: Type.Optional(Str()), workflows: Type.Optional(Type.Array(Str())) },
          { additionalProperties: false },
        ),
      ),
    },
    { additionalProperties: false },
  ),
);
export type ExpectationsInput = Static<typeof ExpectationsSchema>;

/** Expectations with ADR-001's decisions filled in where the config is silent. */
export interface Expectations {
  project: string;
  region: string;
  platforms: string[];
  app: {
    namespace: string;
    deployment: string;
    container?: string;
    serviceAccount: string;
    secrets: string[];
    image: string;
    minReplicas: number;
    dbUserKeys: string[];
  };
  registry: { location: string; repository: string; host: string };
  database: { instance: string; name: string; superuserNames: string[] };
  redis: { instance: string };
  kms: { location: string; keyRing: string; key: string; purpose: string; algorithm: string; signer: string };
  secretManager: { secrets: string[] };
  alertPolicies: { errorRate: string; latencyP99: string; crashLoop: string; databaseConnectionErrors: string };
  domain: string;
  cicd: { branch: string; workflows?: string[] };
}

export const ADR_PROJECT = 'coditect-cloud-infra';
export const ADR_REGION = 'us-central1';

/**
 * What ADR-001 decided, used when the configuration does not say otherwise. Every name that includes a
 * project or a region (image path, registry host, KMS location and signer) is derived from the ones given,
 * so a config that names another project never gets ADR-001's project in a default.
 */
export function adrDefaults(
  project = ADR_PROJECT,
  region = ADR_REGION,
  serviceAccount = 'coditect-cloud-backend',
): Expectations {
  return {
    project,
    region,
    platforms: ['linux/amd64'],
    app: {
      namespace: 'coditect-staging',
      deployment: 'coditect-backend',
      serviceAccount,
      secrets: ['backend-secrets'],
      image: `${region}-docker.pkg.dev/${project}/coditect-backend/coditect-cloud-backend`,
      minReplicas: 2,
      dbUserKeys: ['db-user', 'DB_USER', 'database-user', 'DATABASE_USER', 'POSTGRES_USER', 'PGUSER', 'DATABASE_URL'],
    },
    registry: { location: region, repository: 'coditect-backend', host: `${region}-docker.pkg.dev` },
    database: {
      instance: 'coditect-db',
      name: 'coditect',
      superuserNames: ['postgres', 'cloudsqlsuperuser', 'root', 'admin'],
    },
    redis: { instance: 'coditect-redis-staging' },
    kms: {
      location: region,
      keyRing: 'license-signing-keyring',
      key: 'license-signing-key',
      purpose: 'ASYMMETRIC_SIGN',
      algorithm: 'RSA_SIGN_PKCS1_4096_SHA512',
      signer: `serviceAccount:${serviceAccount}@${project}.iam.gserviceaccount.com`,
    },
    secretManager: { secrets: ['django-secret-key', 'db-password-staging', 'redis-password-staging'] },
    alertPolicies: {
      errorRate: 'Error rate > 1%',
      latencyP99: 'Latency p99 > 500ms',
      crashLoop: 'Pod crash loop',
      databaseConnectionErrors: 'Database connection errors',
    },
    domain: 'staging-api.coditect.ai',
    cicd: { branch: 'main' },
  };
}

/**
 * The expectation fields a config gives, as dotted paths with every prefix (`kms`, `kms.key`): what an
 * `adrIdentity` rule checks before treating a name as the config's rather than ADR-001's.
 */
export function givenExpectationFields(input: ExpectationsInput | undefined): string[] {
  const out: string[] = [];
  const walk = (value: unknown, prefix: string) => {
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (v === undefined) continue;
      const path = prefix ? `${prefix}.${key}` : key;
      out.push(path);
      if (typeof v === 'object' && v !== null && !Array.isArray(v)) walk(v, path);
    }
  };
  if (input) walk(input, '');
  return out;
}

export function resolveExpectations(input: ExpectationsInput | undefined): Expectations {
  const i = input ?? {};
  const d = adrDefaults(i.project, i.region ?? i.registry?.location, i.app?.serviceAccount);
  // A registry in another location than the region gets that location's host and image path.
  if (i.registry?.location && !i.registry.host) d.registry.host = `${i.registry.location}-docker.pkg.dev`;
  if (i.registry && !i.app?.image) {
    d.app.image = `${i.registry.host ?? d.registry.host}/${d.project}/${i.registry.repository ?? d.registry.repository}/coditect-cloud-backend`;
  }
  return {
    project: i.project ?? d.project,
    region: i.region ?? d.region,
    platforms: i.platforms ?? d.platforms,
    app: { ...d.app, ...i.app },
    registry: { ...d.registry, ...i.registry },
    database: { ...d.database, ...i.database },
    redis: { ...d.redis, ...i.redis },
    kms: { ...d.kms, ...i.kms },
    secretManager: { ...d.secretManager, ...i.secretManager },
    alertPolicies: { ...d.alertPolicies, ...i.alertPolicies },
    domain: i.domain ?? d.domain,
    cicd: { ...d.cicd, ...i.cicd },
  };
}

export const FilesLayerSchema = lazySchema(() =>
  Type.Object(
    {
      include: Type.Optional(Type.Array(Str(), { description: 'globs, relative to the scanned directory' })),
      exclude: Type.Optional(Type.Array(Str())),
    },
    { additionalProperties: false },
  ),
);

export { ConfigError, FAIL_ON, type FailOn } from './basics.js';
/** The gate's threshold when neither `--fail-on` nor the environment's `failOn` names one: what must hold before production. */
export const DEFAULT_FAIL_ON: FailOn = 'P0';

export const EnvironmentSchema = lazySchema(() =>
  Type.Object(
    {
      tier: Type.Optional(
        Type.String({ description: 'weighs rules like this environment kind (e.g. production)', minLength: 1 }),
      ),
      failOn: Type.Optional(Type.Union(FAIL_ON.map((f) => Type.Literal(f)))),
      strict: Type.Optional(
        Type.Boolean({ description: 'checks that cannot be decided (unknown) gate like findings; default false' }),
      ),
      gate: Type.Optional(
        Type.Object(
          {
            targets: Type.Optional(
              Type.Array(Str(), {
                minItems: 1,
                description:
                  'fail the gate only on findings about these fleet targets (servers, clusters by name); findings about the environment as a whole (files, Google Cloud) always gate. Default every target. --fail-on-target overrides it',
              }),
            ),
          },
          { additionalProperties: false },
        ),
      ),
      layers: Type.Optional(
        Type.Object(
          {
            files: Type.Optional(Type.Union([Type.Boolean(), FilesLayerSchema])),
            gcp: Type.Optional(GcpLayerConfigSchema),
            k8s: Type.Optional(K8sLayerConfigSchema),
            probe: Type.Optional(ProbeLayerConfigSchema),
          },
          { additionalProperties: false },
        ),
      ),
      expectations: Type.Optional(ExpectationsSchema),
      rules: Type.Optional(
        Type.Record(Type.String(), Type.Union([Type.Literal('off'), PrioritySchema]), {
          description: 'per-rule override: off, or a priority',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);

export const ConfigSuppressionSchema = lazySchema(() =>
  Type.Object(
    {
      rule: Str('rule id (or alias), or * for every rule'),
      resource: Type.Optional(Str('glob matched against the resource id and its file; default every resource')),
      reason: Type.String({ minLength: 3, description: 'why this is accepted; required' }),
      expires: Type.Optional(
        Type.String({ format: 'date', description: 'YYYY-MM-DD; the suppression stops applying after it' }),
      ),
    },
    { additionalProperties: false },
  ),
);
export type ConfigSuppression = Static<typeof ConfigSuppressionSchema>;

export const ConfigSchema = lazySchema(() =>
  Type.Object(
    {
      $schema: Type.Optional(Type.String()),
      version: Type.Literal(1),
      adr: Type.Optional(Str('path of the ADR document; live findings without a declaring file point at it')),
      plugins: Type.Optional(Type.Array(Str('npm package name or path of a rule pack'))),
      environments: Type.Record(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' }), EnvironmentSchema, {
        minProperties: 1,
      }),
      suppressions: Type.Optional(Type.Array(ConfigSuppressionSchema)),
    },
    {
      additionalProperties: false,
      $id: 'https://coditect.ai/schemas/coditect-audit/config-v1.json',
      title: 'coditect-audit.yaml',
    },
  ),
);
export type Config = Static<typeof ConfigSchema>;
export type EnvironmentConfig = Static<typeof EnvironmentSchema>;

const FIXES: Record<string, string> = {
  additionalProperties: 'remove it or check its spelling against the configuration reference (docs/configuration.md)',
  required: 'add it',
  enum: '',
  format: 'use the form YYYY-MM-DD',
  minLength: 'give a non-empty value',
  pattern: 'see docs/configuration.md for the expected form',
};

/** Line of the YAML node at a JSON pointer (or its nearest existing parent). */
function lineAt(
  doc: ReturnType<typeof parseDocument>,
  lc: LineCounter,
  pointer: string,
  extraKey?: string,
): number | undefined {
  const segs = pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (extraKey) segs.push(extraKey);
  let node: Node | null | undefined = doc.contents as Node | null;
  let line: number | undefined = node?.range ? lc.linePos(node.range[0]).line : undefined;
  for (const seg of segs) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) line = lc.linePos(pair.key.range[0]).line;
      node = pair.value as Node | null;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) break;
      if (item.range) line = lc.linePos(item.range[0]).line;
      node = item;
    } else break;
  }
  return line;
}

/** Parses and validates configuration text; throws `ConfigError` with every problem listed. */
export function parseConfig(text: string, file = 'coditect-audit.yaml'): Config {
  if (overYamlBudget(text) !== undefined)
    throw new ConfigError(
      `${file}: more than ${MAX_YAML_ENTRIES.toLocaleString('en-US')} lines and flow entries, over the parse budget; a configuration is a few hundred lines`,
      file,
    );
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const duplicate = doc.errors.length === 0 ? firstDuplicateKey(doc.contents) : undefined;
  if (duplicate) {
    const line = duplicate.range ? lc.linePos(duplicate.range[0]).line : 1;
    throw new ConfigError(
      `${file}:${line}: not valid YAML: Map keys must be unique. Remove the repeated key at that line.`,
      file,
      undefined,
      line,
    );
  }
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = lc.linePos(e.pos[0]);
    throw new ConfigError(
      `${file}:${pos.line}:${pos.col}: not valid YAML: ${e.message.split('\n')[0]}. Fix the syntax at that line.`,
      file,
      undefined,
      pos.line,
    );
  }
  let value: unknown;
  try {
    // yaml stops alias expansion past 100 aliases ("billion laughs"); that is the file's fault: exit 3.
    value = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e) {
    throw new ConfigError(
      `${file}: ${(e as Error).message.split('\n')[0]}. Write the values out instead of expanding aliases (&name / *name) into each other.`,
      file,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError(`${file}: the configuration must be a mapping with "version: 1" and "environments:"`, file);
  }
  // Checked first: a literal secret is the most important thing to point out, whatever else is wrong.
  // Literal credentials never belong in the file: refuse any key that looks like one holding a value.
  const literal = findLiteralCredential(value as Record<string, unknown>, '');
  if (literal) {
    throw new ConfigError(
      `${file}:${lineAt(doc, lc, literal.pointer) ?? 1}: ${pointerToPath(literal.pointer)} holds a literal credential. ` +
        'Name an environment variable instead (e.g. passwordEnv: DB_PASSWORD) or rely on Application Default Credentials.',
      file,
      pointerToPath(literal.pointer),
    );
  }
  const validate = compile(ConfigSchema);
  if (!validate(value)) {
    const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if');
    // Several branches of a union fail at once; keep the most specific message per path.
    const seen = new Set<string>();
    const lines: string[] = [];
    let first: { path: string; line?: number } | undefined;
    for (const e of errors) {
      const extra =
        e.keyword === 'additionalProperties'
          ? (e.params as { additionalProperty: string }).additionalProperty
          : undefined;
      const path = pointerToPath(e.instancePath) + (extra ? `.${extra}` : '');
      if (seen.has(path)) continue;
      seen.add(path);
      const line = lineAt(doc, lc, e.instancePath, extra);
      const fix = FIXES[e.keyword];
      lines.push(`${file}${line ? `:${line}` : ''}: ${describeAjvError(e)}${fix ? ` (fix: ${fix})` : ''}`);
      first ??= { path, line };
    }
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`, file, first?.path, first?.line);
  }
  return value as Config;
}

function findLiteralCredential(v: unknown, pointer: string): { pointer: string } | undefined {
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const hit = findLiteralCredential(v[i], `${pointer}/${i}`);
      if (hit) return hit;
    }
  } else if (v && typeof v === 'object') {
    for (const [k, child] of Object.entries(v)) {
      if (
        /^(password|passwd|secret|token|apiKey|api_key|authString|privateKey|credentials?)$/i.test(k) &&
        typeof child === 'string'
      )
        return { pointer: `${pointer}/${k}` };
      const hit = findLiteralCredential(child, `${pointer}/${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}

/** The environment to scan: the one named, or the only one, or an error listing the choices. */
export function selectEnvironment(
  config: Config,
  name: string | undefined,
  file = 'coditect-audit.yaml',
): [string, EnvironmentConfig] {
  const names = Object.keys(config.environments);
  if (name) {
    const env = config.environments[name];
    if (!env)
      throw new ConfigError(
        `environment "${name}" is not in ${file}; choose one of: ${names.join(', ')} (--env)`,
        file,
        `environments.${name}`,
      );
    return [name, env];
  }
  if (names.length === 1) return [names[0]!, config.environments[names[0]!]!];
  throw new ConfigError(
    `${file} defines several environments (${names.join(', ')}): choose one with --env`,
    file,
    'environments',
  );
}

/** The line of `environments.<name>` in the config text: the location of last resort for findings. */
export function environmentLine(text: string, name: string): number | undefined {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, logLevel: 'error' });
  const envs = isMap(doc.contents)
    ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === 'environments')
    : undefined;
  if (!envs || !isMap(envs.value)) return undefined;
  const pair = envs.value.items.find((p) => isScalar(p.key) && String(p.key.value) === name);
  return pair && isScalar(pair.key) && pair.key.range ? lc.linePos(pair.key.range[0]).line : undefined;
}
