/**
 * The probe layer: its configuration block and the facets its collector produces.
 * Probes talk to the running services themselves (PostgreSQL, Redis, the image registry, the app's
 * HTTP(S) endpoints), read-only. The configuration names environment variables, never credentials, and
 * the facets hold observations only: no password, token or response body ever enters them.
 */
import { type Static, Type } from '@sinclair/typebox';
import { lazySchema } from '../lazy-schema.js';
import { deadlineSecondsSchema } from './live-layer.js';
import { ImageReferenceSchema } from '../snapshot/files.js';

const Str = (description?: string) => Type.String({ minLength: 1, ...(description ? { description } : {}) });
const Port = lazySchema(() => Type.Integer({ minimum: 1, maximum: 65535 }));
const EnvName = (what: string) =>
  Type.String({
    pattern: '^[A-Za-z_][A-Za-z0-9_]*$',
    description: `NAME of the environment variable holding ${what} (never the value itself)`,
  });
const UrlPath = (description: string) => Type.String({ pattern: '^/', description });
const File = (description: string) => Str(`${description}; relative to the config file`);

/**
 * Fields every fleet target of a probe kind may carry (`layers.probe.<kind>` as a list): its name, which
 * every verdict about it carries, and expectations of its own over the environment's.
 */
const TargetFields = {
  name: lazySchema(() =>
    Type.Optional(
      Type.String({
        pattern: '^[A-Za-z0-9][A-Za-z0-9_.:-]*$',
        description: 'name of this target in every verdict and report (list form); default its host',
      }),
    ),
  ),
  expectations: lazySchema(() =>
    Type.Optional(
      Type.Record(Type.String(), Type.Unknown(), {
        description: "expectations of this target, merged over the environment's (same shape as expectations)",
      }),
    ),
  ),
};

/** One server (`kind: {…}`) or a fleet of named ones (`kind: [{name, …}, …]`). */
const OneOrMany = <T extends ReturnType<typeof Type.Object>>(one: T, what: string) =>
  Type.Union([one, Type.Array(one, { minItems: 1, description: `several ${what}, each a named target` })]);

/** ADR-001 "Smoke Tests": the endpoints and the answers the deployment guide expects. */
export const PROBE_HTTP_DEFAULTS = {
  livePath: '/api/v1/health/live',
  readyPath: '/api/v1/health/ready',
  protectedPaths: ['/api/v1/licenses/'],
  readyComponents: ['database', 'redis'],
  minCertificateDays: 14,
} as const;

/** Per connection, handshake and request, unless `timeoutMs` says otherwise. */
export const PROBE_DEFAULT_TIMEOUT_MS = 5000;

export const PostgresProbeConfigSchema = lazySchema(() =>
  Type.Object(
    {
      host: Str('host name or IP address of the server'),
      port: Type.Optional(Port),
      database: Type.Optional(Str('database to connect to; default expectations.database.name')),
      user: Type.Optional(Str('login role; required unless fromSecret gives it')),
      passwordEnv: Type.Optional(EnvName('the login password')),
      sslmode: Type.Optional(
        Type.Union(
          [Type.Literal('disable'), Type.Literal('require'), Type.Literal('verify-ca'), Type.Literal('verify-full')],
          { description: 'as libpq; default verify-full with caFile, else require' },
        ),
      ),
      caFile: Type.Optional(File('PEM file of the server CA (Cloud SQL: server-ca.pem)')),
      servername: Type.Optional(Str('name verify-full checks the certificate against; default host')),
      appUser: Type.Optional(
        Str('role the application connects as, when the probe logs in with its own audit role; default the login'),
      ),
      allowPlaintextCredentials: Type.Optional(
        Type.Boolean({
          description:
            'send the credential even over a connection without TLS (sslmode: disable); only from a trusted configuration (docs/security.md); default false',
        }),
      ),
      ...TargetFields,
      fromSecret: Type.Optional(
        Type.Object(
          {
            namespace: Type.Optional(Str('default expectations.app.namespace')),
            name: Type.Optional(Str('default the first of expectations.app.secrets')),
            userKey: Type.Optional(Str('default the first of expectations.app.dbUserKeys present')),
            passwordKey: Type.Optional(Str('default db-password, DB_PASSWORD, DATABASE_PASSWORD, POSTGRES_PASSWORD')),
          },
          {
            additionalProperties: false,
            description:
              "log in with the user and password of the app's Kubernetes Secret (read with the k8s layer's kubeconfig)",
          },
        ),
      ),
    },
    { additionalProperties: false },
  ),
);
export type PostgresProbeConfig = Static<typeof PostgresProbeConfigSchema>;

export const RedisProbeConfigSchema = lazySchema(() =>
  Type.Object(
    {
      host: Str('host name or IP address (Memorystore: the instance host)'),
      port: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 65535, description: 'default 6378 with tls, else 6379' }),
      ),
      tls: Type.Optional(
        Type.Boolean({
          description:
            'connect with TLS (Memorystore SERVER_AUTHENTICATION); default true. With false the probe never attempts a TLS handshake',
        }),
      ),
      caFile: Type.Optional(File('PEM file of the server CA (Memorystore: server-ca.pem)')),
      servername: Type.Optional(Str('name the certificate is checked against; default host')),
      user: Type.Optional(
        Str('ACL user to AUTH as (Redis 6+, e.g. when `user default off`); default the default user'),
      ),
      passwordEnv: Type.Optional(EnvName('the AUTH string, or the ACL user’s password')),
      allowPlaintextCredentials: Type.Optional(
        Type.Boolean({
          description:
            'send the credential even over a connection without TLS (tls: false); only from a trusted configuration (docs/security.md); default false',
        }),
      ),
      ...TargetFields,
    },
    { additionalProperties: false },
  ),
);
export type RedisProbeConfig = Static<typeof RedisProbeConfigSchema>;

export const RegistryProbeConfigSchema = lazySchema(() =>
  Type.Object(
    {
      images: Type.Optional(
        Type.Array(Str('image reference, e.g. us-central1-docker.pkg.dev/p/r/app:v1'), {
          description: 'images to resolve; default the images the workloads run (imagesFrom)',
        }),
      ),
      imagesFrom: Type.Optional(
        Type.Array(Type.Union([Type.Literal('manifests'), Type.Literal('cluster')]), {
          minItems: 1,
          description:
            "where to find the workloads' images when `images` is not given: the repository's manifests (default) and/or the live pods of the app namespace",
        }),
      ),
      url: Type.Optional(
        Type.String({
          pattern: '^https?://[^/]+/?$',
          description: 'send every registry request to this base URL (a mirror, or a local registry in tests)',
        }),
      ),
      plainHttpHosts: Type.Optional(
        Type.Array(Str(), { description: 'registry hosts reached over plain HTTP (local test registries only)' }),
      ),
      caFile: Type.Optional(File('PEM file of an extra CA for the registry')),
      usernameEnv: Type.Optional(EnvName('a registry user name (registries other than Artifact Registry)')),
      passwordEnv: Type.Optional(EnvName('that user’s password or access token')),
      allowPlaintextCredentials: Type.Optional(
        Type.Boolean({
          description:
            'send the credential even over a connection without TLS (plainHttpHosts); only from a trusted configuration (docs/security.md); default false',
        }),
      ),
      ...TargetFields,
    },
    { additionalProperties: false },
  ),
);
export type RegistryProbeConfig = Static<typeof RegistryProbeConfigSchema>;

export const HttpProbeConfigSchema = lazySchema(() =>
  Type.Object(
    {
      baseUrl: Type.String({ pattern: '^https?://[^/]+/?$', description: 'e.g. https://staging-api.coditect.ai' }),
      livePath: Type.Optional(UrlPath(`default ${PROBE_HTTP_DEFAULTS.livePath}`)),
      readyPath: Type.Optional(UrlPath(`default ${PROBE_HTTP_DEFAULTS.readyPath}`)),
      protectedPaths: Type.Optional(
        Type.Array(UrlPath('must answer 401 without a token'), {
          description: `default ${PROBE_HTTP_DEFAULTS.protectedPaths.join(', ')}`,
        }),
      ),
      readyComponents: Type.Optional(
        Type.Array(Str(), {
          description: `fields of the ready answer that must say "connected"; default ${PROBE_HTTP_DEFAULTS.readyComponents.join(', ')}`,
        }),
      ),
      httpUrl: Type.Optional(
        Type.String({
          pattern: '^http://[^/]+/?$',
          description: 'plain-HTTP address whose redirect to HTTPS is checked; default http://<host of baseUrl>',
        }),
      ),
      caFile: Type.Optional(File('PEM file of an extra CA')),
      minCertificateDays: Type.Optional(
        Type.Integer({ minimum: 0, description: `days the certificate must stay valid; default 14` }),
      ),
      ...TargetFields,
    },
    { additionalProperties: false },
  ),
);
export type HttpProbeConfig = Static<typeof HttpProbeConfigSchema>;

/** `environments.<env>.layers.probe` in coditect-audit.yaml. */
export const ProbeLayerConfigSchema = lazySchema(() =>
  Type.Object(
    {
      postgres: Type.Optional(OneOrMany(PostgresProbeConfigSchema, 'PostgreSQL servers')),
      redis: Type.Optional(OneOrMany(RedisProbeConfigSchema, 'Redis servers')),
      registry: Type.Optional(OneOrMany(RegistryProbeConfigSchema, 'registries')),
      http: Type.Optional(OneOrMany(HttpProbeConfigSchema, 'web endpoints')),
      deadlineSeconds: deadlineSecondsSchema(),
      timeoutMs: Type.Optional(
        Type.Integer({
          minimum: 100,
          maximum: 120_000,
          description: 'per connection, handshake and request; default 5000',
        }),
      ),
    },
    { additionalProperties: false },
  ),
);
export type ProbeLayerConfig = Static<typeof ProbeLayerConfigSchema>;

// ---------------------------------------------------------------- shared observations

/** A server certificate as the probe saw it in the TLS handshake. */
export const CertificateObservationSchema = lazySchema(() =>
  Type.Object({
    subject: Type.String(),
    issuer: Type.String(),
    altNames: Type.Array(Type.String()),
    validFrom: Type.String({ description: 'ISO 8601' }),
    validTo: Type.String({ description: 'ISO 8601' }),
    /** Whole days from the probe to `validTo` (negative when already expired). */
    expiresInDays: Type.Integer(),
    /** Chains to a trusted CA (the system's, plus the configured caFile). */
    trusted: Type.Boolean(),
    /** OpenSSL's reason when not trusted, e.g. UNABLE_TO_VERIFY_LEAF_SIGNATURE, CERT_HAS_EXPIRED. */
    trustError: Type.Optional(Type.String()),
    /** The name it was checked against. */
    hostname: Type.String(),
    hostnameMatches: Type.Boolean(),
    selfSigned: Type.Boolean(),
    fingerprint256: Type.String(),
  }),
);
export type CertificateObservation = Static<typeof CertificateObservationSchema>;

// ---------------------------------------------------------------- probe.postgres

export const PostgresProbeSchema = lazySchema(() =>
  Type.Object({
    /** `host:port/database`. */
    endpoint: Type.String(),
    host: Type.String(),
    port: Type.Integer(),
    database: Type.String(),
    /** The role the probe logged in as. */
    login: Type.String(),
    /** The role whose rights are judged (the app's). */
    appRole: Type.String(),
    /** Where the password came from, by name only: `env DB_PASSWORD`, `Secret ns/name key db-password`, `none`. */
    credentialSource: Type.String(),
    sslmode: Type.String(),
    server: Type.Optional(Type.Object({ version: Type.String(), versionNum: Type.Integer(), major: Type.Integer() })),
    /** The probe's own session: encrypted or not, and read-only as it must be. */
    session: Type.Optional(
      Type.Object({ ssl: Type.Boolean(), sslVersion: Type.Optional(Type.String()), readOnly: Type.Boolean() }),
    ),
    /**
     * A second connection without TLS, that never sends a password:
     * `refused` (the server rejects unencrypted connections), `auth-requested` (it asked for a password over
     * plaintext, so it accepts such connections), `accepted` (logged in without one), `error`/`timeout`.
     */
    plaintext: Type.Object({
      outcome: Type.Union([
        Type.Literal('refused'),
        Type.Literal('auth-requested'),
        Type.Literal('accepted'),
        Type.Literal('error'),
        Type.Literal('timeout'),
      ]),
      detail: Type.String(),
    }),
    role: Type.Optional(
      Type.Object({
        name: Type.String(),
        exists: Type.Boolean(),
        superuser: Type.Boolean(),
        createRole: Type.Boolean(),
        createDb: Type.Boolean(),
        bypassRls: Type.Boolean(),
        replication: Type.Boolean(),
        /** Every role it is a member of, directly or through other roles. */
        memberOf: Type.Array(Type.String()),
      }),
    ),
    ownership: Type.Optional(
      Type.Object({
        database: Type.Boolean(),
        schemas: Type.Array(Type.String()),
        /** Up to 20 `schema.table` names; `tableCount` is the full count. */
        tables: Type.Array(Type.String()),
        tableCount: Type.Integer(),
      }),
    ),
    privileges: Type.Optional(
      Type.Object({
        createOnDatabase: Type.Boolean(),
        createOnSchemas: Type.Array(Type.String()),
        /** Tables with TRUNCATE, REFERENCES or TRIGGER (up to 20); `beyondDmlCount` is the full count. */
        beyondDml: Type.Array(Type.Object({ table: Type.String(), privileges: Type.Array(Type.String()) })),
        beyondDmlCount: Type.Integer(),
      }),
    ),
  }),
);
export type PostgresProbe = Static<typeof PostgresProbeSchema>;

// ---------------------------------------------------------------- probe.redis

export const RedisProbeSchema = lazySchema(() =>
  Type.Object({
    /** `host:port`. */
    endpoint: Type.String(),
    host: Type.String(),
    port: Type.Integer(),
    tls: Type.Boolean(),
    certificate: Type.Optional(CertificateObservationSchema),
    /** Why the TLS handshake failed, when it did. */
    tlsError: Type.Optional(Type.String()),
    /** `PING` with no AUTH, over the configured transport: `noauth` is what a protected server answers. */
    unauthenticatedPing: Type.Object({
      outcome: Type.Union([
        Type.Literal('pong'),
        Type.Literal('noauth'),
        Type.Literal('error'),
        Type.Literal('no-answer'),
      ]),
      /** The server's reply (an error's first sentence); never anything the probe sent. */
      reply: Type.Optional(Type.String()),
    }),
    /**
     * `PING` over a plain TCP connection to the same port: `answered` means the server speaks plaintext,
     * `refused` that it closed or answered with TLS only. With `tls: false` this is the configured transport.
     */
    plaintext: Type.Object({
      outcome: Type.Union([Type.Literal('answered'), Type.Literal('refused'), Type.Literal('no-answer')]),
      reply: Type.Optional(Type.String()),
    }),
    /** The ACL user the probe AUTHs as, when the config names one (a user name, never a password). */
    user: Type.Optional(Type.String()),
    /** AUTH with the configured password: whether it was accepted (never the password). */
    authenticated: Type.Optional(Type.Object({ ok: Type.Boolean(), detail: Type.Optional(Type.String()) })),
    /** From `INFO server`. */
    server: Type.Optional(Type.Object({ version: Type.String(), mode: Type.Optional(Type.String()) })),
  }),
);
export type RedisProbe = Static<typeof RedisProbeSchema>;

// ---------------------------------------------------------------- probe.registry

export const ImagePlatformSchema = lazySchema(() =>
  Type.Object({
    os: Type.String(),
    architecture: Type.String(),
    variant: Type.Optional(Type.String()),
  }),
);
export type ImagePlatform = Static<typeof ImagePlatformSchema>;

/** Where a workload names the image. */
export const ImageUseSchema = lazySchema(() =>
  Type.Object({
    source: Type.Union([Type.Literal('config'), Type.Literal('manifest'), Type.Literal('cluster')]),
    file: Type.Optional(Type.String()),
    line: Type.Optional(Type.Integer({ minimum: 1 })),
    column: Type.Optional(Type.Integer({ minimum: 1 })),
    kind: Type.Optional(Type.String()),
    namespace: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    container: Type.Optional(Type.String()),
  }),
);
export type ImageUse = Static<typeof ImageUseSchema>;

export const ImageProbeSchema = lazySchema(() =>
  Type.Object({
    /** As the workload names it. */
    reference: Type.String(),
    /** `reference` parsed (the collectors' one image reference parser). */
    ref: Type.Optional(ImageReferenceSchema),
    registry: Type.String(),
    repository: Type.String(),
    tag: Type.Optional(Type.String()),
    /** The digest the reference pins, if it does. */
    digest: Type.Optional(Type.String()),
    /** What the reference resolves to now. */
    resolvedDigest: Type.String(),
    mediaType: Type.String(),
    kind: Type.Union([Type.Literal('index'), Type.Literal('manifest')]),
    /** Runnable platforms; build attestations (`unknown/unknown`) are left out and counted. */
    platforms: Type.Array(ImagePlatformSchema),
    attestationsIgnored: Type.Integer({ minimum: 0 }),
    /** The image config per platform: its `User` and the `PATH` of its `Env` (no other variable is kept). */
    configs: Type.Array(
      Type.Object({ platform: Type.String(), user: Type.String(), path: Type.Optional(Type.String()) }),
    ),
    usedBy: Type.Array(ImageUseSchema),
  }),
);
export type ImageProbe = Static<typeof ImageProbeSchema>;

export const RegistryProbeSchema = lazySchema(() => Type.Object({ images: Type.Array(ImageProbeSchema) }));
export type RegistryProbe = Static<typeof RegistryProbeSchema>;

// ---------------------------------------------------------------- probe.http

export const HttpObservationSchema = lazySchema(() =>
  Type.Object({
    url: Type.String(),
    outcome: Type.Union([
      Type.Literal('answered'),
      Type.Literal('redirect-offsite'),
      Type.Literal('timeout'),
      Type.Literal('refused'),
      Type.Literal('tls-error'),
      Type.Literal('error'),
    ]),
    status: Type.Optional(Type.Integer()),
    /** A redirect's target (scheme, host and path; the query is dropped). */
    location: Type.Optional(Type.String()),
    detail: Type.Optional(Type.String()),
    /** Health fields of a JSON answer (`status` and the ready components), when they are short strings. */
    health: Type.Optional(Type.Record(Type.String(), Type.String())),
    /** The Strict-Transport-Security header, when sent. */
    hsts: Type.Optional(Type.String()),
  }),
);
export type HttpObservation = Static<typeof HttpObservationSchema>;

export const HttpProbeSchema = lazySchema(() =>
  Type.Object({
    baseUrl: Type.String(),
    host: Type.String(),
    https: Type.Boolean(),
    live: HttpObservationSchema,
    ready: HttpObservationSchema,
    readyComponents: Type.Array(Type.String()),
    protected: Type.Array(HttpObservationSchema),
    tls: Type.Optional(
      Type.Object({
        protocol: Type.Optional(Type.String()),
        certificate: Type.Optional(CertificateObservationSchema),
        error: Type.Optional(Type.String()),
      }),
    ),
    /** The plain-HTTP address: does it redirect to HTTPS on the same host? */
    plainHttp: Type.Object({
      url: Type.String(),
      outcome: Type.Union([
        Type.Literal('redirect'),
        Type.Literal('answered'),
        Type.Literal('refused'),
        Type.Literal('timeout'),
        Type.Literal('error'),
      ]),
      status: Type.Optional(Type.Integer()),
      location: Type.Optional(Type.String()),
      toHttps: Type.Optional(Type.Boolean()),
      sameHost: Type.Optional(Type.Boolean()),
      detail: Type.Optional(Type.String()),
    }),
    minCertificateDays: Type.Integer(),
  }),
);
export type HttpProbe = Static<typeof HttpProbeSchema>;

export const ProbeFacetSchemas = {
  'probe.postgres': PostgresProbeSchema,
  'probe.redis': RedisProbeSchema,
  'probe.registry': RegistryProbeSchema,
  'probe.http': HttpProbeSchema,
} as const;

export interface ProbeFacets {
  'probe.postgres': PostgresProbe;
  'probe.redis': RedisProbe;
  'probe.registry': RegistryProbe;
  'probe.http': HttpProbe;
}

/** The probe layer as one collector run sees it: at most one server of each kind (a fleet is split first). */
export interface ProbeRunConfig {
  postgres?: PostgresProbeConfig;
  redis?: RedisProbeConfig;
  registry?: RegistryProbeConfig;
  http?: HttpProbeConfig;
  timeoutMs?: number;
}
