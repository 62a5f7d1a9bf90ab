/**
 * Contract tests of the Kubernetes recordings (fixtures/<fixture>/k8s/api): every built-in object against
 * the @kubernetes/client-node model of its kind (no unknown field, every value of the declared type,
 * RFC 3339 times, int-or-string), every custom resource against its CRD's OpenAPI schema as
 * @kubernetes-models generates it from the CRDs (GKE BackendConfig and ManagedCertificate, External
 * Secrets): its validator for types, enums and required fields, its type declarations for unknown fields
 * (the validators accept those; the API server would prune them). A copy with one field renamed, or of the
 * wrong type, fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as k8s from '@kubernetes/client-node';
import { ClusterSecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore';
import { ExternalSecret } from '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret';
import { SecretStore } from '@kubernetes-models/external-secrets/external-secrets.io/v1/SecretStore';
import { BackendConfig } from '@kubernetes-models/gke/cloud.google.com/v1/BackendConfig';
import { ManagedCertificate } from '@kubernetes-models/gke/networking.gke.io/v1/ManagedCertificate';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const fixtures = join(import.meta.dirname, '../../../fixtures');

type Attribute = { name: string; baseName: string; type: string; format: string };
type ModelClass = { getAttributeTypeMap(): Attribute[] };
const models = k8s as unknown as Record<string, ModelClass | undefined>;

/** Custom resources: their CRD's schema, as @kubernetes-models compiled it. */
const CRDS: Record<string, new (data: never) => { validate(): void }> = {
  'cloud.google.com/v1 BackendConfig': BackendConfig,
  'networking.gke.io/v1 ManagedCertificate': ManagedCertificate,
  'external-secrets.io/v1 ExternalSecret': ExternalSecret,
  'external-secrets.io/v1 SecretStore': SecretStore,
  'external-secrets.io/v1 ClusterSecretStore': ClusterSecretStore,
};

const modelsDir = join(import.meta.dirname, '../node_modules/@kubernetes-models');
/** Each CRD kind's generated type declaration: `.d.ts` file and interface name. */
const CRD_TYPES: Record<string, [string, string]> = {
  'cloud.google.com/v1 BackendConfig': ['gke/cloud.google.com/v1/BackendConfig.d.ts', 'IBackendConfig'],
  'networking.gke.io/v1 ManagedCertificate': [
    'gke/networking.gke.io/v1/ManagedCertificate.d.ts',
    'IManagedCertificate',
  ],
  'external-secrets.io/v1 ExternalSecret': [
    'external-secrets/external-secrets.io/v1/ExternalSecret.d.ts',
    'IExternalSecret',
  ],
  'external-secrets.io/v1 SecretStore': ['external-secrets/external-secrets.io/v1/SecretStore.d.ts', 'ISecretStore'],
  'external-secrets.io/v1 ClusterSecretStore': [
    'external-secrets/external-secrets.io/v1/ClusterSecretStore.d.ts',
    'IClusterSecretStore',
  ],
};
let program: ts.Program | undefined;
function crdType(key: string): { checker: ts.TypeChecker; type: ts.Type } {
  program ??= ts.createProgram(
    Object.values(CRD_TYPES).map(([f]) => join(modelsDir, f)),
    { strict: true, noEmit: true, skipLibCheck: true, types: [] },
  );
  const [file, name] = CRD_TYPES[key]!;
  const source = program.getSourceFile(join(modelsDir, file))!;
  const decl = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name)!;
  const checker = program.getTypeChecker();
  return { checker, type: checker.getTypeAtLocation(decl) };
}

/** Fields of `value` the declared type does not have. */
function undeclaredFields(
  checker: ts.TypeChecker,
  declared: ts.Type,
  value: unknown,
  path: string,
  out: string[],
): void {
  if (value === null || typeof value !== 'object') return;
  let type = checker.getNonNullableType(declared);
  if (type.isUnion()) {
    const objects = type.types.filter((t) => t.flags & ts.TypeFlags.Object);
    if (objects.length !== 1) return;
    type = objects[0]!;
  }
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return;
  if (Array.isArray(value)) {
    const element = checker.getIndexTypeOfType(type, ts.IndexKind.Number);
    if (element) for (const [i, v] of value.entries()) undeclaredFields(checker, element, v, `${path}[${i}]`, out);
    return;
  }
  const index = checker.getIndexTypeOfType(type, ts.IndexKind.String);
  for (const [name, v] of Object.entries(value)) {
    const property = checker.getPropertyOfType(type, name);
    if (property) undeclaredFields(checker, checker.getTypeOfSymbol(property), v, `${path}.${name}`, out);
    else if (index) undeclaredFields(checker, index, v, `${path}[${name}]`, out);
    else out.push(`${path}.${name}: unknown field of the CRD schema`);
  }
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** The client-node model of a built-in kind: `apps/v1 Deployment` → V1Deployment. */
function modelOf(apiVersion: string, kind: string): string | undefined {
  const version = apiVersion.split('/').pop()!;
  const name = `${version.charAt(0).toUpperCase()}${version.slice(1)}${kind}`;
  return models[name]?.getAttributeTypeMap ? name : undefined;
}

/** What in `value` does not fit client-node's model `type`, as `path: problem` lines. */
function modelIssues(type: string, value: unknown, path: string, out: string[]): void {
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  if (type === 'any' || type === 'object') return;
  const array = /^Array<(.+)>$/.exec(type);
  if (array) {
    if (!Array.isArray(value)) out.push(`${path}: ${type} expected, got ${kind}`);
    else for (const [i, v] of value.entries()) modelIssues(array[1]!, v, `${path}[${i}]`, out);
    return;
  }
  const map = /^\{ \[key: string\]: (.+); \}$/.exec(type);
  if (map) {
    if (kind !== 'object') out.push(`${path}: map expected, got ${kind}`);
    else for (const [k, v] of Object.entries(value as object)) modelIssues(map[1]!, v, `${path}[${k}]`, out);
    return;
  }
  if (type === 'string' || type === 'number' || type === 'boolean') {
    if (kind !== type) out.push(`${path}: ${type} expected, got ${kind}`);
    return;
  }
  if (type === 'Date') {
    if (typeof value !== 'string' || !RFC3339.test(value)) out.push(`${path}: RFC 3339 time expected`);
    return;
  }
  if (type === 'IntOrString') {
    if (typeof value !== 'string' && !Number.isInteger(value)) out.push(`${path}: int or string expected`);
    return;
  }
  const model = models[type];
  if (!model?.getAttributeTypeMap) {
    out.push(`${path}: no model ${type}`);
    return;
  }
  if (kind !== 'object') {
    out.push(`${path}: ${type} expected, got ${kind}`);
    return;
  }
  const attributes = new Map(model.getAttributeTypeMap().map((a) => [a.baseName, a]));
  for (const [name, v] of Object.entries(value as Record<string, unknown>)) {
    const a = attributes.get(name);
    if (!a) out.push(`${path}.${name}: unknown field of ${type}`);
    else modelIssues(a.type, v, `${path}.${name}`, out);
  }
}

/** Issues of one object: its model, or its CRD's schema. */
function objectIssues(o: Record<string, unknown>, path: string): string[] {
  const apiVersion = String(o.apiVersion);
  const kind = String(o.kind);
  const crd = CRDS[`${apiVersion} ${kind}`];
  if (crd) {
    const out: string[] = [];
    try {
      new crd(o as never).validate();
    } catch (e) {
      out.push(`${path}: ${(e as Error).message.split('\n')[0]}`);
    }
    const { checker, type } = crdType(`${apiVersion} ${kind}`);
    undeclaredFields(checker, type, o, path, out);
    return out;
  }
  const model = modelOf(apiVersion, kind);
  if (!model) return [`${path}: no model or CRD schema for ${apiVersion} ${kind}`];
  const out: string[] = [];
  modelIssues(model, o, path, out);
  return out;
}

/** A recorded file: a List of objects of any kind, or the `/version` answer. */
function recordingIssues(file: string, body: Record<string, unknown>): string[] {
  if (file.endsWith('/version.json')) {
    const out: string[] = [];
    modelIssues('VersionInfo', body, 'version', out);
    return out;
  }
  // A `List` of built-ins, or a custom resource's `<Kind>List`.
  if (!String(body.kind).endsWith('List') || !Array.isArray(body.items)) return ['not a List'];
  return (body.items as Record<string, unknown>[]).flatMap((o, i) => objectIssues(o, `items[${i}]`));
}

const recordings = ['adr-001-staging', 'adr-001-remediated'].flatMap((fixture) => {
  const dir = join(fixtures, fixture, 'k8s/api');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== '_recording.json')
    .map((f) => ({ name: `${fixture} ${f}`, file: join(dir, f) }));
});

describe('Kubernetes recordings against client-node models and CRD schemas', () => {
  it('covers every recording of both fixtures', () => {
    expect(recordings.length).toBeGreaterThanOrEqual(29);
  });

  it.each(recordings)('$name', ({ file }) => {
    expect(recordingIssues(file, JSON.parse(readFileSync(file, 'utf8')))).toEqual([]);
  });

  it('a copy with one field renamed, or a value of the wrong type, fails', () => {
    const file = join(fixtures, 'adr-001-staging/k8s/api/deployments.json');
    const body = JSON.parse(readFileSync(file, 'utf8')) as { items: { spec: Record<string, unknown> }[] };
    const renamed = structuredClone(body);
    renamed.items[0]!.spec.replica = renamed.items[0]!.spec.replicas;
    delete renamed.items[0]!.spec.replicas;
    expect(recordingIssues(file, renamed)).toEqual(['items[0].spec.replica: unknown field of V1DeploymentSpec']);
    const wrongType = structuredClone(body);
    wrongType.items[0]!.spec.replicas = '2';
    expect(recordingIssues(file, wrongType)).toEqual(['items[0].spec.replicas: number expected, got string']);

    const crdFile = join(fixtures, 'adr-001-remediated/k8s/api/backendconfigs.json');
    const crd = JSON.parse(readFileSync(crdFile, 'utf8')) as { items: { spec: Record<string, unknown> }[] };
    crd.items[0]!.spec.healthCheck = { port: 'http' };
    expect(recordingIssues(crdFile, crd)).toEqual([
      expect.stringMatching(/^items\[0\]: .*healthCheck\/port must be integer/),
    ]);
  });
});
