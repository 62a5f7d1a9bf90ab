import {
  GCP_SERVICES
} from "./chunk-chunk-KBIY7DDS.js";
import {
  GCP_DOCTOR_CALLS,
  GcpCallError,
  classify,
  gcpApiCalls
} from "./chunk-chunk-K2I5PODZ.js";

// packages/collectors/dist/gcp/settings.js
var ENDPOINT_ENV = "CODITECT_AUDIT_GCP_ENDPOINT";
var QUOTA_PROJECT_ENV = "GOOGLE_CLOUD_QUOTA_PROJECT";
var UNIVERSE_DOMAIN_ENV = "GOOGLE_CLOUD_UNIVERSE_DOMAIN";
var DEFAULT_UNIVERSE = "googleapis.com";
var GcpSettingsError = class extends Error {
  name = "GcpSettingsError";
};
function parseEndpoint(value, where) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new GcpSettingsError(`${where}: "${value}" is not a URL; use the form http://127.0.0.1:8085`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new GcpSettingsError(`${where}: "${value}" must start with http:// or https://`);
  if (url.pathname !== "/" || url.search)
    throw new GcpSettingsError(`${where}: "${value}" has a path or query; the clients call the public REST paths from the root, so give scheme, host and port only`);
  return url;
}
function unique(values) {
  return [...new Set(values)];
}
function resolveSettings(config, expectations, env = process.env) {
  const locations = config.locations ?? [expectations.region];
  const fromEnv = env[ENDPOINT_ENV]?.trim();
  const shared = fromEnv ? parseEndpoint(fromEnv, ENDPOINT_ENV) : config.endpoint ? parseEndpoint(config.endpoint, "layers.gcp.endpoint") : void 0;
  const endpoints = {};
  for (const service of GCP_SERVICES) {
    const own = config.endpoints?.[service];
    const url = own ? parseEndpoint(own, `layers.gcp.endpoints.${service}`) : shared;
    if (url)
      endpoints[service] = url;
  }
  const configured = [...config.services ?? GCP_SERVICES];
  const quotaProject = env[QUOTA_PROJECT_ENV]?.trim() || config.quotaProject;
  const universeDomain = env[UNIVERSE_DOMAIN_ENV]?.trim() || config.universeDomain || DEFAULT_UNIVERSE;
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/.test(universeDomain))
    throw new GcpSettingsError(`${env[UNIVERSE_DOMAIN_ENV]?.trim() ? UNIVERSE_DOMAIN_ENV : "layers.gcp.universeDomain"}: "${universeDomain}" is not a domain name such as googleapis.com`);
  const entries = unique(config.projects ?? [expectations.project]);
  const isQuery = (p) => /^(folders|organizations)\/\d+$/.test(p);
  return {
    ...quotaProject ? { quotaProject } : {},
    universeDomain,
    projects: entries.filter((p) => !isQuery(p)),
    projectQueries: entries.filter(isQuery),
    kmsLocations: unique([...locations, expectations.kms.location]),
    registryLocations: unique([...locations, expectations.registry.location]),
    services: new Set(configured.filter((s) => !config.endpointOnly || endpoints[s])),
    withoutEndpoint: configured.filter((s) => config.endpointOnly && !endpoints[s]),
    endpoints,
    concurrency: config.concurrency ?? 8,
    timeoutMs: config.timeoutMs ?? 3e4,
    retries: config.retries ?? 4,
    retryBudgetMs: config.retryBudgetMs ?? 6e4
  };
}

// packages/collectors/dist/gcp/transport.js
import nodeFetch from "../../../node_modules/.pnpm/node-fetch@3.3.2/node_modules/node-fetch/src/index.js";
var SCOPES = ["https://www.googleapis.com/auth/cloud-platform"];
var GcpTransport = class _GcpTransport {
  settings;
  passThrough;
  adc;
  log;
  constructor(settings, passThrough, adc, log) {
    this.settings = settings;
    this.passThrough = passThrough;
    this.adc = adc;
    this.log = log;
  }
  static async create(settings, log) {
    const { GoogleAuth, PassThroughClient } = await import("../../../node_modules/.pnpm/google-auth-library@10.5.0/node_modules/google-auth-library/build/src/index.js");
    const needsEndpoint = [...settings.services].some((s) => settings.endpoints[s]);
    const needsAdc = [...settings.services].some((s) => !settings.endpoints[s]);
    const passThrough = needsEndpoint ? new PassThroughClient() : void 0;
    if (passThrough)
      instrument(passThrough, settings, log);
    const adc = needsAdc ? new GoogleAuth({
      scopes: SCOPES,
      // No universe here: the credentials say which universe they belong to (checked below).
      ...settings.quotaProject ? { clientOptions: { quotaProjectId: settings.quotaProject } } : {}
    }) : void 0;
    return new _GcpTransport(settings, passThrough, adc, log);
  }
  /** Whether the API is read from an endpoint (no credentials) rather than from Google. */
  emulated(service) {
    return this.settings.endpoints[service] !== void 0;
  }
  /**
   * Resolves Application Default Credentials once, before any call; undefined when they are usable (or
   * not needed). A failure here becomes one problem per API instead of one per call.
   */
  async credentialsProblem() {
    if (!this.adc)
      return void 0;
    try {
      await this.credentials();
      return void 0;
    } catch (e) {
      const err = classify(e);
      return err.kind === "credentials" ? err : new GcpCallError("credentials", err.detail);
    }
  }
  ready;
  /**
   * The ADC client, once, after checking that the credentials belong to the configured universe: the
   * configuration (which may sit in the scanned tree) can confirm the universe, never send the credentials
   * to another domain.
   */
  credentials() {
    this.ready ??= (async () => {
      if (!this.adc)
        throw new GcpCallError("credentials", "no API is read with credentials");
      const client = await this.adc.getClient();
      const universe = await this.adc.getUniverseDomain();
      if (universe !== this.settings.universeDomain)
        throw new GcpCallError("credentials", `the credentials belong to the universe ${universe}, but the calls would go to ${this.settings.universeDomain} (layers.gcp.universeDomain or ${UNIVERSE_DOMAIN_ENV}); they are not sent there`);
      instrument(client, this.settings, this.log);
      return client;
    })();
    return this.ready;
  }
  gapic(service) {
    const url = this.settings.endpoints[service];
    if (!url)
      return { fallback: true, auth: this.adc, universeDomain: this.settings.universeDomain };
    const https = url.protocol === "https:";
    return {
      fallback: true,
      apiEndpoint: url.hostname,
      port: url.port ? Number(url.port) : https ? 443 : 80,
      protocol: https ? "https" : "http",
      authClient: this.passThrough
    };
  }
  /** Base URL of an API: the endpoint, or `https://<service>.<universe domain>`. */
  baseUrl(service) {
    const url = this.settings.endpoints[service];
    return url ? url.origin : `https://${service}.${this.settings.universeDomain}`;
  }
  /**
   * A declared REST read: the verb and path of the API call table, the path variables filled in (each one
   * path segment, escaped), the query as given. Answers the parsed JSON; an answer that is not JSON is an
   * error naming the call, never data.
   */
  async call(id, vars, query = {}, body) {
    const declared = id in gcpApiCalls() ? gcpApiCalls()[id] : GCP_DOCTOR_CALLS[id];
    const path = declared.path.replace(/\{(\w+)\}/g, (_, name) => {
      const value = vars[name];
      if (value === void 0)
        throw new Error(`${id}: no value for {${name}}`);
      return encodeURIComponent(value);
    });
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query))
      if (v !== void 0)
        params.append(k, String(v));
    const search = params.size > 0 ? `?${params}` : "";
    const client = this.settings.endpoints[declared.service] ? this.passThrough : await this.credentials();
    const res = await client.request({
      url: `${this.baseUrl(declared.service)}${path}${search}`,
      method: declared.http,
      ...body === void 0 ? {} : { data: body },
      responseType: "text"
    });
    return jsonAnswer(res.headers, res.data);
  }
};
function jsonAnswer(headers, data) {
  const h = headers;
  const type = String((typeof h?.get === "function" ? h.get("content-type") : h?.["content-type"]) ?? "");
  const text = typeof data === "string" ? data : JSON.stringify(data);
  if (text.trim() === "")
    return {};
  if (!/^application\/json\b/i.test(type))
    throw new GcpCallError("malformed", `the answer is ${type || "of no content type"}, not the API's JSON`);
  return JSON.parse(text);
}
var GCP_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
function instrument(client, settings, log) {
  const ms = settings.timeoutMs;
  if (log)
    logExchanges(client, log);
  client.transporter.interceptors.request.add({
    resolved: async (config) => {
      if (settings.quotaProject) {
        const headers = new Headers(config.headers);
        headers.set("x-goog-user-project", settings.quotaProject);
        config.headers = headers;
      }
      const controller = new AbortController();
      const upstream = config.signal;
      if (upstream?.aborted)
        controller.abort(upstream.reason);
      else
        upstream?.addEventListener("abort", () => controller.abort(upstream.reason), { once: true });
      const timer = setTimeout(() => controller.abort(new DOMException("the call timed out", "TimeoutError")), ms);
      timer.unref();
      config.signal = controller.signal;
      config.fetchImplementation = abortSafeFetch;
      config.maxContentLength = GCP_MAX_RESPONSE_BYTES;
      return config;
    }
  });
}
async function abortSafeFetch(url, init) {
  const signal = init?.signal;
  if (signal?.aborted)
    throw signal.reason instanceof Error ? signal.reason : new DOMException("the call was aborted", "AbortError");
  return nodeFetch(url, init);
}
function logExchanges(client, log) {
  const started = /* @__PURE__ */ new WeakMap();
  const describe = (config) => {
    const url = config?.url ? new URL(String(config.url)) : void 0;
    return `${(config?.method ?? "GET").toUpperCase()} ${url ? `${url.host}${url.pathname}` : "(no url)"}`;
  };
  const took = (config) => {
    const at = config ? started.get(config) : void 0;
    return at === void 0 ? "" : ` in ${Date.now() - at} ms`;
  };
  client.transporter.interceptors.request.add({
    resolved: async (config) => {
      started.set(config, Date.now());
      return config;
    }
  });
  client.transporter.interceptors.response.add({
    resolved: async (response) => {
      log(`${describe(response.config)} \u2192 ${response.status}${took(response.config)}`);
      return response;
    },
    rejected: async (error) => {
      const e = error;
      const outcome = e.status ?? (typeof e.code === "string" ? e.code : error.name);
      log(`${describe(e.config)} \u2192 ${outcome}${took(e.config)}`);
      throw error;
    }
  });
}

export {
  ENDPOINT_ENV,
  GcpSettingsError,
  resolveSettings,
  GcpTransport
};
