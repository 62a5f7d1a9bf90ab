import {
  collectFiles
} from "./chunk-chunk-DO4SELGR.js";
import "./chunk-chunk-PBD5LSHE.js";
import {
  containerImages,
  finishCollected,
  parseImageReference
} from "./chunk-chunk-D7DUI4O6.js";
import {
  PROBE_DEFAULT_TIMEOUT_MS,
  PROBE_HTTP_DEFAULTS
} from "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/collectors/dist/probe/net.js
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

// packages/collectors/dist/probe/tls.js
import { isIP } from "node:net";
import { checkServerIdentity, connect, rootCertificates } from "node:tls";

// packages/collectors/dist/probe/util.js
import { readFile } from "node:fs/promises";
import { isAbsolute, resolve } from "node:path";
var Redactor = class {
  secrets = /* @__PURE__ */ new Set();
  add(secret) {
    if (secret && secret.length >= 3)
      this.secrets.add(secret);
  }
  scrub(text) {
    let out = text;
    for (const s of this.secrets)
      out = out.split(s).join("[REDACTED]");
    return out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s:@]+:[^/\s@]+@/gi, "$1[REDACTED]@");
  }
  problem(p) {
    return {
      ...p,
      subject: this.scrub(p.subject),
      message: this.scrub(p.message),
      ...p.fix ? { fix: this.scrub(p.fix) } : {}
    };
  }
};
var ProbeTimeout = class extends Error {
  name = "ProbeTimeout";
};
async function withTimeout(what, ms, work, onTimeout) {
  let timer;
  const deadline = new Promise((_, reject) => {
    timer = setTimeout(() => {
      onTimeout?.();
      reject(new ProbeTimeout(`${what} did not finish within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
async function readCaFile(root, file) {
  if (!file)
    return void 0;
  const path = isAbsolute(file) ? file : resolve(root, file);
  return readFile(path, "utf8");
}
async function caFileOrError(root, file, service, fix) {
  try {
    return { ca: await readCaFile(root, file) };
  } catch (e) {
    return {
      error: {
        status: "error",
        problems: [
          {
            subject: `layers.probe.${service}.caFile ${file}`,
            message: `cannot be read (${e.message})`,
            fix
          }
        ]
      }
    };
  }
}
function errorCode(e) {
  const code = e?.code;
  return typeof code === "string" ? code : void 0;
}
function errorMessage(e) {
  return e instanceof Error ? e.message : String(e);
}
function describeNetworkError(e, address) {
  if (e instanceof ProbeTimeout)
    return e.message;
  switch (errorCode(e)) {
    case "ECONNREFUSED":
      return `connection to ${address} refused (nothing listens there)`;
    case "ECONNRESET":
      return `${address} closed the connection`;
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `the host of ${address} does not resolve`;
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return `${address} is unreachable from here`;
    case "ETIMEDOUT":
      return `connecting to ${address} timed out`;
    default:
      return `${address}: ${errorMessage(e)}`;
  }
}
function daysUntil(date, now = Date.now()) {
  return Math.floor((date.getTime() - now) / 864e5);
}
function firstLine(text, max = 200) {
  const line = text.split(/\r?\n/)[0] ?? "";
  return line.length > max ? `${line.slice(0, max)}\u2026` : line;
}

// packages/collectors/dist/probe/tls.js
function caBundle(extra) {
  return extra ? [...rootCertificates, extra] : void 0;
}
function sniName(host) {
  return isIP(host) ? void 0 : host;
}
function distinguishedName(name) {
  if (!name)
    return "";
  return Object.entries(name).map(([k, v]) => `${k}=${Array.isArray(v) ? v.join("+") : v}`).join(", ");
}
function observeCertificate(socket, hostname, now = Date.now()) {
  const cert = socket.getPeerCertificate(true);
  if (!cert || Object.keys(cert).length === 0)
    return void 0;
  const validTo = new Date(cert.valid_to);
  const identity = checkServerIdentity(hostname, cert);
  const authError = socket.authorizationError;
  const authCode = authError && typeof authError === "object" ? String(authError.code ?? authError) : authError ? String(authError) : void 0;
  const trusted = socket.authorized || authCode === "ERR_TLS_CERT_ALTNAME_INVALID";
  return {
    subject: distinguishedName(cert.subject),
    issuer: distinguishedName(cert.issuer),
    altNames: (cert.subjectaltname ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    validFrom: new Date(cert.valid_from).toISOString(),
    validTo: validTo.toISOString(),
    expiresInDays: daysUntil(validTo, now),
    trusted,
    ...trusted || !authCode ? {} : { trustError: authCode },
    hostname,
    hostnameMatches: identity === void 0,
    selfSigned: cert.issuerCertificate?.fingerprint256 === cert.fingerprint256,
    fingerprint256: cert.fingerprint256
  };
}
async function handshake(options) {
  const hostname = options.hostname ?? options.host;
  const sni = sniName(hostname);
  let socket;
  const work = new Promise((resolve2) => {
    socket = connect({
      host: options.host,
      port: options.port,
      ...sni ? { servername: sni } : {},
      ...options.ca ? { ca: caBundle(options.ca) } : {},
      rejectUnauthorized: false
    });
    socket.once("secureConnect", () => {
      const s = socket;
      const certificate = observeCertificate(s, hostname);
      const protocol = s.getProtocol() ?? void 0;
      s.end();
      resolve2({ ...certificate ? { certificate } : {}, ...protocol ? { protocol } : {} });
    });
    socket.once("error", (e) => resolve2({ error: `TLS handshake with ${options.host}:${options.port} failed: ${e.message}` }));
  });
  try {
    return await withTimeout(`TLS handshake with ${options.host}:${options.port}`, options.timeoutMs, work, () => socket?.destroy());
  } catch (e) {
    return { error: e.message };
  } finally {
    socket?.destroy();
  }
}

// packages/collectors/dist/probe/net.js
var USER_AGENT = "coditect-audit-probe/0.1 (read-only)";
function header(headers, name) {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
async function httpGet(url, options) {
  const https = url.protocol === "https:";
  let req;
  const work = new Promise((resolve2, reject) => {
    const sni = sniName(url.hostname.replace(/^\[|\]$/g, ""));
    const common = {
      method: options.method ?? "GET",
      headers: { "user-agent": USER_AGENT, ...options.headers },
      agent: false
    };
    const onResponse = (res) => {
      const chunks = [];
      let size = 0;
      let truncated = false;
      let tls;
      if (https) {
        const socket = res.socket;
        const certificate = observeCertificate(socket, url.hostname.replace(/^\[|\]$/g, ""));
        const protocol = socket.getProtocol?.() ?? void 0;
        tls = { ...certificate ? { certificate } : {}, ...protocol ? { protocol } : {} };
      }
      res.on("data", (c) => {
        if (truncated)
          return;
        size += c.length;
        if (size > options.maxBytes) {
          truncated = true;
          chunks.push(c.subarray(0, c.length - (size - options.maxBytes)));
          res.destroy();
          resolve2({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
            truncated,
            ...tls ? { tls } : {}
          });
          return;
        }
        chunks.push(c);
      });
      res.on("end", () => resolve2({
        status: res.statusCode ?? 0,
        headers: res.headers,
        body: Buffer.concat(chunks),
        truncated,
        ...tls ? { tls } : {}
      }));
      res.on("error", reject);
    };
    req = https ? httpsRequest(url, {
      ...common,
      rejectUnauthorized: options.verify,
      ...options.ca ? { ca: caBundle(options.ca) } : {},
      ...sni ? { servername: sni } : {}
    }, onResponse) : httpRequest(url, common, onResponse);
    req.on("error", reject);
    req.end();
  });
  return withTimeout(`${options.method ?? "GET"} ${url.origin}${url.pathname}`, options.timeoutMs, work, () => req?.destroy());
}

// packages/collectors/dist/probe/http.js
var MAX_BODY_BYTES = 64 * 1024;
function describeLocation(location) {
  return `${location.protocol}//${location.host}${location.pathname}`;
}
function healthFields(body, keys) {
  let json;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return void 0;
  }
  if (!json || typeof json !== "object" || Array.isArray(json))
    return void 0;
  const out = {};
  for (const key of ["status", ...keys]) {
    const v = json[key];
    if (typeof v === "string" && v.length <= 64 || typeof v === "boolean")
      out[key] = String(v);
  }
  return Object.keys(out).length > 0 ? out : void 0;
}
function failed(e, url) {
  const code = errorCode(e) ?? "";
  const detail = describeNetworkError(e, url.origin);
  if (e instanceof ProbeTimeout)
    return { outcome: "timeout", detail };
  if (code === "ECONNREFUSED")
    return { outcome: "refused", detail };
  if (/^(ERR_TLS|ERR_SSL|EPROTO)|CERT|SSL/.test(code))
    return { outcome: "tls-error", detail };
  return { outcome: "error", detail };
}
async function observe(fetcher, base, path, healthKeys) {
  let url = new URL(path, base);
  const start = url.toString();
  for (let hop = 0; ; hop++) {
    let res;
    try {
      res = await fetcher(url);
    } catch (e) {
      return { obs: { url: start, ...failed(e, url) } };
    }
    const location = header(res.headers, "location");
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (next.hostname !== base.hostname)
        return {
          obs: { url: start, outcome: "redirect-offsite", status: res.status, location: describeLocation(next) },
          res
        };
      if (hop < 3) {
        url = next;
        continue;
      }
    }
    const health = healthFields(res.body, healthKeys);
    const hsts = header(res.headers, "strict-transport-security");
    return {
      obs: {
        url: start,
        outcome: "answered",
        status: res.status,
        ...location ? { location: describeLocation(new URL(location, url)) } : {},
        ...health ? { health } : {},
        ...hsts ? { hsts } : {}
      },
      res
    };
  }
}
async function probeHttp(config, ctx) {
  const caRead = await caFileOrError(ctx.root, config.caFile, "http", "give the path of the CA PEM file, relative to the config file");
  if ("error" in caRead)
    return caRead.error;
  const ca = caRead.ca;
  const base = new URL(config.baseUrl);
  const https = base.protocol === "https:";
  const readyComponents = config.readyComponents ?? [...PROBE_HTTP_DEFAULTS.readyComponents];
  const fetcher = (url) => httpGet(url, { ...ca ? { ca } : {}, verify: false, timeoutMs: ctx.timeoutMs, maxBytes: MAX_BODY_BYTES });
  const live = await observe(fetcher, base, config.livePath ?? PROBE_HTTP_DEFAULTS.livePath, []);
  const ready = await observe(fetcher, base, config.readyPath ?? PROBE_HTTP_DEFAULTS.readyPath, readyComponents);
  const guarded = [];
  for (const path of config.protectedPaths ?? PROBE_HTTP_DEFAULTS.protectedPaths) {
    const { obs } = await observe(fetcher, base, path, []);
    delete obs.health;
    guarded.push(obs);
  }
  let tls;
  if (https) {
    const seen = live.res?.tls ?? ready.res?.tls;
    tls = seen ? {
      ...seen.protocol ? { protocol: seen.protocol } : {},
      ...seen.certificate ? { certificate: seen.certificate } : {}
    } : { error: live.obs.detail ?? "no TLS connection could be made" };
  }
  const answered = (o) => o.outcome === "answered" || o.outcome === "redirect-offsite";
  if (!answered(live.obs) && !answered(ready.obs))
    return {
      status: "error",
      problems: [
        ctx.redactor.problem({
          subject: `GET ${base.origin}`,
          message: `the app did not answer: ${live.obs.detail ?? live.obs.outcome}`,
          fix: "check baseUrl, DNS, and that the scan runs where the endpoint is reachable"
        })
      ]
    };
  const httpUrl = new URL(config.httpUrl ?? `http://${base.hostname}`);
  const plainTarget = new URL(config.livePath ?? PROBE_HTTP_DEFAULTS.livePath, httpUrl);
  let plainHttp;
  try {
    const res = await httpGet(plainTarget, { verify: false, timeoutMs: ctx.timeoutMs, maxBytes: MAX_BODY_BYTES });
    const location = header(res.headers, "location");
    if (res.status >= 300 && res.status < 400 && location) {
      const to = new URL(location, plainTarget);
      plainHttp = {
        url: plainTarget.toString(),
        outcome: "redirect",
        status: res.status,
        location: describeLocation(to),
        toHttps: to.protocol === "https:",
        sameHost: to.hostname === base.hostname
      };
    } else
      plainHttp = { url: plainTarget.toString(), outcome: "answered", status: res.status };
  } catch (e) {
    const f = failed(e, plainTarget);
    plainHttp = {
      url: plainTarget.toString(),
      outcome: f.outcome === "timeout" || f.outcome === "refused" ? f.outcome : "error",
      ...f.detail ? { detail: f.detail } : {}
    };
  }
  const data = {
    baseUrl: base.origin,
    host: base.hostname,
    https,
    live: live.obs,
    ready: ready.obs,
    readyComponents,
    protected: guarded,
    ...tls ? { tls } : {},
    plainHttp,
    minCertificateDays: config.minCertificateDays ?? PROBE_HTTP_DEFAULTS.minCertificateDays
  };
  return { status: "ok", data, problems: [] };
}

// packages/collectors/dist/probe/postgres.js
import { checkServerIdentity as checkServerIdentity2 } from "node:tls";

// packages/collectors/dist/probe/kube.js
async function coreApi(access) {
  const { coreV1Api } = await import("./chunk-kube-client-2Y4YI4ZD.js");
  return coreV1Api(access);
}
async function readSecretKeys(access, ref, keys, redactor) {
  const api = await coreApi(access);
  const list = await withTimeout(`list Secret ${ref.namespace}/${ref.name}`, access.timeoutMs, api.listNamespacedSecret({ namespace: ref.namespace, fieldSelector: `metadata.name=${ref.name}` }));
  const secret = list.items.find((s) => s.metadata?.name === ref.name);
  if (!secret)
    throw Object.assign(new Error(`Secret ${ref.namespace}/${ref.name} not found`), { code: 404 });
  const out = /* @__PURE__ */ new Map();
  for (const key of keys) {
    const encoded = secret.data?.[key];
    if (encoded === void 0)
      continue;
    const value = Buffer.from(encoded, "base64").toString("utf8");
    redactor.add(value);
    out.set(key, value);
  }
  return out;
}
async function listPodImages(access, namespace) {
  const api = await coreApi(access);
  const pods = await withTimeout(`list pods in namespace ${namespace}`, access.timeoutMs, api.listNamespacedPod({ namespace }));
  const out = [];
  for (const pod of pods.items) {
    const name = pod.metadata?.name ?? "?";
    const ref = pod.metadata?.ownerReferences?.find((o) => o.controller) ?? pod.metadata?.ownerReferences?.[0];
    const owner = ref ? ref.kind === "ReplicaSet" && /-[a-z0-9]{5,10}$/.test(ref.name) ? { kind: "Deployment", name: ref.name.replace(/-[a-z0-9]{5,10}$/, "") } : { kind: ref.kind, name: ref.name } : void 0;
    for (const c of [...pod.spec?.initContainers ?? [], ...pod.spec?.containers ?? []]) {
      if (c.image)
        out.push({ image: c.image, pod: name, container: c.name, ...owner ? { owner } : {} });
    }
  }
  return out;
}

// packages/collectors/dist/probe/postgres.js
var DB_PASSWORD_KEYS = [
  "db-password",
  "DB_PASSWORD",
  "database-password",
  "DATABASE_PASSWORD",
  "POSTGRES_PASSWORD",
  "PGPASSWORD"
];
var APPLICATION_NAME = "coditect-audit";
var PasswordRequested = class extends Error {
};
async function resolveLogin(config, ctx, problems) {
  if (config.fromSecret) {
    const namespace = config.fromSecret.namespace ?? ctx.expectations.app.namespace;
    const name = config.fromSecret.name ?? ctx.expectations.app.secrets[0];
    const subject = `Secret ${namespace}/${name ?? "?"}`;
    if (!name) {
      problems.push({
        subject: "layers.probe.postgres.fromSecret",
        message: "no Secret is named (fromSecret.name, or expectations.app.secrets)",
        fix: "set layers.probe.postgres.fromSecret.name to the Secret that holds the database login"
      });
      return void 0;
    }
    const userKeys = config.fromSecret.userKey ? [config.fromSecret.userKey] : ctx.expectations.app.dbUserKeys;
    const passwordKeys = config.fromSecret.passwordKey ? [config.fromSecret.passwordKey] : DB_PASSWORD_KEYS;
    let values;
    try {
      values = await readSecretKeys({ ...ctx.kube, timeoutMs: ctx.timeoutMs }, { namespace, name }, [...userKeys, ...passwordKeys], ctx.redactor);
    } catch (e) {
      const status = e.code;
      const fix = status === 403 ? `grant the scanning identity "list" on secrets in namespace ${namespace} (RBAC verb list, resource secrets: coditect-audit rbac prints it), or give user and passwordEnv instead of fromSecret` : status === 404 ? "name the Secret that holds the database login in layers.probe.postgres.fromSecret.name" : "check the kubeconfig and context (--kubeconfig, --context) and that the API server is reachable";
      problems.push({
        subject: `list ${subject}`,
        message: `the Secret could not be read (${status === 403 ? "forbidden" : status === 404 ? "not found" : firstLine(ctx.redactor.scrub(e.message))})`,
        fix
      });
      return void 0;
    }
    const userKey = userKeys.find((k) => values.has(k));
    const passwordKey = passwordKeys.find((k) => values.has(k));
    let user = userKey ? values.get(userKey) : void 0;
    let password2 = passwordKey ? values.get(passwordKey) : void 0;
    if (user && /^[a-z][a-z0-9+.-]*:\/\//i.test(user)) {
      try {
        const url = new URL(user);
        if (url.password) {
          password2 ??= decodeURIComponent(url.password);
          ctx.redactor.add(password2);
        }
        user = decodeURIComponent(url.username);
      } catch {
        user = void 0;
      }
    }
    if (!user) {
      problems.push({
        subject,
        message: `no database user under ${userKeys.join(", ")}`,
        fix: "name the key with layers.probe.postgres.fromSecret.userKey"
      });
      return void 0;
    }
    return { user, ...password2 ? { password: password2 } : {}, source: `${subject} key ${passwordKey ?? "(none)"}` };
  }
  if (!config.user) {
    problems.push({
      subject: "layers.probe.postgres.user",
      message: "no login role is configured",
      fix: "set layers.probe.postgres.user (and passwordEnv), or fromSecret to use the app\u2019s Secret"
    });
    return void 0;
  }
  if (!config.passwordEnv)
    return { user: config.user, source: "none" };
  const password = process.env[config.passwordEnv];
  if (password === void 0 || password === "") {
    problems.push({
      subject: `environment variable ${config.passwordEnv}`,
      message: `${config.passwordEnv} is not set (layers.probe.postgres.passwordEnv names it), so the probe has no password for ${config.user}`,
      fix: `export ${config.passwordEnv} with the password of ${config.user} before the scan`
    });
    return void 0;
  }
  ctx.redactor.add(password);
  return { user: config.user, password, source: `env ${config.passwordEnv}` };
}
function sslOption(mode, host, servername, ca) {
  if (mode === "disable")
    return false;
  if (mode === "require")
    return { rejectUnauthorized: false };
  const name = servername ?? host;
  const sni = sniName(name);
  return {
    rejectUnauthorized: true,
    ...ca ? { ca: caBundle(ca) } : {},
    ...sni ? { servername: sni } : {},
    checkServerIdentity: mode === "verify-ca" ? () => void 0 : (_host, cert) => checkServerIdentity2(name, cert)
  };
}
function connectProblem(e, endpoint, login, mode, redactor) {
  const code = errorCode(e);
  const message = redactor.scrub(firstLine(e?.message ?? String(e)));
  const subject = `PostgreSQL ${endpoint} as ${login.user}`;
  if (code === "28P01")
    return {
      subject,
      message: `password authentication failed (${message})`,
      fix: `check that ${login.source} holds the password of ${login.user}`
    };
  if (code === "28000")
    return {
      subject,
      message,
      fix: "allow the scanner\u2019s address for this user and database (pg_hba.conf or Cloud SQL authorized networks), over SSL"
    };
  if (code === "3D000")
    return { subject, message, fix: "set layers.probe.postgres.database to a database that exists" };
  if (/does not support SSL/i.test(message))
    return {
      subject,
      message: `${message}: the server has SSL switched off`,
      fix: "enable SSL on the server, or set sslmode: disable to probe it as it is"
    };
  if (/certificate|self[- ]signed|unable to verify|altnames|Hostname\/IP/i.test(message))
    return {
      subject,
      message: `the server certificate was not accepted under sslmode ${mode} (${message})`,
      fix: 'set caFile to the server CA (Cloud SQL: gcloud sql instances describe INSTANCE --format="value(serverCaCert.cert)"), or servername to the name the certificate holds'
    };
  return {
    subject,
    message: describeNetworkError(e, endpoint),
    fix: "check host and port, and that the scan runs where the database is reachable (inside the VPC, or through the Cloud SQL Auth Proxy)"
  };
}
var USER_SCHEMA = `n.nspname NOT LIKE 'pg\\_%' AND n.nspname <> 'information_schema'`;
async function inspect(client, appRole, data) {
  await client.query("BEGIN TRANSACTION READ ONLY");
  try {
    const server = await client.query(`SELECT current_setting('server_version') AS version, current_setting('server_version_num') AS num,
              current_setting('transaction_read_only') AS ro`);
    const s = server.rows[0];
    if (s) {
      const num = Number(s.num);
      data.server = {
        version: s.version,
        versionNum: num,
        major: num >= 1e5 ? Math.floor(num / 1e4) : Math.floor(num / 100)
      };
    }
    const ssl = await client.query("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
    data.session = {
      ssl: ssl.rows[0]?.ssl === true,
      ...ssl.rows[0]?.version ? { sslVersion: ssl.rows[0].version } : {},
      readOnly: s?.ro === "on"
    };
    const role = await client.query("SELECT rolsuper, rolcreaterole, rolcreatedb, rolbypassrls, rolreplication FROM pg_roles WHERE rolname = $1", [
      appRole
    ]);
    const r = role.rows[0];
    if (!r) {
      data.role = {
        name: appRole,
        exists: false,
        superuser: false,
        createRole: false,
        createDb: false,
        bypassRls: false,
        replication: false,
        memberOf: []
      };
      return;
    }
    const member = await client.query(`WITH RECURSIVE m(oid) AS (
         SELECT oid FROM pg_roles WHERE rolname = $1
         UNION SELECT a.roleid FROM pg_auth_members a JOIN m ON a.member = m.oid)
       SELECT rolname FROM pg_roles WHERE oid IN (SELECT oid FROM m) AND rolname <> $1 ORDER BY rolname`, [appRole]);
    data.role = {
      name: appRole,
      exists: true,
      superuser: r.rolsuper,
      createRole: r.rolcreaterole,
      createDb: r.rolcreatedb,
      bypassRls: r.rolbypassrls,
      replication: r.rolreplication,
      memberOf: member.rows.map((x) => x.rolname)
    };
    const owns = await client.query(`SELECT (SELECT pg_has_role($1, datdba, 'USAGE') FROM pg_database WHERE datname = current_database()) AS db,
              (SELECT array_agg(n.nspname::text ORDER BY n.nspname) FROM pg_namespace n
                WHERE ${USER_SCHEMA} AND pg_has_role($1, n.nspowner, 'USAGE')) AS schemas`, [appRole]);
    const tables = await client.query(`SELECT n.nspname || '.' || c.relname AS name, count(*) OVER () AS total
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMA} AND pg_has_role($1, c.relowner, 'USAGE')
        ORDER BY 1 LIMIT 20`, [appRole]);
    data.ownership = {
      database: owns.rows[0]?.db === true,
      schemas: owns.rows[0]?.schemas ?? [],
      tables: tables.rows.map((t) => t.name),
      tableCount: Number(tables.rows[0]?.total ?? 0)
    };
    const create = await client.query(`SELECT has_database_privilege($1, current_database(), 'CREATE') AS db,
              (SELECT array_agg(n.nspname::text ORDER BY n.nspname) FROM pg_namespace n
                WHERE ${USER_SCHEMA} AND has_schema_privilege($1, n.oid, 'CREATE')) AS schemas`, [appRole]);
    const beyond = await client.query(`SELECT name, privileges, count(*) OVER () AS total FROM (
         SELECT n.nspname || '.' || c.relname AS name,
                array_remove(ARRAY[
                  CASE WHEN has_table_privilege($1, c.oid, 'TRUNCATE') THEN 'TRUNCATE' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'REFERENCES') THEN 'REFERENCES' END,
                  CASE WHEN has_table_privilege($1, c.oid, 'TRIGGER') THEN 'TRIGGER' END], NULL) AS privileges
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMA}) t
        WHERE cardinality(privileges) > 0 ORDER BY name LIMIT 20`, [appRole]);
    data.privileges = {
      createOnDatabase: create.rows[0]?.db === true,
      createOnSchemas: create.rows[0]?.schemas ?? [],
      beyondDml: beyond.rows.map((b) => ({ table: b.name, privileges: b.privileges })),
      beyondDmlCount: Number(beyond.rows[0]?.total ?? 0)
    };
  } finally {
    await client.query("ROLLBACK");
  }
}
function baseConfig(config, database, user, timeoutMs) {
  return {
    host: config.host,
    port: config.port ?? 5432,
    database,
    user,
    application_name: APPLICATION_NAME,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    // Read-only from the first statement; a statement can never outlive the probe's deadline.
    options: `-c default_transaction_read_only=on -c statement_timeout=${timeoutMs}`
  };
}
async function plaintextAttempt(PgClient, config, database, user, timeoutMs, redactor) {
  const client = new PgClient({
    ...baseConfig(config, database, user, timeoutMs),
    ssl: false,
    password: () => {
      throw new PasswordRequested("the server asked for a password over an unencrypted connection");
    }
  });
  client.on("error", () => {
  });
  try {
    await withTimeout("plaintext connection", timeoutMs + 500, client.connect(), () => void client.end().catch(() => {
    }));
    return { outcome: "accepted", detail: `logged in as ${user} without TLS and without a password` };
  } catch (e) {
    if (e instanceof PasswordRequested)
      return {
        outcome: "auth-requested",
        detail: "the server asked for a password over an unencrypted connection (none was sent)"
      };
    if (e instanceof ProbeTimeout)
      return { outcome: "timeout", detail: e.message };
    const message = redactor.scrub(firstLine(e.message ?? String(e)));
    if (errorCode(e) === "28000")
      return { outcome: "refused", detail: message };
    if (/timeout/i.test(message))
      return { outcome: "timeout", detail: message };
    return { outcome: "error", detail: describeNetworkError(e, `${config.host}:${config.port ?? 5432}`) };
  } finally {
    await client.end().catch(() => {
    });
  }
}
async function probePostgres(config, ctx) {
  const problems = [];
  const port = config.port ?? 5432;
  const database = config.database ?? ctx.expectations.database.name;
  const endpoint = `${config.host}:${port}/${database}`;
  const mode = config.sslmode ?? (config.caFile ? "verify-full" : "require");
  const caRead = await caFileOrError(ctx.root, config.caFile, "postgres", "give the path of the server CA PEM file, relative to the config file");
  if ("error" in caRead)
    return caRead.error;
  const ca = caRead.ca;
  const login = await resolveLogin(config, ctx, problems);
  const PgClient = (await import("../../../node_modules/.pnpm/pg@8.23.1/node_modules/pg/esm/index.mjs")).default.Client;
  const loginName = login?.user ?? config.user ?? "(unknown)";
  const appRole = config.appUser ?? loginName;
  const data = {
    endpoint,
    host: config.host,
    port,
    database,
    login: loginName,
    appRole,
    credentialSource: login?.source ?? "none",
    sslmode: mode,
    plaintext: await plaintextAttempt(PgClient, config, database, loginName, ctx.timeoutMs, ctx.redactor)
  };
  const withheld = mode === "disable" && login?.password !== void 0 && config.allowPlaintextCredentials !== true;
  if (login && withheld) {
    problems.push({
      subject: `PostgreSQL ${endpoint}`,
      message: `the password of ${login.user} (${login.source}) was not sent: sslmode disable would carry it in clear text, so the authenticated checks were not run`,
      fix: "probe over TLS (sslmode require or verify-full), or, only for a network you trust, set layers.probe.postgres.allowPlaintextCredentials: true in a configuration outside the scanned directory"
    });
  } else if (login) {
    const client = new PgClient({
      ...baseConfig(config, database, login.user, ctx.timeoutMs),
      // Without a configured password, a password request ends the attempt (pg would fall back to PGPASSWORD).
      password: login.password ?? (() => {
        throw new Error(`the server asked for a password for ${login.user}, but none is configured (passwordEnv)`);
      }),
      ssl: sslOption(mode, config.host, config.servername, ca)
    });
    client.on("error", () => {
    });
    try {
      await withTimeout(`connecting to PostgreSQL ${endpoint}`, ctx.timeoutMs + 500, client.connect(), () => void client.end().catch(() => {
      }));
      await inspect(client, appRole, data);
    } catch (e) {
      problems.push(connectProblem(e, endpoint, login, mode, ctx.redactor));
    } finally {
      await client.end().catch(() => {
      });
    }
  }
  return { status: "ok", data, problems: problems.map((p) => ctx.redactor.problem(p)) };
}

// packages/collectors/dist/probe/redis.js
import { connect as netConnect } from "node:net";
import { checkServerIdentity as checkServerIdentity3 } from "node:tls";
function clientOptions(config, port, timeoutMs, tls) {
  return {
    host: config.host,
    port,
    lazyConnect: true,
    enableReadyCheck: false,
    enableOfflineQueue: false,
    disableClientInfo: true,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    reconnectOnError: () => false,
    autoResubscribe: false,
    autoResendUnfulfilledCommands: false,
    connectTimeout: timeoutMs,
    commandTimeout: timeoutMs,
    ...tls ? { tls } : {}
  };
}
async function plainPing(host, port, timeoutMs) {
  let socket;
  const work = new Promise((resolve2) => {
    let received = "";
    socket = netConnect({ host, port });
    socket.setEncoding("latin1");
    socket.once("connect", () => socket?.write("*1\r\n$4\r\nPING\r\n"));
    socket.on("data", (chunk) => {
      received += chunk;
      if (!received.includes("\r\n"))
        return;
      const line = received.split("\r\n")[0] ?? "";
      if (/^[+-][\x20-\x7e]*$/.test(line))
        resolve2({ outcome: "answered", reply: firstLine(line.slice(1), 80) });
      else
        resolve2({ outcome: "refused" });
      socket?.destroy();
    });
    socket.once("close", () => resolve2({ outcome: "refused" }));
    socket.once("error", () => resolve2({ outcome: "refused" }));
  });
  try {
    return await withTimeout(`plaintext PING to ${host}:${port}`, timeoutMs, work, () => socket?.destroy());
  } catch {
    return { outcome: "no-answer" };
  } finally {
    socket?.destroy();
  }
}
function parseInfo(text) {
  const fields = /* @__PURE__ */ new Map();
  for (const line of text.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0)
      fields.set(line.slice(0, i), line.slice(i + 1).trim());
  }
  const version = fields.get("redis_version");
  if (!version)
    return void 0;
  const mode = fields.get("redis_mode");
  return { version, ...mode ? { mode } : {} };
}
async function session(RedisClient, options, what, timeoutMs, use) {
  const client = new RedisClient(options);
  client.on("error", () => {
  });
  try {
    await withTimeout(what, timeoutMs + 500, client.connect(), () => client.disconnect());
    return await withTimeout(what, timeoutMs + 500, use(client), () => client.disconnect());
  } finally {
    client.disconnect();
  }
}
async function probeRedis(config, ctx) {
  const tls = config.tls ?? true;
  const port = config.port ?? (tls ? 6378 : 6379);
  const endpoint = `${config.host}:${port}`;
  const problems = [];
  const caRead = await caFileOrError(ctx.root, config.caFile, "redis", "give the path of the server CA PEM file (Memorystore: gcloud redis instances get-auth-string / server-ca-certs), relative to the config file");
  if ("error" in caRead)
    return caRead.error;
  const ca = caRead.ca;
  const RedisClient = (await import("../../../node_modules/.pnpm/ioredis@5.11.1/node_modules/ioredis/built/index.js")).default;
  const hostname = config.servername ?? config.host;
  const sni = sniName(hostname);
  const data = {
    endpoint,
    host: config.host,
    port,
    tls,
    ...config.user ? { user: config.user } : {},
    unauthenticatedPing: { outcome: "no-answer" },
    plaintext: { outcome: "no-answer" }
  };
  let verified = !tls;
  if (tls) {
    const seen = await handshake({ host: config.host, port, hostname, ca, timeoutMs: ctx.timeoutMs });
    if (seen.certificate)
      data.certificate = seen.certificate;
    if (seen.error)
      data.tlsError = seen.error;
    verified = seen.certificate?.trusted === true && seen.certificate.hostnameMatches;
  }
  const anyTls = {
    rejectUnauthorized: false,
    ...sni ? { servername: sni } : {}
  };
  let needsAuth = false;
  try {
    await session(RedisClient, clientOptions(config, port, ctx.timeoutMs, tls ? anyTls : void 0), `PING to ${endpoint}`, ctx.timeoutMs, async (c) => {
      try {
        const pong = await c.ping();
        data.unauthenticatedPing = { outcome: "pong", reply: firstLine(String(pong), 80) };
        data.server = parseInfo(await c.info("server"));
      } catch (e) {
        if (e.name !== "ReplyError")
          throw e;
        const reply = firstLine(e.message, 120);
        if (/^NOAUTH\b/.test(reply)) {
          needsAuth = true;
          data.unauthenticatedPing = { outcome: "noauth", reply };
        } else
          data.unauthenticatedPing = { outcome: "error", reply: ctx.redactor.scrub(reply) };
      }
    });
  } catch (e) {
    problems.push({
      subject: `Redis ${endpoint}`,
      message: `no answer to PING: ${e instanceof ProbeTimeout ? e.message : describeNetworkError(e, endpoint)}${tls && data.tlsError ? ` (${data.tlsError})` : ""}`,
      fix: tls ? "check host and port (Memorystore with in-transit encryption listens on 6378), and that the scan runs inside the VPC; set tls: false only if the server really has no TLS" : "check host and port, and that the scan runs inside the VPC"
    });
  }
  data.plaintext = tls ? await plainPing(config.host, port, ctx.timeoutMs) : plaintextFromSession(data);
  if (needsAuth) {
    const password = config.passwordEnv ? process.env[config.passwordEnv] : void 0;
    if (!config.passwordEnv) {
      data.authenticated = { ok: false, detail: "not attempted: no passwordEnv is configured" };
    } else if (!password) {
      problems.push({
        subject: `environment variable ${config.passwordEnv}`,
        message: `${config.passwordEnv} is not set (layers.probe.redis.passwordEnv names it), so the probe cannot AUTH to ${endpoint}`,
        fix: `export ${config.passwordEnv} with the AUTH string (gcloud redis instances get-auth-string INSTANCE --region REGION)`
      });
    } else if (!tls && config.allowPlaintextCredentials !== true) {
      ctx.redactor.add(password);
      data.authenticated = {
        ok: false,
        detail: "not attempted: without TLS the AUTH string would travel in clear text"
      };
      problems.push({
        subject: `Redis ${endpoint} AUTH`,
        message: `the AUTH string in ${config.passwordEnv} was not sent: tls is false, so it would travel in clear text, and the authenticated checks were not run`,
        fix: "probe over TLS (tls: true, the Memorystore default with in-transit encryption), or, only for a network you trust, set layers.probe.redis.allowPlaintextCredentials: true in a configuration outside the scanned directory"
      });
    } else if (!verified) {
      data.authenticated = {
        ok: false,
        detail: "not attempted: the server certificate was not verified, and the AUTH string is never sent to an unverified server"
      };
    } else {
      ctx.redactor.add(password);
      const verifiedTls = {
        rejectUnauthorized: true,
        ...ca ? { ca: caBundle(ca) } : {},
        ...sni ? { servername: sni } : {},
        checkServerIdentity: (_host, cert) => checkServerIdentity3(hostname, cert)
      };
      try {
        await session(RedisClient, clientOptions(config, port, ctx.timeoutMs, tls ? verifiedTls : void 0), `AUTH to ${endpoint}`, ctx.timeoutMs, async (c) => {
          try {
            if (config.user)
              await c.auth(config.user, password);
            else
              await c.auth(password);
          } catch (e) {
            data.authenticated = { ok: false, detail: ctx.redactor.scrub(firstLine(e.message, 120)) };
            return;
          }
          data.authenticated = { ok: true };
          data.server = parseInfo(await c.info("server"));
        });
      } catch (e) {
        problems.push({
          subject: `Redis ${endpoint}`,
          message: `the authenticated session failed: ${ctx.redactor.scrub(describeNetworkError(e, endpoint))}`,
          fix: "check the network path and the TLS settings (caFile, servername)"
        });
      }
      if (data.authenticated && !data.authenticated.ok)
        problems.push({
          subject: `Redis ${endpoint} AUTH`,
          message: `the ${config.user ? `password of ACL user ${config.user}` : "AUTH string"} in ${config.passwordEnv} was refused (${data.authenticated.detail ?? "no detail"})`,
          fix: `put the instance's current AUTH string in ${config.passwordEnv}`
        });
    }
  }
  return { status: "ok", data, problems: problems.map((p) => ctx.redactor.problem(p)) };
}
function plaintextFromSession(data) {
  const ping = data.unauthenticatedPing;
  if (ping.outcome === "pong" || ping.outcome === "noauth" || ping.outcome === "error")
    return { outcome: "answered", ...ping.reply ? { reply: ping.reply } : {} };
  return { outcome: "no-answer" };
}

// packages/collectors/dist/probe/images.js
function pullReference(raw) {
  const ref = parseImageReference(raw);
  return ref?.canonical ? { reference: ref.raw, ...ref.canonical } : void 0;
}
function manifestUses(objects) {
  const out = [];
  for (const o of objects) {
    for (const { pointer, image } of containerImages(o.kind, o.object)) {
      const pos = o.positions[pointer];
      const name = valueAt(o.object, pointer.replace(/\/image$/, "")).name;
      out.push({
        image,
        use: {
          source: "manifest",
          file: pos?.file ?? o.file,
          line: pos?.line ?? o.line,
          ...pos ? { column: pos.column } : {},
          kind: o.kind,
          ...o.namespace ? { namespace: o.namespace } : {},
          name: o.name,
          ...typeof name === "string" ? { container: name } : {}
        }
      });
    }
  }
  return out;
}
function valueAt(root, pointer) {
  let cur = root;
  for (const key of pointer.split("/").slice(1)) {
    if (cur === null || typeof cur !== "object")
      return void 0;
    cur = cur[key];
  }
  return cur;
}
async function imageTargets(options) {
  const problems = [];
  const found = [];
  if (options.images) {
    for (const image of options.images)
      found.push({ image, use: { source: "config" } });
  } else {
    const from = options.imagesFrom ?? ["manifests"];
    if (from.includes("manifests")) {
      const facets = await collectFiles({ root: options.root });
      const k8s = facets["files.kubernetes"];
      if (k8s.status === "ok")
        found.push(...manifestUses(k8s.data.files.flatMap((f) => f.objects)));
    }
    if (from.includes("cluster")) {
      try {
        for (const p of await listPodImages({ ...options.kube, timeoutMs: options.timeoutMs }, options.namespace)) {
          found.push({
            image: p.image,
            use: {
              source: "cluster",
              kind: p.owner?.kind ?? "Pod",
              namespace: options.namespace,
              name: p.owner?.name ?? p.pod,
              container: p.container
            }
          });
        }
      } catch (e) {
        const forbidden = e.code === 403;
        problems.push({
          subject: `list pods in namespace ${options.namespace}`,
          message: `the pods could not be listed (${forbidden ? "forbidden" : firstLine(options.redactor.scrub(e.message))})`,
          fix: forbidden ? `grant the scanning identity "list" on pods in namespace ${options.namespace} (RBAC verb list, resource pods), or list the images in layers.probe.registry.images` : "check the kubeconfig and context (--kubeconfig, --context) and that the API server is reachable"
        });
      }
    }
  }
  const byRef = /* @__PURE__ */ new Map();
  for (const { image, use } of found) {
    const ref = pullReference(image);
    if (!ref) {
      problems.push({
        subject: `image ${image}`,
        message: "is not an image reference the probe can resolve (a template or a malformed name)",
        fix: "list the resolved image in layers.probe.registry.images"
      });
      continue;
    }
    const key = ref.reference;
    const target = byRef.get(key) ?? { ref, usedBy: [] };
    if (!target.usedBy.some((u) => JSON.stringify(u) === JSON.stringify(use)))
      target.usedBy.push(use);
    byRef.set(key, target);
  }
  return { targets: [...byRef.values()].sort((a, b) => a.ref.reference.localeCompare(b.ref.reference)), problems };
}

// packages/collectors/dist/probe/registry.js
var OCI_INDEX = "application/vnd.oci.image.index.v1+json";
var OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
var DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
var DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
var MANIFEST_ACCEPT = [OCI_INDEX, DOCKER_LIST, OCI_MANIFEST, DOCKER_MANIFEST].join(", ");
var MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
var MAX_PLATFORMS = 8;
var IMAGE_CONCURRENCY = 4;
var RegistryError = class extends Error {
  fix;
  constructor(message, fix) {
    super(message);
    this.fix = fix;
  }
};
function parseChallenge(value) {
  if (!value)
    return void 0;
  const m = /^\s*([A-Za-z]+)\s*(.*)$/.exec(value);
  if (!m)
    return void 0;
  const params = {};
  const re = /([A-Za-z_]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
  for (let p = re.exec(m[2] ?? ""); p; p = re.exec(m[2] ?? "")) {
    params[p[1].toLowerCase()] = (p[2] ?? p[3] ?? "").replace(/\\(.)/g, "$1");
  }
  return { scheme: m[1].toLowerCase(), params };
}
function isGoogleRegistry(host) {
  return /(^|\.)gcr\.io$/.test(host) || /-docker\.pkg\.dev$/.test(host);
}
async function defaultGoogleAccessToken() {
  const { GoogleAuth } = await import("../../../node_modules/.pnpm/google-auth-library@10.5.0/node_modules/google-auth-library/build/src/index.js");
  const auth = new GoogleAuth({ scopes: ["https://www.googleapis.com/auth/cloud-platform"] });
  return await auth.getAccessToken() ?? void 0;
}
var RegistryClient = class {
  config;
  ca;
  ctx;
  auth = /* @__PURE__ */ new Map();
  constructor(config, ca, ctx) {
    this.config = config;
    this.ca = ca;
    this.ctx = ctx;
  }
  base(registry) {
    if (this.config.url)
      return new URL(this.config.url);
    const host = registry === "docker.io" ? "registry-1.docker.io" : registry;
    const plain = this.config.plainHttpHosts?.includes(registry) ?? false;
    return new URL(`${plain ? "http" : "https"}://${host}`);
  }
  async credentials(registry) {
    if (isGoogleRegistry(registry)) {
      let token;
      try {
        token = await (this.ctx.deps.googleAccessToken ?? defaultGoogleAccessToken)();
      } catch (e) {
        throw new RegistryError(`no access token from the Application Default Credentials (${firstLine(this.ctx.redactor.scrub(e.message))})`, "run `gcloud auth application-default login`, or set GOOGLE_APPLICATION_CREDENTIALS / run with a service account that holds roles/artifactregistry.reader");
      }
      if (!token)
        return void 0;
      this.ctx.redactor.add(token);
      return { username: "oauth2accesstoken", password: token, source: "Application Default Credentials" };
    }
    const { usernameEnv, passwordEnv } = this.config;
    const password = passwordEnv ? process.env[passwordEnv] : void 0;
    if (!password)
      return void 0;
    this.ctx.redactor.add(password);
    const username = (usernameEnv ? process.env[usernameEnv] : void 0) ?? "oauth2accesstoken";
    return { username, password, source: `env ${passwordEnv}` };
  }
  /** Answers a 401 challenge; returns the Authorization header value to retry with, if any. */
  async authorize(registry, repository, res, origin) {
    const challenge = parseChallenge(header(res.headers, "www-authenticate"));
    const creds = await this.credentials(registry);
    const basic = creds ? `Basic ${Buffer.from(`${creds.username}:${creds.password}`).toString("base64")}` : void 0;
    const safe = (u) => u.protocol === "https:" || this.config.allowPlaintextCredentials === true;
    if (challenge?.scheme === "basic")
      return basic && safe(origin) ? basic : void 0;
    if (challenge?.scheme !== "bearer" || !challenge.params.realm)
      return void 0;
    let realm;
    try {
      realm = new URL(challenge.params.realm);
    } catch {
      throw new RegistryError(`the registry's token realm "${challenge.params.realm}" is not a URL`, "check the registry address");
    }
    if (challenge.params.service)
      realm.searchParams.set("service", challenge.params.service);
    realm.searchParams.set("scope", challenge.params.scope ?? `repository:${repository}:pull`);
    const tokenRes = await httpGet(realm, {
      headers: basic && safe(realm) ? { authorization: basic } : {},
      ...this.ca ? { ca: this.ca } : {},
      verify: true,
      timeoutMs: this.ctx.timeoutMs,
      maxBytes: 256 * 1024
    });
    if (tokenRes.status !== 200)
      throw new RegistryError(`the token endpoint ${realm.origin}${realm.pathname} answered ${tokenRes.status}${creds ? ` to the ${creds.source}` : " to an anonymous request"}`, creds ? `check that the ${creds.source} may pull ${repository} (Artifact Registry: roles/artifactregistry.reader on the repository)` : "the image is not public: configure credentials (Artifact Registry: Application Default Credentials; others: usernameEnv/passwordEnv)");
    let token;
    try {
      const body = JSON.parse(tokenRes.body.toString("utf8"));
      token = body.token ?? body.access_token;
    } catch {
      token = void 0;
    }
    if (typeof token !== "string" || !token)
      throw new RegistryError(`the token endpoint ${realm.origin}${realm.pathname} returned no token`, "check the registry address");
    this.ctx.redactor.add(token);
    return `Bearer ${token}`;
  }
  /** GET a path of the repository, answering one auth challenge and following up to 3 redirects. */
  async get(ref, path, accept) {
    const origin = this.base(ref.registry);
    const key = `${ref.registry}/${ref.repository}`;
    let url = new URL(`/v2/${ref.repository}/${path}`, origin);
    let challenged = false;
    for (let hop = 0; hop < 8; hop++) {
      const auth = this.auth.get(key);
      const sameHost = url.host === origin.host;
      const res = await httpGet(url, {
        headers: { accept, ...auth && sameHost ? { authorization: auth } : {} },
        ...this.ca ? { ca: this.ca } : {},
        verify: true,
        timeoutMs: this.ctx.timeoutMs,
        maxBytes: MAX_MANIFEST_BYTES
      });
      if (res.status === 401 && sameHost && !challenged) {
        challenged = true;
        const next = await this.authorize(ref.registry, ref.repository, res, origin);
        if (!next)
          return res;
        this.auth.set(key, next);
        continue;
      }
      if ([301, 302, 303, 307, 308].includes(res.status) && hop < 3) {
        const location = header(res.headers, "location");
        if (!location)
          return res;
        url = new URL(location, url);
        continue;
      }
      if ((res.status === 429 || res.status >= 500) && hop < 2) {
        const wait = Math.min(5, Number(header(res.headers, "retry-after")) || 2 ** hop) * 1e3;
        await new Promise((r) => setTimeout(r, wait));
        continue;
      }
      return res;
    }
    throw new RegistryError(`too many redirects or retries for ${url.origin}${url.pathname}`, "check the registry address");
  }
};
function failure(res, what, ref) {
  let code = "";
  try {
    const body = JSON.parse(res.body.toString("utf8"));
    code = body.errors?.[0]?.code ?? "";
  } catch {
  }
  const detail = `${res.status}${code ? ` ${code}` : ""}`;
  if (res.status === 401)
    return new RegistryError(`${what} was refused (${detail}): the registry needs credentials`, isGoogleRegistry(ref.registry) ? "run the scan with Application Default Credentials (gcloud auth application-default login) of an identity holding roles/artifactregistry.reader" : "configure usernameEnv/passwordEnv for this registry");
  if (res.status === 403)
    return new RegistryError(`${what} is forbidden (${detail})`, isGoogleRegistry(ref.registry) ? `grant roles/artifactregistry.reader on the repository to the identity running the scan` : "grant the scanning identity pull access to the repository");
  if (res.status === 404)
    return new RegistryError(`${what} was not found (${detail})`, "push the image, or correct the reference the workload uses");
  return new RegistryError(`${what} failed (${detail})`, "retry later; check the registry status");
}
function parseJson(res, what) {
  try {
    return JSON.parse(res.body.toString("utf8"));
  } catch {
    throw new RegistryError(`${what} is not JSON${res.truncated ? " (larger than 4 MiB)" : ""}`, "check the registry address");
  }
}
function isAttestation(entry) {
  return entry.annotations?.["vnd.docker.reference.type"] === "attestation-manifest" || entry.platform?.os === "unknown" && entry.platform?.architecture === "unknown";
}
function platformText(p) {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ""}`;
}
async function readConfig(client, ref, manifestDigest, preloaded) {
  const res = preloaded?.res ?? await client.get(ref, `manifests/${manifestDigest}`, MANIFEST_ACCEPT);
  if (res.status !== 200)
    throw failure(res, `manifest ${manifestDigest} of ${ref.reference}`, ref);
  const manifest = parseJson(res, `manifest ${manifestDigest}`);
  const configDigest = manifest.config?.digest;
  if (!configDigest)
    throw new RegistryError(`${ref.reference} has a manifest without an image config (schema ${manifest.schemaVersion ?? "?"})`, "push the image again with a current builder (OCI or Docker v2 schema 2)");
  const blob = await client.get(ref, `blobs/${configDigest}`, "application/json, */*");
  if (blob.status !== 200)
    throw failure(blob, `image config ${configDigest} of ${ref.reference}`, ref);
  const config = parseJson(blob, `image config ${configDigest}`);
  const env = Array.isArray(config.config?.Env) ? config.config.Env : [];
  const pathEntry = env.find((e) => typeof e === "string" && e.startsWith("PATH="));
  return {
    platform: {
      os: config.os ?? "unknown",
      architecture: config.architecture ?? "unknown",
      ...config.variant ? { variant: config.variant } : {}
    },
    user: typeof config.config?.User === "string" ? config.config.User : "",
    ...pathEntry ? { path: pathEntry.slice("PATH=".length) } : {}
  };
}
async function resolveImage(client, target) {
  const { ref } = target;
  const res = await client.get(ref, `manifests/${ref.digest ?? ref.tag ?? "latest"}`, MANIFEST_ACCEPT);
  if (res.status !== 200)
    throw failure(res, `manifest ${ref.digest ?? ref.tag} of ${ref.reference}`, ref);
  const doc = parseJson(res, `manifest of ${ref.reference}`);
  const mediaType = (header(res.headers, "content-type") ?? doc.mediaType ?? "").split(";")[0]?.trim() ?? "";
  const resolvedDigest = header(res.headers, "docker-content-digest") ?? `sha256:${(await import("node:crypto")).createHash("sha256").update(res.body).digest("hex")}`;
  const base = {
    reference: ref.reference,
    registry: ref.registry,
    repository: ref.repository,
    ...ref.tag ? { tag: ref.tag } : {},
    ...ref.digest ? { digest: ref.digest } : {},
    resolvedDigest,
    mediaType,
    usedBy: target.usedBy
  };
  if (Array.isArray(doc.manifests)) {
    const entries = doc.manifests.filter((e) => !isAttestation(e));
    const platforms = entries.map((e) => ({
      os: e.platform?.os ?? "unknown",
      architecture: e.platform?.architecture ?? "unknown",
      ...e.platform?.variant ? { variant: e.platform.variant } : {}
    }));
    const configs = [];
    for (const [i, e] of entries.slice(0, MAX_PLATFORMS).entries()) {
      if (!e.digest)
        continue;
      const c2 = await readConfig(client, ref, e.digest);
      configs.push({
        platform: platformText(platforms[i]),
        user: c2.user,
        ...c2.path !== void 0 ? { path: c2.path } : {}
      });
    }
    return {
      ...base,
      kind: "index",
      platforms,
      attestationsIgnored: doc.manifests.length - entries.length,
      configs
    };
  }
  const c = await readConfig(client, ref, resolvedDigest, { res });
  return {
    ...base,
    kind: "manifest",
    platforms: [c.platform],
    attestationsIgnored: 0,
    configs: [{ platform: platformText(c.platform), user: c.user, ...c.path !== void 0 ? { path: c.path } : {} }]
  };
}
async function probeRegistry(config, ctx) {
  const caRead = await caFileOrError(ctx.configDir ?? ctx.root, config.caFile, "registry", "give the path of the CA PEM file, relative to the config file");
  if ("error" in caRead)
    return caRead.error;
  const ca = caRead.ca;
  const { targets, problems } = await imageTargets({
    root: ctx.root,
    ...config.images ? { images: config.images } : {},
    ...config.imagesFrom ? { imagesFrom: config.imagesFrom } : {},
    namespace: ctx.namespace,
    kube: ctx.kube,
    timeoutMs: ctx.timeoutMs,
    redactor: ctx.redactor
  });
  const client = new RegistryClient(config, ca, ctx);
  const images = [];
  const queue = [...targets];
  const worker = async () => {
    for (let t = queue.shift(); t; t = queue.shift()) {
      try {
        images.push(await resolveImage(client, t));
      } catch (e) {
        const where = client.base(t.ref.registry);
        problems.push(e instanceof RegistryError ? { subject: `image ${t.ref.reference}`, message: e.message, fix: e.fix } : {
          subject: `image ${t.ref.reference}`,
          message: describeNetworkError(e, where.origin),
          fix: "check that the registry is reachable from where the scan runs (and url / plainHttpHosts for a local registry)"
        });
      }
    }
  };
  await Promise.all(Array.from({ length: IMAGE_CONCURRENCY }, worker));
  images.sort((a, b) => a.reference.localeCompare(b.reference));
  if (targets.length > 0 && images.length === 0 && problems.length > 0)
    return { status: "error", problems: problems.map((p) => ctx.redactor.problem(p)) };
  return { status: "ok", data: { images }, problems: problems.map((p) => ctx.redactor.problem(p)) };
}

// packages/collectors/dist/probe/index.js
var SERVICES = ["postgres", "redis", "registry", "http"];
function absent(service, environment) {
  return { status: "absent", reason: `layers.probe.${service} is not set for ${environment}` };
}
function crashed(service, e, redactor) {
  const problem = {
    subject: `probe ${service}`,
    message: `the probe failed unexpectedly: ${e instanceof Error ? e.message : String(e)}`,
    fix: "run again with the same configuration; report it if it persists"
  };
  return { status: "error", problems: [redactor.problem(problem)] };
}
async function collectProbes(ctx, deps = {}) {
  const config = ctx.config ?? {};
  const timeoutMs = config.timeoutMs ?? PROBE_DEFAULT_TIMEOUT_MS;
  const redactor = new Redactor();
  const root = ctx.configDir ?? ctx.root;
  const kube = {
    ...ctx.overrides.kubeconfig ? { kubeconfig: ctx.overrides.kubeconfig } : {},
    ...ctx.overrides.k8sContext ? { context: ctx.overrides.k8sContext } : {}
  };
  const run = async (service, work) => {
    try {
      ctx.progress(`probing ${service}`);
      return await work();
    } catch (e) {
      return crashed(service, e, redactor);
    }
  };
  const [postgres, redis, registry, http] = await Promise.all([
    config.postgres ? run("postgres", () => probePostgres(config.postgres, {
      root,
      expectations: ctx.expectations,
      timeoutMs,
      redactor,
      kube
    })) : absent("postgres", ctx.environment),
    config.redis ? run("redis", () => probeRedis(config.redis, { root, timeoutMs, redactor })) : absent("redis", ctx.environment),
    config.registry ? run("registry", () => probeRegistry(config.registry, {
      root: ctx.root,
      configDir: root,
      namespace: ctx.expectations.app.namespace,
      kube,
      timeoutMs,
      redactor,
      deps
    })) : absent("registry", ctx.environment),
    config.http ? run("http", () => probeHttp(config.http, { root, timeoutMs, redactor })) : absent("http", ctx.environment)
  ]);
  const facets = {
    "probe.postgres": postgres,
    "probe.redis": redis,
    "probe.registry": registry,
    "probe.http": http
  };
  const configured = SERVICES.filter((s) => config[s]);
  const failed2 = configured.filter((s) => facets[`probe.${s}`]?.status === "error");
  if (configured.length === 0)
    return {
      facets,
      state: { status: "not-configured", reason: "layers.probe names no service (postgres, redis, registry, http)" }
    };
  if (failed2.length === configured.length)
    return {
      facets,
      state: { status: "failed", reason: `every probe failed (${failed2.join(", ")}); see the error verdicts` }
    };
  return { facets, state: { status: "collected" } };
}
async function collect(ctx) {
  return finishCollected(await collectProbes(ctx));
}
async function diagnose(ctx) {
  const { diagnoseProbe } = await import("./chunk-doctor-73ZXMTC7.js");
  return diagnoseProbe(ctx);
}
export {
  Redactor,
  collect,
  collectProbes,
  diagnose,
  parseChallenge,
  parseImageReference,
  pullReference
};
