/**
 * Cloud Build configs (`cloudbuild*.yaml`, or any YAML whose document is one): the image references they name, wherever they name them (a step's
 * builder, its arguments and environment, a script, `images:`, substitutions), each at its place in the file.
 * Rules judge the references (a Container Registry image pushed or deployed by Cloud Build); the collector
 * only finds them, as it finds them in Markdown.
 */
import type { CloudBuildReferences } from '@coditect-audit/core';
import { isMap, isScalar, isSeq } from 'yaml';
import { documentsOf, isCloudBuildDocument, mayBeCloudBuild, type YamlSource } from './image-builds.js';
import { registryReferences } from './markdown.js';

export function cloudBuildReferences(yamlSources: readonly YamlSource[]): CloudBuildReferences[] {
  const out: CloudBuildReferences[] = [];
  for (const source of yamlSources) {
    const { path, text } = source;
    const config = mayBeCloudBuild(source);
    if (!config) continue;
    const references: CloudBuildReferences['references'] = [];
    let isConfig = config.byName;
    for (const { value, contents, lineCounter } of documentsOf(source)) {
      if (!config.byName && !isCloudBuildDocument(value)) continue;
      isConfig = true;
      const visit = (node: unknown, at: string): void => {
        if (isMap(node)) {
          for (const pair of node.items) {
            const key = isScalar(pair.key) ? String(pair.key.value) : '';
            visit(pair.value, at ? `${at}.${key}` : key);
          }
        } else if (isSeq(node)) {
          node.items.forEach((item, i) => {
            visit(item, `${at}[${i}]`);
          });
        } else if (isScalar(node) && typeof node.value === 'string' && node.range) {
          // Each token is found again in the scalar's source, so that a block scalar's line is its own.
          const [start, end] = node.range;
          let from = start;
          for (const token of registryReferences(node.value)) {
            const offset = text.indexOf(token, from);
            if (offset < 0 || offset >= end) continue;
            from = offset + token.length;
            const pos = lineCounter.linePos(offset);
            references.push({ text: token, line: pos.line, column: pos.col, path: at });
          }
        }
      };
      visit(contents, '');
    }
    if (isConfig) out.push({ file: path, references });
  }
  return out;
}
