/**
 * Artifact Registry v1 (`@google-cloud/artifact-registry`): repositories in the configured locations
 * (gcr.io-domain repositories included when their multi-region, e.g. `us`, is listed), and for the
 * expected repository its IAM policy (a GET) and its Docker images.
 */
import type { GcpArRepository, GcpDockerImage } from '@coditect-audit/core';
import type { GcpApiCall } from '../api-calls.js';
import { classify } from '../call.js';
import { call, FacetBuilder, type FacetResults, type GcpRun, listAll, ONE_PAGE, page } from '../context.js';
import {
  bool,
  compact,
  enumStr,
  iamPolicy,
  labels,
  lastSegment,
  obj,
  type Raw,
  str,
  strs,
  time,
} from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const ARTIFACT_REGISTRY_API_CALLS = {
  'artifactregistry.repositories.list': {
    service: 'artifactregistry',
    method: 'repositories.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/repositories',
    via: 'client',
    permission: 'artifactregistry.repositories.list',
    role: 'roles/artifactregistry.reader',
    facets: ['gcp.artifactregistry'],
  },
  'artifactregistry.repositories.getIamPolicy': {
    service: 'artifactregistry',
    method: 'repositories.getIamPolicy',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/repositories/{repository}:getIamPolicy',
    via: 'client',
    permission: 'artifactregistry.repositories.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.artifactregistry-iam'],
  },
  'artifactregistry.dockerImages.list': {
    service: 'artifactregistry',
    method: 'dockerImages.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/repositories/{repository}/dockerImages',
    via: 'client',
    permission: 'artifactregistry.dockerimages.list',
    role: 'roles/artifactregistry.reader',
    facets: ['gcp.artifactregistry-images'],
  },
} as const satisfies Record<string, GcpApiCall>;

const GCR_DOMAINS = new Set(['gcr.io', 'us.gcr.io', 'eu.gcr.io', 'asia.gcr.io']);

export function repository(project: string, location: string, r: Raw): GcpArRepository {
  const name = lastSegment(str(r.name) ?? '');
  return compact({
    project,
    location,
    name,
    format: enumStr(r.format),
    mode: enumStr(r.mode),
    description: str(r.description),
    labels: labels(r.labels),
    immutableTags: bool(obj(r.dockerConfig)?.immutableTags),
    gcrDomain: GCR_DOMAINS.has(name),
  });
}

export function dockerImage(i: Raw): GcpDockerImage {
  // name: projects/p/locations/l/repositories/r/dockerImages/<url-encoded image>@sha256:<hex>
  const last = lastSegment(str(i.name) ?? '');
  const at = last.lastIndexOf('@');
  const image = decodeURIComponent(at >= 0 ? last.slice(0, at) : last);
  return compact({
    image,
    digest: at >= 0 ? last.slice(at + 1) : '',
    uri: str(i.uri),
    tags: strs(i.tags).sort(),
    mediaType: str(i.mediaType),
    uploadTime: time(i.uploadTime),
  });
}

export async function collectArtifactRegistry(run: GcpRun): Promise<FacetResults> {
  const { ArtifactRegistryClient } = await import('@google-cloud/artifact-registry');
  const client = new ArtifactRegistryClient(run.transport.gapic('artifactregistry'));
  const reposFacet = new FacetBuilder();
  const iamFacet = new FacetBuilder();
  const imagesFacet = new FacetBuilder();
  const read: string[] = [];
  const repositories: GcpArRepository[] = [];
  const policies: {
    project: string;
    location: string;
    repository: string;
    exists: boolean;
    policy?: ReturnType<typeof iamPolicy>;
  }[] = [];
  const images: { project: string; location: string; repository: string; exists: boolean; images: GcpDockerImage[] }[] =
    [];
  const { registry } = run.expectations;

  await Promise.all(
    run.settings.projects.flatMap((project) => {
      const expected = `projects/${project}/locations/${registry.location}/repositories/${registry.repository}`;
      const ids = { project, location: registry.location, repository: registry.repository };
      return [
        ...run.settings.registryLocations.map(async (location) => {
          const parent = `projects/${project}/locations/${location}`;
          const listed = await reposFacet.unit('artifactregistry.repositories.list', parent, project, () =>
            listAll(run, (token) => client.listRepositories({ parent, pageSize: 1000, ...page(token) }, ONE_PAGE)),
          );
          if (!listed) return;
          read.push(parent);
          repositories.push(...listed.map((r) => repository(project, location, r as Raw)).filter((r) => r.name !== ''));
        }),
        (async () => {
          try {
            const [policy] = await call(run, () =>
              client.getIamPolicy({ resource: expected, options: { requestedPolicyVersion: 3 } }, { retry: null }),
            );
            policies.push({ ...ids, exists: true, policy: iamPolicy(policy) });
            iamFacet.ok();
          } catch (e) {
            const err = classify(e);
            if (err.kind !== 'not-found')
              return iamFacet.fail('artifactregistry.repositories.getIamPolicy', expected, project, err);
            policies.push({ ...ids, exists: false });
            iamFacet.ok();
          }
        })(),
        (async () => {
          try {
            const listed = await listAll(run, (token) =>
              client.listDockerImages({ parent: expected, pageSize: 1000, ...page(token) }, ONE_PAGE),
            );
            images.push({ ...ids, exists: true, images: listed.map((i) => dockerImage(i as Raw)) });
            imagesFacet.ok();
          } catch (e) {
            const err = classify(e);
            if (err.kind !== 'not-found')
              return imagesFacet.fail('artifactregistry.dockerImages.list', expected, project, err);
            images.push({ ...ids, exists: false, images: [] });
            imagesFacet.ok();
          }
        })(),
      ];
    }),
  );
  await client.close();
  const key = (r: { project: string; location: string; name?: string; repository?: string }) =>
    `${r.project}/${r.location}/${r.name ?? r.repository}`;
  const sorter = <T extends { project: string; location: string }>(a: T, b: T) => (key(a) < key(b) ? -1 : 1);
  for (const r of images) r.images.sort((a, b) => (`${a.image}@${a.digest}` < `${b.image}@${b.digest}` ? -1 : 1));
  return {
    'gcp.artifactregistry': reposFacet.build<'gcp.artifactregistry'>({
      read: read.sort(),
      repositories: repositories.sort(sorter),
    }),
    'gcp.artifactregistry-iam': iamFacet.build<'gcp.artifactregistry-iam'>({ repositories: policies.sort(sorter) }),
    'gcp.artifactregistry-images': imagesFacet.build<'gcp.artifactregistry-images'>({
      repositories: images.sort(sorter),
    }),
  };
}
