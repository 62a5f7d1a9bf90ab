/**
 * Where the credentials come from, without loading the Kubernetes client: the kubeconfig files in the
 * order kubectl reads them, and whether any of them offers a context. Also the whole-layer results
 * (`not scanned`, `failed`) the collector returns before or instead of reading anything.
 */
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join, resolve } from 'node:path';
import type { CollectResult, FacetName, K8sFacets, Problem, Snapshot } from '@coditect-audit/core';
import { parse } from 'yaml';
import { K8S_RESOURCE_TYPES } from './resources.js';

export interface KubeconfigSource {
  /** Directory relative kubeconfig paths are resolved against (the scanned repository). */
  root: string;
  kubeconfig?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

export type KubeconfigFiles =
  | { how: 'flag'; files: [string] }
  | { how: 'KUBECONFIG'; files: string[] }
  | { how: 'default'; files: [string] }
  | { how: 'none'; files: [] };

/** `--kubeconfig` / `layers.k8s.kubeconfig`, else every file of `KUBECONFIG`, else `~/.kube/config` if it exists. */
export function kubeconfigFiles(o: KubeconfigSource): KubeconfigFiles {
  const env = o.env ?? process.env;
  if (o.kubeconfig)
    return { how: 'flag', files: [isAbsolute(o.kubeconfig) ? o.kubeconfig : resolve(o.root, o.kubeconfig)] };
  if (env.KUBECONFIG) return { how: 'KUBECONFIG', files: env.KUBECONFIG.split(delimiter).filter(Boolean) };
  const home = join(o.home ?? homedir(), '.kube', 'config');
  return existsSync(home) ? { how: 'default', files: [home] } : { how: 'none', files: [] };
}

/** Whether one of the kubeconfig files (those that exist and parse) defines the context. */
export function offersContext(o: KubeconfigSource, context: string): boolean {
  return kubeconfigFiles(o).files.some((file) => {
    if (!existsSync(file)) return false;
    try {
      const doc = parse(readFileSync(file, 'utf8')) as { contexts?: { name?: unknown }[] } | null;
      return Array.isArray(doc?.contexts) && doc.contexts.some((c) => c?.name === context);
    } catch {
      return false;
    }
  });
}

export function skipReason(context: string): string {
  return `no kubeconfig offers context ${context} (layers.k8s.skipWithoutContext): the cluster was not read`;
}

/** Every facet of the layer, sorted. */
export const K8S_FACETS = [
  ...new Set(K8S_RESOURCE_TYPES.map((t) => t.facet)),
  'k8s.apis',
].sort() as (keyof K8sFacets)[];

/** Deliberately not read: every facet is `absent` with the reason, so every k8s rule is skipped saying why. */
export function notScanned(reason: string): CollectResult {
  const facets: Snapshot['facets'] = {};
  for (const name of K8S_FACETS) (facets as Record<FacetName, unknown>)[name] = { status: 'absent', reason };
  return { facets, state: { status: 'not-configured', reason } };
}

/** Nothing could be read: every facet is an `error` with the same problem, so every k8s rule says why. */
export function failed(problem: Problem): CollectResult {
  const facets: Snapshot['facets'] = {};
  for (const name of K8S_FACETS)
    (facets as Record<FacetName, unknown>)[name] = { status: 'error', problems: [problem] };
  return { facets, state: { status: 'failed', reason: `${problem.subject}: ${problem.message}` } };
}
