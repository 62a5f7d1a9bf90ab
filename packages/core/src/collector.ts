/**
 * The contract between the binary and a layer's collector module (`@coditect-audit/collectors/<layer>`).
 * A collector does all the I/O of its layer, read-only, and returns facets: plain, redacted data.
 * What it could not read goes into the facets' problems (or an `error` facet), never silently away.
 */
import type { Expectations } from './config.js';
import type { Snapshot } from './snapshot/index.js';
import type { LayerState } from './snapshot/index.js';

export interface CollectContext<C> {
  /** Absolute path of the scanned repository. */
  root: string;
  environment: string;
  expectations: Expectations;
  /** The layer's block from the configuration (`environments.<env>.layers.<layer>`). */
  config: C;
  /** Command-line overrides (e.g. `--context` for Kubernetes). */
  overrides: { k8sContext?: string; kubeconfig?: string };
  /** Progress for humans, on stderr; never a report stream. */
  progress(message: string): void;
}

export interface CollectResult {
  facets: Snapshot['facets'];
  state: LayerState;
}

export interface LayerCollectorModule<C> {
  collect(ctx: CollectContext<C>): Promise<CollectResult>;
}
