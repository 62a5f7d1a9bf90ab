/**
 * The app-deployment view: the app's Deployment (`expectations.app.deployment` in `expectations.app.namespace`)
 * per source.
 * - `manifest`: the Deployment the repository's manifests declare, with the HorizontalPodAutoscaler that
 *   targets it (its `minReplicas` decides the replica floor);
 * - `k8s`: the Deployment the cluster runs (or its absence, which is a finding), with its pods.
 */
import type { Expectations } from '../config.js';
import type { K8sLiveObject } from '../layers/k8s.js';
import type { FacetMap, K8sObject } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import { appDeployment, asNumber, k8sResource, manifestObjects, namespaceOf, valueAt } from './k8s-app.js';
import { asRecord, asString, inScope, itemsOf, liveResource, podsOf } from './k8s-live.js';
import type { ViewSet } from './sql-instance.js';
import type { ViewSource } from './index.js';

export interface DeploymentAutoscaler {
  object: K8sObject;
  minReplicas: number;
  /** Whether `spec.minReplicas` is written (it defaults to 1). */
  declared: boolean;
}

export type AppDeploymentView = { resource: Resource; name: string } & (
  | { source: 'manifest'; deployment: K8sObject; autoscaler?: DeploymentAutoscaler }
  | {
      source: 'k8s';
      namespace: string;
      /** Undefined: the namespace was read and has no such Deployment. */
      deployment?: K8sLiveObject;
      /** The pods the Deployment owns (through its ReplicaSets). */
      pods: K8sLiveObject[];
    }
);

/** A HorizontalPodAutoscaler (any version) whose `scaleTargetRef` is the Deployment. */
function autoscalerOf(
  objects: K8sObject[],
  deployment: K8sObject,
  exp: Expectations,
): DeploymentAutoscaler | undefined {
  const ns = namespaceOf(deployment, exp);
  for (const o of objects) {
    if (o.kind !== 'HorizontalPodAutoscaler' || namespaceOf(o, exp) !== ns) continue;
    const target = asRecord(valueAt(o.object, '/spec/scaleTargetRef'));
    if (asString(target?.kind) !== 'Deployment' || asString(target?.name) !== deployment.name) continue;
    const min = asNumber(valueAt(o.object, '/spec/minReplicas'));
    return { object: o, minReplicas: min ?? 1, declared: min !== undefined };
  }
  return undefined;
}

export function appDeploymentsFromManifests(
  facet: FacetMap['files.kubernetes'],
  exp: Expectations,
): ViewSet<AppDeploymentView> {
  const objects = manifestObjects(facet);
  const deployment = appDeployment(objects, exp);
  if (!deployment)
    return {
      items: [],
      empty: [],
      none: `Deployment ${exp.app.deployment} in namespace ${exp.app.namespace} is not declared in the repository's manifests`,
    };
  const autoscaler = autoscalerOf(objects, deployment, exp);
  return {
    items: [
      {
        source: 'manifest',
        resource: k8sResource(deployment, exp),
        name: deployment.name,
        deployment,
        ...(autoscaler ? { autoscaler } : {}),
      },
    ],
    empty: [],
    none: '',
  };
}

export const APP_DEPLOYMENT_K8S_FACETS = ['k8s.deployments', 'k8s.pods', 'k8s.replicasets'] as const;

export function appDeploymentsFromCluster(
  facets: { [K in (typeof APP_DEPLOYMENT_K8S_FACETS)[number]]: FacetMap[K] },
  exp: Expectations,
): ViewSet<AppDeploymentView> {
  const facet = facets['k8s.deployments'];
  const ns = exp.app.namespace;
  const name = exp.app.deployment;
  if (!inScope(facet, ns))
    return { items: [], empty: [], none: `namespace ${ns} is not among the namespaces read (layers.k8s.namespaces)` };
  const d = itemsOf(facet).find((x) => x.name === name && x.namespace === ns);
  return {
    items: [
      {
        source: 'k8s',
        resource: d ? liveResource(d) : liveResource({ kind: 'Deployment', name, namespace: ns }),
        name,
        namespace: ns,
        ...(d ? { deployment: d } : {}),
        pods: d ? podsOf(d, itemsOf(facets['k8s.pods']), itemsOf(facets['k8s.replicasets'])) : [],
      },
    ],
    empty: [],
    none: '',
  };
}

/**
 * The sources of the `app-deployment` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const APP_DEPLOYMENT_SOURCES = {
  manifest: {
    layer: 'files',
    facets: ['files.kubernetes'],
    build: (facet, exp) => appDeploymentsFromManifests(facet('files.kubernetes'), exp),
  },
  k8s: {
    layer: 'k8s',
    facets: APP_DEPLOYMENT_K8S_FACETS,
    build: (facet, exp) =>
      appDeploymentsFromCluster(
        {
          'k8s.deployments': facet('k8s.deployments'),
          'k8s.pods': facet('k8s.pods'),
          'k8s.replicasets': facet('k8s.replicasets'),
        },
        exp,
      ),
  },
} as const satisfies Record<string, ViewSource<AppDeploymentView>>;
