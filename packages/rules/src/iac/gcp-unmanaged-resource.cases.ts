import type { RuleCases } from '../cases.js';
import {
  gkeCluster,
  gkeFacet,
  PROJECT,
  READ_PROJECT,
  redisFacet,
  redisInstance,
  sqlFacet,
  sqlInstance,
} from '../util/gcp-cases.js';

const kms = { read: [`projects/${PROJECT}/locations/us-central1`], keyRings: [] };
const ar = { read: [`projects/${PROJECT}/locations/us-central1`], repositories: [] };

export default {
  pass: [
    {
      name: 'everything labelled by OpenTofu',
      facets: {
        'gcp.sql': sqlFacet(sqlInstance()),
        'gcp.redis': redisFacet(redisInstance({ labels: { 'goog-terraform-provisioned': 'true' } })),
        'gcp.kms': kms,
        'gcp.artifactregistry': ar,
        'gcp.gke': gkeFacet(gkeCluster()),
      },
    },
  ],
  fail: [
    {
      name: 'Cloud SQL and Memorystore created with gcloud (the ADR staging project)',
      facets: {
        'gcp.sql': sqlFacet(sqlInstance({ settings: { userLabels: {} } })),
        'gcp.redis': redisFacet(redisInstance({ labels: {} })),
        'gcp.kms': kms,
        'gcp.artifactregistry': ar,
        'gcp.gke': { read: READ_PROJECT, clusters: [] },
      },
      expect: [
        { messageId: 'unlabelled', certainty: 'low' },
        { messageId: 'unlabelled', certainty: 'low' },
      ],
    },
  ],
} satisfies RuleCases;
