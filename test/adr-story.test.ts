/**
 * The whole ADR-001 story end to end, through the demo script (scripts/demo.mjs) users run: the fixture's
 * files, its recorded Google Cloud and Kubernetes state served by the bundled emulators, and the probe
 * servers of scripts/services.sh (CI starts them; without them this test fails, like the other probe tests).
 * - every observable item of the ADR's "Pending Completion" and "Production Readiness Issues" is reported as
 *   failing in staging, by the rules named here, under its ADR section (JSON report and Markdown summary);
 * - the remediated environment passes the P0 and P1 gates;
 * - without the probe servers the demo still runs and says it skipped the probe layer.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConcern, type ScanResult } from '@coditect-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations, imported as users run it
import { runDemo } from '../scripts/demo.mjs';
import { repoRoot, tempDir } from './support/cli.js';

interface DemoRun {
  code: number;
  layers: ScanResult['layers'];
  skipped: string[];
}

interface StoryItem {
  /** The ADR's own words for the item. */
  item: string;
  /** The ADR section the report files it under (the concerns' catalog section). */
  section: string;
  concerns: string[];
  /** Rules that must fail in staging: at least one per layer that can observe the item. */
  failing: string[];
  /** For rules judged per source: the sources that must fail (one per layer that can observe the item). */
  sources?: Record<string, string[]>;
}

/**
 * ADR-001 "Pending Completion" and "Production Readiness Issues", item by item. Not listed, because the
 * staging repository already satisfies them: Issue 11's "pipeline present" and "smoke test step" (the
 * fixture has a deploy workflow with a smoke-test step; the ADR's complaint there is the long-lived key
 * and the unpinned actions, which are listed).
 * Issue 5's chain (secrets.not-in-secret-manager's join source, formerly join-credentials-provenance) reads the
 * ExternalSecrets when present: staging has no External Secrets Operator (the ADR installs it as the
 * remediation), which means every Secret is hand-made.
 */
const STORY: StoryItem[] = [
  {
    item: 'Decision 2: Multi-Platform Docker Builds (--platform linux/amd64)',
    section: 'Decision 2',
    concerns: ['image.platform-mismatch', 'build.platform-flag'],
    failing: ['build-platform-flag', 'image.platform-mismatch'],
    sources: { 'image.platform-mismatch': ['join'] },
  },
  {
    item: 'Pending: Dockerfile Fix (/root/.local → /home/django/.local)',
    section: 'Decision 4',
    concerns: ['container.unreadable-dependencies', 'container.runs-as-root'],
    failing: ['container.unreadable-dependencies', 'container.runs-as-root'],
    sources: { 'container.unreadable-dependencies': ['dockerfile'], 'container.runs-as-root': ['manifest'] },
  },
  {
    item: 'Pending: Redis Provisioning (wait for Memorystore creation)',
    section: 'Decision 3',
    concerns: ['redis.instance-ready'],
    failing: ['gcp-redis-instance-ready'],
  },
  {
    item: 'Pending: Update Secrets (real Cloud SQL and Redis endpoints)',
    section: 'Pending: Update Secrets',
    concerns: ['k8s.placeholder-secret'],
    failing: ['k8s.placeholder-secret'],
    sources: { 'k8s.placeholder-secret': ['manifest', 'k8s'] },
  },
  {
    item: 'Pending: Rebuild Image (push the fixed Dockerfile)',
    section: 'Decision 4',
    concerns: ['container.unreadable-dependencies'],
    failing: ['container.unreadable-dependencies'],
    sources: { 'container.unreadable-dependencies': ['probe'] },
  },
  {
    item: 'Pending: Database Migrations (python manage.py migrate)',
    section: 'Pending: Database Migrations',
    concerns: ['k8s.migrations-complete'],
    failing: ['k8s-migrations-complete'],
  },
  {
    item: 'Pending: Restart Deployment (updated secrets and image)',
    section: 'Pending: Restart Deployment',
    concerns: ['k8s.rollout-healthy'],
    failing: ['k8s.rollout-healthy'],
    sources: { 'k8s.rollout-healthy': ['k8s'] },
  },
  {
    item: 'Pending: Smoke Tests (health endpoints responding)',
    section: 'Pending: Smoke Tests',
    concerns: ['smoke.health-endpoints', 'smoke.auth-required'],
    failing: ['probe-http-health', 'probe-http-auth-required'],
  },
  {
    item: 'Issue 1: Infrastructure as Code Gap',
    section: 'Issue 1',
    // iac.unmanaged-resource (gcp-unmanaged-resource) passes: the live resources are declared in the
    // repository's OpenTofu; that they were created outside it and never imported is what the state rule and
    // the drift join say.
    concerns: ['iac.declared', 'iac.in-state', 'iac.state-drift'],
    failing: ['tf-missing-declaration', 'tf-resource-not-in-state', 'join-iac-drift'],
  },
  {
    item: 'Issue 2: Database User and Permissions (postgres superuser)',
    section: 'Issue 2',
    concerns: ['db.superuser-app-user', 'db.dedicated-app-user'],
    failing: ['db.superuser-app-user', 'gcp-sql-app-user'],
    // join: the Secret → Cloud SQL user → PostgreSQL role chain (formerly join-secret-database-role)
    sources: { 'db.superuser-app-user': ['manifest', 'k8s', 'probe', 'join'] },
  },
  {
    item: 'Issue 3: SSL/TLS for Cloud SQL Connections',
    section: 'Issue 3',
    concerns: ['sql.ssl-not-enforced', 'db.client-tls'],
    failing: ['sql.ssl-not-enforced', 'manifest-app-db-sslmode'],
    // every source of it fails: the declaration, the live instance and the server a plaintext client meets
    sources: { 'sql.ssl-not-enforced': ['tf', 'gcp', 'probe'] },
  },
  {
    item: 'Issue 4: Redis Authentication and Encryption',
    section: 'Issue 4',
    concerns: ['redis.auth-disabled', 'redis.transit-encryption-disabled'],
    failing: ['redis.auth-disabled', 'redis.transit-encryption-disabled'],
    sources: {
      'redis.auth-disabled': ['tf', 'gcp', 'probe'],
      'redis.transit-encryption-disabled': ['tf', 'gcp', 'probe'],
    },
  },
  {
    item: 'Issue 5: Secrets Management with Secret Manager',
    section: 'Issue 5',
    concerns: [
      'secrets.not-in-secret-manager',
      'secrets.expected-secret-missing',
      'gke.secrets-encryption',
      'gke.workload-identity',
      'gke.ksa-binding',
    ],
    failing: [
      'secrets.not-in-secret-manager',
      'secrets.expected-secret-missing',
      'gke.secrets-encryption',
      'gke.workload-identity',
      'gke.ksa-binding',
    ],
    sources: {
      // join: workload → Secret → ExternalSecret → Secret Manager (formerly join-credentials-provenance)
      'secrets.not-in-secret-manager': ['manifest', 'k8s', 'join'],
      'secrets.expected-secret-missing': ['gcp'],
      'gke.secrets-encryption': ['gcp'],
      'gke.workload-identity': ['gcp'],
      'gke.ksa-binding': ['k8s'],
    },
  },
  {
    item: 'Issue 6: Cloud KMS License Signing',
    section: 'Issue 6',
    concerns: ['kms.signing-key', 'kms.signer-binding'],
    failing: ['kms.signing-key', 'kms.signer-binding'],
    sources: { 'kms.signing-key': ['tf', 'gcp'], 'kms.signer-binding': ['gcp'] },
  },
  {
    item: 'Issue 7: Identity Platform OAuth2',
    section: 'Issue 7',
    concerns: ['identity.platform-enabled', 'identity.sign-in-provider'],
    failing: ['gcp-identity-platform-enabled', 'gcp-identity-sign-in-providers'],
  },
  {
    item: 'Issue 8: Load Balancer and SSL Certificate',
    section: 'Issue 8',
    concerns: ['network.public-http', 'network.tls-certificate', 'network.https-redirect', 'network.edge-protection'],
    failing: ['network.public-http', 'network.tls-certificate', 'probe-http-https-redirect', 'network.edge-protection'],
    sources: { 'network.public-http': ['manifest', 'k8s'], 'network.tls-certificate': ['gcp', 'probe'] },
  },
  {
    item: 'Issue 9: Monitoring and Alerting',
    section: 'Issue 9',
    concerns: ['observability.workload-logging', 'observability.alerting'],
    failing: ['observability.workload-logging', 'gcp-alert-policies'],
    sources: { 'observability.workload-logging': ['tf', 'gcp'] },
  },
  {
    item: 'Issue 10: Disaster Recovery and Backups',
    section: 'Issue 10',
    concerns: [
      'backup.sql-automated',
      'backup.sql-pitr',
      'backup.redis-persistence',
      'sql.high-availability',
      'sql.deletion-protection',
    ],
    failing: [
      'backup.redis-persistence',
      'backup.sql-automated',
      'backup.sql-pitr',
      'sql.high-availability',
      'sql.deletion-protection',
    ],
    sources: {
      'backup.redis-persistence': ['gcp'],
      'backup.sql-automated': ['gcp'],
      'backup.sql-pitr': ['tf', 'gcp'],
      'sql.deletion-protection': ['tf', 'gcp'],
      'sql.high-availability': ['tf', 'gcp'],
    },
  },
  {
    item: 'Issue 11: CI/CD Pipeline (long-lived key, unpinned actions)',
    section: 'Issue 11',
    concerns: ['cicd.long-lived-key', 'cicd.unpinned-action'],
    failing: ['cicd-long-lived-key', 'cicd-unpinned-action'],
  },
];

function readReport(dir: string): { result: ScanResult; markdown: string } {
  const file = join(dir, 'coditect-audit.json');
  if (!existsSync(file)) throw new Error(`the demo wrote no JSON report into ${dir}`);
  return {
    result: JSON.parse(readFileSync(file, 'utf8')) as ScanResult,
    markdown: readFileSync(join(dir, 'coditect-audit.md'), 'utf8'),
  };
}

const servicesEnv = join(repoRoot, '.tmp', 'services.env');

describe('the ADR-001 story, through the demo (files + GCP and Kubernetes emulators + probe servers)', () => {
  let staging: DemoRun;
  let remediated: DemoRun;
  let withoutProbes: DemoRun;
  let stagingReport: ReturnType<typeof readReport>;
  let remediatedReport: ReturnType<typeof readReport>;
  let withoutProbesReport: ReturnType<typeof readReport>;

  beforeAll(async () => {
    if (!existsSync(servicesEnv))
      throw new Error(
        `the story needs the probe servers: run \`scripts/services.sh start\` (${servicesEnv} is missing)`,
      );
    const dirs = [tempDir(), tempDir(), tempDir()] as const;
    // One after the other: the probe servers are shared with the other probe tests running meanwhile.
    staging = await runDemo({ fixture: 'staging', outputDir: dirs[0], quiet: true });
    remediated = await runDemo({ fixture: 'remediated', outputDir: dirs[1], failOn: 'P1', quiet: true });
    withoutProbes = await runDemo({
      fixture: 'staging',
      outputDir: dirs[2],
      servicesEnv: join(dirs[2], 'no-services.env'),
      quiet: true,
    });
    stagingReport = readReport(dirs[0]);
    remediatedReport = readReport(dirs[1]);
    withoutProbesReport = readReport(dirs[2]);
  }, 120_000);

  it('scans every layer of the staging environment and fails its P0 gate', () => {
    expect(staging.layers).toEqual({
      files: { status: 'collected' },
      gcp: { status: 'collected' },
      k8s: { status: 'collected' },
      probe: { status: 'collected' },
    });
    expect(staging.skipped).toEqual([]);
    expect(staging.code).toBe(1);
  });

  it('the table names catalog concerns under their own ADR sections, and the ADR has each section', () => {
    for (const s of STORY)
      for (const key of s.concerns) {
        const concern = getConcern(key);
        expect(concern, key).toBeDefined();
        expect(concern!.adrSection.split(', '), `${s.item}: ${key}`).toContain(s.section);
      }
    expect(Object.keys(stagingReport.result.adr?.sections ?? {})).toEqual(
      expect.arrayContaining([...new Set(STORY.map((s) => s.section))]),
    );
  });

  describe.each(STORY)('$item', (s) => {
    it('fails in staging, concern by concern, by every rule that observes it', () => {
      const { result } = stagingReport;
      const failing = result.verdicts.filter((v) => v.status === 'fail');
      for (const key of s.concerns)
        expect(
          failing.some((v) => v.concerns.includes(key)),
          `no failing verdict for ${key}`,
        ).toBe(true);
      const failingRules = new Set(failing.map((v) => v.ruleId));
      for (const [id, sources] of Object.entries(s.sources ?? {}))
        for (const source of sources)
          expect(
            failing.some((v) => v.ruleId === id && v.source === source),
            `${id} does not fail on ${source}`,
          ).toBe(true);
      for (const id of s.failing) {
        expect(failingRules, `${id} does not fail`).toContain(id);
        const rule = result.rules.find((r) => r.id === id)!;
        expect(
          rule.concerns.some((c) => s.concerns.includes(c)),
          `${id} is not about ${s.concerns}`,
        ).toBe(true);
      }
    });

    it('is listed under its ADR section in the Markdown report', () => {
      expect(stagingReport.markdown).toMatch(new RegExp(`❌ \\*\\*${s.section}\\*\\*: \\d+ failing`));
    });
  });

  it('joins the layers: the app role from Secret to Cloud SQL to PostgreSQL, and the effective runtime user', () => {
    const verdicts = stagingReport.result.verdicts;
    const role = verdicts.find((v) => v.ruleId === 'db.superuser-app-user' && v.source === 'join');
    expect(role?.alias).toBe('join-secret-database-role');
    expect(role).toMatchObject({ status: 'fail', location: { file: 'k8s/secrets.yaml' } });
    expect(role!.evidence.map((e) => e.path.split(':')[0])).toEqual(['k8s', 'gcp', 'probe']);
    expect(role!.message).toContain('Secret backend-secrets[db-user] = postgres → Cloud SQL user postgres');
    // The ADR's image does say USER django (its defect is the unreadable /root/.local): the pushed image
    // agrees, so the chain settles what the live pod spec alone (source k8s) can only call not enforced.
    const user = verdicts.find((v) => v.ruleId === 'container.runs-as-root' && v.source === 'effective');
    expect(user).toMatchObject({ status: 'pass', location: { file: 'k8s/deployment.yaml' } });
    const manifestOnly = verdicts.find(
      (v) =>
        v.ruleId === 'container.runs-as-root' &&
        v.source === 'manifest' &&
        v.resource.id.includes('Deployment/coditect-staging/coditect-backend'),
    );
    // The pod spec does not enforce it (a decided finding), though the image's USER is django.
    expect(manifestOnly).toMatchObject({ status: 'fail', certainty: 'high' });
    expect(user!.evidence.map((e) => e.path.split(':')[0])).toEqual(['files', 'probe']);
    expect(user!.message).toContain('runs as django: the probe layer');
    // IaC drift: Cloud SQL and Memorystore live, declared in their modules, absent from the state.
    const drift = verdicts.filter((v) => v.ruleId === 'join-iac-drift' && v.status === 'fail');
    expect(drift.map((v) => `${v.messageId} ${v.location?.file}`).sort()).toEqual([
      'unmanagedDeclared opentofu/modules/cloudsql/main.tf',
      'unmanagedDeclared opentofu/modules/redis/main.tf',
    ]);
    expect(drift[0]!.evidence.map((e) => e.path.split(':')[0])).toEqual(['gcp', 'state', 'tf']);
    // Platforms: the CI build names no --platform, the nodes run linux/amd64; the pushed image covers them.
    const platform = verdicts.filter((v) => v.ruleId === 'image.platform-mismatch' && v.source === 'join');
    expect(platform.filter((v) => v.status === 'fail').map((v) => `${v.messageId} ${v.location?.file}`)).toEqual([
      'buildMissesNodes .github/workflows/ci.yml',
    ]);
    expect(platform.find((v) => v.messageId === 'imageCoversNodes')?.evidence.map((e) => e.path.split(':')[0])).toEqual(
      ['k8s', 'probe', 'k8s'],
    );
  });

  it('remediated: every layer scanned, nothing failing at P0 or P1, the P1 gate passes', () => {
    expect(remediated.skipped).toEqual([]);
    const blocking = remediatedReport.result.verdicts.filter(
      (v) => (v.status === 'fail' || v.status === 'error') && (v.priority === 'P0' || v.priority === 'P1'),
    );
    expect(blocking.map((v) => `${v.status} ${v.ruleId}: ${v.message}`)).toEqual([]);
    expect(remediated.code).toBe(0);
    for (const s of STORY)
      for (const id of s.failing)
        expect(
          remediatedReport.result.verdicts.filter((v) => v.ruleId === id).map((v) => v.status),
          id,
        ).not.toContain('fail');
  });

  it('without the probe servers the demo still tells the files + GCP + Kubernetes story and says what it skipped', () => {
    expect(withoutProbes.skipped).toEqual(['probe layer skipped: run scripts/services.sh start to include it']);
    expect(withoutProbes.layers.gcp).toEqual({ status: 'collected' });
    expect(withoutProbes.layers.k8s).toEqual({ status: 'collected' });
    expect(withoutProbes.layers.probe?.status).toBe('not-configured');
    expect(withoutProbes.code).toBe(1);
    const failing = new Set(
      withoutProbesReport.result.verdicts.filter((v) => v.status === 'fail').flatMap((v) => v.concerns),
    );
    // image.platform-mismatch: staging's images and nodes agree, so only the join (which reads the registry
    // probe) sees the build that does not name the nodes' platform.
    const probeOnly = new Set([
      'smoke.health-endpoints',
      'smoke.auth-required',
      'network.https-redirect',
      'image.platform-mismatch',
    ]);
    for (const s of STORY) for (const key of s.concerns) if (!probeOnly.has(key)) expect(failing, key).toContain(key);
  });
});
