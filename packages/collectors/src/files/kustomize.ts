/**
 * Kustomize patch files. A strategic-merge patch (`patches: [{path: x}]`, `patchesStrategicMerge: [x]`) is a
 * fragment of an object that kustomize merges onto a base listed under `resources`; judged alone it looks
 * like a workload that sets nothing (no securityContext, no probes) and repeats, or invents, the base's
 * findings. The files layer does not read such files as manifests: it says once per file which
 * kustomization patches with it, and the base is judged as written. (JSON 6902 patches are lists of
 * operations, never read as manifests anyway.)
 */
import { posix } from 'node:path';
import { KUSTOMIZATION, repoPath, type YamlSource, yamlDocuments } from './image-builds.js';

/** Patch file → the kustomization that lists it. */
export function kustomizePatchFiles(yamlSources: readonly YamlSource[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const { path, text } of yamlSources) {
    if (!KUSTOMIZATION.test(path)) continue;
    const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
    for (const { value } of yamlDocuments(text)) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) continue;
      const k = value as Record<string, unknown>;
      const listed: unknown[] = [
        ...(Array.isArray(k.patches) ? k.patches : []),
        ...(Array.isArray(k.patchesStrategicMerge) ? k.patchesStrategicMerge : []),
        ...(Array.isArray(k.patchesJson6902) ? k.patchesJson6902 : []),
      ];
      for (const entry of listed) {
        // `patchesStrategicMerge` takes a path or an inline patch; `patches` entries name theirs in `path`.
        const file =
          typeof entry === 'string'
            ? entry
            : typeof entry === 'object' && entry !== null && typeof (entry as { path?: unknown }).path === 'string'
              ? (entry as { path: string }).path
              : undefined;
        if (!file || file.includes('\n')) continue;
        const patch = repoPath(dir, file);
        if (patch && !out.has(patch)) out.set(patch, path);
      }
    }
  }
  return out;
}

export function patchSkipReason(kustomization: string): string {
  return `kustomize patch (listed in ${kustomization}): a fragment kustomize merges onto its base, not judged alone (the base is judged as written; \`kubectl kustomize\` renders the merged result)`;
}
