/**
 * Cloud KMS in OpenTofu files: which declared key is which (name and key ring, resolved through
 * `google_kms_key_ring.x.id` references), and who is granted what on it.
 */
import type { TfBlock, TfFile } from '../snapshot/index.js';
import {
  childBlocks,
  findResource,
  inputsOf,
  isExpression,
  literalAt,
  referenceTo,
  resourcesOf,
  type TfResource,
} from './terraform.js';

/** A name that is either known from a literal or comes from an expression the files do not evaluate. */
export type Known = { known: true; value: string } | { known: false; expression: string };

export interface KeyIdentity {
  name: Known;
  ring: Known;
}

/** `projects/p/locations/l/keyRings/r/cryptoKeys/k` (or a prefix of it) → its ring and key names. */
export function parseKmsId(id: string): { ring?: string; key?: string } {
  const ring = /keyRings\/([^/]+)/.exec(id)?.[1];
  const key = /cryptoKeys\/([^/]+)/.exec(id)?.[1];
  return { ...(ring ? { ring } : {}), ...(key ? { key } : {}) };
}

function known(value: unknown, expressionOf: () => string): Known {
  if (typeof value === 'string' && value) return { known: true, value };
  return { known: false, expression: expressionOf() };
}

/** The key ring a `key_ring` / `key_ring_id` value designates. */
export function ringOf(files: readonly TfFile[], value: unknown, fromDir: string): Known {
  if (typeof value === 'string') {
    const parsed = parseKmsId(value).ring;
    return { known: true, value: parsed ?? value.split('/').pop() ?? value };
  }
  if (!isExpression(value)) return { known: false, expression: 'not set' };
  const expression = value.expression.trim();
  const ref = referenceTo(expression, 'google_kms_key_ring');
  if (!ref) return { known: false, expression };
  const ring = findResource(files, ref.mode, 'google_kms_key_ring', ref.name, fromDir);
  if (!ring) return { known: false, expression };
  const name = ring.block.attributes.name?.value;
  return known(name, () => `${ring.address}.name = ${isExpression(name) ? name.expression.trim() : 'not set'}`);
}

/** Name and ring of a declared `google_kms_crypto_key` (resource or data source). */
export function keyIdentity(files: readonly TfFile[], key: TfResource): KeyIdentity {
  const name = key.block.attributes.name?.value;
  return {
    name: known(name, () => (isExpression(name) ? name.expression.trim() : 'not set')),
    ring: ringOf(files, key.block.attributes.key_ring?.value, key.dir),
  };
}

/** The key a `crypto_key_id` value designates: a literal id, or a reference to a declared key. */
export function keyOf(
  files: readonly TfFile[],
  value: unknown,
  fromDir: string,
): KeyIdentity & { declared?: TfResource } {
  if (typeof value === 'string') {
    const parsed = parseKmsId(value);
    return {
      name: parsed.key ? { known: true, value: parsed.key } : { known: false, expression: value },
      ring: parsed.ring ? { known: true, value: parsed.ring } : { known: false, expression: value },
    };
  }
  const expression = isExpression(value) ? value.expression.trim() : 'not set';
  const ref = referenceTo(expression, 'google_kms_crypto_key');
  const declared = ref ? findResource(files, ref.mode, 'google_kms_crypto_key', ref.name, fromDir) : undefined;
  if (!declared) return { name: { known: false, expression }, ring: { known: false, expression } };
  return { ...keyIdentity(files, declared), declared };
}

export type Match = 'yes' | 'maybe' | 'no';

/** Whether an identity is the expected key: known and equal, unknown (maybe), or known and different. */
export function matchKey(id: KeyIdentity, expected: { keyRing: string; key: string }): Match {
  if (id.name.known && id.name.value !== expected.key) return 'no';
  if (id.ring.known && id.ring.value !== expected.keyRing) return 'no';
  return id.name.known && id.ring.known ? 'yes' : 'maybe';
}

export function matchRing(ring: Known, expected: string): Match {
  if (!ring.known) return 'maybe';
  return ring.value === expected ? 'yes' : 'no';
}

/** The inputs an unknown name or ring depends on (empty when known). */
export function unknownInputs(...ks: Known[]): string[] {
  return ks.flatMap((k) => (k.known ? [] : inputsOf(k.expression)));
}

export function describeKnown(k: Known): string {
  return k.known ? k.value : `from ${k.expression}`;
}

// ---------------------------------------------------------------- IAM grants on keys and key rings

export const KEY_IAM_TYPES = [
  'google_kms_crypto_key_iam_binding',
  'google_kms_crypto_key_iam_member',
  'google_kms_crypto_key_iam_policy',
] as const;
export const RING_IAM_TYPES = [
  'google_kms_key_ring_iam_binding',
  'google_kms_key_ring_iam_member',
  'google_kms_key_ring_iam_policy',
] as const;

/** One (role, members) grant of an IAM resource, with the attribute or block it was read from. */
export interface Grant {
  iam: TfResource;
  /** `key` for crypto-key IAM, `ring` for key-ring IAM (which applies to every key in the ring). */
  scope: 'key' | 'ring';
  role: Known;
  /** Literal members; `expression` holds the source when the list (or member) is not a literal. */
  members: string[];
  expression?: string;
  /** File, line and column of the members (or member, or binding block) the grant was read from. */
  file: string;
  line: number;
  column: number;
}

/**
 * Every grant declared by `google_kms_crypto_key_iam_*` and `google_kms_key_ring_iam_*` resources;
 * `*_iam_policy` resources are read through the `data "google_iam_policy"` they reference.
 */
export function kmsGrants(files: readonly TfFile[]): Grant[] {
  const out: Grant[] = [];
  for (const iam of resourcesOf(files, ...KEY_IAM_TYPES, ...RING_IAM_TYPES)) {
    const scope = (KEY_IAM_TYPES as readonly string[]).includes(iam.type) ? 'key' : 'ring';
    if (iam.type.endsWith('_iam_policy')) {
      const policy = iam.block.attributes.policy_data;
      const ref =
        policy && isExpression(policy.value) ? referenceTo(policy.value.expression, 'google_iam_policy') : undefined;
      const data = ref ? findResource(files, 'data', 'google_iam_policy', ref.name, iam.dir) : undefined;
      if (!data) {
        const line = policy?.line ?? iam.block.line;
        const column = policy?.column ?? iam.block.column;
        out.push({
          iam,
          scope,
          role: { known: false, expression: policy ? sourceText(policy.value) : 'policy_data not set' },
          members: [],
          expression: policy ? sourceText(policy.value) : 'policy_data not set',
          file: iam.file.file,
          line,
          column,
        });
        continue;
      }
      for (const binding of childBlocks(data.block, 'binding')) out.push(grantOf(iam, scope, data.file.file, binding));
      continue;
    }
    out.push(grantOf(iam, scope, iam.file.file, iam.block));
  }
  return out;
}

function sourceText(value: unknown): string {
  return isExpression(value) ? value.expression.trim() : JSON.stringify(value);
}

function grantOf(iam: TfResource, scope: 'key' | 'ring', file: string, holder: TfBlock): Grant {
  const roleValue = literalAt(holder, 'role');
  const roleAttr = holder.attributes.role;
  const role: Known =
    typeof roleValue === 'string'
      ? { known: true, value: roleValue }
      : { known: false, expression: roleAttr ? sourceText(roleAttr.value) : 'not set' };
  const attr = holder.attributes.members ?? holder.attributes.member;
  const at = { file, line: attr?.line ?? holder.line, column: attr?.column ?? holder.column };
  if (!attr) return { iam, scope, role, members: [], ...at };
  const value = attr.value;
  if (typeof value === 'string') return { iam, scope, role, members: [value], ...at };
  if (Array.isArray(value) && value.every((m) => typeof m === 'string'))
    return { iam, scope, role, members: value as string[], ...at };
  return { iam, scope, role, members: [], expression: sourceText(value), ...at };
}

/** The target of a grant: the key (`crypto_key_id`) or the ring (`key_ring_id`). */
export function grantTarget(files: readonly TfFile[], g: Grant): { key?: KeyIdentity; ring: Known } {
  if (g.scope === 'ring') return { ring: ringOf(files, g.iam.block.attributes.key_ring_id?.value, g.iam.dir) };
  const key = keyOf(files, g.iam.block.attributes.crypto_key_id?.value, g.iam.dir);
  return { key, ring: key.ring };
}

export const PUBLIC_MEMBERS = ['allUsers', 'allAuthenticatedUsers'];

/** Public principals a grant names, literally or quoted inside a member expression. */
export function publicMembers(g: Grant): string[] {
  const found = g.members.filter((m) => PUBLIC_MEMBERS.includes(m));
  if (g.expression) for (const p of PUBLIC_MEMBERS) if (g.expression.includes(`"${p}"`)) found.push(p);
  return [...new Set(found)];
}

/**
 * Whether a grant names `member`: literally, or through `google_service_account.<x>.email` / `.member`
 * where `<x>` has a literal `account_id` (the project is its literal `project`, else `project`).
 */
export function grantNames(files: readonly TfFile[], g: Grant, member: string, project: string): Match {
  const wanted = member.toLowerCase();
  if (g.members.some((m) => m.toLowerCase() === wanted)) return 'yes';
  if (g.expression === undefined) return 'no';
  if (g.expression.toLowerCase().includes(wanted)) return 'yes';
  const refs = [...g.expression.matchAll(/google_service_account\.([A-Za-z_][\w-]*)\.(email|member)/g)];
  if (refs.length === 0) return 'maybe';
  let unresolved = false;
  for (const [, name] of refs) {
    const sa = findResource(files, 'managed', 'google_service_account', name!, g.iam.dir);
    const accountId = sa ? literalAt(sa.block, 'account_id') : undefined;
    if (typeof accountId !== 'string') {
      unresolved = true;
      continue;
    }
    const saProject = literalAt(sa!.block, 'project');
    const email = `${accountId}@${typeof saProject === 'string' ? saProject : project}.iam.gserviceaccount.com`;
    if (`serviceaccount:${email}` === wanted) return 'yes';
  }
  return unresolved ? 'maybe' : 'no';
}
