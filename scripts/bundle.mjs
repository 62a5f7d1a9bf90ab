/**
 * Bundles the `coditect-audit` binary and library entry with esbuild (issue 19: start-up). One function,
 * used twice, so the repository runs what ships:
 *
 * - `pnpm run build` (tsc -b, then `node scripts/bundle.mjs`) writes `packages/cli/dist/bin.js` and its
 *   chunks from tsc's output (`dist/cli.js` is the unbundled entry). The tests that spawn the binary, the
 *   demo and the bench run this bundle.
 * - `scripts/pack.mjs` writes the same bundle (plus `dist/index.js`, the library entry) into the package.
 *
 * The workspace packages and the small pure-JavaScript dependencies in BUNDLED (argument parsing, YAML,
 * TypeBox, picomatch, the Kubernetes client) go into the bundle: Node then reads a
 * few files instead of ~600 modules. The rest stay imports (EXTERNAL below: the Google clients, which
 * read their protocol descriptions from their own folders, the PostgreSQL and Redis clients, Cloud Storage)
 * and, because the code imports them with `await import()` where a layer or feature needs them, are
 * loaded only then. Code splitting keeps every dynamic import a chunk of its own: `--version`, `--help`
 * and `rules` never parse the collectors of a live layer.
 *
 * In the package, an external is a bare import its `dependencies` satisfy. In the repository, pnpm installs
 * each workspace package's dependencies beside that package only, so from `packages/cli/dist/` most of them
 * cannot be found by name; there every external import is rewritten to the relative path of the file it
 * resolves to from the importing source (the same file Node would load), and nothing else differs.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The workspace packages bundled into the one published package. */
export const WORKSPACE = ['core', 'collectors', 'rules', 'reporters', 'cli'];
export const SCOPE = '@coditect-audit/';

/**
 * Third-party packages bundled rather than installed; their own dependencies come along. Every one is pure
 * JavaScript that reads no file of its own at run time. The Kubernetes client is here for size (installed,
 * every API group's generated models take ~65 MB; the scanner reads a dozen kinds); the rest for start-up.
 * The Dockerfile parser is not: installed, it loads (with `require`, it is CommonJS) only when a Dockerfile
 * is parsed, where bundled every scan would compile its ~200 kB.
 */
export const BUNDLED = ['@kubernetes/client-node', '@sinclair/typebox', 'ignore', 'picomatch', 'yaml', 'yargs'];

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
/** The third-party dependencies of the bundled workspace packages, one pinned version each. */
export function workspaceDependencies() {
  const deps = new Map();
  for (const name of WORKSPACE) {
    const pkg = readJson(join(root, 'packages', name, 'package.json'));
    for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) {
      if (dep.startsWith(SCOPE)) continue;
      const seen = deps.get(dep);
      if (seen && seen.range !== range)
        throw new Error(`${dep}: packages/${seen.from} pins ${seen.range}, packages/${name} pins ${range}`);
      deps.set(dep, { range, from: name });
    }
  }
  return Object.fromEntries([...deps].sort(([a], [b]) => a.localeCompare(b)).map(([dep, { range }]) => [dep, range]));
}

/** Those that stay imports (not BUNDLED). */
export function externalDependencies() {
  return Object.fromEntries(Object.entries(workspaceDependencies()).filter(([dep]) => !BUNDLED.includes(dep)));
}

export const packageOf = (spec) =>
  (spec.startsWith('@') ? spec.split('/').slice(0, 2) : spec.split('/').slice(0, 1)).join('/');

/** The version of the installed package holding `file` (the nearest `package.json` naming `name`). */
function installedVersion(file, name) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = readJson(manifest);
    if (pkg.name === name) return pkg.version;
  }
  return undefined;
}

/**
 * Node's built-ins and the external dependencies stay imports. `relativeTo` (the repository build): an
 * external becomes the relative path, from that folder, of the file it resolves to.
 *
 * Except an import, from a bundled package, of another version than the one the package pins: the
 * Kubernetes client fetches with node-fetch 2 (its own dependency), the Google Cloud transport with
 * node-fetch 3 (ours). Left a bare import, in the package it would load the one version the package
 * installs, not the one the client declares and the repository runs; so that version is bundled, in both
 * builds, like the client itself.
 */
function externals(external, relativeTo) {
  return {
    name: 'coditect-externals',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.path.startsWith('node:') || builtinModules.includes(args.path))
          return { path: args.path, external: true };
        const name = packageOf(args.path);
        if (!(name in external)) return undefined;
        if (args.pluginData === 'coditect-externals') return undefined;
        const found = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'coditect-externals',
        });
        if (found.errors.length > 0) return { errors: found.errors };
        if (installedVersion(found.path, name) !== external[name]) return { path: found.path };
        if (!relativeTo) return { path: args.path, external: true };
        const path = relative(relativeTo, found.path).replaceAll('\\', '/');
        return { path: path.startsWith('.') ? path : `./${path}`, external: true };
      });
    },
  };
}

/**
 * Our JSON Schemas whose validators are compiled at build time (ajv standalone code) instead of by ajv when
 * a command first validates: the configuration's takes ajv about 0.4 s to compile, the snapshot's several
 * seconds. `lazy`: the validator is a chunk of its own, loaded only by `compileLazily` or `loadValidators`
 * (before the synchronous `parseConfig` and `parseBaseline`). Every one is: a command that validates nothing
 * (`rules`, a scan with no configuration) then parses none of their code (the configuration's is 380 kB,
 * the snapshot's 3.5 MB).
 */
const PRECOMPILE = [
  { name: 'config', schema: 'ConfigSchema', module: 'config.js', lazy: true, partsApart: true },
  { name: 'expectations', schema: 'ExpectationsSchema', module: 'config.js', lazy: true },
  { name: 'baseline', schema: 'BaselineSchema', module: 'baseline.js', lazy: true },
  { name: 'snapshot', schema: 'SnapshotSchema', module: 'snapshot/index.js', lazy: true },
];

/** A subschema this large (JSON characters) gets a validating function of its own (`withPartsApart`). */
const PART_APART_CHARS = 2000;
/** First line of a validator written with its parts apart: one written before without them is rewritten. */
const PARTS_APART_MARK = '/* parts apart */';

/**
 * ajv writes a schema's whole validator as one function: the configuration's is ~260 kB, which V8 compiles
 * whole on its first call (~5 ms of every scan with a configuration, before its first request), though a
 * configuration uses a few of its layers and settings. This copy of `schema` has each large subschema of
 * `properties` or `patternProperties` moved to `definitions` and referred to there; with `inlineRefs: false`
 * ajv writes each as a function of its own, which V8 compiles only when a document holds that part.
 * `origins`: the schema path each part came from, as ajv writes one (`withOriginalSchemaPaths`).
 */
function withPartsApart(original) {
  const schema = JSON.parse(JSON.stringify(original));
  if (schema.definitions !== undefined) throw new Error('withPartsApart: the schema has definitions of its own');
  const definitions = {};
  const origins = new Map();
  const segment = (key) => encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'));
  const visit = (node, at) => {
    for (const keyword of ['properties', 'patternProperties']) {
      const children = node?.[keyword];
      if (!children || typeof children !== 'object') continue;
      for (const [key, child] of Object.entries(children)) {
        if (!child || typeof child !== 'object') continue;
        const path = `${at}/${keyword}/${segment(key)}`;
        visit(child, path);
        if (JSON.stringify(child).length < PART_APART_CHARS) continue;
        const name = `part${origins.size}`;
        definitions[name] = child;
        children[key] = { $ref: `#/definitions/${name}` };
        origins.set(`#/definitions/${name}`, path);
      }
    }
  };
  visit(schema, '#');
  schema.definitions = definitions;
  return { schema, origins };
}

/**
 * ajv gives the errors of a referred-to part's function schema paths from that part (`#/properties/x`);
 * written in place they ran from the root. Each part's function gets the paths it had, so that its errors
 * are the very ones the whole schema gives (test/precompiled-validators.test.ts compares them).
 */
function withOriginalSchemaPaths(code, validate, origins) {
  // ajv keys them by full URI (the schema's $id and the pointer), in the root's and each part's own table.
  const functions = new Map();
  const collect = (env) => {
    for (const [uri, sub] of Object.entries(env.refs ?? {})) {
      const pointer = uri.slice(uri.indexOf('#'));
      if (functions.has(pointer) || !sub?.validateName) continue;
      functions.set(pointer, sub.validateName.str);
      collect(sub);
    }
  };
  collect(validate.schemaEnv);
  const byFunction = new Map();
  for (const [ref, path] of origins) {
    const name = functions.get(ref);
    if (!name || byFunction.has(name)) throw new Error(`withOriginalSchemaPaths: no function of its own for ${ref}`);
    byFunction.set(name, path);
  }
  const rewritten = new Set();
  const out = code.replace(
    /function (validate\d+)\([\s\S]*?\1\.errors = vErrors;return errors === 0;\}/g,
    (text, name) => {
      const path = byFunction.get(name);
      if (path === undefined) return text;
      rewritten.add(name);
      return text.replace(/schemaPath:"#(?=[/"])/g, `schemaPath:${JSON.stringify(path).slice(0, -1)}`);
    },
  );
  if (rewritten.size !== byFunction.size) throw new Error('withOriginalSchemaPaths: a part function was not found');
  return out;
}

/**
 * Writes the standalone validator of each PRECOMPILE schema beside core's build (once per schema
 * content: the file is named by the schema's fingerprint) and returns the module that replaces
 * `packages/core/dist/precompiled.js` in the bundle: the table from fingerprint to validator, and
 * `precompiledOf`, the same validators by schema object. The fingerprints are those of these very objects
 * (core's exports, `module` the file of core that defines each), which the bundle holds: looking one of them
 * up by identity spares the run the fingerprint, which builds the schema (loading TypeBox) and hashes its
 * JSON, ~4 ms of every scan with a configuration before its first request.
 */
async function precompiledModule(esbuild) {
  const core = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
  const requireFromCore = createRequire(join(root, 'packages/core/package.json'));
  const dir = join(root, 'packages/core/dist/precompiled');
  mkdirSync(dir, { recursive: true });
  const imports = [];
  const entries = [];
  const current = new Set();
  const bySchema = [];
  for (const [i, { name, schema, module, lazy, partsApart }] of PRECOMPILE.entries()) {
    const fingerprint = core.schemaFingerprint(core[schema]);
    imports.push(`import { ${schema} } from "../${module}";`);
    bySchema.push(`[${schema}, ${JSON.stringify(fingerprint)}]`);
    const file = `${name}-${fingerprint.slice(0, 16)}.js`;
    const written = existsSync(join(dir, file)) ? readFileSync(join(dir, file), 'utf8') : undefined;
    if (written === undefined || written.startsWith(PARTS_APART_MARK) !== Boolean(partsApart)) {
      const { Ajv } = requireFromCore('ajv');
      const standalone = requireFromCore('ajv/dist/standalone').default;
      const formats = requireFromCore('ajv-formats');
      const ajv = new Ajv({
        ...core.AJV_OPTIONS,
        ...(partsApart ? { inlineRefs: false } : {}),
        code: { source: true, esm: true },
      });
      (formats.default ?? formats)(ajv);
      const apart = partsApart ? withPartsApart(core[schema]) : undefined;
      const validate = ajv.compile(apart ? apart.schema : core[schema]);
      let code = standalone(ajv, validate);
      if (apart) code = withOriginalSchemaPaths(code, validate, apart.origins);
      // ajv's ES module output still calls require() for its run-time helpers: make those imports.
      const helpers = [...new Set(code.match(/require\("[^"]+"\)/g) ?? [])];
      helpers.forEach((call, n) => {
        code = code.replaceAll(call, `__helper${n}`);
      });
      const header = helpers.map((call, n) => `import __helper${n} from "${/"([^"]+)"/.exec(call)[1]}.js";`);
      const { code: minified } = await esbuild.transform(`${header.join('\n')}\n${code}`, {
        format: 'esm',
        minify: true,
        target: 'node20',
      });
      writeFileSync(join(dir, file), partsApart ? `${PARTS_APART_MARK}\n${minified}` : minified);
    }
    if (lazy)
      entries.push(`[${JSON.stringify(fingerprint)}, { load: () => import("./${file}").then((m) => m.default) }]`);
    else {
      imports.push(`import v${i} from "./${file}";`);
      entries.push(`[${JSON.stringify(fingerprint)}, { validate: v${i} }]`);
    }
    current.add(file);
  }
  // Validators of schemas as they were before (other fingerprints) are not needed any more.
  for (const f of readdirSync(dir)) if (!current.has(f)) rmSync(join(dir, f), { force: true });
  return {
    dir,
    contents: [
      ...imports,
      `export const PRECOMPILED = new Map([\n  ${entries.join(',\n  ')},\n]);`,
      // Built on first call: these modules import this one (through validate.js), so their schemas may not
      // be defined yet while it loads.
      'let fingerprints;',
      'export function precompiledOf(schema) {',
      `  fingerprints ??= new Map([${bySchema.join(', ')}]);`,
      '  const fingerprint = fingerprints.get(schema);',
      '  return fingerprint === undefined ? undefined : PRECOMPILED.get(fingerprint);',
      '}',
      '',
    ].join('\n'),
  };
}

/**
 * Replaces core's empty table of build-time validators with the generated one. The ajv and ajv-formats
 * helpers a validator imports (a few kB of CommonJS) are bundled with it: left imports of the installed
 * packages (same version), Node loaded each through its CommonJS translator (resolution, a lexer pass
 * over the file for its export names, compilation) when a configuration was first validated, ~5 ms of
 * every scan's start before its first request.
 */
function precompiledValidators(esbuild) {
  const target = join(root, 'packages/core/dist/precompiled.js');
  const dir = join(root, 'packages/core/dist/precompiled');
  const namespace = 'coditect-precompiled-validators';
  return {
    name: namespace,
    setup(build) {
      // The file Node would load from the validator's folder (core's ajv), bundled.
      build.onResolve({ filter: /^ajv(-formats)?\/dist\// }, (args) =>
        dirname(resolve(args.importer)) === dir ? { path: createRequire(args.importer).resolve(args.path) } : undefined,
      );
      build.onLoad({ filter: /precompiled\.js$/ }, async (args) => {
        if (resolve(args.path) !== target) return undefined;
        const { dir, contents } = await precompiledModule(esbuild);
        return { contents, resolveDir: dir, loader: 'js' };
      });
    },
  };
}

/**
 * string-width (yargs and its help layout use it) builds an `Intl.Segmenter` and Unicode-set regular
 * expressions when its module loads: ICU's start-up and the `\p{RGI_Emoji}` class cost every command about
 * as much as yargs itself, though only help and usage text measure strings. Each import of it becomes a
 * small function that loads the real module (bundled as before, through esbuild's lazy `require`) on the
 * first call: `rules` and `scan` never call it.
 */
function lazyStringWidth() {
  return {
    name: 'coditect-lazy-string-width',
    setup(build) {
      build.onResolve({ filter: /^string-width$/ }, async (args) => {
        if (args.pluginData === 'coditect-lazy-string-width') return undefined;
        const real = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: 'coditect-lazy-string-width',
        });
        if (real.errors.length > 0) return { errors: real.errors };
        return { path: real.path, namespace: 'coditect-lazy-string-width' };
      });
      build.onLoad({ filter: /.*/, namespace: 'coditect-lazy-string-width' }, (args) => ({
        contents: [
          'let width;',
          'export default function stringWidth(text, options) {',
          `  width ??= require(${JSON.stringify(args.path)}).default;`,
          '  return width(text, options);',
          '}',
        ].join('\n'),
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
    },
  };
}

/**
 * Two of yargs' platform helpers, changed for start-up (issue 19), behaviour kept:
 * - `findUp` looks nowhere. yargs uses it only to read a `package.json` above the working directory (the
 *   bundle's path holds no `node_modules`, so yargs starts from the cwd): for a default version, which the
 *   CLI replaces with its own (`.version(VERSION)`), and for `pkgConf`, which the CLI does not use. yargs
 *   catches the throw and reads no package. Without it every run lists the cwd and each folder above it
 *   until one holds a `package.json` (on a busy `/tmp`, thousands of names), and read a scanned
 *   repository's `package.json` for nothing.
 * - `assert`'s two checks load Node's `assert` only when one fails, to throw its very error: every run
 *   calls them, none fails, and the module costs milliseconds to load.
 */
function yargsStartsLight() {
  const namespace = 'coditect-yargs-shim';
  const shims = {
    'escalade/sync': [
      'export default function findUp() {',
      "  throw new Error('coditect-audit: yargs does not look for a package.json');",
      '}',
    ],
    assert: [
      "import { createRequire } from 'node:module';",
      "const assert = () => createRequire(import.meta.url)('node:assert');",
      // Node's assert compares with Object.is; a failing check throws Node's own AssertionError.
      'export function notStrictEqual(actual, expected, message) {',
      '  if (Object.is(actual, expected)) assert().notStrictEqual(actual, expected, message);',
      '}',
      'export function strictEqual(actual, expected, message) {',
      '  if (!Object.is(actual, expected)) assert().strictEqual(actual, expected, message);',
      '}',
    ],
  };
  return {
    name: 'coditect-yargs-starts-light',
    setup(build) {
      build.onResolve({ filter: /^(escalade\/sync|assert)$/ }, (args) =>
        /[\\/]yargs[\\/]lib[\\/]platform-shims[\\/]esm\.mjs$/.test(args.importer)
          ? { path: args.path, namespace }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents: `${shims[args.path].join('\n')}\n`,
        loader: 'js',
      }));
    },
  };
}

/**
 * Replaces the CLI's empty `BUILT_RULE_ROWS` (packages/cli/src/built-rule-rows.ts) with the `rules` table of
 * this build's built-in rules, computed by the CLI's own `ruleRows`, and its empty `BUILT_RULE_IDS`
 * (built-rule-ids.ts) with their ids and aliases: `rules` then prints the table without loading the rules,
 * core and its schemas, and `scan` checks the rule ids a configuration names before its requests, loading
 * the rules only once those are out.
 */
function builtRuleRows() {
  const rowsModule = join(root, 'packages/cli/dist/built-rule-rows.js');
  const idsModule = join(root, 'packages/cli/dist/built-rule-ids.js');
  return {
    name: 'coditect-built-rule-rows',
    setup(build) {
      build.onLoad({ filter: /built-rule-(rows|ids)\.js$/ }, async (args) => {
        const target = resolve(args.path);
        if (target !== rowsModule && target !== idsModule) return undefined;
        const { builtinRules } = await import(pathToFileURL(join(root, 'packages/rules/dist/index.js')).href);
        if (target === idsModule) {
          const ids = JSON.stringify(builtinRules.flatMap((r) => [r.id, ...r.aliases]));
          return { contents: `export const BUILT_RULE_IDS = JSON.parse(${JSON.stringify(ids)});\n`, loader: 'js' };
        }
        const { ruleRows } = await import(pathToFileURL(join(root, 'packages/cli/dist/rule-rows.js')).href);
        const rows = JSON.stringify(ruleRows(builtinRules));
        return { contents: `export const BUILT_RULE_ROWS = JSON.parse(${JSON.stringify(rows)});\n`, loader: 'js' };
      });
    },
  };
}

/**
 * The Kubernetes client's `KubeConfig` module imports two names (`createConfiguration`,
 * `ServerConfiguration`) from the client's generated index, which re-exports every API group's clients and
 * models (~4 MB). esbuild keeps a module whole once it is reachable, so every Kubernetes scan compiled them
 * all though the collector reads plain JSON. That one import is answered from the two modules that define
 * those names; `doctor` and the probes, which use the typed clients, import the index themselves and get it
 * in their own chunks. A client version whose `config.js` imports more from the index fails the build here
 * (the missing export is an esbuild error), not at run time.
 */
function kubeConfigWithoutGeneratedIndex() {
  const namespace = 'coditect-kubeconfig-gen';
  return {
    name: 'coditect-kubeconfig-without-generated-index',
    setup(build) {
      build.onResolve({ filter: /^\.\/gen\/index\.js$/ }, (args) =>
        /[\\/]@kubernetes[\\/]client-node[\\/]dist[\\/]config\.js$/.test(args.importer)
          ? { path: join(dirname(args.importer), 'gen'), namespace }
          : undefined,
      );
      build.onLoad({ filter: /.*/, namespace }, (args) => ({
        contents: [
          "export { createConfiguration } from './configuration.js';",
          "export { ServerConfiguration } from './servers.js';",
        ].join('\n'),
        resolveDir: args.path,
        loader: 'js',
      }));
    },
  };
}

/**
 * The collector's `k8s/client-fetch.js` loads the Kubernetes client's own fetch (node-fetch 2) from beside the
 * client, which the bundle holds and so has no folder: in the bundle it is an import of that same file,
 * resolved from the client's folder, so that it is the one module the client's transport runs.
 */
function clientFetchBundled() {
  return {
    name: 'coditect-client-fetch-bundled',
    setup(build) {
      build.onLoad({ filter: /[\\/]packages[\\/]collectors[\\/]dist[\\/]k8s[\\/]client-fetch\.js$/ }, () => ({
        contents: "export { default } from 'node-fetch';",
        resolveDir: dirname(
          createRequire(join(root, 'packages/collectors/package.json')).resolve('@kubernetes/client-node/package.json'),
        ),
        loader: 'js',
      }));
    },
  };
}

/**
 * Where a stand-in (below) finds the real module it loads on first use. With `apart` (the binary's and the
 * library's build), the real module is built into a CommonJS file of its own beside the chunks, named
 * `file`, which the stand-in `require`s: the chunk then holds only the stand-in, and a run that never uses
 * the module never reads or compiles it. Without (the rule case tables), it is bundled into the chunk as
 * before, behind esbuild's lazy `require`.
 */
function realModule(apart, file, path) {
  if (!apart) return path;
  apart.set(file, path);
  return `./${file}`;
}

/** An import of `name` from a file that `importer` matches, answered by `standIn(realModule)`'s code. */
function onUse({ namespace, name, importer, file, apart, standIn }) {
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${name}$`) }, async (args) => {
        if (args.pluginData === namespace || !importer.test(args.importer)) return undefined;
        const real = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: namespace,
        });
        if (real.errors.length > 0) return { errors: real.errors };
        return { path: real.path, namespace };
      });
      build.onResolve({ filter: /^\.\/[\w-]+\.cjs$/, namespace }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace }, async (args) => ({
        contents: (await standIn(JSON.stringify(realModule(apart, file, args.path)), args.path)).join('\n'),
        resolveDir: dirname(args.path),
        loader: 'js',
      }));
    },
  };
}

/**
 * The Kubernetes client's `KubeConfig` module imports the SOCKS proxy agent, which it constructs only for a
 * cluster whose `proxy-url` is `socks…://`. Loading it (socks-proxy-agent, socks, ip-address, agent-base,
 * debug) ran module code worth ~10 ms of every Kubernetes scan's start, before its first request. The import
 * becomes a class whose construction loads the real module (`realModule`: a file of its own, ~200 kB the
 * Kubernetes chunk no longer holds) and returns the real agent, so a SOCKS cluster gets exactly the agent it
 * got before.
 */
function socksProxyOnUse(apart) {
  return onUse({
    namespace: 'coditect-socks-proxy-on-use',
    name: 'socks-proxy-agent',
    importer: /[\\/]@kubernetes[\\/]client-node[\\/]dist[\\/]config\.js$/,
    file: 'socks-proxy-agent.cjs',
    apart,
    standIn: (real) => [
      'let Real;',
      'export class SocksProxyAgent {',
      '  constructor(...args) {',
      `    Real ??= require(${real}).SocksProxyAgent;`,
      '    return new Real(...args);',
      '  }',
      '}',
    ],
  });
}

/**
 * node-fetch 2 (the Kubernetes client's transport, bundled: see `externals`) requires whatwg-url when it
 * loads, for a `URL` class it takes only where Node has none (`Url.URL || whatwgUrl.URL`): Node always has
 * one. Loading it (whatwg-url, tr46 and its Unicode mapping table, webidl-conversions) cost every Kubernetes
 * scan ~10 ms before its first request. node-fetch gets an object with whatwg-url's exports as getters
 * instead, the first read of which loads the real module (`realModule`: a file of its own, ~350 kB):
 * nothing reads one.
 */
function whatwgUrlOnUse(apart) {
  return onUse({
    namespace: 'coditect-whatwg-url-on-use',
    name: 'whatwg-url',
    importer: /[\\/]node-fetch[\\/]lib[\\/]index\.js$/,
    file: 'whatwg-url.cjs',
    apart,
    standIn: (real, path) => [
      'let real;',
      `const load = () => (real ??= require(${real}));`,
      'module.exports = {};',
      ...Object.keys(createRequire(path)(path)).map(
        (n) =>
          `Object.defineProperty(module.exports, ${JSON.stringify(n)}, { enumerable: true, get: () => load()[${JSON.stringify(n)}] });`,
      ),
    ],
  });
}

/**
 * The Kubernetes client's `KubeConfig` module imports, through its authentication providers, two packages
 * only some clusters' credentials use: jsonpath-plus (the legacy `gcp` and `azure` auth providers; with jsep
 * and its plugins, which it registers when it loads, and Node's `vm`) and openid-client (the `oidc` provider;
 * with oauth4webapi and parts of jose). Compiling and running them cost every Kubernetes scan ~3 ms before
 * its first request. Each import (`import * as …`) gets an object whose properties, the package's export
 * names, are getters: the first read loads the real module (`realModule`: a file of its own) and returns its
 * export, so a provider calls the package's own functions; a cluster that uses neither never loads them.
 */
function kubeAuthOnUse(apart) {
  return [
    { name: 'jsonpath-plus', importer: /[\\/]@kubernetes[\\/]client-node[\\/]dist[\\/](gcp|azure)_auth\.js$/ },
    { name: 'openid-client', importer: /[\\/]@kubernetes[\\/]client-node[\\/]dist[\\/]oidc_auth\.js$/ },
  ].map(({ name, importer }) =>
    onUse({
      namespace: `coditect-${name}-on-use`,
      name,
      importer,
      file: `${name}.cjs`,
      apart,
      standIn: async (real, path) => [
        'let real;',
        `const load = () => (real ??= require(${real}));`,
        'module.exports = {};',
        ...Object.keys(await import(pathToFileURL(path).href)).map(
          (n) =>
            `Object.defineProperty(module.exports, ${JSON.stringify(n)}, { enumerable: true, get: () => load()[${JSON.stringify(n)}] });`,
        ),
      ],
    }),
  );
}

/**
 * node-fetch 2 also requires zlib when it loads, which it uses only to decompress a compressed answer. Its
 * import becomes an object whose first property read loads zlib (Node's own; ~1.3 ms of module code) and
 * reads it there, so it loads once an answer needs it, after the first requests are out.
 */
function zlibOnUse() {
  const namespace = 'coditect-zlib-on-use';
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter: /^zlib$/ }, (args) =>
        /[\\/]node-fetch[\\/]lib[\\/]index\.js$/.test(args.importer) ? { path: 'zlib', namespace } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace }, () => ({
        contents: [
          'let real;',
          // Only `get`: node-fetch's `'default' in zlib` finds none, as in Node's module, without loading it.
          "module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:zlib'))[key] });",
        ].join('\n'),
        loader: 'js',
      }));
    },
  };
}

/**
 * node-fetch 2 also tries, when it loads, to require the optional `encoding` package (for its deprecated
 * `textConverted()`, which nothing here calls): where it is not installed, as in this package, that is a
 * failed lookup through every `node_modules` folder above the chunk and a thrown error, ~0.5 ms of every
 * Kubernetes scan before its first request. Its import becomes an object whose `convert` requires the real
 * package only when called, as `textConverted()` would use it.
 */
function encodingOnUse() {
  const namespace = 'coditect-encoding-on-use';
  return {
    name: namespace,
    setup(build) {
      build.onResolve({ filter: /^encoding$/ }, (args) =>
        /[\\/]node-fetch[\\/]lib[\\/]index\.js$/.test(args.importer) ? { path: 'encoding', namespace } : undefined,
      );
      // The stand-in's own require: looked up at run time, as node-fetch's was.
      build.onResolve({ filter: /^encoding$/, namespace }, () => ({ path: 'encoding', external: true }));
      build.onLoad({ filter: /.*/, namespace }, () => ({
        contents: "exports.convert = (...args) => require('encoding').convert(...args);\n",
        loader: 'js',
      }));
    },
  };
}

/**
 * Options every bundle shares (pack.mjs bundles the rule case tables with them too). `apart`: a Map that
 * collects the modules to build into files of their own (`realModule`); the caller builds them.
 */
export function commonOptions({ external = externalDependencies(), relativeTo, apart } = {}) {
  return {
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    splitting: true,
    legalComments: 'none',
    plugins: [
      lazyStringWidth(),
      yargsStartsLight(),
      kubeConfigWithoutGeneratedIndex(),
      clientFetchBundled(),
      socksProxyOnUse(apart),
      whatwgUrlOnUse(apart),
      ...kubeAuthOnUse(apart),
      zlibOnUse(),
      encodingOnUse(),
      externals(external, relativeTo),
    ],
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: root,
    // Bundled CommonJS code calls require(); ESM output has none, so give it Node's.
    banner: { js: REQUIRE_BANNER },
  };
}

const REQUIRE_BANNER =
  "import { createRequire as __coditectRequire } from 'node:module'; const require = __coditectRequire(import.meta.url);";

/**
 * esbuild puts the banner on every file, but most chunks never call `require`, and `createRequire` is not
 * free (a module object and its lookup paths, per chunk: an empty scan loads 19 files, and the banners cost
 * it ~5 ms of CPU, about as much as compiling its rules). Keeps it only in the files that refer to the
 * global `require` (a `define` probe: esbuild replaces that identifier only where it is free, never in a
 * string, a property name or a parameter of that name).
 */
async function dropUnusedRequireBanners(esbuild, files) {
  const probe = '__coditectRequireProbe';
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf(`${REQUIRE_BANNER}\n`);
    if (at === -1) continue;
    const body = text.slice(0, at) + text.slice(at + REQUIRE_BANNER.length + 1);
    const { code } = await esbuild.transform(body, { loader: 'js', format: 'esm', define: { require: probe } });
    if (!code.includes(probe)) writeFileSync(file, body);
  }
}

/**
 * Dependencies the chunks load on first use (issue 19: start-up), each built into one CommonJS file of its
 * own beside the chunks: `exports`, the names the code imports (all of the package's when absent); `default`,
 * whether it imports the default export (the package's `module.exports`).
 */
const ON_FIRST_USE = [
  { name: 'yaml', file: 'yaml.cjs' },
  { name: '@sinclair/typebox', file: 'typebox.cjs', exports: ['Type'] },
  { name: 'picomatch', file: 'picomatch.cjs', exports: [], default: true },
  // The files layer's .gitignore matcher: only a repository with a .gitignore calls it.
  { name: 'ignore', file: 'ignore.cjs', exports: [], default: true, from: 'collectors' },
];
const requireFromCore = createRequire(join(root, 'packages/core/package.json'));
/** Where a first-use package resolves from: the workspace package that depends on it (core by default). */
const requireFor = (pkg) =>
  pkg.from ? createRequire(join(root, 'packages', pkg.from, 'package.json')) : requireFromCore;

/**
 * Bundled into the chunks like the rest, the YAML parser, TypeBox and picomatch were compiled and run by every
 * command that loads core or the files collector, though a scan of a repository without YAML and no
 * configuration (and `explain`, `rules --format json`) parses no YAML, builds no schema (core builds them on
 * first read, `lazy-schema.ts`) and matches no glob: about 10 ms of CPU of an empty scan's ~145. Each is built
 * into its own CommonJS file (`ON_FIRST_USE`), and each import of it becomes this module: every export a
 * stand-in that `require`s that file when first called, constructed or read, which then rebinds every export
 * to the real one (ES module bindings are live, so the code that imported them calls the package's own
 * functions and classes from then on, at no cost per call). The parse worker keeps its own bundled copy.
 */
function onFirstUse() {
  const namespace = 'coditect-on-first-use';
  const byName = new Map(ON_FIRST_USE.map((p) => [p.name, p]));
  return {
    name: namespace,
    setup(build) {
      const names = ON_FIRST_USE.map((p) => p.name.replace(/[/.]/g, '\\$&')).join('|');
      build.onResolve({ filter: new RegExp(`^(${names})$`) }, (args) => ({ path: args.path, namespace }));
      build.onResolve({ filter: /^\.\/[\w-]+\.cjs$/, namespace }, (args) => ({ path: args.path, external: true }));
      build.onLoad({ filter: /.*/, namespace }, (args) => {
        const pkg = byName.get(args.path);
        const real = requireFor(pkg)(pkg.name);
        const exported = (pkg.exports ?? Object.keys(real)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
        const standIn = (value, get) => `onFirstUse(${typeof value === 'function' ? 'function () {}' : '{}'}, ${get})`;
        return {
          contents: [
            'let real;',
            'function load() {',
            `  real = require(${JSON.stringify(`./${pkg.file}`)});`,
            ...exported.map((n) => `  ${n} = real.${n};`),
            ...(pkg.default ? ['  $default = real;'] : []),
            '  return real;',
            '}',
            'const onFirstUse = (target, get) =>',
            '  new Proxy(target, {',
            '    apply: (_, self, args) => Reflect.apply(get(), self, args),',
            '    construct: (_, args) => Reflect.construct(get(), args),',
            '    get: (_, key) => Reflect.get(get(), key),',
            '  });',
            ...exported.map((n) => `export let ${n} = ${standIn(real[n], `() => (real ?? load()).${n}`)};`),
            ...(pkg.default
              ? [`let $default = ${standIn(real, '() => real ?? load()')};`, 'export { $default as default };']
              : []),
          ].join('\n'),
          loader: 'js',
        };
      });
    },
  };
}

/**
 * Bundles the binary (`bin`, from tsc's `packages/cli/dist/cli.js`) and, with `library`, the library entry
 * (`index`) into `outdir`. `repository: true` is the repository build (externals by relative path, see
 * above). Returns esbuild's metafile.
 */
export async function bundleCli({ outdir, library = false, repository = false }) {
  const esbuild = await import('esbuild');
  const dist = join(root, 'packages/cli/dist');
  const apart = new Map();
  const common = commonOptions({ relativeTo: repository ? outdir : undefined, apart });
  const entryPoints = { bin: join(dist, 'cli.js') };
  if (library) entryPoints.index = join(dist, 'index.js');
  const result = await esbuild.build({
    ...common,
    plugins: [precompiledValidators(esbuild), builtRuleRows(), onFirstUse(), ...common.plugins],
    entryPoints,
    outdir,
    // Flat beside the entries: version.ts reads `../package.json` and docs.ts `./rule-cases/` relative
    // to the chunk they land in.
    chunkNames: 'chunk-[name]-[hash]',
  });
  // A CommonJS file beside the chunks, loaded on first use: `input` is what to bundle into it.
  const besideTheChunks = (input, file) =>
    esbuild.build({
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: common.target,
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
      absWorkingDir: root,
      ...input,
      outfile: join(outdir, file),
    });
  // The dependencies the chunks load on first use (`onFirstUse`): one file each.
  const firstUse = [];
  for (const pkg of ON_FIRST_USE)
    firstUse.push(
      await besideTheChunks(
        // Only the names the code imports (tree-shaken from the package's ES build), else the whole package.
        pkg.exports?.length
          ? {
              stdin: {
                contents: `export { ${pkg.exports.join(', ')} } from '${pkg.name}';`,
                resolveDir: join(root, 'packages', pkg.from ?? 'core'),
              },
            }
          : { entryPoints: [requireFor(pkg).resolve(pkg.name)] },
        pkg.file,
      ),
    );
  // The modules stand-ins load on first use (`realModule`): one file each.
  for (const [file, path] of apart) firstUse.push(await besideTheChunks({ entryPoints: [path] }, file));
  // The files layer's parse worker (collectors/src/files/parse-pool.ts): one file of its own beside the
  // chunks, where the chunk that starts it finds it (`new URL('./files-parse-worker.js', import.meta.url)`).
  // Built apart, so that sharing code with it does not split the binary's chunks into more files to load.
  const worker = await esbuild.build({
    ...common,
    splitting: false,
    entryPoints: { 'files-parse-worker': join(root, 'packages/collectors/dist/files/files-parse-worker.js') },
    outdir,
  });
  await dropUnusedRequireBanners(
    esbuild,
    [result, worker]
      .flatMap((r) => Object.keys(r.metafile.outputs).filter((f) => f.endsWith('.js')))
      .map((f) => resolve(root, f)),
  );
  return {
    inputs: Object.assign({}, ...[result, worker, ...firstUse].map((r) => r.metafile.inputs)),
    outputs: Object.assign({}, ...[result, worker, ...firstUse].map((r) => r.metafile.outputs)),
  };
}

/** Where an input of the bundle comes from: `packages/<name>` for the workspace, else the npm package. */
function sourceOf(input) {
  const path = input.replaceAll('\\', '/');
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(path);
  if (dependency) return dependency[1];
  const workspace = /(packages\/[^/]+)\//.exec(path);
  return workspace ? workspace[1] : path;
}

/**
 * The repository build: the bundle in packages/cli/dist, replacing the previous one's files. Its record,
 * `dist/.bundle.json`, names every file written and the packages each holds (what test/cli.test.ts reads
 * to tell which packages a command loaded).
 */
async function bundleRepository() {
  const outdir = join(root, 'packages/cli/dist');
  const record = join(outdir, '.bundle.json');
  if (existsSync(record)) for (const f of Object.keys(readJson(record))) rmSync(join(outdir, f), { force: true });
  const started = performance.now();
  const metafile = await bundleCli({ outdir, repository: true });
  const written = Object.entries(metafile.outputs)
    .map(([file, output]) => [
      relative(outdir, resolve(root, file)),
      [...new Set(Object.keys(output.inputs).map(sourceOf))].sort(),
    ])
    .sort(([a], [b]) => a.localeCompare(b));
  writeFileSync(record, `${JSON.stringify(Object.fromEntries(written), null, 2)}\n`);
  const bytes = Object.values(metafile.outputs).reduce((s, o) => s + o.bytes, 0);
  console.error(
    `› bundle: packages/cli/dist/bin.js + ${written.length - 1} chunks, ${(bytes / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - started)} ms`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await bundleRepository();
