/**
 * The license-signing Cloud KMS key view (`expectations.kms`): what each source shows of that one key.
 * - `tf`: each `google_kms_crypto_key` block whose literal name and key ring are the expected ones; when
 *   none is, each block that may be it (its name or ring comes from an expression); when none may, one view
 *   saying the key is not declared (located at the google provider, else the environment's `main.tf`);
 * - `gcp`: the key in the expected project, location and ring (cloudkms `keyRings.list`, `cryptoKeys.list`,
 *   `cryptoKeyVersions.list`), or one view saying it is missing.
 * ADR-001 names the key: with no config, rules over this view mark their findings `assumed` (`adrIdentity`).
 */
import type { Expectations } from '../config.js';
import { declarationKey } from '../declarations.js';
import type { GcpKmsKey } from '../layers/gcp.js';
import type { Location } from '../location.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Evidence, Resource } from '../verdict.js';
import { type Attribute, decided, liveAttribute, tfAttribute } from './attribute.js';
import { describeKnown, type KeyIdentity, keyIdentity, matchKey } from './kms.js';
import type { ViewSet } from './sql-instance.js';
import {
  anchorLocation,
  blockLocation,
  declaresNothing,
  managesGoogleCloud,
  NOT_GOOGLE_CLOUD,
  read,
  resourceOf,
  resourcesOf,
  type TfResource,
} from './terraform.js';
import type { ViewSource } from './index.js';

export interface KmsKeyView {
  source: 'tf' | 'gcp';
  resource: Resource;
  /** How messages name it: the `.tf` address, or `<ring>/<key>` live. */
  label: string;
  location?: Location;
  /**
   * Whether this is the expected key: `match` (its name and ring are the expected ones), `maybe` (tf: its
   * name or ring comes from an expression the files do not settle), `missing` (the source shows no such key),
   * `unread` (gcp: the key's location was not read; the facet's error verdict says why, nothing to judge).
   */
  identity: 'match' | 'maybe' | 'missing' | 'unread';
  /** tf: the declared name and ring (literal, or the expression they come from). */
  declared?: KeyIdentity;
  /** `purpose`. */
  purpose: Attribute<unknown>;
  /** `version_template.algorithm` / `versionTemplate.algorithm`. */
  algorithm: Attribute<unknown>;
  /**
   * Whether the key has a version that can sign: tf `skip_initial_version_creation = true` is `false`
   * (decided), anything else absent (the declaration creates one); gcp: an ENABLED version or primary.
   */
  hasEnabledVersion: Attribute<boolean>;
  /** tf: `skip_initial_version_creation`, as written. */
  skipInitialVersion?: Attribute<unknown>;
  /** gcp: the versions as `name:state` (evidence), and as `name state` (messages). */
  versions?: { name: string; state?: string }[];
  /** gcp: the first enabled version's name. */
  enabledVersion?: string;
  /**
   * tf missing: where to report a key the files should declare (the google provider block, else the
   * environment's `main.tf`); it depends on the environment scanned, which the view does not know.
   */
  anchor?: (environment: string) => Location | undefined;
  /** missing: what the source shows instead (the declared keys and their names; the live rings and keys). */
  seen: Evidence[];
  /** gcp missing: whether the expected key ring exists. */
  ringExists?: boolean;
  tf?: TfResource;
  gcp?: GcpKmsKey;
}

/** The live key as a verdict resource, declared as the `.tf` key of the same name. */
export function kmsKeyResource(project: string, location: string, keyRing: string, key: string): Resource {
  return {
    id: `gcp:kms/${project}/${location}/${keyRing}/${key}`,
    kind: 'KmsCryptoKey',
    name: `${keyRing}/${key}`,
    declaredAs: declarationKey({ layer: 'tf', type: 'google_kms_crypto_key', name: key }),
  };
}

/** The expected key when no `.tf` file declares it: named by ring and key, never by a file. */
export function undeclaredKmsKeyResource(keyRing: string, key: string): Resource {
  return { id: `kms-key:${keyRing}/${key}`, kind: 'google_kms_crypto_key', name: `${keyRing}/${key}` };
}

const absentIn = (layer: 'files' | 'gcp', path: string, live?: string): Attribute<never> => ({
  certainty: 'absent',
  origin: { layer, path, ...(live ? { live } : {}) },
});

export function kmsKeysFromTerraform(facet: FacetMap['files.terraform'], exp: Expectations): ViewSet<KmsKeyView> {
  const files = facet.files;
  const none = 'no .tf file in the repository; the gcp layer checks the live key';
  if (files.length === 0) return { items: [], empty: [], none };
  if (!managesGoogleCloud(files)) return { items: [], empty: [], none: NOT_GOOGLE_CLOUD };
  const kms = exp.kms;
  const expected = { keyRing: kms.keyRing, key: kms.key };
  const keys = resourcesOf(files, 'google_kms_crypto_key').filter((k) => !declaresNothing(k.block));
  const identified = keys.map((k) => ({ k, id: keyIdentity(files, k) }));
  const view = (k: TfResource, id: KeyIdentity, identity: 'match' | 'maybe'): KmsKeyView => {
    const file = k.file.file;
    const at = (path: string) => tfAttribute(file, `${k.address}.${path}`, read(k.block, path));
    const skip = at('skip_initial_version_creation');
    return {
      source: 'tf',
      resource: resourceOf(k),
      label: k.address,
      location: blockLocation(file, k.block),
      identity,
      declared: id,
      purpose: at('purpose'),
      algorithm: at('version_template.algorithm'),
      hasEnabledVersion:
        skip.certainty === 'decided' && (skip.value === true || skip.value === 'true')
          ? { certainty: 'decided', value: false, origin: skip.origin }
          : { certainty: 'absent', origin: skip.origin },
      skipInitialVersion: skip,
      seen: [],
      tf: k,
    };
  };
  const matches = identified.filter(({ id }) => matchKey(id, expected) === 'yes');
  if (matches.length) return { items: matches.map(({ k, id }) => view(k, id, 'match')), empty: [], none };
  // A key that may be the one (name or ring unknown) counts only if its purpose does not rule it out.
  const maybes = identified.filter(({ k, id }) => {
    if (matchKey(id, expected) !== 'maybe') return false;
    const purpose = read(k.block, 'purpose');
    return purpose.kind === 'expression' || (purpose.kind === 'literal' && purpose.value === kms.purpose);
  });
  if (maybes.length) return { items: maybes.map(({ k, id }) => view(k, id, 'maybe')), empty: [], none };
  const nowhere = absentIn('files', `google_kms_crypto_key ${kms.keyRing}/${kms.key} (not declared)`);
  return {
    items: [
      {
        source: 'tf',
        resource: undeclaredKmsKeyResource(kms.keyRing, kms.key),
        label: `${kms.keyRing}/${kms.key}`,
        identity: 'missing',
        anchor: (environment) => anchorLocation(files, environment),
        purpose: nowhere,
        algorithm: nowhere,
        hasEnabledVersion: nowhere,
        seen: identified.map(({ k, id }) => ({
          path: `${k.address}.name`,
          observed: describeKnown(id.name),
          expected: kms.key,
          location: blockLocation(k.file.file, k.block),
        })),
      },
    ],
    empty: [],
    none,
  };
}

export function kmsKeysFromGcp(facet: FacetMap['gcp.kms'], exp: Expectations): ViewSet<KmsKeyView> {
  const { project, kms } = exp;
  const resource = kmsKeyResource(project, kms.location, kms.keyRing, kms.key);
  const live = resource.id;
  const label = `${kms.keyRing}/${kms.key}`;
  const ring = facet.keyRings.find(
    (r) => r.project === project && r.location === kms.location && r.name === kms.keyRing,
  );
  const key = ring?.keys.find((k) => k.name === kms.key);
  if (!key) {
    const scope = `projects/${project}/locations/${kms.location}`;
    const read = facet.read.some((r) => r === scope || scope.startsWith(`${r}/`));
    // Not read: the facet's problem is the verdict.
    const nowhere = absentIn('gcp', `cryptoKeys/${kms.key} (missing)`, live);
    if (!read && !ring)
      return {
        items: [
          {
            source: 'gcp',
            resource,
            label,
            identity: 'unread',
            purpose: nowhere,
            algorithm: nowhere,
            hasEnabledVersion: nowhere,
            seen: [],
          },
        ],
        empty: [],
        none: '',
      };
    return {
      items: [
        {
          source: 'gcp',
          resource,
          label,
          identity: 'missing',
          purpose: nowhere,
          algorithm: nowhere,
          hasEnabledVersion: nowhere,
          ringExists: ring !== undefined,
          seen: [
            {
              path: 'keyRings[].name',
              observed: facet.keyRings.map((r) => r.name).join(', ') || null,
              expected: kms.keyRing,
            },
            {
              path: 'cryptoKeys[].name',
              observed: ring?.keys.map((k) => k.name).join(', ') || null,
              expected: kms.key,
            },
          ],
        },
      ],
      empty: [],
      none: '',
    };
  }
  const enabled = (key.versions ?? []).filter((v) => v.state === 'ENABLED');
  const primaryEnabled = key.primary?.state === 'ENABLED';
  const enabledVersion = enabled[0]?.name ?? key.primary?.name;
  return {
    items: [
      {
        source: 'gcp',
        resource,
        label,
        identity: 'match',
        purpose: liveAttribute(key.purpose, { layer: 'gcp', path: 'purpose', live }),
        algorithm: liveAttribute(key.algorithm, { layer: 'gcp', path: 'versionTemplate.algorithm', live }),
        hasEnabledVersion: decided(enabled.length > 0 || primaryEnabled, {
          layer: 'gcp',
          path: 'cryptoKeyVersions[].state',
          live,
        }),
        versions: key.versions ?? [],
        ...(enabledVersion !== undefined ? { enabledVersion } : {}),
        seen: [],
        gcp: key,
      },
    ],
    empty: [],
    none: '',
  };
}

/**
 * The sources of the `kms-key` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const KMS_KEY_SOURCES = {
  tf: {
    layer: 'files',
    facets: ['files.terraform'],
    build: (facet, exp) => kmsKeysFromTerraform(facet('files.terraform'), exp),
  },
  gcp: { layer: 'gcp', facets: ['gcp.kms'], build: (facet, exp) => kmsKeysFromGcp(facet('gcp.kms'), exp) },
} as const satisfies Record<string, ViewSource<KmsKeyView>>;
