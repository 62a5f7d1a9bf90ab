/**
 * Markdown documents: container-registry references (`gcr.io/p/img:tag`, `us-central1-docker.pkg.dev/...`)
 * in prose and code blocks alike, so deployment guides that still point at a retired registry are found.
 */
import type { MarkdownFile } from '@coditect-audit/core';
import { findInlineIgnores } from './ignores.js';
import { normalizeText } from './text.js';

/** Registry hosts whose `host/path` tokens are references to images or repositories. */
const REGISTRY_HOSTS = [
  String.raw`(?:[a-z0-9-]+\.)?gcr\.io`,
  String.raw`[a-z0-9-]+-docker\.pkg\.dev`,
  String.raw`(?:registry-1\.|index\.)?docker\.io`,
  String.raw`ghcr\.io`,
  String.raw`quay\.io`,
  String.raw`registry\.k8s\.io`,
  String.raw`mcr\.microsoft\.com`,
  String.raw`public\.ecr\.aws`,
  String.raw`[a-z0-9-]+\.azurecr\.io`,
  String.raw`\d{12}\.dkr\.ecr\.[a-z0-9-]+\.amazonaws\.com`,
];

/**
 * A registry host not glued to a longer name nor a path segment (`github.com/kubernetes/k8s.io/blob/main/k8s.gcr.io/…`
 * is a folder; `https://gcr.io/…` is the host), then a path: variables such as `$PROJECT_ID` allowed, and the
 * placeholders a tutorial asks the reader to fill in (`[PROJECT_ID]`, `<PROJECT_ID>`, `[MY PROJECT ID]`).
 */
const REFERENCE = new RegExp(
  String.raw`(?<![A-Za-z0-9.\-_])(?<![^/]\/)(?:${REGISTRY_HOSTS.join('|')})(?::\d+)?/(?:\[[\w .-]+\]|<[\w .-]+>|[A-Za-z0-9._\-/:@$\{\}])+`,
  'gi',
);

/** The registry references in a text (`gcr.io/p/img:tag`, `europe-docker.pkg.dev/p/r/img`), as written. */
export function registryReferences(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    const reference = trimTrailingPunctuation(match[0]);
    if (reference.includes('/')) out.push(reference);
  }
  return out;
}

export function parseMarkdown(file: string, text: string): MarkdownFile {
  const source = normalizeText(text);
  const references: MarkdownFile['references'] = [];
  source.split('\n').forEach((line, index) => {
    for (const match of line.matchAll(REFERENCE)) {
      const reference = trimTrailingPunctuation(match[0]);
      if (!reference.includes('/')) continue;
      references.push({ text: reference, line: index + 1, column: (match.index ?? 0) + 1 });
    }
  });
  return { file, references, ignores: findInlineIgnores(file, source, 'markdown') };
}

/** Sentence punctuation and unbalanced closing braces after a reference are not part of it. */
function trimTrailingPunctuation(token: string): string {
  let out = token.replace(/[.:,;]+$/, '');
  while (out.endsWith('}') && count(out, '{') < count(out, '}')) out = out.slice(0, -1).replace(/[.:,;]+$/, '');
  return out.replace(/\/+$/, '');
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}
