import {
  PROBE_DEFAULT_TIMEOUT_MS
} from "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/collectors/dist/probe/doctor.js
import { connect as tcpConnect } from "node:net";
function urlEndpoint(probe, value) {
  const url = new URL(value);
  return {
    probe,
    host: url.hostname.replace(/^\[|\]$/g, ""),
    port: Number(url.port || (url.protocol === "https:" ? 443 : 80))
  };
}
var each = (value) => value === void 0 ? [] : Array.isArray(value) ? value : [value];
function endpoints(config) {
  const out = [];
  for (const pg of each(config.postgres))
    out.push({ probe: "postgres", host: pg.host, port: pg.port ?? 5432 });
  for (const redis of each(config.redis))
    out.push({ probe: "redis", host: redis.host, port: redis.port ?? (redis.tls === false ? 6379 : 6378) });
  for (const registry of each(config.registry))
    if (registry.url)
      out.push(urlEndpoint("registry", registry.url));
  for (const http of each(config.http)) {
    out.push(urlEndpoint("http", http.baseUrl));
    if (http.httpUrl)
      out.push(urlEndpoint("http", http.httpUrl));
  }
  return out;
}
function tryConnect(host, port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    const done = (outcome) => {
      socket.destroy();
      resolve(outcome);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer within ${timeoutMs} ms`));
    socket.once("connect", () => done(void 0));
    socket.once("error", (e) => done(e.code ?? e.message));
  });
}
async function diagnoseProbe(ctx, env = process.env) {
  const config = ctx.config ?? {};
  const checks = [];
  const named = [
    ...each(config.postgres).map((c) => ["postgres", "passwordEnv", c.passwordEnv]),
    ...each(config.redis).map((c) => ["redis", "passwordEnv", c.passwordEnv]),
    ...each(config.registry).flatMap((c) => [
      ["registry", "usernameEnv", c.usernameEnv],
      ["registry", "passwordEnv", c.passwordEnv]
    ])
  ];
  const asked = /* @__PURE__ */ new Set();
  for (const [probe, field, name] of named) {
    if (!name || asked.has(`${probe}.${field}.${name}`))
      continue;
    asked.add(`${probe}.${field}.${name}`);
    const set = env[name] !== void 0 && env[name] !== "";
    checks.push({
      kind: "credentials",
      status: set ? "ok" : "fail",
      subject: `layers.probe.${probe}.${field} (${name})`,
      message: set ? `${name} is set` : `${name} is not set (or empty)`,
      ...set ? {} : { fix: `export ${name}=... in the scan's environment (a CI secret, or the CronJob's Secret)` }
    });
  }
  if (each(config.postgres).some((c) => c.fromSecret))
    checks.push({
      kind: "credentials",
      status: "skip",
      subject: "layers.probe.postgres.fromSecret",
      message: "read through the k8s layer's credentials when the scan runs (see the k8s checks)"
    });
  const timeoutMs = config.timeoutMs ?? PROBE_DEFAULT_TIMEOUT_MS;
  const results = await Promise.all(endpoints(config).map(async (e) => ({ e, outcome: await tryConnect(e.host, e.port, timeoutMs) })));
  for (const { e, outcome } of results) {
    const where = `${e.host.includes(":") ? `[${e.host}]` : e.host}:${e.port}`;
    ctx.log?.("debug", `tcp ${where} (${e.probe}) \u2192 ${outcome ?? "connected"}`);
    checks.push({
      kind: "reachable",
      status: outcome ? "fail" : "ok",
      subject: `${e.probe} ${where}`,
      message: outcome ? `no TCP connection: ${outcome}` : "accepts TCP connections",
      ...outcome ? {
        fix: `run the scan where ${where} is reachable (inside the VPC, through the Cloud SQL Auth Proxy or a port-forward), check the host and port in layers.probe.${e.probe}, or raise layers.probe.timeoutMs`
      } : {}
    });
  }
  return checks;
}
export {
  diagnoseProbe
};
