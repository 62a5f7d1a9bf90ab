#!/usr/bin/env node
/**
 * The version a release tag stands for, checked: `node scripts/release-version.mjs v1.2.3` prints 1.2.3 when
 * the tag is `v` + a semantic version, packages/cli/package.json says the same version and CHANGELOG.md has
 * a `## [1.2.3]` section; otherwise it says what disagrees and exits 3. The release workflow runs it first.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tag = process.argv[2] ?? '';
const fail = (message) => {
  console.error(`release: ${message}`);
  process.exit(3);
};
const m = /^v(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$/.exec(tag);
if (!m) fail(`tag "${tag}" is not v<semantic version> (v1.2.3, v1.2.3-rc.1)`);
const version = m[1];
const manifest = JSON.parse(readFileSync(join(root, 'packages/cli/package.json'), 'utf8')).version;
if (manifest !== version)
  fail(`tag ${tag} but packages/cli/package.json says ${manifest}; bump it (and the changelog) first`);
const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8');
if (!new RegExp(`^## \\[${version.replace(/\./g, '\\.')}\\]`, 'm').test(changelog))
  fail(`CHANGELOG.md has no "## [${version}]" section`);
console.log(version);
