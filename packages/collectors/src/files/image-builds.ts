/**
 * The image → Dockerfile join of the files layer: which images this repository builds, from which of its
 * Dockerfiles, and what in the tree says so (`ImageBuild`, on the `files.dockerfile` facet). Rules use it
 * to judge a workload's image by the Dockerfile it is built from (its final stage's USER) instead of
 * guessing. Only explicit build declarations count; a name that matches a folder does not.
 *
 * Read as the tools read them, never run: `docker build` in workflow `run:` steps and
 * `docker/build-push-action` (tags, or the images of a `docker/metadata-action` step of the same job that
 * feeds them); Cloud Build `docker build` steps (`cloudbuild*.yaml`, with the step's `dir`); skaffold
 * `build.artifacts` (and its profiles'); docker-compose services with both `build:` and `image:`; and
 * kustomize `images:` entries that rename an image built so (`name` → `newName`).
 */
import { posix } from 'node:path';
import type { DeployPinned, ImageBuild, Workflow } from '@coditect-audit/core';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node } from 'yaml';
import { scriptCommands } from './shell.js';
import { overYamlBudget } from './yaml-nodes.js';

export interface YamlSource {
  path: string;
  text: string;
}

/** `dir/../x` → `x`; undefined when the path leaves the repository. */
export function repoPath(...parts: string[]): string | undefined {
  const joined = posix.normalize(posix.join(...parts.filter((p) => p !== '')));
  if (joined === '..' || joined.startsWith('../') || posix.isAbsolute(joined)) return undefined;
  return joined === '.' ? '' : joined.replace(/\/$/, '');
}

const SKAFFOLD = /(?:^|\/)skaffold[^/]*\.ya?ml$/i;
const COMPOSE = /(?:^|\/)(?:docker-)?compose[^/]*\.ya?ml$/i;
export const KUSTOMIZATION = /(?:^|\/)(?:kustomization\.ya?ml|Kustomization)$/;

/** A Cloud Build config by its name: `cloudbuild.yaml`, `cloudbuild-prod.yaml`, and `server.cloudbuild.yaml` too. */
export const CLOUDBUILD_CONFIG = /(?:^|\/)(?:[^/]*[.-])?cloudbuild[^/]*\.ya?ml$/i;

/** A top-level `steps:` key: the one cheap sign that a YAML file named otherwise may be a Cloud Build config. */
const TOP_LEVEL_STEPS = /^steps:/m;

/**
 * Whether a YAML file may hold a Cloud Build config: named like one (`cloudbuild.yaml`, `deploy.cloudbuild.yaml`),
 * or with a top-level `steps:` (a pipeline's `deployment/build-and-stage.yaml`); the document itself decides the
 * second case (`isCloudBuildDocument`).
 */
export function mayBeCloudBuild(source: YamlSource): { byName: boolean } | undefined {
  // Asked by each of the three readers of Cloud Build configs: looked at once per file.
  let seen = cloudBuildSeen.get(source);
  if (seen === undefined) {
    seen = CLOUDBUILD_CONFIG.test(source.path)
      ? { byName: true }
      : TOP_LEVEL_STEPS.test(source.text)
        ? { byName: false }
        : null;
    cloudBuildSeen.set(source, seen);
  }
  return seen ?? undefined;
}
const cloudBuildSeen = new WeakMap<YamlSource, { byName: boolean } | null>();

/**
 * A Cloud Build config by its contents: `steps` a list of steps, each naming its builder image (`name`), one at
 * least running something (`args`, `entrypoint` or `script`); not a Kubernetes object nor a GitHub workflow.
 */
export function isCloudBuildDocument(value: unknown): boolean {
  if (!isRecord(value) || 'apiVersion' in value || 'kind' in value || 'jobs' in value) return false;
  const steps = value.steps;
  if (!Array.isArray(steps) || steps.length === 0) return false;
  return (
    steps.every((step) => isRecord(step) && typeof step.name === 'string') &&
    steps.some((step) => isRecord(step) && ('args' in step || 'entrypoint' in step || 'script' in step))
  );
}
/** Cloud Build's Docker builder (`gcr.io/cloud-builders/docker`, `docker`, with or without a tag). */
const DOCKER_BUILDER = /(?:^|\/)docker(?::[\w.-]+)?$/;

/** A Cloud Build step's builder image and its string arguments. */
function cloudBuildStep(step: Record<string, unknown>): { builder: string; args: string[] } {
  return {
    builder: typeof step.name === 'string' ? step.name : '',
    args: arrayOf(step.args).filter((a): a is string => typeof a === 'string'),
  };
}

/**
 * The Cloud Build configs that build an image, with their first building step's line: a step of the Docker
 * builder (`gcr.io/cloud-builders/docker`, `docker`) whose arguments build (`build`, `buildx build`), of the
 * buildpacks CLI (`gcr.io/k8s-skaffold/pack`, `buildpacksio/pack`) whose arguments build, or Kaniko's executor.
 * Whatever the image is named: Cloud Build's `$PROJECT_ID`, `$SHORT_SHA` are the rule there.
 */
export function cloudBuildConfigs(yamlSources: readonly YamlSource[]): { file: string; line: number }[] {
  const out: { file: string; line: number }[] = [];
  for (const source of yamlSources) {
    const { path } = source;
    const config = mayBeCloudBuild(source);
    if (!config) continue;
    let line: number | undefined;
    for (const { value, lineOf } of documentsOf(source)) {
      if (!isRecord(value) || (!config.byName && !isCloudBuildDocument(value))) continue;
      for (const step of arrayOf(value.steps)) {
        if (!isRecord(step) || line !== undefined) continue;
        const { builder, args } = cloudBuildStep(step);
        const docker = DOCKER_BUILDER.test(builder);
        const pack = /(?:^|\/)pack(?::[\w.-]+)?$/.test(builder);
        if (
          (docker && (args[0] === 'build' || (args[0] === 'buildx' && args[1] === 'build'))) ||
          (pack && args[0] === 'build') ||
          /(?:^|\/)kaniko-project\/executor(?::[\w.-]+)?$/.test(builder)
        )
          line = lineOf(step);
      }
    }
    if (line !== undefined) out.push({ file: path, line });
  }
  return out;
}

/** A GitHub Action's metadata file: `action.yml` or `action.yaml`, at the root of the action's folder. */
const ACTION_METADATA = /(?:^|\/)action\.ya?ml$/;

/**
 * The repository's Dockerfiles that a GitHub Docker container action runs: an `action.yml` whose `runs.using` is
 * `docker` and whose `runs.image` names a Dockerfile of the repository, relative to the action's folder (GitHub's
 * metadata syntax; an image from a registry, `docker://…`, is not one of ours). The `image:` line each.
 */
export function dockerActions(
  yamlSources: readonly YamlSource[],
  dockerfiles: ReadonlySet<string>,
): { dockerfile: string; file: string; line: number }[] {
  const out: { dockerfile: string; file: string; line: number }[] = [];
  for (const { path, text } of yamlSources) {
    if (!ACTION_METADATA.test(path)) continue;
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    for (const { value, lineOf } of yamlDocuments(text)) {
      const runs = isRecord(value) ? value.runs : undefined;
      if (!isRecord(runs) || runs.using !== 'docker' || typeof runs.image !== 'string') continue;
      const image = runs.image.trim();
      if (image.startsWith('docker://')) continue;
      const dockerfile = repoPath(dir, image);
      if (dockerfile !== undefined && dockerfiles.has(dockerfile))
        out.push({ dockerfile, file: path, line: lineOf(runs) });
    }
  }
  return out;
}

/** Every image the repository builds from one of `dockerfiles`, with its evidence. */
export function imageBuilds(
  workflows: readonly Workflow[],
  yamlSources: readonly YamlSource[],
  dockerfiles: ReadonlySet<string>,
): ImageBuild[] {
  const out: ImageBuild[] = [];
  const add = (
    image: string,
    dockerfile: string | undefined,
    via: ImageBuild['via'],
    file: string,
    line: number,
    local = false,
  ) => {
    const name = image.trim();
    // An image named by a variable (`$IMAGE:${TAG}` is fine for the tag, not for the name) is not evidence. A
    // variable for the project or registry before a literal name is (`gcr.io/$PROJECT_ID/app`, as Cloud Build
    // substitutes it): the join matches it to an image written with the same variable.
    const repo = name.split('@')[0]!.replace(/:[^/]*$/, '');
    const lastSegment = repo.slice(repo.lastIndexOf('/') + 1);
    const withoutVariables = repo.replace(/\$\{\w+\}|\$\w+/g, '');
    if (!name || !dockerfile || !dockerfiles.has(dockerfile)) return;
    if (/[$%{}\s]/.test(lastSegment) || /[$%{}\s]/.test(withoutVariables)) return;
    // A tag from a variable (`:\${{ github.sha }}`) is kept as the repository alone.
    const kept = name === repo || /[$%{}\s]/.test(name) ? repo : name;
    out.push({ image: kept, dockerfile, via, file, line, ...(local ? { local: true as const } : {}) });
  };

  for (const wf of workflows) {
    for (const job of wf.jobs) {
      const metadataImages = job.steps
        .filter((s) => s.uses?.repository === 'docker/metadata-action')
        .flatMap((s) => splitList(s.with.images?.value ?? '').map((i) => i.split(',')[0]!.trim()));
      const onRunner = imagesOnRunner(job.steps.flatMap((s) => (s.run?.commands ?? []).flatMap((c) => c.simple)));
      for (const step of job.steps) {
        for (const cmd of step.run?.commands ?? []) {
          const build = dockerBuildArgs(cmd.argv);
          if (!build) continue;
          const dockerfile = build.file ? repoPath(build.file) : repoPath(build.context, 'Dockerfile');
          // Built to be run on the runner (tests) and neither pushed nor retagged in its job: it stays there.
          const local =
            !build.push &&
            build.tags.length > 0 &&
            build.tags.every((t) => onRunner.run.has(t) && !onRunner.pushed.has(t));
          for (const tag of build.tags) add(tag, dockerfile, 'workflow', wf.file, cmd.line, local);
        }
        if (step.uses?.repository === 'docker/build-push-action') {
          const context = step.with.context?.value.trim() || '.';
          const file = step.with.file?.value.trim();
          // The action reads `file` relative to the workspace, as `docker build -f` does.
          const dockerfile = context.includes('${{')
            ? undefined
            : file
              ? repoPath(file)
              : repoPath(context, 'Dockerfile');
          const tags = step.with.tags;
          if (!tags) continue;
          const written = splitList(tags.value);
          const images = written.some((t) => /steps\.[\w-]+\.outputs\.tags/.test(t)) ? metadataImages : written;
          for (const image of images) add(image, dockerfile, 'workflow', wf.file, tags.line);
        }
      }
    }
  }

  const renames: { name: string; newName: string; file: string; line: number }[] = [];
  for (const source of yamlSources) {
    const { path } = source;
    const cloudBuild = mayBeCloudBuild(source);
    const isCloudBuild = cloudBuild !== undefined;
    const isSkaffold = SKAFFOLD.test(path);
    const isCompose = COMPOSE.test(path);
    const isKustomization = KUSTOMIZATION.test(path);
    if (!isCloudBuild && !isSkaffold && !isCompose && !isKustomization) continue;
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    for (const { value, lineOf } of documentsOf(source)) {
      if (!isRecord(value)) continue;
      if (cloudBuild && (cloudBuild.byName || isCloudBuildDocument(value))) {
        for (const step of arrayOf(value.steps)) {
          if (!isRecord(step)) continue;
          const { builder, args } = cloudBuildStep(step);
          if (!DOCKER_BUILDER.test(builder)) continue;
          const build = dockerBuildArgs(['docker', ...args]);
          if (!build) continue;
          // Cloud Build runs each step in /workspace/<dir>; `-f` and the context are relative to it.
          const cwd = typeof step.dir === 'string' ? (repoPath(step.dir) ?? undefined) : '';
          if (cwd === undefined) continue;
          const dockerfile = build.file ? repoPath(cwd, build.file) : repoPath(cwd, build.context, 'Dockerfile');
          for (const tag of build.tags) add(tag, dockerfile, 'cloudbuild', path, lineOf(step));
        }
      }
      if (isSkaffold) {
        const builds = [value.build, ...arrayOf(value.profiles).map((p) => (isRecord(p) ? p.build : undefined))];
        for (const build of builds) {
          if (!isRecord(build)) continue;
          for (const artifact of arrayOf(build.artifacts)) {
            if (!isRecord(artifact) || typeof artifact.image !== 'string') continue;
            const context = typeof artifact.context === 'string' ? artifact.context : '.';
            const docker = isRecord(artifact.docker) ? artifact.docker : {};
            const file = typeof docker.dockerfile === 'string' ? docker.dockerfile : 'Dockerfile';
            add(artifact.image, repoPath(dir, context, file), 'skaffold', path, lineOf(artifact));
          }
        }
      }
      if (isCompose && isRecord(value.services)) {
        for (const service of Object.values(value.services)) {
          if (!isRecord(service) || typeof service.image !== 'string' || service.build === undefined) continue;
          const build = service.build;
          const context =
            typeof build === 'string'
              ? build
              : isRecord(build) && typeof build.context === 'string'
                ? build.context
                : '.';
          const file = isRecord(build) && typeof build.dockerfile === 'string' ? build.dockerfile : 'Dockerfile';
          add(service.image, repoPath(dir, context, file), 'compose', path, lineOf(service));
        }
      }
      if (isKustomization) {
        for (const entry of arrayOf(value.images)) {
          if (!isRecord(entry) || typeof entry.name !== 'string' || typeof entry.newName !== 'string') continue;
          renames.push({ name: entry.name, newName: entry.newName, file: path, line: lineOf(entry) });
        }
      }
    }
  }

  // kustomize rewrites `name` to `newName` in the workloads it renders: `name` is the built image too.
  for (const r of renames) {
    const key = imageRepository(r.newName);
    const built = out.find((b) => imageRepository(b.image) === key);
    if (built) add(r.name, built.dockerfile, 'kustomize', r.file, r.line);
  }
  return out;
}

/** `registry/repository` without tag or digest; a bare name is Docker Hub's (`app` → `docker.io/library/app`). */
export function imageRepository(image: string): string {
  let rest = image.trim().split('@')[0]!;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) rest = rest.slice(0, colon);
  const first = rest.split('/')[0]!;
  if (rest.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return rest;
  return `docker.io/${rest.includes('/') ? rest : `library/${rest}`}`;
}

/** The tags, `-f` file and context of a `docker build` / `docker buildx build` / `podman build` argv. */
export function dockerBuildArgs(
  argv: readonly string[],
): { tags: string[]; file?: string; context: string; push: boolean } | undefined {
  const [program, ...rest] = argv;
  if (program !== 'docker' && program !== 'podman') return undefined;
  let i = 0;
  if (rest[0] === 'buildx' || rest[0] === 'image') i = 1;
  if (rest[i] !== 'build') return undefined;
  const tags: string[] = [];
  const positionals: string[] = [];
  let file: string | undefined;
  let push = false;
  const VALUE_OPTIONS = new Set([
    '--build-arg',
    '--platform',
    '--target',
    '--label',
    '--cache-from',
    '--cache-to',
    '-o',
    '--output',
    '--secret',
    '--ssh',
    '--builder',
    '--network',
    '--progress',
    '--iidfile',
    '--metadata-file',
    '--build-context',
    '--add-host',
    '--shm-size',
    '--ulimit',
    '--attest',
    '--annotation',
    '--provenance',
    '--sbom',
  ]);
  for (let j = i + 1; j < rest.length; j++) {
    const w = rest[j]!;
    const value = (names: string[]): string | undefined => {
      for (const n of names) {
        if (w === n) return rest[++j];
        if (n.startsWith('--') && w.startsWith(`${n}=`)) return w.slice(n.length + 1);
      }
      return undefined;
    };
    const tag = value(['-t', '--tag']);
    if (tag !== undefined) {
      tags.push(tag);
      continue;
    }
    const f = value(['-f', '--file']);
    if (f !== undefined) {
      file = f;
      continue;
    }
    const output = value(['-o', '--output']);
    if (output !== undefined) {
      if (/(?:^|,)type=registry(?:,|$)|push=true/.test(output)) push = true;
      continue;
    }
    if (w === '--push') push = true;
    if (w.startsWith('-')) {
      if (VALUE_OPTIONS.has(w)) j++;
      continue;
    }
    positionals.push(w);
  }
  const context = positionals[positionals.length - 1];
  // A context from a variable or a URL / stdin is not a folder of this repository.
  if (!context || /[$]|:\/\/|^-$/.test(context)) return undefined;
  if (file !== undefined && /[$]/.test(file)) return undefined;
  return { tags, ...(file !== undefined ? { file } : {}), context, push };
}

/**
 * What a job does with the images on its runner: `pushed` (`docker push X`, `docker image push X`, and the source
 * of `docker tag X Y`, which a later push may send under another name) and `run` (every word of a `docker run`,
 * among them its image: only a build's tag as written is looked up in it).
 */
function imagesOnRunner(commands: readonly { argv: readonly string[] }[]): { pushed: Set<string>; run: Set<string> } {
  const pushed = new Set<string>();
  const run = new Set<string>();
  for (const { argv } of commands) {
    const [tool, a, b] = argv;
    if (tool !== 'docker' && tool !== 'podman') continue;
    const words = argv.filter((w, i) => i > 0 && !w.startsWith('-'));
    if (a === 'push' || (a === 'image' && b === 'push'))
      for (const w of words.slice(a === 'push' ? 1 : 2)) pushed.add(w);
    else if (a === 'tag' || (a === 'image' && b === 'tag')) {
      const source = words[a === 'tag' ? 1 : 2];
      if (source) pushed.add(source);
    } else if (a === 'run' || (a === 'container' && b === 'run'))
      for (const w of argv.slice(a === 'run' ? 2 : 3)) run.add(w);
  }
  return { pushed, run };
}

function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** A YAML document as plain values, with each object's line, and the parsed node and line counter behind it. */
export interface YamlDocument {
  value: unknown;
  lineOf: (v: unknown) => number;
  contents: Node;
  lineCounter: LineCounter;
}

/**
 * A source's documents (`yamlDocuments`), parsed once for every reader of it across files (Cloud Build configs
 * are read for builds, for references and for deploys).
 */
export function documentsOf(source: YamlSource): YamlDocument[] {
  let docs = parsedSources.get(source);
  if (!docs) {
    docs = yamlDocuments(source.text);
    parsedSources.set(source, docs);
  }
  return docs;
}
const parsedSources = new WeakMap<YamlSource, YamlDocument[]>();

export function yamlDocuments(text: string): YamlDocument[] {
  // The same parse budget as manifests: a hostile file is not composed at all.
  if (overYamlBudget(text) !== undefined) return [];
  const lineCounter = new LineCounter();
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text, { lineCounter, uniqueKeys: false, logLevel: 'error' });
  } catch {
    return [];
  }
  if (!Array.isArray(docs)) return [];
  const out: YamlDocument[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0 || !doc.contents) continue;
    // Plain values for reading, with each object's node kept for its line.
    const nodes = new Map<unknown, Node>();
    const toPlain = (node: unknown): unknown => {
      if (isMap(node)) {
        const obj: Record<string, unknown> = {};
        nodes.set(obj, node);
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
          if (key !== undefined) obj[key] = toPlain(pair.value);
        }
        return obj;
      }
      if (isSeq(node)) return node.items.map(toPlain);
      if (isScalar(node)) return node.value;
      return undefined;
    };
    const value = toPlain(doc.contents);
    out.push({
      value,
      lineOf: (v) => {
        const range = nodes.get(v)?.range;
        return range ? lineCounter.linePos(range[0]).line : 1;
      },
      contents: doc.contents as Node,
      lineCounter,
    });
  }
  return out;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function arrayOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/**
 * The image names `gcloud deploy releases create … --images=web=gcr.io/p/web:1,api=…` maps (web, api), from the
 * command's words; none for any other command.
 */
function cloudDeployNames(argv: readonly string[]): string[] {
  if (argv[0] !== 'gcloud') return [];
  const at = argv.findIndex((w, i) => w === 'deploy' && argv[i + 1] === 'releases' && argv[i + 2] === 'create');
  if (at < 0) return [];
  for (let i = at + 3; i < argv.length; i++) {
    const w = argv[i]!;
    const value = w.startsWith('--images=') ? w.slice('--images='.length) : w === '--images' ? argv[i + 1] : undefined;
    if (value !== undefined)
      return value
        .split(',')
        .map((pair) => pair.split('=')[0]!.trim())
        .filter((name) => name !== '' && !/[$]/.test(name));
  }
  return [];
}

/** Shells a Cloud Build step may run a script with (`entrypoint: bash`, `args: [-c, '…']`). */
const SHELLS = new Set(['bash', 'sh', '/bin/bash', '/bin/sh']);

/** The commands a Cloud Build step runs: its builder's with its arguments, a `-c` script's, its `script`'s. */
function cloudBuildStepCommands(step: Record<string, unknown>, line: number): (readonly string[])[] {
  const { builder, args } = cloudBuildStep(step);
  // The gcloud builder runs gcloud with the step's arguments; another entrypoint is named.
  const program =
    typeof step.entrypoint === 'string' ? step.entrypoint : /(?:^|\/)gcloud(?::|$)/.test(builder) ? 'gcloud' : '';
  const scripts = [
    ...(SHELLS.has(program) && args[0] === '-c' && args[1] !== undefined ? [args[1]] : []),
    ...(typeof step.script === 'string' ? [step.script] : []),
  ];
  return [
    [program, ...args],
    ...scripts.flatMap((script) => scriptCommands(script, () => line).flatMap((c) => c.simple.map((s) => s.argv))),
  ];
}

/**
 * Image names a deploy tool replaces in the manifests with the image it built, by digest: every Skaffold
 * artifact's `image`, and the names `gcloud deploy releases create --images` maps (in workflow `run` scripts and
 * Cloud Build configs). Read, never run.
 */
export function deployPinnedImages(workflows: readonly Workflow[], yamlSources: readonly YamlSource[]): DeployPinned[] {
  const out: DeployPinned[] = [];
  const add = (argv: readonly string[], file: string, line: number) => {
    for (const image of cloudDeployNames(argv)) out.push({ image, tool: 'Cloud Deploy', file, line });
  };
  for (const wf of workflows)
    for (const job of wf.jobs)
      for (const { run } of job.steps)
        for (const cmd of run?.commands ?? []) for (const simple of cmd.simple) add(simple.argv, wf.file, run!.line);
  for (const source of yamlSources) {
    const { path, text } = source;
    const skaffold = SKAFFOLD.test(path);
    const config = mayBeCloudBuild(source);
    const cloudBuild = config !== undefined && text.includes('releases');
    if (!skaffold && !cloudBuild) continue;
    for (const { value, lineOf } of documentsOf(source)) {
      if (!isRecord(value)) continue;
      if (skaffold) {
        const builds = [value.build, ...arrayOf(value.profiles).map((p) => (isRecord(p) ? p.build : undefined))];
        for (const build of builds)
          for (const artifact of isRecord(build) ? arrayOf(build.artifacts) : [])
            if (isRecord(artifact) && typeof artifact.image === 'string' && !/[$]/.test(artifact.image))
              out.push({ image: artifact.image.trim(), tool: 'Skaffold', file: path, line: lineOf(artifact) });
      }
      if (cloudBuild && (config.byName || isCloudBuildDocument(value)))
        for (const step of arrayOf(value.steps))
          if (isRecord(step))
            for (const argv of cloudBuildStepCommands(step, lineOf(step))) add(argv, path, lineOf(step));
    }
  }
  return out;
}
