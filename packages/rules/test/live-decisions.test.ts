/**
 * Live misses of issue 15, decided against ADR-001: cases that need more than the rule's case table
 * (a layer that was not scanned).
 */
import { describe, expect, it } from 'vitest';
import gcpUnmanagedResource from '../src/iac/gcp-unmanaged-resource.js';
import { READ_PROJECT, redisFacet, redisInstance, sqlFacet, sqlInstance } from '../src/util/gcp-cases.js';
import { runCase } from './harness.js';

describe('gcp-unmanaged-resource', () => {
  it('does not call resources unmanaged from missing labels alone when no files layer was scanned', () => {
    const verdicts = runCase(gcpUnmanagedResource, {
      name: 'live only',
      facets: {
        'gcp.sql': sqlFacet(sqlInstance({ settings: { userLabels: {} } })),
        'gcp.redis': redisFacet(redisInstance({ labels: {} })),
        'gcp.kms': { read: READ_PROJECT, keyRings: [] },
        'gcp.artifactregistry': { read: READ_PROJECT, repositories: [] },
        'gcp.gke': { read: READ_PROJECT, clusters: [] },
      },
    });
    expect(verdicts.map((v) => [v.status, v.messageId])).toEqual([['skip', 'layer-not-scanned']]);
    expect(verdicts[0]!.message).toContain('files layer');
  });
});

describe('what the app namespace is, said where nothing in it was found', () => {
  it("a Secret of another namespace is not the app's: the skip names the namespace it looked in", async () => {
    const { default: placeholderSecret } = await import('../src/secrets/k8s.placeholder-secret.js');
    const verdicts = runCase(placeholderSecret, {
      name: 'another namespace',
      files: {
        'k8s/app.yaml':
          'apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\n  namespace: myapp\nstringData:\n  PASSWORD: changeme\n',
      },
    });
    expect(verdicts.every((v) => v.status === 'skip')).toBe(true);
    expect(verdicts.map((v) => v.message).join('\n')).toContain('coditect-staging');
  });
});

describe('k8s.self-managed-datastore', () => {
  it('names a managed choice for MongoDB that exists: Cloud SQL runs no MongoDB', async () => {
    const { default: selfManaged } = await import('../src/workloads/k8s.self-managed-datastore.js');
    const verdicts = runCase(selfManaged, {
      name: 'mongo',
      files: {
        'k8s/mongo.yaml':
          'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: mongo\nspec:\n  template:\n    spec:\n      containers:\n        - name: mongo\n          image: mongo:7.0\n',
      },
    });
    const message = verdicts.find((v) => v.status === 'fail')?.message ?? '';
    expect(message).toContain('Firestore with MongoDB compatibility');
    expect(message).not.toContain('Cloud SQL');
  });
});
