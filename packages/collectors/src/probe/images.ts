/**
 * Which images to resolve: the configured list, or the images the workloads run, from the repository's
 * manifests and/or the live pods of the app namespace. Image references are normalised the way
 * container runtimes read them (`python` → `docker.io/library/python:latest`).
 */
import type { ImageUse, K8sObject, Problem } from '@coditect-audit/core';
import { collectFiles } from '../files/collect.js';
import { containerImages, parseImageReference } from '../images.js';
import { listPodImages } from './kube.js';
import { firstLine, type Redactor } from './util.js';

/** What the probe pulls: the reference as written and the image a container runtime reads it as. */
export interface ImageRef {
  /** As written. */
  reference: string;
  /** Registry host, `docker.io` when the reference names none. */
  registry: string;
  /** Repository path in the registry (`library/python` on Docker Hub). */
  repository: string;
  tag?: string;
  digest?: string;
}

/** The image to pull for a reference; undefined when it is not a valid one (a template, a malformed name). */
export function pullReference(raw: string): ImageRef | undefined {
  const ref = parseImageReference(raw);
  return ref?.canonical ? { reference: ref.raw, ...ref.canonical } : undefined;
}

function manifestUses(objects: K8sObject[]): { image: string; use: ImageUse }[] {
  const out: { image: string; use: ImageUse }[] = [];
  for (const o of objects) {
    for (const { pointer, image } of containerImages(o.kind, o.object)) {
      const pos = o.positions[pointer];
      const name = (valueAt(o.object, pointer.replace(/\/image$/, '')) as { name?: unknown }).name;
      out.push({
        image,
        use: {
          source: 'manifest',
          file: pos?.file ?? o.file,
          line: pos?.line ?? o.line,
          ...(pos ? { column: pos.column } : {}),
          kind: o.kind,
          ...(o.namespace ? { namespace: o.namespace } : {}),
          name: o.name,
          ...(typeof name === 'string' ? { container: name } : {}),
        },
      });
    }
  }
  return out;
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur = root;
  for (const key of pointer.split('/').slice(1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

export interface ImageTarget {
  ref: ImageRef;
  usedBy: ImageUse[];
}

/** The images to resolve, each once, with every place that uses it. */
export async function imageTargets(options: {
  root: string;
  images?: string[];
  imagesFrom?: ('manifests' | 'cluster')[];
  namespace: string;
  kube: { kubeconfig?: string; context?: string };
  timeoutMs: number;
  redactor: Redactor;
}): Promise<{ targets: ImageTarget[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const found: { image: string; use: ImageUse }[] = [];
  if (options.images) {
    for (const image of options.images) found.push({ image, use: { source: 'config' } });
  } else {
    const from = options.imagesFrom ?? ['manifests'];
    if (from.includes('manifests')) {
      const facets = await collectFiles({ root: options.root });
      const k8s = facets['files.kubernetes'];
      if (k8s.status === 'ok') found.push(...manifestUses(k8s.data.files.flatMap((f) => f.objects)));
    }
    if (from.includes('cluster')) {
      try {
        for (const p of await listPodImages({ ...options.kube, timeoutMs: options.timeoutMs }, options.namespace)) {
          found.push({
            image: p.image,
            use: {
              source: 'cluster',
              kind: p.owner?.kind ?? 'Pod',
              namespace: options.namespace,
              name: p.owner?.name ?? p.pod,
              container: p.container,
            },
          });
        }
      } catch (e) {
        const forbidden = (e as { code?: unknown }).code === 403;
        problems.push({
          subject: `list pods in namespace ${options.namespace}`,
          message: `the pods could not be listed (${forbidden ? 'forbidden' : firstLine(options.redactor.scrub((e as Error).message))})`,
          fix: forbidden
            ? `grant the scanning identity "list" on pods in namespace ${options.namespace} (RBAC verb list, resource pods), or list the images in layers.probe.registry.images`
            : 'check the kubeconfig and context (--kubeconfig, --context) and that the API server is reachable',
        });
      }
    }
  }
  const byRef = new Map<string, ImageTarget>();
  for (const { image, use } of found) {
    const ref = pullReference(image);
    if (!ref) {
      problems.push({
        subject: `image ${image}`,
        message: 'is not an image reference the probe can resolve (a template or a malformed name)',
        fix: 'list the resolved image in layers.probe.registry.images',
      });
      continue;
    }
    const key = ref.reference;
    const target = byRef.get(key) ?? { ref, usedBy: [] };
    // The same pod from a manifest and the cluster, or two replicas of it, is one use.
    if (!target.usedBy.some((u) => JSON.stringify(u) === JSON.stringify(use))) target.usedBy.push(use);
    byRef.set(key, target);
  }
  return { targets: [...byRef.values()].sort((a, b) => a.ref.reference.localeCompare(b.ref.reference)), problems };
}
