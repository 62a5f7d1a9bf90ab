/**
 * `coditect-audit rbac --env X`: the Kubernetes RBAC the k8s layer of that environment needs, as a manifest
 * to apply: a read-only ClusterRole for everything but Secrets, and a Role and RoleBinding to list Secrets in
 * each namespace the environment scans (layers.k8s.namespaces, or --namespaces). Secrets are granted
 * nowhere else, so an environment that names no namespace is refused.
 */
import { ConfigError } from '@coditect-audit/core';
export async function rbacText(args) {
    let namespaces = args.namespaces
        ?.split(',')
        .map((n) => n.trim())
        .filter(Boolean);
    let source = '--namespaces';
    if (!namespaces?.length) {
        const { prepare } = await import('../scan.js');
        const prep = await prepare({
            ...(args.dir ? { dir: args.dir } : {}),
            ...(args.config ? { config: args.config } : {}),
            ...(args.env ? { env: args.env } : {}),
        });
        const k8s = prep.envConfig.layers?.k8s;
        namespaces = typeof k8s === 'object' && k8s.namespaces ? [...k8s.namespaces] : [];
        source = `layers.k8s.namespaces of ${prep.environment}`;
        if (!namespaces.length)
            throw new ConfigError(`${prep.environment}: no layers.k8s.namespaces, so no namespace to grant Secrets in; name them in the config or with --namespaces`);
    }
    const { rbacManifest } = await import('@coditect-audit/collectors/k8s');
    try {
        return rbacManifest({ secretNamespaces: namespaces, source });
    }
    catch (e) {
        throw new ConfigError(`${source}: ${e.message}`);
    }
}
//# sourceMappingURL=rbac.js.map