import "./chunk-chunk-KBIY7DDS.js";
import {
  ConfigError
} from "./chunk-chunk-K3HIYUOK.js";
import "./chunk-chunk-EMT75KSU.js";
import "./chunk-chunk-IWPLMFNU.js";

// packages/cli/dist/commands/rbac.js
async function rbacText(args) {
  let namespaces = args.namespaces?.split(",").map((n) => n.trim()).filter(Boolean);
  let source = "--namespaces";
  if (!namespaces?.length) {
    const { prepare } = await import("./chunk-scan-E73773IP.js");
    const prep = await prepare({
      ...args.dir ? { dir: args.dir } : {},
      ...args.config ? { config: args.config } : {},
      ...args.env ? { env: args.env } : {}
    });
    const k8s = prep.envConfig.layers?.k8s;
    namespaces = typeof k8s === "object" && k8s.namespaces ? [...k8s.namespaces] : [];
    source = `layers.k8s.namespaces of ${prep.environment}`;
    if (!namespaces.length)
      throw new ConfigError(`${prep.environment}: no layers.k8s.namespaces, so no namespace to grant Secrets in; name them in the config or with --namespaces`);
  }
  const { rbacManifest } = await import("./chunk-k8s-3NAHGI26.js");
  try {
    return rbacManifest({ secretNamespaces: namespaces, source });
  } catch (e) {
    throw new ConfigError(`${source}: ${e.message}`);
  }
}
export {
  rbacText
};
