/** Where editors fetch the configuration schema when the package is not installed beside the config. */
export declare const CONFIG_SCHEMA_URL = "https://raw.githubusercontent.com/coditect-ai/coditect-audit/main/schemas/config-v1.json";
/** What `init` found in the repository. Paths are relative to the scanned directory, forward slashes. */
export interface Detection {
    dockerfiles: string[];
    /** YAML files holding at least one Kubernetes object, with the object count. */
    manifests: {
        file: string;
        objects: number;
    }[];
    terraform: string[];
    tfstate: string[];
    workflows: string[];
    /** The ADR document, relative to the scanned directory. */
    adr?: string;
    /** Namespaces the manifests use, most used first. */
    namespaces: string[];
    /** Google Cloud projects named by Artifact Registry / Container Registry image references, most used first. */
    projects: string[];
    /** Files the collector could not read or parse (counted; the scan reports each one). */
    unreadable: number;
}
export interface InitAnswers {
    project: string;
    environments: string[];
    /** Kubernetes namespace per environment name. */
    namespaces: Record<string, string>;
}
/** Reads the repository with the files collector and summarises what a configuration needs. */
export declare function detectRepository(root: string): Promise<Detection>;
/** One line saying what was found, for the config header and the terminal. */
export declare function describeDetection(d: Detection): string;
export declare function defaultAnswers(d: Detection): InitAnswers;
export interface RenderOptions {
    /** The `$schema` reference written in the yaml-language-server comment. */
    schema?: string;
    /** The ADR path relative to the config file (`adr:`). */
    adrPath?: string;
}
/** The commented configuration. Deterministic: same detection and answers, same text. */
export declare function renderInitConfig(d: Detection, answers: InitAnswers, options?: RenderOptions): string;
/** Input and output of `init`, replaceable in tests. */
export interface InitIO {
    stdin: NodeJS.ReadableStream & {
        isTTY?: boolean;
    };
    stderr: NodeJS.WritableStream;
    env: Record<string, string | undefined>;
}
export interface InitOptions {
    dir?: string;
    config?: string;
    yes?: boolean;
    force?: boolean;
    project?: string;
    environments?: string;
    namespace?: string;
}
/** A person at a terminal: stdin is a TTY, not CI, and `--yes` was not given. */
export declare function shouldPrompt(io: InitIO, yes: boolean | undefined): boolean;
/** Writes the configuration; returns the exit code. Throws `ConfigError` (exit 3) for what the user must fix. */
export declare function runInit(options: InitOptions, io: InitIO): Promise<number>;
//# sourceMappingURL=init.d.ts.map