/**
 * `deploy/`: the in-cluster CronJob, its configuration and the read-only RBAC. The manifests pass the
 * scanner's own P0 and P1 rules (the self scan with the root coditect-audit.yaml), the ConfigMap holds a
 * valid configuration for in-cluster use, the kustomization applies every file, and the ServiceAccount is
 * declared once (rbac.yaml) with the Workload Identity annotation patched on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parseConfig, type ScanResult } from '@coditect-audit/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempDir } from './support/cli.js';

// The YAML parser the core package itself uses.
const { parse, parseAllDocuments } = createRequire(join(repoRoot, 'packages/core/package.json'))(
  'yaml',
) as typeof import('yaml');

const deploy = join(repoRoot, 'deploy');
const read = (f: string) => readFileSync(join(deploy, f), 'utf8');
type Doc = { kind?: string; metadata?: { name?: string; namespace?: string }; [k: string]: unknown };
const docs = (f: string) => parseAllDocuments(read(f)).map((d) => d.toJSON() as Doc);

describe('deploy/', () => {
  let result: ScanResult;
  beforeAll(() => {
    const out = tempDir();
    const run = runCli(['scan', '--env', 'self', '--fail-on', 'P1', '--format', 'json', '--output-dir', out]);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    result = JSON.parse(readFileSync(join(out, 'coditect-audit.json'), 'utf8')) as ScanResult;
  });

  it('passes the P0 and P1 rules of the self scan', () => {
    const ofDeploy = result.verdicts.filter((v) =>
      (v.location?.file ?? v.resource.file ?? v.resource.id).startsWith('deploy/'),
    );
    expect(ofDeploy.filter((v) => v.status === 'fail' || v.status === 'error')).toEqual([]);
    const passed = (rule: string) =>
      ofDeploy.some(
        (v) => v.ruleId === rule && v.status === 'pass' && v.resource.id.startsWith('deploy/cronjob.yaml#CronJob/'),
      );
    for (const rule of ['manifest-runs-as-root', 'manifest-privilege-escalation', 'manifest-mutable-image-tag'])
      expect(passed(rule), rule).toBe(true);
  });

  it('runs the CronJob non-root, read-only, without privileges, with resources', () => {
    const [job] = docs('cronjob.yaml');
    const pod = (job as { spec: { jobTemplate: { spec: { template: { spec: Record<string, unknown> } } } } }).spec
      .jobTemplate.spec.template.spec as {
      serviceAccountName: string;
      securityContext: Record<string, unknown>;
      containers: {
        image: string;
        args: string[];
        securityContext: Record<string, unknown>;
        resources: { requests: object; limits: object };
      }[];
    };
    expect(pod.serviceAccountName).toBe('coditect-audit');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    const [c] = pod.containers;
    expect(c!.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(Object.keys(c!.resources.requests).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(c!.resources.limits).sort()).toEqual(['cpu', 'memory']);
    expect(c!.image).toMatch(/^ghcr\.io\/coditect-ai\/coditect-audit:\d+\.\d+\.\d+$/);
    // The user matches the image's USER.
    const dockerUser = /^USER\s+(\d+)/m.exec(readFileSync(join(repoRoot, 'Dockerfile'), 'utf8'))?.[1];
    expect(String(pod.securityContext.runAsUser)).toBe(dockerUser);
    expect(c!.args).toContain('--env=in-cluster');
    expect(c!.args).toContain('--config=/etc/coditect-audit/coditect-audit.yaml');
  });

  it('holds a valid in-cluster configuration in the ConfigMap', () => {
    const [cm] = docs('configmap.yaml');
    const text = (cm as { data: Record<string, string> }).data['coditect-audit.yaml']!;
    const config = parseConfig(text, 'deploy/configmap.yaml');
    const env = config.environments['in-cluster']!;
    expect(env.layers?.files).toBe(false);
    // No kubeconfig or context: the collector falls back to the pod's service account.
    expect(env.layers?.k8s).toBeDefined();
    expect(env.layers?.k8s).not.toHaveProperty('kubeconfig');
    expect(env.layers?.k8s).not.toHaveProperty('context');
    // No endpoint: Google Cloud through Application Default Credentials (Workload Identity).
    expect(env.layers?.gcp).not.toHaveProperty('endpoint');
    expect(env.layers?.gcp).not.toHaveProperty('endpointOnly');
  });

  it('applies every file through the kustomization and declares the ServiceAccount once, with Workload Identity', () => {
    const k = parse(read('kustomization.yaml')) as {
      resources: string[];
      namespace: string;
      patches: { target: { kind: string; name: string }; patch: string }[];
    };
    const manifests = readdirSync(deploy).filter((f) => /\.ya?ml$/.test(f) && f !== 'kustomization.yaml');
    expect([...k.resources].sort()).toEqual(manifests.sort());
    const accounts = manifests.flatMap((f) => docs(f)).filter((d) => d.kind === 'ServiceAccount');
    expect(accounts).toHaveLength(1);
    expect(accounts[0]!.metadata).toMatchObject({ name: 'coditect-audit', namespace: k.namespace });
    const patch = k.patches.find((p) => p.target.kind === 'ServiceAccount' && p.target.name === 'coditect-audit');
    expect(patch?.patch).toMatch(/iam\.gke\.io\/gcp-service-account: \S+@\S+\.iam\.gserviceaccount\.com/);
    for (const f of manifests)
      for (const d of docs(f))
        if (d.kind !== 'ClusterRole' && d.kind !== 'ClusterRoleBinding' && d.kind !== 'Namespace')
          expect(d.metadata?.namespace, `${f} ${d.kind}`).toBe(k.namespace);
  });
});
