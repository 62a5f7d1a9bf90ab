/**
 * Shared reading of GitHub workflows: step identities for resource ids, the `run` scripts' commands (parsed
 * by the collector), and recognisers for image builds, pushes, deploys and the actions that do them.
 */
import type {
  Location,
  Resource,
  ShellCommand,
  ShellOperator,
  SimpleCommand,
  Workflow,
  WorkflowJob,
  WorkflowPermissions,
  WorkflowStep,
} from '@coditect-audit/core';

// ---------------------------------------------------------------- identities

/**
 * A step's identity without its index (indexes shift when a step is added): its name, else the action it
 * uses (without the ref, so re-pinning keeps the id), else the program of its first command.
 */
export function stepLabel(step: WorkflowStep): string {
  if (step.name?.trim()) return step.name.trim();
  if (step.uses) return actionIdentity(step.uses.raw);
  const first = step.run?.commands.flatMap((c) => c.simple)[0];
  return first?.argv[0] ? `run:${first.argv[0]}` : 'run';
}

export function workflowResource(wf: Workflow): Resource {
  return { id: wf.file, kind: 'Workflow', name: wf.name ?? wf.file, file: wf.file };
}

export function jobResource(wf: Workflow, job: WorkflowJob): Resource {
  return { id: `${wf.file}#job:${job.id}`, kind: 'WorkflowJob', name: job.id, file: wf.file };
}

export function stepResource(wf: Workflow, job: WorkflowJob, step: WorkflowStep): Resource {
  const label = stepLabel(step);
  return { id: `${wf.file}#job:${job.id}/step:${label}`, kind: 'WorkflowStep', name: label, file: wf.file };
}

/** `uses:` without its `@ref`: `owner/repo[/path]`, `./local/path` or `docker://image`. */
export function actionIdentity(raw: string): string {
  if (raw.startsWith('docker://')) return raw.replace(/@sha256:[0-9a-f]+$/i, '').replace(/:[^/:@]+$/, '');
  const at = raw.lastIndexOf('@');
  return at > 0 ? raw.slice(0, at) : raw;
}

/** The `owner/repo` a remote action comes from, lower-cased (GitHub names are case-insensitive). */
export function actionRepository(step: WorkflowStep): string | undefined {
  const uses = step.uses;
  if (uses?.kind !== 'remote') return undefined;
  const path = uses.repository ?? actionIdentity(uses.raw);
  return path.split('/').slice(0, 2).join('/').toLowerCase();
}

/** The action path without ref (`owner/repo/sub/path`), lower-cased. */
export function actionPath(step: WorkflowStep): string | undefined {
  const uses = step.uses;
  if (uses?.kind !== 'remote') return undefined;
  return actionIdentity(uses.raw).toLowerCase();
}

export function withValue(step: WorkflowStep, key: string): string | undefined {
  return step.with[key]?.value;
}

export function withLocation(wf: Workflow, step: WorkflowStep, key: string): Location | undefined {
  const entry = step.with[key];
  return entry ? { file: wf.file, startLine: entry.line, startColumn: entry.column } : undefined;
}

export function usesLocation(wf: Workflow, step: WorkflowStep): Location {
  return step.uses
    ? { file: wf.file, startLine: step.uses.line, startColumn: step.uses.column }
    : { file: wf.file, startLine: step.line };
}

export function stepLocation(wf: Workflow, step: WorkflowStep): Location {
  return { file: wf.file, startLine: step.line };
}

/** A value GitHub or the shell fills in at run time (`${{ matrix.platform }}`, `$PLATFORM`). */
export function isDynamic(value: string): boolean {
  return value.includes('${{') || /\$(?:\{|[A-Za-z_])/.test(value);
}

// ---------------------------------------------------------------- shell commands (parsed by the collector)

export type { ShellOperator, SimpleCommand };

/** The simple commands of one script command, including those inside command substitutions. */
export function simpleCommands(command: ShellCommand): SimpleCommand[] {
  return command.simple;
}

/** Every simple command of a step's `run` script, in order. */
export function stepCommands(step: WorkflowStep): SimpleCommand[] {
  return (step.run?.commands ?? []).flatMap((c) => c.simple);
}

// ---------------------------------------------------------------- command options

/** Values of an option: `--platform x`, `--platform=x`, and for one-letter options `-t x`, `-tx`. */
export function optionValues(argv: readonly string[], names: readonly string[]): string[] {
  const values: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    for (const name of names) {
      if (w === name && argv[i + 1] !== undefined) values.push(argv[i + 1] as string);
      else if (w.startsWith(`${name}=`)) values.push(w.slice(name.length + 1));
      else if (/^-[a-zA-Z]$/.test(name) && w.startsWith(name) && w.length > 2 && !w.startsWith('--'))
        values.push(w.slice(2));
    }
  }
  return values;
}

export function hasFlag(argv: readonly string[], names: readonly string[]): boolean {
  return argv.some((w) => names.includes(w) || names.some((n) => n.startsWith('--') && w.startsWith(`${n}=`)));
}

/** Words that are not options, skipping the values of the listed value-taking options. */
function positionals(argv: readonly string[], valueOptions: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i] as string;
    if (w.startsWith('-')) {
      if (valueOptions.has(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

// ---------------------------------------------------------------- image builds

export type BuildTool =
  | 'docker build'
  | 'docker buildx build'
  | 'docker image build'
  | 'podman build'
  | 'buildah build'
  | 'nerdctl build';

export interface ImageBuild {
  tool: BuildTool;
  /** Every `--platform` value as written (comma lists kept whole). */
  platforms: string[];
  tags: string[];
  /** `--push`, or an output that goes to a registry. */
  push: boolean;
  /** `DOCKER_DEFAULT_PLATFORM` given on the command line (`DOCKER_DEFAULT_PLATFORM=linux/amd64 docker build`). */
  defaultPlatform?: string;
}

/** An image build (`docker build`, `docker buildx build`, `podman build` ...), read from its options. */
export function imageBuild(cmd: SimpleCommand): ImageBuild | undefined {
  const tool = buildTool(cmd.argv);
  if (!tool) return undefined;
  const args = cmd.argv.slice(tool.split(' ').length);
  const outputs = optionValues(args, ['-o', '--output']);
  const push =
    hasFlag(args, ['--push']) || outputs.some((o) => /(?:^|,)type=registry(?:,|$)/.test(o) || /push=true/.test(o));
  const defaultPlatform = cmd.assignments.DOCKER_DEFAULT_PLATFORM;
  return {
    tool,
    platforms: optionValues(args, ['--platform']),
    tags: optionValues(args, ['-t', '--tag']),
    push,
    ...(defaultPlatform !== undefined ? { defaultPlatform } : {}),
  };
}

function buildTool(argv: readonly string[]): BuildTool | undefined {
  const [program, ...rest] = argv;
  const sub = positionals(rest, new Set(['-H', '--host', '-c', '--context', '--config', '-l', '--log-level']));
  if (program === 'docker') {
    if (sub[0] === 'build') return 'docker build';
    if (sub[0] === 'buildx' && (sub[1] === 'build' || sub[1] === 'b')) return 'docker buildx build';
    if ((sub[0] === 'image' || sub[0] === 'builder') && sub[1] === 'build') return 'docker image build';
    return undefined;
  }
  if (program === 'podman' && (sub[0] === 'build' || (sub[0] === 'buildx' && sub[1] === 'build')))
    return 'podman build';
  if (program === 'buildah' && (sub[0] === 'build' || sub[0] === 'bud')) return 'buildah build';
  if (program === 'nerdctl' && sub[0] === 'build') return 'nerdctl build';
  return undefined;
}

/** `gcloud [beta] builds submit`: Cloud Build builds on its own linux/amd64 workers and pushes the image. */
export function isCloudBuildSubmit(cmd: SimpleCommand): boolean {
  const sub = gcloudCommand(cmd.argv);
  return sub[0] === 'builds' && sub[1] === 'submit';
}

/**
 * A Cloud Run deploy from source (`gcloud run deploy --source DIR`): Cloud Build builds the image (from the
 * directory's Dockerfile, or with buildpacks), pushes it to Artifact Registry, and the service runs it.
 */
export function isSourceDeployCommand(cmd: SimpleCommand): boolean {
  const g = gcloudCommand(cmd.argv);
  return (
    g[0] === 'run' &&
    g[1] === 'deploy' &&
    cmd.argv.some((a) => a === '--source' || (a.startsWith('--source=') && a.length > '--source='.length))
  );
}

/** `google-github-actions/deploy-cloudrun` given a `source` to deploy: a source deploy, as above. */
export function isSourceDeployAction(step: WorkflowStep): boolean {
  return actionRepository(step) === 'google-github-actions/deploy-cloudrun' && !!withValue(step, 'source')?.trim();
}

/** `docker/build-push-action`, the official Docker action that builds (and optionally pushes) an image. */
export function isBuildPushAction(step: WorkflowStep): boolean {
  return actionRepository(step) === 'docker/build-push-action';
}

/**
 * Whether a build-push-action step pushes: `push: true`, or an expression (`${{ github.event_name != 'pull_request' }}`)
 * that may well be true, or registry outputs.
 */
export function buildPushActionPushes(step: WorkflowStep): boolean {
  const push = withValue(step, 'push')?.trim();
  if (push && (push === 'true' || push.includes('${{'))) return true;
  const outputs = withValue(step, 'outputs') ?? '';
  return /type=registry|push=true/.test(outputs);
}

/** The platform list of a value such as `linux/amd64,linux/arm64` or a YAML block of one platform per line. */
export function splitPlatforms(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The tags of a docker/build-push-action `tags` input: one per line or comma-separated. */
export function splitTags(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** `amd64` → `linux/amd64`, `linux/x86_64` → `linux/amd64`, `linux/amd64/v2` → `linux/amd64`. */
export function normalizePlatform(platform: string): string {
  const parts = platform.toLowerCase().split('/');
  const [os, arch] = parts.length === 1 ? ['linux', parts[0]] : [parts[0], parts[1]];
  const aliases: Record<string, string> = { x86_64: 'amd64', 'x86-64': 'amd64', aarch64: 'arm64' };
  return `${os}/${aliases[arch ?? ''] ?? arch}`;
}

/** Expected platforms missing from a written platform list (comma lists and repeated options). */
export function missingPlatforms(written: readonly string[], expected: readonly string[]): string[] {
  const have = new Set(written.flatMap(splitPlatforms).map(normalizePlatform));
  return expected.filter((p) => !have.has(normalizePlatform(p)));
}

// ---------------------------------------------------------------- pushes and deploys

/** `docker push`, `podman push`, `buildah push`: an image leaves the runner for a registry. */
export function isImagePush(cmd: SimpleCommand): boolean {
  const [program, sub] = cmd.argv;
  return (
    (program === 'docker' || program === 'podman' || program === 'buildah' || program === 'nerdctl') &&
    (sub === 'push' || (sub === 'image' && cmd.argv[2] === 'push'))
  );
}

/** The image references a command pushes or retags (`docker push X`, `docker tag X Y`): X. */
export function imagesPushedOrRetagged(cmd: SimpleCommand): string[] {
  const [program, sub, ...rest] = cmd.argv;
  if (program !== 'docker' && program !== 'podman') return [];
  if (sub === 'push' || sub === 'tag') return positionals(rest, new Set()).slice(0, 1);
  return [];
}

const KUBECTL_VALUE_OPTIONS = new Set([
  '-n',
  '--namespace',
  '--context',
  '--kubeconfig',
  '--cluster',
  '--user',
  '-s',
  '--server',
  '--token',
  '--as',
]);
const HELM_VALUE_OPTIONS = new Set(['-n', '--namespace', '--kube-context', '--kubeconfig']);
/** helmfile's global options that take a value (`helmfile -e prod apply`). */
const HELMFILE_VALUE_OPTIONS = new Set([
  '-e',
  '--environment',
  '-f',
  '--file',
  '-n',
  '--namespace',
  '-l',
  '--selector',
  '--kube-context',
  '--state-values-set',
  '--state-values-file',
  '--log-level',
  '-b',
  '--helm-binary',
]);
/** helmfile's commands that install or upgrade the releases it lists. */
const HELMFILE_DEPLOYS = new Set(['apply', 'sync', 'deploy']);
const GCLOUD_VALUE_OPTIONS = new Set([
  '--project',
  '--account',
  '--configuration',
  '--impersonate-service-account',
  '--verbosity',
  '--format',
]);

function gcloudCommand(argv: readonly string[]): string[] {
  if (argv[0] !== 'gcloud') return [];
  return positionals(argv.slice(1), GCLOUD_VALUE_OPTIONS).filter((w) => w !== 'alpha' && w !== 'beta');
}

/**
 * A command that changes what runs: `kubectl apply|set image|replace|rollout restart`, `helm upgrade|install`,
 * `helmfile apply|sync|deploy`, `gcloud run deploy`, `gcloud app|functions deploy`, `gcloud deploy releases create`, `skaffold run|deploy`.
 * `kubectl rollout status` only waits, so it is not one.
 */
export function deployCommand(cmd: SimpleCommand): string | undefined {
  const [program, ...rest] = cmd.argv;
  if (program === 'kubectl') {
    const sub = positionals(rest, KUBECTL_VALUE_OPTIONS);
    if (sub[0] === 'apply' || sub[0] === 'replace') return `kubectl ${sub[0]}`;
    if (sub[0] === 'set' && sub[1] === 'image') return 'kubectl set image';
    if (sub[0] === 'rollout' && sub[1] === 'restart') return 'kubectl rollout restart';
    return undefined;
  }
  if (program === 'helm') {
    const sub = positionals(rest, HELM_VALUE_OPTIONS);
    return sub[0] === 'upgrade' || sub[0] === 'install' ? `helm ${sub[0]}` : undefined;
  }
  if (program === 'helmfile') {
    const sub = positionals(rest, HELMFILE_VALUE_OPTIONS)[0];
    return sub !== undefined && HELMFILE_DEPLOYS.has(sub) ? `helmfile ${sub}` : undefined;
  }
  if (program === 'skaffold') return rest[0] === 'run' || rest[0] === 'deploy' ? `skaffold ${rest[0]}` : undefined;
  const g = gcloudCommand(cmd.argv);
  if ((g[0] === 'run' || g[0] === 'app' || g[0] === 'functions') && g[1] === 'deploy') return `gcloud ${g[0]} deploy`;
  if (g[0] === 'run' && g[1] === 'services' && g[2] === 'replace') return 'gcloud run services replace';
  if (g[0] === 'deploy' && g[1] === 'releases' && g[2] === 'create') return 'gcloud deploy releases create';
  return undefined;
}

/** Actions that start a Kubernetes cluster on the runner, for the job's tests. */
const RUNNER_CLUSTER_ACTIONS = new Set([
  'helm/kind-action',
  'container-tools/kind-action',
  'engineerd/setup-kind',
  'medyagh/setup-minikube',
  'manusa/actions-setup-minikube',
  'AbsaOSS/k3d-action',
  'nolar/setup-k3d-k3s',
]);

/**
 * Whether a job starts a throwaway Kubernetes cluster on its runner (kind, minikube, k3d): what it installs
 * there is a test of the chart or manifests, not a deploy to an environment.
 */
export function startsRunnerCluster(job: { steps: readonly WorkflowStep[] }): boolean {
  return job.steps.some((step) => {
    const repo = actionRepository(step);
    if (repo && RUNNER_CLUSTER_ACTIONS.has(repo)) return true;
    return stepCommands(step).some(
      ({ argv: [program, a, b] }) =>
        (program === 'kind' && a === 'create' && b === 'cluster') ||
        (program === 'minikube' && a === 'start') ||
        (program === 'k3d' && a === 'cluster' && b === 'create') ||
        (program === 'ctlptl' && a === 'create' && b === 'cluster'),
    );
  });
}

/** Deploy actions: `google-github-actions/deploy-*` (Cloud Run, App Engine, Cloud Functions) and `*\/k8s-deploy`. */
export function isDeployAction(step: WorkflowStep): boolean {
  const repo = actionRepository(step);
  if (!repo) return false;
  const [owner, name] = repo.split('/');
  return (owner === 'google-github-actions' && (name?.startsWith('deploy-') ?? false)) || name === 'k8s-deploy';
}

// ---------------------------------------------------------------- triggers and permissions

/** A GitHub branch filter pattern (`main`, `release/**`, `!wip/*`) as a regular expression. */
function branchPattern(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '.';
    else if (c === '+' && i > 0) re += '+';
    else if (c === '[') {
      const close = pattern.indexOf(']', i);
      if (close < 0) re += '\\[';
      else {
        re += pattern.slice(i, close + 1);
        i = close;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Whether a push to `branch` triggers the workflow (no branch filter matches every branch; `!` patterns exclude). */
export function pushTriggers(wf: Workflow, branch: string): boolean {
  if (!wf.on.includes('push')) return false;
  if (wf.pushBranches.length === 0) return true;
  let matched = false;
  for (const p of wf.pushBranches) {
    if (p.startsWith('!')) {
      if (branchPattern(p.slice(1)).test(branch)) matched = false;
    } else if (branchPattern(p).test(branch)) matched = true;
  }
  return matched;
}

/** The job's effective `permissions`: its own, else the workflow's, else undefined (the repository default). */
export function effectivePermissions(wf: Workflow, job: WorkflowJob): WorkflowPermissions | undefined {
  return job.permissions ?? wf.permissions;
}

/** Whether the GITHUB_TOKEN may request an OIDC token: `id-token: write` or `write-all`. The default never may. */
export function grantsIdToken(permissions: WorkflowPermissions | undefined): boolean {
  if (permissions === undefined) return false;
  if (typeof permissions === 'string') return permissions.trim() === 'write-all';
  return permissions['id-token']?.trim() === 'write';
}

/** The workflow of this repository that a job calls (`uses: ./.github/workflows/deploy.yml`), if any. */
export function calledWorkflow(all: readonly Workflow[], job: WorkflowJob): Workflow | undefined {
  if (job.uses?.kind !== 'local') return undefined;
  const path = job.uses.raw.replace(/^\.\//, '').replace(/@.*$/, '');
  return all.find((wf) => wf.file === path);
}

/** Jobs of this repository that call `wf` as a reusable workflow. */
export function callersOf(all: readonly Workflow[], wf: Workflow): { workflow: Workflow; job: WorkflowJob }[] {
  return all.flatMap((w) => w.jobs.filter((j) => calledWorkflow(all, j) === wf).map((j) => ({ workflow: w, job: j })));
}

/** Jobs that run after `job`: those that need it, directly or through other jobs. */
export function downstreamJobs(wf: Workflow, job: WorkflowJob): WorkflowJob[] {
  const after = new Set<string>([job.id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const j of wf.jobs) {
      if (!after.has(j.id) && j.needs.some((n) => after.has(n))) {
        after.add(j.id);
        grew = true;
      }
    }
  }
  return wf.jobs.filter((j) => j.id !== job.id && after.has(j.id));
}
