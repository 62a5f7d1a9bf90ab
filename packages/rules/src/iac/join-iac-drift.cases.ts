import type { FacetMap } from '@coditect-audit/core';
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

/** A format-4 state: each entry is `[address, identity attributes]`. */
function state(...entries: [string, Record<string, string>][]): string {
  return `${JSON.stringify(
    {
      version: 4,
      terraform_version: '1.8.5',
      serial: 3,
      lineage: '0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d',
      outputs: {},
      resources: entries.map(([address, attributes]) => {
        const parts = address.split('.');
        const name = parts.pop()!;
        const type = parts.pop()!;
        return {
          ...(parts.length ? { module: parts.join('.') } : {}),
          mode: 'managed',
          type,
          name,
          provider: 'provider["registry.opentofu.org/hashicorp/google"]',
          instances: [{ schema_version: 0, attributes: { project: PROJECT, ...attributes } }],
        };
      }),
    },
    null,
    2,
  )}\n`;
}

const MAIN_TF = `provider "google" {
  project = "coditect-cloud-infra"
  region  = "us-central1"
}

resource "google_sql_database_instance" "main" {
  name             = "coditect-db"
  database_version = "POSTGRES_16"
}

resource "google_redis_instance" "main" {
  name           = "coditect-redis-staging"
  memory_size_gb = 1
}

resource "google_container_cluster" "primary" {
  name     = "coditect-cluster"
  location = "us-central1"
}
`;

const SQL_STATE: [string, Record<string, string>] = [
  'google_sql_database_instance.main',
  { id: 'coditect-db', name: 'coditect-db' },
];
const REDIS_STATE: [string, Record<string, string>] = [
  'google_redis_instance.main',
  {
    id: `projects/${PROJECT}/locations/us-central1/instances/coditect-redis-staging`,
    name: 'coditect-redis-staging',
    region: 'us-central1',
  },
];
const GKE_STATE: [string, Record<string, string>] = [
  'google_container_cluster.primary',
  {
    id: `projects/${PROJECT}/locations/us-central1/clusters/coditect-cluster`,
    name: 'coditect-cluster',
    location: 'us-central1',
  },
];

const files = (...entries: [string, Record<string, string>][]) => ({
  'opentofu/environments/staging/main.tf': MAIN_TF,
  'opentofu/environments/staging/terraform.tfstate': state(...entries),
});

const empty = {
  'gcp.kms': { read: READ_PROJECT, keyRings: [] } as FacetMap['gcp.kms'],
  'gcp.artifactregistry': { read: READ_PROJECT, repositories: [] } as FacetMap['gcp.artifactregistry'],
  'gcp.secretmanager': { read: READ_PROJECT, secrets: [] } as FacetMap['gcp.secretmanager'],
};

const live = {
  ...empty,
  'gcp.sql': sqlFacet(sqlInstance()),
  'gcp.redis': redisFacet(redisInstance()),
  'gcp.gke': gkeFacet(gkeCluster()),
};

export default {
  pass: [
    {
      name: 'the ADR fix: every live resource is in the state, every state entry is live',
      files: files(SQL_STATE, REDIS_STATE, GKE_STATE),
      facets: live,
    },
  ],
  fail: [
    {
      name: 'ADR-001 Issue 1: Cloud SQL and Memorystore created with gcloud, declared but never imported',
      files: files(GKE_STATE),
      facets: live,
      expect: [
        { messageId: 'unmanagedDeclared', file: 'opentofu/environments/staging/main.tf', line: 6 },
        { messageId: 'unmanagedDeclared', file: 'opentofu/environments/staging/main.tf', line: 11 },
      ],
    },
    {
      name: 'a KMS key made with gcloud that no .tf declares: reported at the google provider block',
      files: files(SQL_STATE, REDIS_STATE, GKE_STATE),
      facets: {
        ...live,
        'gcp.kms': {
          read: READ_PROJECT,
          keyRings: [
            {
              project: PROJECT,
              location: 'us-central1',
              name: 'license-signing-keyring',
              keys: [{ name: 'license-signing-key', purpose: 'ASYMMETRIC_SIGN', labels: {} }],
            },
          ],
        },
      },
      expect: [
        { messageId: 'unmanaged', file: 'opentofu/environments/staging/main.tf', line: 1 },
        { messageId: 'unmanaged', file: 'opentofu/environments/staging/main.tf', line: 1 },
      ],
    },
    {
      name: 'the state still lists the cluster, which was deleted by hand',
      files: files(SQL_STATE, REDIS_STATE, GKE_STATE),
      facets: { ...live, 'gcp.gke': gkeFacet() },
      expect: [{ messageId: 'stateOnly', file: 'opentofu/environments/staging/main.tf', line: 16 }],
    },
  ],
} satisfies RuleCases;
