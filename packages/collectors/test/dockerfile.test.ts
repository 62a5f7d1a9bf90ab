/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are Dockerfile sources, where ${...} is Dockerfile syntax */
import { describe, expect, it } from 'vitest';
import { expandVariables, parseDockerfile } from '../src/files/dockerfile.js';
import { parseProblem } from '../src/files/collect.js';
import { FileParseError } from '../src/files/errors.js';

const ADR_DOCKERFILE = `# syntax=docker/dockerfile:1
ARG PYTHON=3.12
ARG REGISTRY=us-central1-docker.pkg.dev/coditect-cloud-infra/base
FROM --platform=linux/amd64 python:\${PYTHON}-slim AS builder
WORKDIR /app
COPY requirements.txt .
RUN pip install --user \\
    --no-cache-dir \\
    -r requirements.txt
COPY . .

FROM \${REGISTRY}/python:\${PYTHON:-3.11}-slim
COPY --from=builder /root/.local /root/.local
COPY --from=builder --chown=django:django /app /app
ENV PATH=/root/.local/bin:$PATH
RUN useradd -m -u 1000 django && \\
    chown -R django:django /app
USER root
USER django
CMD ["gunicorn", "app.wsgi"]
`;

function parseError(text: string): FileParseError {
  try {
    parseDockerfile('Dockerfile', text);
  } catch (e) {
    if (e instanceof FileParseError) return e;
    throw e;
  }
  throw new Error('expected a FileParseError');
}

describe('parseDockerfile', () => {
  const df = parseDockerfile('Dockerfile', ADR_DOCKERFILE);

  it('reads global ARGs with their lines', () => {
    expect(df.args).toEqual([
      { name: 'PYTHON', value: '3.12', line: 2 },
      { name: 'REGISTRY', value: 'us-central1-docker.pkg.dev/coditect-cloud-infra/base', line: 3 },
    ]);
  });

  it('reads stages with the image as written and with global ARG defaults expanded', () => {
    expect(df.stages.map((s) => [s.index, s.name, s.image, s.resolvedImage, s.platform, s.line, s.column])).toEqual([
      [0, 'builder', 'python:${PYTHON}-slim', 'python:3.12-slim', 'linux/amd64', 4, 1],
      [
        1,
        undefined,
        '${REGISTRY}/python:${PYTHON:-3.11}-slim',
        'us-central1-docker.pkg.dev/coditect-cloud-infra/base/python:3.12-slim',
        undefined,
        12,
        1,
      ],
    ]);
  });

  it('keeps the last USER of a stage', () => {
    expect(df.stages[1]!.user).toEqual({ value: 'django', line: 19, column: 1 });
    expect(df.stages[0]!.user).toBeUndefined();
  });

  it('reads COPY with --from, --chown, sources and destination at the instruction position', () => {
    expect(df.stages[1]!.copies).toEqual([
      { keyword: 'COPY', from: 'builder', sources: ['/root/.local'], destination: '/root/.local', line: 13, column: 1 },
      {
        keyword: 'COPY',
        from: 'builder',
        chown: 'django:django',
        sources: ['/app'],
        destination: '/app',
        line: 14,
        column: 1,
      },
    ]);
    expect(df.stages[0]!.copies.map((c) => [c.sources, c.destination, c.line])).toEqual([
      [['requirements.txt'], '.', 6],
      [['.'], '.', 10],
    ]);
  });

  it('keeps a $PATH reference that no earlier ENV of the stage defines', () => {
    expect(df.stages[1]!.env).toEqual([{ name: 'PATH', value: '/root/.local/bin:$PATH', line: 15, column: 1 }]);
  });

  it('records every instruction with flags, continuation lines joined, line and endLine', () => {
    const run = df.stages[0]!.instructions.find((i) => i.keyword === 'RUN')!;
    expect(run).toEqual({
      keyword: 'RUN',
      args: 'pip install --user --no-cache-dir -r requirements.txt',
      flags: {},
      line: 7,
      endLine: 9,
      column: 1,
    });
    expect(df.stages[0]!.instructions[0]).toEqual({
      keyword: 'FROM',
      args: 'python:${PYTHON}-slim AS builder',
      flags: { platform: 'linux/amd64' },
      line: 4,
      endLine: 4,
      column: 1,
    });
    expect(df.stages[1]!.instructions.map((i) => i.keyword)).toEqual([
      'FROM',
      'COPY',
      'COPY',
      'ENV',
      'RUN',
      'USER',
      'USER',
      'CMD',
    ]);
    expect(df.stages[1]!.instructions.at(-1)!.args).toBe('["gunicorn", "app.wsgi"]');
  });

  it('links a stage to the earlier stage it builds on, by name (any case) or by index', () => {
    const parsed = parseDockerfile(
      'Dockerfile',
      'FROM node:20 AS Build\nFROM build AS test\nFROM 0\nFROM nginx:1.27\nFROM 7\n',
    );
    expect(parsed.stages.map((s) => s.baseStage)).toEqual([undefined, 0, 0, undefined, undefined]);
  });

  it('reads ENV in both forms, expanding references to earlier ENV of the same stage only', () => {
    const parsed = parseDockerfile(
      'Dockerfile',
      [
        'FROM alpine AS base',
        'ENV HOME=/home/app',
        'FROM alpine',
        'ENV APP_HOME /srv/app dir',
        'ENV A=1 B="two words" \\',
        '    C=$A',
        "ENV D=${A}:$B E=$HOME F='$A'",
        'ENV PATH=$APP_HOME/bin:$PATH',
      ].join('\n'),
    );
    expect(parsed.stages[1]!.env.map((e) => [e.name, e.value, e.line])).toEqual([
      ['APP_HOME', '/srv/app dir', 4],
      ['A', '1', 5],
      ['B', 'two words', 5],
      // Within one ENV, values see the variables as they were before it.
      ['C', '$A', 5],
      ['D', '1:two words', 7],
      // HOME belongs to another stage.
      ['E', '$HOME', 7],
      ['F', '$A', 7],
      ['PATH', '/srv/app dir/bin:$PATH', 8],
    ]);
  });

  it('expands stage ARG defaults in USER', () => {
    const parsed = parseDockerfile('Dockerfile', 'FROM alpine\nARG UID=1000\nUSER ${UID}:${GID:-1000}\n');
    expect(parsed.stages[0]!.user).toEqual({ value: '1000:1000', line: 3, column: 1 });
  });

  it('reads JSON-form COPY (sources with spaces) and ADD flags', () => {
    const parsed = parseDockerfile(
      'Dockerfile',
      'FROM alpine\nCOPY --chown=1000:1000 ["my dir/a b.txt", "other", "/opt/app/"]\nADD --chmod=755 https://x.test/t.tgz /opt\n',
    );
    expect(parsed.stages[0]!.copies).toEqual([
      {
        keyword: 'COPY',
        chown: '1000:1000',
        sources: ['my dir/a b.txt', 'other'],
        destination: '/opt/app/',
        line: 2,
        column: 1,
      },
      { keyword: 'ADD', sources: ['https://x.test/t.tgz'], destination: '/opt', line: 3, column: 1 },
    ]);
    expect(parsed.stages[0]!.instructions[2]!.flags).toEqual({ chmod: '755' });
  });

  it('reads a heredoc COPY destination from its first line', () => {
    const parsed = parseDockerfile('Dockerfile', 'FROM alpine\nCOPY <<EOF /etc/motd\nhello\nEOF\nUSER nobody\n');
    expect(parsed.stages[0]!.copies[0]).toMatchObject({ sources: ['<<EOF'], destination: '/etc/motd', line: 2 });
    expect(parsed.stages[0]!.instructions[1]).toMatchObject({ keyword: 'COPY', line: 2, endLine: 4 });
    expect(parsed.stages[0]!.user).toEqual({ value: 'nobody', line: 5, column: 1 });
  });

  it('drops comment lines inside a continued instruction', () => {
    const parsed = parseDockerfile('Dockerfile', 'FROM alpine\nRUN apk add \\\n  # the client\n  postgresql-client\n');
    expect(parsed.stages[0]!.instructions[1]).toMatchObject({ args: 'apk add postgresql-client', line: 2, endLine: 4 });
  });

  it('expands --platform with global ARGs and keeps unknown build variables', () => {
    const parsed = parseDockerfile(
      'Dockerfile',
      'ARG TARGET=linux/amd64\nFROM --platform=$TARGET alpine\nFROM --platform=$BUILDPLATFORM alpine\n',
    );
    expect(parsed.stages.map((s) => s.platform)).toEqual(['linux/amd64', '$BUILDPLATFORM']);
  });

  it('accepts CRLF line ends and a byte order mark, with unchanged positions', () => {
    const parsed = parseDockerfile('Dockerfile', '\uFEFFFROM alpine\r\nRUN echo a \\\r\n  b\r\nUSER app\r\n');
    expect(parsed.stages[0]!.image).toBe('alpine');
    expect(parsed.stages[0]!.instructions[1]).toMatchObject({ args: 'echo a b', line: 2, endLine: 3 });
    expect(parsed.stages[0]!.user).toEqual({ value: 'app', line: 4, column: 1 });
  });

  it('reads lower-case keywords and an indented instruction column', () => {
    const parsed = parseDockerfile('Dockerfile', 'from alpine as base\n  user app\n');
    expect(parsed.stages[0]).toMatchObject({ name: 'base', user: { value: 'app', line: 2, column: 3 } });
    expect(parsed.stages[0]!.instructions[1]).toMatchObject({ keyword: 'USER', column: 3 });
  });

  it('collects inline ignores', () => {
    const parsed = parseDockerfile(
      'Dockerfile',
      'FROM alpine\n# coditect-audit:ignore dockerfile-runs-as-root -- the init container needs root\nUSER root\n',
    );
    expect(parsed.ignores).toEqual([
      {
        file: 'Dockerfile',
        line: 2,
        appliesToLine: 3,
        ruleId: 'dockerfile-runs-as-root',
        reason: 'the init container needs root',
      },
    ]);
  });

  describe('malformed files throw FileParseError with the line', () => {
    it('no FROM', () => {
      const e = parseError('# only a comment\nARG X=1\n');
      expect([e.line, e.message]).toEqual([1, 'no FROM instruction: a Dockerfile must start a stage with FROM']);
    });
    it('an empty file', () => {
      expect(parseError('').line).toBe(1);
    });
    it('an instruction other than ARG before the first FROM', () => {
      const e = parseError('ARG X=1\n\nRUN echo hi\nFROM alpine\n');
      expect([e.line, e.column, e.message]).toEqual([3, 1, 'RUN before the first FROM: only ARG may come before FROM']);
    });
    it('an unknown instruction', () => {
      const e = parseError('FROM alpine\nRUN true\n  FORM x\n');
      expect([e.line, e.column, e.message]).toEqual([
        3,
        3,
        'unknown instruction "FORM": a line must start with an instruction keyword',
      ]);
    });
    it('an unknown line that could hold a value is not echoed', () => {
      const e = parseError('FROM alpine\nENV A=1\n    DB_PASSWORD=Zq7-canary\n');
      expect([e.line, e.message]).toEqual([3, 'unknown instruction: a line must start with an instruction keyword']);
    });
    it('a project template (Jinja) is named as one, its line not echoed', () => {
      // cookiecutter-django's Dockerfiles: `{% if cookiecutter.use_celery == "y" %}` between instructions.
      const e = parseError(
        'FROM python:3.12\n\n{% if cookiecutter.use_celery == "y" %}\nCOPY start /start\n{% endif %}\n',
      );
      expect([e.line, e.column]).toEqual([3, 1]);
      expect(e.message).toBe(
        'a template line ({% … %}): the file is a template (Jinja, as cookiecutter and copier write them), not a Dockerfile',
      );
      // Its fix is a template's (render it), not a Dockerfile's ("fix it so that docker build accepts it").
      expect(e.fix).toBe('Render the template and scan the output, or exclude the file in the configuration.');
      expect(parseProblem('Dockerfile', 'dockerfile', e).fix).toBe(e.fix);
      expect(parseError('{{ base_image_line }}\nRUN true\n').message).toMatch(/^a template line \(\{\{ … \}\}\)/);
      expect(parseError('FROM alpine\n{# DB_PASSWORD=Zq7-canary #}\n').message).not.toContain('Zq7');
    });
    it('a FROM without an image', () => {
      const e = parseError('FROM alpine\nFROM\n');
      expect([e.line, e.message]).toEqual([2, 'FROM names no image']);
    });
    it('an inline ignore without a reason', () => {
      const e = parseError('FROM alpine\nUSER root # coditect-audit:ignore dockerfile-runs-as-root\n');
      expect([e.line, e.column]).toEqual([2, 13]);
    });
  });
});

describe('expandVariables', () => {
  const vars = new Map([
    ['A', 'one'],
    ['EMPTY', ''],
  ]);
  const lookup = (name: string) => vars.get(name);
  it.each([
    ['$A', 'one'],
    ['${A}', 'one'],
    ['x${A}y$A', 'xoneyone'],
    ['$UNKNOWN', '$UNKNOWN'],
    ['${UNKNOWN}', '${UNKNOWN}'],
    ['${UNKNOWN:-def}', 'def'],
    ['${EMPTY:-def}', 'def'],
    ['${EMPTY-def}', ''],
    ['${UNKNOWN-def}', 'def'],
    ['${A:+alt}', 'alt'],
    ['${UNKNOWN:+alt}', ''],
    ['${UNKNOWN:-$A}', 'one'],
    ['\\$A', '\\$A'],
    ['no variables', 'no variables'],
  ])('%s → %s', (input, expected) => {
    expect(expandVariables(input, lookup)).toBe(expected);
  });
});
