/**
 * `deploy/rbac.yaml` and the collector stay in step: the manifest is what the generator renders from the
 * collector's table, every request a full collection makes is allowed by it, and every permission it
 * grants is used.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, rbacManifest, rbacRules } from '@coditect-audit/collectors/k8s';
import { resolveExpectations } from '@coditect-audit/core';
import { type K8sRequest, startK8sEmulator } from '@coditect-audit/emulators/k8s';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '../../..');
const REMEDIATED = join(repo, 'fixtures/adr-001-remediated/k8s/api');

interface ClusterRoleRule {
  apiGroups?: string[];
  resources?: string[];
  nonResourceURLs?: string[];
  verbs: string[];
}

function clusterRoleRules(): ClusterRoleRule[] {
  const docs = parseAllDocuments(readFileSync(join(repo, 'deploy/rbac.yaml'), 'utf8')).map(
    (d) => d.toJS() as { kind: string; rules?: ClusterRoleRule[] },
  );
  expect(docs.map((d) => d.kind)).toEqual(['Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding']);
  return docs.find((d) => d.kind === 'ClusterRole')?.rules ?? [];
}

/** The RBAC attributes of a request: `list` on `group/resource`, or `get` on a non-resource URL. */
function attributes(r: K8sRequest): { verb: string; group?: string; resource?: string; url?: string } {
  const parts = r.path.split('/').filter(Boolean);
  const rest = parts[0] === 'api' ? parts.slice(2) : parts.slice(3);
  const group = parts[0] === 'api' ? '' : parts[1];
  if (r.path === '/version' || (parts[0] === 'api' && parts.length <= 2) || (parts[0] === 'apis' && parts.length <= 3))
    return { verb: r.verb, url: r.path };
  const resource = rest[0] === 'namespaces' && rest.length >= 3 ? rest[2] : rest[0];
  return { verb: r.verb, group: group ?? '', resource: resource ?? '' };
}

function allowed(rules: ClusterRoleRule[], a: ReturnType<typeof attributes>): ClusterRoleRule | undefined {
  return rules.find((rule) => {
    if (!rule.verbs.includes(a.verb)) return false;
    if (a.url !== undefined)
      return (rule.nonResourceURLs ?? []).some(
        (u) => u === a.url || (u.endsWith('*') && a.url!.startsWith(u.slice(0, -1))),
      );
    return (rule.apiGroups ?? []).includes(a.group!) && (rule.resources ?? []).includes(a.resource!);
  });
}

describe('deploy/rbac.yaml', () => {
  it('is what the generator renders from the collector’s table (run `pnpm docs` after changing it)', () => {
    expect(readFileSync(join(repo, 'deploy/rbac.yaml'), 'utf8')).toBe(rbacManifest());
  });

  it('grants only reads: list on resources, get on discovery URLs', () => {
    const rules = clusterRoleRules();
    for (const r of rules) expect(r.verbs).toEqual(r.nonResourceURLs ? ['get'] : ['list']);
    expect(
      rules.filter((r) => r.resources).map((r) => ({ apiGroups: r.apiGroups, resources: r.resources, verbs: r.verbs })),
    ).toEqual(rbacRules());
  });

  it('allows every request of a full collection, and each permission it grants is used', async () => {
    const rules = clusterRoleRules();
    const used = new Set<ClusterRoleRule>();
    const usedResources = new Set<string>();
    for (const config of [{}, { namespaces: ['coditect-staging'] }]) {
      const emu = await startK8sEmulator({ dataDir: REMEDIATED });
      try {
        const dir = mkdtempSync(join(tmpdir(), 'k8s-rbac-'));
        const r = await collect(
          {
            root: dir,
            environment: 'staging',
            expectations: resolveExpectations(undefined),
            config,
            overrides: { kubeconfig: emu.kubeconfigPath(dir) },
            progress: () => {},
          },
          { env: {}, home: dir },
        );
        expect(r.state.status).toBe('collected');
        for (const request of emu.requests()) {
          const a = attributes(request);
          const rule = allowed(rules, a);
          expect(
            rule,
            `${a.verb} ${a.url ?? `${a.group}/${a.resource}`} is not granted by deploy/rbac.yaml`,
          ).toBeDefined();
          used.add(rule!);
          if (a.resource) usedResources.add(`${a.group}/${a.resource}`);
        }
      } finally {
        await emu.stop();
      }
    }
    for (const rule of rules) expect(used.has(rule), JSON.stringify(rule)).toBe(true);
    const granted = rules.flatMap((r) => (r.resources ?? []).map((res) => `${r.apiGroups?.[0]}/${res}`));
    expect([...usedResources].sort()).toEqual(granted.sort());
  });
});
