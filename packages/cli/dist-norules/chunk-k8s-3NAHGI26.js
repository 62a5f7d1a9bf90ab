import {
  finishCollected
} from "./chunk-chunk-D7DUI4O6.js";
import {
  rbacManifest,
  rbacRules,
  rbacSecretRules
} from "./chunk-chunk-V7OLLUIR.js";
import {
  K8S_DISCOVERY_PATHS,
  K8S_RESOURCE_TYPES,
  K8S_RESOURCE_VERBS,
  isSystemNamespace,
  notScanned,
  offersContext,
  qualifiedResource,
  skipReason
} from "./chunk-chunk-CGOZUHLJ.js";
import "./chunk-chunk-KBIY7DDS.js";
import "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/collectors/dist/k8s/index.js
async function collect(ctx, options) {
  const context = ctx.overrides.k8sContext ?? ctx.config?.context;
  const kubeconfig = ctx.overrides.kubeconfig ?? ctx.config?.kubeconfig;
  const source = {
    root: ctx.root,
    ...kubeconfig ? { kubeconfig } : {},
    ...options?.env ? { env: options.env } : {},
    ...options?.home ? { home: options.home } : {}
  };
  if (ctx.config?.skipWithoutContext && context && !offersContext(source, context))
    return notScanned(skipReason(context));
  const { collectK8s } = await import("./chunk-collect-IGKE4IYE.js");
  const { result, finished } = await collectK8s(ctx, options);
  return finishCollected(result, finished);
}
async function diagnose(ctx, options) {
  const { diagnoseK8s } = await import("./chunk-doctor-52ETQON5.js");
  return diagnoseK8s(ctx, options);
}
export {
  K8S_DISCOVERY_PATHS,
  K8S_RESOURCE_TYPES,
  K8S_RESOURCE_VERBS,
  collect,
  diagnose,
  isSystemNamespace,
  qualifiedResource,
  rbacManifest,
  rbacRules,
  rbacSecretRules
};
