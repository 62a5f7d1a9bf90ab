/**
 * Dockerfile → stages, with what rules ask about: the base image (global ARG defaults expanded), the
 * platform, the stage it builds on, its last USER, its ENV and its COPY/ADD.
 */
import { createRequire } from 'node:module';
import type { DockerCopy, DockerInstruction, DockerStage, Dockerfile } from '@coditect-audit/core';
import type * as DockerfileAst from 'dockerfile-ast';
import type { Instruction, Property } from 'dockerfile-ast';
import { FileParseError, TEMPLATE_FIX } from './errors.js';
import { findInlineIgnores } from './ignores.js';
import { normalizeText } from './text.js';

/**
 * The Dockerfile parser, loaded when the first Dockerfile is parsed: a repository without one (and
 * `rules`, `--help`) does not load its ~200 kB (issue 19: start-up). It is CommonJS, so it loads
 * synchronously; the bundle keeps it an installed dependency (scripts/bundle.mjs), found through this
 * literal `require`, and tsc's ES module output makes a `require` of its own.
 */
let dockerfileAst: { ast: typeof DockerfileAst; keywords: Set<string> } | undefined;
function parser() {
  if (!dockerfileAst) {
    const own = typeof require === 'function' ? undefined : createRequire(import.meta.url);
    const ast = (own ? own('dockerfile-ast') : require('dockerfile-ast')) as typeof DockerfileAst;
    dockerfileAst = { ast, keywords: new Set<string>(Object.values(ast.Keyword)) };
  }
  return dockerfileAst;
}

/** Values of variables a reference may expand to; `undefined` means not known. */
type Lookup = (name: string) => string | undefined;

/**
 * Parses a Dockerfile. Throws FileParseError (with the line) when it has no FROM, when an instruction
 * other than ARG comes before the first FROM, on an unknown instruction, on a FROM without an image, or
 * on an inline-ignore directive without a reason.
 */
export function parseDockerfile(file: string, text: string): Dockerfile {
  const source = normalizeText(text);
  const { ast, keywords } = parser();
  const parsed = ast.DockerfileParser.parse(source);
  const escapeChar = parsed.getEscapeCharacter();

  const args: Dockerfile['args'] = [];
  const globalArgs = new Map<string, string>();
  const globalLookup: Lookup = (name) => globalArgs.get(name);
  const stages: DockerStage[] = [];
  // Per stage: variables known at this point (stage ARG defaults and ENV), for `$VAR` expansion.
  let stageVars = new Map<string, string>();

  for (const instruction of parsed.getInstructions()) {
    const keyword = instruction.getKeyword().toUpperCase();
    const range = instruction.getRange();
    const line = range.start.line + 1;
    const column = range.start.character + 1;
    if (!keywords.has(keyword)) {
      // Only a word is echoed: a stray line such as `DB_PASSWORD=...` must not reach a message.
      const word = instruction.getInstruction();
      // A project template's Dockerfile (cookiecutter, copier: Jinja's `{% if … %}`), which only its rendering
      // makes a Dockerfile: said as such, by the delimiter alone.
      const template = /^\{[{%#]/.exec(word)?.[0];
      if (template)
        throw new FileParseError(
          `a template line (${template} … ${template === '{{' ? '}}' : `${template[1]}}`}): the file is a template (Jinja, as cookiecutter and copier write them), not a Dockerfile`,
          line,
          column,
          TEMPLATE_FIX,
        );
      const shown = /^[A-Za-z]{1,20}$/.test(word) ? ` "${word}"` : '';
      throw new FileParseError(
        `unknown instruction${shown}: a line must start with an instruction keyword`,
        line,
        column,
      );
    }
    const current = stages[stages.length - 1];

    if (keyword === 'ARG') {
      for (const property of propertiesOf(instruction)) {
        const name = property.getName();
        const value = property.getValue() ?? undefined;
        if (!current) {
          args.push(value === undefined ? { name, line } : { name, value, line });
          if (value !== undefined) globalArgs.set(name, expandVariables(value, globalLookup));
        } else {
          // Inside a stage, `ARG NAME` without a value brings the global default into scope.
          const known = value !== undefined ? expandVariables(value, lookupIn(stageVars)) : globalArgs.get(name);
          if (known !== undefined) stageVars.set(name, known);
          else stageVars.delete(name);
        }
      }
      if (current) current.instructions.push(toInstruction(instruction, keyword, escapeChar));
      continue;
    }

    if (keyword === 'FROM') {
      const from = parsed.getFROMs().find((f) => f.getRange().start.line === range.start.line);
      const image = from?.getImage();
      if (!from || !image) throw new FileParseError('FROM names no image', line, column);
      const resolvedImage = expandVariables(image, globalLookup);
      const name = from.getBuildStage() ?? undefined;
      const baseStage = findStage(stages, resolvedImage);
      const platform = flagsOf(instruction).platform;
      const stage: DockerStage = {
        index: stages.length,
        ...(name ? { name } : {}),
        image,
        resolvedImage,
        ...(baseStage !== undefined ? { baseStage } : {}),
        ...(platform !== undefined ? { platform: expandVariables(platform, globalLookup) } : {}),
        line,
        column,
        env: [],
        copies: [],
        instructions: [toInstruction(instruction, keyword, escapeChar)],
      };
      stages.push(stage);
      stageVars = new Map();
      continue;
    }

    if (!current) {
      throw new FileParseError(`${keyword} before the first FROM: only ARG may come before FROM`, line, column);
    }
    const record = toInstruction(instruction, keyword, escapeChar);
    current.instructions.push(record);

    if (keyword === 'USER') {
      current.user = { value: expandVariables(record.args.trim(), lookupIn(stageVars)), line, column };
    } else if (keyword === 'ENV') {
      // Every value of one ENV sees the variables as they were before that ENV (Docker semantics).
      const before = lookupIn(new Map(stageVars));
      for (const property of propertiesOf(instruction)) {
        const raw = property.getValue() ?? '';
        const quotedLiterally = /^\s*'/.test(property.getUnescapedValue() ?? '');
        const value = quotedLiterally ? raw : expandVariables(raw, before);
        current.env.push({ name: property.getName(), value, line, column });
        stageVars.set(property.getName(), value);
      }
    } else if (keyword === 'COPY' || keyword === 'ADD') {
      current.copies.push(toCopy(instruction, keyword, record, line, column));
    }
  }

  if (stages.length === 0)
    throw new FileParseError('no FROM instruction: a Dockerfile must start a stage with FROM', 1);
  return { file, stages, args, ignores: findInlineIgnores(file, source) };
}

/**
 * Expands `$V`, `${V}`, `${V:-default}`, `${V-default}`, `${V:+alt}` and `${V+alt}`. A reference to a
 * variable that is not known, and has no default, stays as written.
 */
export function expandVariables(text: string, lookup: Lookup): string {
  if (!text.includes('$')) return text;
  return text.replace(
    /(\\?)\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (whole, escaped: string, braced: string | undefined, op: string | undefined, word: string | undefined, bare) => {
      if (escaped) return whole;
      const name = braced ?? (bare as string | undefined) ?? '';
      const value = lookup(name);
      switch (op) {
        case ':-':
          return value ? value : expandVariables(word ?? '', lookup);
        case '-':
          return value !== undefined ? value : expandVariables(word ?? '', lookup);
        case ':+':
          return value ? expandVariables(word ?? '', lookup) : '';
        case '+':
          return value !== undefined ? expandVariables(word ?? '', lookup) : '';
        default:
          return value !== undefined ? value : whole;
      }
    },
  );
}

function lookupIn(vars: Map<string, string>): Lookup {
  return (name) => vars.get(name);
}

/** `FROM builder` or `FROM 0`: the earlier stage it names (stage names are case-insensitive). */
function findStage(stages: DockerStage[], image: string): number | undefined {
  const lower = image.toLowerCase();
  const named = stages.find((s) => s.name?.toLowerCase() === lower);
  if (named) return named.index;
  if (/^\d+$/.test(image) && Number(image) < stages.length) return Number(image);
  return undefined;
}

function propertiesOf(instruction: Instruction): Property[] {
  return instruction instanceof parser().ast.PropertyInstruction ? instruction.getProperties() : [];
}

function flagsOf(instruction: Instruction): Record<string, string> {
  const flags: Record<string, string> = {};
  if (instruction instanceof parser().ast.ModifiableInstruction) {
    for (const flag of instruction.getFlags()) flags[flag.getName()] = flag.getValue() ?? '';
  }
  return flags;
}

function toInstruction(instruction: Instruction, keyword: string, escapeChar: string): DockerInstruction {
  const range = instruction.getRange();
  return {
    keyword,
    args: joinContinuations(instruction.getRawArgumentsContent() ?? '', escapeChar),
    flags: flagsOf(instruction),
    line: range.start.line + 1,
    endLine: range.end.line + 1,
    column: range.start.character + 1,
  };
}

/**
 * Joins continuation lines with one space and drops comment lines inside a continuation, as the
 * builder does. Lines not ending in the escape character (heredoc bodies) keep their newline.
 */
export function joinContinuations(raw: string, escapeChar: string): string {
  const lines = raw.split('\n');
  let out = '';
  let continuing = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (continuing && /^\s*#/.test(line)) continue;
    const trimmedEnd = line.replace(/[ \t]+$/, '');
    const continues = trimmedEnd.endsWith(escapeChar) && !trimmedEnd.endsWith(escapeChar + escapeChar);
    const content = continuing ? trimmedEnd.replace(/^[ \t]+/, '') : trimmedEnd;
    const piece = continues ? content.slice(0, -escapeChar.length).replace(/[ \t]+$/, '') : content;
    if (i > 0) out += continuing ? (out && piece ? ' ' : '') : '\n';
    out += piece;
    continuing = continues;
  }
  return out.trim();
}

function toCopy(
  instruction: Instruction,
  keyword: 'COPY' | 'ADD',
  record: DockerInstruction,
  line: number,
  column: number,
): DockerCopy {
  const words = copyOperands(instruction, record.args);
  const { from, chown } = record.flags;
  const copy: DockerCopy = {
    keyword,
    ...(from !== undefined ? { from } : {}),
    ...(chown !== undefined ? { chown } : {}),
    sources: words.slice(0, -1),
    destination: words[words.length - 1] ?? '',
    line,
    column,
  };
  return copy;
}

/** Sources then destination: JSON form (`["a b", "/dst/"]`), heredoc (`COPY <<EOF /dst`) or words. */
function copyOperands(instruction: Instruction, args: string): string[] {
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((v) => typeof v === 'string')) return parsed;
    } catch {
      // Not valid JSON: the builder treats it as shell form, and so do we.
    }
  }
  if (/<<-?["']?[A-Za-z_]/.test(args)) return (args.split('\n')[0] ?? '').split(/\s+/).filter(Boolean);
  return instruction.getArguments().map((a) => a.getValue());
}
