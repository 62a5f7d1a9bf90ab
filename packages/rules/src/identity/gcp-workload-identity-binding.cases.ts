import type { RuleCases } from '../cases.js';
import { PROJECT } from '../util/gcp-cases.js';

const email = `coditect-cloud-backend@${PROJECT}.iam.gserviceaccount.com`;

export default {
  pass: [
    {
      name: 'the KSA is bound',
      facets: {
        'gcp.iam-service-accounts': {
          serviceAccounts: [
            {
              project: PROJECT,
              email,
              exists: true,
              policy: {
                bindings: [
                  {
                    role: 'roles/iam.workloadIdentityUser',
                    members: [`serviceAccount:${PROJECT}.svc.id.goog[coditect-staging/coditect-cloud-backend]`],
                  },
                ],
              },
            },
          ],
        },
      },
    },
  ],
  fail: [
    {
      name: 'the Google service account does not exist (the ADR staging project)',
      facets: { 'gcp.iam-service-accounts': { serviceAccounts: [{ project: PROJECT, email, exists: false }] } },
      expect: [{ messageId: 'serviceAccountMissing' }],
    },
    {
      name: 'bound to another namespace',
      facets: {
        'gcp.iam-service-accounts': {
          serviceAccounts: [
            {
              project: PROJECT,
              email,
              exists: true,
              policy: {
                bindings: [
                  {
                    role: 'roles/iam.workloadIdentityUser',
                    members: [`serviceAccount:${PROJECT}.svc.id.goog[default/coditect-cloud-backend]`],
                  },
                ],
              },
            },
          ],
        },
      },
      expect: [{ messageId: 'notBound' }],
    },
  ],
} satisfies RuleCases;
