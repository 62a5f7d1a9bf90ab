import "./chunk-chunk-IWPLMFNU.js";

// packages/core/dist/precompiled/config-b5e06989cd2422bb.js
import ie from "../../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/ucs2length.js";
import ne from "../../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/equal.js";
import oe from "../../../node_modules/.pnpm/ajv-formats@3.0.1_ajv@8.20.0/node_modules/ajv-formats/dist/formats.js";
var ze = se;
var Ze = se;
var O = { additionalProperties: false, $id: "https://coditect.ai/schemas/coditect-audit/config-v1.json", title: "coditect-audit.yaml", type: "object", required: ["version", "environments"], properties: { $schema: { type: "string" }, version: { const: 1, type: "number" }, adr: { minLength: 1, description: "path of the ADR document; live findings without a declaring file point at it", type: "string" }, plugins: { type: "array", items: { minLength: 1, description: "npm package name or path of a rule pack", type: "string" } }, environments: { minProperties: 1, type: "object", patternProperties: { "^[A-Za-z0-9][A-Za-z0-9_.-]*$": { additionalProperties: false, type: "object", properties: { tier: { description: "weighs rules like this environment kind (e.g. production)", minLength: 1, type: "string" }, failOn: { anyOf: [{ const: "P0", type: "string" }, { const: "P1", type: "string" }, { const: "P2", type: "string" }, { const: "none", type: "string" }] }, strict: { description: "checks that cannot be decided (unknown) gate like findings; default false", type: "boolean" }, gate: { additionalProperties: false, type: "object", properties: { targets: { minItems: 1, description: "fail the gate only on findings about these fleet targets (servers, clusters by name); findings about the environment as a whole (files, Google Cloud) always gate. Default every target. --fail-on-target overrides it", type: "array", items: { minLength: 1, type: "string" } } } }, layers: { additionalProperties: false, type: "object", properties: { files: { anyOf: [{ type: "boolean" }, { additionalProperties: false, type: "object", properties: { include: { description: "globs, relative to the scanned directory", type: "array", items: { minLength: 1, type: "string" } }, exclude: { type: "array", items: { minLength: 1, type: "string" } } } }] }, gcp: { additionalProperties: false, type: "object", properties: { projects: { minItems: 1, description: "project ids to read, and/or `folders/N` or `organizations/N`: every active project under it (Resource Manager, recursively through sub-folders; needs resourcemanager.projects.list and resourcemanager.folders.list there, e.g. roles/browser); default the expected project (expectations.project)", type: "array", items: { minLength: 1, type: "string" } }, locations: { minItems: 1, description: "regions/locations listed for KMS key rings and Artifact Registry repositories (Memorystore and GKE are read in every location); default the expected region plus the KMS and registry locations", type: "array", items: { minLength: 1, type: "string" } }, services: { minItems: 1, uniqueItems: true, description: "APIs to read (service names without .googleapis.com); default all of them", type: "array", items: { anyOf: [{ const: "sqladmin", type: "string" }, { const: "redis", type: "string" }, { const: "cloudkms", type: "string" }, { const: "secretmanager", type: "string" }, { const: "artifactregistry", type: "string" }, { const: "serviceusage", type: "string" }, { const: "container", type: "string" }, { const: "monitoring", type: "string" }, { const: "compute", type: "string" }, { const: "cloudresourcemanager", type: "string" }, { const: "iam", type: "string" }, { const: "identitytoolkit", type: "string" }] } }, endpoint: { pattern: "^https?://[^\\s/]+/?$", description: "send every Google Cloud call to this base URL as plain REST without credentials (an emulator or recordings); CODITECT_AUDIT_GCP_ENDPOINT overrides it", type: "string" }, endpointOnly: { description: "never call Google itself: read the layer only from an endpoint (CODITECT_AUDIT_GCP_ENDPOINT, endpoint, endpoints); without one the layer is reported as not configured. For demo and fixture repositories whose project ids are not yours", type: "boolean" }, endpoints: { additionalProperties: false, description: "per-API base URL, overriding endpoint and CODITECT_AUDIT_GCP_ENDPOINT for that API", type: "object", properties: { sqladmin: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" }, redis: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" }, cloudkms: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" }, secretmanager: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" }, artifactregistry: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" }, serviceusage: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" }, container: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" }, monitoring: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" }, compute: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" }, cloudresourcemanager: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" }, iam: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" }, identitytoolkit: { pattern: "^https?://[^\\s/]+/?$", description: "base URL, e.g. http://127.0.0.1:8085", type: "string" } } }, quotaProject: { pattern: "^[a-z][a-z0-9-]{4,28}[a-z0-9]$", description: "project billed for quota, sent as x-goog-user-project on every call (needed with user credentials that carry none: some APIs then answer 403 SERVICE_DISABLED naming a Google-owned project); GOOGLE_CLOUD_QUOTA_PROJECT overrides it", type: "string" }, universeDomain: { pattern: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", description: "the Google Cloud universe the APIs are reached in (`<service>.<universeDomain>`); default googleapis.com; GOOGLE_CLOUD_UNIVERSE_DOMAIN overrides it. It must be the universe the credentials belong to: they are never sent to another domain", type: "string" }, concurrency: { minimum: 1, maximum: 64, description: "at most this many API calls in flight at once (fewer while the API answers 429 quota errors); default 8", type: "integer" }, deadlineSeconds: { minimum: 1, maximum: 3600, description: "most time the whole layer may take; what is not read by then becomes error verdicts (docs/security.md); default 120", type: "integer" }, timeoutMs: { minimum: 100, maximum: 6e5, description: "timeout of one HTTP call; default 30000", type: "integer" }, retries: { minimum: 0, maximum: 10, description: "retries of a call on 429, 5xx, UNAVAILABLE, DEADLINE_EXCEEDED or a timeout; default 4", type: "integer" }, retryBudgetMs: { minimum: 0, maximum: 6e5, description: "most time one call may spend waiting between retries (Retry-After included); default 60000", type: "integer" } } }, k8s: { additionalProperties: false, type: "object", properties: { context: { minLength: 1, description: "kubeconfig context to use; default the current context", type: "string" }, contexts: { minItems: 1, description: "a fleet of clusters: each context is read as its own target and every verdict names its cluster (instead of `context`)", type: "array", items: { anyOf: [{ minLength: 1, description: "a kubeconfig context; the cluster is named after it", type: "string" }, { additionalProperties: false, type: "object", required: ["context"], properties: { context: { minLength: 1, description: "kubeconfig context of the cluster", type: "string" }, name: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$", description: "name of the cluster in every verdict; default the context", type: "string" }, namespaces: { minItems: 1, type: "array", items: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", type: "string" } }, expectations: { description: "expectations of this cluster, merged over the environment's", type: "object", patternProperties: { "^(.*)$": {} } } } }] } }, kubeconfig: { minLength: 1, description: "kubeconfig file, relative to the scanned directory; default $KUBECONFIG, then ~/.kube/config, then the in-cluster service account", type: "string" }, skipWithoutContext: { description: "when no kubeconfig offers `context`, report the layer as not scanned instead of failing it. For demo and fixture repositories whose cluster is not yours (tests provide the context); never for a real environment, where missing credentials must fail the scan", type: "boolean" }, namespaces: { minItems: 1, description: "namespaces to read (a namespaced Role suffices); default every namespace but the system ones (kube-*, gke-*, gmp-*), which needs a ClusterRole", type: "array", items: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", type: "string" } }, concurrency: { minimum: 1, maximum: 32, description: "at most this many API requests in flight at once (fewer while the API server answers 429); default 4", type: "integer" }, deadlineSeconds: { minimum: 1, maximum: 3600, description: "most time the whole layer may take; what is not read by then becomes error verdicts (docs/security.md); default 120", type: "integer" }, timeoutMs: { minimum: 100, maximum: 6e5, description: "timeout of one API request; default 15000", type: "integer" }, pageSize: { minimum: 1, maximum: 5e3, description: "objects per list page (limit/continue); default 500", type: "integer" }, retries: { minimum: 0, maximum: 10, description: "retries of a request answered 429, 5xx or not at all, with backoff; default 3", type: "integer" } } }, probe: { additionalProperties: false, type: "object", properties: { postgres: { anyOf: [{ additionalProperties: false, type: "object", required: ["host"], properties: { host: { minLength: 1, description: "host name or IP address of the server", type: "string" }, port: { minimum: 1, maximum: 65535, type: "integer" }, database: { minLength: 1, description: "database to connect to; default expectations.database.name", type: "string" }, user: { minLength: 1, description: "login role; required unless fromSecret gives it", type: "string" }, passwordEnv: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$", description: "NAME of the environment variable holding the login password (never the value itself)", type: "string" }, sslmode: { description: "as libpq; default verify-full with caFile, else require", anyOf: [{ const: "disable", type: "string" }, { const: "require", type: "string" }, { const: "verify-ca", type: "string" }, { const: "verify-full", type: "string" }] }, caFile: { minLength: 1, description: "PEM file of the server CA (Cloud SQL: server-ca.pem); relative to the config file", type: "string" }, servername: { minLength: 1, description: "name verify-full checks the certificate against; default host", type: "string" }, appUser: { minLength: 1, description: "role the application connects as, when the probe logs in with its own audit role; default the login", type: "string" }, allowPlaintextCredentials: { description: "send the credential even over a connection without TLS (sslmode: disable); only from a trusted configuration (docs/security.md); default false", type: "boolean" }, name: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$", description: "name of this target in every verdict and report (list form); default its host", type: "string" }, expectations: { description: "expectations of this target, merged over the environment's (same shape as expectations)", type: "object", patternProperties: { "^(.*)$": {} } }, fromSecret: { additionalProperties: false, description: "log in with the user and password of the app's Kubernetes Secret (read with the k8s layer's kubeconfig)", type: "object", properties: { namespace: { minLength: 1, description: "default expectations.app.namespace", type: "string" }, name: { minLength: 1, description: "default the first of expectations.app.secrets", type: "string" }, userKey: { minLength: 1, description: "default the first of expectations.app.dbUserKeys present", type: "string" }, passwordKey: { minLength: 1, description: "default db-password, DB_PASSWORD, DATABASE_PASSWORD, POSTGRES_PASSWORD", type: "string" } } } } }, { minItems: 1, description: "several PostgreSQL servers, each a named target", type: "array", items: { additionalProperties: false, type: "object", required: ["host"], properties: { host: { minLength: 1, description: "host name or IP address of the server", type: "string" }, port: { minimum: 1, maximum: 65535, type: "integer" }, database: { minLength: 1, description: "database to connect to; default expectations.database.name", type: "string" }, user: { minLength: 1, description: "login role; required unless fromSecret gives it", type: "string" }, passwordEnv: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$", description: "NAME of the environment variable holding the login password (never the value itself)", type: "string" }, sslmode: { description: "as libpq; default verify-full with caFile, else require", anyOf: [{ const: "disable", type: "string" }, { const: "require", type: "string" }, { const: "verify-ca", type: "string" }, { const: "verify-full", type: "string" }] }, caFile: { minLength: 1, description: "PEM file of the server CA (Cloud SQL: server-ca.pem); relative to the config file", type: "string" }, servername: { minLength: 1, description: "name verify-full checks the certificate against; default host", type: "string" }, appUser: { minLength: 1, description: "role the application connects as, when the probe logs in with its own audit role; default the login", type: "string" }, allowPlaintextCredentials: { description: "send the credential even over a connection without TLS (sslmode: disable); only from a trusted configuration (docs/security.md); default false", type: "boolean" }, name: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$", description: "name of this target in every verdict and report (list form); default its host", type: "string" }, expectations: { description: "expectations of this target, merged over the environment's (same shape as expectations)", type: "object", patternProperties: { "^(.*)$": {} } }, fromSecret: { additionalProperties: false, description: "log in with the user and password of the app's Kubernetes Secret (read with the k8s layer's kubeconfig)", type: "object", properties: { namespace: { minLength: 1, description: "default expectations.app.namespace", type: "string" }, name: { minLength: 1, description: "default the first of expectations.app.secrets", type: "string" }, userKey: { minLength: 1, description: "default the first of expectations.app.dbUserKeys present", type: "string" }, passwordKey: { minLength: 1, description: "default db-password, DB_PASSWORD, DATABASE_PASSWORD, POSTGRES_PASSWORD", type: "string" } } } } } }] }, redis: { anyOf: [{ additionalProperties: false, type: "object", required: ["host"], properties: { host: { minLength: 1, description: "host name or IP address (Memorystore: the instance host)", type: "string" }, port: { minimum: 1, maximum: 65535, description: "default 6378 with tls, else 6379", type: "integer" }, tls: { description: "connect with TLS (Memorystore SERVER_AUTHENTICATION); default true. With false the probe never attempts a TLS handshake", type: "boolean" }, caFile: { minLength: 1, description: "PEM file of the server CA (Memorystore: server-ca.pem); relative to the config file", type: "string" }, servername: { minLength: 1, description: "name the certificate is checked against; default host", type: "string" }, user: { minLength: 1, description: "ACL user to AUTH as (Redis 6+, e.g. when `user default off`); default the default user", type: "string" }, passwordEnv: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$", description: "NAME of the environment variable holding the AUTH string, or the ACL user\u2019s password (never the value itself)", type: "string" }, allowPlaintextCredentials: { description: "send the credential even over a connection without TLS (tls: false); only from a trusted configuration (docs/security.md); default false", type: "boolean" }, name: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$", description: "name of this target in every verdict and report (list form); default its host", type: "string" }, expectations: { description: "expectations of this target, merged over the environment's (same shape as expectations)", type: "object", patternProperties: { "^(.*)$": {} } } } }, { minItems: 1, description: "several Redis servers, each a named target", type: "array", items: { additionalProperties: false, type: "object", required: ["host"], properties: { host: { minLength: 1, description: "host name or IP address (Memorystore: the instance host)", type: "string" }, port: { minimum: 1, maximum: 65535, description: "default 6378 with tls, else 6379", type: "integer" }, tls: { description: "connect with TLS (Memorystore SERVER_AUTHENTICATION); default true. With false the probe never attempts a TLS handshake", type: "boolean" }, caFile: { minLength: 1, description: "PEM file of the server CA (Memorystore: server-ca.pem); relative to the config file", type: "string" }, servername: { minLength: 1, description: "name the certificate is checked against; default host", type: "string" }, user: { minLength: 1, description: "ACL user to AUTH as (Redis 6+, e.g. when `user default off`); default the default user", type: "string" }, passwordEnv: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$", description: "NAME of the environment variable holding the AUTH string, or the ACL user\u2019s password (never the value itself)", type: "string" }, allowPlaintextCredentials: { description: "send the credential even over a connection without TLS (tls: false); only from a trusted configuration (docs/security.md); default false", type: "boolean" }, name: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$", description: "name of this target in every verdict and report (list form); default its host", type: "string" }, expectations: { description: "expectations of this target, merged over the environment's (same shape as expectations)", type: "object", patternProperties: { "^(.*)$": {} } } } } }] }, registry: { anyOf: [{ additionalProperties: false, type: "object", properties: { images: { description: "images to resolve; default the images the workloads run (imagesFrom)", type: "array", items: { minLength: 1, description: "image reference, e.g. us-central1-docker.pkg.dev/p/r/app:v1", type: "string" } }, imagesFrom: { minItems: 1, description: "where to find the workloads' images when `images` is not given: the repository's manifests (default) and/or the live pods of the app namespace", type: "array", items: { anyOf: [{ const: "manifests", type: "string" }, { const: "cluster", type: "string" }] } }, url: { pattern: "^https?://[^/]+/?$", description: "send every registry request to this base URL (a mirror, or a local registry in tests)", type: "string" }, plainHttpHosts: { description: "registry hosts reached over plain HTTP (local test registries only)", type: "array", items: { minLength: 1, type: "string" } }, caFile: { minLength: 1, description: "PEM file of an extra CA for the registry; relative to the config file", type: "string" }, usernameEnv: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$", description: "NAME of the environment variable holding a registry user name (registries other than Artifact Registry) (never the value itself)", type: "string" }, passwordEnv: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$", description: "NAME of the environment variable holding that user\u2019s password or access token (never the value itself)", type: "string" }, allowPlaintextCredentials: { description: "send the credential even over a connection without TLS (plainHttpHosts); only from a trusted configuration (docs/security.md); default false", type: "boolean" }, name: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$", description: "name of this target in every verdict and report (list form); default its host", type: "string" }, expectations: { description: "expectations of this target, merged over the environment's (same shape as expectations)", type: "object", patternProperties: { "^(.*)$": {} } } } }, { minItems: 1, description: "several registries, each a named target", type: "array", items: { additionalProperties: false, type: "object", properties: { images: { description: "images to resolve; default the images the workloads run (imagesFrom)", type: "array", items: { minLength: 1, description: "image reference, e.g. us-central1-docker.pkg.dev/p/r/app:v1", type: "string" } }, imagesFrom: { minItems: 1, description: "where to find the workloads' images when `images` is not given: the repository's manifests (default) and/or the live pods of the app namespace", type: "array", items: { anyOf: [{ const: "manifests", type: "string" }, { const: "cluster", type: "string" }] } }, url: { pattern: "^https?://[^/]+/?$", description: "send every registry request to this base URL (a mirror, or a local registry in tests)", type: "string" }, plainHttpHosts: { description: "registry hosts reached over plain HTTP (local test registries only)", type: "array", items: { minLength: 1, type: "string" } }, caFile: { minLength: 1, description: "PEM file of an extra CA for the registry; relative to the config file", type: "string" }, usernameEnv: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$", description: "NAME of the environment variable holding a registry user name (registries other than Artifact Registry) (never the value itself)", type: "string" }, passwordEnv: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$", description: "NAME of the environment variable holding that user\u2019s password or access token (never the value itself)", type: "string" }, allowPlaintextCredentials: { description: "send the credential even over a connection without TLS (plainHttpHosts); only from a trusted configuration (docs/security.md); default false", type: "boolean" }, name: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$", description: "name of this target in every verdict and report (list form); default its host", type: "string" }, expectations: { description: "expectations of this target, merged over the environment's (same shape as expectations)", type: "object", patternProperties: { "^(.*)$": {} } } } } }] }, http: { anyOf: [{ additionalProperties: false, type: "object", required: ["baseUrl"], properties: { baseUrl: { pattern: "^https?://[^/]+/?$", description: "e.g. https://staging-api.coditect.ai", type: "string" }, livePath: { pattern: "^/", description: "default /api/v1/health/live", type: "string" }, readyPath: { pattern: "^/", description: "default /api/v1/health/ready", type: "string" }, protectedPaths: { description: "default /api/v1/licenses/", type: "array", items: { pattern: "^/", description: "must answer 401 without a token", type: "string" } }, readyComponents: { description: 'fields of the ready answer that must say "connected"; default database, redis', type: "array", items: { minLength: 1, type: "string" } }, httpUrl: { pattern: "^http://[^/]+/?$", description: "plain-HTTP address whose redirect to HTTPS is checked; default http://<host of baseUrl>", type: "string" }, caFile: { minLength: 1, description: "PEM file of an extra CA; relative to the config file", type: "string" }, minCertificateDays: { minimum: 0, description: "days the certificate must stay valid; default 14", type: "integer" }, name: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$", description: "name of this target in every verdict and report (list form); default its host", type: "string" }, expectations: { description: "expectations of this target, merged over the environment's (same shape as expectations)", type: "object", patternProperties: { "^(.*)$": {} } } } }, { minItems: 1, description: "several web endpoints, each a named target", type: "array", items: { additionalProperties: false, type: "object", required: ["baseUrl"], properties: { baseUrl: { pattern: "^https?://[^/]+/?$", description: "e.g. https://staging-api.coditect.ai", type: "string" }, livePath: { pattern: "^/", description: "default /api/v1/health/live", type: "string" }, readyPath: { pattern: "^/", description: "default /api/v1/health/ready", type: "string" }, protectedPaths: { description: "default /api/v1/licenses/", type: "array", items: { pattern: "^/", description: "must answer 401 without a token", type: "string" } }, readyComponents: { description: 'fields of the ready answer that must say "connected"; default database, redis', type: "array", items: { minLength: 1, type: "string" } }, httpUrl: { pattern: "^http://[^/]+/?$", description: "plain-HTTP address whose redirect to HTTPS is checked; default http://<host of baseUrl>", type: "string" }, caFile: { minLength: 1, description: "PEM file of an extra CA; relative to the config file", type: "string" }, minCertificateDays: { minimum: 0, description: "days the certificate must stay valid; default 14", type: "integer" }, name: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$", description: "name of this target in every verdict and report (list form); default its host", type: "string" }, expectations: { description: "expectations of this target, merged over the environment's (same shape as expectations)", type: "object", patternProperties: { "^(.*)$": {} } } } } }] }, deadlineSeconds: { minimum: 1, maximum: 3600, description: "most time the whole layer may take; what is not read by then becomes error verdicts (docs/security.md); default 120", type: "integer" }, timeoutMs: { minimum: 100, maximum: 12e4, description: "per connection, handshake and request; default 5000", type: "integer" } } } } }, expectations: { additionalProperties: false, type: "object", properties: { project: { minLength: 1, description: "Google Cloud project id", type: "string" }, region: { minLength: 1, type: "string" }, platforms: { minItems: 1, description: "platforms images must support, e.g. linux/amd64", type: "array", items: { pattern: "^[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?$", type: "string" } }, app: { additionalProperties: false, type: "object", properties: { namespace: { minLength: 1, type: "string" }, deployment: { minLength: 1, type: "string" }, container: { minLength: 1, type: "string" }, serviceAccount: { minLength: 1, type: "string" }, secrets: { description: "Secrets holding the app credentials", type: "array", items: { minLength: 1, type: "string" } }, image: { minLength: 1, description: "image repository the app runs, without tag", type: "string" }, minReplicas: { minimum: 1, type: "integer" }, dbUserKeys: { type: "array", items: { minLength: 1, type: "string" } } } }, registry: { additionalProperties: false, type: "object", properties: { location: { minLength: 1, type: "string" }, repository: { minLength: 1, type: "string" }, host: { minLength: 1, type: "string" } } }, database: { additionalProperties: false, type: "object", properties: { instance: { minLength: 1, type: "string" }, name: { minLength: 1, type: "string" }, superuserNames: { type: "array", items: { minLength: 1, type: "string" } } } }, redis: { additionalProperties: false, type: "object", properties: { instance: { minLength: 1, type: "string" } } }, kms: { additionalProperties: false, type: "object", properties: { location: { minLength: 1, type: "string" }, keyRing: { minLength: 1, type: "string" }, key: { minLength: 1, type: "string" }, purpose: { minLength: 1, type: "string" }, algorithm: { minLength: 1, type: "string" }, signer: { minLength: 1, description: "IAM member that must hold roles/cloudkms.signerVerifier", type: "string" } } }, secretManager: { additionalProperties: false, type: "object", properties: { secrets: { type: "array", items: { minLength: 1, type: "string" } } } }, alertPolicies: { additionalProperties: false, type: "object", properties: { errorRate: { minLength: 1, type: "string" }, latencyP99: { minLength: 1, type: "string" }, crashLoop: { minLength: 1, type: "string" }, databaseConnectionErrors: { minLength: 1, type: "string" } } }, domain: { minLength: 1, description: "public host name of the app", type: "string" }, cicd: { additionalProperties: false, type: "object", properties: { branch: { minLength: 1, type: "string" }, workflows: { type: "array", items: { minLength: 1, type: "string" } } } } } }, rules: { description: "per-rule override: off, or a priority", type: "object", patternProperties: { "^(.*)$": { anyOf: [{ const: "off", type: "string" }, { anyOf: [{ const: "P0", type: "string" }, { const: "P1", type: "string" }, { const: "P2", type: "string" }] }] } } } } } } }, suppressions: { type: "array", items: { additionalProperties: false, type: "object", required: ["rule", "reason"], properties: { rule: { minLength: 1, description: "rule id (or alias), or * for every rule", type: "string" }, resource: { minLength: 1, description: "glob matched against the resource id and its file; default every resource", type: "string" }, reason: { minLength: 3, description: "why this is accepted; required", type: "string" }, expires: { format: "date", description: "YYYY-MM-DD; the suppression stops applying after it", type: "string" } } } } } };
var d = ie.default;
var x = Object.prototype.hasOwnProperty;
var le = ne.default;
var me = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.-]*$", "u");
var _ = new RegExp("^https?://[^\\s/]+/?$", "u");
var ce = new RegExp("^[a-z][a-z0-9-]{4,28}[a-z0-9]$", "u");
var ye = new RegExp("^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$", "u");
var N = new RegExp("^[A-Za-z0-9][A-Za-z0-9_.:-]*$", "u");
var pe = new RegExp("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "u");
var j = new RegExp("^[A-Za-z_][A-Za-z0-9_]*$", "u");
var V = new RegExp("^https?://[^/]+/?$", "u");
var M = new RegExp("^/", "u");
var ae = new RegExp("^http://[^/]+/?$", "u");
var ge = new RegExp("^[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?$", "u");
var he = new RegExp("^(.*)$", "u");
var fe = oe.fullFormats.date;
function se(D, { instancePath: p = "", parentData: ue, parentDataProperty: de, rootData: ve = D } = {}) {
  let e = null, r = 0;
  if (D && typeof D == "object" && !Array.isArray(D)) {
    if (D.version === void 0) {
      const A = { instancePath: p, schemaPath: "#/required", keyword: "required", params: { missingProperty: "version" }, message: "must have required property 'version'" };
      e === null ? e = [A] : e.push(A), r++;
    }
    if (D.environments === void 0) {
      const A = { instancePath: p, schemaPath: "#/required", keyword: "required", params: { missingProperty: "environments" }, message: "must have required property 'environments'" };
      e === null ? e = [A] : e.push(A), r++;
    }
    for (const A in D) if (!(A === "$schema" || A === "version" || A === "adr" || A === "plugins" || A === "environments" || A === "suppressions")) {
      const s = { instancePath: p, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: A }, message: "must NOT have additional properties" };
      e === null ? e = [s] : e.push(s), r++;
    }
    if (D.$schema !== void 0 && typeof D.$schema != "string") {
      const A = { instancePath: p + "/$schema", schemaPath: "#/properties/%24schema/type", keyword: "type", params: { type: "string" }, message: "must be string" };
      e === null ? e = [A] : e.push(A), r++;
    }
    if (D.version !== void 0) {
      let A = D.version;
      if (typeof A != "number") {
        const s = { instancePath: p + "/version", schemaPath: "#/properties/version/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        e === null ? e = [s] : e.push(s), r++;
      }
      if (A !== 1) {
        const s = { instancePath: p + "/version", schemaPath: "#/properties/version/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
        e === null ? e = [s] : e.push(s), r++;
      }
    }
    if (D.adr !== void 0) {
      let A = D.adr;
      if (typeof A == "string") {
        if (d(A) < 1) {
          const s = { instancePath: p + "/adr", schemaPath: "#/properties/adr/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          e === null ? e = [s] : e.push(s), r++;
        }
      } else {
        const s = { instancePath: p + "/adr", schemaPath: "#/properties/adr/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [s] : e.push(s), r++;
      }
    }
    if (D.plugins !== void 0) {
      let A = D.plugins;
      if (Array.isArray(A)) {
        const s = A.length;
        for (let b = 0; b < s; b++) {
          let u = A[b];
          if (typeof u == "string") {
            if (d(u) < 1) {
              const o = { instancePath: p + "/plugins/" + b, schemaPath: "#/properties/plugins/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [o] : e.push(o), r++;
            }
          } else {
            const o = { instancePath: p + "/plugins/" + b, schemaPath: "#/properties/plugins/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [o] : e.push(o), r++;
          }
        }
      } else {
        const s = { instancePath: p + "/plugins", schemaPath: "#/properties/plugins/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        e === null ? e = [s] : e.push(s), r++;
      }
    }
    if (D.environments !== void 0) {
      let A = D.environments;
      if (A && typeof A == "object" && !Array.isArray(A)) {
        if (Object.keys(A).length < 1) {
          const s = { instancePath: p + "/environments", schemaPath: "#/properties/environments/minProperties", keyword: "minProperties", params: { limit: 1 }, message: "must NOT have fewer than 1 properties" };
          e === null ? e = [s] : e.push(s), r++;
        }
        for (const s in A) if (me.test(s)) {
          let b = A[s];
          if (b && typeof b == "object" && !Array.isArray(b)) {
            for (const u in b) if (!(u === "tier" || u === "failOn" || u === "strict" || u === "gate" || u === "layers" || u === "expectations" || u === "rules")) {
              const o = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: u }, message: "must NOT have additional properties" };
              e === null ? e = [o] : e.push(o), r++;
            }
            if (b.tier !== void 0) {
              let u = b.tier;
              if (typeof u == "string") {
                if (d(u) < 1) {
                  const o = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/tier", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/tier/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [o] : e.push(o), r++;
                }
              } else {
                const o = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/tier", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/tier/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [o] : e.push(o), r++;
              }
            }
            if (b.failOn !== void 0) {
              let u = b.failOn;
              const o = r;
              let t = false;
              const a = r;
              if (typeof u != "string") {
                const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/failOn", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/failOn/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [y] : e.push(y), r++;
              }
              if (u !== "P0") {
                const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/failOn", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/failOn/anyOf/0/const", keyword: "const", params: { allowedValue: "P0" }, message: "must be equal to constant" };
                e === null ? e = [y] : e.push(y), r++;
              }
              var T = a === r;
              if (t = t || T, !t) {
                const y = r;
                if (typeof u != "string") {
                  const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/failOn", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/failOn/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                  e === null ? e = [i] : e.push(i), r++;
                }
                if (u !== "P1") {
                  const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/failOn", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/failOn/anyOf/1/const", keyword: "const", params: { allowedValue: "P1" }, message: "must be equal to constant" };
                  e === null ? e = [i] : e.push(i), r++;
                }
                var T = y === r;
                if (t = t || T, !t) {
                  const i = r;
                  if (typeof u != "string") {
                    const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/failOn", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/failOn/anyOf/2/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    e === null ? e = [h] : e.push(h), r++;
                  }
                  if (u !== "P2") {
                    const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/failOn", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/failOn/anyOf/2/const", keyword: "const", params: { allowedValue: "P2" }, message: "must be equal to constant" };
                    e === null ? e = [h] : e.push(h), r++;
                  }
                  var T = i === r;
                  if (t = t || T, !t) {
                    const h = r;
                    if (typeof u != "string") {
                      const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/failOn", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/failOn/anyOf/3/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      e === null ? e = [g] : e.push(g), r++;
                    }
                    if (u !== "none") {
                      const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/failOn", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/failOn/anyOf/3/const", keyword: "const", params: { allowedValue: "none" }, message: "must be equal to constant" };
                      e === null ? e = [g] : e.push(g), r++;
                    }
                    var T = h === r;
                    t = t || T;
                  }
                }
              }
              if (t) r = o, e !== null && (o ? e.length = o : e = null);
              else {
                const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/failOn", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/failOn/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                e === null ? e = [y] : e.push(y), r++;
              }
            }
            if (b.strict !== void 0 && typeof b.strict != "boolean") {
              const u = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/strict", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/strict/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
              e === null ? e = [u] : e.push(u), r++;
            }
            if (b.gate !== void 0) {
              let u = b.gate;
              if (u && typeof u == "object" && !Array.isArray(u)) {
                for (const o in u) if (o !== "targets") {
                  const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/gate", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/gate/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: o }, message: "must NOT have additional properties" };
                  e === null ? e = [t] : e.push(t), r++;
                }
                if (u.targets !== void 0) {
                  let o = u.targets;
                  if (Array.isArray(o)) {
                    if (o.length < 1) {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/gate/targets", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/gate/properties/targets/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    const t = o.length;
                    for (let a = 0; a < t; a++) {
                      let y = o[a];
                      if (typeof y == "string") {
                        if (d(y) < 1) {
                          const v = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/gate/targets/" + a, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/gate/properties/targets/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [v] : e.push(v), r++;
                        }
                      } else {
                        const v = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/gate/targets/" + a, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/gate/properties/targets/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [v] : e.push(v), r++;
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/gate/targets", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/gate/properties/targets/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
              } else {
                const o = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/gate", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/gate/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                e === null ? e = [o] : e.push(o), r++;
              }
            }
            if (b.layers !== void 0) {
              let u = b.layers;
              if (u && typeof u == "object" && !Array.isArray(u)) {
                for (const o in u) if (!(o === "files" || o === "gcp" || o === "k8s" || o === "probe")) {
                  const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: o }, message: "must NOT have additional properties" };
                  e === null ? e = [t] : e.push(t), r++;
                }
                if (u.files !== void 0) {
                  let o = u.files;
                  const t = r;
                  let a = false;
                  const y = r;
                  if (typeof o != "boolean") {
                    const v = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/files", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/files/anyOf/0/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                    e === null ? e = [v] : e.push(v), r++;
                  }
                  var G = y === r;
                  if (a = a || G, !a) {
                    const v = r;
                    if (o && typeof o == "object" && !Array.isArray(o)) {
                      for (const n in o) if (!(n === "include" || n === "exclude")) {
                        const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/files", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/files/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: n }, message: "must NOT have additional properties" };
                        e === null ? e = [h] : e.push(h), r++;
                      }
                      if (o.include !== void 0) {
                        let n = o.include;
                        if (Array.isArray(n)) {
                          const h = n.length;
                          for (let c = 0; c < h; c++) {
                            let g = n[c];
                            if (typeof g == "string") {
                              if (d(g) < 1) {
                                const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/files/include/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/files/anyOf/1/properties/include/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                e === null ? e = [m] : e.push(m), r++;
                              }
                            } else {
                              const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/files/include/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/files/anyOf/1/properties/include/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                              e === null ? e = [m] : e.push(m), r++;
                            }
                          }
                        } else {
                          const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/files/include", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/files/anyOf/1/properties/include/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                          e === null ? e = [h] : e.push(h), r++;
                        }
                      }
                      if (o.exclude !== void 0) {
                        let n = o.exclude;
                        if (Array.isArray(n)) {
                          const h = n.length;
                          for (let c = 0; c < h; c++) {
                            let g = n[c];
                            if (typeof g == "string") {
                              if (d(g) < 1) {
                                const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/files/exclude/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/files/anyOf/1/properties/exclude/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                e === null ? e = [m] : e.push(m), r++;
                              }
                            } else {
                              const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/files/exclude/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/files/anyOf/1/properties/exclude/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                              e === null ? e = [m] : e.push(m), r++;
                            }
                          }
                        } else {
                          const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/files/exclude", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/files/anyOf/1/properties/exclude/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                          e === null ? e = [h] : e.push(h), r++;
                        }
                      }
                    } else {
                      const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/files", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/files/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                      e === null ? e = [n] : e.push(n), r++;
                    }
                    var G = v === r;
                    a = a || G;
                  }
                  if (a) r = t, e !== null && (t ? e.length = t : e = null);
                  else {
                    const v = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/files", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/files/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                    e === null ? e = [v] : e.push(v), r++;
                  }
                }
                if (u.gcp !== void 0) {
                  let o = u.gcp;
                  if (o && typeof o == "object" && !Array.isArray(o)) {
                    for (const t in o) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.layers.properties.gcp.properties, t)) {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    if (o.projects !== void 0) {
                      let t = o.projects;
                      if (Array.isArray(t)) {
                        if (t.length < 1) {
                          const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/projects", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/projects/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                          e === null ? e = [y] : e.push(y), r++;
                        }
                        const a = t.length;
                        for (let y = 0; y < a; y++) {
                          let v = t[y];
                          if (typeof v == "string") {
                            if (d(v) < 1) {
                              const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/projects/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/projects/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [i] : e.push(i), r++;
                            }
                          } else {
                            const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/projects/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/projects/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [i] : e.push(i), r++;
                          }
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/projects", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/projects/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.locations !== void 0) {
                      let t = o.locations;
                      if (Array.isArray(t)) {
                        if (t.length < 1) {
                          const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/locations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/locations/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                          e === null ? e = [y] : e.push(y), r++;
                        }
                        const a = t.length;
                        for (let y = 0; y < a; y++) {
                          let v = t[y];
                          if (typeof v == "string") {
                            if (d(v) < 1) {
                              const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/locations/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/locations/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [i] : e.push(i), r++;
                            }
                          } else {
                            const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/locations/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/locations/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [i] : e.push(i), r++;
                          }
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/locations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/locations/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.services !== void 0) {
                      let t = o.services;
                      if (Array.isArray(t)) {
                        if (t.length < 1) {
                          const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                          e === null ? e = [i] : e.push(i), r++;
                        }
                        const a = t.length;
                        for (let i = 0; i < a; i++) {
                          let n = t[i];
                          const h = r;
                          let c = false;
                          const g = r;
                          if (typeof n != "string") {
                            const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [m] : e.push(m), r++;
                          }
                          if (n !== "sqladmin") {
                            const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/0/const", keyword: "const", params: { allowedValue: "sqladmin" }, message: "must be equal to constant" };
                            e === null ? e = [m] : e.push(m), r++;
                          }
                          var Z = g === r;
                          if (c = c || Z, !c) {
                            const m = r;
                            if (typeof n != "string") {
                              const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                              e === null ? e = [f] : e.push(f), r++;
                            }
                            if (n !== "redis") {
                              const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/1/const", keyword: "const", params: { allowedValue: "redis" }, message: "must be equal to constant" };
                              e === null ? e = [f] : e.push(f), r++;
                            }
                            var Z = m === r;
                            if (c = c || Z, !c) {
                              const f = r;
                              if (typeof n != "string") {
                                const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/2/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                e === null ? e = [P] : e.push(P), r++;
                              }
                              if (n !== "cloudkms") {
                                const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/2/const", keyword: "const", params: { allowedValue: "cloudkms" }, message: "must be equal to constant" };
                                e === null ? e = [P] : e.push(P), r++;
                              }
                              var Z = f === r;
                              if (c = c || Z, !c) {
                                const P = r;
                                if (typeof n != "string") {
                                  const B = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/3/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [B] : e.push(B), r++;
                                }
                                if (n !== "secretmanager") {
                                  const B = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/3/const", keyword: "const", params: { allowedValue: "secretmanager" }, message: "must be equal to constant" };
                                  e === null ? e = [B] : e.push(B), r++;
                                }
                                var Z = P === r;
                                if (c = c || Z, !c) {
                                  const B = r;
                                  if (typeof n != "string") {
                                    const w = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/4/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    e === null ? e = [w] : e.push(w), r++;
                                  }
                                  if (n !== "artifactregistry") {
                                    const w = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/4/const", keyword: "const", params: { allowedValue: "artifactregistry" }, message: "must be equal to constant" };
                                    e === null ? e = [w] : e.push(w), r++;
                                  }
                                  var Z = B === r;
                                  if (c = c || Z, !c) {
                                    const w = r;
                                    if (typeof n != "string") {
                                      const k = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/5/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [k] : e.push(k), r++;
                                    }
                                    if (n !== "serviceusage") {
                                      const k = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/5/const", keyword: "const", params: { allowedValue: "serviceusage" }, message: "must be equal to constant" };
                                      e === null ? e = [k] : e.push(k), r++;
                                    }
                                    var Z = w === r;
                                    if (c = c || Z, !c) {
                                      const k = r;
                                      if (typeof n != "string") {
                                        const q = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/6/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        e === null ? e = [q] : e.push(q), r++;
                                      }
                                      if (n !== "container") {
                                        const q = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/6/const", keyword: "const", params: { allowedValue: "container" }, message: "must be equal to constant" };
                                        e === null ? e = [q] : e.push(q), r++;
                                      }
                                      var Z = k === r;
                                      if (c = c || Z, !c) {
                                        const q = r;
                                        if (typeof n != "string") {
                                          const C = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/7/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                          e === null ? e = [C] : e.push(C), r++;
                                        }
                                        if (n !== "monitoring") {
                                          const C = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/7/const", keyword: "const", params: { allowedValue: "monitoring" }, message: "must be equal to constant" };
                                          e === null ? e = [C] : e.push(C), r++;
                                        }
                                        var Z = q === r;
                                        if (c = c || Z, !c) {
                                          const C = r;
                                          if (typeof n != "string") {
                                            const F = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/8/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                            e === null ? e = [F] : e.push(F), r++;
                                          }
                                          if (n !== "compute") {
                                            const F = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/8/const", keyword: "const", params: { allowedValue: "compute" }, message: "must be equal to constant" };
                                            e === null ? e = [F] : e.push(F), r++;
                                          }
                                          var Z = C === r;
                                          if (c = c || Z, !c) {
                                            const F = r;
                                            if (typeof n != "string") {
                                              const U = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/9/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                              e === null ? e = [U] : e.push(U), r++;
                                            }
                                            if (n !== "cloudresourcemanager") {
                                              const U = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/9/const", keyword: "const", params: { allowedValue: "cloudresourcemanager" }, message: "must be equal to constant" };
                                              e === null ? e = [U] : e.push(U), r++;
                                            }
                                            var Z = F === r;
                                            if (c = c || Z, !c) {
                                              const U = r;
                                              if (typeof n != "string") {
                                                const I = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/10/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                e === null ? e = [I] : e.push(I), r++;
                                              }
                                              if (n !== "iam") {
                                                const I = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/10/const", keyword: "const", params: { allowedValue: "iam" }, message: "must be equal to constant" };
                                                e === null ? e = [I] : e.push(I), r++;
                                              }
                                              var Z = U === r;
                                              if (c = c || Z, !c) {
                                                const I = r;
                                                if (typeof n != "string") {
                                                  const K = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/11/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                                  e === null ? e = [K] : e.push(K), r++;
                                                }
                                                if (n !== "identitytoolkit") {
                                                  const K = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf/11/const", keyword: "const", params: { allowedValue: "identitytoolkit" }, message: "must be equal to constant" };
                                                  e === null ? e = [K] : e.push(K), r++;
                                                }
                                                var Z = I === r;
                                                c = c || Z;
                                              }
                                            }
                                          }
                                        }
                                      }
                                    }
                                  }
                                }
                              }
                            }
                          }
                          if (c) r = h, e !== null && (h ? e.length = h : e = null);
                          else {
                            const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services/" + i, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/items/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                            e === null ? e = [m] : e.push(m), r++;
                          }
                        }
                        let y = t.length, v;
                        if (y > 1) {
                          e: for (; y--; ) for (v = y; v--; ) if (le(t[y], t[v])) {
                            const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/uniqueItems", keyword: "uniqueItems", params: { i: y, j: v }, message: "must NOT have duplicate items (items ## " + v + " and " + y + " are identical)" };
                            e === null ? e = [i] : e.push(i), r++;
                            break e;
                          }
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/services", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/services/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.endpoint !== void 0) {
                      let t = o.endpoint;
                      if (typeof t == "string") {
                        if (!_.test(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoint", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoint/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoint", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoint/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.endpointOnly !== void 0 && typeof o.endpointOnly != "boolean") {
                      const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpointOnly", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpointOnly/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                      e === null ? e = [t] : e.push(t), r++;
                    }
                    if (o.endpoints !== void 0) {
                      let t = o.endpoints;
                      if (t && typeof t == "object" && !Array.isArray(t)) {
                        for (const a in t) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.layers.properties.gcp.properties.endpoints.properties, a)) {
                          const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: a }, message: "must NOT have additional properties" };
                          e === null ? e = [y] : e.push(y), r++;
                        }
                        if (t.sqladmin !== void 0) {
                          let a = t.sqladmin;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/sqladmin", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/sqladmin/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/sqladmin", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/sqladmin/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                        if (t.redis !== void 0) {
                          let a = t.redis;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/redis", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/redis/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/redis", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/redis/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                        if (t.cloudkms !== void 0) {
                          let a = t.cloudkms;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/cloudkms", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/cloudkms/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/cloudkms", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/cloudkms/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                        if (t.secretmanager !== void 0) {
                          let a = t.secretmanager;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/secretmanager", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/secretmanager/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/secretmanager", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/secretmanager/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                        if (t.artifactregistry !== void 0) {
                          let a = t.artifactregistry;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/artifactregistry", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/artifactregistry/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/artifactregistry", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/artifactregistry/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                        if (t.serviceusage !== void 0) {
                          let a = t.serviceusage;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/serviceusage", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/serviceusage/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/serviceusage", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/serviceusage/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                        if (t.container !== void 0) {
                          let a = t.container;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/container", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/container/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/container", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/container/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                        if (t.monitoring !== void 0) {
                          let a = t.monitoring;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/monitoring", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/monitoring/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/monitoring", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/monitoring/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                        if (t.compute !== void 0) {
                          let a = t.compute;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/compute", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/compute/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/compute", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/compute/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                        if (t.cloudresourcemanager !== void 0) {
                          let a = t.cloudresourcemanager;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/cloudresourcemanager", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/cloudresourcemanager/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/cloudresourcemanager", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/cloudresourcemanager/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                        if (t.iam !== void 0) {
                          let a = t.iam;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/iam", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/iam/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/iam", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/iam/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                        if (t.identitytoolkit !== void 0) {
                          let a = t.identitytoolkit;
                          if (typeof a == "string") {
                            if (!_.test(a)) {
                              const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/identitytoolkit", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/identitytoolkit/pattern", keyword: "pattern", params: { pattern: "^https?://[^\\s/]+/?$" }, message: 'must match pattern "^https?://[^\\s/]+/?$"' };
                              e === null ? e = [y] : e.push(y), r++;
                            }
                          } else {
                            const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints/identitytoolkit", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/properties/identitytoolkit/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [y] : e.push(y), r++;
                          }
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/endpoints", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/endpoints/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.quotaProject !== void 0) {
                      let t = o.quotaProject;
                      if (typeof t == "string") {
                        if (!ce.test(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/quotaProject", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/quotaProject/pattern", keyword: "pattern", params: { pattern: "^[a-z][a-z0-9-]{4,28}[a-z0-9]$" }, message: 'must match pattern "^[a-z][a-z0-9-]{4,28}[a-z0-9]$"' };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/quotaProject", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/quotaProject/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.universeDomain !== void 0) {
                      let t = o.universeDomain;
                      if (typeof t == "string") {
                        if (!ye.test(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/universeDomain", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/universeDomain/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$" }, message: 'must match pattern "^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$"' };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/universeDomain", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/universeDomain/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.concurrency !== void 0) {
                      let t = o.concurrency;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/concurrency", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/concurrency/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 64 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/concurrency", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/concurrency/maximum", keyword: "maximum", params: { comparison: "<=", limit: 64 }, message: "must be <= 64" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 1 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/concurrency", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/concurrency/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                    if (o.deadlineSeconds !== void 0) {
                      let t = o.deadlineSeconds;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/deadlineSeconds", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/deadlineSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 3600 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/deadlineSeconds", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/deadlineSeconds/maximum", keyword: "maximum", params: { comparison: "<=", limit: 3600 }, message: "must be <= 3600" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 1 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/deadlineSeconds", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/deadlineSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                    if (o.timeoutMs !== void 0) {
                      let t = o.timeoutMs;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/timeoutMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/timeoutMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 6e5 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/timeoutMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/timeoutMs/maximum", keyword: "maximum", params: { comparison: "<=", limit: 6e5 }, message: "must be <= 600000" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 100 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/timeoutMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/timeoutMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 100 }, message: "must be >= 100" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                    if (o.retries !== void 0) {
                      let t = o.retries;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/retries", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/retries/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 10 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/retries", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/retries/maximum", keyword: "maximum", params: { comparison: "<=", limit: 10 }, message: "must be <= 10" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 0 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/retries", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/retries/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                    if (o.retryBudgetMs !== void 0) {
                      let t = o.retryBudgetMs;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/retryBudgetMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/retryBudgetMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 6e5 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/retryBudgetMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/retryBudgetMs/maximum", keyword: "maximum", params: { comparison: "<=", limit: 6e5 }, message: "must be <= 600000" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 0 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp/retryBudgetMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/properties/retryBudgetMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/gcp", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/gcp/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.k8s !== void 0) {
                  let o = u.k8s;
                  if (o && typeof o == "object" && !Array.isArray(o)) {
                    for (const t in o) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.layers.properties.k8s.properties, t)) {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    if (o.context !== void 0) {
                      let t = o.context;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/context", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/context/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/context", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/context/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.contexts !== void 0) {
                      let t = o.contexts;
                      if (Array.isArray(t)) {
                        if (t.length < 1) {
                          const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                          e === null ? e = [y] : e.push(y), r++;
                        }
                        const a = t.length;
                        for (let y = 0; y < a; y++) {
                          let v = t[y];
                          const i = r;
                          let n = false;
                          const h = r;
                          if (typeof v == "string") {
                            if (d(v) < 1) {
                              const c = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/0/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [c] : e.push(c), r++;
                            }
                          } else {
                            const c = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [c] : e.push(c), r++;
                          }
                          var W = h === r;
                          if (n = n || W, !n) {
                            const c = r;
                            if (v && typeof v == "object" && !Array.isArray(v)) {
                              if (v.context === void 0) {
                                const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/required", keyword: "required", params: { missingProperty: "context" }, message: "must have required property 'context'" };
                                e === null ? e = [m] : e.push(m), r++;
                              }
                              for (const m in v) if (!(m === "context" || m === "name" || m === "namespaces" || m === "expectations")) {
                                const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: m }, message: "must NOT have additional properties" };
                                e === null ? e = [l] : e.push(l), r++;
                              }
                              if (v.context !== void 0) {
                                let m = v.context;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y + "/context", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/properties/context/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y + "/context", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/properties/context/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (v.name !== void 0) {
                                let m = v.name;
                                if (typeof m == "string") {
                                  if (!N.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y + "/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y + "/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (v.namespaces !== void 0) {
                                let m = v.namespaces;
                                if (Array.isArray(m)) {
                                  if (m.length < 1) {
                                    const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y + "/namespaces", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/properties/namespaces/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                                    e === null ? e = [f] : e.push(f), r++;
                                  }
                                  const l = m.length;
                                  for (let f = 0; f < l; f++) {
                                    let z = m[f];
                                    if (typeof z == "string") {
                                      if (!pe.test(z)) {
                                        const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y + "/namespaces/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/properties/namespaces/items/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"' };
                                        e === null ? e = [P] : e.push(P), r++;
                                      }
                                    } else {
                                      const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y + "/namespaces/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/properties/namespaces/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [P] : e.push(P), r++;
                                    }
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y + "/namespaces", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/properties/namespaces/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (v.expectations !== void 0) {
                                let m = v.expectations;
                                if (!(m && typeof m == "object" && !Array.isArray(m))) {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y + "/expectations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/properties/expectations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                            } else {
                              const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf/1/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                              e === null ? e = [m] : e.push(m), r++;
                            }
                            var W = c === r;
                            n = n || W;
                          }
                          if (n) r = i, e !== null && (i ? e.length = i : e = null);
                          else {
                            const c = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/items/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                            e === null ? e = [c] : e.push(c), r++;
                          }
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/contexts", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/contexts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.kubeconfig !== void 0) {
                      let t = o.kubeconfig;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/kubeconfig", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/kubeconfig/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/kubeconfig", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/kubeconfig/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.skipWithoutContext !== void 0 && typeof o.skipWithoutContext != "boolean") {
                      const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/skipWithoutContext", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/skipWithoutContext/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                      e === null ? e = [t] : e.push(t), r++;
                    }
                    if (o.namespaces !== void 0) {
                      let t = o.namespaces;
                      if (Array.isArray(t)) {
                        if (t.length < 1) {
                          const y = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/namespaces", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/namespaces/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                          e === null ? e = [y] : e.push(y), r++;
                        }
                        const a = t.length;
                        for (let y = 0; y < a; y++) {
                          let v = t[y];
                          if (typeof v == "string") {
                            if (!pe.test(v)) {
                              const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/namespaces/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/namespaces/items/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" }, message: 'must match pattern "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$"' };
                              e === null ? e = [i] : e.push(i), r++;
                            }
                          } else {
                            const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/namespaces/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/namespaces/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [i] : e.push(i), r++;
                          }
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/namespaces", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/namespaces/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.concurrency !== void 0) {
                      let t = o.concurrency;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/concurrency", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/concurrency/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 32 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/concurrency", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/concurrency/maximum", keyword: "maximum", params: { comparison: "<=", limit: 32 }, message: "must be <= 32" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 1 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/concurrency", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/concurrency/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                    if (o.deadlineSeconds !== void 0) {
                      let t = o.deadlineSeconds;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/deadlineSeconds", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/deadlineSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 3600 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/deadlineSeconds", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/deadlineSeconds/maximum", keyword: "maximum", params: { comparison: "<=", limit: 3600 }, message: "must be <= 3600" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 1 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/deadlineSeconds", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/deadlineSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                    if (o.timeoutMs !== void 0) {
                      let t = o.timeoutMs;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/timeoutMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/timeoutMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 6e5 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/timeoutMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/timeoutMs/maximum", keyword: "maximum", params: { comparison: "<=", limit: 6e5 }, message: "must be <= 600000" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 100 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/timeoutMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/timeoutMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 100 }, message: "must be >= 100" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                    if (o.pageSize !== void 0) {
                      let t = o.pageSize;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/pageSize", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/pageSize/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 5e3 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/pageSize", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/pageSize/maximum", keyword: "maximum", params: { comparison: "<=", limit: 5e3 }, message: "must be <= 5000" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 1 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/pageSize", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/pageSize/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                    if (o.retries !== void 0) {
                      let t = o.retries;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/retries", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/retries/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 10 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/retries", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/retries/maximum", keyword: "maximum", params: { comparison: "<=", limit: 10 }, message: "must be <= 10" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 0 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s/retries", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/properties/retries/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/k8s", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/k8s/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.probe !== void 0) {
                  let o = u.probe;
                  if (o && typeof o == "object" && !Array.isArray(o)) {
                    for (const t in o) if (!(t === "postgres" || t === "redis" || t === "registry" || t === "http" || t === "deadlineSeconds" || t === "timeoutMs")) {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    if (o.postgres !== void 0) {
                      let t = o.postgres;
                      const a = r;
                      let y = false;
                      const v = r;
                      if (t && typeof t == "object" && !Array.isArray(t)) {
                        if (t.host === void 0) {
                          const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/required", keyword: "required", params: { missingProperty: "host" }, message: "must have required property 'host'" };
                          e === null ? e = [i] : e.push(i), r++;
                        }
                        for (const i in t) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.layers.properties.probe.properties.postgres.anyOf[0].properties, i)) {
                          const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: i }, message: "must NOT have additional properties" };
                          e === null ? e = [n] : e.push(n), r++;
                        }
                        if (t.host !== void 0) {
                          let i = t.host;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/host", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/host/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/host", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/host/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.port !== void 0) {
                          let i = t.port;
                          if (!(typeof i == "number" && !(i % 1) && !isNaN(i))) {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                          if (typeof i == "number") {
                            if (i > 65535 || isNaN(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                            if (i < 1 || isNaN(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          }
                        }
                        if (t.database !== void 0) {
                          let i = t.database;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/database", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/database/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/database", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/database/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.user !== void 0) {
                          let i = t.user;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/user", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/user/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/user", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/user/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.passwordEnv !== void 0) {
                          let i = t.passwordEnv;
                          if (typeof i == "string") {
                            if (!j.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/passwordEnv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/passwordEnv/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.sslmode !== void 0) {
                          let i = t.sslmode;
                          const n = r;
                          let h = false;
                          const c = r;
                          if (typeof i != "string") {
                            const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/sslmode/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [g] : e.push(g), r++;
                          }
                          if (i !== "disable") {
                            const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/sslmode/anyOf/0/const", keyword: "const", params: { allowedValue: "disable" }, message: "must be equal to constant" };
                            e === null ? e = [g] : e.push(g), r++;
                          }
                          var $ = c === r;
                          if (h = h || $, !h) {
                            const g = r;
                            if (typeof i != "string") {
                              const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/sslmode/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                              e === null ? e = [l] : e.push(l), r++;
                            }
                            if (i !== "require") {
                              const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/sslmode/anyOf/1/const", keyword: "const", params: { allowedValue: "require" }, message: "must be equal to constant" };
                              e === null ? e = [l] : e.push(l), r++;
                            }
                            var $ = g === r;
                            if (h = h || $, !h) {
                              const l = r;
                              if (typeof i != "string") {
                                const z = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/sslmode/anyOf/2/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                e === null ? e = [z] : e.push(z), r++;
                              }
                              if (i !== "verify-ca") {
                                const z = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/sslmode/anyOf/2/const", keyword: "const", params: { allowedValue: "verify-ca" }, message: "must be equal to constant" };
                                e === null ? e = [z] : e.push(z), r++;
                              }
                              var $ = l === r;
                              if (h = h || $, !h) {
                                const z = r;
                                if (typeof i != "string") {
                                  const E = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/sslmode/anyOf/3/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [E] : e.push(E), r++;
                                }
                                if (i !== "verify-full") {
                                  const E = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/sslmode/anyOf/3/const", keyword: "const", params: { allowedValue: "verify-full" }, message: "must be equal to constant" };
                                  e === null ? e = [E] : e.push(E), r++;
                                }
                                var $ = z === r;
                                h = h || $;
                              }
                            }
                          }
                          if (h) r = n, e !== null && (n ? e.length = n : e = null);
                          else {
                            const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/sslmode/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                            e === null ? e = [g] : e.push(g), r++;
                          }
                        }
                        if (t.caFile !== void 0) {
                          let i = t.caFile;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/caFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/caFile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.servername !== void 0) {
                          let i = t.servername;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/servername", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/servername/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/servername", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/servername/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.appUser !== void 0) {
                          let i = t.appUser;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/appUser", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/appUser/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/appUser", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/appUser/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.allowPlaintextCredentials !== void 0 && typeof t.allowPlaintextCredentials != "boolean") {
                          const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/allowPlaintextCredentials", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/allowPlaintextCredentials/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                          e === null ? e = [i] : e.push(i), r++;
                        }
                        if (t.name !== void 0) {
                          let i = t.name;
                          if (typeof i == "string") {
                            if (!N.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.expectations !== void 0) {
                          let i = t.expectations;
                          if (!(i && typeof i == "object" && !Array.isArray(i))) {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/expectations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/expectations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.fromSecret !== void 0) {
                          let i = t.fromSecret;
                          if (i && typeof i == "object" && !Array.isArray(i)) {
                            for (const n in i) if (!(n === "namespace" || n === "name" || n === "userKey" || n === "passwordKey")) {
                              const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/fromSecret", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/fromSecret/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: n }, message: "must NOT have additional properties" };
                              e === null ? e = [h] : e.push(h), r++;
                            }
                            if (i.namespace !== void 0) {
                              let n = i.namespace;
                              if (typeof n == "string") {
                                if (d(n) < 1) {
                                  const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/fromSecret/namespace", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/fromSecret/properties/namespace/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                  e === null ? e = [h] : e.push(h), r++;
                                }
                              } else {
                                const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/fromSecret/namespace", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/fromSecret/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                e === null ? e = [h] : e.push(h), r++;
                              }
                            }
                            if (i.name !== void 0) {
                              let n = i.name;
                              if (typeof n == "string") {
                                if (d(n) < 1) {
                                  const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/fromSecret/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/fromSecret/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                  e === null ? e = [h] : e.push(h), r++;
                                }
                              } else {
                                const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/fromSecret/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/fromSecret/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                e === null ? e = [h] : e.push(h), r++;
                              }
                            }
                            if (i.userKey !== void 0) {
                              let n = i.userKey;
                              if (typeof n == "string") {
                                if (d(n) < 1) {
                                  const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/fromSecret/userKey", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/fromSecret/properties/userKey/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                  e === null ? e = [h] : e.push(h), r++;
                                }
                              } else {
                                const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/fromSecret/userKey", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/fromSecret/properties/userKey/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                e === null ? e = [h] : e.push(h), r++;
                              }
                            }
                            if (i.passwordKey !== void 0) {
                              let n = i.passwordKey;
                              if (typeof n == "string") {
                                if (d(n) < 1) {
                                  const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/fromSecret/passwordKey", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/fromSecret/properties/passwordKey/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                  e === null ? e = [h] : e.push(h), r++;
                                }
                              } else {
                                const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/fromSecret/passwordKey", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/fromSecret/properties/passwordKey/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                e === null ? e = [h] : e.push(h), r++;
                              }
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/fromSecret", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/properties/fromSecret/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                      } else {
                        const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        e === null ? e = [i] : e.push(i), r++;
                      }
                      var Q = v === r;
                      if (y = y || Q, !y) {
                        const i = r;
                        if (Array.isArray(t)) {
                          if (t.length < 1) {
                            const c = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                            e === null ? e = [c] : e.push(c), r++;
                          }
                          const h = t.length;
                          for (let c = 0; c < h; c++) {
                            let g = t[c];
                            if (g && typeof g == "object" && !Array.isArray(g)) {
                              if (g.host === void 0) {
                                const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/required", keyword: "required", params: { missingProperty: "host" }, message: "must have required property 'host'" };
                                e === null ? e = [m] : e.push(m), r++;
                              }
                              for (const m in g) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.layers.properties.probe.properties.postgres.anyOf[1].items.properties, m)) {
                                const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: m }, message: "must NOT have additional properties" };
                                e === null ? e = [l] : e.push(l), r++;
                              }
                              if (g.host !== void 0) {
                                let m = g.host;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/host", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/host/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/host", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/host/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.port !== void 0) {
                                let m = g.port;
                                if (!(typeof m == "number" && !(m % 1) && !isNaN(m))) {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                                if (typeof m == "number") {
                                  if (m > 65535 || isNaN(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                  if (m < 1 || isNaN(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                }
                              }
                              if (g.database !== void 0) {
                                let m = g.database;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/database", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/database/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/database", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/database/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.user !== void 0) {
                                let m = g.user;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/user", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/user/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/user", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/user/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.passwordEnv !== void 0) {
                                let m = g.passwordEnv;
                                if (typeof m == "string") {
                                  if (!j.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/passwordEnv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/passwordEnv/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.sslmode !== void 0) {
                                let m = g.sslmode;
                                const l = r;
                                let f = false;
                                const z = r;
                                if (typeof m != "string") {
                                  const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/sslmode/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [P] : e.push(P), r++;
                                }
                                if (m !== "disable") {
                                  const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/sslmode/anyOf/0/const", keyword: "const", params: { allowedValue: "disable" }, message: "must be equal to constant" };
                                  e === null ? e = [P] : e.push(P), r++;
                                }
                                var S = z === r;
                                if (f = f || S, !f) {
                                  const P = r;
                                  if (typeof m != "string") {
                                    const B = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/sslmode/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                    e === null ? e = [B] : e.push(B), r++;
                                  }
                                  if (m !== "require") {
                                    const B = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/sslmode/anyOf/1/const", keyword: "const", params: { allowedValue: "require" }, message: "must be equal to constant" };
                                    e === null ? e = [B] : e.push(B), r++;
                                  }
                                  var S = P === r;
                                  if (f = f || S, !f) {
                                    const B = r;
                                    if (typeof m != "string") {
                                      const w = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/sslmode/anyOf/2/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [w] : e.push(w), r++;
                                    }
                                    if (m !== "verify-ca") {
                                      const w = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/sslmode/anyOf/2/const", keyword: "const", params: { allowedValue: "verify-ca" }, message: "must be equal to constant" };
                                      e === null ? e = [w] : e.push(w), r++;
                                    }
                                    var S = B === r;
                                    if (f = f || S, !f) {
                                      const w = r;
                                      if (typeof m != "string") {
                                        const k = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/sslmode/anyOf/3/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        e === null ? e = [k] : e.push(k), r++;
                                      }
                                      if (m !== "verify-full") {
                                        const k = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/sslmode/anyOf/3/const", keyword: "const", params: { allowedValue: "verify-full" }, message: "must be equal to constant" };
                                        e === null ? e = [k] : e.push(k), r++;
                                      }
                                      var S = w === r;
                                      f = f || S;
                                    }
                                  }
                                }
                                if (f) r = l, e !== null && (l ? e.length = l : e = null);
                                else {
                                  const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/sslmode", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/sslmode/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                                  e === null ? e = [P] : e.push(P), r++;
                                }
                              }
                              if (g.caFile !== void 0) {
                                let m = g.caFile;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/caFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/caFile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.servername !== void 0) {
                                let m = g.servername;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/servername", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/servername/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/servername", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/servername/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.appUser !== void 0) {
                                let m = g.appUser;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/appUser", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/appUser/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/appUser", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/appUser/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.allowPlaintextCredentials !== void 0 && typeof g.allowPlaintextCredentials != "boolean") {
                                const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/allowPlaintextCredentials", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/allowPlaintextCredentials/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                e === null ? e = [m] : e.push(m), r++;
                              }
                              if (g.name !== void 0) {
                                let m = g.name;
                                if (typeof m == "string") {
                                  if (!N.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.expectations !== void 0) {
                                let m = g.expectations;
                                if (!(m && typeof m == "object" && !Array.isArray(m))) {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/expectations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/expectations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.fromSecret !== void 0) {
                                let m = g.fromSecret;
                                if (m && typeof m == "object" && !Array.isArray(m)) {
                                  for (const l in m) if (!(l === "namespace" || l === "name" || l === "userKey" || l === "passwordKey")) {
                                    const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/fromSecret", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/fromSecret/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: l }, message: "must NOT have additional properties" };
                                    e === null ? e = [f] : e.push(f), r++;
                                  }
                                  if (m.namespace !== void 0) {
                                    let l = m.namespace;
                                    if (typeof l == "string") {
                                      if (d(l) < 1) {
                                        const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/fromSecret/namespace", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/fromSecret/properties/namespace/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                        e === null ? e = [f] : e.push(f), r++;
                                      }
                                    } else {
                                      const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/fromSecret/namespace", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/fromSecret/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [f] : e.push(f), r++;
                                    }
                                  }
                                  if (m.name !== void 0) {
                                    let l = m.name;
                                    if (typeof l == "string") {
                                      if (d(l) < 1) {
                                        const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/fromSecret/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/fromSecret/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                        e === null ? e = [f] : e.push(f), r++;
                                      }
                                    } else {
                                      const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/fromSecret/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/fromSecret/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [f] : e.push(f), r++;
                                    }
                                  }
                                  if (m.userKey !== void 0) {
                                    let l = m.userKey;
                                    if (typeof l == "string") {
                                      if (d(l) < 1) {
                                        const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/fromSecret/userKey", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/fromSecret/properties/userKey/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                        e === null ? e = [f] : e.push(f), r++;
                                      }
                                    } else {
                                      const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/fromSecret/userKey", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/fromSecret/properties/userKey/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [f] : e.push(f), r++;
                                    }
                                  }
                                  if (m.passwordKey !== void 0) {
                                    let l = m.passwordKey;
                                    if (typeof l == "string") {
                                      if (d(l) < 1) {
                                        const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/fromSecret/passwordKey", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/fromSecret/properties/passwordKey/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                        e === null ? e = [f] : e.push(f), r++;
                                      }
                                    } else {
                                      const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/fromSecret/passwordKey", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/fromSecret/properties/passwordKey/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [f] : e.push(f), r++;
                                    }
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c + "/fromSecret", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/properties/fromSecret/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                            } else {
                              const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                              e === null ? e = [m] : e.push(m), r++;
                            }
                          }
                        } else {
                          const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                          e === null ? e = [h] : e.push(h), r++;
                        }
                        var Q = i === r;
                        y = y || Q;
                      }
                      if (y) r = a, e !== null && (a ? e.length = a : e = null);
                      else {
                        const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/postgres", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/postgres/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                        e === null ? e = [i] : e.push(i), r++;
                      }
                    }
                    if (o.redis !== void 0) {
                      let t = o.redis;
                      const a = r;
                      let y = false;
                      const v = r;
                      if (t && typeof t == "object" && !Array.isArray(t)) {
                        if (t.host === void 0) {
                          const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/required", keyword: "required", params: { missingProperty: "host" }, message: "must have required property 'host'" };
                          e === null ? e = [i] : e.push(i), r++;
                        }
                        for (const i in t) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.layers.properties.probe.properties.redis.anyOf[0].properties, i)) {
                          const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: i }, message: "must NOT have additional properties" };
                          e === null ? e = [n] : e.push(n), r++;
                        }
                        if (t.host !== void 0) {
                          let i = t.host;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/host", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/host/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/host", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/host/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.port !== void 0) {
                          let i = t.port;
                          if (!(typeof i == "number" && !(i % 1) && !isNaN(i))) {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                          if (typeof i == "number") {
                            if (i > 65535 || isNaN(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                            if (i < 1 || isNaN(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          }
                        }
                        if (t.tls !== void 0 && typeof t.tls != "boolean") {
                          const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/tls", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/tls/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                          e === null ? e = [i] : e.push(i), r++;
                        }
                        if (t.caFile !== void 0) {
                          let i = t.caFile;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/caFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/caFile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.servername !== void 0) {
                          let i = t.servername;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/servername", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/servername/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/servername", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/servername/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.user !== void 0) {
                          let i = t.user;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/user", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/user/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/user", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/user/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.passwordEnv !== void 0) {
                          let i = t.passwordEnv;
                          if (typeof i == "string") {
                            if (!j.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/passwordEnv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/passwordEnv/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.allowPlaintextCredentials !== void 0 && typeof t.allowPlaintextCredentials != "boolean") {
                          const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/allowPlaintextCredentials", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/allowPlaintextCredentials/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                          e === null ? e = [i] : e.push(i), r++;
                        }
                        if (t.name !== void 0) {
                          let i = t.name;
                          if (typeof i == "string") {
                            if (!N.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.expectations !== void 0) {
                          let i = t.expectations;
                          if (!(i && typeof i == "object" && !Array.isArray(i))) {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/expectations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/properties/expectations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                      } else {
                        const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        e === null ? e = [i] : e.push(i), r++;
                      }
                      var Y = v === r;
                      if (y = y || Y, !y) {
                        const i = r;
                        if (Array.isArray(t)) {
                          if (t.length < 1) {
                            const c = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                            e === null ? e = [c] : e.push(c), r++;
                          }
                          const h = t.length;
                          for (let c = 0; c < h; c++) {
                            let g = t[c];
                            if (g && typeof g == "object" && !Array.isArray(g)) {
                              if (g.host === void 0) {
                                const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/required", keyword: "required", params: { missingProperty: "host" }, message: "must have required property 'host'" };
                                e === null ? e = [m] : e.push(m), r++;
                              }
                              for (const m in g) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.layers.properties.probe.properties.redis.anyOf[1].items.properties, m)) {
                                const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: m }, message: "must NOT have additional properties" };
                                e === null ? e = [l] : e.push(l), r++;
                              }
                              if (g.host !== void 0) {
                                let m = g.host;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/host", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/host/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/host", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/host/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.port !== void 0) {
                                let m = g.port;
                                if (!(typeof m == "number" && !(m % 1) && !isNaN(m))) {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/port/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                                if (typeof m == "number") {
                                  if (m > 65535 || isNaN(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/port/maximum", keyword: "maximum", params: { comparison: "<=", limit: 65535 }, message: "must be <= 65535" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                  if (m < 1 || isNaN(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/port", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/port/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                }
                              }
                              if (g.tls !== void 0 && typeof g.tls != "boolean") {
                                const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/tls", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/tls/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                e === null ? e = [m] : e.push(m), r++;
                              }
                              if (g.caFile !== void 0) {
                                let m = g.caFile;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/caFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/caFile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.servername !== void 0) {
                                let m = g.servername;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/servername", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/servername/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/servername", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/servername/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.user !== void 0) {
                                let m = g.user;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/user", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/user/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/user", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/user/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.passwordEnv !== void 0) {
                                let m = g.passwordEnv;
                                if (typeof m == "string") {
                                  if (!j.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/passwordEnv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/passwordEnv/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.allowPlaintextCredentials !== void 0 && typeof g.allowPlaintextCredentials != "boolean") {
                                const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/allowPlaintextCredentials", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/allowPlaintextCredentials/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                e === null ? e = [m] : e.push(m), r++;
                              }
                              if (g.name !== void 0) {
                                let m = g.name;
                                if (typeof m == "string") {
                                  if (!N.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.expectations !== void 0) {
                                let m = g.expectations;
                                if (!(m && typeof m == "object" && !Array.isArray(m))) {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c + "/expectations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/properties/expectations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                            } else {
                              const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                              e === null ? e = [m] : e.push(m), r++;
                            }
                          }
                        } else {
                          const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                          e === null ? e = [h] : e.push(h), r++;
                        }
                        var Y = i === r;
                        y = y || Y;
                      }
                      if (y) r = a, e !== null && (a ? e.length = a : e = null);
                      else {
                        const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/redis", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/redis/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                        e === null ? e = [i] : e.push(i), r++;
                      }
                    }
                    if (o.registry !== void 0) {
                      let t = o.registry;
                      const a = r;
                      let y = false;
                      const v = r;
                      if (t && typeof t == "object" && !Array.isArray(t)) {
                        for (const i in t) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.layers.properties.probe.properties.registry.anyOf[0].properties, i)) {
                          const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: i }, message: "must NOT have additional properties" };
                          e === null ? e = [n] : e.push(n), r++;
                        }
                        if (t.images !== void 0) {
                          let i = t.images;
                          if (Array.isArray(i)) {
                            const n = i.length;
                            for (let h = 0; h < n; h++) {
                              let c = i[h];
                              if (typeof c == "string") {
                                if (d(c) < 1) {
                                  const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/images/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/images/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                  e === null ? e = [g] : e.push(g), r++;
                                }
                              } else {
                                const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/images/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/images/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                e === null ? e = [g] : e.push(g), r++;
                              }
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/images", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/images/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.imagesFrom !== void 0) {
                          let i = t.imagesFrom;
                          if (Array.isArray(i)) {
                            if (i.length < 1) {
                              const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/imagesFrom", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/imagesFrom/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                              e === null ? e = [h] : e.push(h), r++;
                            }
                            const n = i.length;
                            for (let h = 0; h < n; h++) {
                              let c = i[h];
                              const g = r;
                              let m = false;
                              const l = r;
                              if (typeof c != "string") {
                                const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/imagesFrom/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/imagesFrom/items/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                e === null ? e = [f] : e.push(f), r++;
                              }
                              if (c !== "manifests") {
                                const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/imagesFrom/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/imagesFrom/items/anyOf/0/const", keyword: "const", params: { allowedValue: "manifests" }, message: "must be equal to constant" };
                                e === null ? e = [f] : e.push(f), r++;
                              }
                              var J = l === r;
                              if (m = m || J, !m) {
                                const f = r;
                                if (typeof c != "string") {
                                  const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/imagesFrom/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/imagesFrom/items/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [P] : e.push(P), r++;
                                }
                                if (c !== "cluster") {
                                  const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/imagesFrom/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/imagesFrom/items/anyOf/1/const", keyword: "const", params: { allowedValue: "cluster" }, message: "must be equal to constant" };
                                  e === null ? e = [P] : e.push(P), r++;
                                }
                                var J = f === r;
                                m = m || J;
                              }
                              if (m) r = g, e !== null && (g ? e.length = g : e = null);
                              else {
                                const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/imagesFrom/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/imagesFrom/items/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                                e === null ? e = [f] : e.push(f), r++;
                              }
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/imagesFrom", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/imagesFrom/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.url !== void 0) {
                          let i = t.url;
                          if (typeof i == "string") {
                            if (!V.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/url", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://[^/]+/?$" }, message: 'must match pattern "^https?://[^/]+/?$"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/url", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.plainHttpHosts !== void 0) {
                          let i = t.plainHttpHosts;
                          if (Array.isArray(i)) {
                            const n = i.length;
                            for (let h = 0; h < n; h++) {
                              let c = i[h];
                              if (typeof c == "string") {
                                if (d(c) < 1) {
                                  const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/plainHttpHosts/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/plainHttpHosts/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                  e === null ? e = [g] : e.push(g), r++;
                                }
                              } else {
                                const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/plainHttpHosts/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/plainHttpHosts/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                e === null ? e = [g] : e.push(g), r++;
                              }
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/plainHttpHosts", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/plainHttpHosts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.caFile !== void 0) {
                          let i = t.caFile;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/caFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/caFile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.usernameEnv !== void 0) {
                          let i = t.usernameEnv;
                          if (typeof i == "string") {
                            if (!j.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/usernameEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/usernameEnv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/usernameEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/usernameEnv/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.passwordEnv !== void 0) {
                          let i = t.passwordEnv;
                          if (typeof i == "string") {
                            if (!j.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/passwordEnv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/passwordEnv/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.allowPlaintextCredentials !== void 0 && typeof t.allowPlaintextCredentials != "boolean") {
                          const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/allowPlaintextCredentials", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/allowPlaintextCredentials/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                          e === null ? e = [i] : e.push(i), r++;
                        }
                        if (t.name !== void 0) {
                          let i = t.name;
                          if (typeof i == "string") {
                            if (!N.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.expectations !== void 0) {
                          let i = t.expectations;
                          if (!(i && typeof i == "object" && !Array.isArray(i))) {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/expectations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/properties/expectations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                      } else {
                        const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        e === null ? e = [i] : e.push(i), r++;
                      }
                      var X = v === r;
                      if (y = y || X, !y) {
                        const i = r;
                        if (Array.isArray(t)) {
                          if (t.length < 1) {
                            const c = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                            e === null ? e = [c] : e.push(c), r++;
                          }
                          const h = t.length;
                          for (let c = 0; c < h; c++) {
                            let g = t[c];
                            if (g && typeof g == "object" && !Array.isArray(g)) {
                              for (const m in g) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.layers.properties.probe.properties.registry.anyOf[1].items.properties, m)) {
                                const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: m }, message: "must NOT have additional properties" };
                                e === null ? e = [l] : e.push(l), r++;
                              }
                              if (g.images !== void 0) {
                                let m = g.images;
                                if (Array.isArray(m)) {
                                  const l = m.length;
                                  for (let f = 0; f < l; f++) {
                                    let z = m[f];
                                    if (typeof z == "string") {
                                      if (d(z) < 1) {
                                        const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/images/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/images/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                        e === null ? e = [P] : e.push(P), r++;
                                      }
                                    } else {
                                      const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/images/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/images/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [P] : e.push(P), r++;
                                    }
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/images", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/images/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.imagesFrom !== void 0) {
                                let m = g.imagesFrom;
                                if (Array.isArray(m)) {
                                  if (m.length < 1) {
                                    const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/imagesFrom", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/imagesFrom/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                                    e === null ? e = [f] : e.push(f), r++;
                                  }
                                  const l = m.length;
                                  for (let f = 0; f < l; f++) {
                                    let z = m[f];
                                    const P = r;
                                    let E = false;
                                    const B = r;
                                    if (typeof z != "string") {
                                      const L = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/imagesFrom/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/imagesFrom/items/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [L] : e.push(L), r++;
                                    }
                                    if (z !== "manifests") {
                                      const L = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/imagesFrom/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/imagesFrom/items/anyOf/0/const", keyword: "const", params: { allowedValue: "manifests" }, message: "must be equal to constant" };
                                      e === null ? e = [L] : e.push(L), r++;
                                    }
                                    var ee = B === r;
                                    if (E = E || ee, !E) {
                                      const L = r;
                                      if (typeof z != "string") {
                                        const H = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/imagesFrom/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/imagesFrom/items/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                        e === null ? e = [H] : e.push(H), r++;
                                      }
                                      if (z !== "cluster") {
                                        const H = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/imagesFrom/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/imagesFrom/items/anyOf/1/const", keyword: "const", params: { allowedValue: "cluster" }, message: "must be equal to constant" };
                                        e === null ? e = [H] : e.push(H), r++;
                                      }
                                      var ee = L === r;
                                      E = E || ee;
                                    }
                                    if (E) r = P, e !== null && (P ? e.length = P : e = null);
                                    else {
                                      const L = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/imagesFrom/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/imagesFrom/items/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                                      e === null ? e = [L] : e.push(L), r++;
                                    }
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/imagesFrom", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/imagesFrom/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.url !== void 0) {
                                let m = g.url;
                                if (typeof m == "string") {
                                  if (!V.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/url", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/url/pattern", keyword: "pattern", params: { pattern: "^https?://[^/]+/?$" }, message: 'must match pattern "^https?://[^/]+/?$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/url", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/url/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.plainHttpHosts !== void 0) {
                                let m = g.plainHttpHosts;
                                if (Array.isArray(m)) {
                                  const l = m.length;
                                  for (let f = 0; f < l; f++) {
                                    let z = m[f];
                                    if (typeof z == "string") {
                                      if (d(z) < 1) {
                                        const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/plainHttpHosts/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/plainHttpHosts/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                        e === null ? e = [P] : e.push(P), r++;
                                      }
                                    } else {
                                      const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/plainHttpHosts/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/plainHttpHosts/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [P] : e.push(P), r++;
                                    }
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/plainHttpHosts", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/plainHttpHosts/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.caFile !== void 0) {
                                let m = g.caFile;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/caFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/caFile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.usernameEnv !== void 0) {
                                let m = g.usernameEnv;
                                if (typeof m == "string") {
                                  if (!j.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/usernameEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/usernameEnv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/usernameEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/usernameEnv/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.passwordEnv !== void 0) {
                                let m = g.passwordEnv;
                                if (typeof m == "string") {
                                  if (!j.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/passwordEnv/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" }, message: 'must match pattern "^[A-Za-z_][A-Za-z0-9_]*$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/passwordEnv", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/passwordEnv/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.allowPlaintextCredentials !== void 0 && typeof g.allowPlaintextCredentials != "boolean") {
                                const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/allowPlaintextCredentials", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/allowPlaintextCredentials/type", keyword: "type", params: { type: "boolean" }, message: "must be boolean" };
                                e === null ? e = [m] : e.push(m), r++;
                              }
                              if (g.name !== void 0) {
                                let m = g.name;
                                if (typeof m == "string") {
                                  if (!N.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.expectations !== void 0) {
                                let m = g.expectations;
                                if (!(m && typeof m == "object" && !Array.isArray(m))) {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c + "/expectations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/properties/expectations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                            } else {
                              const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                              e === null ? e = [m] : e.push(m), r++;
                            }
                          }
                        } else {
                          const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                          e === null ? e = [h] : e.push(h), r++;
                        }
                        var X = i === r;
                        y = y || X;
                      }
                      if (y) r = a, e !== null && (a ? e.length = a : e = null);
                      else {
                        const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/registry", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/registry/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                        e === null ? e = [i] : e.push(i), r++;
                      }
                    }
                    if (o.http !== void 0) {
                      let t = o.http;
                      const a = r;
                      let y = false;
                      const v = r;
                      if (t && typeof t == "object" && !Array.isArray(t)) {
                        if (t.baseUrl === void 0) {
                          const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/required", keyword: "required", params: { missingProperty: "baseUrl" }, message: "must have required property 'baseUrl'" };
                          e === null ? e = [i] : e.push(i), r++;
                        }
                        for (const i in t) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.layers.properties.probe.properties.http.anyOf[0].properties, i)) {
                          const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: i }, message: "must NOT have additional properties" };
                          e === null ? e = [n] : e.push(n), r++;
                        }
                        if (t.baseUrl !== void 0) {
                          let i = t.baseUrl;
                          if (typeof i == "string") {
                            if (!V.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/baseUrl", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/baseUrl/pattern", keyword: "pattern", params: { pattern: "^https?://[^/]+/?$" }, message: 'must match pattern "^https?://[^/]+/?$"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/baseUrl", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/baseUrl/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.livePath !== void 0) {
                          let i = t.livePath;
                          if (typeof i == "string") {
                            if (!M.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/livePath", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/livePath/pattern", keyword: "pattern", params: { pattern: "^/" }, message: 'must match pattern "^/"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/livePath", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/livePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.readyPath !== void 0) {
                          let i = t.readyPath;
                          if (typeof i == "string") {
                            if (!M.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/readyPath", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/readyPath/pattern", keyword: "pattern", params: { pattern: "^/" }, message: 'must match pattern "^/"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/readyPath", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/readyPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.protectedPaths !== void 0) {
                          let i = t.protectedPaths;
                          if (Array.isArray(i)) {
                            const n = i.length;
                            for (let h = 0; h < n; h++) {
                              let c = i[h];
                              if (typeof c == "string") {
                                if (!M.test(c)) {
                                  const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/protectedPaths/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/protectedPaths/items/pattern", keyword: "pattern", params: { pattern: "^/" }, message: 'must match pattern "^/"' };
                                  e === null ? e = [g] : e.push(g), r++;
                                }
                              } else {
                                const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/protectedPaths/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/protectedPaths/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                e === null ? e = [g] : e.push(g), r++;
                              }
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/protectedPaths", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/protectedPaths/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.readyComponents !== void 0) {
                          let i = t.readyComponents;
                          if (Array.isArray(i)) {
                            const n = i.length;
                            for (let h = 0; h < n; h++) {
                              let c = i[h];
                              if (typeof c == "string") {
                                if (d(c) < 1) {
                                  const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/readyComponents/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/readyComponents/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                  e === null ? e = [g] : e.push(g), r++;
                                }
                              } else {
                                const g = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/readyComponents/" + h, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/readyComponents/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                e === null ? e = [g] : e.push(g), r++;
                              }
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/readyComponents", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/readyComponents/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.httpUrl !== void 0) {
                          let i = t.httpUrl;
                          if (typeof i == "string") {
                            if (!ae.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/httpUrl", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/httpUrl/pattern", keyword: "pattern", params: { pattern: "^http://[^/]+/?$" }, message: 'must match pattern "^http://[^/]+/?$"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/httpUrl", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/httpUrl/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.caFile !== void 0) {
                          let i = t.caFile;
                          if (typeof i == "string") {
                            if (d(i) < 1) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/caFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/caFile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.minCertificateDays !== void 0) {
                          let i = t.minCertificateDays;
                          if (!(typeof i == "number" && !(i % 1) && !isNaN(i))) {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/minCertificateDays", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/minCertificateDays/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                          if (typeof i == "number" && (i < 0 || isNaN(i))) {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/minCertificateDays", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/minCertificateDays/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.name !== void 0) {
                          let i = t.name;
                          if (typeof i == "string") {
                            if (!N.test(i)) {
                              const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"' };
                              e === null ? e = [n] : e.push(n), r++;
                            }
                          } else {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                        if (t.expectations !== void 0) {
                          let i = t.expectations;
                          if (!(i && typeof i == "object" && !Array.isArray(i))) {
                            const n = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/expectations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/properties/expectations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                            e === null ? e = [n] : e.push(n), r++;
                          }
                        }
                      } else {
                        const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/0/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                        e === null ? e = [i] : e.push(i), r++;
                      }
                      var re = v === r;
                      if (y = y || re, !y) {
                        const i = r;
                        if (Array.isArray(t)) {
                          if (t.length < 1) {
                            const c = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                            e === null ? e = [c] : e.push(c), r++;
                          }
                          const h = t.length;
                          for (let c = 0; c < h; c++) {
                            let g = t[c];
                            if (g && typeof g == "object" && !Array.isArray(g)) {
                              if (g.baseUrl === void 0) {
                                const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/required", keyword: "required", params: { missingProperty: "baseUrl" }, message: "must have required property 'baseUrl'" };
                                e === null ? e = [m] : e.push(m), r++;
                              }
                              for (const m in g) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.layers.properties.probe.properties.http.anyOf[1].items.properties, m)) {
                                const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: m }, message: "must NOT have additional properties" };
                                e === null ? e = [l] : e.push(l), r++;
                              }
                              if (g.baseUrl !== void 0) {
                                let m = g.baseUrl;
                                if (typeof m == "string") {
                                  if (!V.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/baseUrl", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/baseUrl/pattern", keyword: "pattern", params: { pattern: "^https?://[^/]+/?$" }, message: 'must match pattern "^https?://[^/]+/?$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/baseUrl", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/baseUrl/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.livePath !== void 0) {
                                let m = g.livePath;
                                if (typeof m == "string") {
                                  if (!M.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/livePath", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/livePath/pattern", keyword: "pattern", params: { pattern: "^/" }, message: 'must match pattern "^/"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/livePath", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/livePath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.readyPath !== void 0) {
                                let m = g.readyPath;
                                if (typeof m == "string") {
                                  if (!M.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/readyPath", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/readyPath/pattern", keyword: "pattern", params: { pattern: "^/" }, message: 'must match pattern "^/"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/readyPath", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/readyPath/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.protectedPaths !== void 0) {
                                let m = g.protectedPaths;
                                if (Array.isArray(m)) {
                                  const l = m.length;
                                  for (let f = 0; f < l; f++) {
                                    let z = m[f];
                                    if (typeof z == "string") {
                                      if (!M.test(z)) {
                                        const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/protectedPaths/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/protectedPaths/items/pattern", keyword: "pattern", params: { pattern: "^/" }, message: 'must match pattern "^/"' };
                                        e === null ? e = [P] : e.push(P), r++;
                                      }
                                    } else {
                                      const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/protectedPaths/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/protectedPaths/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [P] : e.push(P), r++;
                                    }
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/protectedPaths", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/protectedPaths/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.readyComponents !== void 0) {
                                let m = g.readyComponents;
                                if (Array.isArray(m)) {
                                  const l = m.length;
                                  for (let f = 0; f < l; f++) {
                                    let z = m[f];
                                    if (typeof z == "string") {
                                      if (d(z) < 1) {
                                        const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/readyComponents/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/readyComponents/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                        e === null ? e = [P] : e.push(P), r++;
                                      }
                                    } else {
                                      const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/readyComponents/" + f, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/readyComponents/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                      e === null ? e = [P] : e.push(P), r++;
                                    }
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/readyComponents", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/readyComponents/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.httpUrl !== void 0) {
                                let m = g.httpUrl;
                                if (typeof m == "string") {
                                  if (!ae.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/httpUrl", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/httpUrl/pattern", keyword: "pattern", params: { pattern: "^http://[^/]+/?$" }, message: 'must match pattern "^http://[^/]+/?$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/httpUrl", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/httpUrl/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.caFile !== void 0) {
                                let m = g.caFile;
                                if (typeof m == "string") {
                                  if (d(m) < 1) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/caFile/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/caFile", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/caFile/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.minCertificateDays !== void 0) {
                                let m = g.minCertificateDays;
                                if (!(typeof m == "number" && !(m % 1) && !isNaN(m))) {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/minCertificateDays", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/minCertificateDays/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                                if (typeof m == "number" && (m < 0 || isNaN(m))) {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/minCertificateDays", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/minCertificateDays/minimum", keyword: "minimum", params: { comparison: ">=", limit: 0 }, message: "must be >= 0" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.name !== void 0) {
                                let m = g.name;
                                if (typeof m == "string") {
                                  if (!N.test(m)) {
                                    const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/name/pattern", keyword: "pattern", params: { pattern: "^[A-Za-z0-9][A-Za-z0-9_.:-]*$" }, message: 'must match pattern "^[A-Za-z0-9][A-Za-z0-9_.:-]*$"' };
                                    e === null ? e = [l] : e.push(l), r++;
                                  }
                                } else {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                              if (g.expectations !== void 0) {
                                let m = g.expectations;
                                if (!(m && typeof m == "object" && !Array.isArray(m))) {
                                  const l = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c + "/expectations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/properties/expectations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                                  e === null ? e = [l] : e.push(l), r++;
                                }
                              }
                            } else {
                              const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http/" + c, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                              e === null ? e = [m] : e.push(m), r++;
                            }
                          }
                        } else {
                          const h = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf/1/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                          e === null ? e = [h] : e.push(h), r++;
                        }
                        var re = i === r;
                        y = y || re;
                      }
                      if (y) r = a, e !== null && (a ? e.length = a : e = null);
                      else {
                        const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/http", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/http/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                        e === null ? e = [i] : e.push(i), r++;
                      }
                    }
                    if (o.deadlineSeconds !== void 0) {
                      let t = o.deadlineSeconds;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/deadlineSeconds", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/deadlineSeconds/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 3600 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/deadlineSeconds", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/deadlineSeconds/maximum", keyword: "maximum", params: { comparison: "<=", limit: 3600 }, message: "must be <= 3600" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 1 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/deadlineSeconds", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/deadlineSeconds/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                    if (o.timeoutMs !== void 0) {
                      let t = o.timeoutMs;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/timeoutMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/timeoutMs/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number") {
                        if (t > 12e4 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/timeoutMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/timeoutMs/maximum", keyword: "maximum", params: { comparison: "<=", limit: 12e4 }, message: "must be <= 120000" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                        if (t < 100 || isNaN(t)) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe/timeoutMs", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/properties/timeoutMs/minimum", keyword: "minimum", params: { comparison: ">=", limit: 100 }, message: "must be >= 100" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers/probe", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/properties/probe/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
              } else {
                const o = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/layers", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/layers/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                e === null ? e = [o] : e.push(o), r++;
              }
            }
            if (b.expectations !== void 0) {
              let u = b.expectations;
              if (u && typeof u == "object" && !Array.isArray(u)) {
                for (const o in u) if (!x.call(O.properties.environments.patternProperties["^[A-Za-z0-9][A-Za-z0-9_.-]*$"].properties.expectations.properties, o)) {
                  const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: o }, message: "must NOT have additional properties" };
                  e === null ? e = [t] : e.push(t), r++;
                }
                if (u.project !== void 0) {
                  let o = u.project;
                  if (typeof o == "string") {
                    if (d(o) < 1) {
                      const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/project", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/project/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      e === null ? e = [t] : e.push(t), r++;
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/project", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/project/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.region !== void 0) {
                  let o = u.region;
                  if (typeof o == "string") {
                    if (d(o) < 1) {
                      const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/region", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/region/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      e === null ? e = [t] : e.push(t), r++;
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/region", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/region/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.platforms !== void 0) {
                  let o = u.platforms;
                  if (Array.isArray(o)) {
                    if (o.length < 1) {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/platforms", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/platforms/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    const t = o.length;
                    for (let a = 0; a < t; a++) {
                      let y = o[a];
                      if (typeof y == "string") {
                        if (!ge.test(y)) {
                          const v = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/platforms/" + a, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/platforms/items/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?$" }, message: 'must match pattern "^[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?$"' };
                          e === null ? e = [v] : e.push(v), r++;
                        }
                      } else {
                        const v = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/platforms/" + a, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/platforms/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [v] : e.push(v), r++;
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/platforms", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/platforms/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.app !== void 0) {
                  let o = u.app;
                  if (o && typeof o == "object" && !Array.isArray(o)) {
                    for (const t in o) if (!(t === "namespace" || t === "deployment" || t === "container" || t === "serviceAccount" || t === "secrets" || t === "image" || t === "minReplicas" || t === "dbUserKeys")) {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    if (o.namespace !== void 0) {
                      let t = o.namespace;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/namespace", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/namespace/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/namespace", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.deployment !== void 0) {
                      let t = o.deployment;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/deployment", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/deployment/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/deployment", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/deployment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.container !== void 0) {
                      let t = o.container;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/container", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/container/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/container", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/container/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.serviceAccount !== void 0) {
                      let t = o.serviceAccount;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/serviceAccount", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/serviceAccount/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/serviceAccount", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/serviceAccount/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.secrets !== void 0) {
                      let t = o.secrets;
                      if (Array.isArray(t)) {
                        const a = t.length;
                        for (let y = 0; y < a; y++) {
                          let v = t[y];
                          if (typeof v == "string") {
                            if (d(v) < 1) {
                              const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/secrets/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/secrets/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [i] : e.push(i), r++;
                            }
                          } else {
                            const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/secrets/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/secrets/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [i] : e.push(i), r++;
                          }
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/secrets", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/secrets/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.image !== void 0) {
                      let t = o.image;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/image", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/image/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/image", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/image/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.minReplicas !== void 0) {
                      let t = o.minReplicas;
                      if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/minReplicas", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/minReplicas/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                      if (typeof t == "number" && (t < 1 || isNaN(t))) {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/minReplicas", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/minReplicas/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.dbUserKeys !== void 0) {
                      let t = o.dbUserKeys;
                      if (Array.isArray(t)) {
                        const a = t.length;
                        for (let y = 0; y < a; y++) {
                          let v = t[y];
                          if (typeof v == "string") {
                            if (d(v) < 1) {
                              const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/dbUserKeys/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/dbUserKeys/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [i] : e.push(i), r++;
                            }
                          } else {
                            const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/dbUserKeys/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/dbUserKeys/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [i] : e.push(i), r++;
                          }
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app/dbUserKeys", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/properties/dbUserKeys/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/app", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/app/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.registry !== void 0) {
                  let o = u.registry;
                  if (o && typeof o == "object" && !Array.isArray(o)) {
                    for (const t in o) if (!(t === "location" || t === "repository" || t === "host")) {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/registry", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/registry/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    if (o.location !== void 0) {
                      let t = o.location;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/registry/location", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/registry/properties/location/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/registry/location", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/registry/properties/location/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.repository !== void 0) {
                      let t = o.repository;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/registry/repository", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/registry/properties/repository/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/registry/repository", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/registry/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.host !== void 0) {
                      let t = o.host;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/registry/host", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/registry/properties/host/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/registry/host", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/registry/properties/host/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/registry", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/registry/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.database !== void 0) {
                  let o = u.database;
                  if (o && typeof o == "object" && !Array.isArray(o)) {
                    for (const t in o) if (!(t === "instance" || t === "name" || t === "superuserNames")) {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/database", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/database/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    if (o.instance !== void 0) {
                      let t = o.instance;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/database/instance", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/database/properties/instance/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/database/instance", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/database/properties/instance/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.name !== void 0) {
                      let t = o.name;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/database/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/database/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/database/name", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/database/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.superuserNames !== void 0) {
                      let t = o.superuserNames;
                      if (Array.isArray(t)) {
                        const a = t.length;
                        for (let y = 0; y < a; y++) {
                          let v = t[y];
                          if (typeof v == "string") {
                            if (d(v) < 1) {
                              const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/database/superuserNames/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/database/properties/superuserNames/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [i] : e.push(i), r++;
                            }
                          } else {
                            const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/database/superuserNames/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/database/properties/superuserNames/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [i] : e.push(i), r++;
                          }
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/database/superuserNames", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/database/properties/superuserNames/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/database", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/database/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.redis !== void 0) {
                  let o = u.redis;
                  if (o && typeof o == "object" && !Array.isArray(o)) {
                    for (const t in o) if (t !== "instance") {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/redis", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/redis/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    if (o.instance !== void 0) {
                      let t = o.instance;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/redis/instance", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/redis/properties/instance/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/redis/instance", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/redis/properties/instance/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/redis", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/redis/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.kms !== void 0) {
                  let o = u.kms;
                  if (o && typeof o == "object" && !Array.isArray(o)) {
                    for (const t in o) if (!(t === "location" || t === "keyRing" || t === "key" || t === "purpose" || t === "algorithm" || t === "signer")) {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    if (o.location !== void 0) {
                      let t = o.location;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/location", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/location/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/location", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/location/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.keyRing !== void 0) {
                      let t = o.keyRing;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/keyRing", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/keyRing/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/keyRing", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/keyRing/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.key !== void 0) {
                      let t = o.key;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/key", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/key/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/key", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.purpose !== void 0) {
                      let t = o.purpose;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/purpose", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/purpose/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/purpose", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/purpose/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.algorithm !== void 0) {
                      let t = o.algorithm;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/algorithm", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/algorithm/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/algorithm", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/algorithm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.signer !== void 0) {
                      let t = o.signer;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/signer", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/signer/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms/signer", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/properties/signer/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/kms", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/kms/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.secretManager !== void 0) {
                  let o = u.secretManager;
                  if (o && typeof o == "object" && !Array.isArray(o)) {
                    for (const t in o) if (t !== "secrets") {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/secretManager", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/secretManager/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    if (o.secrets !== void 0) {
                      let t = o.secrets;
                      if (Array.isArray(t)) {
                        const a = t.length;
                        for (let y = 0; y < a; y++) {
                          let v = t[y];
                          if (typeof v == "string") {
                            if (d(v) < 1) {
                              const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/secretManager/secrets/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/secretManager/properties/secrets/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [i] : e.push(i), r++;
                            }
                          } else {
                            const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/secretManager/secrets/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/secretManager/properties/secrets/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [i] : e.push(i), r++;
                          }
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/secretManager/secrets", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/secretManager/properties/secrets/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/secretManager", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/secretManager/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.alertPolicies !== void 0) {
                  let o = u.alertPolicies;
                  if (o && typeof o == "object" && !Array.isArray(o)) {
                    for (const t in o) if (!(t === "errorRate" || t === "latencyP99" || t === "crashLoop" || t === "databaseConnectionErrors")) {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/alertPolicies", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/alertPolicies/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    if (o.errorRate !== void 0) {
                      let t = o.errorRate;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/alertPolicies/errorRate", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/alertPolicies/properties/errorRate/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/alertPolicies/errorRate", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/alertPolicies/properties/errorRate/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.latencyP99 !== void 0) {
                      let t = o.latencyP99;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/alertPolicies/latencyP99", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/alertPolicies/properties/latencyP99/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/alertPolicies/latencyP99", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/alertPolicies/properties/latencyP99/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.crashLoop !== void 0) {
                      let t = o.crashLoop;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/alertPolicies/crashLoop", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/alertPolicies/properties/crashLoop/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/alertPolicies/crashLoop", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/alertPolicies/properties/crashLoop/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.databaseConnectionErrors !== void 0) {
                      let t = o.databaseConnectionErrors;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/alertPolicies/databaseConnectionErrors", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/alertPolicies/properties/databaseConnectionErrors/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/alertPolicies/databaseConnectionErrors", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/alertPolicies/properties/databaseConnectionErrors/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/alertPolicies", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/alertPolicies/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.domain !== void 0) {
                  let o = u.domain;
                  if (typeof o == "string") {
                    if (d(o) < 1) {
                      const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/domain", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/domain/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                      e === null ? e = [t] : e.push(t), r++;
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/domain", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/domain/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
                if (u.cicd !== void 0) {
                  let o = u.cicd;
                  if (o && typeof o == "object" && !Array.isArray(o)) {
                    for (const t in o) if (!(t === "branch" || t === "workflows")) {
                      const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/cicd", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/cicd/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
                      e === null ? e = [a] : e.push(a), r++;
                    }
                    if (o.branch !== void 0) {
                      let t = o.branch;
                      if (typeof t == "string") {
                        if (d(t) < 1) {
                          const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/cicd/branch", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/cicd/properties/branch/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                          e === null ? e = [a] : e.push(a), r++;
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/cicd/branch", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/cicd/properties/branch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                    if (o.workflows !== void 0) {
                      let t = o.workflows;
                      if (Array.isArray(t)) {
                        const a = t.length;
                        for (let y = 0; y < a; y++) {
                          let v = t[y];
                          if (typeof v == "string") {
                            if (d(v) < 1) {
                              const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/cicd/workflows/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/cicd/properties/workflows/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                              e === null ? e = [i] : e.push(i), r++;
                            }
                          } else {
                            const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/cicd/workflows/" + y, schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/cicd/properties/workflows/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                            e === null ? e = [i] : e.push(i), r++;
                          }
                        }
                      } else {
                        const a = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/cicd/workflows", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/cicd/properties/workflows/type", keyword: "type", params: { type: "array" }, message: "must be array" };
                        e === null ? e = [a] : e.push(a), r++;
                      }
                    }
                  } else {
                    const t = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations/cicd", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/properties/cicd/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                    e === null ? e = [t] : e.push(t), r++;
                  }
                }
              } else {
                const o = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/expectations", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/expectations/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                e === null ? e = [o] : e.push(o), r++;
              }
            }
            if (b.rules !== void 0) {
              let u = b.rules;
              if (u && typeof u == "object" && !Array.isArray(u)) {
                for (const o in u) if (he.test(o)) {
                  let t = u[o];
                  const a = r;
                  let y = false;
                  const v = r;
                  if (typeof t != "string") {
                    const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/rules/" + o.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/rules/patternProperties/%5E(.*)%24/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                    e === null ? e = [i] : e.push(i), r++;
                  }
                  if (t !== "off") {
                    const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/rules/" + o.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/rules/patternProperties/%5E(.*)%24/anyOf/0/const", keyword: "const", params: { allowedValue: "off" }, message: "must be equal to constant" };
                    e === null ? e = [i] : e.push(i), r++;
                  }
                  var te = v === r;
                  if (y = y || te, !y) {
                    const i = r, n = r;
                    let h = false;
                    const c = r;
                    if (typeof t != "string") {
                      const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/rules/" + o.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/rules/patternProperties/%5E(.*)%24/anyOf/1/anyOf/0/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                      e === null ? e = [m] : e.push(m), r++;
                    }
                    if (t !== "P0") {
                      const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/rules/" + o.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/rules/patternProperties/%5E(.*)%24/anyOf/1/anyOf/0/const", keyword: "const", params: { allowedValue: "P0" }, message: "must be equal to constant" };
                      e === null ? e = [m] : e.push(m), r++;
                    }
                    var R = c === r;
                    if (h = h || R, !h) {
                      const m = r;
                      if (typeof t != "string") {
                        const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/rules/" + o.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/rules/patternProperties/%5E(.*)%24/anyOf/1/anyOf/1/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                        e === null ? e = [f] : e.push(f), r++;
                      }
                      if (t !== "P1") {
                        const f = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/rules/" + o.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/rules/patternProperties/%5E(.*)%24/anyOf/1/anyOf/1/const", keyword: "const", params: { allowedValue: "P1" }, message: "must be equal to constant" };
                        e === null ? e = [f] : e.push(f), r++;
                      }
                      var R = m === r;
                      if (h = h || R, !h) {
                        const f = r;
                        if (typeof t != "string") {
                          const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/rules/" + o.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/rules/patternProperties/%5E(.*)%24/anyOf/1/anyOf/2/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                          e === null ? e = [P] : e.push(P), r++;
                        }
                        if (t !== "P2") {
                          const P = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/rules/" + o.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/rules/patternProperties/%5E(.*)%24/anyOf/1/anyOf/2/const", keyword: "const", params: { allowedValue: "P2" }, message: "must be equal to constant" };
                          e === null ? e = [P] : e.push(P), r++;
                        }
                        var R = f === r;
                        h = h || R;
                      }
                    }
                    if (h) r = n, e !== null && (n ? e.length = n : e = null);
                    else {
                      const m = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/rules/" + o.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/rules/patternProperties/%5E(.*)%24/anyOf/1/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                      e === null ? e = [m] : e.push(m), r++;
                    }
                    var te = i === r;
                    y = y || te;
                  }
                  if (y) r = a, e !== null && (a ? e.length = a : e = null);
                  else {
                    const i = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/rules/" + o.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/rules/patternProperties/%5E(.*)%24/anyOf", keyword: "anyOf", params: {}, message: "must match a schema in anyOf" };
                    e === null ? e = [i] : e.push(i), r++;
                  }
                }
              } else {
                const o = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1") + "/rules", schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/properties/rules/type", keyword: "type", params: { type: "object" }, message: "must be object" };
                e === null ? e = [o] : e.push(o), r++;
              }
            }
          } else {
            const u = { instancePath: p + "/environments/" + s.replace(/~/g, "~0").replace(/\//g, "~1"), schemaPath: "#/properties/environments/patternProperties/%5E%5BA-Za-z0-9%5D%5BA-Za-z0-9_.-%5D*%24/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            e === null ? e = [u] : e.push(u), r++;
          }
        }
      } else {
        const s = { instancePath: p + "/environments", schemaPath: "#/properties/environments/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [s] : e.push(s), r++;
      }
    }
    if (D.suppressions !== void 0) {
      let A = D.suppressions;
      if (Array.isArray(A)) {
        const s = A.length;
        for (let b = 0; b < s; b++) {
          let u = A[b];
          if (u && typeof u == "object" && !Array.isArray(u)) {
            if (u.rule === void 0) {
              const o = { instancePath: p + "/suppressions/" + b, schemaPath: "#/properties/suppressions/items/required", keyword: "required", params: { missingProperty: "rule" }, message: "must have required property 'rule'" };
              e === null ? e = [o] : e.push(o), r++;
            }
            if (u.reason === void 0) {
              const o = { instancePath: p + "/suppressions/" + b, schemaPath: "#/properties/suppressions/items/required", keyword: "required", params: { missingProperty: "reason" }, message: "must have required property 'reason'" };
              e === null ? e = [o] : e.push(o), r++;
            }
            for (const o in u) if (!(o === "rule" || o === "resource" || o === "reason" || o === "expires")) {
              const t = { instancePath: p + "/suppressions/" + b, schemaPath: "#/properties/suppressions/items/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: o }, message: "must NOT have additional properties" };
              e === null ? e = [t] : e.push(t), r++;
            }
            if (u.rule !== void 0) {
              let o = u.rule;
              if (typeof o == "string") {
                if (d(o) < 1) {
                  const t = { instancePath: p + "/suppressions/" + b + "/rule", schemaPath: "#/properties/suppressions/items/properties/rule/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [t] : e.push(t), r++;
                }
              } else {
                const t = { instancePath: p + "/suppressions/" + b + "/rule", schemaPath: "#/properties/suppressions/items/properties/rule/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [t] : e.push(t), r++;
              }
            }
            if (u.resource !== void 0) {
              let o = u.resource;
              if (typeof o == "string") {
                if (d(o) < 1) {
                  const t = { instancePath: p + "/suppressions/" + b + "/resource", schemaPath: "#/properties/suppressions/items/properties/resource/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [t] : e.push(t), r++;
                }
              } else {
                const t = { instancePath: p + "/suppressions/" + b + "/resource", schemaPath: "#/properties/suppressions/items/properties/resource/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [t] : e.push(t), r++;
              }
            }
            if (u.reason !== void 0) {
              let o = u.reason;
              if (typeof o == "string") {
                if (d(o) < 3) {
                  const t = { instancePath: p + "/suppressions/" + b + "/reason", schemaPath: "#/properties/suppressions/items/properties/reason/minLength", keyword: "minLength", params: { limit: 3 }, message: "must NOT have fewer than 3 characters" };
                  e === null ? e = [t] : e.push(t), r++;
                }
              } else {
                const t = { instancePath: p + "/suppressions/" + b + "/reason", schemaPath: "#/properties/suppressions/items/properties/reason/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [t] : e.push(t), r++;
              }
            }
            if (u.expires !== void 0) {
              let o = u.expires;
              if (typeof o == "string") {
                if (!fe.validate(o)) {
                  const t = { instancePath: p + "/suppressions/" + b + "/expires", schemaPath: "#/properties/suppressions/items/properties/expires/format", keyword: "format", params: { format: "date" }, message: 'must match format "date"' };
                  e === null ? e = [t] : e.push(t), r++;
                }
              } else {
                const t = { instancePath: p + "/suppressions/" + b + "/expires", schemaPath: "#/properties/suppressions/items/properties/expires/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [t] : e.push(t), r++;
              }
            }
          } else {
            const o = { instancePath: p + "/suppressions/" + b, schemaPath: "#/properties/suppressions/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            e === null ? e = [o] : e.push(o), r++;
          }
        }
      } else {
        const s = { instancePath: p + "/suppressions", schemaPath: "#/properties/suppressions/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        e === null ? e = [s] : e.push(s), r++;
      }
    }
  } else {
    const A = { instancePath: p, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    e === null ? e = [A] : e.push(A), r++;
  }
  return se.errors = e, r === 0;
}
export {
  Ze as default,
  ze as validate
};
