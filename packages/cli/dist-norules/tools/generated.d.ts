import type { RuleCases } from '@coditect-audit/rules';
/** layers.k8s.namespaces of the in-cluster environment that deploy/configmap.yaml holds. */
export declare function inClusterNamespaces(root?: string): Promise<string[]>;
/** `cases` defaults to the tables shipped in the built rules package. */
export declare function generatedFiles(cases?: Map<string, RuleCases>, root?: string): Promise<Map<string, string>>;
//# sourceMappingURL=generated.d.ts.map