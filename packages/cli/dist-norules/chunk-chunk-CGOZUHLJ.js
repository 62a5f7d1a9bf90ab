import {
  parse
} from "./chunk-chunk-EMT75KSU.js";

// packages/collectors/dist/k8s/resources.js
var K8S_RESOURCE_VERBS = ["list"];
var K8S_RESOURCE_TYPES = [
  {
    facet: "k8s.deployments",
    group: "apps",
    versions: ["v1"],
    resource: "deployments",
    kind: "Deployment",
    namespaced: true
  },
  {
    facet: "k8s.statefulsets",
    group: "apps",
    versions: ["v1"],
    resource: "statefulsets",
    kind: "StatefulSet",
    namespaced: true
  },
  {
    facet: "k8s.daemonsets",
    group: "apps",
    versions: ["v1"],
    resource: "daemonsets",
    kind: "DaemonSet",
    namespaced: true
  },
  {
    facet: "k8s.replicasets",
    group: "apps",
    versions: ["v1"],
    resource: "replicasets",
    kind: "ReplicaSet",
    namespaced: true
  },
  { facet: "k8s.jobs", group: "batch", versions: ["v1"], resource: "jobs", kind: "Job", namespaced: true },
  { facet: "k8s.cronjobs", group: "batch", versions: ["v1"], resource: "cronjobs", kind: "CronJob", namespaced: true },
  { facet: "k8s.pods", group: "", versions: ["v1"], resource: "pods", kind: "Pod", namespaced: true },
  { facet: "k8s.services", group: "", versions: ["v1"], resource: "services", kind: "Service", namespaced: true },
  {
    facet: "k8s.secrets",
    group: "",
    versions: ["v1"],
    resource: "secrets",
    kind: "Secret",
    namespaced: true,
    holdsSecretValues: true
  },
  { facet: "k8s.configmaps", group: "", versions: ["v1"], resource: "configmaps", kind: "ConfigMap", namespaced: true },
  {
    facet: "k8s.pvcs",
    group: "",
    versions: ["v1"],
    resource: "persistentvolumeclaims",
    kind: "PersistentVolumeClaim",
    namespaced: true
  },
  {
    facet: "k8s.serviceaccounts",
    group: "",
    versions: ["v1"],
    resource: "serviceaccounts",
    kind: "ServiceAccount",
    namespaced: true
  },
  { facet: "k8s.nodes", group: "", versions: ["v1"], resource: "nodes", kind: "Node", namespaced: false },
  {
    facet: "k8s.ingresses",
    group: "networking.k8s.io",
    versions: ["v1"],
    resource: "ingresses",
    kind: "Ingress",
    namespaced: true
  },
  {
    facet: "k8s.managedcertificates",
    group: "networking.gke.io",
    versions: ["v1"],
    resource: "managedcertificates",
    kind: "ManagedCertificate",
    namespaced: true,
    crd: { installedBy: "GKE (Google-managed certificates for Ingress)" }
  },
  {
    facet: "k8s.backendconfigs",
    group: "cloud.google.com",
    versions: ["v1"],
    resource: "backendconfigs",
    kind: "BackendConfig",
    namespaced: true,
    crd: { installedBy: "GKE (Ingress backend configuration)" }
  },
  {
    facet: "k8s.externalsecrets",
    group: "external-secrets.io",
    versions: ["v1", "v1beta1"],
    resource: "externalsecrets",
    kind: "ExternalSecret",
    namespaced: true,
    crd: { installedBy: "External Secrets Operator" }
  },
  {
    facet: "k8s.externalsecrets",
    group: "external-secrets.io",
    versions: ["v1", "v1beta1"],
    resource: "secretstores",
    kind: "SecretStore",
    namespaced: true,
    crd: { installedBy: "External Secrets Operator" }
  },
  {
    facet: "k8s.externalsecrets",
    group: "external-secrets.io",
    versions: ["v1", "v1beta1"],
    resource: "clustersecretstores",
    kind: "ClusterSecretStore",
    namespaced: false,
    crd: { installedBy: "External Secrets Operator" }
  }
];
var K8S_DISCOVERY_PATHS = ["/api", "/api/*", "/apis", "/apis/*", "/version"];
function isSystemNamespace(namespace) {
  return namespace === "kube-system" || namespace === "kube-public" || namespace === "kube-node-lease" || namespace.startsWith("gke-") || namespace.startsWith("gmp-");
}
function qualifiedResource(t) {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

// packages/collectors/dist/k8s/kubeconfig.js
import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, isAbsolute, join, resolve } from "node:path";
function kubeconfigFiles(o) {
  const env = o.env ?? process.env;
  if (o.kubeconfig)
    return { how: "flag", files: [isAbsolute(o.kubeconfig) ? o.kubeconfig : resolve(o.root, o.kubeconfig)] };
  if (env.KUBECONFIG)
    return { how: "KUBECONFIG", files: env.KUBECONFIG.split(delimiter).filter(Boolean) };
  const home = join(o.home ?? homedir(), ".kube", "config");
  return existsSync(home) ? { how: "default", files: [home] } : { how: "none", files: [] };
}
function offersContext(o, context) {
  return kubeconfigFiles(o).files.some((file) => {
    if (!existsSync(file))
      return false;
    try {
      const doc = parse(readFileSync(file, "utf8"));
      return Array.isArray(doc?.contexts) && doc.contexts.some((c) => c?.name === context);
    } catch {
      return false;
    }
  });
}
function skipReason(context) {
  return `no kubeconfig offers context ${context} (layers.k8s.skipWithoutContext): the cluster was not read`;
}
var K8S_FACETS = [
  ...new Set(K8S_RESOURCE_TYPES.map((t) => t.facet)),
  "k8s.apis"
].sort();
function notScanned(reason) {
  const facets = {};
  for (const name of K8S_FACETS)
    facets[name] = { status: "absent", reason };
  return { facets, state: { status: "not-configured", reason } };
}
function failed(problem) {
  const facets = {};
  for (const name of K8S_FACETS)
    facets[name] = { status: "error", problems: [problem] };
  return { facets, state: { status: "failed", reason: `${problem.subject}: ${problem.message}` } };
}

export {
  K8S_RESOURCE_VERBS,
  K8S_RESOURCE_TYPES,
  K8S_DISCOVERY_PATHS,
  isSystemNamespace,
  qualifiedResource,
  kubeconfigFiles,
  offersContext,
  skipReason,
  K8S_FACETS,
  notScanned,
  failed
};
