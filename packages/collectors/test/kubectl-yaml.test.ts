/**
 * The files layer reads what kubectl and Docker read (issue 15): each case is a pattern met in public
 * repositories, written here from scratch.
 */
import { describe, expect, it } from 'vitest';
import { collectFilesFromMemory } from '../src/files/memory.js';
import { classifyPath } from '../src/files/discover.js';
import { parseKubernetes } from '../src/files/kubernetes.js';

function parse(file: string, text: string) {
  const result = parseKubernetes(file, text);
  if (!result) throw new Error('expected a manifest');
  return result;
}

describe('YAML as kubectl reads it', () => {
  it('accepts a quoted scalar whose continuation line is not indented past its key (libyaml does)', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  description: "Regions allowed for
  the service, e.g. 'europe-west1'."
  other: "x"
`;
    const { errors, manifest } = parse('policy.yaml', text);
    expect(errors).toEqual([]);
    expect(manifest.objects[0]!.object.data).toEqual({
      description: "Regions allowed for the service, e.g. 'europe-west1'.",
      other: 'x',
    });
    expect(manifest.objects[0]!.positions['/data/other']).toEqual({ line: 8, column: 3 });
  });

  it('still rejects YAML that kubectl rejects too (a sequence item at the wrong column)', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
      ports:
      -   name: http
        port: 80
`;
    expect(parse('bad.yaml', text).errors).toHaveLength(1);
  });

  it('merges `<<` keys and reads YAML 1.1 scalars as go-yaml does; dates and times stay strings', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: web
  annotations:
    released: 2024-01-31
    window: 10:30
spec:
  securityContext: &strict
    runAsNonRoot: yes
  containers:
    - name: web
      image: nginx:1.27
      securityContext:
        <<: *strict
        allowPrivilegeEscalation: off
  volumes:
    - name: cfg
      configMap: { name: cfg, defaultMode: 0644 }
`;
    const { errors, manifest } = parse('pod.yaml', text);
    expect(errors).toEqual([]);
    interface PodShape {
      metadata: { annotations: Record<string, string> };
      spec: {
        containers: { securityContext: Record<string, boolean> }[];
        volumes: { configMap: { defaultMode: number } }[];
      };
    }
    const pod = manifest.objects[0]!.object as unknown as PodShape;
    expect(pod.spec.containers[0].securityContext).toEqual({ runAsNonRoot: true, allowPrivilegeEscalation: false });
    expect(pod.spec.volumes[0].configMap.defaultMode).toBe(420);
    expect(pod.metadata.annotations).toEqual({ released: '2024-01-31', window: '10:30' });
  });

  it('accepts tabs where libyaml does (after a colon, a dash, in flow) and rejects tab indentation, as it does', () => {
    const ok = parse(
      'tabs.yaml',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name:\tcfg\ndata:\n  list:\t[a,\tb]\n',
    );
    expect(ok.errors).toEqual([]);
    expect(ok.manifest.objects[0]!.object.data).toEqual({ list: ['a', 'b'] });
    const bad = parse('tab-indent.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: cfg\n');
    expect(bad.errors).toHaveLength(1);
  });

  it('reads documents separated by `---` and ended by `...`', () => {
    const text = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: a
...
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: b
...
`;
    const { errors, manifest } = parse('sa.yaml', text);
    expect(errors).toEqual([]);
    expect(manifest.objects.map((o) => o.name)).toEqual(['a', 'b']);
  });

  it('judges an object named by generateName under that prefix', () => {
    const text = `apiVersion: batch/v1
kind: Job
metadata:
  generateName: migrate-
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: migrate
          image: app:1.0.0
`;
    expect(parse('job.yaml', text).manifest.objects.map((o) => [o.kind, o.name])).toEqual([['Job', 'migrate-']]);
  });

  it('reads Kubernetes manifests written in JSON, and kind: List items', () => {
    const facets = collectFilesFromMemory({
      'deploy/web.json': JSON.stringify({
        apiVersion: 'v1',
        kind: 'List',
        items: [
          { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'ClusterIP' } },
          { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: {} },
        ],
      }),
      'package.json': '{"name": "web", "version": "1.0.0"}',
      'infra/main.tf.json': '{"resource": {"google_storage_bucket": {"b": {"name": "b"}}}}',
    });
    const k8s = facets['files.kubernetes'];
    if (k8s.status !== 'ok') throw new Error('facet');
    expect(k8s.data.files.flatMap((f) => f.objects.map((o) => `${f.file} ${o.kind}/${o.name}`))).toEqual([
      'deploy/web.json Service/web',
      'deploy/web.json Deployment/web',
    ]);
    expect(k8s.problems).toEqual([]);
  });

  it('lists API server output (kubectl get -o json) as not read, once, instead of judging it', () => {
    const facets = collectFilesFromMemory({
      'recordings/pods.json': JSON.stringify({
        apiVersion: 'v1',
        kind: 'PodList',
        metadata: { resourceVersion: '42' },
        items: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', uid: 'u-1', resourceVersion: '41' } }],
      }),
    });
    const k8s = facets['files.kubernetes'];
    if (k8s.status !== 'ok') throw new Error('facet');
    expect(k8s.data.files).toEqual([]);
    expect(k8s.problems).toMatchObject([{ subject: 'recordings/pods.json', severity: 'notice' }]);
    expect(k8s.problems[0]!.message).toContain('API server output');
  });
});

describe('Dockerfile names docker build -f is given by convention', () => {
  it.each([
    ['Dockerfile', 'dockerfile'],
    ['build/Dockerfile.debug', 'dockerfile'],
    ['build/Dockerfile_arm', 'dockerfile'],
    ['build/Dockerfile-windows', 'dockerfile'],
    ['web.Dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['Dockerfile.md', 'markdown'],
    ['docs/Dockerfile_notes.txt', undefined],
  ])('%s is %s', (path, kind) => {
    expect(classifyPath(path)).toBe(kind);
  });
});
