import { defineRule } from '@coditect-audit/core';
import { gcpResource, holders, PUBLIC_PRINCIPALS } from '../util/gcp.js';

const SIGNER = 'roles/cloudkms.signerVerifier';
/**
 * Roles that can sign with a key (or grant themselves that) where they are bound: on the key, its ring, or
 * the project.
 */
const SIGNING_ROLES = [
  'roles/cloudkms.signerVerifier',
  'roles/cloudkms.signer',
  'roles/cloudkms.cryptoOperator',
  'roles/cloudkms.admin',
];

/** ADR-001 Issue 6, live: who may sign licenses with the key. */
export default defineRule({
  id: 'gcp-kms-signer-binding',
  title: 'The backend cannot sign with the license key, or signing is granted too broadly',
  concerns: ['kms.signer-binding'],
  layer: 'gcp',
  facets: ['gcp.kms-iam', 'gcp.iam'],
  adrIdentity: 'KMS key and signer (license-signing-key, coditect-cloud-backend)',
  adrIdentityFields: ['kms.keyRing', 'kms.key', 'kms.signer|app.serviceAccount'],
  description:
    'Reads the IAM policy of the license-signing key (cloudkms `cryptoKeys.getIamPolicy`) and of the project (cloudresourcemanager `projects.getIamPolicy`). The key must grant `roles/cloudkms.signerVerifier` to `expectations.kms.signer`; a key that does not exist fails. `allUsers` or `allAuthenticatedUsers` in any binding of the key fails. The signing role belongs to the backend service account alone: any other principal holding a signing role (signerVerifier, signer, cryptoOperator, KMS admin) on the key or on its key ring fails, named (a group, a user, another service account). A project-level grant of a signing role to anyone but the signer fails as too broad: it reaches every key of the project (project owners are not counted).',
  rationale:
    'ADR-001 Issue 6 (P0): the backend signs licenses as its own service account; without the grant every signing call is denied, and anyone else who can sign can forge licenses.',
  remediation: {
    text: "Grant the signer role on the key itself, to the backend's service account only, and remove project-wide or public grants.",
    commands: [
      'gcloud kms keys add-iam-policy-binding license-signing-key --location={{region}} --keyring=license-signing-keyring --member=serviceAccount:coditect-cloud-backend@{{project}}.iam.gserviceaccount.com --role=roles/cloudkms.signerVerifier --project={{project}}',
    ],
  },
  benchmarks: [
    { standard: 'CIS Google Cloud Platform Foundation Benchmark 1.2.0', id: '1.9' },
    { standard: 'Security Command Center', id: 'KMS_PUBLIC_KEY' },
  ],
  messages: {
    granted: '{{signer}} holds roles/cloudkms.signerVerifier on {{ring}}/{{key}}.',
    keyMissing: 'The license-signing key {{ring}}/{{key}} does not exist, so {{signer}} cannot sign with it.',
    notGranted:
      '{{signer}} does not hold roles/cloudkms.signerVerifier on {{ring}}/{{key}}: the backend cannot sign licenses.',
    public: '{{ring}}/{{key}} grants {{role}} to {{member}}: anyone can use the license key.',
    otherSigner:
      "{{member}} holds {{role}} on {{scope}}: besides {{signer}}, it can sign licenses with {{ring}}/{{key}}. The signing role belongs to the backend's service account alone.",
    projectWide:
      '{{member}} holds {{role}} on the whole project {{project}}: it can sign with every key, the license key included.',
  },
  check(ctx) {
    const { project, kms } = ctx.env.expectations;
    const ids = { ring: kms.keyRing, key: kms.key, signer: kms.signer };
    const resource = gcpResource.kmsKey(project, kms.location, kms.keyRing, kms.key);
    for (const entry of ctx.facet('gcp.kms-iam').keys.filter((k) => k.project === project)) {
      const signers = holders(entry.policy, [SIGNER]);
      const evidence = [
        { path: `bindings[role=${SIGNER}].members`, observed: signers.join(', ') || null, expected: kms.signer },
      ];
      if (!entry.exists) ctx.fail({ resource, messageId: 'keyMissing', data: ids, evidence });
      else if (signers.some((m) => m.toLowerCase() === kms.signer.toLowerCase()))
        ctx.pass({ resource, messageId: 'granted', data: ids, evidence });
      else ctx.fail({ resource, messageId: 'notGranted', data: ids, evidence });
      for (const b of entry.policy?.bindings ?? [])
        for (const member of b.members.filter((m) => PUBLIC_PRINCIPALS.includes(m)))
          ctx.fail({
            resource,
            messageId: 'public',
            data: { ...ids, role: b.role, member },
            evidence: [{ path: `bindings[role=${b.role}].members`, observed: member, expected: 'no public principal' }],
            discriminator: `public:${b.role}:${member}`,
          });
      const scopes = [
        { scope: `the key ${kms.keyRing}/${kms.key}`, path: 'key', policy: entry.policy },
        { scope: `the key ring ${kms.keyRing}`, path: 'keyRing', policy: entry.keyRingPolicy },
      ];
      for (const { scope, path, policy } of scopes)
        for (const b of (policy?.bindings ?? []).filter((x) => SIGNING_ROLES.includes(x.role)))
          for (const member of b.members) {
            if (PUBLIC_PRINCIPALS.includes(member) || member.toLowerCase() === kms.signer.toLowerCase()) continue;
            ctx.fail({
              resource,
              messageId: 'otherSigner',
              data: { ...ids, role: b.role, member, scope },
              evidence: [{ path: `${path}.bindings[role=${b.role}].members`, observed: member, expected: kms.signer }],
              discriminator: `${path}:${b.role}:${member}`,
            });
          }
    }
    for (const p of ctx.facet('gcp.iam').projects.filter((x) => x.project === project)) {
      for (const b of p.policy.bindings.filter((x) => SIGNING_ROLES.includes(x.role)))
        for (const member of b.members.filter((m) => m.toLowerCase() !== kms.signer.toLowerCase()))
          ctx.fail({
            resource,
            messageId: 'projectWide',
            data: { ...ids, role: b.role, member, project },
            evidence: [
              {
                path: `projects/${project}.bindings[role=${b.role}].members`,
                observed: member,
                expected: 'grants on the key only',
              },
            ],
            discriminator: `project:${b.role}:${member}`,
          });
    }
  },
});
