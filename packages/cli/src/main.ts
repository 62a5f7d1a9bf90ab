/**
 * The `coditect-audit` commands: a thin shell over the library (`scan`, `collect`) and the reporters.
 * Exit codes: 0 gate passed, 1 gate failed, 2 incomplete, 3 usage/configuration error, 4 internal error.
 * `run(argv)` returns the exit code and owns nothing of the process, so tests call it in-process; the
 * binary (cli.ts, bundled as dist/bin.js) sets the exit code, catches what nothing else caught and ends a run left hanging.
 */
import { resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { LogLevel, ScanResult, Snapshot } from '@coditect-audit/core';
// The light part of core only: the rest (schemas, validators, YAML) is imported where a command needs it,
// so `--help` and `rules` do not build the configuration schema (issue 19).
import { BaselineError, ConfigError, EXIT, FAIL_ON, type FailOn, LAYERS } from '@coditect-audit/core/basics';
import type { Options } from 'yargs';
import { doctorCommand } from './commands/doctor-command.js';
import { initCommand } from './commands/init-command.js';
import { parseLayers } from './layers.js';
import { BUILT_RULE_ROWS } from './built-rule-rows.js';
import { ruleRows } from './rule-rows.js';
import { COMMANDS, consoleWidth, useColor } from './terminal.js';
import { checkOutputPath, rejectRepeatedFlags, UsageError, writeFileWhole, writeReportSet } from './output.js';
import type { RbacArgs } from './commands/rbac.js';
import { VERSION } from './version.js';

const FORMATS = ['console', 'sarif', 'junit', 'markdown', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

function parseFormats(value: string | string[] | undefined): Format[] {
  const list = (Array.isArray(value) ? value : [value ?? 'console'])
    .flatMap((v) => String(v).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
  for (const f of list)
    if (!(FORMATS as readonly string[]).includes(f))
      throw new UsageError(`--format ${f}: unknown format; choose from ${FORMATS.join(', ')}`);
  return [...new Set(list)] as Format[];
}

interface ScanArgs {
  env?: string;
  config?: string;
  dir?: string;
  snapshot?: string | string[];
  failOnTarget?: string | string[];
  format?: string | string[];
  outputDir: string;
  failOn?: string;
  baseline?: string;
  writeBaseline?: string;
  allowIncomplete?: boolean;
  strict?: boolean;
  sarifIncludeSuppressed?: boolean;
  includePasses?: boolean;
  timestamps?: boolean;
  color?: boolean;
  context?: string;
  kubeconfig?: string;
  quiet?: boolean;
  layers?: string;
  verbose?: boolean;
  debug?: boolean;
  plugin?: string[];
  trustRepoConfig?: boolean;
  upload?: string;
}

/** `--plugin` and `--trust-repo-config`: what the trusted side adds to the scan (docs/security.md). */
function trustOptions(args: { plugin?: string[]; trustRepoConfig?: boolean }) {
  return {
    ...(args.plugin?.length ? { plugins: args.plugin.map(String) } : {}),
    ...(args.trustRepoConfig ? { trustRepoConfig: true } : {}),
  };
}

/** Progress lines on stderr: only for a person at a terminal, never in CI or with --quiet. */
function progressPrinter(quiet: boolean | undefined): ((m: string) => void) | undefined {
  if (quiet || process.env.CI || !process.stderr.isTTY) return undefined;
  return (m) => process.stderr.write(`… ${m}\n`);
}

/**
 * `--verbose` (info) and `--debug` (info and every API call) on stderr, whatever the terminal: they are
 * asked for. Collectors never hand a secret, a token or a header to the logger.
 */
function diagnostics(args: { verbose?: boolean; debug?: boolean }): ((level: LogLevel, m: string) => void) | undefined {
  if (!args.verbose && !args.debug) return undefined;
  const debug = Boolean(args.debug);
  return (level, m) => {
    if (level === 'debug' && !debug) return;
    process.stderr.write(`[${level}] ${m}\n`);
  };
}

/** `--x a --x b,c` → [a, b, c]. */
function listOf(value: string | string[]): string[] {
  return (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v).split(','))
    .map((s) => s.trim())
    .filter(Boolean);
}

/** One `--snapshot` replays it; several (the shards of a fleet) are merged first. */
function snapshotOptions(value: string | string[] | undefined): { snapshot?: string; snapshots?: string[] } {
  if (value === undefined) return {};
  const list = Array.isArray(value) ? value.map(String) : [String(value)];
  return list.length === 1 ? { snapshot: list[0]! } : { snapshots: list };
}

/**
 * The options of `scan`, in the order `--help` lists them: yargs is given this table (`main`), and
 * `plainScanArgs` reads the same table, so an option is declared once.
 */
const SCAN_OPTIONS = {
  env: { type: 'string', describe: 'environment from coditect-audit.yaml' },
  config: { type: 'string', describe: 'config file (default: <dir>/coditect-audit.yaml)' },
  dir: { type: 'string', describe: 'repository to scan (default: .)' },
  snapshot: {
    type: 'string',
    describe: 'replay a snapshot written by `collect`; give it once per shard to merge a fleet',
  },
  'fail-on-target': {
    type: 'string',
    describe:
      'fail the gate only on these fleet targets (repeat or comma-separate; default: config gate.targets, else all)',
  },
  format: {
    type: 'string',
    describe: `comma-separated: ${FORMATS.join(', ')}`,
    default: 'console',
  },
  'output-dir': { type: 'string', describe: 'where report files go', default: 'coditect-audit-report' },
  'fail-on': {
    type: 'string',
    describe: 'gate threshold: P0, P1, P2 or none (default: config, else P0)',
  },
  baseline: { type: 'string', describe: 'report only findings not in this baseline' },
  'write-baseline': { type: 'string', describe: 'write the current findings as a baseline file' },
  'allow-incomplete': {
    type: 'boolean',
    describe: 'do not exit 2 when something could not be checked',
  },
  strict: {
    type: 'boolean',
    describe: 'checks that could not be decided (unknown) gate like findings (default: config, else no)',
  },
  'sarif-include-suppressed': { type: 'boolean', describe: 'keep suppressed findings in SARIF' },
  'include-passes': {
    type: 'boolean',
    describe: 'list every passed check in the terminal too (the HTML and JSON reports always list them)',
  },
  timestamps: { type: 'boolean', describe: 'record scan times in the reports' },
  color: { type: 'boolean', describe: 'force colour in the console report (--no-color: never)' },
  context: {
    type: 'string',
    describe: 'Kubernetes context (default: the kubeconfig current context)',
  },
  kubeconfig: {
    type: 'string',
    describe: 'kubeconfig file (default: $KUBECONFIG or ~/.kube/config)',
  },
  quiet: { alias: 'q', type: 'boolean', describe: 'no progress on stderr' },
  layers: { type: 'string', describe: `run only these configured layers: ${LAYERS.join(', ')}` },
  upload: {
    type: 'string',
    describe: 'also upload the reports and snapshot to gs://BUCKET/PREFIX/<env>/<time>/ (+ latest.json)',
  },
  verbose: { alias: 'v', type: 'boolean', describe: 'what each layer does, on stderr' },
  debug: {
    type: 'boolean',
    describe: 'every API call (method, resource, status, duration, retries), on stderr',
  },
  plugin: {
    type: 'string',
    array: true,
    describe: 'load a rule pack (npm package or path); repeatable. Trusted, unlike plugins: in the repository',
  },
  'trust-repo-config': {
    type: 'boolean',
    describe: "trust the scanned directory's own config: its plugins and credentials (never on fork PRs)",
  },
} as const satisfies Record<string, Options>;

/**
 * The options of `scan` that `plainScanArgs` reads without yargs, from `SCAN_OPTIONS`: each flag (boolean) or
 * option with one value, by its name on the command line. What repeats (`--plugin`) is left to yargs. A test
 * parses every one both ways and compares (test/plain-scan-args.test.ts).
 */
export const PLAIN_SCAN_OPTIONS: Readonly<Record<string, 'flag' | 'value'>> = Object.fromEntries(
  Object.entries(SCAN_OPTIONS as Record<string, Options>)
    .filter(([, o]) => !o.array)
    .map(([name, o]) => [name, o.type === 'boolean' ? 'flag' : 'value']),
);
/** `-q` → quiet, `-v` → verbose: the one-letter aliases `SCAN_OPTIONS` gives. */
const PLAIN_SCAN_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(SCAN_OPTIONS as Record<string, Options>).flatMap(([name, o]) =>
    typeof o.alias === 'string' ? [[`-${o.alias}`, name]] : [],
  ),
);
const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
/** `scan`'s defaults as yargs hands them to the command (by camel-case key). */
const SCAN_DEFAULTS: Readonly<Record<string, unknown>> = Object.fromEntries(
  Object.entries(SCAN_OPTIONS as Record<string, Options>).flatMap(([name, o]) =>
    o.default !== undefined ? [[camelCase(name), o.default]] : [],
  ),
);

/**
 * `scan` followed only by options of PLAIN_SCAN_OPTIONS, each once, written `--name value`, `--flag`, `-q` or
 * `-v` (a value neither empty nor starting with `-`): the options yargs would hand the command, without
 * running yargs (parsing, validating and building the command took about 6 ms of an empty scan's ~125 ms of
 * CPU). Anything else — help, completion, `--name=value`, `--no-flag`, a repeat, a positional, an unknown
 * or misspelt option — returns undefined, and yargs parses the line as before, with its messages and exit codes.
 */
export function plainScanArgs(argv: readonly string[]): ScanArgs | undefined {
  if (argv[0] !== 'scan') return undefined;
  const args: Record<string, unknown> = {};
  for (let i = 1; i < argv.length; i++) {
    const token = argv[i]!;
    const name = PLAIN_SCAN_ALIASES[token] ?? (token.startsWith('--') ? token.slice(2) : undefined);
    if (name === undefined || !Object.hasOwn(PLAIN_SCAN_OPTIONS, name)) return undefined;
    const key = camelCase(name);
    if (key in args) return undefined;
    if (PLAIN_SCAN_OPTIONS[name] === 'flag') args[key] = true;
    else {
      const value = argv[++i];
      if (value === undefined || value === '' || value.startsWith('-')) return undefined;
      args[key] = value;
    }
  }
  return { ...SCAN_DEFAULTS, ...args } as unknown as ScanArgs;
}

/** The heap's growth past what is live before V8 collects it whole, as the binary sets it (cli.ts). */
const HEAP_GROWING_PERCENT = 30;
/**
 * The same while a live layer is collected. Nearly all that a collection allocates is what it keeps (each
 * full collection during the 16× Kubernetes chain freed 5–15 % of the heap), so 30 % made five of them,
 * each marking all that was kept so far; doubling makes two or three. The peak stays bounded: twice what
 * the collection keeps, at most; V8 applies the 30 % again at the next full collection after it.
 */
const HEAP_GROWING_PERCENT_WHILE_COLLECTING = 100;

async function runScan(args: ScanArgs): Promise<number> {
  const formats = parseFormats(args.format);
  if (args.failOn && !(FAIL_ON as readonly string[]).includes(args.failOn))
    throw new UsageError(`--fail-on ${args.failOn}: choose from ${FAIL_ON.join(', ')}`);
  if (formats.some((f) => f !== 'console') && !args.outputDir.startsWith('gs://'))
    await checkOutputPath(args.outputDir, 'directory', '--output-dir');
  if (args.writeBaseline) await checkOutputPath(args.writeBaseline, 'file', '--write-baseline');
  const upload = args.upload ? await uploadTarget(args.upload) : undefined;
  const { scan } = await import('./scan.js');
  const outputDir = args.outputDir.startsWith('gs://') ? args.outputDir : resolve(args.outputDir);
  const fileFormats = formats.filter((f) => f !== 'console');
  let snapshot: Snapshot | undefined;
  // The report files' modules load while a cluster's answers are awaited, rather than after the rules judged.
  const loadReporters = () => {
    import('@coditect-audit/reporters').catch(() => undefined);
    import('./bucket.js').catch(() => undefined);
  };
  const result = await scan({
    whileAwaitingAnswers: () => {
      if (fileFormats.length) loadReporters();
      setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT_WHILE_COLLECTING}`);
    },
    collectionEnded: () => setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`),
    ...(upload ? { onSnapshot: (s: Snapshot) => (snapshot = s) } : {}),
    ...(args.dir ? { dir: args.dir } : {}),
    ...(args.config ? { config: args.config } : {}),
    ...(args.env ? { env: args.env } : {}),
    ...snapshotOptions(args.snapshot),
    ...(args.failOnTarget ? { failOnTargets: listOf(args.failOnTarget) } : {}),
    ...(args.failOn ? { failOn: args.failOn as FailOn } : {}),
    ...(args.includePasses ? { includePasses: true } : {}),
    ...(args.baseline ? { baseline: args.baseline } : {}),
    allowIncomplete: Boolean(args.allowIncomplete),
    ...(args.strict ? { strict: true } : {}),
    timestamps: Boolean(args.timestamps),
    excludePaths: fileFormats.length && !args.outputDir.startsWith('gs://') ? [outputDir] : [],
    ...(args.context ? { k8sContext: args.context } : {}),
    ...(args.kubeconfig ? { kubeconfig: args.kubeconfig } : {}),
    ...(progressPrinter(args.quiet) ? { progress: progressPrinter(args.quiet)! } : {}),
    ...(diagnostics(args) ? { log: diagnostics(args)! } : {}),
    ...(parseLayers(args.layers) ? { layers: parseLayers(args.layers)! } : {}),
    ...trustOptions(args),
  });
  // The console report alone (the default) loads its reporter only, not those of the report files.
  const { REPORTERS } = fileFormats.length ? await import('@coditect-audit/reporters') : { REPORTERS: undefined };
  const reportOptions = { includeSuppressed: Boolean(args.sarifIncludeSuppressed), color: false };
  // Each report is rendered when it is written (in pieces where its reporter can), so no two are in memory at once.
  const reports = fileFormats.map((f) => {
    const reporter = REPORTERS![f];
    return {
      name: reporter.fileName ?? `coditect-audit.${f}`,
      chunks: () => reporter.chunks?.(result, reportOptions) ?? [reporter.render(result, reportOptions)],
    };
  });
  const bucket = reports.length ? await import('./bucket.js') : undefined;
  // An upload sends every report after writing it: those are kept whole.
  const written: { name: string; content: string }[] = [];
  const whole = async (r: (typeof reports)[number]) => {
    const pieces: string[] = [];
    for await (const piece of r.chunks()) pieces.push(piece);
    return { name: r.name, content: pieces.join('') };
  };
  if (bucket?.isBucketPath(args.outputDir)) {
    // A gs:// output dir (the fleet Job's merge step): each report becomes an object under that prefix.
    const { contentTypeOf } = await import('./upload.js');
    for (const r of reports) {
      const w = await whole(r);
      await bucket.writeText(`${args.outputDir.replace(/\/+$/, '')}/${w.name}`, w.content, contentTypeOf(w.name));
      if (upload) written.push(w);
    }
  } else if (reports.length) {
    if (upload) for (const r of reports) written.push(await whole(r));
    await writeReportSet(
      outputDir,
      upload ? written.map((w) => ({ name: w.name, text: w.content })) : reports,
      new Set(FORMATS.map((f) => REPORTERS![f].fileName ?? `coditect-audit.${f}`)),
    );
  }
  if (formats.includes('console')) {
    const { toConsole } = await import('@coditect-audit/reporters/console');
    process.stdout.write(
      toConsole(result, {
        color: useColor(args.color),
        width: consoleWidth(),
        ...(args.includePasses ? { includePasses: true } : {}),
      }),
    );
  }
  if (fileFormats.length) process.stderr.write(`reports written to ${outputDir}\n`);
  if (args.writeBaseline) {
    const { baselineOf } = await import('@coditect-audit/core');
    await writeFileWhole(args.writeBaseline, `${JSON.stringify(baselineOf(result.verdicts), null, 2)}\n`);
    process.stderr.write(
      `baseline of ${result.summary.byStatus.fail + result.summary.byStatus.suppressed + result.summary.byStatus.unknown} findings written to ${args.writeBaseline}\n`,
    );
  }
  if (upload) return uploadReports(upload, result, written, snapshot);
  return result.gate.exitCode;
}

async function uploadTarget(url: string) {
  const { parseUploadUrl } = await import('./upload.js');
  try {
    return parseUploadUrl(url);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/**
 * `--upload`: every report written and the snapshot, then the `latest` pointer. A failed upload loses the
 * results, so it is not a pass: exit 2 (incomplete) unless the gate already failed (1 wins, as always).
 */
async function uploadReports(
  target: import('./upload.js').UploadTarget,
  result: ScanResult,
  written: { name: string; content: string }[],
  snapshot: Snapshot | undefined,
): Promise<number> {
  const { uploadResults, contentTypeOf, UploadError } = await import('./upload.js');
  const files = written.map((w) => ({ ...w, contentType: contentTypeOf(w.name) }));
  if (snapshot)
    files.push({ name: 'snapshot.json', content: `${JSON.stringify(snapshot)}\n`, contentType: 'application/json' });
  try {
    const done = await uploadResults(target, result, files);
    process.stderr.write(`reports uploaded to ${done.folder} (${done.latest} points there)\n`);
    return result.gate.exitCode;
  } catch (e) {
    if (!(e instanceof UploadError)) throw e;
    process.stderr.write(`coditect-audit: ${e.message}\n`);
    return result.gate.exitCode === EXIT.failed ? EXIT.failed : EXIT.incomplete;
  }
}

interface CollectArgs {
  layers?: string;
  env?: string;
  config?: string;
  dir?: string;
  output: string;
  context?: string;
  kubeconfig?: string;
  quiet?: boolean;
  verbose?: boolean;
  debug?: boolean;
  plugin?: string[];
  trustRepoConfig?: boolean;
  shard?: string;
}

async function writeSnapshot(output: string, snapshot: unknown): Promise<void> {
  // Compact: a snapshot is read by machines (`scan --snapshot`, jq), and indentation made a 50,000-resource
  // snapshot 2.6 times larger, and its replay's peak memory 1.5 times higher (docs/performance.md).
  // In pieces: made as one string, the text (~95 MB at 50,000 resources) and the buffer written from it
  // came on top of every facet, and were most of `collect`'s peak memory.
  // In ASCII: a character beyond it (a redaction marker ‹…›, a name in another script) is written as its
  // JSON escape, so the text a replay reads is a one-byte string; a single such character otherwise made
  // V8 hold the whole ~95 MB text at two bytes a character, beside the parsed snapshot.
  const { asciiJson, compactJsonChunks } = await import('./json-chunks.js');
  const chunks = function* () {
    for (const piece of compactJsonChunks(snapshot)) yield asciiJson(piece);
    yield '\n';
  };
  if (output === '-') await writeChunks(process.stdout, chunks());
  else {
    const { isBucketPath, writeText } = await import('./bucket.js');
    if (isBucketPath(output)) await writeText(output, [...chunks()].join(''));
    else await writeFileWhole(output, chunks);
    process.stderr.write(`snapshot written to ${output}\n`);
  }
}

/**
 * Pieces written to a stream in batches, each handed over before the next is made (a pipe read slower than
 * written holds one batch, not the whole snapshot); a failed write (the reader gone) ends it with the error.
 */
async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  let batch: string[] = [];
  let size = 0;
  const flush = async () => {
    const text = batch.join('');
    batch = [];
    size = 0;
    await new Promise<void>((resolve, reject) => stream.write(text, (e) => (e ? reject(e) : resolve())));
  };
  for (const piece of chunks) {
    batch.push(piece);
    size += piece.length;
    if (size >= 1 << 16) await flush();
  }
  if (batch.length) await flush();
}

async function runMerge(args: {
  snapshots: string[];
  output: string;
  wait?: number;
  quiet?: boolean;
}): Promise<number> {
  const { merge } = await import('./scan.js');
  if (args.wait) {
    const { waitForAll } = await import('./bucket.js');
    await waitForAll(args.snapshots, args.wait, progressPrinter(args.quiet) ?? (() => {}));
  }
  await writeSnapshot(args.output, await merge(args.snapshots));
  return 0;
}

async function runCollect(args: CollectArgs): Promise<number> {
  if (args.output !== '-' && !args.output.startsWith('gs://')) await checkOutputPath(args.output, 'file', '--output');
  const { collect } = await import('./scan.js');
  const { parseShard } = await import('@coditect-audit/core');
  const snapshot = await collect({
    ...(args.shard ? { shard: parseShard(args.shard) } : {}),
    ...(args.dir ? { dir: args.dir } : {}),
    ...(args.config ? { config: args.config } : {}),
    ...(args.env ? { env: args.env } : {}),
    excludePaths: [args.output],
    ...(args.context ? { k8sContext: args.context } : {}),
    ...(args.kubeconfig ? { kubeconfig: args.kubeconfig } : {}),
    ...(progressPrinter(args.quiet) ? { progress: progressPrinter(args.quiet)! } : {}),
    ...(diagnostics(args) ? { log: diagnostics(args)! } : {}),
    ...(parseLayers(args.layers) ? { layers: parseLayers(args.layers)! } : {}),
    ...trustOptions(args),
  });
  await writeSnapshot(args.output, snapshot);
  return 0;
}

async function runRules(args: { format?: string }): Promise<number> {
  if (args.format === 'json') {
    const { builtinRules } = await import('@coditect-audit/rules');
    const { ruleMeta } = await import('@coditect-audit/core');
    process.stdout.write(`${JSON.stringify(builtinRules.map(ruleMeta), null, 2)}\n`);
    return 0;
  }
  // id, priority, layer, then the title wrapped under its own column, to fit the console's width (100).
  // The concerns each rule checks: `explain <rule>` or `--format json`.
  const rows = BUILT_RULE_ROWS ?? ruleRows((await import('@coditect-audit/rules')).builtinRules);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i]!.length), 4));
  const lead = widths.reduce((n, w) => n + w + 2, 0);
  const room = Math.max(consoleWidth() - lead, 30);
  for (const row of rows) {
    const lines: string[] = [];
    for (const word of row[3].split(' ')) {
      const last = lines.at(-1);
      if (last !== undefined && last.length + 1 + word.length <= room) lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    const head = row
      .slice(0, 3)
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ');
    process.stdout.write(`${head}  ${lines.join(`\n${' '.repeat(lead)}`)}\n`);
  }
  process.stdout.write(
    `\n${rows.length} rules; \`coditect-audit explain <rule>\` shows one, \`--format json\` their concerns.\n`,
  );
  return 0;
}

async function runExplain(args: { rule: string }): Promise<number> {
  const { builtinRules } = await import('@coditect-audit/rules');
  const rule = builtinRules.find((r) => r.id === args.rule || r.aliases.includes(args.rule));
  if (!rule) {
    const near = builtinRules.filter((r) => r.id.includes(args.rule) || args.rule.includes(r.id)).map((r) => r.id);
    throw new UsageError(
      `no rule "${args.rule}"${near.length ? `; did you mean ${near.join(', ')}?` : ''} (list them with \`coditect-audit rules\`)`,
    );
  }
  const { renderRuleDoc, loadBuiltinCases } = await import('./docs.js');
  process.stdout.write(renderRuleDoc(rule, (await loadBuiltinCases()).get(rule.id)));
  return 0;
}

async function main(argv: string[], onScan: (args: ScanArgs) => Promise<number> = runScan): Promise<number> {
  let code: number = EXIT.passed;
  // Loaded here, not with this module: a scan `plainScanArgs` reads never runs yargs, and compiling it
  // (~200 kB with its helpers) was ~4 ms of such a scan's start, before its first request.
  const { default: yargs } = await import('yargs');
  const cli = yargs(argv)
    .scriptName('coditect-audit')
    // `--help` and `completion` return like every command (exit 0) instead of ending the process.
    .exitProcess(false)
    .version(VERSION)
    .strict()
    .recommendCommands()
    .demandCommand(
      1,
      `Give a command: ${COMMANDS.slice(0, -1).join(', ')} or ${COMMANDS.at(-1)} (\`coditect-audit <command> --help\` for one).`,
    )
    .command(
      'scan',
      'Scan an environment and report against ADR-001',
      (y) => y.options(SCAN_OPTIONS),
      async (a) => {
        code = await onScan(a as unknown as ScanArgs);
      },
    )
    .command(
      'collect',
      'Collect the snapshot of an environment (replay it with scan --snapshot)',
      (y) =>
        y
          .option('env', { type: 'string' })
          .option('config', { type: 'string' })
          .option('dir', { type: 'string' })
          .option('output', {
            alias: 'o',
            type: 'string',
            default: '-',
            describe: 'file, gs://bucket/object, or - for stdout',
          })
          .option('context', { type: 'string' })
          .option('kubeconfig', { type: 'string' })
          .option('quiet', { alias: 'q', type: 'boolean' })
          .option('layers', { type: 'string', describe: `collect only these configured layers: ${LAYERS.join(', ')}` })
          .option('shard', {
            type: 'string',
            describe:
              'collect only slice i of n of the fleet (projects, clusters, servers), e.g. 2/4; merge the shards with `merge`',
          })
          .option('verbose', { alias: 'v', type: 'boolean' })
          .option('debug', { type: 'boolean' })
          .option('plugin', {
            type: 'string',
            array: true,
            describe: 'load a rule pack (npm package or path); repeatable. Trusted, unlike plugins: in the repository',
          })
          .option('trust-repo-config', {
            type: 'boolean',
            describe: "trust the scanned directory's own config: its plugins and credentials (never on fork PRs)",
          }),
      async (a) => {
        code = await runCollect(a as CollectArgs);
      },
    )
    .command(
      'merge <snapshots..>',
      'Merge the snapshots of `collect --shard i/n` into the one a single collect would write',
      (y) =>
        y
          .positional('snapshots', {
            type: 'string',
            array: true,
            demandOption: true,
            describe: 'snapshot files or gs://bucket/… objects, one per shard',
          })
          .option('output', {
            alias: 'o',
            type: 'string',
            default: '-',
            describe: 'file, gs://bucket/object, or - for stdout',
          })
          .option('wait', {
            type: 'number',
            describe: 'wait up to this many seconds for shards still being collected',
          })
          .option('quiet', { alias: 'q', type: 'boolean' }),
      async (a) => {
        code = await runMerge(a as unknown as { snapshots: string[]; output: string; wait?: number; quiet?: boolean });
      },
    )
    .command(
      'rules',
      'List the built-in rules',
      (y) => y.option('format', { type: 'string', choices: ['table', 'json'], default: 'table' }),
      async (a) => {
        code = await runRules(a);
      },
    )
    .command(
      'explain <rule>',
      "Show a rule's documentation",
      (y) => y.positional('rule', { type: 'string', demandOption: true }),
      async (a) => {
        code = await runExplain(a as { rule: string });
      },
    )
    .command(
      'rbac',
      'Print the read-only Kubernetes RBAC an environment needs (Secrets only in its namespaces)',
      (y) =>
        y
          .option('env', { type: 'string', describe: 'environment from coditect-audit.yaml' })
          .option('config', { type: 'string', describe: 'config file (default: <dir>/coditect-audit.yaml)' })
          .option('dir', { type: 'string' })
          .option('namespaces', { type: 'string', describe: 'comma-separated, instead of layers.k8s.namespaces' }),
      async (a) => {
        const { rbacText } = await import('./commands/rbac.js');
        process.stdout.write(await rbacText(a as RbacArgs));
        code = EXIT.passed;
      },
    )
    .command(
      initCommand((c) => {
        code = c;
      }),
    )
    .command(
      doctorCommand((c) => {
        code = c;
      }, diagnostics),
    )
    .completion('completion', 'Print a bash/zsh completion script (coditect-audit completion >> ~/.bashrc)')
    .middleware(rejectRepeatedFlags, true)
    .fail((msg, err) => {
      throw err ?? new UsageError(msg);
    })
    .help();
  withoutHelpCache(cli);
  await cli.parseAsync();
  return code;
}

/** What yargs hands the `scan` command for `argv` (undefined when it runs no scan): for the test of `plainScanArgs`. */
export async function scanArgsByYargs(argv: string[]): Promise<ScanArgs | undefined> {
  let seen: ScanArgs | undefined;
  await main(argv, async (a) => {
    seen = a;
    return EXIT.passed;
  });
  return seen;
}

/**
 * yargs renders the whole help of the command it runs as soon as the handler has started, to have it ready
 * should a later failure print it. `.fail` above never prints help, so that text (every option measured and
 * wrapped: about a tenth of an empty scan's start-up) is not rendered; `--help` renders it as before.
 */
function withoutHelpCache(cli: object): void {
  type Usage = { cacheHelpMessage?: () => void };
  const internal = (cli as { getInternalMethods?: () => { getUsageInstance?: () => Usage } }).getInternalMethods?.();
  const usage = internal?.getUsageInstance?.();
  if (typeof usage?.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}

/**
 * An exception no code path caught (a library's stream emitting an unhandled 'error', a timer of a plugin) is
 * a bug: exit 4, never Node's default 1, which CI would read as a failed gate.
 */
export function internalError(err: unknown): number {
  process.stderr.write(
    `coditect-audit: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.stderr.write('Please report this with the command you ran.\n');
  return EXIT.internal;
}

/** Runs one command line (without `node` and the script) and returns its exit code; never throws. */
export async function run(argv: string[]): Promise<number> {
  try {
    const plain = plainScanArgs(argv);
    return plain ? await runScan(plain) : await main(argv);
  } catch (err) {
    if (err instanceof ConfigError || err instanceof UsageError || err instanceof BaselineError) {
      process.stderr.write(`coditect-audit: ${err.message}\n`);
      return EXIT.usage;
    }
    return internalError(err);
  }
}
