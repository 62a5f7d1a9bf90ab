/**
 * `deploy/rbac.yaml` and the collector stay in step: the manifest is what the generator renders from the
 * collector's table, every request a full collection makes is allowed by it, and every permission it
 * grants is used.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect, rbacManifest, rbacRules, rbacSecretRules } from '@coditect-audit/collectors/k8s';
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

const SCANNED = ['coditect-staging'];

/** The ClusterRole's rules, and each namespace's Role rules. */
function grantedRules(): { cluster: ClusterRoleRule[]; namespaced: Map<string, ClusterRoleRule[]> } {
  const docs = parseAllDocuments(readFileSync(join(repo, 'deploy/rbac.yaml'), 'utf8')).map(
    (d) => d.toJS() as { kind: string; metadata: { namespace?: string }; rules?: ClusterRoleRule[] },
  );
  expect(docs.map((d) => d.kind)).toEqual([
    'Namespace',
    'ServiceAccount',
    'ClusterRole',
    'ClusterRoleBinding',
    ...SCANNED.flatMap(() => ['Role', 'RoleBinding']),
  ]);
  const namespaced = new Map<string, ClusterRoleRule[]>();
  for (const d of docs.filter((x) => x.kind === 'Role')) namespaced.set(d.metadata.namespace!, d.rules ?? []);
  return { cluster: docs.find((d) => d.kind === 'ClusterRole')?.rules ?? [], namespaced };
}

function clusterRoleRules(): ClusterRoleRule[] {
  return grantedRules().cluster;
}

/** The namespace of a namespaced request path (`/api/v1/namespaces/ns/secrets`), if any. */
function namespaceOf(path: string): string | undefined {
  return /\/namespaces\/([^/]+)\/[^/]+$/.exec(path)?.[1];
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
    expect(readFileSync(join(repo, 'deploy/rbac.yaml'), 'utf8')).toBe(
      rbacManifest({ secretNamespaces: SCANNED, source: 'deploy/configmap.yaml' }),
    );
  });

  it('grants Secrets in the scanned namespaces only, never cluster-wide', () => {
    const { cluster, namespaced } = grantedRules();
    expect(cluster.flatMap((r) => r.resources ?? [])).not.toContain('secrets');
    expect([...namespaced.keys()]).toEqual(SCANNED);
    for (const rules of namespaced.values()) expect(rules).toEqual(rbacSecretRules());
    expect(rbacSecretRules()).toEqual([{ apiGroups: [''], resources: ['secrets'], verbs: ['list'] }]);
    expect(() => rbacManifest({ secretNamespaces: ['Not A Namespace'] })).toThrow(/not a Kubernetes namespace/);
  });

  it('grants only reads: list on resources, get on discovery URLs', () => {
    const rules = clusterRoleRules();
    for (const r of rules) expect(r.verbs).toEqual(r.nonResourceURLs ? ['get'] : ['list']);
    expect(
      rules.filter((r) => r.resources).map((r) => ({ apiGroups: r.apiGroups, resources: r.resources, verbs: r.verbs })),
    ).toEqual(rbacRules());
  });

  it('allows every request of a collection of the scanned namespaces, and each permission it grants is used', async () => {
    const { cluster, namespaced } = grantedRules();
    const rules = [...cluster, ...[...namespaced.values()].flat()];
    const used = new Set<ClusterRoleRule>();
    const usedResources = new Set<string>();
    const denied: string[] = [];
    // Without namespaces the collector lists Secrets cluster-wide, which is not granted: that request alone.
    for (const config of [{ namespaces: SCANNED }, {}]) {
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
          const ns = namespaceOf(request.path);
          const rule = allowed(cluster, a) ?? (ns ? allowed(namespaced.get(ns) ?? [], a) : undefined);
          if (!rule) {
            denied.push(`${'namespaces' in config ? 'scoped' : 'all'} ${a.verb} ${a.group}/${a.resource} ${ns ?? '*'}`);
            continue;
          }
          used.add(rule);
          if (a.resource) usedResources.add(`${a.group}/${a.resource}`);
        }
      } finally {
        await emu.stop();
      }
    }
    expect([...new Set(denied)]).toEqual(['all list /secrets *']);
    for (const rule of rules) expect(used.has(rule), JSON.stringify(rule)).toBe(true);
    const granted = new Set(rules.flatMap((r) => (r.resources ?? []).map((res) => `${r.apiGroups?.[0]}/${res}`)));
    expect([...usedResources].sort()).toEqual([...granted].sort());
  });
});
