/**
 * The live workload views made per object as the Kubernetes collector finishes each item
 * (`prepareLiveObject`, issue 19) are the views the builders make after collection: the same items, in the
 * same order, whichever objects were prepared, and the builders then hand out the prepared objects.
 */
import { describe, expect, it } from 'vitest';
import type { K8sLiveObject } from '../src/index.js';
import {
  liveContainerViews,
  prepareLiveObject,
  viewOf,
  viewsOf,
  WORKLOAD_FACETS,
  type WorkloadFacet,
} from '../src/views/index.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

function podSpec(name: string, image: string, extra: Record<string, unknown> = {}) {
  return {
    containers: [
      {
        name,
        image,
        securityContext: { runAsUser: 0, allowPrivilegeEscalation: true, capabilities: { add: ['NET_ADMIN'] } },
      },
    ],
    initContainers: [{ name: 'migrate', image: 'gcr.io/p/migrate:1' }],
    securityContext: { runAsNonRoot: true },
    ...extra,
  };
}

function live(kind: string, apiVersion: string, name: string, object: Record<string, unknown>): K8sLiveObject {
  return { apiVersion, kind, name, namespace: 'coditect-staging', object: { apiVersion, kind, ...object } };
}

/** A cluster with each way a pod belongs to a workload: through a ReplicaSet, a Job, a CronJob, or none. */
function cluster(): Record<WorkloadFacet, { items: K8sLiveObject[] }> {
  const owned = (kind: string, name: string) => ({ ownerReferences: [{ kind, name, controller: true }] });
  const deployment = live('Deployment', 'apps/v1', 'backend', {
    metadata: { name: 'backend' },
    spec: { template: { spec: podSpec('backend', 'gcr.io/p/backend:latest') } },
  });
  const replicaSet = live('ReplicaSet', 'apps/v1', 'backend-7d9', {
    metadata: { name: 'backend-7d9', ...owned('Deployment', 'backend') },
    spec: { template: { spec: podSpec('backend', 'gcr.io/p/backend:latest') } },
  });
  const pod = (name: string, owner: Record<string, unknown>, image: string) =>
    live('Pod', 'v1', name, {
      metadata: { name, ...owner },
      spec: podSpec('backend', image),
      status: {
        containerStatuses: [{ name: 'backend', image, imageID: `${image}@${DIGEST}`, ready: true, restartCount: 2 }],
      },
    });
  const cron = live('CronJob', 'batch/v1', 'nightly', {
    metadata: { name: 'nightly' },
    spec: { jobTemplate: { spec: { template: { spec: podSpec('job', 'busybox') } } } },
  });
  const job = live('Job', 'batch/v1', 'nightly-1', {
    metadata: { name: 'nightly-1', ...owned('CronJob', 'nightly') },
    spec: { template: { spec: podSpec('job', 'busybox') } },
  });
  const bareJob = live('Job', 'batch/v1', 'once', {
    metadata: { name: 'once' },
    spec: { template: { spec: podSpec('job', 'k8s.gcr.io/pause:3') } },
  });
  const lists: Record<WorkloadFacet, { items: K8sLiveObject[] }> = {
    'k8s.cronjobs': { items: [cron] },
    'k8s.daemonsets': { items: [] },
    'k8s.deployments': { items: [deployment] },
    'k8s.jobs': { items: [bareJob, job] },
    'k8s.pods': {
      items: [
        pod('backend-7d9-x', owned('ReplicaSet', 'backend-7d9'), 'gcr.io/p/backend:latest'),
        pod('bare', {}, 'nginx:1.27'),
        pod('nightly-1-y', owned('Job', 'nightly-1'), 'busybox'),
      ],
    },
    'k8s.replicasets': { items: [replicaSet] },
    'k8s.statefulsets': { items: [] },
  };
  return lists;
}

const KINDS = [
  ['container', 'k8s'],
  ['workload', 'k8s'],
  ['image', 'k8s'],
  ['gcr-reference', 'k8s'],
  ['image-platform', 'k8s'],
] as const;

function build(facets: Record<string, unknown>) {
  const read = ((name: string) => facets[name] ?? { items: [] }) as Parameters<typeof viewsOf>[2];
  return KINDS.map(([kind, source]) => viewsOf(kind, source, read, {} as never));
}

describe('live views made per object (prepareLiveObject)', () => {
  it('are the views the builders make of the unprepared objects, for every workload and source', () => {
    const lazily = build(cluster());
    const facets = cluster();
    for (const name of WORKLOAD_FACETS) for (const o of facets[name].items) prepareLiveObject(name, o);
    const prepared = build(facets);
    expect(JSON.parse(JSON.stringify(prepared))).toEqual(JSON.parse(JSON.stringify(lazily)));
    // The views show what the fixture holds: the bare pod's running digest, each top-level workload once.
    const images = prepared[2]!.items as { reference: string; runningDigests: string[] }[];
    expect(images.find((i) => i.reference === 'nginx:1.27')?.runningDigests).toEqual([DIGEST]);
    expect(prepared[1]!.items.map((w) => (w as { name: string }).name)).toEqual(['backend', 'nightly', 'once', 'bare']);
  });

  it('are made when the object is prepared, and the builders hand out those very objects', () => {
    const facets = cluster();
    const deployment = facets['k8s.deployments'].items[0]!;
    prepareLiveObject('k8s.deployments', deployment);
    const made = liveContainerViews(deployment);
    expect(made).toHaveLength(2);
    const containers = build(facets)[0]!.items;
    expect(containers[0]).toBe(made[0]);
    expect(containers[1]).toBe(made[1]);
  });

  it('ignores other facets, and leaves what it cannot make to the builder, which fails where a rule asks', () => {
    const unreadable = live('Deployment', 'apps/v1', 'x', {});
    Object.defineProperty(unreadable.object, 'spec', {
      get() {
        throw new Error('unreadable spec');
      },
    });
    expect(() => prepareLiveObject('k8s.deployments', unreadable)).not.toThrow();
    const facets = { ...cluster(), 'k8s.deployments': { items: [unreadable] } };
    expect(() => build(facets)).toThrow('unreadable spec');
    const secret = live('Secret', 'v1', 's', { metadata: { name: 's' } });
    prepareLiveObject('k8s.secrets', secret);
    expect(viewOf(secret).name).toBe('s');
  });
});
