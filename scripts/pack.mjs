#!/usr/bin/env node
/**
 * Builds the one publishable package, `coditect-audit`, and packs it with npm:
 *
 *   node scripts/pack.mjs [--out DIR] [--version X.Y.Z]
 *
 * The workspace packages (core, collectors, rules, reporters and the CLI) are private: their compiled
 * JavaScript is bundled into the package by esbuild (code split, so `--version` and the library entry load
 * only what they need), their declarations into one `dist/index.d.ts` by dts-bundle-generator, and their
 * third-party dependencies become the package's own, at the exact versions the workspace pins. Nothing in
 * the tarball depends on the `@coditect-audit` scope. The rule case tables, which `explain` reads, ship in
 * `dist/rule-cases/`.
 *
 * The bundle is scripts/bundle.mjs's, the same the repository's binary runs: besides the workspace, it holds
 * the small third-party packages listed there (BUNDLED) — the official Kubernetes client for size (installed,
 * it and its dependencies take about 65 MB; the tree-shaken bundle of what the scanner uses is about 6 MB),
 * the others for start-up (issue 19). A bundled package whose types `dist/index.d.ts` imports (TypeBox,
 * yaml) stays a dependency for TypeScript users; the code never loads it. Every bundled package is listed
 * with its version and licence in `dist/bundled-packages.json`, its licence text in
 * `dist/THIRD-PARTY-LICENSES.txt`.
 *
 * The version is --version, else the CLI package's own; the release workflow passes the tag's version and
 * refuses a tag that disagrees with packages/cli/package.json. Prints the tarball's path on stdout.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  BUNDLED,
  bundleCli,
  commonOptions,
  externalDependencies,
  packageOf,
  root,
  SCOPE,
  workspaceDependencies,
} from './bundle.mjs';

const { values } = parseArgs({
  options: { out: { type: 'string' }, version: { type: 'string' }, 'skip-build': { type: 'boolean' } },
});
const outDir = resolve(values.out ?? join(root, '.tmp', 'pack'));
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const cli = readJson(join(root, 'packages/cli/package.json'));
const version = values.version ?? cli.version;
if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) {
  console.error(`pack: "${version}" is not a semantic version`);
  process.exit(3);
}

const log = (msg) => console.error(`› ${msg}`);
const bin = (name) => join(root, 'node_modules', '.bin', name);

if (!values['skip-build']) {
  log('tsc -b packages/cli');
  execFileSync(bin('tsc'), ['-b', 'packages/cli'], { cwd: root, stdio: 'inherit' });
}

const stage = join(outDir, 'package');
rmSync(stage, { recursive: true, force: true });
mkdirSync(join(stage, 'dist'), { recursive: true });

const esbuild = await import('esbuild');
const published = externalDependencies();

log('esbuild: bin and library entry (scripts/bundle.mjs)');
const metafile = await bundleCli({ outdir: join(stage, 'dist'), library: true });

log('esbuild: rule case tables');
const rulesDist = join(root, 'packages/rules/dist');
// From the sources, not the output folder: tsc -b leaves the compiled case table of a deleted rule behind,
// and a pack after a pull must not ship it.
const rulesSrc = join(root, 'packages/rules/src');
const caseFiles = readdirSync(rulesSrc, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.cases.ts'))
  .map((f) => join(rulesDist, f.replace(/\.ts$/, '.js')));
await esbuild.build({
  ...commonOptions({ external: published }),
  entryPoints: caseFiles,
  outbase: rulesDist,
  outdir: join(stage, 'dist', 'rule-cases'),
  chunkNames: 'shared/[name]-[hash]',
});

log('dts-bundle-generator: dist/index.d.ts');
execFileSync(
  bin('dts-bundle-generator'),
  [
    '--project',
    join(root, 'packages/cli/tsconfig.json'),
    '--no-banner',
    '--no-check',
    '--silent',
    '-o',
    join(stage, 'dist/index.d.ts'),
    join(root, 'packages/cli/src/index.ts'),
  ],
  { cwd: root, stdio: 'inherit' },
);
const types = readFileSync(join(stage, 'dist/index.d.ts'), 'utf8');
if (types.includes(SCOPE)) throw new Error(`dist/index.d.ts still imports from ${SCOPE}*`);
// A bundled package whose types the declarations import stays a dependency (for TypeScript users only:
// the code never loads it).
const pinned = workspaceDependencies();
const dependencies = { ...published };
for (const [, spec] of types.matchAll(/from '([^'.][^']*)'/g)) {
  const dep = packageOf(spec);
  if (dep in pinned) dependencies[dep] = pinned[dep];
  else if (!dep.startsWith('node:') && !builtinModules.includes(dep))
    throw new Error(`dist/index.d.ts imports ${spec}, no dependency of the workspace`);
}

/** The third-party packages esbuild put into the bundle, from its metafile: name, version, licence. */
function bundledPackages(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    // A plugin's module is named `namespace:path` (bundle.mjs's lazy string-width: the package's own file).
    const path = input.replace(/\\/g, '/').replace(/^[a-z][a-z-]+:/, '');
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(path);
    if (m) dirs.add(resolve(root, m[1]));
  }
  const out = new Map();
  for (const dir of dirs) {
    const pkg = readJson(join(dir, 'package.json'));
    const licenceFile = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|$)/i.test(f));
    out.set(`${pkg.name}@${pkg.version}`, {
      name: pkg.name,
      version: pkg.version,
      license: pkg.license ?? 'UNKNOWN',
      text: licenceFile ? readFileSync(join(dir, licenceFile), 'utf8') : undefined,
    });
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
const bundled = bundledPackages(metafile);
for (const name of BUNDLED)
  if (!bundled.some((p) => p.name === name)) throw new Error(`${name} was meant to be bundled and is not`);
writeFileSync(
  join(stage, 'dist/bundled-packages.json'),
  `${JSON.stringify(
    bundled.map(({ text, ...p }) => p),
    null,
    2,
  )}\n`,
);
writeFileSync(
  join(stage, 'dist/THIRD-PARTY-LICENSES.txt'),
  bundled
    .map(
      (p) => `${p.name}@${p.version} (${p.license})\n\n${p.text ?? `Licence: ${p.license} (no licence file shipped)`}`,
    )
    .join(`\n\n${'-'.repeat(78)}\n\n`),
);

cpSync(join(root, 'packages/cli/schemas'), join(stage, 'schemas'), { recursive: true });
cpSync(join(root, 'packages/cli/README.md'), join(stage, 'README.md'));
cpSync(join(root, 'CHANGELOG.md'), join(stage, 'CHANGELOG.md'));

const manifest = {
  name: cli.name,
  version,
  description: cli.description,
  keywords: cli.keywords,
  homepage: cli.homepage,
  bugs: cli.bugs,
  repository: { type: 'git', url: cli.repository.url },
  license: cli.license,
  engines: cli.engines,
  type: 'module',
  main: './dist/index.js',
  types: './dist/index.d.ts',
  bin: { 'coditect-audit': './dist/bin.js' },
  exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' }, './package.json': './package.json' },
  files: ['dist', 'schemas', 'CHANGELOG.md'],
  dependencies: Object.fromEntries(Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b))),
};
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

for (const file of readdirSync(join(stage, 'dist'), { recursive: true }).map(String)) {
  if (!file.endsWith('.js')) continue;
  const text = readFileSync(join(stage, 'dist', file), 'utf8');
  if (/from\s*["']@coditect-audit\/|import\(["']@coditect-audit\//.test(text))
    throw new Error(`dist/${file} still imports from ${SCOPE}*`);
}

log(`npm pack (${manifest.name}@${version})`);
const packed = JSON.parse(
  execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], { cwd: stage, encoding: 'utf8' }),
);
const tarball = join(outDir, packed[0].filename);
if (!existsSync(tarball)) throw new Error(`npm pack wrote no ${tarball}`);
console.error(`› ${relative(process.cwd(), tarball)}: ${(packed[0].size / 1024).toFixed(0)} kB packed`);
console.log(tarball);
