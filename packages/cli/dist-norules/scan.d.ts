import { type Config, type EnvironmentConfig, type FailOn, type Layer, type LogLevel, type Rule, type ScanResult, type Snapshot, type Expectations, type ShardSpec, type TargetSpec } from '@coditect-audit/core';
export interface ScanOptions {
    /** Directory to scan; default the current directory. */
    dir?: string;
    /** Config file; default `<dir>/coditect-audit.yaml` when it exists. Without one, the files are scanned alone. */
    config?: string;
    env?: string;
    /** Replay a snapshot written by `collect` instead of collecting. */
    snapshot?: string;
    failOn?: FailOn;
    allowIncomplete?: boolean;
    /** Undecided checks gate like findings; default the environment's `strict`, else false. */
    strict?: boolean;
    baseline?: string;
    /** Extra paths (absolute or relative to dir) the files layer must not read, e.g. the report folder. */
    excludePaths?: string[];
    /** Record start and finish times in the result (reports are otherwise timestamp-free). */
    timestamps?: boolean;
    /** YYYY-MM-DD for suppression expiry; default today (UTC). */
    today?: string;
    /** Kubernetes context and kubeconfig, overriding the config (`--context`, `--kubeconfig`). */
    k8sContext?: string;
    kubeconfig?: string;
    /** Progress messages for humans (the binary prints them on stderr when it is a TTY). */
    progress?: (message: string) => void;
    /** Diagnostics (`--verbose` / `--debug`), on stderr; collectors never pass a secret to it. */
    log?: (level: LogLevel, message: string) => void;
    /** Run only these of the configured layers (`--layers files,k8s`); the others are reported as not selected. */
    layers?: Layer[];
    /**
     * Rule packs from the trusted side (`--plugin`, repeatable): npm package names or paths relative to the
     * current directory. Loaded whatever the configuration's trust.
     */
    plugins?: string[];
    /**
     * Trust the configuration file inside the scanned directory as if it were outside it (`--trust-repo-config`):
     * its plugins load and its credentials are used. Never for pull requests from forks (docs/security.md).
     */
    trustRepoConfig?: boolean;
    /** Given the snapshot the scan judged (collected, or read from `snapshot`), e.g. to keep it (`--upload`). */
    onSnapshot?: (snapshot: Snapshot) => void;
    /** `collect --shard i/n`: collect only this slice of the fleet (projects, clusters, servers). */
    shard?: ShardSpec;
    /** Replay several snapshots (the shards of one fleet), merged; `snapshot` is then ignored. */
    snapshots?: string[];
    /** Gate only on these fleet targets (`--fail-on-target`); default the config's `gate.targets`, else all. */
    failOnTargets?: string[];
    /** Every pass as a full verdict in the result's `verdicts` (`--include-passes`); default compact (`passes`). */
    includePasses?: boolean;
}
export interface PreparedScan {
    root: string;
    configFile?: string;
    /** Directory of the config file: paths in it are relative to it. */
    configDir?: string;
    configText?: string;
    config?: Config;
    environment: string;
    envConfig: EnvironmentConfig;
    rules: Rule[];
    /**
     * Whether the configuration came from the trusted side: outside the scanned directory (by real path), or
     * inside it with `--trust-repo-config`. `true` without a configuration file.
     */
    configTrusted: boolean;
    /** The fleet's targets (probe kinds given as lists, `layers.k8s.contexts`), in canonical order. */
    targets: TargetSpec[];
}
/** Loads configuration and rules; throws `ConfigError` for anything the user must fix. */
export declare function prepare(options: ScanOptions): Promise<PreparedScan>;
/** Collects the snapshot of the configured layers. Each layer's collector is imported only when used. */
export declare function collectSnapshot(prep: Omit<PreparedScan, 'rules'>, options?: ScanOptions): Promise<Snapshot>;
/** A live layer's overall deadline unless `layers.<layer>.deadlineSeconds` says otherwise. */
export declare const LAYER_DEADLINE_SECONDS = 120;
/** The promise's value, or undefined when it has not settled by `ms` (it is left to settle unobserved). */
export declare function withinDeadline<T>(ms: number, work: Promise<T>): Promise<T | undefined>;
/** The expectations of the fleet targets that have their own, by name. */
export declare function fleetExpectations(prep: PreparedScan): Record<string, Expectations> | undefined;
/**
 * Reads a snapshot written by `collect`, validated against the snapshot schema. A version-1 snapshot
 * (coditect-audit 0.1.0) is brought to the current version first: the collectors derive the parsed parts
 * its facets predate from the (redacted) text they hold. Another version is refused by name.
 */
export declare function readSnapshot(path: string): Promise<Snapshot>;
/** `coditect-audit merge`: the shards of one `collect --shard i/n` run, as one snapshot. */
export declare function merge(paths: string[]): Promise<Snapshot>;
export declare function collect(options?: ScanOptions): Promise<Snapshot>;
/**
 * When the snapshot was collected: the clock, or SOURCE_DATE_EPOCH (seconds) when set, the
 * reproducible-builds convention, so the shards of a fleet and a single run can be judged as of one instant.
 */
export declare function collectionInstant(env?: NodeJS.ProcessEnv): string;
export declare function scan(options?: ScanOptions): Promise<ScanResult>;
//# sourceMappingURL=scan.d.ts.map