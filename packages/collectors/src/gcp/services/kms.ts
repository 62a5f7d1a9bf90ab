/**
 * Cloud KMS v1 (`@google-cloud/kms`): key rings in the configured locations (there is no `-` wildcard),
 * their keys, the versions of keys that have no primary (asymmetric signing keys), and the IAM policy of
 * the expected signing key and of its key ring. Cloud KMS declares those reads as `GET …:getIamPolicy?options.requestedPolicyVersion=3`;
 * the client's REST fallback sends a POST, which Google's front end answers with an HTML 404
 * (googleapis/gax-nodejs#1462), so it is a declared REST call here, not the client's method.
 */
import type { GcpKmsKey, GcpKmsKeyRing } from '@coditect-audit/core';
import type { GcpApiCall } from '../api-calls.js';
import { call, FacetBuilder, type FacetResults, type GcpRun, listAll, ONE_PAGE, page } from '../context.js';
import { classify } from '../call.js';
import { compact, duration, enumStr, iamPolicy, labels, lastSegment, obj, type Raw, str } from '../normalize.js';

/** The calls this reader makes: its rows of the API call table (`../api-calls.ts`). */
export const KMS_API_CALLS = {
  'cloudkms.keyRings.list': {
    service: 'cloudkms',
    method: 'keyRings.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings',
    via: 'client',
    permission: 'cloudkms.keyRings.list',
    role: 'roles/cloudkms.viewer',
    facets: ['gcp.kms'],
  },
  'cloudkms.cryptoKeys.list': {
    service: 'cloudkms',
    method: 'cryptoKeys.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys',
    via: 'client',
    permission: 'cloudkms.cryptoKeys.list',
    role: 'roles/cloudkms.viewer',
    facets: ['gcp.kms'],
  },
  'cloudkms.cryptoKeyVersions.list': {
    service: 'cloudkms',
    method: 'cryptoKeyVersions.list',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys/{key}/cryptoKeyVersions',
    via: 'client',
    permission: 'cloudkms.cryptoKeyVersions.list',
    role: 'roles/cloudkms.viewer',
    facets: ['gcp.kms'],
  },
  'cloudkms.cryptoKeys.getIamPolicy': {
    service: 'cloudkms',
    method: 'cryptoKeys.getIamPolicy',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings/{keyRing}/cryptoKeys/{key}:getIamPolicy',
    query: ['options.requestedPolicyVersion'],
    via: 'rest',
    permission: 'cloudkms.cryptoKeys.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.kms-iam'],
  },
  'cloudkms.keyRings.getIamPolicy': {
    service: 'cloudkms',
    method: 'keyRings.getIamPolicy',
    http: 'GET',
    path: '/v1/projects/{project}/locations/{location}/keyRings/{keyRing}:getIamPolicy',
    query: ['options.requestedPolicyVersion'],
    via: 'rest',
    permission: 'cloudkms.keyRings.getIamPolicy',
    role: 'roles/iam.securityReviewer',
    facets: ['gcp.kms-iam'],
  },
} as const satisfies Record<string, GcpApiCall>;

export function kmsKey(k: Raw): GcpKmsKey {
  const template = obj(k.versionTemplate);
  const primary = obj(k.primary);
  const primaryName = str(primary?.name);
  return compact({
    name: lastSegment(str(k.name) ?? ''),
    purpose: enumStr(k.purpose),
    algorithm: enumStr(template?.algorithm) ?? enumStr(primary?.algorithm),
    protectionLevel: enumStr(template?.protectionLevel) ?? enumStr(primary?.protectionLevel),
    rotationPeriodSeconds: duration(k.rotationPeriod),
    labels: labels(k.labels),
    primary: primaryName ? compact({ name: lastSegment(primaryName), state: enumStr(primary?.state) }) : undefined,
  });
}

export async function collectKms(run: GcpRun): Promise<FacetResults> {
  const { KeyManagementServiceClient } = await import('@google-cloud/kms');
  const client = new KeyManagementServiceClient(run.transport.gapic('cloudkms'));
  const facet = new FacetBuilder();
  const iamFacet = new FacetBuilder();
  const read: string[] = [];
  const keyRings: GcpKmsKeyRing[] = [];
  const policies: GcpIamKeyPolicy[] = [];
  const { kms } = run.expectations;

  await Promise.all(
    run.settings.projects.flatMap((project) => [
      ...run.settings.kmsLocations.map(async (location) => {
        const parent = `projects/${project}/locations/${location}`;
        const rings = await facet.unit('cloudkms.keyRings.list', parent, project, () =>
          listAll(run, (token) => client.listKeyRings({ parent, pageSize: 1000, ...page(token) }, ONE_PAGE)),
        );
        if (!rings) return;
        let complete = true;
        const found = await Promise.all(
          rings.map(async (ring) => {
            const ringName = str((ring as Raw).name) ?? '';
            const keys = await facet.unit('cloudkms.cryptoKeys.list', ringName, project, () =>
              listAll(run, (token) =>
                client.listCryptoKeys({ parent: ringName, pageSize: 1000, ...page(token) }, ONE_PAGE),
              ),
            );
            if (!keys) {
              complete = false;
              return undefined;
            }
            const normalised = await Promise.all(
              keys.map(async (raw) => {
                const key = kmsKey(raw as Raw);
                if (key.primary) return key;
                // Asymmetric and MAC keys have no primary: their versions say whether one is usable.
                const keyName = str((raw as Raw).name) ?? '';
                const versions = await facet.unit('cloudkms.cryptoKeyVersions.list', keyName, project, () =>
                  listAll(run, (token) =>
                    client.listCryptoKeyVersions({ parent: keyName, pageSize: 1000, ...page(token) }, ONE_PAGE),
                  ),
                );
                if (!versions) {
                  complete = false;
                  return key;
                }
                return {
                  ...key,
                  versions: versions.map((v) =>
                    compact({
                      name: lastSegment(str((v as Raw).name) ?? ''),
                      state: enumStr((v as Raw).state),
                      algorithm: enumStr((v as Raw).algorithm),
                    }),
                  ),
                };
              }),
            );
            return {
              project,
              location,
              name: lastSegment(ringName),
              keys: normalised.sort((a, b) => (a.name < b.name ? -1 : 1)),
            };
          }),
        );
        keyRings.push(...found.filter((r): r is GcpKmsKeyRing => r !== undefined));
        if (complete) read.push(parent);
      }),
      (async () => {
        const resource = `projects/${project}/locations/${kms.location}/keyRings/${kms.keyRing}/cryptoKeys/${kms.key}`;
        const ids = { project, location: kms.location, keyRing: kms.keyRing, key: kms.key };
        try {
          const policy = await call(run, () =>
            run.transport.call('cloudkms.cryptoKeys.getIamPolicy', ids, { 'options.requestedPolicyVersion': 3 }),
          );
          // Grants on the key ring reach every key in it: the signing role held there counts as on the key.
          const ring = { project, location: kms.location, keyRing: kms.keyRing };
          let ringPolicy: unknown;
          try {
            ringPolicy = await call(run, () =>
              run.transport.call('cloudkms.keyRings.getIamPolicy', ring, { 'options.requestedPolicyVersion': 3 }),
            );
          } catch (e) {
            iamFacet.fail(
              'cloudkms.keyRings.getIamPolicy',
              `projects/${project}/locations/${kms.location}/keyRings/${kms.keyRing}`,
              project,
              classify(e),
            );
            return;
          }
          policies.push({ ...ids, exists: true, policy: iamPolicy(policy), keyRingPolicy: iamPolicy(ringPolicy) });
          iamFacet.ok();
        } catch (e) {
          const err = classify(e);
          if (err.kind === 'not-found') {
            policies.push({ ...ids, exists: false });
            iamFacet.ok();
          } else iamFacet.fail('cloudkms.cryptoKeys.getIamPolicy', resource, project, err);
        }
      })(),
    ]),
  );
  await client.close();
  keyRings.sort((a, b) => (`${a.project}/${a.location}/${a.name}` < `${b.project}/${b.location}/${b.name}` ? -1 : 1));
  return {
    'gcp.kms': facet.build<'gcp.kms'>({ read: read.sort(), keyRings }),
    'gcp.kms-iam': iamFacet.build<'gcp.kms-iam'>({ keys: policies.sort((a, b) => (a.project < b.project ? -1 : 1)) }),
  };
}

type GcpIamKeyPolicy = {
  project: string;
  location: string;
  keyRing: string;
  key: string;
  exists: boolean;
  policy?: ReturnType<typeof iamPolicy>;
  keyRingPolicy?: ReturnType<typeof iamPolicy>;
};
