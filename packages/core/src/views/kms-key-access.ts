/**
 * Who may use the license-signing Cloud KMS key (`expectations.kms`): what each source shows of the grants
 * on that key, its key ring and (live) its project. A kind of its own beside `kms-key` because the live side
 * reads other facets (cloudkms `getIamPolicy`, Resource Manager `getIamPolicy`): a failure to read the key's
 * metadata must not be an error of the grants, nor the reverse.
 * - `tf`: every `google_kms_crypto_key_iam_*` / `google_kms_key_ring_iam_*` grant (policies through their
 *   `data "google_iam_policy"`), each resolved against the expected key, the signer role and the signer;
 * - `gcp`: the IAM policies of the expected key and its ring, and of the project.
 */
import type { Expectations } from '../config.js';
import type { GcpIamPolicy } from '../layers/gcp.js';
import type { Location } from '../location.js';
import type { FacetMap } from '../snapshot/index.js';
import type { Resource } from '../verdict.js';
import {
  type Grant,
  grantNames,
  grantTarget,
  keyIdentity,
  kmsGrants,
  type Match,
  matchKey,
  matchRing,
  unknownInputs,
} from './kms.js';
import { kmsKeyResource, undeclaredKmsKeyResource } from './kms-key.js';
import type { ViewSet } from './sql-instance.js';
import {
  anchorLocation,
  blockLocation,
  inputsOf,
  managesGoogleCloud,
  NOT_GOOGLE_CLOUD,
  resourceOf,
  resourcesOf,
} from './terraform.js';
import type { ViewSource } from './index.js';
import { Type } from '@sinclair/typebox';
import { GcpIamPolicySchema, PolicyOf, type PolicyRecord, Str } from '../layers/gcp-shapes.js';
import { lazySchema } from '../lazy-schema.js';

// ---------------------------------------------------------------- facets only this view reads

/** The gcp facets only this view reads (spread into layers/gcp.ts `GcpFacetSchemas`). */
export const KMS_KEY_ACCESS_FACET_SCHEMAS = {
  /** cloudkms cryptoKeys.getIamPolicy of the expected signing key */
  'gcp.kms-iam': lazySchema(() =>
    Type.Object({
      keys: Type.Array(
        Type.Composite([
          PolicyOf({ project: Str, location: Str, keyRing: Str, key: Str }),
          // cloudkms keyRings.getIamPolicy: grants on the ring reach every key in it.
          Type.Object({ keyRingPolicy: Type.Optional(GcpIamPolicySchema) }),
        ]),
      ),
    }),
  ),
} as const;
export interface KmsKeyAccessFacets {
  'gcp.kms-iam': {
    keys: (PolicyRecord<'project' | 'location' | 'keyRing' | 'key'> & { keyRingPolicy?: GcpIamPolicy })[];
  };
}

export const KMS_SIGNER_ROLE = 'roles/cloudkms.signerVerifier';

/** A declared grant on a KMS key or key ring, resolved against the expected key, role and signer. */
export interface KmsGrantView {
  grant: Grant;
  /** The IAM resource's block, as a verdict resource. */
  resource: Resource;
  /** Where its members (or member, or binding block) are written. */
  location: Location;
  /** Whether it targets the expected key (or its ring), grants the signer role, and names the signer. */
  target: Match;
  role: Match;
  signer: Match;
  /** What an undecided target, role or member depends on. */
  dependsOn: string[];
}

export interface KmsKeyAccessView {
  source: 'tf' | 'gcp';
  /** The expected key: undeclared (`kms-key:<ring>/<key>`) for tf, the live key for gcp. */
  resource: Resource;
  /** `<ring>/<key>`. */
  label: string;
  /** tf: every KMS grant declared. */
  grants: KmsGrantView[];
  /** tf: the expected key's declaration, where a missing grant is reported. */
  keyLocation?: Location;
  /** tf: where to report a missing grant when the key is not declared (depends on the environment scanned). */
  anchor?: (environment: string) => Location | undefined;
  /** gcp: the expected key's policy (`exists: false` when Google answered 404) and its ring's. */
  keyPolicies: { exists: boolean; policy?: GcpIamPolicy; keyRingPolicy?: GcpIamPolicy }[];
  /** gcp: the project's policy. */
  projectPolicies: GcpIamPolicy[];
}

export function kmsKeyAccessFromTerraform(
  facet: FacetMap['files.terraform'],
  exp: Expectations,
): ViewSet<KmsKeyAccessView> {
  const files = facet.files;
  const none = 'no .tf file in the repository; the gcp layer checks the live IAM policy';
  if (files.length === 0) return { items: [], empty: [], none };
  if (!managesGoogleCloud(files)) return { items: [], empty: [], none: NOT_GOOGLE_CLOUD };
  const { kms, project } = exp;
  const expected = { keyRing: kms.keyRing, key: kms.key };
  const grants = kmsGrants(files).map((g): KmsGrantView => {
    const t = grantTarget(files, g);
    const target = g.scope === 'key' && t.key ? matchKey(t.key, expected) : matchRing(t.ring, kms.keyRing);
    const role: Match = g.role.known ? (g.role.value === KMS_SIGNER_ROLE ? 'yes' : 'no') : 'maybe';
    const signer = grantNames(files, g, kms.signer, project);
    return {
      grant: g,
      resource: resourceOf(g.iam),
      location: { file: g.file, startLine: g.line, startColumn: g.column },
      target,
      role,
      signer,
      dependsOn: [
        ...(target === 'maybe' ? unknownInputs(t.ring, ...(t.key ? [t.key.name, t.key.ring] : [])) : []),
        ...(role === 'maybe' ? unknownInputs(g.role) : []),
        ...(signer === 'maybe' && g.expression ? inputsOf(g.expression) : []),
      ],
    };
  });
  const key = resourcesOf(files, 'google_kms_crypto_key').find(
    (k) => matchKey(keyIdentity(files, k), expected) === 'yes',
  );
  return {
    items: [
      {
        source: 'tf',
        resource: undeclaredKmsKeyResource(kms.keyRing, kms.key),
        label: `${kms.keyRing}/${kms.key}`,
        grants,
        ...(key ? { keyLocation: blockLocation(key.file.file, key.block) } : {}),
        anchor: (environment) => anchorLocation(files, environment),
        keyPolicies: [],
        projectPolicies: [],
      },
    ],
    empty: [],
    none,
  };
}

export function kmsKeyAccessFromGcp(
  kmsIam: FacetMap['gcp.kms-iam'],
  iam: FacetMap['gcp.iam'],
  exp: Expectations,
): ViewSet<KmsKeyAccessView> {
  const { project, kms } = exp;
  const keyPolicies = kmsIam.keys
    .filter((k) => k.project === project)
    .map((k) => ({
      exists: k.exists,
      ...(k.policy ? { policy: k.policy } : {}),
      ...(k.keyRingPolicy ? { keyRingPolicy: k.keyRingPolicy } : {}),
    }));
  const projectPolicies = iam.projects.filter((p) => p.project === project).map((p) => p.policy);
  if (keyPolicies.length === 0 && projectPolicies.length === 0)
    return { items: [], empty: [], none: `no IAM policy of the license-signing key or of ${project} was read` };
  return {
    items: [
      {
        source: 'gcp',
        resource: kmsKeyResource(project, kms.location, kms.keyRing, kms.key),
        label: `${kms.keyRing}/${kms.key}`,
        grants: [],
        keyPolicies,
        projectPolicies,
      },
    ],
    empty: [],
    none: '',
  };
}

/**
 * The sources of the `kms-key-access` view, beside their builders: the layer and the facets each is built from.
 * views/index.ts lists this table.
 */
export const KMS_KEY_ACCESS_SOURCES = {
  tf: {
    layer: 'files',
    facets: ['files.terraform'],
    build: (facet, exp) => kmsKeyAccessFromTerraform(facet('files.terraform'), exp),
  },
  gcp: {
    layer: 'gcp',
    facets: ['gcp.kms-iam', 'gcp.iam'],
    build: (facet, exp) => kmsKeyAccessFromGcp(facet('gcp.kms-iam'), facet('gcp.iam'), exp),
  },
} as const satisfies Record<string, ViewSource<KmsKeyAccessView>>;
