/**
 * The k8s layer's collector, loaded only when the layer is configured. The Kubernetes client itself is
 * imported on the first `collect`, so importing this module (e.g. to render `deploy/rbac.yaml`) stays light.
 */
import type { CollectContext, CollectResult, LayerCheck } from '@coditect-audit/core';
import type { K8sCollectOptions, K8sLayerConfig } from './collect.js';
import { notScanned, offersContext, skipReason } from './kubeconfig.js';
import { finishCollected } from '../parsed.js';

export { type RbacOptions, type RbacRule, rbacManifest, rbacRules, rbacSecretRules } from './rbac.js';
export {
  isSystemNamespace,
  K8S_DISCOVERY_PATHS,
  K8S_RESOURCE_TYPES,
  K8S_RESOURCE_VERBS,
  type K8sResourceType,
  qualifiedResource,
} from './resources.js';
export type { K8sCollectOptions, K8sLayerConfig };

export async function collect(
  ctx: CollectContext<K8sLayerConfig>,
  options?: K8sCollectOptions,
): Promise<CollectResult> {
  // A demo repository whose context nobody offers is not scanned, and does not even load the client.
  const context = ctx.overrides.k8sContext ?? ctx.config?.context;
  const kubeconfig = ctx.overrides.kubeconfig ?? ctx.config?.kubeconfig;
  const source = {
    root: ctx.root,
    ...(kubeconfig ? { kubeconfig } : {}),
    ...(options?.env ? { env: options.env } : {}),
    ...(options?.home ? { home: options.home } : {}),
  };
  if (ctx.config?.skipWithoutContext && context && !offersContext(source, context))
    return notScanned(skipReason(context));
  const { collectK8s } = await import('./collect.js');
  const { result, finished } = await collectK8s(ctx, options);
  return finishCollected(result, finished);
}

/** `coditect-audit doctor`: credentials, reachability and RBAC of the k8s layer, read-only. */
export async function diagnose(
  ctx: CollectContext<K8sLayerConfig>,
  options?: K8sCollectOptions,
): Promise<LayerCheck[]> {
  const { diagnoseK8s } = await import('./doctor.js');
  return diagnoseK8s(ctx, options);
}
