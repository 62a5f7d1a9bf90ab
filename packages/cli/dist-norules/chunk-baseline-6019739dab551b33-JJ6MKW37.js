import "./chunk-chunk-IWPLMFNU.js";

// packages/core/dist/precompiled/baseline-6019739dab551b33.js
import d from "../../../node_modules/.pnpm/ajv@8.20.0/node_modules/ajv/dist/runtime/ucs2length.js";
var h = m;
var b = m;
var f = d.default;
function m(o, { instancePath: t = "", parentData: l, parentDataProperty: c, rootData: g = o } = {}) {
  let e = null, i = 0;
  if (o && typeof o == "object" && !Array.isArray(o)) {
    if (o.schemaVersion === void 0) {
      const r = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "schemaVersion" }, message: "must have required property 'schemaVersion'" };
      e === null ? e = [r] : e.push(r), i++;
    }
    if (o.tool === void 0) {
      const r = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "tool" }, message: "must have required property 'tool'" };
      e === null ? e = [r] : e.push(r), i++;
    }
    if (o.findings === void 0) {
      const r = { instancePath: t, schemaPath: "#/required", keyword: "required", params: { missingProperty: "findings" }, message: "must have required property 'findings'" };
      e === null ? e = [r] : e.push(r), i++;
    }
    if (o.schemaVersion !== void 0) {
      let r = o.schemaVersion;
      if (typeof r != "number") {
        const n = { instancePath: t + "/schemaVersion", schemaPath: "#/properties/schemaVersion/type", keyword: "type", params: { type: "number" }, message: "must be number" };
        e === null ? e = [n] : e.push(n), i++;
      }
      if (r !== 1) {
        const n = { instancePath: t + "/schemaVersion", schemaPath: "#/properties/schemaVersion/const", keyword: "const", params: { allowedValue: 1 }, message: "must be equal to constant" };
        e === null ? e = [n] : e.push(n), i++;
      }
    }
    if (o.tool !== void 0) {
      let r = o.tool;
      if (typeof r != "string") {
        const n = { instancePath: t + "/tool", schemaPath: "#/properties/tool/type", keyword: "type", params: { type: "string" }, message: "must be string" };
        e === null ? e = [n] : e.push(n), i++;
      }
      if (r !== "coditect-audit") {
        const n = { instancePath: t + "/tool", schemaPath: "#/properties/tool/const", keyword: "const", params: { allowedValue: "coditect-audit" }, message: "must be equal to constant" };
        e === null ? e = [n] : e.push(n), i++;
      }
    }
    if (o.findings !== void 0) {
      let r = o.findings;
      if (Array.isArray(r)) {
        const n = r.length;
        for (let a = 0; a < n; a++) {
          let p = r[a];
          if (p && typeof p == "object" && !Array.isArray(p)) {
            if (p.fingerprint === void 0) {
              const s = { instancePath: t + "/findings/" + a, schemaPath: "#/properties/findings/items/required", keyword: "required", params: { missingProperty: "fingerprint" }, message: "must have required property 'fingerprint'" };
              e === null ? e = [s] : e.push(s), i++;
            }
            if (p.ruleId === void 0) {
              const s = { instancePath: t + "/findings/" + a, schemaPath: "#/properties/findings/items/required", keyword: "required", params: { missingProperty: "ruleId" }, message: "must have required property 'ruleId'" };
              e === null ? e = [s] : e.push(s), i++;
            }
            if (p.resource === void 0) {
              const s = { instancePath: t + "/findings/" + a, schemaPath: "#/properties/findings/items/required", keyword: "required", params: { missingProperty: "resource" }, message: "must have required property 'resource'" };
              e === null ? e = [s] : e.push(s), i++;
            }
            if (p.fingerprint !== void 0) {
              let s = p.fingerprint;
              if (typeof s == "string") {
                if (f(s) < 1) {
                  const u = { instancePath: t + "/findings/" + a + "/fingerprint", schemaPath: "#/properties/findings/items/properties/fingerprint/minLength", keyword: "minLength", params: { limit: 1 }, message: "must NOT have fewer than 1 characters" };
                  e === null ? e = [u] : e.push(u), i++;
                }
              } else {
                const u = { instancePath: t + "/findings/" + a + "/fingerprint", schemaPath: "#/properties/findings/items/properties/fingerprint/type", keyword: "type", params: { type: "string" }, message: "must be string" };
                e === null ? e = [u] : e.push(u), i++;
              }
            }
            if (p.ruleId !== void 0 && typeof p.ruleId != "string") {
              const s = { instancePath: t + "/findings/" + a + "/ruleId", schemaPath: "#/properties/findings/items/properties/ruleId/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              e === null ? e = [s] : e.push(s), i++;
            }
            if (p.resource !== void 0 && typeof p.resource != "string") {
              const s = { instancePath: t + "/findings/" + a + "/resource", schemaPath: "#/properties/findings/items/properties/resource/type", keyword: "type", params: { type: "string" }, message: "must be string" };
              e === null ? e = [s] : e.push(s), i++;
            }
          } else {
            const s = { instancePath: t + "/findings/" + a, schemaPath: "#/properties/findings/items/type", keyword: "type", params: { type: "object" }, message: "must be object" };
            e === null ? e = [s] : e.push(s), i++;
          }
        }
      } else {
        const n = { instancePath: t + "/findings", schemaPath: "#/properties/findings/type", keyword: "type", params: { type: "array" }, message: "must be array" };
        e === null ? e = [n] : e.push(n), i++;
      }
    }
  } else {
    const r = { instancePath: t, schemaPath: "#/type", keyword: "type", params: { type: "object" }, message: "must be object" };
    e === null ? e = [r] : e.push(r), i++;
  }
  return m.errors = e, i === 0;
}
export {
  b as default,
  h as validate
};
