/**
 * ADR-001 as data, the one place it is written down: its sections in reading order with the status the
 * record gives each (the checklist the HTML report shows beside what a scan measured), and the concern
 * catalog (one verifiable statement per stable key, checked by one rule, naming the sections it comes from).
 * docs/design/adr-001-concerns.md is generated from this file (`pnpm docs`); tests check that every
 * section is one the ADR's text has, in its order, and that every concern names known sections.
 */
import type { Layer } from './snapshot/index.js';
import type { PrioritySpec } from './priority.js';

/** How the ADR itself marks an item: done ✅, partly ⚠️, open ❌, or no status (a lesson). */
export type AdrMark = 'done' | 'partial' | 'open' | 'none';

export interface AdrSection {
  /** The name concerns and rules use: "Decision 1", "Pending: Update Secrets", "Issue 6", "Lesson 2". */
  key: string;
  /** What the section is about, as the ADR titles it. */
  title: string;
  mark: AdrMark;
  /** The ADR's status for it, in words. */
  says: string;
}

const issue = (key: string, title: string, impact: string): AdrSection => ({
  key,
  title,
  mark: 'open',
  says: `Open issue · impact ${impact}`,
});
const pending = (key: string, title: string): AdrSection => ({
  key: `Pending: ${key}`,
  title,
  mark: 'open',
  says: 'Pending',
});
const lesson = (key: string, title: string): AdrSection => ({ key, title, mark: 'none', says: 'Lesson to apply' });

/**
 * ADR-001 (docs/design/ADR-001-staging-deployment.txt) as the record states it: its overall status line,
 * then its decisions, the "Pending Completion" items, the production-readiness issues with their impact and
 * the lessons, in the order the record reads (reports list sections in this order).
 */
export const ADR_001: { readonly status: string; readonly sections: readonly AdrSection[] } = {
  status: 'Implemented (95% complete)',
  sections: [
    { key: 'Decision 1', title: 'Migrate from GCR to Artifact Registry', mark: 'done', says: 'Implemented' },
    { key: 'Decision 2', title: 'Multi-platform Docker builds for GKE', mark: 'done', says: 'Implemented' },
    {
      key: 'Decision 3',
      title: 'Cloud SQL (existing) + Memorystore (new)',
      mark: 'partial',
      says: 'In progress: Cloud SQL ready, Redis creating',
    },
    {
      key: 'Decision 4',
      title: 'Dockerfile user permissions fix',
      mark: 'partial',
      says: 'Blocked: dependencies not accessible',
    },
    pending('Dockerfile Fix', 'Dockerfile fix: /root/.local → /home/django/.local'),
    pending('Redis Provisioning', 'Redis provisioning: Memorystore created'),
    pending('Update Secrets', 'Update secrets: real Cloud SQL and Redis endpoints'),
    pending('Rebuild Image', 'Rebuild image: fixed Dockerfile pushed to Artifact Registry'),
    pending('Database Migrations', 'Database migrations: manage.py migrate'),
    pending('Restart Deployment', 'Restart deployment: updated secrets and image'),
    pending('Smoke Tests', 'Smoke tests: health endpoints respond'),
    issue('Issue 1', 'Infrastructure as code gap', 'Medium'),
    issue('Issue 2', 'Database user and permissions', 'High'),
    issue('Issue 3', 'SSL/TLS for Cloud SQL connections', 'Medium'),
    issue('Issue 4', 'Redis authentication and encryption', 'High'),
    issue('Issue 5', 'Secrets management with Secret Manager', 'Medium'),
    issue('Issue 6', 'Cloud KMS license signing', 'Critical'),
    issue('Issue 7', 'Identity Platform OAuth2', 'Critical'),
    issue('Issue 8', 'Load balancer and SSL certificate', 'High'),
    issue('Issue 9', 'Monitoring and alerting', 'Medium'),
    issue('Issue 10', 'Disaster recovery and backups', 'High'),
    issue('Issue 11', 'CI/CD pipeline', 'Medium'),
    lesson('Lesson 1', 'Platform deprecations require proactive monitoring'),
    lesson('Lesson 2', 'Multi-platform Docker builds are not optional for GKE'),
    lesson('Lesson 3', 'Infrastructure as code first, not afterthought'),
    lesson('Lesson 4', 'Dockerfile user permissions are critical for security'),
    lesson('Lesson 5', 'Managed services over StatefulSets'),
  ],
};

/** The "Pending Completion" items in the ADR's list order (`Update Secrets`, without the prefix). */
export const ADR_001_PENDING_ORDER: readonly string[] = ADR_001.sections
  .filter((s) => s.key.startsWith('Pending: '))
  .map((s) => s.key.slice('Pending: '.length));

const sectionByKey = new Map(ADR_001.sections.map((s) => [s.key, s]));
export function getAdr001Section(key: string): AdrSection | undefined {
  return sectionByKey.get(key);
}

export interface Concern {
  key: string;
  statement: string;
  /** The ADR section(s) the concern comes from, e.g. "Decision 4, Lesson 4" (keys of ADR_001.sections). */
  adrSection: string;
  layers: Layer[];
  priority: PrioritySpec;
  /**
   * The key this statement was cut out of when the catalog became atomic (issue 18: one verifiable statement
   * per key, checked by one rule). The key it names kept the check its own name says, or was retired
   * (RETIRED_CONCERNS); findings filed under it before the split are about this statement now.
   */
  splitFrom?: string;
}

/** A key no longer in the catalog because it bundled several checks: what it said, and where they went. */
export interface RetiredConcern {
  key: string;
  statement: string;
  adrSection: string;
  /** The catalog keys that carry its checks now, one each. */
  splitInto: readonly string[];
  why: string;
}

/**
 * When the catalog was made atomic (issue 18) every key that bundled several checks kept the one its name
 * says and gave the others new keys (their `splitFrom`); a key whose name was none of its checks is retired
 * here, so a report or a note written before still leads somewhere.
 */
export const RETIRED_CONCERNS: readonly RetiredConcern[] = [
  {
    key: 'lifecycle.deprecated-platform',
    statement:
      'Nothing depends on a shut-down or end-of-life platform: GCR, removed Kubernetes API versions, end-of-life base images and database versions',
    adrSection: 'Lesson 1',
    splitInto: [
      'registry.gcr-reference',
      'lifecycle.removed-kubernetes-api',
      'lifecycle.eol-base-image',
      'lifecycle.eol-database-version',
    ],
    why: 'four platforms, each with its own rule; Container Registry references were already `registry.gcr-reference`',
  },
];

export const CONCERNS: readonly Concern[] = [
  {
    key: 'registry.gcr-reference',
    statement:
      'No image is pulled from or pushed to Container Registry (`gcr.io`, `*.gcr.io`): manifests, live workloads, workflows, Dockerfile `FROM`, `.tf`',
    adrSection: 'Decision 1',
    layers: ['files', 'k8s'],
    priority: { default: 'P0' },
  },
  {
    key: 'docs.gcr-reference',
    statement:
      'Deployment guides (Markdown) no longer point at images or repositories on Container Registry (`gcr.io`, `*.gcr.io`)',
    adrSection: 'Decision 1',
    layers: ['files'],
    priority: { default: 'P2' },
    splitFrom: 'registry.gcr-reference',
  },
  {
    key: 'registry.ar-repository',
    statement: 'The Artifact Registry Docker repository exists in the expected location and its API is enabled',
    adrSection: 'Decision 1',
    layers: ['gcp'],
    priority: { default: 'P0' },
  },
  {
    key: 'registry.pull-permission',
    statement: 'The identity GKE nodes pull with holds `roles/artifactregistry.reader` (project or repository)',
    adrSection: 'Decision 1',
    layers: ['gcp'],
    priority: { default: 'P0' },
  },
  {
    key: 'registry.legacy-api-enabled',
    statement: '`containerregistry.googleapis.com` is no longer enabled',
    adrSection: 'Decision 1, Lesson 1',
    layers: ['gcp'],
    priority: { default: 'P2' },
  },
  {
    key: 'image.platform-mismatch',
    statement:
      'Every image a workload runs has a manifest for every node architecture in the cluster (linux/amd64 on GKE)',
    adrSection: 'Decision 2',
    layers: ['probe', 'k8s', 'gcp'],
    priority: { default: 'P0' },
  },
  {
    key: 'build.platform-flag',
    statement:
      'Every image build that feeds GKE targets `linux/amd64` explicitly (`--platform`, or a multi-platform list containing it)',
    adrSection: 'Decision 2, Lesson 2',
    layers: ['files'],
    priority: { default: 'P1' },
  },
  {
    key: 'k8s.self-managed-datastore',
    statement:
      "No database or cache runs as a StatefulSet/Deployment in the app's namespaces (postgres, redis, mysql, mongo images)",
    adrSection: 'Decision 3, Lesson 5',
    layers: ['files', 'k8s'],
    priority: { default: 'P1' },
  },
  {
    key: 'k8s.orphaned-volume',
    statement: 'No PersistentVolumeClaim is left from a deleted StatefulSet (unused by any pod)',
    adrSection: 'Decision 3',
    layers: ['k8s'],
    priority: { default: 'P2' },
  },
  {
    key: 'sql.instance-ready',
    statement: 'The Cloud SQL instance exists, is `RUNNABLE`, and the application database exists',
    adrSection: 'Decision 3',
    layers: ['gcp'],
    priority: { default: 'P0' },
  },
  {
    key: 'redis.instance-ready',
    statement: 'The Memorystore instance exists and is `READY`',
    adrSection: 'Decision 3',
    layers: ['gcp'],
    priority: { default: 'P0' },
  },
  {
    key: 'container.runs-as-root',
    statement:
      'No workload container runs as root: its `securityContext` (container over pod) sets `runAsNonRoot: true` or a non-zero `runAsUser`, in the manifests and live, and the user the runtime applies (Dockerfile `USER`, image `User`, pod spec) is not root',
    adrSection: 'Decision 4, Lesson 4',
    layers: ['files', 'k8s'],
    priority: { default: 'P0' },
  },
  {
    key: 'image.runs-as-root',
    statement:
      'The image runs as a non-root user: the Dockerfile final stage sets a non-root `USER`, and the image config `User` the registry serves is not empty, `root` or `0`',
    adrSection: 'Decision 4, Lesson 4',
    layers: ['files', 'probe'],
    priority: { default: 'P0' },
    splitFrom: 'container.runs-as-root',
  },
  {
    key: 'container.unreadable-dependencies',
    statement:
      'A non-root runtime user can read what it runs: no dependencies copied under `/root` (e.g. `/root/.local`) or onto a `PATH` entry under `/root` while the final `USER` is not root',
    adrSection: 'Decision 4',
    layers: ['files', 'probe'],
    priority: { default: 'P0' },
  },
  {
    key: 'container.privilege-escalation',
    statement: 'Containers set `allowPrivilegeEscalation: false`, are not `privileged`, add no capabilities',
    adrSection: 'Lesson 4',
    layers: ['files', 'k8s'],
    priority: { default: 'P1' },
  },
  {
    key: 'k8s.placeholder-secret',
    statement:
      'No Secret the app uses holds a placeholder value (empty, `placeholder`, `changeme`, `TODO`, `xxx`, example hosts)',
    adrSection: 'Pending: Update Secrets',
    layers: ['k8s', 'files'],
    priority: { default: 'P0' },
  },
  {
    key: 'k8s.migrations-complete',
    statement: 'The migration Job for the running image has succeeded',
    adrSection: 'Pending: Database Migrations',
    layers: ['k8s'],
    priority: { default: 'P1' },
  },
  {
    key: 'k8s.rollout-healthy',
    statement:
      'The backend Deployment is fully available with the expected image, at least 2 replicas, and liveness + readiness probes',
    adrSection: 'Pending: Restart Deployment',
    layers: ['files', 'k8s'],
    priority: { default: 'P0' },
  },
  {
    key: 'smoke.health-endpoints',
    statement: '`/api/v1/health/live` answers healthy and `/api/v1/health/ready` reports database and redis connected',
    adrSection: 'Pending: Smoke Tests',
    layers: ['probe'],
    priority: { default: 'P0' },
  },
  {
    key: 'smoke.auth-required',
    statement: 'Protected API paths (`/api/v1/licenses/`) answer 401 without a token',
    adrSection: 'Pending: Smoke Tests',
    layers: ['probe'],
    priority: { default: 'P0' },
  },
  {
    key: 'iac.unmanaged-resource',
    statement:
      'Every live managed resource (Cloud SQL, Memorystore, KMS key, AR repository, cluster) is declared in the OpenTofu files or carries an OpenTofu label; none was created by hand',
    adrSection: 'Issue 1, Lesson 3',
    layers: ['gcp'],
    priority: { default: 'P1' },
  },
  {
    key: 'iac.declared',
    statement:
      'Each managed service of the ADR (Cloud SQL, Memorystore, KMS key, AR repository, GKE cluster) is declared by an OpenTofu resource in the repository',
    adrSection: 'Issue 1, Lesson 3',
    layers: ['files'],
    priority: { default: 'P1' },
    splitFrom: 'iac.unmanaged-resource',
  },
  {
    key: 'iac.in-state',
    statement: "Every managed resource declared in the `.tf` files has an entry in the repository's OpenTofu state",
    adrSection: 'Issue 1, Lesson 3',
    layers: ['files'],
    priority: { default: 'P1' },
    splitFrom: 'iac.unmanaged-resource',
  },
  {
    key: 'iac.state-drift',
    statement: 'Every live managed resource is in the OpenTofu state, and every state resource exists live',
    adrSection: 'Issue 1, Lesson 3',
    layers: ['gcp'],
    priority: { default: 'P1' },
    splitFrom: 'iac.unmanaged-resource',
  },
  {
    key: 'db.superuser-app-user',
    statement: 'The application does not connect as `postgres` or any superuser / `cloudsqlsuperuser` member',
    adrSection: 'Issue 2',
    layers: ['files', 'k8s', 'probe'],
    priority: { default: 'P0' },
  },
  {
    key: 'db.dedicated-app-user',
    statement:
      'The Cloud SQL instance has a dedicated application user that is not a superuser (not `postgres`, not a `cloudsqlsuperuser` member)',
    adrSection: 'Issue 2',
    layers: ['gcp'],
    priority: { default: 'P0' },
    splitFrom: 'db.superuser-app-user',
  },
  {
    key: 'db.app-role-dml-only',
    statement:
      "The application's database role has DML rights only: no CREATEROLE, CREATEDB, BYPASSRLS or REPLICATION, no privileged built-in role, owns no database, schema or table, and has no CREATE, TRUNCATE, REFERENCES or TRIGGER",
    adrSection: 'Issue 2',
    layers: ['probe'],
    priority: { default: 'P0' },
    splitFrom: 'db.superuser-app-user',
  },
  {
    key: 'sql.ssl-not-enforced',
    statement:
      'Cloud SQL rejects unencrypted connections (`sslMode` ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED, or `requireSsl`)',
    adrSection: 'Issue 3',
    layers: ['gcp', 'probe', 'files'],
    priority: { default: 'P1' },
  },
  {
    key: 'db.client-tls',
    statement:
      "The app's database connection requires TLS (`sslmode` `require`, `verify-ca` or `verify-full`), or goes to a local proxy that encrypts it",
    adrSection: 'Issue 3',
    layers: ['files'],
    priority: { default: 'P1' },
    splitFrom: 'sql.ssl-not-enforced',
  },
  {
    key: 'redis.auth-disabled',
    statement: 'Memorystore has AUTH enabled; an unauthenticated client is refused',
    adrSection: 'Issue 4',
    layers: ['files', 'gcp', 'probe'],
    priority: { default: 'P0' },
  },
  {
    key: 'redis.transit-encryption-disabled',
    statement: 'Memorystore uses in-transit encryption (`SERVER_AUTHENTICATION`); a plaintext client is refused',
    adrSection: 'Issue 4',
    layers: ['files', 'gcp', 'probe'],
    priority: { default: 'P0' },
  },
  {
    key: 'secrets.not-in-secret-manager',
    statement:
      'Application credentials come from Secret Manager (via External Secrets or a CSI/sidecar), not from hand-made Kubernetes Secrets',
    adrSection: 'Issue 5',
    layers: ['k8s', 'files'],
    priority: { default: 'P1' },
  },
  {
    key: 'secrets.expected-secret-missing',
    statement: 'The expected Secret Manager secrets are declared in OpenTofu and exist in the project',
    adrSection: 'Issue 5',
    layers: ['files', 'gcp'],
    priority: { default: 'P1' },
    splitFrom: 'secrets.not-in-secret-manager',
  },
  {
    key: 'secrets.sync-healthy',
    statement:
      'Every Secret the app needs is the target of a `Ready` ExternalSecret that reads a Secret Manager (`gcpsm`) store',
    adrSection: 'Issue 5',
    layers: ['k8s'],
    priority: { default: 'P1' },
    splitFrom: 'secrets.not-in-secret-manager',
  },
  {
    key: 'gke.secrets-encryption',
    statement: 'GKE application-layer secrets encryption is on (`databaseEncryption.state: ENCRYPTED`)',
    adrSection: 'Issue 5',
    layers: ['files', 'gcp'],
    priority: { default: 'P1' },
  },
  {
    key: 'gke.workload-identity',
    statement:
      'Workload Identity is enabled on the cluster (a `*.svc.id.goog` workload pool) and its node pools run the GKE metadata server',
    adrSection: 'Issue 5',
    layers: ['files', 'gcp'],
    priority: { default: 'P1' },
  },
  {
    key: 'gke.ksa-binding',
    statement:
      "The backend's Kubernetes ServiceAccount names its Google service account (`iam.gke.io/gcp-service-account`) and the app's Deployment runs as it",
    adrSection: 'Issue 5',
    layers: ['files', 'k8s'],
    priority: { default: 'P1' },
    splitFrom: 'gke.workload-identity',
  },
  {
    key: 'gke.gsa-binding',
    statement:
      "The backend's Google service account grants `roles/iam.workloadIdentityUser` to the backend's Kubernetes ServiceAccount",
    adrSection: 'Issue 5',
    layers: ['gcp'],
    priority: { default: 'P1' },
    splitFrom: 'gke.workload-identity',
  },
  {
    key: 'kms.signing-key',
    statement:
      'The license-signing key exists with purpose `ASYMMETRIC_SIGN`, the decided algorithm (`RSA_SIGN_PKCS1_4096_SHA512`) and an enabled primary version',
    adrSection: 'Issue 6',
    layers: ['files', 'gcp'],
    priority: { default: 'P0' },
  },
  {
    key: 'kms.signer-binding',
    statement:
      "The backend's service account holds `roles/cloudkms.signerVerifier` on that key, and nobody holds it broadly (allUsers, project-wide owners excepted)",
    adrSection: 'Issue 6',
    layers: ['files', 'gcp'],
    priority: { default: 'P0' },
  },
  {
    key: 'identity.platform-enabled',
    statement: 'Identity Platform (`identitytoolkit.googleapis.com`) is enabled in the project',
    adrSection: 'Issue 7',
    layers: ['gcp'],
    priority: { default: 'P0' },
  },
  {
    key: 'identity.sign-in-provider',
    statement:
      'Identity Platform has at least one sign-in method enabled (an identity provider with a client id, email or phone)',
    adrSection: 'Issue 7',
    layers: ['gcp'],
    priority: { default: 'P0' },
    splitFrom: 'identity.platform-enabled',
  },
  {
    key: 'network.public-http',
    statement:
      'The app is not exposed by a plain `LoadBalancer` Service over HTTP; public traffic enters through an Ingress with TLS',
    adrSection: 'Issue 8',
    layers: ['files', 'k8s'],
    priority: { default: 'P1' },
  },
  {
    key: 'network.tls-certificate',
    statement:
      'The managed certificate covers the domain and is `ACTIVE`; the live endpoint serves a valid certificate not expiring within 14 days',
    adrSection: 'Issue 8',
    layers: ['k8s', 'gcp', 'probe'],
    priority: { default: 'P1' },
  },
  {
    key: 'network.https-redirect',
    statement:
      'Plain HTTP redirects to HTTPS on the same host (or is not served at all), and HTTPS answers carry `Strict-Transport-Security`',
    adrSection: 'Issue 8',
    layers: ['probe'],
    priority: { default: 'P1' },
    splitFrom: 'network.tls-certificate',
  },
  {
    key: 'network.edge-protection',
    statement: 'A Cloud Armor security policy is attached to the public backend',
    adrSection: 'Issue 8',
    layers: ['files', 'gcp', 'k8s'],
    priority: { default: 'P2' },
  },
  {
    key: 'observability.workload-logging',
    statement: 'GKE logging and monitoring include workload components',
    adrSection: 'Issue 9',
    layers: ['files', 'gcp'],
    priority: { default: 'P1' },
  },
  {
    key: 'observability.alerting',
    statement: 'Enabled alert policies exist for error rate, p99 latency, crash loops and database connection errors',
    adrSection: 'Issue 9',
    layers: ['gcp'],
    priority: { default: 'P1' },
  },
  {
    key: 'backup.sql-automated',
    statement: 'Cloud SQL automated backups are on, with a successful backup in the last 26 hours',
    adrSection: 'Issue 10',
    layers: ['files', 'gcp'],
    priority: { default: 'P1', environments: { production: 'P0' } },
  },
  {
    key: 'backup.sql-pitr',
    statement: 'Point-in-time recovery is on for Cloud SQL',
    adrSection: 'Issue 10',
    layers: ['files', 'gcp'],
    priority: { default: 'P1' },
  },
  {
    key: 'backup.redis-persistence',
    statement: 'Memorystore persistence (RDB snapshots) is on',
    adrSection: 'Issue 10',
    layers: ['files', 'gcp'],
    priority: { default: 'P1' },
  },
  {
    key: 'sql.high-availability',
    statement: 'Cloud SQL is `REGIONAL` (HA)',
    adrSection: 'Issue 10',
    layers: ['files', 'gcp'],
    priority: { default: 'P2', environments: { production: 'P1' } },
  },
  {
    key: 'cicd.pipeline-present',
    statement: 'A workflow builds, pushes and deploys the backend on push to main',
    adrSection: 'Issue 11',
    layers: ['files'],
    priority: { default: 'P2', environments: { production: 'P0' } },
  },
  {
    key: 'cicd.long-lived-key',
    statement:
      'CI authenticates to Google Cloud with Workload Identity Federation, not a JSON service-account key secret',
    adrSection: 'Issue 11',
    layers: ['files'],
    priority: { default: 'P1' },
  },
  {
    key: 'cicd.smoke-test',
    statement: 'The deploy workflow checks the health endpoint after rollout and fails the job when it is down',
    adrSection: 'Issue 11',
    layers: ['files'],
    priority: { default: 'P2' },
  },
  {
    key: 'cicd.unpinned-action',
    statement: 'Third-party actions are pinned to a full commit SHA',
    adrSection: 'Issue 11',
    layers: ['files'],
    priority: { default: 'P2' },
  },
  {
    key: 'lifecycle.eol-base-image',
    statement: 'No Dockerfile stage builds on a base image past its end of life',
    adrSection: 'Lesson 1',
    layers: ['files'],
    priority: { default: 'P1' },
    splitFrom: 'lifecycle.deprecated-platform',
  },
  {
    key: 'lifecycle.removed-kubernetes-api',
    statement: 'No Kubernetes object is written or applied in an API version Kubernetes has removed',
    adrSection: 'Lesson 1',
    layers: ['files', 'k8s'],
    priority: { default: 'P1' },
    splitFrom: 'lifecycle.deprecated-platform',
  },
  {
    key: 'lifecycle.eol-database-version',
    statement: 'Cloud SQL and the running PostgreSQL server are on a database version still in regular support',
    adrSection: 'Lesson 1',
    layers: ['files', 'gcp', 'probe'],
    priority: { default: 'P1' },
    splitFrom: 'lifecycle.deprecated-platform',
  },
  {
    key: 'image.mutable-tag',
    statement: 'Workloads run images by digest or by an immutable version tag, not `latest` or an environment tag',
    adrSection: 'Lesson 2',
    layers: ['files', 'k8s', 'probe'],
    priority: { default: 'P2', environments: { production: 'P1' } },
  },
  {
    key: 'sql.public-exposure',
    statement: 'Cloud SQL has no public IP open to `0.0.0.0/0`',
    adrSection: 'Issue 3',
    layers: ['files', 'gcp'],
    priority: { default: 'P0' },
  },
  {
    key: 'sql.deletion-protection',
    statement: 'Cloud SQL deletion protection is on',
    adrSection: 'Issue 10',
    layers: ['files', 'gcp'],
    priority: { default: 'P2', environments: { production: 'P1' } },
  },
];

const byKey = new Map(CONCERNS.map((c) => [c.key, c]));
export function getConcern(key: string): Concern | undefined {
  return byKey.get(key);
}
