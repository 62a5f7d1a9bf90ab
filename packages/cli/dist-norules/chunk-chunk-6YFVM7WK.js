import {
  ApiException,
  HttpMethod,
  IsomorphicFetchHttpLibrary,
  KubeConfig,
  Observable,
  ServerConfiguration,
  createConfiguration
} from "./chunk-chunk-2DVRRGBZ.js";
import {
  kubeconfigFiles
} from "./chunk-chunk-CGOZUHLJ.js";
import {
  AdaptiveLimiter,
  sleep
} from "./chunk-chunk-DHXULYEG.js";

// packages/collectors/dist/k8s/client.js
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";
import { isIPv6 } from "node:net";
import { dirname, join } from "node:path";
var SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";
var ConnectionError = class extends Error {
  fix;
  name = "ConnectionError";
  constructor(message, fix) {
    super(message);
    this.fix = fix;
  }
};
var GET_CREDENTIALS = "pass --kubeconfig or set layers.k8s.kubeconfig or KUBECONFIG, or create ~/.kube/config (gcloud container clusters get-credentials <cluster> --region <region> --project <project>), or run inside the cluster with a service account";
function connect(o) {
  const env = o.env ?? process.env;
  const kc = new KubeConfig();
  let source;
  const load = (path, how) => {
    if (!existsSync(path))
      throw new ConnectionError(`kubeconfig ${path} (${how}) does not exist`, GET_CREDENTIALS);
    try {
      kc.loadFromFile(path);
    } catch (e) {
      throw new ConnectionError(`kubeconfig ${path} (${how}) cannot be read: ${e.message}`, "fix or regenerate the file");
    }
  };
  const found = kubeconfigFiles(o);
  if (found.how === "flag") {
    load(found.files[0], "--kubeconfig or layers.k8s.kubeconfig");
    source = `kubeconfig ${o.kubeconfig}`;
  } else if (found.how === "KUBECONFIG") {
    for (const [i, f] of found.files.entries()) {
      if (i === 0) {
        load(f, "KUBECONFIG");
        continue;
      }
      if (!existsSync(f))
        throw new ConnectionError(`kubeconfig ${f} (KUBECONFIG) does not exist`, GET_CREDENTIALS);
      const more = new KubeConfig();
      try {
        more.loadFromFile(f);
      } catch (e) {
        throw new ConnectionError(`kubeconfig ${f} (KUBECONFIG) cannot be read: ${e.message}`, "fix or regenerate the file");
      }
      kc.mergeConfig(more, true);
    }
    source = "kubeconfig from KUBECONFIG";
  } else if (found.how === "default") {
    load(found.files[0], "default path");
    source = "kubeconfig ~/.kube/config";
  } else if (env.KUBERNETES_SERVICE_HOST && existsSync(o.serviceAccountToken ?? SERVICE_ACCOUNT_TOKEN)) {
    loadInCluster(kc, env, o.serviceAccountToken ?? SERVICE_ACCOUNT_TOKEN);
    source = "in-cluster service account";
  } else {
    throw new ConnectionError("no Kubernetes credentials: no --kubeconfig, no layers.k8s.kubeconfig, KUBECONFIG unset, no ~/.kube/config, not running in a cluster", GET_CREDENTIALS);
  }
  if (o.context) {
    if (!kc.getContextObject(o.context)) {
      const known = kc.getContexts().map((c) => c.name);
      throw new ConnectionError(`${source} has no context "${o.context}"`, `choose one of: ${known.join(", ") || "(none)"} (--context or layers.k8s.context)`);
    }
    kc.setCurrentContext(o.context);
  }
  const cluster = kc.getCurrentCluster();
  if (!cluster) {
    throw new ConnectionError(`${source}: context "${kc.getCurrentContext()}" names no cluster`, "set current-context or pass --context");
  }
  const context = kc.getCurrentContext();
  return { kc, source: context ? `${source} (context ${context})` : source, server: cluster.server };
}
function loadInCluster(kc, env, tokenFile) {
  const host = env.KUBERNETES_SERVICE_HOST ?? "";
  const port = env.KUBERNETES_SERVICE_PORT ?? "443";
  const dir = dirname(tokenFile);
  const namespaceFile = join(dir, "namespace");
  kc.loadFromOptions({
    clusters: [
      {
        name: "inCluster",
        server: `https://${isIPv6(host) ? `[${host}]` : host}:${port}`,
        caFile: join(dir, "ca.crt"),
        skipTLSVerify: false
      }
    ],
    users: [{ name: "inClusterUser", authProvider: { name: "tokenFile", config: { tokenFile } } }],
    contexts: [
      {
        name: "inClusterContext",
        cluster: "inCluster",
        user: "inClusterUser",
        ...existsSync(namespaceFile) ? { namespace: readFileSync(namespaceFile, "utf8").trim() } : {}
      }
    ],
    currentContext: "inClusterContext"
  });
}
var K8S_MAX_RESPONSE_BYTES = 64 * 1024 * 1024;
function capped(response, what) {
  const tooLarge = (bytes) => new RequestFailure(`${what} answered ${bytes.toLocaleString("en-US")} bytes, over the ${K8S_MAX_RESPONSE_BYTES / 1024 / 1024} MiB cap of one answer`, "too-large", response.httpStatusCode);
  const announced = Number(response.headers["content-length"]);
  if (Number.isFinite(announced) && announced > K8S_MAX_RESPONSE_BYTES)
    throw tooLarge(announced);
  const body = response.body;
  const text = body.text.bind(body);
  const binary = body.binary.bind(body);
  body.text = async () => {
    const t = await text();
    if (t.length > K8S_MAX_RESPONSE_BYTES)
      throw tooLarge(Buffer.byteLength(t));
    return t;
  };
  body.binary = async () => {
    const b = await binary();
    if (b.length > K8S_MAX_RESPONSE_BYTES)
      throw tooLarge(b.length);
    return b;
  };
  return response;
}
var KeepAliveAgents = class {
  agents = /* @__PURE__ */ new Map();
  /** The shared agent for the options of `agent`, or `agent` itself when it is not a plain HTTP(S) agent. */
  reuse(agent) {
    if (!agent || agent.constructor !== HttpAgent && agent.constructor !== HttpsAgent)
      return agent;
    const options = agent.options;
    if (!options)
      return agent;
    const key = optionsDigest(agent.constructor === HttpsAgent ? "https" : "http", options);
    if (key === void 0)
      return agent;
    let shared = this.agents.get(key);
    if (!shared) {
      const Agent = agent.constructor;
      shared = new Agent({ ...options, keepAlive: true });
      this.agents.set(key, shared);
    }
    return shared;
  }
  /** Closes the kept connections (they would otherwise idle until the server drops them). */
  close() {
    for (const agent of this.agents.values())
      agent.destroy();
    this.agents.clear();
  }
};
function optionsDigest(kind, options) {
  const hash = createHash("sha256").update(kind);
  const add = (value) => {
    if (value === void 0 || value === null || ["string", "number", "boolean"].includes(typeof value)) {
      const text = `${typeof value}:${String(value)}`;
      hash.update(`${text.length}:${text}`);
      return true;
    }
    if (value instanceof Uint8Array) {
      hash.update(`bytes:${value.length}:`).update(value);
      return true;
    }
    if (Array.isArray(value)) {
      hash.update(`array:${value.length}:`);
      return value.every(add);
    }
    return false;
  };
  for (const name of Object.keys(options).sort()) {
    hash.update(`${name.length}:${name}=`);
    if (!add(options[name]))
      return void 0;
  }
  return hash.digest("hex");
}
var keptAgents = /* @__PURE__ */ new WeakMap();
function agentsOf(conn) {
  let agents = keptAgents.get(conn.kc);
  if (!agents) {
    agents = new KeepAliveAgents();
    keptAgents.set(conn.kc, agents);
  }
  return agents;
}
function closeConnections(conn) {
  keptAgents.get(conn.kc)?.close();
  keptAgents.delete(conn.kc);
}
var TimedHttpLibrary = class {
  timeoutMs;
  agents;
  log;
  signal;
  inner = new IsomorphicFetchHttpLibrary();
  constructor(timeoutMs, agents, log, signal) {
    this.timeoutMs = timeoutMs;
    this.agents = agents;
    this.log = log;
    this.signal = signal;
  }
  send(request) {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    request.setSignal(this.signal ? AbortSignal.any([timeout, this.signal]) : timeout);
    const agent = this.agents.reuse(request.getAgent());
    if (agent)
      request.setAgent(agent);
    const log = this.log;
    const url = new URL(request.getUrl());
    const path = `${request.getHttpMethod()} ${url.pathname}`;
    if (!log)
      return new Observable(this.inner.send(request).toPromise().then((response) => capped(response, path)));
    const what = `${path}${url.searchParams.has("continue") ? " (next page)" : ""}`;
    const started = Date.now();
    return new Observable(this.inner.send(request).toPromise().then((response) => {
      log(`${what} \u2192 ${response.httpStatusCode} in ${Date.now() - started} ms`);
      return capped(response, path);
    }, (error) => {
      log(`${what} \u2192 ${error instanceof Error ? error.name : "failed"} in ${Date.now() - started} ms`);
      throw error;
    }));
  }
};
function makeClient(conn, Api, timeoutMs, log) {
  const config = createConfiguration({
    baseServer: new ServerConfiguration(conn.server, {}),
    authMethods: { default: conn.kc },
    httpApi: new TimedHttpLibrary(timeoutMs, agentsOf(conn), log)
  });
  return new Api(config);
}
function makeJsonReader(conn, timeoutMs, log, signal) {
  const server = new ServerConfiguration(conn.server, {});
  const transport = new TimedHttpLibrary(timeoutMs, agentsOf(conn), log, signal);
  let firstCredentials;
  const authenticate = async (request) => {
    if (!firstCredentials) {
      firstCredentials = conn.kc.applySecurityAuthentication(request);
      return firstCredentials;
    }
    await firstCredentials.catch(() => void 0);
    return conn.kc.applySecurityAuthentication(request);
  };
  return async (path, query) => {
    signal?.throwIfAborted();
    const request = server.makeRequestContext(path, HttpMethod.GET);
    request.setHeaderParam("Accept", "application/json, */*;q=0.8");
    for (const [name, value] of Object.entries(query))
      request.setQueryParam(name, value);
    await authenticate(request);
    signal?.throwIfAborted();
    const response = await transport.send(request).toPromise();
    const status = response.httpStatusCode;
    if (status === 401)
      throw new ApiException(status, "Unauthorized", void 0, response.headers);
    if (status < 200 || status > 299)
      throw new ApiException(status, "Unknown API Status Code!", await response.getBodyAsAny(), response.headers);
    const contentType = response.headers["content-type"];
    if (!contentType || !/^application\/([\w.+-]*\+)?json\b/i.test(contentType.trim()))
      throw new Error(`the API server answered ${contentType ?? "no content type"} where JSON was expected`);
    return JSON.parse(await response.body.text());
  };
}
var RequestFailure = class extends Error {
  reason;
  status;
  name = "RequestFailure";
  constructor(message, reason, status) {
    super(message);
    this.reason = reason;
    this.status = status;
  }
};
function statusMessage(body) {
  let value = body;
  if (typeof body === "string") {
    try {
      value = JSON.parse(body);
    } catch {
      return body.trim() ? body.trim().slice(0, 300) : void 0;
    }
  }
  if (value && typeof value === "object" && typeof value.message === "string")
    return value.message;
  return void 0;
}
function isTimeout(e) {
  return e instanceof Error && (e.name === "AbortError" || e.name === "TimeoutError");
}
function isTransportError(e) {
  return e instanceof Error && (e.name === "FetchError" || e instanceof SyntaxError || "code" in e);
}
async function withRetries(call, policy) {
  const signal = policy.signal;
  for (let attempt = 0; ; attempt++) {
    signal?.throwIfAborted();
    try {
      return await call();
    } catch (e) {
      signal?.throwIfAborted();
      if (e instanceof RequestFailure)
        throw e;
      const last = attempt >= policy.retries;
      const backoff = Math.min(5e3, policy.backoffMs * 2 ** attempt) * (1 + Math.random() * 0.5);
      if (e instanceof ApiException) {
        const code = e.code;
        const message = statusMessage(e.body) ?? `HTTP ${code}`;
        if (code === 429 || code >= 500) {
          if (last)
            throw new RequestFailure(`answered ${code} (${message}) ${attempt + 1} times`, "api-error", code);
          const retryAfter = Number(e.headers?.["retry-after"]);
          policy.onRetry?.(`answered ${code}; retry ${attempt + 1} of ${policy.retries}`);
          await sleep(Number.isFinite(retryAfter) && retryAfter >= 0 ? Math.min(retryAfter * 1e3, 3e4) : backoff, signal);
          continue;
        }
        if (code === 403)
          throw new RequestFailure(message, "permission-denied", code);
        if (code === 401)
          throw new RequestFailure(message, "unauthenticated", code);
        if (code === 404)
          throw new RequestFailure(message, "not-served", code);
        if (code === 410)
          throw new RequestFailure(message, "expired-continue", code);
        throw new RequestFailure(`answered ${code}: ${message}`, "api-error", code);
      }
      if (isTimeout(e)) {
        if (last)
          throw new RequestFailure(`no answer within ${policy.timeoutMs} ms, ${attempt + 1} times`, "timeout");
        policy.onRetry?.(`no answer within ${policy.timeoutMs} ms; retry ${attempt + 1} of ${policy.retries}`);
        await sleep(backoff, signal);
        continue;
      }
      if (isTransportError(e)) {
        if (last)
          throw new RequestFailure(`${e.message} (${attempt + 1} attempts)`, "unreachable");
        policy.onRetry?.(`${e.name}; retry ${attempt + 1} of ${policy.retries}`);
        await sleep(backoff, signal);
        continue;
      }
      throw new RequestFailure(e instanceof Error ? e.message : String(e), "api-error");
    }
  }
}
function limiter(n, signal) {
  const adaptive = new AdaptiveLimiter(n, (e) => {
    if (!(e instanceof ApiException) || e.code !== 429)
      return void 0;
    const seconds = Number(e.headers?.["retry-after"]);
    return Number.isFinite(seconds) && seconds >= 0 ? { retryAfterMs: Math.min(seconds * 1e3, 3e4) } : {};
  });
  return (task) => adaptive.run(task, signal);
}
async function listAll(fetchPage, pageSize, policy, keep = (items) => items) {
  for (let restart = 0; ; restart++) {
    const items = [];
    let token;
    const seen = /* @__PURE__ */ new Set();
    try {
      let next = withRetries(() => fetchPage(pageSize, void 0), policy);
      for (; ; ) {
        const page = await next;
        token = page.continueToken || void 0;
        if (token !== void 0 && seen.has(token))
          throw new RequestFailure("the API server returned the same continue token twice; the list was stopped instead of looping", "pagination");
        if (token === void 0) {
          items.push(...keep(page.items));
          return items;
        }
        seen.add(token);
        const continueToken = token;
        next = withRetries(() => fetchPage(pageSize, continueToken), policy);
        next.catch(() => void 0);
        items.push(...keep(page.items));
      }
    } catch (e) {
      if (e instanceof RequestFailure && e.reason === "expired-continue" && token !== void 0 && restart < 3)
        continue;
      if (e instanceof RequestFailure && e.reason === "expired-continue")
        throw new RequestFailure(`the list kept changing faster than it could be paged (410 Gone ${restart + 1} times)`, "expired-continue", 410);
      throw e;
    }
  }
}

export {
  ConnectionError,
  connect,
  closeConnections,
  makeClient,
  makeJsonReader,
  RequestFailure,
  withRetries,
  limiter,
  listAll
};
