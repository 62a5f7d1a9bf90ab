import "./chunk-chunk-IWPLMFNU.js";

// packages/core/dist/precompiled/expectations-bdb59e6f10750315.js
import h from "../../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/ucs2length.js";
var w = c;
var b = c;
var y = { additionalProperties: false, type: "object", properties: { project: { minLength: 1, description: "Google Cloud project id", type: "string" }, region: { minLength: 1, type: "string" }, platforms: { minItems: 1, description: "platforms images must support, e.g. linux/amd64", type: "array", items: { pattern: "^[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?$", type: "string" } }, app: { additionalProperties: false, type: "object", properties: { namespace: { minLength: 1, type: "string" }, deployment: { minLength: 1, type: "string" }, container: { minLength: 1, type: "string" }, serviceAccount: { minLength: 1, type: "string" }, secrets: { description: "Secrets holding the app credentials", type: "array", items: { minLength: 1, type: "string" } }, image: { minLength: 1, description: "image repository the app runs, without tag", type: "string" }, minReplicas: { minimum: 1, type: "integer" }, dbUserKeys: { type: "array", items: { minLength: 1, type: "string" } } } }, registry: { additionalProperties: false, type: "object", properties: { location: { minLength: 1, type: "string" }, repository: { minLength: 1, type: "string" }, host: { minLength: 1, type: "string" } } }, database: { additionalProperties: false, type: "object", properties: { instance: { minLength: 1, type: "string" }, name: { minLength: 1, type: "string" }, superuserNames: { type: "array", items: { minLength: 1, type: "string" } } } }, redis: { additionalProperties: false, type: "object", properties: { instance: { minLength: 1, type: "string" } } }, kms: { additionalProperties: false, type: "object", properties: { location: { minLength: 1, type: "string" }, keyRing: { minLength: 1, type: "string" }, key: { minLength: 1, type: "string" }, purpose: { minLength: 1, type: "string" }, algorithm: { minLength: 1, type: "string" }, signer: { minLength: 1, description: "IAM member that must hold roles/cloudkms.signerVerifier", type: "string" } } }, secretManager: { additionalProperties: false, type: "object", properties: { secrets: { type: "array", items: { minLength: 1, type: "string" } } } }, alertPolicies: { additionalProperties: false, type: "object", properties: { errorRate: { minLength: 1, type: "string" }, latencyP99: { minLength: 1, type: "string" }, crashLoop: { minLength: 1, type: "string" }, databaseConnectionErrors: { minLength: 1, type: "string" } } }, domain: { minLength: 1, description: "public host name of the app", type: "string" }, cicd: { additionalProperties: false, type: "object", properties: { branch: { minLength: 1, type: "string" }, workflows: { type: "array", items: { minLength: 1, type: "string" } } } } } };
var g = Object.prototype.hasOwnProperty;
var n = h.default;
var f = new RegExp("^[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?$", "u");
function c(o, { instancePath: i = "", parentData: d, parentDataProperty: u, rootData: P = o } = {}) {
  let e = null, a = 0;
  if (o && typeof o == "object" && !Array.isArray(o)) {
    for (const r in o) if (!g.call(y.properties, r)) {
      const t = { instancePath: i, schemaPath: "#/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: r }, message: "must NOT have additional properties" };
      e === null ? e = [t] : e.push(t), a++;
    }
    if (o.project !== void 0) {
      let r = o.project;
      if (typeof r == "string") {
        if (n(r) < 1) {
          const t = { instancePath: i + "/project", schemaPath: "#/properties/project/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          e === null ? e = [t] : e.push(t), a++;
        }
      } else {
        const t = { instancePath: i + "/project", schemaPath: "#/properties/project/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
    if (o.region !== void 0) {
      let r = o.region;
      if (typeof r == "string") {
        if (n(r) < 1) {
          const t = { instancePath: i + "/region", schemaPath: "#/properties/region/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          e === null ? e = [t] : e.push(t), a++;
        }
      } else {
        const t = { instancePath: i + "/region", schemaPath: "#/properties/region/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
    if (o.platforms !== void 0) {
      let r = o.platforms;
      if (Array.isArray(r)) {
        if (r.length < 1) {
          const s = { instancePath: i + "/platforms", schemaPath: "#/properties/platforms/minItems", keyword: "minItems", params: { limit: 1 }, message: "must NOT have fewer than 1 items" };
          e === null ? e = [s] : e.push(s), a++;
        }
        const t = r.length;
        for (let s = 0; s < t; s++) {
          let p = r[s];
          if (typeof p == "string") {
            if (!f.test(p)) {
              const l = { instancePath: i + "/platforms/" + s, schemaPath: "#/properties/platforms/items/pattern", keyword: "pattern", params: { pattern: "^[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?$" }, message: 'must match pattern "^[a-z0-9]+/[a-z0-9]+(/[a-z0-9]+)?$"' };
              e === null ? e = [l] : e.push(l), a++;
            }
          } else {
            const l = { instancePath: i + "/platforms/" + s, schemaPath: "#/properties/platforms/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [l] : e.push(l), a++;
          }
        }
      } else {
        const t = { instancePath: i + "/platforms", schemaPath: "#/properties/platforms/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
    if (o.app !== void 0) {
      let r = o.app;
      if (r && typeof r == "object" && !Array.isArray(r)) {
        for (const t in r) if (!(t === "namespace" || t === "deployment" || t === "container" || t === "serviceAccount" || t === "secrets" || t === "image" || t === "minReplicas" || t === "dbUserKeys")) {
          const s = { instancePath: i + "/app", schemaPath: "#/properties/app/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
          e === null ? e = [s] : e.push(s), a++;
        }
        if (r.namespace !== void 0) {
          let t = r.namespace;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/app/namespace", schemaPath: "#/properties/app/properties/namespace/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/app/namespace", schemaPath: "#/properties/app/properties/namespace/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.deployment !== void 0) {
          let t = r.deployment;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/app/deployment", schemaPath: "#/properties/app/properties/deployment/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/app/deployment", schemaPath: "#/properties/app/properties/deployment/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.container !== void 0) {
          let t = r.container;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/app/container", schemaPath: "#/properties/app/properties/container/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/app/container", schemaPath: "#/properties/app/properties/container/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.serviceAccount !== void 0) {
          let t = r.serviceAccount;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/app/serviceAccount", schemaPath: "#/properties/app/properties/serviceAccount/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/app/serviceAccount", schemaPath: "#/properties/app/properties/serviceAccount/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.secrets !== void 0) {
          let t = r.secrets;
          if (Array.isArray(t)) {
            const s = t.length;
            for (let p = 0; p < s; p++) {
              let l = t[p];
              if (typeof l == "string") {
                if (n(l) < 1) {
                  const m = { instancePath: i + "/app/secrets/" + p, schemaPath: "#/properties/app/properties/secrets/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [m] : e.push(m), a++;
                }
              } else {
                const m = { instancePath: i + "/app/secrets/" + p, schemaPath: "#/properties/app/properties/secrets/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [m] : e.push(m), a++;
              }
            }
          } else {
            const s = { instancePath: i + "/app/secrets", schemaPath: "#/properties/app/properties/secrets/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.image !== void 0) {
          let t = r.image;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/app/image", schemaPath: "#/properties/app/properties/image/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/app/image", schemaPath: "#/properties/app/properties/image/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.minReplicas !== void 0) {
          let t = r.minReplicas;
          if (!(typeof t == "number" && !(t % 1) && !isNaN(t))) {
            const s = { instancePath: i + "/app/minReplicas", schemaPath: "#/properties/app/properties/minReplicas/type", keyword: "type", params: { type: "integer" }, message: "must be integer" };
            e === null ? e = [s] : e.push(s), a++;
          }
          if (typeof t == "number" && (t < 1 || isNaN(t))) {
            const s = { instancePath: i + "/app/minReplicas", schemaPath: "#/properties/app/properties/minReplicas/minimum", keyword: "minimum", params: { comparison: ">=", limit: 1 }, message: "must be >= 1" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.dbUserKeys !== void 0) {
          let t = r.dbUserKeys;
          if (Array.isArray(t)) {
            const s = t.length;
            for (let p = 0; p < s; p++) {
              let l = t[p];
              if (typeof l == "string") {
                if (n(l) < 1) {
                  const m = { instancePath: i + "/app/dbUserKeys/" + p, schemaPath: "#/properties/app/properties/dbUserKeys/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [m] : e.push(m), a++;
                }
              } else {
                const m = { instancePath: i + "/app/dbUserKeys/" + p, schemaPath: "#/properties/app/properties/dbUserKeys/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [m] : e.push(m), a++;
              }
            }
          } else {
            const s = { instancePath: i + "/app/dbUserKeys", schemaPath: "#/properties/app/properties/dbUserKeys/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
      } else {
        const t = { instancePath: i + "/app", schemaPath: "#/properties/app/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
    if (o.registry !== void 0) {
      let r = o.registry;
      if (r && typeof r == "object" && !Array.isArray(r)) {
        for (const t in r) if (!(t === "location" || t === "repository" || t === "host")) {
          const s = { instancePath: i + "/registry", schemaPath: "#/properties/registry/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
          e === null ? e = [s] : e.push(s), a++;
        }
        if (r.location !== void 0) {
          let t = r.location;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/registry/location", schemaPath: "#/properties/registry/properties/location/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/registry/location", schemaPath: "#/properties/registry/properties/location/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.repository !== void 0) {
          let t = r.repository;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/registry/repository", schemaPath: "#/properties/registry/properties/repository/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/registry/repository", schemaPath: "#/properties/registry/properties/repository/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.host !== void 0) {
          let t = r.host;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/registry/host", schemaPath: "#/properties/registry/properties/host/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/registry/host", schemaPath: "#/properties/registry/properties/host/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
      } else {
        const t = { instancePath: i + "/registry", schemaPath: "#/properties/registry/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
    if (o.database !== void 0) {
      let r = o.database;
      if (r && typeof r == "object" && !Array.isArray(r)) {
        for (const t in r) if (!(t === "instance" || t === "name" || t === "superuserNames")) {
          const s = { instancePath: i + "/database", schemaPath: "#/properties/database/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
          e === null ? e = [s] : e.push(s), a++;
        }
        if (r.instance !== void 0) {
          let t = r.instance;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/database/instance", schemaPath: "#/properties/database/properties/instance/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/database/instance", schemaPath: "#/properties/database/properties/instance/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.name !== void 0) {
          let t = r.name;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/database/name", schemaPath: "#/properties/database/properties/name/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/database/name", schemaPath: "#/properties/database/properties/name/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.superuserNames !== void 0) {
          let t = r.superuserNames;
          if (Array.isArray(t)) {
            const s = t.length;
            for (let p = 0; p < s; p++) {
              let l = t[p];
              if (typeof l == "string") {
                if (n(l) < 1) {
                  const m = { instancePath: i + "/database/superuserNames/" + p, schemaPath: "#/properties/database/properties/superuserNames/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [m] : e.push(m), a++;
                }
              } else {
                const m = { instancePath: i + "/database/superuserNames/" + p, schemaPath: "#/properties/database/properties/superuserNames/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [m] : e.push(m), a++;
              }
            }
          } else {
            const s = { instancePath: i + "/database/superuserNames", schemaPath: "#/properties/database/properties/superuserNames/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
      } else {
        const t = { instancePath: i + "/database", schemaPath: "#/properties/database/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
    if (o.redis !== void 0) {
      let r = o.redis;
      if (r && typeof r == "object" && !Array.isArray(r)) {
        for (const t in r) if (t !== "instance") {
          const s = { instancePath: i + "/redis", schemaPath: "#/properties/redis/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
          e === null ? e = [s] : e.push(s), a++;
        }
        if (r.instance !== void 0) {
          let t = r.instance;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/redis/instance", schemaPath: "#/properties/redis/properties/instance/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/redis/instance", schemaPath: "#/properties/redis/properties/instance/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
      } else {
        const t = { instancePath: i + "/redis", schemaPath: "#/properties/redis/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
    if (o.kms !== void 0) {
      let r = o.kms;
      if (r && typeof r == "object" && !Array.isArray(r)) {
        for (const t in r) if (!(t === "location" || t === "keyRing" || t === "key" || t === "purpose" || t === "algorithm" || t === "signer")) {
          const s = { instancePath: i + "/kms", schemaPath: "#/properties/kms/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
          e === null ? e = [s] : e.push(s), a++;
        }
        if (r.location !== void 0) {
          let t = r.location;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/kms/location", schemaPath: "#/properties/kms/properties/location/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/kms/location", schemaPath: "#/properties/kms/properties/location/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.keyRing !== void 0) {
          let t = r.keyRing;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/kms/keyRing", schemaPath: "#/properties/kms/properties/keyRing/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/kms/keyRing", schemaPath: "#/properties/kms/properties/keyRing/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.key !== void 0) {
          let t = r.key;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/kms/key", schemaPath: "#/properties/kms/properties/key/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/kms/key", schemaPath: "#/properties/kms/properties/key/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.purpose !== void 0) {
          let t = r.purpose;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/kms/purpose", schemaPath: "#/properties/kms/properties/purpose/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/kms/purpose", schemaPath: "#/properties/kms/properties/purpose/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.algorithm !== void 0) {
          let t = r.algorithm;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/kms/algorithm", schemaPath: "#/properties/kms/properties/algorithm/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/kms/algorithm", schemaPath: "#/properties/kms/properties/algorithm/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.signer !== void 0) {
          let t = r.signer;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/kms/signer", schemaPath: "#/properties/kms/properties/signer/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/kms/signer", schemaPath: "#/properties/kms/properties/signer/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
      } else {
        const t = { instancePath: i + "/kms", schemaPath: "#/properties/kms/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
    if (o.secretManager !== void 0) {
      let r = o.secretManager;
      if (r && typeof r == "object" && !Array.isArray(r)) {
        for (const t in r) if (t !== "secrets") {
          const s = { instancePath: i + "/secretManager", schemaPath: "#/properties/secretManager/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
          e === null ? e = [s] : e.push(s), a++;
        }
        if (r.secrets !== void 0) {
          let t = r.secrets;
          if (Array.isArray(t)) {
            const s = t.length;
            for (let p = 0; p < s; p++) {
              let l = t[p];
              if (typeof l == "string") {
                if (n(l) < 1) {
                  const m = { instancePath: i + "/secretManager/secrets/" + p, schemaPath: "#/properties/secretManager/properties/secrets/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [m] : e.push(m), a++;
                }
              } else {
                const m = { instancePath: i + "/secretManager/secrets/" + p, schemaPath: "#/properties/secretManager/properties/secrets/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [m] : e.push(m), a++;
              }
            }
          } else {
            const s = { instancePath: i + "/secretManager/secrets", schemaPath: "#/properties/secretManager/properties/secrets/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
      } else {
        const t = { instancePath: i + "/secretManager", schemaPath: "#/properties/secretManager/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
    if (o.alertPolicies !== void 0) {
      let r = o.alertPolicies;
      if (r && typeof r == "object" && !Array.isArray(r)) {
        for (const t in r) if (!(t === "errorRate" || t === "latencyP99" || t === "crashLoop" || t === "databaseConnectionErrors")) {
          const s = { instancePath: i + "/alertPolicies", schemaPath: "#/properties/alertPolicies/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
          e === null ? e = [s] : e.push(s), a++;
        }
        if (r.errorRate !== void 0) {
          let t = r.errorRate;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/alertPolicies/errorRate", schemaPath: "#/properties/alertPolicies/properties/errorRate/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/alertPolicies/errorRate", schemaPath: "#/properties/alertPolicies/properties/errorRate/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.latencyP99 !== void 0) {
          let t = r.latencyP99;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/alertPolicies/latencyP99", schemaPath: "#/properties/alertPolicies/properties/latencyP99/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/alertPolicies/latencyP99", schemaPath: "#/properties/alertPolicies/properties/latencyP99/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.crashLoop !== void 0) {
          let t = r.crashLoop;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/alertPolicies/crashLoop", schemaPath: "#/properties/alertPolicies/properties/crashLoop/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/alertPolicies/crashLoop", schemaPath: "#/properties/alertPolicies/properties/crashLoop/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.databaseConnectionErrors !== void 0) {
          let t = r.databaseConnectionErrors;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/alertPolicies/databaseConnectionErrors", schemaPath: "#/properties/alertPolicies/properties/databaseConnectionErrors/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/alertPolicies/databaseConnectionErrors", schemaPath: "#/properties/alertPolicies/properties/databaseConnectionErrors/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
      } else {
        const t = { instancePath: i + "/alertPolicies", schemaPath: "#/properties/alertPolicies/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
    if (o.domain !== void 0) {
      let r = o.domain;
      if (typeof r == "string") {
        if (n(r) < 1) {
          const t = { instancePath: i + "/domain", schemaPath: "#/properties/domain/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
          e === null ? e = [t] : e.push(t), a++;
        }
      } else {
        const t = { instancePath: i + "/domain", schemaPath: "#/properties/domain/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
    if (o.cicd !== void 0) {
      let r = o.cicd;
      if (r && typeof r == "object" && !Array.isArray(r)) {
        for (const t in r) if (!(t === "branch" || t === "workflows")) {
          const s = { instancePath: i + "/cicd", schemaPath: "#/properties/cicd/additionalProperties", keyword: "additionalProperties", params: { additionalProperty: t }, message: "must NOT have additional properties" };
          e === null ? e = [s] : e.push(s), a++;
        }
        if (r.branch !== void 0) {
          let t = r.branch;
          if (typeof t == "string") {
            if (n(t) < 1) {
              const s = { instancePath: i + "/cicd/branch", schemaPath: "#/properties/cicd/properties/branch/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
              e === null ? e = [s] : e.push(s), a++;
            }
          } else {
            const s = { instancePath: i + "/cicd/branch", schemaPath: "#/properties/cicd/properties/branch/type", keyword: "type", params: { type: "string" }, message: "must be string" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
        if (r.workflows !== void 0) {
          let t = r.workflows;
          if (Array.isArray(t)) {
            const s = t.length;
            for (let p = 0; p < s; p++) {
              let l = t[p];
              if (typeof l == "string") {
                if (n(l) < 1) {
                  const m = { instancePath: i + "/cicd/workflows/" + p, schemaPath: "#/properties/cicd/properties/workflows/items/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [m] : e.push(m), a++;
                }
              } else {
                const m = { instancePath: i + "/cicd/workflows/" + p, schemaPath: "#/properties/cicd/properties/workflows/items/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [m] : e.push(m), a++;
              }
            }
          } else {
            const s = { instancePath: i + "/cicd/workflows", schemaPath: "#/properties/cicd/properties/workflows/type", keyword: "type", params: { type: "array" }, message: "must be array" };
            e === null ? e = [s] : e.push(s), a++;
          }
        }
      } else {
        const t = { instancePath: i + "/cicd", schemaPath: "#/properties/cicd/type", keyword: "type", params: { type: "object" }, message: "must be object" };
        e === null ? e = [t] : e.push(t), a++;
      }
    }
  } else {
    const r = { instancePath: i, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    e === null ? e = [r] : e.push(r), a++;
  }
  return c.errors = e, a === 0;
}
export {
  b as default,
  w as validate
};
