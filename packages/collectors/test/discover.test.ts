import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyPath, discoverFiles } from '../src/files/discover.js';
import { MAX_FILE_BYTES } from '../src/files/text.js';

const made: string[] = [];

async function makeTree(files: Record<string, string | Buffer>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'coditect-discover-'));
  made.push(root);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
  return root;
}

afterAll(async () => {
  for (const root of made) {
    await chmod(root, 0o755).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
  }
});

describe('classifyPath', () => {
  it.each([
    ['Dockerfile', 'dockerfile'],
    ['app/Dockerfile.prod', 'dockerfile'],
    ['app/api.Dockerfile', 'dockerfile'],
    ['app/api.dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['Dockerfile.dockerignore', undefined],
    ['Dockerfile.md', 'markdown'],
    ['src/dockerfile.ts', undefined],
    ['test/dockerfile.test.ts', undefined],
    ['Dockerfile.j2', undefined],
    ['Dockerfile.yml', 'kubernetes'],
    ['Containerfile.dev', 'dockerfile'],
    ['.github/workflows/ci.yml', 'workflows'],
    ['.github/workflows/deploy.yaml', 'workflows'],
    ['.github/workflows/nested/x.yml', 'kubernetes'],
    ['.github/dependabot.yml', 'kubernetes'],
    ['k8s/deploy.YAML', 'kubernetes'],
    ['infra/main.tf', 'terraform'],
    ['infra/terraform.tfstate', 'tfstate'],
    ['infra/terraform.tfstate.backup', undefined],
    ['README.md', 'markdown'],
    ['docs/guide.markdown', 'markdown'],
    ['notes.txt', undefined],
  ])('%s → %s', (path, kind) => {
    expect(classifyPath(path)).toBe(kind);
  });
});

describe('discoverFiles', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeTree({
      '.gitignore': 'build/\nignored.md\n/only-at-root.yaml\n',
      Dockerfile: 'FROM alpine\n',
      'app/Dockerfile.prod': 'FROM alpine\n',
      'app/only-at-root.yaml': 'a: 1\n',
      'only-at-root.yaml': 'a: 1\n',
      'build/Dockerfile': 'FROM alpine\n',
      'ignored.md': '# x\n',
      'sub/.gitignore': '*.md\n!KEEP.md\n',
      'sub/README.md': '# ignored by sub/.gitignore\n',
      'sub/KEEP.md': '# re-included\n',
      'sub/ignored.md': '# ignored by the root pattern\n',
      'sub/deeper/notes.md': '# ignored by sub/.gitignore\n',
      'sub/deeper/deploy.yaml': 'apiVersion: v1\n',
      'node_modules/pkg/Dockerfile': 'FROM alpine\n',
      'node_modules/pkg/README.md': '# dependency\n',
      'a/node_modules/x.yaml': 'a: 1\n',
      '.git/config.yaml': 'a: 1\n',
      '.github/workflows/ci.yml': 'on: push\n',
      'infra/main.tf': 'terraform {}\n',
      'infra/terraform.tfstate': '{}\n',
      'docs/guide.markdown': '# guide\n',
      'notes.txt': 'not read\n',
      'bin.md': Buffer.from([0x23, 0x20, 0x00, 0x01]),
    });
    await writeFile(join(root, 'big.yaml'), Buffer.alloc(MAX_FILE_BYTES + 1, 0x61));
    // A directory link back to the root would loop forever if followed.
    await symlink(root, join(root, 'sub', 'loop'), 'dir');
    await symlink(join(root, 'docs', 'guide.markdown'), join(root, 'linked.md'));
    await symlink(join(root, 'missing.yaml'), join(root, 'broken.yaml'));
  });

  it('finds candidate files in sorted order, honouring .gitignore files at every level', async () => {
    const { files } = await discoverFiles({ root });
    expect(files.map((f) => [f.path, f.kind])).toEqual([
      ['.github/workflows/ci.yml', 'workflows'],
      ['Dockerfile', 'dockerfile'],
      ['app/Dockerfile.prod', 'dockerfile'],
      // `/only-at-root.yaml` is anchored to the root's directory.
      ['app/only-at-root.yaml', 'kubernetes'],
      ['docs/guide.markdown', 'markdown'],
      ['infra/main.tf', 'terraform'],
      ['infra/terraform.tfstate', 'tfstate'],
      ['linked.md', 'markdown'],
      ['sub/KEEP.md', 'markdown'],
      ['sub/deeper/deploy.yaml', 'kubernetes'],
    ]);
    expect(files.find((f) => f.path === 'linked.md')!.text).toBe('# guide\n');
  });

  it('reports too-large, binary and broken-link files with the file and the limit', async () => {
    const { problems } = await discoverFiles({ root });
    expect(problems.map((p) => [p.kind, p.problem.subject, p.problem.cause])).toEqual(
      [
        ['kubernetes', 'big.yaml', 'too-large'],
        ['markdown', 'bin.md', 'binary'],
        ['kubernetes', 'broken.yaml', 'unreadable'],
      ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)),
    );
    const large = problems.find((p) => p.problem.subject === 'big.yaml')!.problem;
    expect(large.message).toBe(
      'big.yaml: 10.0 MB is over the 10.0 MB limit for files the scanner reads; it was not read',
    );
    expect(large.fix).toContain('layers.files.exclude');
  });

  it('applies include and exclude globs to relative paths', async () => {
    const included = await discoverFiles({ root, include: ['**/*.md', '**/*.markdown'], exclude: ['docs/**'] });
    expect(included.files.map((f) => f.path)).toEqual(['linked.md', 'sub/KEEP.md']);
    expect(included.problems.map((p) => p.problem.subject)).toEqual(['bin.md']);
    const onlyInfra = await discoverFiles({ root, include: ['infra/**'] });
    expect(onlyInfra.files.map((f) => f.path)).toEqual(['infra/main.tf', 'infra/terraform.tfstate']);
    const withoutSub = await discoverFiles({ root, exclude: ['sub', '*.yaml'] });
    expect(withoutSub.files.map((f) => f.path)).not.toContain('sub/KEEP.md');
    expect(withoutSub.files.map((f) => f.path)).toContain('app/only-at-root.yaml');
  });

  it('reports a root that does not exist', async () => {
    const { files, problems } = await discoverFiles({ root: join(root, 'nope') });
    expect(files).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.problem).toMatchObject({ subject: '.', cause: 'unreadable' });
    expect(problems[0]!.problem.message).toContain('does not exist');
  });

  it.skipIf(process.getuid?.() === 0)('reports unreadable files and directories (permission denied)', async () => {
    const tree = await makeTree({ 'locked.md': '# x\n', 'closed/a.md': '# y\n', 'open.md': '# z\n' });
    await chmod(join(tree, 'locked.md'), 0o000);
    await chmod(join(tree, 'closed'), 0o000);
    const { files, problems } = await discoverFiles({ root: tree });
    expect(files.map((f) => f.path)).toEqual(['open.md']);
    expect(problems.map((p) => [p.kind, p.problem.subject, p.problem.cause])).toEqual([
      [undefined, 'closed', 'permission-denied'],
      ['markdown', 'locked.md', 'permission-denied'],
    ]);
    await chmod(join(tree, 'closed'), 0o755);
  });
});
