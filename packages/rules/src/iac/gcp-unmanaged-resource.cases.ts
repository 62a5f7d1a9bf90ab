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
      files: {},
      facets: {
        'gcp.sql': sqlFacet(sqlInstance()),
        'gcp.redis': redisFacet(redisInstance({ labels: { 'goog-terraform-provisioned': 'true' } })),
        'gcp.kms': kms,
        'gcp.artifactregistry': ar,
        'gcp.gke': gkeFacet(gkeCluster()),
      },
    },
    {
      name: 'unlabelled, but the repository declares them in OpenTofu (imported, labels come at the next apply)',
      files: {
        'opentofu/main.tf': `resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_15"
}
resource "google_redis_instance" "cache" {
  name           = "coditect-redis-staging"
  memory_size_gb = 1
}
`,
      },
      facets: {
        'gcp.sql': sqlFacet(sqlInstance({ settings: { userLabels: {} } })),
        'gcp.redis': redisFacet(redisInstance({ labels: {} })),
        'gcp.kms': kms,
        'gcp.artifactregistry': ar,
        'gcp.gke': { read: READ_PROJECT, clusters: [] },
      },
    },
  ],
  fail: [
    {
      name: 'Cloud SQL and Memorystore created with gcloud (the ADR staging project), declared nowhere',
      files: { 'opentofu/main.tf': 'resource "google_storage_bucket" "logs" {\n  name = "coditect-logs"\n}\n' },
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
