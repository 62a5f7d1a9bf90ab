import {
  defineRule,
  type Facet,
  type FilesFacets,
  resolveExpectations,
  type Snapshot,
  SNAPSHOT_SCHEMA_VERSION,
} from '../src/index.js';

export const expectations = resolveExpectations(undefined);

export function snapshotWith(dockerfile: Facet<FilesFacets['files.dockerfile']> | undefined): Snapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'coditect-audit', version: 'test' },
    environment: 'staging',
    root: '.',
    layers: { files: { status: 'collected' } },
    facets: dockerfile ? { 'files.dockerfile': dockerfile } : {},
  };
}

export const okDockerfiles = (users: (string | undefined)[]): Facet<FilesFacets['files.dockerfile']> => ({
  status: 'ok',
  problems: [],
  data: {
    files: users.map((u, i) => ({
      file: `svc${i}/Dockerfile`,
      args: [],
      ignores: [],
      stages: [
        {
          index: 0,
          image: 'python:3.12',
          resolvedImage: 'python:3.12',
          line: 1,
          column: 1,
          env: [],
          copies: [],
          instructions: [],
          ...(u ? { user: { value: u, line: 5, column: 1 } } : {}),
        },
      ],
    })),
  },
});

/** A small rule: fails for root users, passes otherwise. */
export const rootRule = defineRule({
  id: 'test-root-user',
  title: 'Test rule',
  concerns: ['container.runs-as-root'],
  layer: 'files',
  facets: ['files.dockerfile'],
  description: 'd',
  rationale: 'r',
  remediation: { text: 'fix it', commands: ['USER app'] },
  messages: { root: 'runs as {{user}}', ok: 'runs as {{user}}' },
  check(ctx) {
    for (const df of ctx.facet('files.dockerfile').files) {
      const user = df.stages[0]?.user;
      const resource = { id: `${df.file}#stage:0`, kind: 'DockerfileStage', name: '0', file: df.file };
      if (!user || user.value === 'root')
        ctx.fail({
          resource,
          messageId: 'root',
          data: { user: user?.value ?? 'root' },
          location: { file: df.file, startLine: user?.line ?? 1 },
        });
      else ctx.pass({ resource, messageId: 'ok', data: { user: user.value } });
    }
  },
});
