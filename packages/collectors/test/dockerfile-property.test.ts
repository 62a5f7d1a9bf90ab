// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the fragments are Dockerfile and workflow syntax, not templates
/**
 * Property tests of the Dockerfile parser (fixed seed; scripts/fuzz.mjs runs them longer): any text made of
 * Dockerfile fragments (continuations, heredocs, parser directives, JSON forms, variables) and noise either
 * parses with every position inside the text or fails with a FileParseError pointing inside it, and
 * `collectFilesFromMemory` never throws on it.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { collectFilesFromMemory, parseDockerfile } from '../src/index.js';
import { expectParsesOrFileParseError, propertyParameters, textFrom } from './property-support.js';

const FRAGMENTS = [
  'FROM python:3.12-slim',
  'FROM --platform=$BUILDPLATFORM node AS build',
  'FROM scratch',
  ' AS ',
  'RUN ',
  'RUN pip install --user -r requirements.txt',
  'RUN <<EOF',
  'COPY <<-EOT /app/x',
  'EOF',
  'EOT',
  'COPY --from=build /root/.local /home/django/.local',
  'COPY --chown=django:django . .',
  'USER django',
  'USER 0',
  'ENV A=1 B="two words"',
  'ENV PATH=/home/django/.local/bin:$PATH',
  'ARG VERSION=${VERSION:-1}',
  'ARG ',
  'EXPOSE 8000',
  'HEALTHCHECK CMD curl -f http://localhost/',
  'CMD ["gunicorn", "app.wsgi"]',
  'ENTRYPOINT [',
  'SHELL ["/bin/bash", "-c"]',
  'ONBUILD RUN x',
  'WORKDIR /app',
  '# syntax=docker/dockerfile:1',
  '# escape=`',
  '# escape=\\',
  '# check=skip=all',
  '# coditect-audit:ignore dockerfile-runs-as-root -- reason',
  '#',
  '`',
  '\\',
  '${',
  '}',
  '$',
  '"',
  "'",
  '[',
  ']',
  '=',
  '--',
];

describe('parseDockerfile on random Dockerfile-like text', () => {
  it('parses or throws a FileParseError, every position inside the text', () => {
    fc.assert(
      fc.property(textFrom(FRAGMENTS), (text) => {
        expectParsesOrFileParseError((t) => parseDockerfile('Dockerfile', t), text);
      }),
      propertyParameters(),
    );
  });

  it('never crashes collectFilesFromMemory', () => {
    fc.assert(
      fc.property(textFrom(FRAGMENTS), (text) => {
        collectFilesFromMemory({ Dockerfile: text, 'build/Dockerfile.worker': `${text}\nFROM alpine\n` });
      }),
      propertyParameters(),
    );
  });
});
