/**
 * Realistic scan results for the reporter tests: a hand-built files-layer snapshot, a few small rules
 * made with `defineRule`, and core's real `evaluate()` (engine, suppressions, baseline, gate).
 * Between them they produce every kind of verdict a reporter must render: fail with and without a
 * location, live-like findings with no declaring file, pass, skip (scope and not applicable), error
 * (facet failed, part of a facet unreadable, rule crashed), suppressed (config and inline), expired
 * and unused suppressions, baseline unchanged / new / fixed, unknown (could not decide), and a finding on
 * an assumed ADR-001 name (no config).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  defineRule,
  type Dockerfile,
  type EvaluateOptions,
  evaluate,
  fingerprintOf,
  indexAdrSections,
  type K8sManifestFile,
  type K8sObject,
  type MarkdownFile,
  type Rule,
  resolveExpectations,
  type ScanResult,
  type Snapshot,
  type TfFile,
  SNAPSHOT_SCHEMA_VERSION,
} from '@coditect-audit/core';

export const ADR_FILE = 'docs/design/ADR-001-staging-deployment.txt';
const adrText = readFileSync(fileURLToPath(new URL(`../../../${ADR_FILE}`, import.meta.url)), 'utf8');
export const ADR_SECTIONS = indexAdrSections(adrText);

/** A value that must never reach a report: it sits in the snapshot where no rule reads it. */
export const SNAPSHOT_CANARY = 'CANARY-snapshot-only-7f3a91';

/** An image reference written to break every escaping scheme at once. */
export const HOSTILE_IMAGE = 'evil]]><x a="1">&amp;|`*_$1$ \u0007\u001b[31mred\u202e:latest';

// ---------------------------------------------------------------- rules

const rootDeps = defineRule({
  id: 'test-root-deps',
  title: 'Dependencies under /root while running as non-root',
  concerns: ['container.unreadable-dependencies'],
  layer: 'files',
  facets: ['files.dockerfile'],
  description: 'The final stage copies files under `/root` while its `USER` is not root.',
  rationale: 'ADR-001 Decision 4: the app could not import Django because `/root/.local` is unreadable.',
  remediation: {
    text: "Copy dependencies into the runtime user's home and put that on PATH.",
    commands: ['COPY --from=builder /root/.local /home/django/.local', 'ENV PATH=/home/django/.local/bin:$PATH'],
  },
  messages: {
    copied: 'COPY puts {{destination}} under /root but the final USER is {{user}}.',
    path: 'PATH includes {{entry}} under /root but the final USER is {{user}}.',
    ok: 'Nothing {{user}} runs lives under /root.',
  },
  check(ctx) {
    for (const df of ctx.facet('files.dockerfile').files) {
      const stage = df.stages[df.stages.length - 1];
      if (!stage) continue;
      const resource = {
        id: `${df.file}#stage:${stage.name ?? stage.index}`,
        kind: 'DockerfileStage',
        name: stage.name ?? String(stage.index),
        file: df.file,
      };
      const user = stage.user?.value ?? 'root';
      let failed = false;
      for (const copy of stage.copies) {
        if (!copy.destination.startsWith('/root')) continue;
        failed = true;
        ctx.fail({
          resource,
          messageId: 'copied',
          data: { destination: copy.destination, user },
          location: { file: df.file, startLine: copy.line, startColumn: copy.column },
          evidence: [
            {
              path: `stage[${stage.index}].COPY.destination`,
              observed: copy.destination,
              expected: 'a path outside /root',
            },
            {
              path: `stage[${stage.index}].USER`,
              observed: user,
              location: { file: df.file, startLine: stage.user?.line ?? 1 },
            },
          ],
          discriminator: `copy:${copy.destination}`,
        });
      }
      for (const env of stage.env) {
        if (env.name !== 'PATH' || !env.value.includes('/root')) continue;
        failed = true;
        ctx.fail({
          resource,
          messageId: 'path',
          data: { entry: '/root/.local/bin', user },
          location: { file: df.file, startLine: env.line, startColumn: env.column },
          evidence: [{ path: `stage[${stage.index}].ENV.PATH`, observed: env.value, expected: 'no entry under /root' }],
          discriminator: 'path',
        });
      }
      if (!failed)
        ctx.pass({ resource, messageId: 'ok', data: { user }, location: { file: df.file, startLine: stage.line } });
    }
  },
});

const placeholderSecret = defineRule({
  id: 'test-placeholder-secret',
  title: 'Secret holds a placeholder value',
  concerns: ['k8s.placeholder-secret'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description: 'A Secret the app uses holds a placeholder instead of a real credential.',
  rationale: 'ADR-001 pending item "Update Secrets": backend-secrets was created with placeholder values.',
  remediation: {
    text: 'Recreate the Secret from Secret Manager values.',
    commands: [
      'kubectl create secret generic backend-secrets --from-literal=db-host="10.28.0.3" --dry-run=client -o yaml | kubectl apply -f -',
    ],
  },
  messages: { placeholder: 'Secret {{name}} key {{key}} holds a placeholder value.' },
  check(ctx) {
    for (const file of ctx.facet('files.kubernetes').files) {
      for (const o of file.objects) {
        if (o.kind !== 'Secret') continue;
        for (const key of o.secretKeys ?? []) {
          if (key.class !== 'placeholder') continue;
          ctx.fail({
            resource: {
              id: `${o.file}#Secret/${o.namespace}/${o.name}`,
              kind: 'Secret',
              name: o.name,
              namespace: o.namespace,
              file: o.file,
            },
            messageId: 'placeholder',
            data: { name: o.name, key: key.key },
            location: { file: o.file, startLine: key.line, startColumn: key.column },
            evidence: [{ path: `${key.source}.${key.key}`, observed: key.class, expected: 'a real value' }],
            discriminator: key.key,
          });
        }
      }
    }
  },
});

const replicas = defineRule({
  id: 'test-replicas',
  title: 'Backend runs fewer than two replicas',
  concerns: ['k8s.rollout-healthy'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description: 'The backend Deployment must run at least two replicas.',
  rationale: 'ADR-001 pending item "Restart Deployment": two replicas with health checks.',
  remediation: {
    text: 'Set spec.replicas to 2 or more.',
    commands: ['kubectl scale deployment/coditect-backend --replicas=2 -n coditect-staging'],
  },
  messages: {
    few: 'Deployment {{name}} runs {{replicas}} replica; at least 2 are expected.',
    enough: 'Deployment {{name}} runs {{replicas}} replicas.',
  },
  check(ctx) {
    for (const file of ctx.facet('files.kubernetes').files) {
      for (const o of file.objects) {
        if (o.kind !== 'Deployment') continue;
        const n = Number((o.object.spec as { replicas?: number } | undefined)?.replicas ?? 1);
        const resource = {
          id: `${o.file}#Deployment/${o.namespace}/${o.name}`,
          kind: 'Deployment',
          name: o.name,
          namespace: o.namespace,
          file: o.file,
        };
        const pos = o.positions['/spec/replicas'];
        const location = { file: o.file, startLine: pos?.line ?? o.line, ...(pos ? { startColumn: pos.column } : {}) };
        if (n < 2) {
          ctx.fail({
            resource,
            messageId: 'few',
            data: { name: o.name, replicas: n },
            location,
            evidence: [{ path: 'spec.replicas', observed: n, expected: '>= 2' }],
          });
        } else ctx.pass({ resource, messageId: 'enough', data: { name: o.name, replicas: n }, location });
      }
    }
  },
});

const mutableTag = defineRule({
  id: 'test-mutable-tag',
  title: 'Workload runs a mutable image tag',
  concerns: ['image.mutable-tag'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description: 'Images must be pinned by digest or an immutable version tag.',
  rationale: 'ADR-001 Lesson 2: an environment tag hides which build runs.',
  remediation: { text: 'Pin the image by digest.' },
  messages: { mutable: 'Container image {{image}} uses a mutable tag.' },
  check(ctx) {
    for (const file of ctx.facet('files.kubernetes').files) {
      for (const o of file.objects) {
        if (o.kind !== 'Deployment') continue;
        const containers =
          (o.object.spec as { template?: { spec?: { containers?: { image: string }[] } } }).template?.spec
            ?.containers ?? [];
        containers.forEach((c, i) => {
          const pos = o.positions[`/spec/template/spec/containers/${i}/image`];
          ctx.fail({
            resource: {
              id: `${o.file}#Deployment/${o.namespace}/${o.name}`,
              kind: 'Deployment',
              name: o.name,
              namespace: o.namespace,
              file: o.file,
            },
            messageId: 'mutable',
            data: { image: c.image },
            location: { file: o.file, startLine: pos?.line ?? o.line, startColumn: pos?.column ?? 1 },
            evidence: [{ path: `spec.template.spec.containers[${i}].image`, observed: c.image }],
            // Same image in two containers: one finding, the second place as a related location.
            discriminator: `image:${c.image}`,
          });
        });
      }
    }
  },
});

/** A live-like finding: the resource exists only in the cloud (no declaring file, no position). */
const sqlBackups = defineRule({
  id: 'test-sql-backups',
  title: 'Cloud SQL automated backups are off',
  concerns: ['backup.sql-automated'],
  layer: 'files',
  facets: ['files.terraform'],
  description: 'Automated backups must be enabled on the Cloud SQL instance.',
  rationale: 'ADR-001 Issue 10: no backups means no disaster recovery.',
  remediation: {
    text: 'Enable automated backups.',
    commands: ['gcloud sql instances patch coditect-db --backup-start-time=03:00'],
  },
  messages: { off: 'Cloud SQL instance {{name}} has automated backups off.' },
  check(ctx) {
    ctx.facet('files.terraform');
    ctx.fail({
      resource: { id: 'gcp:sql/coditect-cloud-infra/coditect-db', kind: 'SqlInstance', name: 'coditect-db' },
      messageId: 'off',
      data: { name: 'coditect-db' },
      evidence: [{ path: 'settings.backupConfiguration.enabled', observed: false, expected: 'true' }],
      certainty: 'low',
    });
  },
});

/** A check that cannot decide: the value comes from a variable nothing in the repository sets. */
const sqlAvailability = defineRule({
  id: 'test-sql-availability',
  title: 'Cloud SQL is not regional',
  concerns: ['sql.high-availability'],
  layer: 'files',
  facets: ['files.terraform'],
  description: 'The Cloud SQL instance must set availability_type = "REGIONAL".',
  rationale: 'ADR-001 Issue 10.',
  remediation: { text: 'Set availability_type = "REGIONAL".' },
  messages: { undecided: 'availability_type of {{address}} comes from `{{expression}}`, which nothing sets.' },
  check(ctx) {
    for (const f of ctx.facet('files.terraform').files) {
      for (const b of f.blocks) {
        if (b.labels[0] !== 'google_sql_database_instance') continue;
        const attr = b.attributes.availability_type;
        if (!attr) continue;
        const address = `${b.labels[0]}.${b.labels[1]}`;
        ctx.unknown({
          resource: { id: `${f.file}#${address}`, kind: b.labels[0], name: address, file: f.file },
          messageId: 'undecided',
          data: { address, expression: 'var.availability_type' },
          location: { file: f.file, startLine: attr.line, startColumn: attr.column },
          evidence: [{ path: `${address}.availability_type`, observed: 'var.availability_type', expected: 'REGIONAL' }],
          dependsOn: ['var.availability_type'],
        });
      }
    }
  },
});

/** A finding whose resource is declared in a file, but without a position inside it. */
const kmsKey = defineRule({
  id: 'test-kms-key',
  title: 'License-signing key has the wrong algorithm',
  concerns: ['kms.signing-key'],
  layer: 'files',
  facets: ['files.terraform'],
  description: 'The license-signing key must use RSA_SIGN_PKCS1_4096_SHA512.',
  rationale: 'ADR-001 Issue 6.',
  remediation: { text: 'Create a key version with the decided algorithm.' },
  adrIdentity: 'KMS key name license-signing-key',
  messages: { algorithm: 'Key {{name}} uses {{algorithm}}.' },
  check(ctx) {
    for (const f of ctx.facet('files.terraform').files) {
      for (const b of f.blocks) {
        if (b.labels[0] !== 'google_kms_crypto_key') continue;
        ctx.fail({
          resource: { id: `gcp:kms/${b.labels[1]}`, kind: 'CryptoKey', name: b.labels[1] ?? '', file: f.file },
          messageId: 'algorithm',
          data: { name: b.labels[1] ?? '', algorithm: 'EC_SIGN_P256_SHA256' },
          evidence: [
            {
              path: 'version_template.algorithm',
              observed: 'EC_SIGN_P256_SHA256',
              expected: 'RSA_SIGN_PKCS1_4096_SHA512',
            },
          ],
        });
      }
    }
  },
});

/** A plugin rule for another document: its ADR section is not in ADR-001, so it falls back to the config. */
const runbook = defineRule({
  id: 'test-runbook',
  title: 'On-call runbook is missing',
  concerns: ['ops.runbook'],
  priority: 'P2',
  adrSection: 'Runbook 3',
  layer: 'files',
  facets: ['files.terraform'],
  description: 'Every environment has an on-call runbook.',
  rationale: 'Operations handbook, section Runbook 3.',
  remediation: { text: 'Write the runbook.' },
  messages: { missing: 'No runbook for environment {{env}}.' },
  check(ctx) {
    ctx.facet('files.terraform');
    ctx.fail({
      resource: { id: `environment:${ctx.env.name}`, kind: 'Environment', name: ctx.env.name },
      messageId: 'missing',
      data: { env: ctx.env.name },
    });
  },
});

const pinnedActions = defineRule({
  id: 'test-pinned-actions',
  title: 'Third-party action not pinned to a commit',
  concerns: ['cicd.unpinned-action'],
  layer: 'files',
  facets: ['files.workflows'],
  description: 'Third-party actions are pinned to a full commit SHA.',
  rationale: 'ADR-001 Issue 11.',
  remediation: { text: 'Pin the action to a commit SHA.' },
  messages: { unpinned: 'Action {{uses}} is not pinned.' },
  check(ctx) {
    ctx.facet('files.workflows');
  },
});

const gcrDocs = defineRule({
  id: 'test-gcr-docs',
  title: 'Deployment guide still points at gcr.io',
  concerns: ['registry.gcr-reference'],
  layer: 'files',
  facets: ['files.markdown'],
  description: 'Deployment guides reference Artifact Registry, not Container Registry.',
  rationale: 'ADR-001 Decision 1: GCR was shut down on March 18, 2025.',
  remediation: {
    text: 'Replace gcr.io references with us-central1-docker.pkg.dev.',
    commands: [
      "sed -i 's#gcr.io/coditect-cloud-infra#us-central1-docker.pkg.dev/coditect-cloud-infra/coditect-backend#g' docs/deploy.md",
    ],
  },
  messages: { gcr: 'The guide references {{ref}}.' },
  check(ctx) {
    for (const f of ctx.facet('files.markdown').files) {
      for (const r of f.references) {
        if (!r.text.includes('gcr.io')) continue;
        ctx.fail({
          resource: { id: `${f.file}#ref:${r.text}`, kind: 'Document', name: f.file, file: f.file },
          messageId: 'gcr',
          data: { ref: r.text },
          location: { file: f.file, startLine: r.line, startColumn: r.column },
          evidence: [{ path: 'reference', observed: r.text }],
        });
      }
    }
  },
});

const stateManaged = defineRule({
  id: 'test-state-managed',
  title: 'Managed resource missing from OpenTofu state',
  concerns: ['iac.in-state'],
  layer: 'files',
  facets: ['files.tfstate'],
  description: 'Every live managed resource is in the OpenTofu state.',
  rationale: 'ADR-001 Issue 1.',
  remediation: { text: 'Import the resource.' },
  messages: { missing: 'Not in state: {{address}}.' },
  check(ctx) {
    ctx.facet('files.tfstate');
  },
});

const crashing = defineRule({
  id: 'test-logging',
  title: 'Workload logging is off',
  concerns: ['observability.workload-logging'],
  layer: 'files',
  facets: ['files.terraform'],
  description: 'GKE logging includes workload components.',
  rationale: 'ADR-001 Issue 9.',
  remediation: { text: 'Enable WORKLOADS logging.' },
  messages: { off: 'Workload logging is off.' },
  check(ctx) {
    // A buggy rule: the engine must turn the throw into an error verdict, not end the scan.
    if (ctx.facet('files.terraform').files.length > 0)
      throw new Error('cannot read properties of undefined (reading "logging_config")');
  },
});

const publicHttp = defineRule({
  id: 'test-public-http',
  title: 'App exposed over plain HTTP',
  concerns: ['network.public-http'],
  layer: 'files',
  facets: ['files.kubernetes'],
  description: 'Public traffic enters through an Ingress with TLS.',
  rationale: 'ADR-001 Issue 8.',
  remediation: { text: 'Use an Ingress with a managed certificate.' },
  messages: { http: 'Service {{name}} is a LoadBalancer over HTTP.' },
  check(ctx) {
    const services = ctx
      .facet('files.kubernetes')
      .files.flatMap((f) => f.objects)
      .filter((o) => o.kind === 'Service');
    if (!services.length) ctx.skip('no Service is declared in the repository');
  },
});

export const RULES: Rule[] = [
  rootDeps,
  placeholderSecret,
  replicas,
  mutableTag,
  sqlBackups,
  sqlAvailability,
  kmsKey,
  runbook,
  pinnedActions,
  gcrDocs,
  stateManaged,
  crashing,
  publicHttp,
] as Rule[];

// ---------------------------------------------------------------- snapshot

function dockerfile(file: string, copyTo: string, pathEnv: string): Dockerfile {
  return {
    file,
    args: [],
    ignores:
      file === 'Dockerfile'
        ? [{ file, line: 40, appliesToLine: 41, ruleId: 'test-root-deps', reason: 'stale comment left in the file' }]
        : [],
    stages: [
      {
        index: 0,
        name: 'builder',
        image: 'python:3.12-slim',
        resolvedImage: 'python:3.12-slim',
        line: 1,
        column: 1,
        env: [],
        copies: [],
        instructions: [],
      },
      {
        index: 1,
        name: 'runtime',
        image: 'python:3.12-slim',
        resolvedImage: 'python:3.12-slim',
        line: 48,
        column: 1,
        user: { value: 'django', line: 63, column: 1 },
        env: [{ name: 'PATH', value: pathEnv, line: 57, column: 5 }],
        copies: [
          { keyword: 'COPY', from: 'builder', sources: ['/root/.local'], destination: copyTo, line: 51, column: 1 },
        ],
        instructions: [],
      },
    ],
  };
}

function k8sObject(o: Omit<K8sObject, 'documentIndex' | 'apiVersion'> & { apiVersion?: string }): K8sObject {
  return { documentIndex: 0, apiVersion: 'v1', ...o };
}

function manifests(opts: { replicas: number; image: string }): K8sObject[] {
  return [
    k8sObject({
      file: 'k8s/secret.yaml',
      kind: 'Secret',
      name: 'backend-secrets',
      namespace: 'coditect-staging',
      line: 1,
      // What a careless collector might keep; no rule reads annotations, so it must never surface.
      object: {
        metadata: { name: 'backend-secrets', annotations: { note: SNAPSHOT_CANARY } },
        data: { 'db-host': '<redacted>' },
      },
      positions: {},
      secretKeys: [
        { key: 'db-host', source: 'stringData', class: 'placeholder', line: 8, column: 3 },
        { key: 'db-password', source: 'stringData', class: 'set', line: 9, column: 3 },
      ],
    }),
    k8sObject({
      file: 'k8s/redis-secret.yaml',
      kind: 'Secret',
      name: 'redis-secrets',
      namespace: 'coditect-staging',
      line: 1,
      object: { metadata: { name: 'redis-secrets' } },
      positions: {},
      secretKeys: [{ key: 'redis-host', source: 'data', class: 'placeholder', line: 7, column: 3 }],
    }),
    k8sObject({
      file: 'k8s/deployment.yaml',
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: 'coditect-backend',
      namespace: 'coditect-staging',
      line: 1,
      object: {
        spec: {
          replicas: opts.replicas,
          template: { spec: { containers: [{ image: opts.image }, { image: opts.image }] } },
        },
      },
      positions: {
        '/spec/replicas': { line: 6, column: 13 },
        '/spec/template/spec/containers/0/image': { line: 20, column: 18 },
        '/spec/template/spec/containers/1/image': { line: 31, column: 18 },
      },
    }),
  ];
}

function byFile(objects: K8sObject[]): K8sManifestFile[] {
  const files = [...new Set(objects.map((o) => o.file))];
  return files.map((file) => ({ file, objects: objects.filter((o) => o.file === file), ignores: [] }));
}

const markdownFiles: MarkdownFile[] = [
  {
    file: 'docs/deploy.md',
    references: [
      { text: 'gcr.io/coditect-cloud-infra/backend:v1', line: 5, column: 8 },
      { text: 'gcr.io/coditect-cloud-infra/worker:v1', line: 9, column: 8 },
    ],
    ignores: [
      {
        file: 'docs/deploy.md',
        line: 4,
        appliesToLine: 5,
        ruleId: 'test-gcr-docs',
        reason: 'history section, kept on purpose',
      },
    ],
  },
];

const terraform: TfFile[] = [
  {
    file: 'opentofu/kms.tf',
    ignores: [],
    blocks: [
      {
        type: 'resource',
        labels: ['google_kms_crypto_key', 'license-signing-key'],
        line: 3,
        column: 1,
        endLine: 12,
        attributes: {},
        blocks: [],
      },
    ],
  },
  {
    file: 'opentofu/sql.tf',
    ignores: [],
    blocks: [
      {
        type: 'resource',
        labels: ['google_sql_database_instance', 'main'],
        line: 1,
        column: 1,
        endLine: 4,
        attributes: {
          availability_type: {
            name: 'availability_type',
            value: { expression: 'var.availability_type' },
            line: 2,
            column: 3,
            dependsOn: ['var.availability_type'],
          },
        },
        blocks: [],
      },
    ],
  },
];

export function fullSnapshot(): Snapshot {
  return {
    schemaVersion: SNAPSHOT_SCHEMA_VERSION,
    tool: { name: 'coditect-audit', version: '0.1.0' },
    environment: 'staging',
    root: 'coditect-cloud-backend',
    layers: {
      files: { status: 'collected' },
      gcp: { status: 'not-configured', reason: 'no "gcp" section for staging in coditect-audit.yaml' },
      k8s: { status: 'failed', reason: 'kubeconfig context "staging" not found' },
    },
    excluded: [
      { path: 'build/', reason: 'ignore-file', detail: '.gitignore: build/' },
      { path: 'k8s/legacy/', reason: 'config-exclude', detail: 'layers.files.exclude: k8s/legacy/**' },
      {
        path: 'k8s/vendor-crds.yaml',
        reason: 'too-large',
        detail: 'k8s/vendor-crds.yaml: 12.4 MiB is over the 10 MiB limit',
      },
    ],
    facets: {
      'files.dockerfile': {
        status: 'ok',
        problems: [],
        data: {
          files: [
            dockerfile('Dockerfile', '/root/.local', '/root/.local/bin:$PATH'),
            dockerfile('worker/Dockerfile', '/home/django/.local', '/home/django/.local/bin:$PATH'),
          ],
        },
      },
      'files.kubernetes': {
        status: 'ok',
        problems: [],
        data: { files: byFile(manifests({ replicas: 1, image: HOSTILE_IMAGE })) },
      },
      'files.workflows': {
        status: 'error',
        problems: [
          {
            subject: '.github/workflows/deploy.yml',
            message: 'not valid YAML: bad indentation of a mapping entry',
            cause: 'parse-error',
            fix: 'fix the indentation at that line',
            location: { file: '.github/workflows/deploy.yml', startLine: 12, startColumn: 3 },
          },
        ],
      },
      'files.terraform': { status: 'ok', problems: [], data: { files: terraform } },
      'files.tfstate': { status: 'absent', reason: 'no state file in the repository (state is remote)' },
      'files.markdown': {
        status: 'ok',
        data: { files: markdownFiles },
        problems: [
          {
            subject: 'docs/legacy.md',
            message: 'not valid UTF-8',
            cause: 'decode-error',
            location: { file: 'docs/legacy.md', startLine: 1 },
          },
        ],
      },
    },
  };
}

export function cleanSnapshot(): Snapshot {
  const s = fullSnapshot();
  s.facets['files.dockerfile'] = {
    status: 'ok',
    problems: [],
    data: { files: [dockerfile('Dockerfile', '/home/django/.local', '/home/django/.local/bin:$PATH')] },
  };
  s.facets['files.kubernetes'] = {
    status: 'ok',
    problems: [],
    data: { files: byFile(manifests({ replicas: 3, image: 'x' }).slice(2)) },
  };
  return s;
}

const replicasFingerprint = fingerprintOf(
  'test-replicas',
  'k8s/deployment.yaml#Deployment/coditect-staging/coditect-backend',
);

function baseOptions(): EvaluateOptions {
  return {
    environment: 'staging',
    expectations: resolveExpectations(undefined),
    failOn: 'P0',
    allowIncomplete: false,
    toolVersion: '0.1.0',
    today: '2026-01-15',
  };
}

/** Everything at once: ADR and config known, a baseline, suppressions used, expired and unused. */
export function fullResult(): ScanResult {
  return evaluate(fullSnapshot(), RULES, {
    ...baseOptions(),
    configFile: 'coditect-audit.yaml',
    configLine: 4,
    adr: { file: ADR_FILE, sections: ADR_SECTIONS },
    suppressions: [
      {
        rule: 'test-placeholder-secret',
        resource: 'k8s/secret.yaml',
        reason: 'rotated by the platform team on deploy',
        expires: '2026-06-30',
      },
      { rule: 'test-replicas', reason: 'single replica accepted during the pilot', expires: '2025-12-31' },
      { rule: 'test-kms-key', resource: 'gcp:kms/other-key', reason: 'an entry for a key that no longer exists' },
    ],
    baseline: {
      file: '.coditect-audit-baseline.json',
      baseline: {
        schemaVersion: 1,
        tool: 'coditect-audit',
        findings: [
          {
            fingerprint: replicasFingerprint,
            ruleId: 'test-replicas',
            resource: 'k8s/deployment.yaml#Deployment/coditect-staging/coditect-backend',
          },
          {
            fingerprint: fingerprintOf('test-root-deps', 'old/Dockerfile#stage:runtime', 'copy:/root'),
            ruleId: 'test-root-deps',
            resource: 'old/Dockerfile#stage:runtime',
          },
        ],
      },
    },
  });
}

/** Everything holds (or does not apply): the gate passes. */
export function cleanResult(): ScanResult {
  const rules = [rootDeps, replicas, publicHttp] as Rule[];
  return evaluate(cleanSnapshot(), rules, {
    ...baseOptions(),
    configFile: 'coditect-audit.yaml',
    configLine: 4,
    adr: { file: ADR_FILE, sections: ADR_SECTIONS },
  });
}

/**
 * No ADR document and no config file known (a library call), production tier, timestamps asked for:
 * live-like findings have nowhere to point in SARIF.
 */
export function bareResult(): ScanResult {
  return evaluate(fullSnapshot(), RULES, {
    ...baseOptions(),
    environment: 'prod-eu',
    tier: 'production',
    failOn: 'P1',
    allowIncomplete: true,
    // A library call without config: ADR-001's names are assumed and said so.
    assumedExpectations: true,
    timestamps: { startedAt: '2026-01-15T09:30:00Z', finishedAt: '2026-01-15T09:30:04.250Z' },
  });
}

export const SCENARIOS: Record<string, () => ScanResult> = { full: fullResult, clean: cleanResult, bare: bareResult };
