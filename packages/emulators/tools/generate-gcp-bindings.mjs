#!/usr/bin/env node
/**
 * Generates packages/emulators/src/gcp/bindings.generated.json: the HTTP bindings Google declares for every
 * method of the APIs the gcp collector reads (verb, path template, body, query parameters), and the JSON
 * shape of their requests and answers (message types, enum values), from the pinned clients' own files:
 *
 *   - `build/protos/protos.json` of each `@google-cloud/*` client (the `google.api.http` annotations), plus
 *     the mixin rules the generated client declares (`httpRules`: the IAM policy methods Cloud KMS serves as
 *     GET), with google-gax's `iam_service.json` for the `google.iam.v1` messages;
 *   - the discovery-generated `@googleapis/iam` (v1) and `@googleapis/identitytoolkit` (v2) packages: the
 *     method's verb and URL template from `build/<v>.js`, its parameters and schemas from `build/<v>.d.ts`.
 *     Those packages drop the discovery `pattern` of a `{+name}` parameter, so it is rebuilt from the
 *     resource chain by Google's resource-name convention (AIP-122): `projects.serviceAccounts` →
 *     `projects/*` for a collection parent, `projects/*\/serviceAccounts/*` for the resource,
 *     `projects/*\/config` for `projects.getConfig`.
 *
 * Adding an API is a row in SOURCES. Run: node packages/emulators/tools/generate-gcp-bindings.mjs
 * (`--check` exits 1 when the checked-in file is not what the pinned clients declare).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, '..', 'package.json'));
const protobuf = require('protobufjs');
const OUT = join(here, '..', 'src', 'gcp', 'bindings.generated.json');

/** The APIs, by host: which proto services (or discovery resources) of which pinned package. */
const SOURCES = [
  {
    host: 'sqladmin',
    package: '@google-cloud/sql',
    services: [
      'google.cloud.sql.v1.SqlInstancesService',
      'google.cloud.sql.v1.SqlDatabasesService',
      'google.cloud.sql.v1.SqlUsersService',
      'google.cloud.sql.v1.SqlBackupRunsService',
    ],
  },
  { host: 'redis', package: '@google-cloud/redis', services: ['google.cloud.redis.v1.CloudRedis'] },
  {
    host: 'cloudkms',
    package: '@google-cloud/kms',
    services: ['google.cloud.kms.v1.KeyManagementService'],
    mixins: 'build/src/v1/key_management_service_client.js',
  },
  {
    host: 'secretmanager',
    package: '@google-cloud/secret-manager',
    services: ['google.cloud.secretmanager.v1.SecretManagerService'],
  },
  {
    host: 'artifactregistry',
    package: '@google-cloud/artifact-registry',
    services: ['google.devtools.artifactregistry.v1.ArtifactRegistry'],
  },
  {
    host: 'serviceusage',
    package: '@google-cloud/service-usage',
    services: ['google.api.serviceusage.v1.ServiceUsage'],
  },
  { host: 'container', package: '@google-cloud/container', services: ['google.container.v1.ClusterManager'] },
  {
    host: 'monitoring',
    package: '@google-cloud/monitoring',
    services: [
      'google.monitoring.v3.AlertPolicyService',
      'google.monitoring.v3.UptimeCheckService',
      'google.monitoring.v3.NotificationChannelService',
    ],
  },
  {
    host: 'compute',
    package: '@google-cloud/compute',
    services: [
      'google.cloud.compute.v1.SslCertificates',
      'google.cloud.compute.v1.SecurityPolicies',
      'google.cloud.compute.v1.BackendServices',
    ],
  },
  {
    host: 'cloudresourcemanager',
    package: '@google-cloud/resource-manager',
    services: ['google.cloud.resourcemanager.v3.Projects', 'google.cloud.resourcemanager.v3.Folders'],
  },
  { host: 'iam', package: '@googleapis/iam', discovery: 'v1', resources: ['projects.serviceAccounts'] },
  {
    host: 'identitytoolkit',
    package: '@googleapis/identitytoolkit',
    discovery: 'v2',
    resources: ['projects', 'projects.defaultSupportedIdpConfigs', 'projects.oauthIdpConfigs'],
  },
];

/** Query parameters every Google REST API takes (discovery "standard parameters", and gax's `$alt`). */
const SYSTEM_PARAMETERS = [
  '$.xgafv',
  '$alt',
  'access_token',
  'alt',
  'callback',
  'fields',
  'key',
  'oauth_token',
  'prettyPrint',
  'quotaUser',
  'uploadType',
  'upload_protocol',
];

const VERBS = ['get', 'post', 'put', 'patch', 'delete'];
/** Well-known types with their own JSON form: kept by name, never expanded. */
const WELL_KNOWN = new Set([
  'google.protobuf.Timestamp',
  'google.protobuf.Duration',
  'google.protobuf.FieldMask',
  'google.protobuf.Struct',
  'google.protobuf.Value',
  'google.protobuf.ListValue',
  'google.protobuf.Any',
  'google.protobuf.Empty',
  'google.protobuf.BoolValue',
  'google.protobuf.StringValue',
  'google.protobuf.BytesValue',
  'google.protobuf.Int32Value',
  'google.protobuf.UInt32Value',
  'google.protobuf.Int64Value',
  'google.protobuf.UInt64Value',
  'google.protobuf.FloatValue',
  'google.protobuf.DoubleValue',
]);

const pkgFile = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
/** google-gax as the client itself resolves it (the version the client runs with). */
const gaxFile = (pkg, file) => {
  const main = createRequire(pkgFile(pkg, 'package.json')).resolve('google-gax');
  return join(main.slice(0, main.lastIndexOf('/google-gax/') + '/google-gax/'.length), file);
};
const versionOf = (pkg) => JSON.parse(readFileSync(pkgFile(pkg, 'package.json'), 'utf8')).version;

const types = {};
const enums = {};
const bindings = {};

// ---------- protos ----------

function typeRef(field) {
  const t = field.resolvedType;
  if (!t) return field.type;
  const name = t.fullName.slice(1);
  if (t instanceof protobuf.Enum) addEnum(t);
  else addType(t);
  return name;
}

function addEnum(e) {
  const name = e.fullName.slice(1);
  if (!enums[name]) enums[name] = { ...e.values };
}

/** Types seen from the current source: a message two clients ship (google.iam.v1.Policy) gets the union of their fields. */
let seen = new Set();

function addType(t) {
  const name = t.fullName.slice(1);
  if (seen.has(name) || WELL_KNOWN.has(name)) return;
  seen.add(name);
  types[name] ??= { fields: {} };
  const fields = types[name].fields;
  for (const f of t.fieldsArray) {
    const out = { type: typeRef(f) };
    if (f.repeated) out.repeated = true;
    if (f.map) out.map = f.keyType;
    fields[f.name] ??= out;
  }
}

/** Query parameters a proto request declares: fields neither in the path nor in the body, dotted into messages. */
function queryParams(type, pathVars, body, prefix = '', depth = 0) {
  if (body === '*') return [];
  body = body && camel(body);
  const out = [];
  for (const f of type.fieldsArray) {
    const name = prefix + f.name;
    if (pathVars.includes(name) || (prefix === '' && body === f.name)) continue;
    const t = f.resolvedType;
    if (t instanceof protobuf.Type && !WELL_KNOWN.has(t.fullName.slice(1))) {
      if (!f.repeated && !f.map && depth < 3) out.push(...queryParams(t, pathVars, body, `${name}.`, depth + 1));
    } else out.push(name);
  }
  return out;
}

const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

function protoPathVars(template) {
  return [...template.matchAll(/\{([^}=]+)(?:=[^}]*)?\}/g)].map((m) => camel(m[1]));
}

function addProtoBinding(host, method, rule, requestType, responseType) {
  for (const verb of VERBS) {
    if (!rule[verb]) continue;
    const path = rule[verb];
    const body = rule.body || undefined;
    const pathVars = protoPathVars(path);
    bindings[host].push({
      method,
      verb: verb.toUpperCase(),
      path,
      ...(body ? { body } : {}),
      query: queryParams(requestType, pathVars, body).sort(),
      request: requestType.fullName.slice(1),
      response: responseType.fullName.slice(1),
    });
    addType(responseType);
    if (body) addType(requestType);
  }
  const extras = rule.additional_bindings ?? [];
  for (const extra of Array.isArray(extras) ? extras : [extras])
    addProtoBinding(host, method, { ...extra, additional_bindings: undefined }, requestType, responseType);
}

function protoSource(source) {
  seen = new Set();
  const root = protobuf.Root.fromJSON(
    JSON.parse(readFileSync(pkgFile(source.package, 'build/protos/protos.json'), 'utf8')),
  );
  root.resolveAll();
  bindings[source.host] = [];
  for (const serviceName of source.services) {
    const service = root.lookupService(serviceName);
    for (const m of service.methodsArray) {
      m.resolve();
      const rule = (m.parsedOptions ?? []).find((o) => o['(google.api.http)'])?.['(google.api.http)'];
      if (!rule) continue;
      addProtoBinding(source.host, `${serviceName}.${m.name}`, rule, m.resolvedRequestType, m.resolvedResponseType);
    }
  }
  if (source.mixins) {
    // The generated client declares the HTTP rules of its mixins (IAM policy, locations) as a literal array.
    const js = readFileSync(pkgFile(source.package, source.mixins), 'utf8');
    const start = js.indexOf('httpRules = [');
    const end = js.indexOf('];', start);
    const rules = vm.runInNewContext(`(${js.slice(start + 'httpRules = '.length, end + 1)})`);
    const gax = protobuf.Root.fromJSON(
      JSON.parse(readFileSync(gaxFile(source.package, 'build/protos/iam_service.json'), 'utf8')),
    );
    gax.resolveAll();
    seen = new Set();
    for (const rule of rules) {
      if (!rule.selector.startsWith('google.iam.v1.IAMPolicy.')) continue;
      const m = gax.lookupService('google.iam.v1.IAMPolicy').methods[rule.selector.split('.').pop()];
      m.resolve();
      addProtoBinding(source.host, rule.selector, rule, m.resolvedRequestType, m.resolvedResponseType);
    }
  }
  return versionOf(source.package);
}

// ---------- discovery-generated packages ----------

// The generated class and parameter names: `Resource$Projects$Serviceaccounts`, `...$Getiampolicy`.
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase();
const lcfirst = (s) => s.charAt(0).toLowerCase() + s.slice(1);

/** TypeScript type text of a generated schema property → our field shape. */
function tsField(prefix, text) {
  let t = text.replace(/\s*\|\s*null$/, '').trim();
  const out = {};
  if (t.endsWith('[]')) {
    out.repeated = true;
    t = t.slice(0, -2);
  }
  const map = /^\{\s*\[key: string\]: (.+);?\s*\}$/.exec(t);
  if (map) {
    out.map = 'string';
    t = map[1].replace(/;$/, '').trim();
  }
  if (t.startsWith('Schema$')) out.type = `${prefix}.${t.slice('Schema$'.length)}`;
  else if (t === 'string') out.type = 'string';
  else if (t === 'number') out.type = 'double';
  else if (t === 'boolean') out.type = 'bool';
  else out.type = 'any';
  return out;
}

function discoverySource(source) {
  const js = readFileSync(pkgFile(source.package, `build/${source.discovery}.js`), 'utf8');
  const dts = readFileSync(pkgFile(source.package, `build/${source.discovery}.d.ts`), 'utf8');
  const prefix = `${source.host}.${source.discovery}`;
  const schemas = new Map();
  for (const m of dts.matchAll(/export interface Schema\$(\w+) \{([\s\S]*?)\n {4}\}/g)) {
    const fields = {};
    for (const p of m[2].matchAll(/^ {8}'?([\w$.@-]+)'?\?: (.+);$/gm)) fields[p[1]] = tsField(prefix, p[2]);
    schemas.set(m[1], fields);
  }
  const addSchema = (name) => {
    const full = `${prefix}.${name}`;
    if (types[full]) return full;
    const fields = schemas.get(name);
    if (!fields) throw new Error(`${source.package}: no Schema$${name}`);
    types[full] = { fields };
    for (const f of Object.values(fields))
      if (f.type.startsWith(`${prefix}.`)) addSchema(f.type.slice(prefix.length + 1));
    return full;
  };
  bindings[source.host] = [];
  for (const resource of source.resources) {
    const chain = resource.split('.');
    const className = `Resource$${chain.map(cap).join('$')}`;
    const body = new RegExp(`class ${className.replace(/\$/g, '\\$')} \\{([\\s\\S]*?)\\n {4}\\}`).exec(js)?.[1];
    if (!body) throw new Error(`${source.package}: no ${className}`);
    for (const m of body.matchAll(
      /\n {8}(\w+)\(paramsOrCallback[\s\S]*?url: \(rootUrl \+ '([^']+)'\)[\s\S]*?method: '(\w+)'[\s\S]*?pathParams: \[([^\]]*)\]/g,
    )) {
      const [, name, url, verb, pathParamList] = m;
      const paramsName = `Params$${className}$${cap(name)}`;
      const params = new RegExp(
        `interface ${paramsName.replace(/\$/g, '\\$')} extends StandardParameters \\{([\\s\\S]*?)\\n {4}\\}`,
      ).exec(dts)?.[1];
      if (params === undefined) throw new Error(`${source.package}: no ${paramsName}`);
      const declared = [...params.matchAll(/^ {8}'?([\w.$-]+)'?\?: (.+);$/gm)].map((p) => [p[1], p[2]]);
      const pathParams = [...pathParamList.matchAll(/'(\w+)'/g)].map((p) => p[1]);
      const requestBody = declared.find(([n]) => n === 'requestBody')?.[1];
      const ret = new RegExp(
        `\\n {8}${name}\\(params\\?: ${paramsName.replace(/\$/g, '\\$')}, options\\?: MethodOptions\\): Promise<GaxiosResponseWithHTTP2<Schema\\$(\\w+)>>`,
      ).exec(dts)?.[1];
      if (!ret) throw new Error(`${source.package}: no answer type for ${resource}.${name}`);
      // `{+name}` patterns by the resource-name convention (the packages drop the discovery `pattern`).
      const resourcePattern = (c) => c.map((s) => `${s}/*`).join('/');
      let path = url.replace(/^\/?/, '/');
      for (const p of pathParams) {
        const rest = path.slice(path.indexOf(`{+${p}}`) + p.length + 3);
        const getter = /^(?:get|update)([A-Z]\w*)$/.exec(name);
        const pattern = rest.startsWith(`/${chain.at(-1)}`)
          ? resourcePattern(chain.slice(0, -1))
          : getter && rest === ''
            ? `${resourcePattern(chain)}/${lcfirst(getter[1])}`
            : resourcePattern(chain);
        path = path.replace(`{+${p}}`, `{${p}=${pattern}}`);
      }
      bindings[source.host].push({
        method: `${source.host}.${resource}.${name}`,
        verb,
        path,
        ...(requestBody ? { body: '*' } : {}),
        query: declared
          .map(([n]) => n)
          .filter((n) => n !== 'requestBody' && !pathParams.includes(n))
          .sort(),
        ...(requestBody ? { request: addSchema(requestBody.replace(/^Schema\$/, '')) } : {}),
        response: addSchema(ret),
      });
    }
  }
  return versionOf(source.package);
}

const packages = {};
for (const source of SOURCES)
  packages[source.package] = source.discovery ? discoverySource(source) : protoSource(source);
for (const list of Object.values(bindings)) list.sort((a, b) => (a.path + a.verb < b.path + b.verb ? -1 : 1));

const sortKeys = (o) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));
for (const t of Object.values(types)) t.fields = sortKeys(t.fields);
const output = `${JSON.stringify(
  {
    generatedBy: 'packages/emulators/tools/generate-gcp-bindings.mjs',
    packages,
    systemParameters: SYSTEM_PARAMETERS,
    bindings,
    types: sortKeys(types),
    enums: sortKeys(enums),
  },
  null,
  1,
)}\n`;
if (process.argv.includes('--check')) {
  const current = readFileSync(OUT, 'utf8');
  if (current !== output) {
    console.error(
      `${OUT} is not what the pinned clients declare: run node packages/emulators/tools/generate-gcp-bindings.mjs`,
    );
    process.exit(1);
  }
  console.log('bindings up to date');
} else {
  writeFileSync(OUT, output);
  const count = Object.values(bindings).reduce((n, l) => n + l.length, 0);
  console.log(
    `${count} bindings of ${SOURCES.length} APIs, ${Object.keys(types).length} types, ${Object.keys(enums).length} enums → ${OUT}`,
  );
}
