/**
 * Rule packs named in `plugins:` (an npm package name or a path relative to the config file) or with
 * `--plugin` (relative to the current directory). A repository's own configuration may name plugins only
 * when it is trusted; `prepare` refuses them before this module imports anything (docs/security.md).
 * A pack's module exports `rules` (or a default export `{ rules }`, or a default array of rules).
 * Every plugin rule is validated like a built-in one; an id clash is a configuration error.
 */
import { createRequire } from 'node:module';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, defineRule, defineViewRule, RuleDefinitionError } from '@coditect-audit/core';
function isPathLike(spec) {
    return spec.startsWith('.') || spec.startsWith('/') || isAbsolute(spec);
}
export async function loadPlugins(specs, baseDir, configFile, from = { source: 'config' }) {
    const out = [];
    for (const [i, spec] of specs.entries()) {
        const where = from.source === 'flag' ? `--plugin "${spec}"` : `${configFile}: plugins[${i}] "${spec}"`;
        let url;
        try {
            url = isPathLike(spec)
                ? pathToFileURL(resolve(baseDir, spec)).href
                : pathToFileURL(createRequire(resolve(baseDir, 'noop.js')).resolve(spec)).href;
        }
        catch {
            throw new ConfigError(`${where}: cannot be found. Install it (npm i -D ${spec}) or fix the path (paths are relative to ${from.source === 'flag' ? 'the current directory' : 'the config file'}).`, configFile, `plugins[${i}]`);
        }
        let mod;
        try {
            mod = (await import(url));
        }
        catch (e) {
            throw new ConfigError(`${where}: failed to load: ${e.message}`, configFile, `plugins[${i}]`);
        }
        const def = mod.default;
        const raw = mod.rules ?? (Array.isArray(def) ? def : def?.rules);
        if (!Array.isArray(raw) || raw.length === 0) {
            throw new ConfigError(`${where}: exports no rules; export \`rules\` (an array made with defineRule).`, configFile, `plugins[${i}]`);
        }
        const rules = [];
        for (const r of raw) {
            try {
                // A definition over a view (`view` and `sources` by name) is judged per source; a rule a pack already
                // made with defineViewRule carries its sources as a list and is validated like any rule.
                const overView = !!r && typeof r === 'object' && 'view' in r && !Array.isArray(r.sources);
                rules.push(overView
                    ? defineViewRule(r)
                    : defineRule(r));
            }
            catch (e) {
                if (e instanceof RuleDefinitionError)
                    throw new ConfigError(`${where}: ${e.message}`, configFile, `plugins[${i}]`);
                throw e;
            }
        }
        const name = def?.name ?? mod.name ?? spec;
        out.push({ name, rules });
    }
    return out;
}
//# sourceMappingURL=plugins.js.map