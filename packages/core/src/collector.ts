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
  /** Directory of the config file: paths the config gives (a CA file) are relative to it; default `root`. */
  configDir?: string;
  /** `collect --shard i/n`: the layer reads only its slice of what it would read (Google Cloud projects). */
  shard?: { index: number; count: number };
  environment: string;
  expectations: Expectations;
  /** The layer's block from the configuration (`environments.<env>.layers.<layer>`). */
  config: C;
  /** Command-line overrides (e.g. `--context` for Kubernetes). */
  overrides: { k8sContext?: string; kubeconfig?: string };
  /** Progress for humans, on stderr; never a report stream. */
  progress(message: string): void;
  /**
   * Diagnostics for `--verbose` (info) and `--debug` (debug: every API call with method, resource, status,
   * duration and retries), on stderr. Messages never carry a secret value, a token or a header.
   */
  log?: (level: LogLevel, message: string) => void;
  /**
   * Where a collector may put each facet as soon as it is complete. When the layer's deadline passes, the
   * facets found here are kept and only the others become errors (docs/security.md, "Bounded").
   */
  partial?: Snapshot['facets'];
  /**
   * Told (by the collectors that can tell) once the layer's first requests are on their way, so that the
   * scan does what can wait (loading its rules) while they are answered rather than before they are sent.
   */
  requestsSent?: () => void;
  /**
   * Told of each live object the collector has finished (redacted as its facet will hold it, and never changed
   * after), with its facet's name, while later answers are awaited: the scan judges what depends on that object
   * alone then (`ItemJudgements`). Called in the collector's slices of work; it must be quick and never throw.
   */
  objectFinished?: (facet: string, object: unknown) => void;
}

export type LogLevel = 'info' | 'debug';

export interface CollectResult {
  facets: Snapshot['facets'];
  state: LayerState;
  /** Google Cloud: the projects read (after folders and organisations were listed, and sharding). */
  projects?: string[];
}

export interface LayerCollectorModule<C> {
  collect(ctx: CollectContext<C>): Promise<CollectResult>;
}

/**
 * One finding of `coditect-audit doctor`: whether a layer can be scanned, check by check. `fail` means the
 * scan would not see something; `fix` then says exactly what to do.
 */
export interface LayerCheck {
  kind: 'credentials' | 'apis' | 'permissions' | 'reachable';
  status: 'ok' | 'fail' | 'skip';
  /** What was checked: `Application Default Credentials`, `list secrets in coditect-staging`. */
  subject: string;
  message: string;
  fix?: string;
}

/** What a layer's module offers `doctor`: read-only checks of credentials, APIs, permissions, reachability. */
export interface LayerDoctorModule<C> {
  diagnose(ctx: CollectContext<C>): Promise<LayerCheck[]>;
}
