/**
 * `layers.gcp.projects` entries that name a folder or an organisation (`folders/123`,
 * `organizations/456`): every ACTIVE project under it, through Resource Manager v3 (`projects.list` and
 * `folders.list` by parent, recursively through sub-folders), read-only. The list is sorted, so shards of
 * `collect --shard i/n` slice the same list wherever they run.
 */
import { callWithPolicy, classify, type Limiter, paginate } from './call.js';
import type { GcpSettings } from './settings.js';
import type { GcpTransport } from './transport.js';

/** The calls a folder or organisation entry costs, with the permission each needs on that folder/org. */
export const PROJECT_LISTING_CALLS = [
  {
    method: 'projects.list',
    http: 'GET',
    path: '/v3/projects?parent={folders/N|organizations/N}',
    permission: 'resourcemanager.projects.list',
    role: 'roles/browser',
  },
  {
    method: 'folders.list',
    http: 'GET',
    path: '/v3/folders?parent={folders/N|organizations/N}',
    permission: 'resourcemanager.folders.list',
    role: 'roles/browser',
  },
] as const;

/** `folders/123` or `organizations/456`: a parent to list, not a project id. */
export const PROJECT_QUERY = /^(folders|organizations)\/\d+$/;

export class ProjectListingError extends Error {
  override name = 'ProjectListingError';
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
  }
}

type Raw = Record<string, unknown>;

/**
 * The project ids under `parents`, plus the ones given directly, sorted and unique. Uses the Resource
 * Manager client of the transport; a denied or failed list is a `ProjectListingError` naming the parent
 * and the permission.
 */
export async function expandProjects(
  settings: Pick<GcpSettings, 'projects' | 'projectQueries' | 'retries' | 'retryBudgetMs' | 'timeoutMs'>,
  transport: GcpTransport,
  limiter: Limiter,
  onCall: () => void = () => {},
): Promise<string[]> {
  const found = new Set(settings.projects);
  if (settings.projectQueries.length === 0) return [...found].sort();
  const { ProjectsClient, FoldersClient } = await import('@google-cloud/resource-manager');
  const options = transport.gapic('cloudresourcemanager');
  const projects = new ProjectsClient(options);
  const folders = new FoldersClient(options);
  const one = { autoPaginate: false, retry: null } as const;
  const list = async <T>(what: string, parent: string, invoke: (pageToken?: string) => Promise<unknown>) => {
    try {
      return await paginate<T>(async (pageToken) => {
        onCall();
        const [items, , raw] = (await callWithPolicy(limiter, settings, () => invoke(pageToken))) as [
          T[],
          unknown,
          { nextPageToken?: string } | undefined,
        ];
        return { items: items ?? [], next: raw?.nextPageToken || undefined };
      });
    } catch (e) {
      const err = classify(e);
      const call = PROJECT_LISTING_CALLS.find((c) => c.method === what)!;
      throw new ProjectListingError(
        `cloudresourcemanager.googleapis.com ${what} under ${parent} failed (${err.kind}${err.httpStatus ? `, HTTP ${err.httpStatus}` : ''}): ${err.detail}`,
        `grant ${call.permission} on ${parent} to the identity the scan runs as (for example ${call.role}), or list the project ids in layers.gcp.projects`,
      );
    }
  };
  const walk = async (parent: string): Promise<void> => {
    const [inside, subfolders] = await Promise.all([
      list<Raw>('projects.list', parent, (pageToken) =>
        projects.listProjects({ parent, pageSize: 500, ...(pageToken ? { pageToken } : {}) }, one),
      ),
      list<Raw>('folders.list', parent, (pageToken) =>
        folders.listFolders({ parent, pageSize: 500, ...(pageToken ? { pageToken } : {}) }, one),
      ),
    ]);
    for (const p of inside) {
      // listProjects answers ACTIVE projects only (showDeleted is false); the state check keeps it so.
      const state = p.state as unknown;
      if (state !== undefined && state !== 'ACTIVE' && state !== 1) continue;
      if (typeof p.projectId === 'string' && p.projectId) found.add(p.projectId);
    }
    await Promise.all(
      subfolders
        .filter((f) => f.state === undefined || f.state === 'ACTIVE' || f.state === 1)
        .map((f) => String(f.name))
        .filter((name) => PROJECT_QUERY.test(name))
        .map(walk),
    );
  };
  try {
    for (const parent of settings.projectQueries) await walk(parent);
  } finally {
    await Promise.all([projects.close(), folders.close()]);
  }
  return [...found].sort();
}
