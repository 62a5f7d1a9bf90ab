/**
 * Resource Manager v3 lists by parent, which one recorded file per path cannot answer: `GET /v3/projects`
 * and `GET /v3/folders` take `?parent=folders/N|organizations/N`. The emulator keeps every project and
 * folder of the emulated organisation in `<dataDir>/v3/projects.json` and `<dataDir>/v3/folders.json`
 * (`{"projects": [{"name": "projects/123", "projectId": "p", "parent": "folders/1", "state": "ACTIVE"}]}`)
 * and answers with the ones whose `parent` is the one asked for, as Google does (direct children only).
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const LISTS = { '/v3/projects': 'projects', '/v3/folders': 'folders' } as const;

export type ParentListing =
  | { kind: 'list'; field: 'projects' | 'folders'; body: Record<string, unknown> }
  | { kind: 'error'; code: number; status: string; message: string };

/** The children of `?parent=` for a Resource Manager list path; undefined for any other path. */
export async function listByParent(dataDir: string, url: URL): Promise<ParentListing | undefined> {
  const field = LISTS[url.pathname as keyof typeof LISTS];
  if (!field) return undefined;
  const parent = url.searchParams.get('parent') ?? '';
  if (!/^(folders|organizations)\/\d+$/.test(parent))
    return {
      kind: 'error',
      code: 400,
      status: 'INVALID_ARGUMENT',
      message: `parent must be folders/N or organizations/N, got "${parent}"`,
    };
  const file = join(dataDir, 'v3', `${field}.json`);
  const all = existsSync(file)
    ? (((JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>)[field] as Record<string, unknown>[]) ??
      [])
    : [];
  return { kind: 'list', field, body: { [field]: all.filter((item) => item.parent === parent) } };
}
