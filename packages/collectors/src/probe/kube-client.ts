/** The Kubernetes client the probes use, loaded only when a probe reads from the cluster (kube.ts). */
import { CoreV1Api, KubeConfig } from '@kubernetes/client-node';

export function coreV1Api(access: { kubeconfig?: string; context?: string }): CoreV1Api {
  const kc = new KubeConfig();
  if (access.kubeconfig) kc.loadFromFile(access.kubeconfig);
  else kc.loadFromDefault();
  if (access.context) kc.setCurrentContext(access.context);
  return kc.makeApiClient(CoreV1Api);
}
