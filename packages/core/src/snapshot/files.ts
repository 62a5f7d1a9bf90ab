/**
 * The files layer: what the repository declares, parsed once and shared by every rule.
 * Secret values never enter these shapes: the collector classifies them and drops the value, and every
 * other string has passed its secret detector, which leaves `‹redacted:kind›` where a secret was
 * (packages/collectors/src/redact.ts, docs/redaction.md).
 */
import { type Static, Type } from '@sinclair/typebox';
import { lazySchema } from '../lazy-schema.js';
import { InlineIgnoreSchema } from './common.js';

const Line = lazySchema(() => Type.Integer({ minimum: 1 }));
const Col = lazySchema(() => Type.Integer({ minimum: 1 }));

// ---------------------------------------------------------------- image references

/**
 * A container image reference (`[registry/]repository[:tag][@digest]`), parsed once by the collectors
 * (`packages/collectors/src/images.ts`) wherever one is named: a Dockerfile `FROM`, a container of a
 * manifest or of a live workload, an image the registry probe resolved.
 */
export const ImageReferenceSchema = lazySchema(() =>
  Type.Object({
    /** As written, trimmed. */
    raw: Type.String(),
    /** Registry host when the first path part names one (has a `.` or `:`, or is `localhost`). */
    registry: Type.Optional(Type.String()),
    /** Repository path as written, without registry, tag or digest: `python`, `library/python`, `p/app`. */
    repository: Type.String(),
    tag: Type.Optional(Type.String()),
    digest: Type.Optional(Type.String()),
    /**
     * The image a container runtime pulls (`python` → `docker.io` / `library/python` / `latest`); present only
     * when the reference is valid (lower-case path components, a well-formed digest, nothing templated).
     */
    canonical: Type.Optional(
      Type.Object({
        registry: Type.String(),
        repository: Type.String(),
        tag: Type.Optional(Type.String()),
        digest: Type.Optional(Type.String()),
      }),
    ),
  }),
);
export type ImageReference = Static<typeof ImageReferenceSchema>;

/** Parsed image references of an object, by the JSON pointer of the `image` field (`/spec/containers/0/image`). */
export const ImageReferencesSchema = lazySchema(() => Type.Record(Type.String(), ImageReferenceSchema));

// ---------------------------------------------------------------- shell commands

export const SHELL_OPERATORS = ['&&', '||', ';', '|', '&'] as const;
export type ShellOperator = (typeof SHELL_OPERATORS)[number];

/** One simple command of a script: `A=1 sudo docker build .` → argv `docker build .`. */
export const SimpleCommandSchema = lazySchema(() =>
  Type.Object({
    /** The program and its arguments, quotes removed, after assignments and wrappers (`sudo`, `env`, `!`, `if`). */
    argv: Type.Array(Type.String()),
    /** `NAME=value` words written before the program (also those given to `env`). */
    assignments: Type.Record(Type.String(), Type.String()),
    /** The operator that joins it to what follows (`a || b` → `||`). */
    next: Type.Optional(Type.Union(SHELL_OPERATORS.map((o) => Type.Literal(o)))),
    /** The source text after `next` up to the end of the command line, e.g. `exit 1` in `curl -f u || exit 1`. */
    after: Type.String(),
    /** Inside `$( )` or backticks. */
    substituted: Type.Boolean(),
    /** The line of the command it belongs to (its first line for continued commands). */
    line: Line,
  }),
);
export type SimpleCommand = Static<typeof SimpleCommandSchema>;

/** One command line of a script (`a && b; c` is three), and the simple commands it runs. */
export const ShellCommandSchema = lazySchema(() =>
  Type.Object({
    /** The command with continuation lines joined. */
    text: Type.String(),
    /** Its words, quotes removed; operators (`|`, `||`, `>`) are words of their own. */
    argv: Type.Array(Type.String()),
    line: Line,
    /** Its simple commands, those inside `$( )` and backticks last (parsed from the redacted `text`). */
    simple: Type.Array(SimpleCommandSchema),
  }),
);
export type ShellCommand = Static<typeof ShellCommandSchema>;

// ---------------------------------------------------------------- Dockerfile

export const DockerInstructionSchema = lazySchema(() =>
  Type.Object({
    keyword: Type.String({ description: 'upper-case instruction keyword, e.g. RUN' }),
    /** The instruction's arguments after flags, with line continuations joined by a space. */
    args: Type.String(),
    flags: Type.Record(Type.String(), Type.String(), { description: '--from, --chown, --platform ...' }),
    line: Line,
    endLine: Line,
    column: Col,
    /**
     * `RUN`, `CMD` and `ENTRYPOINT`: the commands they run. Shell form is parsed as a script; exec form
     * (`["a", "b"]`) is one command whose argv is the array.
     */
    commands: Type.Optional(Type.Array(ShellCommandSchema)),
  }),
);
export type DockerInstruction = Static<typeof DockerInstructionSchema>;

export const DockerCopySchema = lazySchema(() =>
  Type.Object({
    keyword: Type.Union([Type.Literal('COPY'), Type.Literal('ADD')]),
    from: Type.Optional(Type.String()),
    chown: Type.Optional(Type.String()),
    sources: Type.Array(Type.String()),
    destination: Type.String(),
    line: Line,
    column: Col,
  }),
);
export type DockerCopy = Static<typeof DockerCopySchema>;

export const DockerStageSchema = lazySchema(() =>
  Type.Object({
    index: Type.Integer({ minimum: 0 }),
    name: Type.Optional(Type.String()),
    /** `FROM` image as written. */
    image: Type.String(),
    /** `FROM` image with global `ARG` defaults expanded. */
    resolvedImage: Type.String(),
    /** `resolvedImage` parsed; absent when it is not an image reference (`FROM $BASE` left unexpanded with a space...). */
    imageRef: Type.Optional(ImageReferenceSchema),
    /** Index of the earlier stage this one builds on (`FROM builder`), if any. */
    baseStage: Type.Optional(Type.Integer({ minimum: 0 })),
    platform: Type.Optional(Type.String()),
    line: Line,
    column: Col,
    /** The last `USER` of the stage, if any (users inherit only through `baseStage`). */
    user: Type.Optional(Type.Object({ value: Type.String(), line: Line, column: Col })),
    env: Type.Array(Type.Object({ name: Type.String(), value: Type.String(), line: Line, column: Col })),
    copies: Type.Array(DockerCopySchema),
    instructions: Type.Array(DockerInstructionSchema),
  }),
);
export type DockerStage = Static<typeof DockerStageSchema>;

export const DockerfileSchema = lazySchema(() =>
  Type.Object({
    file: Type.String(),
    stages: Type.Array(DockerStageSchema),
    /** Global `ARG`s declared before the first `FROM`. */
    args: Type.Array(Type.Object({ name: Type.String(), value: Type.Optional(Type.String()), line: Line })),
    ignores: Type.Array(InlineIgnoreSchema),
  }),
);
export type Dockerfile = Static<typeof DockerfileSchema>;

/**
 * An image the repository builds from one of its Dockerfiles, and what in the tree says so: a CI build
 * (`docker build -t <image> -f <Dockerfile>` in a workflow, `docker/build-push-action` with its tags, a Cloud
 * Build `docker build` step), a skaffold artifact, a docker-compose service with `build:` and `image:`, or a
 * kustomize `images:` entry renaming an image built so. A name alone (an image called like a folder) is not
 * evidence: third parties publish images under the same names.
 */
export const ImageBuildSchema = lazySchema(() =>
  Type.Object({
    /**
     * The image reference as the build names it (`ghcr.io/org/app:1.2.3`, `app`). Unexpanded variables only
     * before its last path segment (`gcr.io/$PROJECT_ID/app`); a tag from a variable is left out.
     */
    image: Type.String(),
    /** `image` parsed by the collector; absent when it is not an image reference. */
    imageRef: Type.Optional(ImageReferenceSchema),
    /** The Dockerfile it is built from, repository-relative; one the files layer read. */
    dockerfile: Type.String(),
    via: Type.Union([
      Type.Literal('workflow'),
      Type.Literal('cloudbuild'),
      Type.Literal('skaffold'),
      Type.Literal('compose'),
      Type.Literal('kustomize'),
    ]),
    /** Where the evidence is written. */
    file: Type.String(),
    line: Line,
    /**
     * A workflow build whose image stays on the runner: its job runs it (`docker run`) and neither pushes nor
     * retags it, and the build does not push (a test image).
     */
    local: Type.Optional(Type.Literal(true)),
  }),
);
export type ImageBuild = Static<typeof ImageBuildSchema>;

// ---------------------------------------------------------------- Kubernetes manifests

export const SECRET_VALUE_CLASSES = [
  'empty',
  'placeholder',
  'example-host',
  'superuser-name',
  'invalid-base64',
  'set',
] as const;
export type SecretValueClass = (typeof SECRET_VALUE_CLASSES)[number];

/**
 * One key of a Secret (in a manifest or live): its classification, never its value nor a hash of it.
 * The one schema of a classified key; `SecretKeySchema` adds where a manifest writes it.
 */
export const SecretClassificationSchema = lazySchema(() =>
  Type.Object({
    key: Type.String(),
    class: Type.Union(SECRET_VALUE_CLASSES.map((c) => Type.Literal(c))),
    /**
     * Set only when the value is a well-known public name (`postgres`, `root`, `localhost`...),
     * which is evidence, not a secret.
     */
    publicValue: Type.Optional(Type.String()),
    /**
     * For values that are connection URLs (`postgres://user:pass@host:5432/db?sslmode=require`): the parts
     * that are not secret. The user name is kept only when it is a well-known public name.
     */
    url: Type.Optional(
      Type.Object({
        scheme: Type.String(),
        /** The URL's user name, present only when it is a well-known superuser name (`postgres`, `root`...). */
        user: Type.Optional(Type.String()),
        host: Type.Optional(Type.String()),
        port: Type.Optional(Type.String()),
        database: Type.Optional(Type.String()),
        sslmode: Type.Optional(Type.String()),
      }),
    ),
  }),
);
export type SecretClassification = Static<typeof SecretClassificationSchema>;

/**
 * A connection URL written as a readable value (a ConfigMap value, a literal `env` value, an ExternalSecret
 * template literal), parsed by the collector: its scheme, user, host and sslmode, never its password.
 */
export const ConnectionUrlSchema = lazySchema(() =>
  Type.Object({
    scheme: Type.String({ description: 'lower-case: postgres, postgresql+psycopg, redis...' }),
    /** The user name of the URL (the value is not a secret: a Secret's keys are classified instead). */
    user: Type.Optional(Type.String()),
    /** The host name, without port (`127.0.0.1`, `10.28.0.3`, `db.internal`). */
    host: Type.Optional(Type.String()),
    sslmode: Type.Optional(Type.String()),
  }),
);
export type ConnectionUrl = Static<typeof ConnectionUrlSchema>;

/** Connection URLs among an object's readable values, by JSON pointer of the value (`/data/DATABASE_URL`). */
export const ConnectionUrlsSchema = lazySchema(() => Type.Record(Type.String(), ConnectionUrlSchema));

/** A classified key of a manifest's Secret, with the section and position it is written at. */
export const SecretKeySchema = lazySchema(() =>
  Type.Composite([
    SecretClassificationSchema,
    Type.Object({
      source: Type.Union([Type.Literal('data'), Type.Literal('stringData')]),
      /**
       * Set on a `placeholder` whose whole value is template syntax (`${DB_PASSWORD}`, `{{ .Values.password }}`):
       * a deploy step may put the real value there when it applies the file. Neither the value nor the
       * variable's name is kept.
       */
      templated: Type.Optional(Type.Literal(true)),
      line: Line,
      column: Col,
    }),
  ]),
);
export type SecretKey = Static<typeof SecretKeySchema>;

export const K8sObjectSchema = lazySchema(() =>
  Type.Object({
    file: Type.String(),
    /** 0-based index of the YAML document in the file (items of a `kind: List` share their document's index). */
    documentIndex: Type.Integer({ minimum: 0 }),
    apiVersion: Type.String(),
    kind: Type.String(),
    name: Type.String(),
    namespace: Type.Optional(Type.String()),
    line: Line,
    /**
     * The object as plain JSON. For `Secret`, `data` and `stringData` values are replaced by
     * `"<redacted>"`; read `secretKeys` instead.
     */
    object: Type.Record(Type.String(), Type.Unknown()),
    /**
     * Position of every key, by JSON pointer relative to the object (`/spec/replicas`). `file` when the key is
     * in another file than the object's: a kustomize patch rendered onto its base keeps the base's positions
     * for what the patch inherits.
     */
    positions: Type.Record(
      Type.String(),
      Type.Object({ line: Line, column: Col, file: Type.Optional(Type.String({ minLength: 1 })) }),
    ),
    secretKeys: Type.Optional(Type.Array(SecretKeySchema)),
    /**
     * For a kustomize patch rendered onto its base: the base's file. What the rendered object inherits keeps
     * the base's positions, and a finding there is the base's own (the base is judged as written too).
     */
    patchedBase: Type.Optional(Type.String({ minLength: 1 })),
    /** The images of a workload's containers and init containers, parsed, by pointer of their `image` field. */
    images: Type.Optional(ImageReferencesSchema),
    /**
     * Connection URLs in its readable values (ConfigMap `data`, containers' literal `env` values, ExternalSecret
     * template literals), parsed, by pointer of the value.
     */
    connectionUrls: Type.Optional(ConnectionUrlsSchema),
  }),
);
export type K8sObject = Static<typeof K8sObjectSchema>;

export const K8sManifestFileSchema = lazySchema(() =>
  Type.Object({
    file: Type.String(),
    objects: Type.Array(K8sObjectSchema),
    /** Why the file was not read as manifests (a Helm template). */
    skipped: Type.Optional(Type.String()),
    ignores: Type.Array(InlineIgnoreSchema),
  }),
);
export type K8sManifestFile = Static<typeof K8sManifestFileSchema>;

// ---------------------------------------------------------------- GitHub workflows

/** An action (`uses:` of a step) or a reusable workflow (`uses:` of a job). */
export const WorkflowUsesSchema = lazySchema(() =>
  Type.Object({
    raw: Type.String(),
    /** `owner/repo` for remote actions; absent for local (`./`) and `docker://` actions. */
    repository: Type.Optional(Type.String()),
    ref: Type.Optional(Type.String()),
    kind: Type.Union([Type.Literal('remote'), Type.Literal('local'), Type.Literal('docker')]),
    line: Line,
    column: Col,
  }),
);
export type WorkflowUses = Static<typeof WorkflowUsesSchema>;

export const WorkflowStepSchema = lazySchema(() =>
  Type.Object({
    index: Type.Integer({ minimum: 0 }),
    name: Type.Optional(Type.String()),
    line: Line,
    uses: Type.Optional(WorkflowUsesSchema),
    with: Type.Record(Type.String(), Type.Object({ value: Type.String(), line: Line, column: Col })),
    run: Type.Optional(Type.Object({ script: Type.String(), line: Line, commands: Type.Array(ShellCommandSchema) })),
  }),
);
export type WorkflowStep = Static<typeof WorkflowStepSchema>;

/**
 * `permissions` of the GITHUB_TOKEN: `read-all` / `write-all`, or a scope → level map
 * (`{ "id-token": "write", "contents": "read" }`; `{}` grants nothing).
 */
export const WorkflowPermissionsSchema = lazySchema(() =>
  Type.Union([Type.String(), Type.Record(Type.String(), Type.String())]),
);
export type WorkflowPermissions = Static<typeof WorkflowPermissionsSchema>;

export const WorkflowJobSchema = lazySchema(() =>
  Type.Object({
    id: Type.String(),
    name: Type.Optional(Type.String()),
    line: Line,
    needs: Type.Array(Type.String()),
    /** The job's `permissions` as written; when set it replaces the workflow's. */
    permissions: Type.Optional(WorkflowPermissionsSchema),
    /** A job that calls a reusable workflow (`uses: owner/repo/.github/workflows/x.yml@ref`) has no steps. */
    uses: Type.Optional(WorkflowUsesSchema),
    steps: Type.Array(WorkflowStepSchema),
  }),
);
export type WorkflowJob = Static<typeof WorkflowJobSchema>;

export const WorkflowSchema = lazySchema(() =>
  Type.Object({
    file: Type.String(),
    name: Type.Optional(Type.String()),
    line: Line,
    /** Trigger events (`push`, `workflow_dispatch`...). */
    on: Type.Array(Type.String()),
    /** Branches of the `push` trigger; empty when push has no branch filter. */
    pushBranches: Type.Array(Type.String()),
    /** The workflow's top-level `permissions` as written, the default for jobs that set none. */
    permissions: Type.Optional(WorkflowPermissionsSchema),
    jobs: Type.Array(WorkflowJobSchema),
    ignores: Type.Array(InlineIgnoreSchema),
  }),
);
export type Workflow = Static<typeof WorkflowSchema>;

// ---------------------------------------------------------------- OpenTofu / Terraform

/**
 * An attribute value: JSON literals are evaluated; anything else (references, function calls,
 * interpolations) is kept as `{ expression: "<source text>" }`.
 */
export const TfValueSchema = lazySchema(() => Type.Unknown());
export type TfExpression = { expression: string };

export const TfAttributeSchema = lazySchema(() =>
  Type.Object({
    name: Type.String(),
    /** A literal, or `{ expression }` when the collector could not evaluate it from the repository. */
    value: TfValueSchema,
    line: Line,
    column: Col,
    /** Set when the attribute was merged from an override file (`override.tf`, `*_override.tf`). */
    file: Type.Optional(Type.String()),
    /** Source text of an expression the collector evaluated to `value` (`var.tier`). */
    expression: Type.Optional(Type.String()),
    /** Where the deciding value was written (a variable default, a `.tfvars` line), when not here. */
    origin: Type.Optional(Type.Object({ file: Type.String(), line: Line })),
    /** For an expression left unevaluated: the inputs the repository does not settle (`var.tier`). */
    dependsOn: Type.Optional(Type.Array(Type.String())),
    /** Known in each instance (module call, `for_each`) but not the same: the distinct values. */
    instanceValues: Type.Optional(Type.Array(Type.Unknown())),
  }),
);
export type TfAttribute = Static<typeof TfAttributeSchema>;

export interface TfBlock {
  /** Block type: `resource`, `data`, `module`, or a nested block name such as `settings`. */
  type: string;
  /** Set when the block was merged from an override file (`override.tf`, `*_override.tf`). */
  file?: string;
  labels: string[];
  line: number;
  column: number;
  endLine: number;
  attributes: Record<string, TfAttribute>;
  blocks: TfBlock[];
}
export const TfBlockSchema = lazySchema(() =>
  Type.Recursive(
    (Self) =>
      Type.Object({
        type: Type.String(),
        file: Type.Optional(Type.String()),
        labels: Type.Array(Type.String()),
        line: Line,
        column: Col,
        endLine: Line,
        attributes: Type.Record(Type.String(), TfAttributeSchema),
        blocks: Type.Array(Self),
      }),
    { $id: 'TfBlock' },
  ),
);

export const TfFileSchema = lazySchema(() =>
  Type.Object({
    file: Type.String(),
    blocks: Type.Array(TfBlockSchema),
    ignores: Type.Array(InlineIgnoreSchema),
  }),
);
export type TfFile = { file: string; blocks: TfBlock[]; ignores: Static<typeof InlineIgnoreSchema>[] };

/** A `.tfstate` (format version 4), reduced to resource identities: no attribute that could hold a secret. */
export const TfStateSchema = lazySchema(() =>
  Type.Object({
    file: Type.String(),
    version: Type.Integer(),
    terraformVersion: Type.Optional(Type.String()),
    resources: Type.Array(
      Type.Object({
        mode: Type.String(),
        type: Type.String(),
        name: Type.String(),
        module: Type.Optional(Type.String()),
        /** `module.x.google_sql_database_instance.main` style address. */
        address: Type.String(),
        instances: Type.Array(
          Type.Object({
            indexKey: Type.Optional(Type.Union([Type.String(), Type.Number()])),
            /** Identity attributes only: id, name, project, location, region, self_link... */
            identity: Type.Record(Type.String(), Type.String()),
          }),
        ),
      }),
    ),
  }),
);
export type TfState = Static<typeof TfStateSchema>;

// ---------------------------------------------------------------- Markdown documents

/** Host/path references (`gcr.io/p/img:tag`, `us-docker.pkg.dev/...`) found in Markdown prose and code. */
export const MarkdownFileSchema = lazySchema(() =>
  Type.Object({
    file: Type.String(),
    references: Type.Array(Type.Object({ text: Type.String(), line: Line, column: Col })),
    ignores: Type.Array(InlineIgnoreSchema),
  }),
);
export type MarkdownFile = Static<typeof MarkdownFileSchema>;

/**
 * A Cloud Build config and the registry references (`host/path[:tag]`) its strings hold, wherever they are: a
 * step's builder (`name`), arguments, environment or script, `images:`, substitutions. `path` says where
 * (`steps[1].args[3]`); `line`/`column` where the reference itself starts.
 */
export const CloudBuildReferencesSchema = lazySchema(() =>
  Type.Object({
    file: Type.String(),
    references: Type.Array(
      Type.Object({ text: Type.String(), line: Line, column: Type.Integer({ minimum: 1 }), path: Type.String() }),
    ),
  }),
);
export type CloudBuildReferences = Static<typeof CloudBuildReferencesSchema>;

/** An image name a deploy tool replaces with the image it built (see `files.kubernetes` `deployPinned`). */
export const DeployPinnedSchema = lazySchema(() =>
  Type.Object({
    image: Type.String(),
    tool: Type.Union([Type.Literal('Skaffold'), Type.Literal('Cloud Deploy')]),
    file: Type.String(),
    line: Line,
  }),
);
export type DeployPinned = Static<typeof DeployPinnedSchema>;

// ---------------------------------------------------------------- facet data

export const FilesFacetSchemas = {
  'files.dockerfile': lazySchema(() =>
    Type.Object({
      files: Type.Array(DockerfileSchema),
      /** Images the repository builds from these Dockerfiles, with the evidence (see ImageBuildSchema). */
      builds: Type.Optional(Type.Array(ImageBuildSchema)),
      /**
       * Dockerfiles that a GitHub Docker container action of the repository runs (`action.yml`: `runs.using:
       * docker`, `runs.image` a Dockerfile of the repository); `line` is the first line of its `runs:` mapping.
       */
      dockerActions: Type.Optional(
        Type.Array(Type.Object({ dockerfile: Type.String(), file: Type.String(), line: Line })),
      ),
    }),
  ),
  'files.kubernetes': lazySchema(() =>
    Type.Object({
      files: Type.Array(K8sManifestFileSchema),
      /**
       * Image names a deploy tool replaces in the manifests with the image it built, by digest: Skaffold's
       * `build.artifacts[].image`, the names of `gcloud deploy releases create --images=name=ref` (Cloud Deploy).
       * Where each is named (`file`, `line`), and by which tool.
       */
      deployPinned: Type.Optional(Type.Array(DeployPinnedSchema)),
    }),
  ),
  'files.workflows': lazySchema(() =>
    Type.Object({
      files: Type.Array(WorkflowSchema),
      /**
       * Cloud Build configs (`cloudbuild*.yaml`) with a step that builds an image (a `docker build` step, or
       * Kaniko's executor): CI that runs on Cloud Build triggers, set in the project rather than the repository.
       * The first such step's line each.
       */
      cloudBuild: Type.Optional(Type.Array(Type.Object({ file: Type.String(), line: Line }))),
      /** Every Cloud Build config (`cloudbuild*.yaml`) and the image references it names (see CloudBuildReferences). */
      cloudBuildReferences: Type.Optional(Type.Array(CloudBuildReferencesSchema)),
    }),
  ),
  'files.terraform': lazySchema(() =>
    Type.Object({
      files: Type.Array(TfFileSchema),
      /** `.tfvars` files read for variable values (root modules). */
      varFiles: Type.Optional(Type.Array(Type.String())),
      /** Paths not read, with why (vendored `.terraform/` directories). */
      skipped: Type.Optional(Type.Array(Type.Object({ path: Type.String(), reason: Type.String() }))),
    }),
  ),
  'files.tfstate': lazySchema(() => Type.Object({ files: Type.Array(TfStateSchema) })),
  'files.markdown': lazySchema(() => Type.Object({ files: Type.Array(MarkdownFileSchema) })),
} as const;

export interface FilesFacets {
  'files.dockerfile': {
    files: Dockerfile[];
    builds?: ImageBuild[];
    dockerActions?: { dockerfile: string; file: string; line: number }[];
  };
  'files.kubernetes': { files: K8sManifestFile[]; deployPinned?: DeployPinned[] };
  'files.workflows': {
    files: Workflow[];
    cloudBuild?: { file: string; line: number }[];
    cloudBuildReferences?: CloudBuildReferences[];
  };
  'files.terraform': { files: TfFile[]; varFiles?: string[]; skipped?: { path: string; reason: string }[] };
  'files.tfstate': { files: TfState[] };
  'files.markdown': { files: MarkdownFile[] };
}
