/**
 * Small builders for the case tables of the k8s rules: live objects in the API's JSON shape, as the k8s
 * collector puts them in its facets.
 */
import type { K8sLiveObject, K8sObjectList } from '@coditect-audit/core';
import { WORKLOAD_FACETS, type WorkloadFacet } from './k8s-live.js';

type Json = Record<string, unknown>;

export const APP_IMAGE = 'us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend/coditect-cloud-backend';
export const APP_DIGEST = 'sha256:ebca8fb332ffcbcbb6125f6a2b121d5ece38ac47ea97a90872f0c9cbaa3baa69';

const GROUP_OF: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
  Ingress: 'networking.k8s.io/v1',
  ManagedCertificate: 'networking.gke.io/v1',
  BackendConfig: 'cloud.google.com/v1',
  ExternalSecret: 'external-secrets.io/v1',
};

/** A live object; `namespace: null` makes it cluster-scoped. */
export function live(
  kind: string,
  name: string,
  body: { metadata?: Json; spec?: Json; status?: Json } = {},
  namespace: string | null = 'coditect-staging',
): K8sLiveObject {
  const apiVersion = GROUP_OF[kind] ?? 'v1';
  return {
    apiVersion,
    kind,
    name,
    ...(namespace ? { namespace } : {}),
    object: {
      apiVersion,
      kind,
      metadata: { name, ...(namespace ? { namespace } : {}), ...body.metadata },
      ...(body.spec ? { spec: body.spec } : {}),
      ...(body.status ? { status: body.status } : {}),
    },
  };
}

export function list(...items: K8sLiveObject[]): K8sObjectList {
  return { items };
}

/** Every workload facet, empty except those given. */
export function workloads(given: Partial<Record<WorkloadFacet, K8sObjectList>>): Record<WorkloadFacet, K8sObjectList> {
  return Object.fromEntries(WORKLOAD_FACETS.map((f) => [f, given[f] ?? { items: [] }])) as Record<
    WorkloadFacet,
    K8sObjectList
  >;
}

/** A Deployment whose pod template has these containers and pod-level fields. */
export function deployment(
  name: string,
  containers: Json[],
  extra: { replicas?: number; pod?: Json; status?: Json; namespace?: string; generation?: number } = {},
): K8sLiveObject {
  return live(
    'Deployment',
    name,
    {
      ...(extra.generation !== undefined ? { metadata: { generation: extra.generation } } : {}),
      spec: {
        replicas: extra.replicas ?? 2,
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { ...extra.pod, containers } },
      },
      ...(extra.status ? { status: extra.status } : {}),
    },
    extra.namespace ?? 'coditect-staging',
  );
}
