/**
 * The app Secret view: one `SecretView` per Kubernetes Secret the app uses (referenced by its workloads
 * through `envFrom`, `secretKeyRef` or a secret volume, or listed in `expectations.app.secrets`), per source.
 * - `manifest`: Secrets declared in the repository's manifests (each key at its file:line);
 * - `k8s`: live Secrets in the app namespace (keys classified by the collector; no value is ever kept).
 * A Secret the app uses that the source does not show is an `empty` entry (skipped, with the reason).
 */
import type { Expectations } from '../config.js';
import type { K8sSecretKey } from '../layers/k8s.js';
import type { Location } from '../location.js';
import type { FacetMap, SecretKey, SecretValueClass } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import {
  appSecretNames,
  appSecrets,
  k8sResource,
  manifestObjects,
  objectLocation,
  secretProducers,
} from './k8s-app.js';
import {
  inScope,
  itemsOf,
  liveResource,
  topLevelWorkloadViews,
  WORKLOAD_FACETS,
  type WorkloadFacets,
} from './k8s-live.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

export interface SecretKeyView {
  key: string;
  /** The collector's classification of the value (`set`, `empty`, `placeholder`, `example-host`...). */
  class: SecretValueClass;
  /** A value the collector may keep (an example host, a well-known superuser name). */
  publicValue?: string;
  urlHost?: string;
  /** `data.db-host` / `stringData.db-host`. */
  path: string;
  /** file:line of the key (manifest). */
  location?: Location;
  /** A manifest's placeholder that is template syntax, filled when the file is applied (`${DB_PASSWORD}`). */
  templated?: true;
}

export interface SecretView {
  source: 'manifest' | 'k8s';
  resource: Resource;
  name: string;
  keys: SecretKeyView[];
  /** Where the Secret is named (manifest). */
  location?: Location;
}

export const SECRET_FACETS = ['k8s.secrets', ...WORKLOAD_FACETS] as const;

export function secretsFromManifests(facet: FacetMap['files.kubernetes'], exp: Expectations): ViewSet<SecretView> {
  const objects = manifestObjects(facet);
  const secrets = appSecrets(objects, exp);
  const items = secrets.map(
    (secret): SecretView => ({
      source: 'manifest',
      resource: k8sResource(secret, exp),
      name: secret.name,
      keys: (secret.secretKeys ?? []).map((k: SecretKey) => ({
        key: k.key,
        class: k.class,
        ...(k.publicValue !== undefined ? { publicValue: k.publicValue } : {}),
        ...(k.url?.host !== undefined ? { urlHost: k.url.host } : {}),
        path: `${k.source}.${k.key}`,
        location: { file: secret.file, startLine: k.line, startColumn: k.column },
        ...(k.templated ? { templated: true as const } : {}),
      })),
      location: objectLocation(secret),
    }),
  );
  const declared = new Set(secrets.map((s) => s.name));
  const producers = secretProducers(objects, exp);
  const empty: ViewSet<SecretView>['empty'] = [];
  for (const name of appSecretNames(objects, exp).keys()) {
    if (declared.has(name)) continue;
    const producer = producers.get(`${exp.app.namespace}/${name}`)?.[0];
    empty.push({
      reason: producer
        ? `Secret ${name} is rendered by ${producer.object.kind} ${producer.object.name} from an external store, so its values are not in the repository`
        : `Secret ${name} of namespace ${exp.app.namespace} is not declared in the repository's manifests (created with kubectl or by an operator); the k8s layer checks the live Secret`,
      resource: { id: `Secret/${exp.app.namespace}/${name}`, kind: 'Secret', name, namespace: exp.app.namespace },
    });
  }
  return { items, empty, none: `the app uses no Secret in its namespace (${exp.app.namespace})` };
}

export function secretsFromCluster(
  facets: WorkloadFacets & { 'k8s.secrets': FacetMap['k8s.secrets'] },
  exp: Expectations,
): ViewSet<SecretView> {
  const facet = facets['k8s.secrets'];
  if (!inScope(facet, exp.app.namespace))
    return {
      items: [],
      empty: [],
      none: `namespace ${exp.app.namespace} is not among the namespaces read (layers.k8s.namespaces)`,
    };
  const used = appSecretNames(topLevelWorkloadViews(facets), exp);
  const secrets = itemsOf(facet).filter((s) => s.namespace === exp.app.namespace && used.has(s.name));
  const items = secrets.map(
    (secret): SecretView => ({
      source: 'k8s',
      resource: liveResource(secret),
      name: secret.name,
      keys: secret.keys.map((k: K8sSecretKey) => ({
        key: k.key,
        class: k.class,
        ...(k.publicValue !== undefined ? { publicValue: k.publicValue } : {}),
        ...(k.url?.host !== undefined ? { urlHost: k.url.host } : {}),
        path: `data.${k.key}`,
      })),
    }),
  );
  const present = new Set(secrets.map((s) => s.name));
  const empty = [...used.keys()]
    .filter((name) => !present.has(name))
    .map((name) => ({
      reason: `Secret ${name} does not exist in ${exp.app.namespace}; the pods that read it cannot start (see k8s.rollout-healthy)`,
      resource: liveResource({ kind: 'Secret', name, namespace: exp.app.namespace }),
    }));
  return { items, empty, none: `the app uses no Secret in its namespace (${exp.app.namespace})` };
}

/**
 * The sources of the `secret` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const SECRET_SOURCES = {
  manifest: {
    layer: 'files',
    facets: ['files.kubernetes'],
    build: (facet, exp) => secretsFromManifests(facet('files.kubernetes'), exp),
  },
  k8s: {
    layer: 'k8s',
    facets: SECRET_FACETS,
    build: (facet, exp) =>
      secretsFromCluster(
        Object.fromEntries(SECRET_FACETS.map((n) => [n, facet(n)])) as Parameters<typeof secretsFromCluster>[0],
        exp,
      ),
  },
} as const satisfies Record<string, ViewSource<SecretView>>;
