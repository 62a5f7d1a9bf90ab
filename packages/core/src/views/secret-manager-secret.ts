/**
 * The Secret Manager secret view: one `SecretManagerSecretView` per secret the app expects
 * (`expectations.secretManager.secrets`), per source.
 * - `tf`: whether a `google_secret_manager_secret` of the `.tf` files has that `secret_id` (a literal, `each.key`
 *   or `each.value` over a literal `for_each`, or the values the collector evaluated per instance), or whether
 *   an id it cannot settle may be that one;
 * - `gcp`: whether the expected project's Secret Manager lists it (metadata only; no version is read).
 * Resource ids are those the per-layer rules built (fingerprints depend on them).
 */
import { declarationKey } from '../declarations.js';
import type { Expectations } from '../config.js';
import type { Location } from '../location.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import type { ViewSet } from './sql-instance.js';
import { dependsOnOf, managesGoogleCloud, NOT_GOOGLE_CLOUD } from './terraform.js';
import {
  anchorLocation,
  attributeLocation,
  expressionText,
  forEachNames,
  literalString,
  resourcesOfType,
  type TfResource,
} from './tf-lookup.js';
import type { ViewSource } from './index.js';

export interface SecretManagerSecretView {
  source: 'tf' | 'gcp';
  resource: Resource;
  /** The expected secret id. */
  name: string;
  /** tf: the resource that declares it, and where its id is set. */
  declaredBy?: { address: string; file: string; location: Location };
  /** tf: every id the files declare (evidence of what is there instead). */
  declaredIds?: string[];
  /** tf: `secret_id` values the files do not settle (expressions), and the inputs they depend on. */
  unresolved?: { count: number; dependsOn: string[] };
  /** tf: where a finding about a missing declaration points (the environment's google provider block). */
  anchor?: (environment: string) => Location | undefined;
  /** gcp: the live secret, when the project lists it. */
  live?: { replication: string };
  /** gcp: the project read. */
  project?: string;
}

export function secretManagerSecretResource(project: string, name: string): Resource {
  return {
    id: `gcp:secretmanager/${project}/${name}`,
    kind: 'SecretManagerSecret',
    name,
    declaredAs: declarationKey({ layer: 'tf', type: 'google_secret_manager_secret', name }),
  };
}

export function secretManagerSecretsFromTerraform(
  facet: FacetMap['files.terraform'],
  exp: Expectations,
): ViewSet<SecretManagerSecretView> {
  if (facet.files.length === 0) return { items: [], empty: [], none: 'the repository has no .tf files' };
  if (!managesGoogleCloud(facet.files)) return { items: [], empty: [], none: NOT_GOOGLE_CLOUD };
  const expected = exp.secretManager.secrets;
  if (expected.length === 0)
    return { items: [], empty: [], none: 'expectations.secretManager.secrets names no secret' };
  const declared: { id: string; resource: TfResource; location: Location }[] = [];
  let unresolved = 0;
  const dependsOn: string[] = [];
  for (const r of resourcesOfType(facet, 'google_secret_manager_secret')) {
    const attr = r.block.attributes.secret_id;
    const literal = literalString(attr);
    if (literal !== undefined && attr) {
      declared.push({ id: literal, resource: r, location: attributeLocation(r.file, attr) });
      continue;
    }
    const expr = expressionText(attr)?.trim();
    const keys =
      expr === 'each.key' || expr === 'each.value'
        ? forEachNames(r.block, expr === 'each.key' ? 'key' : 'value')
        : undefined;
    // Instances the collector evaluated (a module called once per secret, a for_each): each one's id.
    const instances = (attr?.instanceValues ?? []).filter((x): x is string => typeof x === 'string');
    if (keys && attr) {
      const at = r.block.attributes.for_each ?? attr;
      for (const id of keys) declared.push({ id, resource: r, location: attributeLocation(r.file, at) });
    } else if (instances.length && attr) {
      for (const id of instances) declared.push({ id, resource: r, location: attributeLocation(r.file, attr) });
    } else {
      unresolved++;
      dependsOn.push(...dependsOnOf(attr, expr ?? `${r.type}.${r.name}.secret_id`));
    }
  }
  const declaredIds = declared.map((d) => d.id);
  const items = expected.map((name): SecretManagerSecretView => {
    const resource = { id: `secretmanager:${name}`, kind: 'google_secret_manager_secret', name };
    const hit = declared.find((d) => d.id === name);
    if (hit)
      return {
        source: 'tf',
        resource: { ...resource, file: hit.resource.file.file },
        name,
        declaredBy: {
          address: `${hit.resource.type}.${hit.resource.name}`,
          file: hit.resource.file.file,
          location: hit.location,
        },
      };
    return {
      source: 'tf',
      resource,
      name,
      declaredIds,
      unresolved: { count: unresolved, dependsOn },
      anchor: (environment) => anchorLocation(facet, environment),
    };
  });
  return { items, empty: [], none: 'expectations.secretManager.secrets names no secret' };
}

export function secretManagerSecretsFromGcp(
  facet: FacetMap['gcp.secretmanager'],
  exp: Expectations,
): ViewSet<SecretManagerSecretView> {
  const { project } = exp;
  const scope = `projects/${project}`;
  if (!facet.read.some((r) => r === scope || scope.startsWith(`${r}/`)))
    return { items: [], empty: [], none: `Secret Manager of project ${project} was not read` };
  const listed = facet.secrets.filter((s) => s.project === project);
  const items = exp.secretManager.secrets.map((name): SecretManagerSecretView => {
    const found = listed.find((s) => s.name === name);
    return {
      source: 'gcp',
      resource: secretManagerSecretResource(project, name),
      name,
      project,
      ...(found ? { live: { replication: found.replication ?? 'unknown' } } : {}),
    };
  });
  return { items, empty: [], none: 'expectations.secretManager.secrets names no secret' };
}

/**
 * The sources of the `secret-manager-secret` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const SECRET_MANAGER_SECRET_SOURCES = {
  tf: {
    layer: 'files',
    facets: ['files.terraform'],
    build: (facet, exp) => secretManagerSecretsFromTerraform(facet('files.terraform'), exp),
  },
  gcp: {
    layer: 'gcp',
    facets: ['gcp.secretmanager'],
    build: (facet, exp) => secretManagerSecretsFromGcp(facet('gcp.secretmanager'), exp),
  },
} as const satisfies Record<string, ViewSource<SecretManagerSecretView>>;
