import type { GcpIamPolicy } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { PROJECT, PROJECT_NUMBER } from '../util/gcp-cases.js';

const signer = `serviceAccount:coditect-cloud-backend@${PROJECT}.iam.gserviceaccount.com`;
const key = (exists: boolean, policy?: GcpIamPolicy, keyRingPolicy?: GcpIamPolicy) => ({
  keys: [
    {
      project: PROJECT,
      location: 'us-central1',
      keyRing: 'license-signing-keyring',
      key: 'license-signing-key',
      exists,
      ...(policy ? { policy } : {}),
      ...(keyRingPolicy ? { keyRingPolicy } : {}),
    },
  ],
});
const project = (policy: GcpIamPolicy) => ({ projects: [{ project: PROJECT, projectNumber: PROJECT_NUMBER, policy }] });
const owners: GcpIamPolicy = { bindings: [{ role: 'roles/owner', members: ['user:hal@coditect.ai'] }] };

export default {
  pass: [
    {
      name: 'signerVerifier for the backend on the key; the project owner is not counted',
      facets: {
        'gcp.kms-iam': key(true, { bindings: [{ role: 'roles/cloudkms.signerVerifier', members: [signer] }] }),
        'gcp.iam': project(owners),
      },
    },
    {
      name: 'the backend alone signs; a viewer on the ring and a verifier-only role do not count',
      facets: {
        'gcp.kms-iam': key(
          true,
          {
            bindings: [
              { role: 'roles/cloudkms.signerVerifier', members: [signer] },
              { role: 'roles/cloudkms.publicKeyViewer', members: ['group:licensing@coditect.ai'] },
            ],
          },
          { bindings: [{ role: 'roles/cloudkms.viewer', members: ['group:platform@coditect.ai'] }] },
        ),
        'gcp.iam': project(owners),
      },
    },
  ],
  fail: [
    {
      name: 'a broad group holds the signing role on the key besides the backend',
      facets: {
        'gcp.kms-iam': key(true, {
          bindings: [{ role: 'roles/cloudkms.signerVerifier', members: [signer, 'group:engineering@coditect.ai'] }],
        }),
        'gcp.iam': project(owners),
      },
      expect: [{ messageId: 'otherSigner' }],
    },
    {
      name: 'another service account can sign through the key ring',
      facets: {
        'gcp.kms-iam': key(
          true,
          { bindings: [{ role: 'roles/cloudkms.signerVerifier', members: [signer] }] },
          {
            bindings: [
              {
                role: 'roles/cloudkms.signer',
                members: [`serviceAccount:ci-deployer@${PROJECT}.iam.gserviceaccount.com`],
              },
            ],
          },
        ),
        'gcp.iam': project(owners),
      },
      expect: [{ messageId: 'otherSigner' }],
    },
    {
      name: 'the key does not exist (the ADR staging project)',
      facets: { 'gcp.kms-iam': key(false), 'gcp.iam': project(owners) },
      expect: [{ messageId: 'keyMissing' }],
    },
    {
      name: 'granted to allUsers, not to the backend',
      facets: {
        'gcp.kms-iam': key(true, { bindings: [{ role: 'roles/cloudkms.signerVerifier', members: ['allUsers'] }] }),
        'gcp.iam': project(owners),
      },
      expect: [{ messageId: 'notGranted' }, { messageId: 'public' }],
    },
    {
      name: 'a developer can sign with every key of the project',
      facets: {
        'gcp.kms-iam': key(true, { bindings: [{ role: 'roles/cloudkms.signerVerifier', members: [signer] }] }),
        'gcp.iam': project({ bindings: [{ role: 'roles/cloudkms.signer', members: ['user:dev@coditect.ai'] }] }),
      },
      expect: [{ messageId: 'projectWide' }],
    },
  ],
} satisfies RuleCases;
