/**
 * The live items (sanitize.ts) are built member by member on objects with room for their members
 * (`plainObjectMaker`): they must stay plain objects with the members, and the key order, the snapshot and
 * the reports write. Metadata without labels or annotations shares one empty record, which nothing may write.
 */
import { describe, expect, it } from 'vitest';
import { K8S_RESOURCE_TYPES } from '../src/k8s/resources.js';
import { liveConfigMap, liveObject, liveSecret } from '../src/k8s/sanitize.js';

const typeOf = (kind: string) => K8S_RESOURCE_TYPES.find((t) => t.kind === kind)!;

describe('live items', () => {
  it('are plain objects with their members in the order written, whatever was made before them', () => {
    const made = [
      // Fewer members first (no namespace, no status, no owner), then the most a pod gets.
      liveObject(typeOf('Node'), 'v1', { metadata: { name: 'x' } }),
      liveObject(typeOf('Pod'), 'v1', {
        metadata: {
          name: 'web-1',
          namespace: 'prod',
          uid: 'u-1',
          generation: 2,
          creationTimestamp: '2026-01-01T00:00:00Z',
          labels: { app: 'web' },
          annotations: { note: 'n' },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', controller: true }],
        },
        spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
        status: { phase: 'Running' },
      }),
    ];
    const pod = made[1]!;
    expect(pod).toStrictEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      name: 'web-1',
      namespace: 'prod',
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'web-1',
          namespace: 'prod',
          uid: 'u-1',
          generation: 2,
          creationTimestamp: '2026-01-01T00:00:00Z',
          labels: { app: 'web' },
          annotations: { note: 'n' },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', controller: true }],
        },
        spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] },
        status: { phase: 'Running' },
      },
    });
    expect(Object.keys(pod)).toEqual(['apiVersion', 'kind', 'name', 'namespace', 'object']);
    expect(Object.keys(pod.object)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    expect(Object.keys(pod.object.metadata as object)).toEqual([
      'name',
      'namespace',
      'uid',
      'generation',
      'creationTimestamp',
      'labels',
      'annotations',
      'ownerReferences',
    ]);
    for (const o of [pod, pod.object, pod.object.metadata as object]) {
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect(o.constructor).toBe(Object);
    }
  });

  it('give a Secret and a ConfigMap their own members after the common ones', () => {
    const secret = liveSecret(typeOf('Secret'), 'v1', {
      metadata: { name: 's', namespace: 'prod' },
      type: 'Opaque',
      data: { token: Buffer.from('not-a-real-one').toString('base64') },
    });
    expect(Object.keys(secret)).toEqual(['apiVersion', 'kind', 'name', 'namespace', 'object', 'secretType', 'keys']);
    expect(Object.keys(secret.object)).toEqual(['apiVersion', 'kind', 'metadata', 'type']);
    const configMap = liveConfigMap(typeOf('ConfigMap'), 'v1', { metadata: { name: 'c', namespace: 'prod' } });
    expect(Object.keys(configMap)).toEqual(['apiVersion', 'kind', 'name', 'namespace', 'object', 'keys', 'binaryKeys']);
  });

  it('share one frozen empty record for absent labels and annotations', () => {
    const a = liveObject(typeOf('Service'), 'v1', { metadata: { name: 'a', namespace: 'prod' } });
    const b = liveObject(typeOf('Service'), 'v1', { metadata: { name: 'b', namespace: 'prod' } });
    const ma = a.object.metadata as { labels: object; annotations: object };
    const mb = b.object.metadata as { labels: object; annotations: object };
    expect(ma.labels).toStrictEqual({});
    expect(ma.annotations).toBe(ma.labels);
    expect(mb.labels).toBe(ma.labels);
    expect(Object.isFrozen(ma.labels)).toBe(true);
  });
});
