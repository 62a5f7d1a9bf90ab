/**
 * The files layer: repository files → the six `files.*` facets. A file that cannot be read or parsed
 * becomes a Problem (file:line and the fix) in its kind's facet; every other file is still collected.
 */
import type { ExcludedPath, FacetMap, FilesFacets, K8sManifestFile, Problem, Snapshot } from '@coditect-audit/core';
import {
  type DiscoverOptions,
  type DiscoveryProblem,
  discoverFiles,
  type FileKind,
  FILE_KINDS,
  type SourceFile,
} from './discover.js';
import type { YamlSource } from './image-builds.js';
import type { PatchFile } from './kustomize.js';
import { FileParseError } from './errors.js';
import { parseKubernetes } from './kubernetes.js';
import { EarlyWorker, type ParsedFile, parseInWorkers, resultOf } from './parse-pool.js';
import type { FileOf, OtherParse } from './parse-others.js';
import type { TfVarsFile } from './tf-eval.js';
import { normalizeText } from './text.js';
import { withParsedFacets } from '../parsed.js';
import { redactFacets } from '../redact.js';

export type CollectFilesOptions = DiscoverOptions;

export type FilesFacetName = keyof FilesFacets;
export type FilesFacetResult = Pick<Required<Snapshot['facets']>, FilesFacetName>;

/** The parsers of every kind but Kubernetes YAML, and the steps across files: see `collectFilesWithScope`. */
type Parsers = typeof import('./parse-others.js');

export const FACET_OF: Record<FileKind, FilesFacetName> = {
  dockerfile: 'files.dockerfile',
  kubernetes: 'files.kubernetes',
  workflows: 'files.workflows',
  terraform: 'files.terraform',
  tfstate: 'files.tfstate',
  markdown: 'files.markdown',
};

const PARSE_FIX: Record<FileKind, string> = {
  dockerfile: 'Fix the Dockerfile so that `docker build` accepts it, or exclude the file in the configuration.',
  kubernetes:
    'Fix the YAML so that `kubectl apply --dry-run=client -f <file>` accepts it, or exclude the file in the configuration.',
  workflows: 'Fix the workflow YAML (GitHub reports the same error on the Actions tab), or exclude the file.',
  terraform: 'Fix the file so that `tofu validate` accepts it, or exclude the file in the configuration.',
  tfstate: 'Give a state file written by OpenTofu or Terraform (`tofu state pull > terraform.tfstate`), or exclude it.',
  markdown: 'Fix the Markdown file, or exclude it in the configuration.',
};

const IGNORE_FIX = 'Write the directive as `# coditect-audit:ignore <rule-id> -- <reason>` (a reason is required).';

/** Reads the repository under `root` and returns the six `files.*` facets. */
export async function collectFiles(options: CollectFilesOptions): Promise<FilesFacetResult> {
  return (await collectFilesWithScope(options)).facets;
}

/** The six `files.*` facets, and every file or folder left out of them with why (for every report). */
export async function collectFilesWithScope(
  options: CollectFilesOptions,
): Promise<{ facets: FilesFacetResult; excluded: ExcludedPath[] }> {
  // A parse worker starts while the files are read, once there is enough Kubernetes YAML to want one.
  const early = new EarlyWorker();
  let discovery: Awaited<ReturnType<typeof discoverFiles>>;
  try {
    discovery = await discoverFiles(options, (file) => {
      if (file.kind === 'kubernetes') early.read(file.text);
    });
  } catch (error) {
    early.stop();
    throw error;
  }
  const rootProblem = discovery.problems.find((p) => p.kind === undefined && p.problem.subject === '.');
  if (rootProblem) {
    early.stop();
    const facets = Object.fromEntries(
      FILE_KINDS.map((kind) => [FACET_OF[kind], { status: 'error', problems: [rootProblem.problem] }]),
    ) as FilesFacetResult;
    return { facets, excluded: discovery.excluded };
  }
  // The parsers of the other kinds and the steps across files load when there is a file to read: a repository
  // with none (or a scan whose files are all left out) never compiles them.
  if (discovery.files.length === 0) {
    early.stop();
    return {
      facets: buildFacets(undefined, [], discovery.problems, discovery.skipped),
      excluded: discovery.excluded,
    };
  }
  const parsers = await import('./parse-others.js');
  // Kubernetes YAML, most of the parsing, on the machine's other cores too when there is enough of it.
  // The other files are parsed on the main thread meanwhile, not after.
  const manifests = discovery.files.filter((s) => s.kind === 'kubernetes');
  const yamlSources = yamlSourcesOf(discovery.files);
  const patchFiles = parsers.kustomizePatchFiles(yamlSources);
  const parsedOthers = new Map<SourceFile, OtherParse>();
  const alongside = discovery.files
    .filter((s) => s.kind !== 'kubernetes')
    .map((source) => () => {
      parsedOthers.set(source, parsers.finishedOther(parsers.parseOther(source)));
    });
  // Each manifest redacted and given its parsed parts where it is parsed, but for a kustomize patch
  // rendered over the others, which reads them as parsed.
  const parsed = (await parseInWorkers(manifests, { alongside, finish: patchFiles.size === 0, early }))?.parses;
  const parsedManifests = parsed && new Map(manifests.map((source, i) => [source, parsed[i] as ParsedFile]));
  return {
    facets: buildFacets(parsers, discovery.files, discovery.problems, discovery.skipped, {
      parsedManifests,
      parsedOthers,
      yamlSources,
      patchFiles,
    }),
    excluded: discovery.excluded,
  };
}

/** YAML that declares builds or patches (kustomizations, skaffold, Cloud Build, compose), read as such. */
function yamlSourcesOf(sources: readonly SourceFile[]): YamlSource[] {
  return sources
    .filter((s) => s.kind === 'kubernetes' && /\.ya?ml$|(?:^|\/)Kustomization$/.test(s.path))
    .map((s) => ({ path: s.path, text: normalizeText(s.text) }));
}

/**
 * The six facets from the files read. `parsers` (./parse-others.ts) may be absent only when there is no file:
 * then nothing is parsed, evaluated or rendered, and the facets are empty but for the problems.
 */
export function buildFacets(
  parsers: Parsers | undefined,
  sources: SourceFile[],
  discoveryProblems: DiscoveryProblem[],
  skipped: { path: string; reason: string }[] = [],
  {
    parsedManifests,
    parsedOthers,
    yamlSources = yamlSourcesOf(sources),
    patchFiles = parsers?.kustomizePatchFiles(yamlSources) ?? new Map<string, PatchFile>(),
  }: {
    /** Kubernetes files already parsed (./parse-pool.ts); the others are parsed here. */
    parsedManifests?: Map<SourceFile, ParsedFile>;
    /** The other files already parsed (while workers parsed the Kubernetes files); the rest are parsed here. */
    parsedOthers?: Map<SourceFile, OtherParse>;
    yamlSources?: YamlSource[];
    patchFiles?: Map<string, PatchFile>;
  } = {},
): FilesFacetResult {
  if (!parsers && sources.length > 0) throw new Error('buildFacets: files to parse, but no parsers');
  const varFiles: TfVarsFile[] = [];
  const data: FilesFacets = {
    'files.dockerfile': { files: [] },
    'files.kubernetes': { files: [] },
    'files.workflows': { files: [] },
    'files.terraform': { files: [] },
    'files.tfstate': { files: [] },
    'files.markdown': { files: [] },
  };
  const problems: Record<FilesFacetName, Problem[]> = {
    'files.dockerfile': [],
    'files.kubernetes': [],
    'files.workflows': [],
    'files.terraform': [],
    'files.tfstate': [],
    'files.markdown': [],
  };
  for (const { kind, problem } of discoveryProblems) {
    // A directory that could not be read may hold any kind of file.
    for (const k of kind ? [kind] : FILE_KINDS) problems[FACET_OF[k]].push(problem);
  }

  const patches: { manifest: K8sManifestFile; patch: PatchFile }[] = [];
  /** Manifests redacted and given their parsed parts where they were parsed: the last steps pass them by. */
  const finished = new Set<object>();
  /** Finished Dockerfiles and their values as read, for when the facet is redacted whole (below). */
  const dockerfilesAsRead = new Map<object, FileOf<'files.dockerfile'>>();
  for (const sourceFile of sources) {
    const { path, kind, text } = sourceFile;
    const facet = FACET_OF[kind];
    const report = (error: unknown) => problems[facet].push(parseProblem(path, kind, error));
    if (kind !== 'kubernetes') {
      const other = parsedOthers?.get(sourceFile) ?? parsers!.parseOther(sourceFile);
      if ('error' in other) report(other.error);
      else if (other.kind === 'tfvars') varFiles.push(other.value);
      else if (other.finished !== undefined) {
        finished.add(other.finished);
        if (other.kind === 'dockerfile') dockerfilesAsRead.set(other.finished, other.value);
        (data[FACET_OF[other.kind]].files as unknown[]).push(other.finished);
      } else (data[FACET_OF[other.kind]].files as unknown[]).push(other.value);
      continue;
    }
    const source = normalizeText(text);
    try {
      switch (kind) {
        case 'kubernetes': {
          const parsedAlready = parsedManifests?.get(sourceFile);
          const received = parsedAlready && resultOf(parsedAlready);
          const result = parsedAlready ? received : parseKubernetes(path, source);
          if (!result) break;
          if (received?.finished) finished.add(result.manifest);
          // A patch is rendered onto its base once every file is read (below), and judged either way.
          const patch = patchFiles.get(path);
          if (patch && result.manifest.objects.length > 0) patches.push({ manifest: result.manifest, patch });
          if (result.manifest.objects.length > 0 || result.manifest.skipped) {
            data['files.kubernetes'].files.push(result.manifest);
          }
          if (result.manifest.skipped) problems[facet].push(notice(path, 1, 1, `not read: ${result.manifest.skipped}`));
          result.errors.forEach(report);
          for (const n of result.notices) problems[facet].push(notice(path, n.line, n.column, n.message));
          break;
        }
      }
    } catch (error) {
      report(error);
    }
  }

  // Kustomize patches as kustomize renders them: merged onto the objects of the files that are not patches.
  if (patches.length) {
    const patchFileNames = new Set(patches.map((p) => p.manifest.file));
    const bases = data['files.kubernetes'].files.filter((f) => !patchFileNames.has(f.file)).flatMap((f) => f.objects);
    // Each patch as written, for the patches applied after it (rendering replaces a manifest's objects).
    const written = new Map(patches.map(({ manifest }) => [manifest.file, manifest.objects]));
    const objectsOf = (file: string) => written.get(file) ?? [];
    for (const { manifest, patch } of patches) {
      const rendered = parsers!.renderPatch(manifest.objects, patch, bases, objectsOf);
      manifest.objects = rendered.objects;
      problems['files.kubernetes'].push(notice(manifest.file, 1, 1, rendered.said));
    }
  }

  // What Terraform would evaluate (variables, tfvars, locals, local modules, overrides, instances,
  // dynamic blocks), once every file is parsed. A bug here must not cost the scan: values stay as written.
  // (Without files there is nothing to evaluate, and no build: every input of both is empty.)
  try {
    parsers?.evaluateTerraform(data['files.terraform'].files, varFiles);
  } catch {
    // Left unevaluated: rules report what depends on an expression as undecided.
  }
  const cloudBuild = parsers?.cloudBuildConfigs(yamlSources) ?? [];
  if (cloudBuild.length) data['files.workflows'].cloudBuild = cloudBuild;
  const deployPinned = parsers?.deployPinnedImages(data['files.workflows'].files, yamlSources) ?? [];
  if (deployPinned.length) data['files.kubernetes'].deployPinned = deployPinned;
  const cloudBuildRefs = parsers?.cloudBuildReferences(yamlSources) ?? [];
  if (cloudBuildRefs.length) data['files.workflows'].cloudBuildReferences = cloudBuildRefs;
  const dockerfileNames = new Set(data['files.dockerfile'].files.map((d) => d.file));
  const builds = parsers?.imageBuilds(data['files.workflows'].files, yamlSources, dockerfileNames) ?? [];
  const actions = parsers?.dockerActions(yamlSources, dockerfileNames) ?? [];
  if (actions.length) data['files.dockerfile'].dockerActions = actions;
  if (builds.length) {
    data['files.dockerfile'].builds = builds;
    // With its builds the facet is redacted as a whole (what a Dockerfile reveals is masked in the builds
    // too), so its files go in as read.
    data['files.dockerfile'].files = data['files.dockerfile'].files.map((f) => {
      const asRead = dockerfilesAsRead.get(f);
      if (!asRead) return f;
      finished.delete(f);
      return asRead;
    });
  }
  if (varFiles.length) data['files.terraform'].varFiles = varFiles.map((v) => v.file);
  if (skipped.length) data['files.terraform'].skipped = skipped;

  const facet = <K extends FilesFacetName>(name: K) => ({
    status: 'ok' as const,
    data: data[name] as FacetMap[K],
    problems: problems[name].sort(byLocation),
  });
  // Secrets the files hold never leave the collector (see ../redact.ts); what rules read parsed is parsed
  // from the redacted text (../parsed.ts).
  return withParsedFacets(
    redactFacets(
      {
        'files.dockerfile': facet('files.dockerfile'),
        'files.kubernetes': facet('files.kubernetes'),
        'files.workflows': facet('files.workflows'),
        'files.terraform': facet('files.terraform'),
        'files.tfstate': facet('files.tfstate'),
        'files.markdown': facet('files.markdown'),
      },
      finished,
    ),
    finished,
  );
}

/** A file read as its own tool reads it but not as written, or deliberately not read: said once, never an error. */
function notice(path: string, line: number, column: number, what: string): Problem {
  return {
    subject: path,
    message: `${path}:${line}:${column}: ${what}.`,
    cause: 'read-in-part',
    severity: 'notice',
    location: { file: path, startLine: line, startColumn: column },
  };
}

/** `<path>:<line>:<col>: <what>`, with the fix for the kind of file. */
export function parseProblem(path: string, kind: FileKind, error: unknown): Problem {
  if (error instanceof FileParseError) {
    const isIgnore = error.message.startsWith('inline suppression');
    return {
      subject: path,
      message: `${path}:${error.line}:${error.column}: ${error.message}`,
      cause: 'parse-error',
      fix: isIgnore ? IGNORE_FIX : (error.fix ?? PARSE_FIX[kind]),
      location: { file: path, startLine: error.line, startColumn: error.column },
    };
  }
  // A parser bug must not stop the scan: the file is reported, the others still count.
  const what = error instanceof Error ? error.message : String(error);
  return {
    subject: path,
    message: `${path}:1:1: could not be parsed: ${what}`,
    cause: 'parse-error',
    fix: PARSE_FIX[kind],
    location: { file: path, startLine: 1, startColumn: 1 },
  };
}

function byLocation(a: Problem, b: Problem): number {
  if (a.subject !== b.subject) return a.subject < b.subject ? -1 : 1;
  return (
    (a.location?.startLine ?? 0) - (b.location?.startLine ?? 0) ||
    (a.location?.startColumn ?? 0) - (b.location?.startColumn ?? 0)
  );
}
