/**
 * Finds the repository files the scanner reads: walks the root, honours `.gitignore` at every level,
 * never enters `.git` or `node_modules`, applies the config's include/exclude globs, and reads each
 * candidate once (skipping files too large or binary, with a problem naming them).
 *
 * The scanned tree is what is committed (docs/security.md): in a git work tree an ignore file never hides
 * a file git tracks (a committed `k8s/.gitignore` cannot take a committed manifest out of the gate); a
 * link is never followed out of the root; and everything left out is listed in `excluded` with why.
 */
import type { Dirent } from 'node:fs';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import type { ExcludedPath, Problem } from '@coditect-audit/core';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';
import { formatBytes, looksBinary, MAX_FILE_BYTES } from './text.js';

export const FILE_KINDS = ['dockerfile', 'kubernetes', 'workflows', 'terraform', 'tfstate', 'markdown'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** `Dockerfile.*` names that are something else: code about Dockerfiles, documents, templates, data. */
const NOT_A_DOCKERFILE =
  /\.(?:dockerignore|md|markdown|txt|rst|json|ya?ml|toml|ts|tsx|mts|cts|js|jsx|mjs|cjs|map|py|go|rs|java|kt|rb|sh|bash|ps1|lock|snap|orig|bak|swp|j2|jinja|tpl|tmpl|template)$/;

/** Directories never entered: version control and installed dependencies. */
const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);
/**
 * Directories listed as skipped, with why: `tofu init` writes the modules and providers it downloads under
 * `.terraform/`; they are not the repository's code and a finding anchored there cannot be fixed there.
 */
export const SKIPPED_DIRECTORIES: Record<string, string> = {
  '.terraform':
    'vendored OpenTofu/Terraform modules and providers written by `tofu init` / `terraform init`: not the repository’s own code (their module calls are read where the repository makes them)',
};

/** The `.terraform` (or other skipped) directory a path lies in, if any. */
export function skippedDirectoryOf(path: string): { path: string; reason: string } | undefined {
  const parts = path.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    const reason = SKIPPED_DIRECTORIES[parts[i]!];
    if (reason) return { path: `${parts.slice(0, i + 1).join('/')}/`, reason };
  }
  return undefined;
}

/** How many files are read at the same time. */
const READ_CONCURRENCY = 16;

export interface DiscoverOptions {
  /** The directory to scan. */
  root: string;
  /** Globs of repository-relative paths to read (default: everything). */
  include?: string[];
  /** Globs of repository-relative paths never read; a matching directory is not entered. */
  exclude?: string[];
  /**
   * Repository-relative folders never read because the scan writes there (the report folder), found by
   * real path by the caller; listed as `report-folder`, not as the configuration's exclusion.
   */
  outputs?: string[];
}

export interface SourceFile {
  /** Repository-relative, forward slashes. */
  path: string;
  kind: FileKind;
  text: string;
}

/** A file or directory that could not be read; `kind` is unset when it could hold any kind of file. */
export interface DiscoveryProblem {
  kind?: FileKind;
  problem: Problem;
}

export interface Discovery {
  files: SourceFile[];
  problems: DiscoveryProblem[];
  /** Directories not entered on purpose, with why. */
  skipped: { path: string; reason: string }[];
  /** What was left out and why, sorted by path. */
  excluded: ExcludedPath[];
}

/**
 * The files git tracks under `root` (repository-relative to root), or undefined when `root` is not in a
 * git work tree or git is not installed. Run with every hook and monitor off: the scanned repository's
 * own `.git/config` must not run a command (core.fsmonitor) through us.
 */
export async function trackedFiles(root: string): Promise<Set<string> | undefined> {
  const hardened = ['-c', 'core.fsmonitor=false', '-c', 'core.hooksPath=/dev/null', '-c', 'core.quotePath=false'];
  const top = await git([...hardened, 'rev-parse', '--show-toplevel'], root);
  if (top === undefined) return undefined;
  // --full-name paths are relative to the top of the work tree; the scan's are relative to root.
  const listed = await git([...hardened, 'ls-files', '-z', '--cached', '--full-name'], root);
  if (listed === undefined) return undefined;
  const prefix = relative(await realpath(top.trim()), await realpath(root))
    .split('\\')
    .join('/');
  const out = new Set<string>();
  for (const p of listed.split('\0')) {
    if (!p) continue;
    if (!prefix) out.add(p);
    else if (p.startsWith(`${prefix}/`)) out.add(p.slice(prefix.length + 1));
  }
  return out;
}

async function git(args: string[], cwd: string): Promise<string | undefined> {
  // Loaded when a scan first asks git (a root with files in it), not at start-up.
  const { execFile } = await import('node:child_process');
  return new Promise((done) => {
    execFile(
      'git',
      args,
      { cwd, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } },
      (error, stdout) => done(error ? undefined : stdout),
    );
  });
}

/**
 * What a path is, by name: Dockerfile (`Dockerfile`, `Dockerfile.*`, `*.Dockerfile`, `Containerfile`),
 * GitHub workflow (`.github/workflows/*.yml`), other YAML and JSON (Kubernetes candidates), `*.tf` and `*.tfvars`,
 * `*.tfstate`,
 * Markdown. `undefined` for anything else.
 */
export function classifyPath(path: string): FileKind | undefined {
  const base = (path.split('/').pop() ?? path).toLowerCase();
  if (base === 'dockerfile' || base === 'containerfile' || base.endsWith('.dockerfile')) return 'dockerfile';
  // `docker build -f` takes any name; these spellings are Dockerfiles by convention (`Dockerfile.dev`,
  // `Dockerfile_arm`, `Dockerfile-windows`).
  if (/^(?:dockerfile|containerfile)[._-]/.test(base) && !NOT_A_DOCKERFILE.test(base)) {
    return 'dockerfile';
  }
  if (/\.ya?ml$/.test(base)) {
    return /(?:^|\/)\.github\/workflows\/[^/]+$/.test(path) ? 'workflows' : 'kubernetes';
  }
  if (base.endsWith('.tf') || base.endsWith('.tfvars') || base.endsWith('.tfvars.json')) return 'terraform';
  // kubectl reads `.json` manifests as it reads YAML; Terraform's JSON syntax (`.tf.json`) is not one.
  if (base.endsWith('.json') && !base.endsWith('.tf.json')) return 'kubernetes';
  if (base.endsWith('.tfstate')) return 'tfstate';
  if (base.endsWith('.md') || base.endsWith('.markdown')) return 'markdown';
  return undefined;
}

/** `a\\b`, `./a/b` → `a/b`. */
export function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^(?:\.\/)+/, '')
    .replace(/\/{2,}/g, '/');
}

interface IgnoreLevel {
  /** Directory of the `.gitignore`, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
}

interface Candidate {
  absolute: string;
  path: string;
  kind: FileKind;
}

export async function discoverFiles(
  options: DiscoverOptions,
  /** Told of each file as it is read (in any order): the parse can get ready while the rest are read. */
  onRead?: (file: SourceFile) => void,
): Promise<Discovery> {
  const included = options.include?.length ? picomatch(options.include, { dot: true }) : () => true;
  const excludeGlobs = options.exclude ?? [];
  const excludedBy = (path: string): string | undefined =>
    excludeGlobs.find((g) => picomatch.isMatch(path, g, { dot: true }));
  const outputs = new Set(options.outputs ?? []);
  const candidates: Candidate[] = [];
  const problems: DiscoveryProblem[] = [];
  const skipped: { path: string; reason: string }[] = [];
  const excluded: ExcludedPath[] = [];

  let realRoot: string;
  try {
    const rootStat = await stat(options.root);
    if (!rootStat.isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
    realRoot = await realpath(options.root);
  } catch (e) {
    problems.push({ problem: unreadable('.', e, 'directory', options.root) });
    return { files: [], problems, skipped, excluded };
  }
  // What git tracks matters only for a path an ignore file hides, so git runs (once) only when one does:
  // a directory with nothing ignored, like an empty one, spawns no process (issue 19: start-up).
  let trackedOnce: Promise<{ files: Set<string>; dirs: Set<string> }> | undefined;
  const tracked = () =>
    (trackedOnce ??= trackedFiles(options.root).then((files = new Set<string>()) => {
      const dirs = new Set<string>();
      for (const p of files) for (let i = p.indexOf('/'); i > 0; i = p.indexOf('/', i + 1)) dirs.add(p.slice(0, i));
      return { files, dirs };
    }));
  const insideRoot = (real: string) => {
    const rel = relative(realRoot, real);
    return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
  };

  const walk = async (absolute: string, relativePath: string, levels: IgnoreLevel[]): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (e) {
      problems.push({ problem: unreadable(relativePath || '.', e, 'directory') });
      return;
    }
    const own = await loadGitignore(absolute, relativePath, entries);
    const here = own ? [...levels, own] : levels;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (ALWAYS_SKIPPED.has(entry.name)) continue;
      const path = relativePath ? `${relativePath}/${entry.name}` : entry.name;
      const entryAbsolute = join(absolute, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Directory links are not followed (they can loop); file links are read like files, but only
        // when they resolve inside the root: a repository must not make the scanner read the machine.
        let target: string;
        try {
          target = await realpath(entryAbsolute);
          const info = await stat(target);
          if (info.isDirectory()) {
            excluded.push({
              path: `${path}/`,
              reason: 'directory-link',
              detail: 'a link to a folder; links to folders are not followed',
            });
            continue;
          }
          isDirectory = false;
          isFile = info.isFile();
        } catch (e) {
          const kind = classifyPath(path);
          if (kind && included(path) && !excludedBy(path) && !isIgnored(here, path, false)) {
            problems.push({ kind, problem: unreadable(path, e, 'file') });
          }
          continue;
        }
        if (!insideRoot(target)) {
          const kind = classifyPath(path);
          excluded.push({
            path,
            reason: 'link-outside-root',
            detail: 'a link that resolves outside the scanned directory; not followed',
          });
          if (kind && included(path)) problems.push({ kind, problem: outsideRoot(path) });
          continue;
        }
      }
      if (isDirectory) {
        if (outputs.has(path)) {
          excluded.push({
            path: `${path}/`,
            reason: 'report-folder',
            detail: 'the folder this run writes its reports to',
          });
          continue;
        }
        const glob = excludedBy(path);
        if (glob) {
          excluded.push({ path: `${path}/`, reason: 'config-exclude', detail: `layers.files.exclude: ${glob}` });
          continue;
        }
        // A folder an ignore file hides is still entered when git tracks a file in it.
        if (isIgnored(here, path, true) && !(await tracked()).dirs.has(path)) {
          excluded.push({ path: `${path}/`, reason: 'ignore-file', detail: ignoredBy(here, path, true) });
          continue;
        }
        const vendored = SKIPPED_DIRECTORIES[entry.name];
        if (vendored) {
          skipped.push({ path: `${path}/`, reason: vendored });
          excluded.push({ path: `${path}/`, reason: 'vendored', detail: vendored });
          continue;
        }
        await walk(entryAbsolute, path, here);
      } else if (isFile) {
        const kind = classifyPath(path);
        if (!included(path)) continue;
        if (outputs.has(path)) {
          if (kind) excluded.push({ path, reason: 'report-folder', detail: 'a file this run writes' });
          continue;
        }
        const glob = excludedBy(path);
        if (glob) {
          if (kind) excluded.push({ path, reason: 'config-exclude', detail: `layers.files.exclude: ${glob}` });
          continue;
        }
        if (isIgnored(here, path, false) && !(await tracked()).files.has(path)) {
          if (kind) excluded.push({ path, reason: 'ignore-file', detail: ignoredBy(here, path, false) });
          continue;
        }
        if (kind) candidates.push({ absolute: entryAbsolute, path, kind });
      }
    }
  };

  await walk(options.root, '', []);

  candidates.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files: (SourceFile | undefined)[] = new Array(candidates.length);
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const index = next++;
      const candidate = candidates[index]!;
      const read = await readCandidate(candidate);
      if ('text' in read) {
        files[index] = read;
        onRead?.(read);
      } else {
        problems.push({ kind: candidate.kind, problem: read.problem });
        if (read.problem.cause === 'too-large' || read.problem.cause === 'binary')
          excluded.push({ path: candidate.path, reason: read.problem.cause, detail: read.problem.message });
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, candidates.length) }, worker));
  excluded.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files: files.filter((f): f is SourceFile => f !== undefined),
    problems: sortProblems(problems),
    skipped: skipped.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    excluded,
  };
}

async function readCandidate(candidate: Candidate): Promise<SourceFile | { problem: Problem }> {
  try {
    const info = await stat(candidate.absolute);
    if (info.size > MAX_FILE_BYTES) return { problem: maybeData(candidate.path, tooLarge(candidate.path, info.size)) };
    const bytes = await readFile(candidate.absolute);
    if (looksBinary(bytes)) return { problem: maybeData(candidate.path, binary(candidate.path)) };
    return { path: candidate.path, kind: candidate.kind, text: new TextDecoder('utf-8').decode(bytes) };
  } catch (e) {
    return { problem: unreadable(candidate.path, e, 'file') };
  }
}

async function loadGitignore(absolute: string, relative: string, entries: Dirent[]): Promise<IgnoreLevel | undefined> {
  if (!entries.some((e) => e.name === '.gitignore' && (e.isFile() || e.isSymbolicLink()))) return undefined;
  try {
    const text = await readFile(join(absolute, '.gitignore'), 'utf8');
    return { base: relative, rules: ignore().add(text) };
  } catch {
    // An unreadable .gitignore ignores nothing, as git does.
    return undefined;
  }
}

/** The `.gitignore` whose rule hides `path` (the deepest that decides), for the list of exclusions. */
function ignoredBy(levels: IgnoreLevel[], path: string, isDirectory: boolean): string {
  let by = '.gitignore';
  for (const { base, rules } of levels) {
    const rel = base ? path.slice(base.length + 1) : path;
    const result = rules.test(isDirectory ? `${rel}/` : rel);
    if (result.ignored) by = `${base ? `${base}/` : ''}.gitignore${result.rule ? `: ${result.rule.pattern}` : ''}`;
  }
  return by;
}

/** Git's rule: the deepest `.gitignore` that matches decides; `!pattern` re-includes. */
function isIgnored(levels: IgnoreLevel[], path: string, isDirectory: boolean): boolean {
  let ignored = false;
  for (const { base, rules } of levels) {
    const relative = base ? path.slice(base.length + 1) : path;
    const result = rules.test(isDirectory ? `${relative}/` : relative);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}

/**
 * A `.json` file is only possibly a manifest (most are data or tool settings): one that is too large or
 * binary is listed as not read, without making the scan incomplete.
 */
export function maybeData(path: string, problem: Problem): Problem {
  return path.toLowerCase().endsWith('.json') ? { ...problem, severity: 'notice' } : problem;
}

export function tooLarge(path: string, size: number): Problem {
  return {
    subject: path,
    message: `${path}: ${formatBytes(size)} is over the ${formatBytes(MAX_FILE_BYTES)} limit for files the scanner reads; it was not read`,
    cause: 'too-large',
    fix: `Exclude it in the configuration (layers.files.exclude: ["${path}"]) or split it into smaller files.`,
  };
}

export function outsideRoot(path: string): Problem {
  return {
    subject: path,
    message: `${path}: a symbolic link that resolves outside the scanned directory; it was not followed, so what it stands for was not checked`,
    cause: 'link-outside-root',
    fix: `Commit the file itself instead of a link to ${path}'s target, or remove the link.`,
  };
}

export function binary(path: string): Problem {
  return {
    subject: path,
    message: `${path}: binary content (a NUL byte in the first 8 KiB); it was not read`,
    cause: 'binary',
    fix: `Exclude it in the configuration (layers.files.exclude: ["${path}"]) or store it as UTF-8 text.`,
  };
}

function unreadable(path: string, error: unknown, what: 'file' | 'directory', shown = path): Problem {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'ENOENT'
        ? 'does not exist (a broken link?)'
        : code === 'ENOTDIR'
          ? 'is not a directory'
          : ((error as Error | undefined)?.message ?? 'unreadable');
  return {
    subject: path,
    message: `${shown}: ${what} could not be read: ${reason}`,
    cause: code === 'EACCES' || code === 'EPERM' ? 'permission-denied' : 'unreadable',
    fix:
      code === 'EACCES' || code === 'EPERM'
        ? `Give the scanning user read access to ${shown}, or exclude it in the configuration.`
        : `Check that ${shown} exists and is readable, or exclude it in the configuration.`,
  };
}

function sortProblems(problems: DiscoveryProblem[]): DiscoveryProblem[] {
  return problems.sort((a, b) =>
    a.problem.subject < b.problem.subject ? -1 : a.problem.subject > b.problem.subject ? 1 : 0,
  );
}
