/**
 * GitHub Actions workflows: triggers, jobs, steps, the actions they use and the commands they run, each
 * with its line in the file.
 */
import type {
  ShellCommand,
  Workflow,
  WorkflowJob,
  WorkflowPermissions,
  WorkflowStep,
  WorkflowUses,
} from '@coditect-audit/core';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, Scalar } from 'yaml';
import { FileParseError, invalidYaml } from './errors.js';
import { findInlineIgnores } from './ignores.js';
import { scriptCommands } from './shell.js';
import { normalizeText } from './text.js';
import { budgetError } from './kubernetes.js';
import {
  entryValue,
  firstDuplicateKey,
  keyString,
  nodePosition,
  overYamlBudget,
  type Position,
  pairOf,
  positionAt,
} from './yaml-nodes.js';

/** Parses a workflow file. Throws FileParseError on invalid YAML or a document that is not a mapping. */
export function parseWorkflow(file: string, text: string): Workflow {
  const source = normalizeText(text);
  if (overYamlBudget(source) !== undefined) throw budgetError();
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false, logLevel: 'error', uniqueKeys: false });
  const error = document.errors[0];
  if (error) {
    const at = positionAt(lineCounter, error.pos[0]);
    throw new FileParseError(invalidYaml(error.message), at.line, at.column);
  }
  const duplicate = firstDuplicateKey(document.contents);
  if (duplicate) {
    const at = nodePosition(lineCounter, duplicate) ?? { line: 1, column: 1 };
    throw new FileParseError('invalid YAML: Map keys must be unique', at.line, at.column);
  }
  const root = document.contents;
  if (!isMap(root)) {
    const at = nodePosition(lineCounter, root as Node) ?? { line: 1, column: 1 };
    throw new FileParseError('a workflow must be a YAML mapping with "on" and "jobs"', at.line, at.column);
  }
  const positionOf = (node: unknown): Position => nodePosition(lineCounter, node as Node) ?? { line: 1, column: 1 };

  const name = stringOf(entryValue(root, 'name'));
  const on = entryValue(root, 'on');
  const permissions = readPermissions(entryValue(root, 'permissions'));
  const workflow: Workflow = {
    file,
    ...(name !== undefined ? { name } : {}),
    line: positionOf(root.items[0]?.key).line,
    on: isMap(on) ? on.items.map(keyString).filter((k): k is string => k !== undefined) : stringList(on),
    pushBranches: isMap(on) ? stringList(entryValue(entryValue(on, 'push'), 'branches')) : [],
    ...(permissions !== undefined ? { permissions } : {}),
    jobs: [],
    ignores: findInlineIgnores(file, source),
  };

  const jobs = entryValue(root, 'jobs');
  if (isMap(jobs)) {
    for (const pair of jobs.items) {
      const id = keyString(pair);
      if (id === undefined) continue;
      workflow.jobs.push(readJob(id, pair.key, pair.value, source, lineCounter, positionOf));
    }
  }
  return workflow;
}

function readJob(
  id: string,
  keyNode: unknown,
  node: unknown,
  source: string,
  lineCounter: LineCounter,
  positionOf: (node: unknown) => Position,
): WorkflowJob {
  const name = stringOf(entryValue(node, 'name'));
  const permissions = readPermissions(entryValue(node, 'permissions'));
  const uses = readUses(entryValue(node, 'uses'), positionOf);
  const job: WorkflowJob = {
    id,
    ...(name !== undefined ? { name } : {}),
    line: positionOf(keyNode).line,
    needs: stringList(entryValue(node, 'needs')),
    ...(permissions !== undefined ? { permissions } : {}),
    ...(uses ? { uses } : {}),
    steps: [],
  };
  const steps = entryValue(node, 'steps');
  if (isSeq(steps)) {
    steps.items.forEach((stepNode, index) => {
      job.steps.push(readStep(index, stepNode, source, lineCounter, positionOf));
    });
  }
  return job;
}

function readStep(
  index: number,
  node: unknown,
  source: string,
  lineCounter: LineCounter,
  positionOf: (node: unknown) => Position,
): WorkflowStep {
  const name = stringOf(entryValue(node, 'name'));
  const uses = readUses(entryValue(node, 'uses'), positionOf);
  const step: WorkflowStep = {
    index,
    ...(name !== undefined ? { name } : {}),
    line: positionOf(node).line,
    ...(uses ? { uses } : {}),
    with: {},
  };
  const withNode = entryValue(node, 'with');
  if (isMap(withNode)) {
    for (const pair of withNode.items) {
      const key = keyString(pair);
      if (key === undefined) continue;
      const at = positionOf(pair.value ?? pair.key);
      step.with[key] = { value: stringify(pair.value), line: at.line, column: at.column };
    }
  }

  const runPair = pairOf(node, 'run');
  if (runPair && isScalar(runPair.value)) {
    const script = String(runPair.value.value ?? '');
    const lines = scriptLines(runPair.value, script, source, lineCounter);
    const commands: ShellCommand[] = scriptCommands(
      script,
      (lineIndex) => lines[lineIndex] ?? lines[lines.length - 1] ?? 1,
    );
    step.run = { script, line: positionOf(runPair.key).line, commands };
  }
  return step;
}

/** `owner/repo[/path]@ref`, `./local/action`, `docker://image:tag`. */
function readUses(node: unknown, positionOf: (node: unknown) => Position): WorkflowUses | undefined {
  const raw = stringOf(node);
  if (raw === undefined) return undefined;
  const at = positionOf(node);
  const position = { line: at.line, column: at.column };
  if (raw.startsWith('./') || raw.startsWith('.\\') || raw === '.') return { raw, kind: 'local', ...position };
  if (raw.startsWith('docker://')) return { raw, kind: 'docker', ...position };
  const atSign = raw.lastIndexOf('@');
  const path = atSign < 0 ? raw : raw.slice(0, atSign);
  return {
    raw,
    repository: path.split('/').slice(0, 2).join('/'),
    ...(atSign >= 0 ? { ref: raw.slice(atSign + 1) } : {}),
    kind: 'remote',
    ...position,
  };
}

/**
 * The file line of each line of a scalar's value. A literal block (`|`) maps one to one from the line
 * after its header (leading blank lines are kept in its value); folded (`>`) and flow scalars are
 * matched by content, in order.
 */
function scriptLines(node: Scalar, value: string, source: string, lineCounter: LineCounter): number[] {
  const [start = 0, end = start] = node.range ?? [];
  const headerLine = positionAt(lineCounter, start).line;
  const valueLines = value.split('\n');
  const block = node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED;
  const firstLine = block ? headerLine + 1 : headerLine;
  if (node.type === Scalar.BLOCK_LITERAL) {
    return valueLines.map((_, i) => firstLine + i);
  }
  const lastLine = positionAt(lineCounter, Math.max(start, end - 1)).line;
  const sourceLines = source.split('\n');
  const lines: number[] = [];
  let cursor = firstLine;
  for (const valueLine of valueLines) {
    const probe = valueLine.trim().slice(0, 24);
    let found = -1;
    if (probe) {
      for (let l = cursor; l <= lastLine; l++) {
        if ((sourceLines[l - 1] ?? '').includes(probe)) {
          found = l;
          break;
        }
      }
    }
    const line = found > 0 ? found : cursor;
    lines.push(line);
    cursor = Math.min(line + 1, lastLine);
  }
  return lines;
}

/** `read-all` / `write-all`, or `{ scope: level }` (`{}` grants nothing). */
function readPermissions(node: unknown): WorkflowPermissions | undefined {
  if (isScalar(node)) return stringOf(node);
  if (!isMap(node)) return undefined;
  const permissions: Record<string, string> = {};
  for (const pair of node.items) {
    const scope = keyString(pair);
    const level = stringOf(pair.value);
    if (scope !== undefined && level !== undefined) permissions[scope] = level;
  }
  return permissions;
}

function stringOf(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  return String(node.value);
}

function stringList(node: unknown): string[] {
  if (isScalar(node)) {
    const value = stringOf(node);
    return value === undefined ? [] : [value];
  }
  if (isSeq(node)) return node.items.map(stringOf).filter((v): v is string => v !== undefined);
  return [];
}

/** A `with:` value as text: scalars as written, anything else as JSON. */
function stringify(node: unknown): string {
  if (isScalar(node)) return node.value === null || node.value === undefined ? '' : String(node.value);
  if (node && typeof node === 'object' && 'toJSON' in node) return JSON.stringify((node as Node).toJSON());
  return '';
}
