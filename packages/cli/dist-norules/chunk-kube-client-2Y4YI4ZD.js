import {
  ObjectCoreV1Api
} from "./chunk-chunk-ICYYECOJ.js";
import {
  KubeConfig
} from "./chunk-chunk-2DVRRGBZ.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/collectors/dist/probe/kube-client.js
function coreV1Api(access) {
  const kc = new KubeConfig();
  if (access.kubeconfig)
    kc.loadFromFile(access.kubeconfig);
  else
    kc.loadFromDefault();
  if (access.context)
    kc.setCurrentContext(access.context);
  return kc.makeApiClient(ObjectCoreV1Api);
}
export {
  coreV1Api
};
