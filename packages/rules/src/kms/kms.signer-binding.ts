import { defineViewRule, type Expectations, type Location, type Resource } from '@coditect-audit/core';
import {
  describeKnown,
  KMS_SIGNER_ROLE,
  type KmsGrantView,
  type KmsKeyAccessView,
  publicMembers,
} from '@coditect-audit/core/views';
import { holders, PUBLIC_PRINCIPALS } from '../util/gcp.js';

/** Roles that sign with a key, or let their holder grant itself that, where they are bound. */
const SIGNING_ROLES = [
  KMS_SIGNER_ROLE,
  'roles/cloudkms.signer',
  'roles/cloudkms.cryptoOperator',
  'roles/cloudkms.admin',
];
/** A member written as a literal principal (`group:eng@x.com`), not an expression. */
const LITERAL_MEMBER = /^(?:user|group|serviceAccount|domain|principal|principalSet):[^$]+$/;

/** What a source shows of who may sign with the license key. */
type Finding =
  /** Anyone (allUsers, allAuthenticatedUsers) holds a role on a key or ring (tf: any KMS key; gcp: this key). */
  | { kind: 'public'; member: string; role: string; grant?: KmsGrantView }
  /** Another principal holds a signing role on the key or its ring. */
  | { kind: 'other'; member: string; role: string; scope: 'key' | 'ring'; grant?: KmsGrantView }
  /** Another principal holds a signing role on the whole project (gcp). */
  | { kind: 'projectWide'; member: string; role: string }
  /** The signer holds the signer role on the key (or its ring). */
  | { kind: 'bound'; grant?: KmsGrantView; signers?: string[] }
  /** A grant may give it, but its key, role or members are not settled (tf). */
  | { kind: 'unresolved'; grant: KmsGrantView }
  /** No grant gives it (tf: none declared; gcp: the key's policy lacks it, or the key does not exist). */
  | { kind: 'notGranted' | 'keyMissing'; signers?: string[]; grants?: KmsGrantView[] };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The decision, whatever the source: the signer role on the license key (or its ring) belongs to
 * `expectations.kms.signer` alone; no public principal and no other principal may sign with it, on the key,
 * its ring or (live) the project (project owners are not counted).
 */
function decide(v: KmsKeyAccessView, kms: Expectations['kms']): Finding[] {
  const out: Finding[] = [];
  if (v.source === 'tf') {
    for (const g of v.grants)
      for (const member of publicMembers(g.grant))
        out.push({ kind: 'public', member, role: describeKnown(g.grant.role), grant: g });
    for (const g of v.grants) {
      const role = g.grant.role;
      if (g.target !== 'yes' || !role.known || !SIGNING_ROLES.includes(role.value)) continue;
      for (const member of g.grant.members)
        if (LITERAL_MEMBER.test(member) && !same(member, kms.signer))
          out.push({ kind: 'other', member, role: role.value, scope: g.grant.scope, grant: g });
    }
    const bound = v.grants.find((g) => g.target === 'yes' && g.role === 'yes' && g.signer === 'yes');
    const maybe = v.grants.find((g) => g.target !== 'no' && g.role !== 'no' && g.signer !== 'no');
    if (bound) out.push({ kind: 'bound', grant: bound });
    else if (maybe) out.push({ kind: 'unresolved', grant: maybe });
    else out.push({ kind: 'notGranted', grants: v.grants.filter((g) => g.target !== 'no') });
    return out;
  }
  for (const entry of v.keyPolicies) {
    const signers = holders(entry.policy, [KMS_SIGNER_ROLE]);
    if (!entry.exists) out.push({ kind: 'keyMissing', signers });
    else if (signers.some((m) => same(m, kms.signer))) out.push({ kind: 'bound', signers });
    else out.push({ kind: 'notGranted', signers });
    for (const b of entry.policy?.bindings ?? [])
      for (const member of b.members.filter((m) => PUBLIC_PRINCIPALS.includes(m)))
        out.push({ kind: 'public', member, role: b.role });
    for (const [scope, policy] of [
      ['key', entry.policy],
      ['ring', entry.keyRingPolicy],
    ] as const)
      for (const b of (policy?.bindings ?? []).filter((x) => SIGNING_ROLES.includes(x.role)))
        for (const member of b.members)
          if (!PUBLIC_PRINCIPALS.includes(member) && !same(member, kms.signer))
            out.push({ kind: 'other', member, role: b.role, scope });
  }
  for (const policy of v.projectPolicies)
    for (const b of policy.bindings.filter((x) => SIGNING_ROLES.includes(x.role)))
      for (const member of b.members.filter((m) => !same(m, kms.signer)))
        out.push({ kind: 'projectWide', member, role: b.role });
  return out;
}

/**
 * ADR-001 Issue 6: only the backend's service account signs licenses, as declared (the
 * `google_kms_crypto_key_iam_*` and `google_kms_key_ring_iam_*` grants; `*_iam_policy` through their
 * `data "google_iam_policy"`) and as granted (the live IAM policies of the key, its ring and the project).
 */
export default defineViewRule({
  id: 'kms.signer-binding',
  title: 'The backend cannot sign with the license key, or signing is granted too broadly',
  concerns: ['kms.signer-binding'],
  view: 'kms-key-access',
  adrIdentity: 'KMS key and signer (license-signing-key, coditect-cloud-backend)',
  adrIdentityFields: ['kms.keyRing', 'kms.key', 'kms.signer|app.serviceAccount'],
  sources: {
    tf: { alias: 'tf-kms-signer-binding' },
    gcp: {
      alias: 'gcp-kms-signer-binding',
      messages: {
        otherSigner:
          "{{member}} holds {{role}} on {{scope}}: besides {{signer}}, it can sign licenses with {{ring}}/{{key}}. The signing role belongs to the backend's service account alone.",
      },
    },
  },
  description:
    'The license-signing key must grant `roles/cloudkms.signerVerifier` to `expectations.kms.signer` (default `serviceAccount:coditect-cloud-backend@coditect-cloud-infra.iam.gserviceaccount.com`), and to no one else. **OpenTofu**: a `google_kms_crypto_key_iam_binding` / `_iam_member` / `_iam_policy` on the license-signing key (or a `google_kms_key_ring_iam_*` on its key ring) must grant the role to the signer (a member built from `google_service_account.<x>.email` or `.member` is resolved when that account has a literal `account_id`). No such grant fails, placed on the key\'s declaration (else the first `provider "google"` file). A grant whose key, role or members the repository does not settle is undecided (`unknown`, naming those inputs). Independently, `allUsers` or `allAuthenticatedUsers` in any KMS key or key-ring grant fails at the members, and so does any other literal principal (a group, a user, another service account) granted a signing role (signerVerifier, signer, cryptoOperator, KMS admin) on the license key or its key ring. With no `.tf` file at all the source is skipped. **Google Cloud**: reads the IAM policy of the key (cloudkms `cryptoKeys.getIamPolicy`), of its ring (`keyRings.getIamPolicy`) and of the project (cloudresourcemanager `projects.getIamPolicy`). A key that does not exist fails; `allUsers` or `allAuthenticatedUsers` in any binding of the key fails; any other principal holding a signing role on the key or its ring fails, named; a project-level grant of a signing role to anyone but the signer fails as too broad: it reaches every key of the project (project owners are not counted).',
  rationale:
    'ADR-001 Issue 6 (Cloud KMS for License Signing, P0): the backend signs licenses through Cloud KMS as its own service account; without `roles/cloudkms.signerVerifier` on the key every signing call is denied, and anyone else who can sign (a public grant, a broad group, a project-wide role) can forge licenses.',
  remediation: {
    text: "Grant the signer role on the key itself, to the backend's service account only (not the project), and remove project-wide or public grants.",
    commands: [
      'resource "google_kms_crypto_key_iam_member" "backend_signer" {\n  crypto_key_id = google_kms_crypto_key.license_signing.id\n  role          = "roles/cloudkms.signerVerifier"\n  member        = "serviceAccount:coditect-cloud-backend@{{project}}.iam.gserviceaccount.com"\n}',
      'gcloud kms keys add-iam-policy-binding license-signing-key --keyring=license-signing-keyring --location={{region}} --member=serviceAccount:coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/cloudkms.signerVerifier --project={{project}}',
    ],
  },
  benchmarks: [
    { standard: 'CIS Google Cloud Platform Foundation Benchmark 1.2.0', id: '1.9' },
    { standard: 'Security Command Center', id: 'KMS_PUBLIC_KEY' },
  ],
  messages: {
    // tf (gcp words otherSigner its own way: see sources.gcp.messages)
    signerBound: '{{signer}} holds {{role}} on {{ring}}/{{key}} through {{address}}.',
    publicGrant: '{{address}} grants {{role}} to {{member}}: anyone can use this KMS {{scope}}.',
    otherSigner:
      '{{address}} grants {{role}} on the {{scope}} to {{member}}: besides {{signer}}, it can sign licenses with {{ring}}/{{key}}. The signing role belongs to the backend service account alone.',
    grantUnresolved:
      '{{address}} may grant {{role}} on {{ring}}/{{key}} to {{signer}}, but {{what}} comes from an expression the files do not evaluate.',
    missing:
      'No .tf grant gives {{signer}} roles/cloudkms.signerVerifier on the license-signing key {{ring}}/{{key}} (or its key ring): the backend cannot sign licenses.',
    // gcp
    granted: '{{signer}} holds roles/cloudkms.signerVerifier on {{ring}}/{{key}}.',
    keyMissing: 'The license-signing key {{ring}}/{{key}} does not exist, so {{signer}} cannot sign with it.',
    notGranted:
      '{{signer}} does not hold roles/cloudkms.signerVerifier on {{ring}}/{{key}}: the backend cannot sign licenses.',
    public: '{{ring}}/{{key}} grants {{role}} to {{member}}: anyone can use the license key.',
    projectWide:
      '{{member}} holds {{role}} on the whole project {{project}}: it can sign with every key, the license key included.',
  },
  check(ctx) {
    const { project, kms } = ctx.env.expectations;
    const ids = { ring: kms.keyRing, key: kms.key, signer: kms.signer };
    for (const v of ctx.views) {
      const resource: Resource = v.resource;
      const findings = decide(v, kms);
      if (v.source === 'gcp') {
        // Evidence and message data as the per-layer rule wrote them (reports and baselines compare them).
        const signerEvidence = (signers: string[] = []) => [
          {
            path: `bindings[role=${KMS_SIGNER_ROLE}].members`,
            observed: signers.join(', ') || null,
            expected: kms.signer,
          },
        ];
        for (const f of findings) {
          if (f.kind === 'bound')
            ctx.pass({ resource, messageId: 'granted', data: ids, evidence: signerEvidence(f.signers) });
          else if (f.kind === 'keyMissing' || f.kind === 'notGranted')
            ctx.fail({ resource, messageId: f.kind, data: ids, evidence: signerEvidence(f.signers) });
          else if (f.kind === 'public')
            ctx.fail({
              resource,
              messageId: 'public',
              data: { ...ids, role: f.role, member: f.member },
              evidence: [
                { path: `bindings[role=${f.role}].members`, observed: f.member, expected: 'no public principal' },
              ],
              discriminator: `public:${f.role}:${f.member}`,
            });
          else if (f.kind === 'other') {
            const path = f.scope === 'key' ? 'key' : 'keyRing';
            const scope = f.scope === 'key' ? `the key ${kms.keyRing}/${kms.key}` : `the key ring ${kms.keyRing}`;
            ctx.fail({
              resource,
              messageId: 'otherSigner',
              data: { ...ids, role: f.role, member: f.member, scope },
              evidence: [
                { path: `${path}.bindings[role=${f.role}].members`, observed: f.member, expected: kms.signer },
              ],
              discriminator: `${path}:${f.role}:${f.member}`,
            });
          } else if (f.kind === 'projectWide')
            ctx.fail({
              resource,
              messageId: 'projectWide',
              data: { ...ids, role: f.role, member: f.member, project },
              evidence: [
                {
                  path: `projects/${project}.bindings[role=${f.role}].members`,
                  observed: f.member,
                  expected: 'grants on the key only',
                },
              ],
              discriminator: `project:${f.role}:${f.member}`,
            });
        }
        continue;
      }
      const base = { signer: kms.signer, ring: kms.keyRing, key: kms.key };
      for (const f of findings) {
        if (f.kind === 'public' && f.grant) {
          const g = f.grant;
          ctx.fail({
            resource: g.resource,
            messageId: 'publicGrant',
            data: {
              address: g.grant.iam.address,
              role: f.role,
              member: f.member,
              scope: g.grant.scope === 'key' ? 'key' : 'key ring',
            },
            location: g.location,
            evidence: [
              {
                path: `${g.grant.iam.address}.members`,
                observed: f.member,
                expected: 'no allUsers or allAuthenticatedUsers',
                location: g.location,
              },
            ],
            discriminator: `public:${f.member}:${f.role}`,
          });
        } else if (f.kind === 'other' && f.grant) {
          const g = f.grant;
          ctx.fail({
            resource,
            messageId: 'otherSigner',
            data: {
              ...base,
              address: g.grant.iam.address,
              role: f.role,
              member: f.member,
              scope: f.scope === 'key' ? 'key' : 'key ring',
            },
            location: g.location,
            evidence: [
              {
                path: `${g.grant.iam.address}.members`,
                observed: f.member,
                expected: kms.signer,
                location: g.location,
              },
            ],
            discriminator: `other:${g.grant.iam.address}:${f.member}`,
          });
        } else if (f.kind === 'bound' && f.grant) {
          const g = f.grant;
          ctx.pass({
            resource,
            messageId: 'signerBound',
            data: { ...base, role: KMS_SIGNER_ROLE, address: g.grant.iam.address },
            location: g.location,
            evidence: [{ path: `${g.grant.iam.address}.role`, observed: KMS_SIGNER_ROLE, location: g.location }],
          });
        } else if (f.kind === 'unresolved') {
          const g = f.grant;
          const what = [
            g.target === 'maybe' ? 'the key' : '',
            g.role === 'maybe' ? 'the role' : '',
            g.signer === 'maybe' ? 'the members' : '',
          ]
            .filter(Boolean)
            .join(' and ');
          ctx.unknown({
            resource,
            messageId: 'grantUnresolved',
            data: { ...base, role: describeKnown(g.grant.role), address: g.grant.iam.address, what },
            location: g.location,
            evidence: [
              { path: `${g.grant.iam.address}.role`, observed: describeKnown(g.grant.role), expected: KMS_SIGNER_ROLE },
              {
                path: `${g.grant.iam.address}.members`,
                observed: g.grant.expression ?? g.grant.members.join(', '),
                expected: kms.signer,
              },
            ],
            dependsOn: g.dependsOn.length ? g.dependsOn : [g.grant.iam.address],
          });
        } else if (f.kind === 'notGranted') {
          // No grant: report on the key's declaration when it is declared, else where the provider is.
          const location: Location | undefined = v.keyLocation ?? v.anchor?.(ctx.env.name);
          ctx.fail({
            resource,
            messageId: 'missing',
            data: base,
            ...(location ? { location } : {}),
            evidence: (f.grants ?? []).map((g) => ({
              path: `${g.grant.iam.address}.role`,
              observed: describeKnown(g.grant.role),
              expected: KMS_SIGNER_ROLE,
              location: g.location,
            })),
          });
        }
      }
    }
  },
});
