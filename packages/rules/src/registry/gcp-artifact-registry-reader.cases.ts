import type { GcpIamPolicy } from '@coditect-audit/core';
import type { RuleCases } from '../cases.js';
import { gkeCluster, gkeFacet, PROJECT, PROJECT_NUMBER } from '../util/gcp-cases.js';

const nodeSa = `serviceAccount:${PROJECT_NUMBER}-compute@developer.gserviceaccount.com`;
const project = (policy: GcpIamPolicy) => ({ projects: [{ project: PROJECT, projectNumber: PROJECT_NUMBER, policy }] });
const repo = (policy?: GcpIamPolicy) => ({
  repositories: [
    {
      project: PROJECT,
      location: 'us-central1',
      repository: 'coditect-backend',
      exists: true,
      ...(policy ? { policy } : {}),
    },
  ],
});
const none: GcpIamPolicy = { bindings: [] };

export default {
  pass: [
    {
      name: 'reader on the project for the default compute account (the ADR grant)',
      facets: {
        'gcp.gke': gkeFacet(gkeCluster()),
        'gcp.iam': project({ bindings: [{ role: 'roles/artifactregistry.reader', members: [nodeSa] }] }),
        'gcp.artifactregistry-iam': repo(none),
      },
    },
    {
      name: 'reader on the repository for a dedicated node account',
      facets: {
        'gcp.gke': gkeFacet(
          gkeCluster({
            nodePools: [
              {
                name: 'pool',
                machineType: 'e2-standard-4',
                serviceAccount: `gke-nodes@${PROJECT}.iam.gserviceaccount.com`,
              },
            ],
          }),
        ),
        'gcp.iam': project(none),
        'gcp.artifactregistry-iam': repo({
          bindings: [
            {
              role: 'roles/artifactregistry.reader',
              members: [`serviceAccount:gke-nodes@${PROJECT}.iam.gserviceaccount.com`],
            },
          ],
        }),
      },
    },
  ],
  fail: [
    {
      name: 'no read role anywhere',
      facets: {
        'gcp.gke': gkeFacet(gkeCluster()),
        'gcp.iam': project({ bindings: [{ role: 'roles/logging.logWriter', members: [nodeSa] }] }),
        'gcp.artifactregistry-iam': repo(none),
      },
      expect: [{ messageId: 'noReader' }],
    },
  ],
} satisfies RuleCases;
