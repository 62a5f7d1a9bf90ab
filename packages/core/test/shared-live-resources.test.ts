/**
 * The live views give one resource object per live object and per container, shared by the items that show
 * it (workload, gcr-reference and api-object items of a workload; container and image items of a container),
 * rather than a copy per view. Nothing may then write into a verdict's resource: `locateByDeclaration` gives
 * an unlocated verdict a copy with its declaration's file, and leaves the shared object and the other
 * verdicts that hold it as they were.
 */
import { describe, expect, it } from 'vitest';
import { locateByDeclaration } from '../src/declarations.js';
import type { K8sLiveObject } from '../src/index.js';
import type { Location } from '../src/location.js';
import type { Resource } from '../src/verdict.js';
import { gcrReferenceViewOfParts } from '../src/views/gcr-reference.js';
import { liveImagesOfParts } from '../src/views/image.js';
import { liveContainerResource, liveObjectResource } from '../src/views/k8s-live.js';
import { livePartsOf } from '../src/views/live-parts.js';
import { containerViewsOfParts } from '../src/views/workload.js';
import { workloadViewOfParts } from '../src/views/workload-object.js';

function deployment(namespace?: string): K8sLiveObject {
  const object = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    spec: {
      template: {
        spec: {
          containers: [
            { name: 'backend', image: 'gcr.io/p/backend:1' },
            { name: 'proxy', image: 'nginx:1.27' },
          ],
        },
      },
    },
  };
  return namespace === undefined
    ? { apiVersion: 'apps/v1', kind: 'Deployment', name: 'backend', object }
    : { apiVersion: 'apps/v1', kind: 'Deployment', name: 'backend', namespace, object };
}

describe('live view resources', () => {
  for (const namespace of ['coditect-staging', undefined]) {
    it(`are one object per live object and per container, shared by the views (namespace ${namespace ?? 'none'})`, () => {
      const o = deployment(namespace);
      const parts = livePartsOf(o);
      const workload = workloadViewOfParts(parts);
      expect(gcrReferenceViewOfParts(parts).resource).toBe(workload.resource);
      expect(liveObjectResource(o)).toBe(workload.resource);
      expect(workload.resource).toStrictEqual({
        declaredAs: workload.resource.id,
        id: workload.resource.id,
        kind: 'Deployment',
        name: 'backend',
        ...(namespace ? { namespace } : {}),
      });
      const containers = containerViewsOfParts(parts);
      const images = liveImagesOfParts(parts);
      expect(containers.map((c) => c.resource.name)).toEqual(['backend/backend', 'backend/proxy']);
      for (let i = 0; i < containers.length; i++) {
        expect(images[i]!.resource).toBe(containers[i]!.resource);
        expect(images[i]!.container?.label).toBe(containers[i]!.container);
        expect(liveContainerResource(o, containers[i]!.ref)).toBe(containers[i]!.resource);
        // Key order as `liveResource` makes it: the JSON report writes members as they are.
        expect(Object.keys(containers[i]!.resource)).toEqual(
          namespace ? ['declaredAs', 'id', 'kind', 'name', 'namespace'] : ['declaredAs', 'id', 'kind', 'name'],
        );
      }
    });
  }
});

describe('live container attributes', () => {
  function securedDeployment(name: string, runAsUser: number): K8sLiveObject {
    const object = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      spec: {
        template: {
          spec: {
            securityContext: { runAsNonRoot: true },
            containers: [
              {
                name: 'app',
                image: 'nginx:1.27',
                securityContext: { allowPrivilegeEscalation: false, runAsUser, capabilities: { add: ['NET_ADMIN'] } },
              },
            ],
          },
        },
      },
    };
    return { apiVersion: 'apps/v1', kind: 'Deployment', name, namespace: 'ns', object };
  }

  it("name no container (the view's resource does) and are shared by every container read at one place", () => {
    const [a, b] = ['a', 'b'].map(
      (name, i) => containerViewsOfParts(livePartsOf(securedDeployment(name, 1000 + i)))[0]!,
    );
    expect(a!.resource.id).not.toBe(b!.resource.id);
    const pointer = '/spec/template/spec/containers/0';
    // Unset, and a boolean set: one attribute per place, its origin the layer and the pointer.
    expect(a!.privileged).toStrictEqual({
      certainty: 'absent',
      origin: { layer: 'k8s', path: `${pointer}/securityContext/privileged` },
    });
    expect(b!.privileged).toBe(a!.privileged);
    expect(a!.allowPrivilegeEscalation).toStrictEqual({
      certainty: 'decided',
      value: false,
      origin: { layer: 'k8s', path: `${pointer}/securityContext/allowPrivilegeEscalation` },
    });
    expect(b!.allowPrivilegeEscalation).toBe(a!.allowPrivilegeEscalation);
    expect(a!.runAsNonRoot).toStrictEqual({
      certainty: 'decided',
      value: true,
      origin: { layer: 'k8s', path: '/spec/template/spec/securityContext/runAsNonRoot' },
    });
    expect(b!.runAsNonRoot).toBe(a!.runAsNonRoot);
    // Other values are each container's own attribute, with the place's origin.
    expect(a!.runAsUser).toStrictEqual({
      certainty: 'decided',
      value: 1000,
      origin: { layer: 'k8s', path: `${pointer}/securityContext/runAsUser` },
    });
    expect(b!.runAsUser).toMatchObject({ certainty: 'decided', value: 1001 });
    expect(b!.runAsUser.origin).toBe(a!.runAsUser.origin);
    expect(a!.capabilitiesAdded).toMatchObject({ certainty: 'decided', value: ['NET_ADMIN'] });
    expect(b!.capabilitiesAdded).not.toBe(a!.capabilitiesAdded);
    // Shared, so read only.
    for (const shared of [a!.privileged, a!.privileged.origin, a!.allowPrivilegeEscalation, a!.runAsUser.origin])
      expect(Object.isFrozen(shared)).toBe(true);
  });
});

describe('locateByDeclaration', () => {
  const declared: Location = { file: 'k8s/backend.yaml', startLine: 3 };
  const own: Location = { file: 'k8s/other.yaml', startLine: 9 };

  it('gives an unlocated verdict a copy of its resource with the file, leaving the shared resource alone', () => {
    const shared: Resource = {
      declaredAs: 'k8s:Deployment/ns/backend',
      id: 'k8s:Deployment/ns/backend',
      kind: 'Deployment',
      name: 'backend',
      namespace: 'ns',
    };
    const located = { location: own, resource: shared };
    const unlocated: { location?: Location; resource: Resource } = { resource: shared };
    locateByDeclaration([located, unlocated], new Map([['k8s:Deployment/ns/backend', declared]]));
    expect(unlocated.location).toBe(declared);
    expect(unlocated.resource).toStrictEqual({ ...shared, file: 'k8s/backend.yaml' });
    expect(Object.keys(unlocated.resource)).toEqual(['declaredAs', 'id', 'kind', 'name', 'namespace', 'file']);
    expect(shared).not.toHaveProperty('file');
    expect(located.resource).toBe(shared);
  });

  it('keeps a resource that names its file already, and a verdict with nothing declared', () => {
    const withFile: Resource = {
      declaredAs: 'k8s:Deployment/ns/a',
      id: 'a',
      kind: 'Deployment',
      name: 'a',
      file: 'x.yaml',
    };
    const undeclared: Resource = { declaredAs: 'k8s:Deployment/ns/b', id: 'b', kind: 'Deployment', name: 'b' };
    const a: { location?: Location; resource: Resource } = { resource: withFile };
    const b: { location?: Location; resource: Resource } = { resource: undeclared };
    locateByDeclaration([a, b], new Map([['k8s:Deployment/ns/a', declared]]));
    expect(a.resource).toBe(withFile);
    expect(a.resource.file).toBe('x.yaml');
    expect(a.location).toBe(declared);
    expect(b.resource).toBe(undeclared);
    expect(b.location).toBeUndefined();
  });
});
