export declare function renderConfigReference(schema: object): string;
export interface PermissionsInput {
    rbac: {
        apiGroups: string[];
        resources: string[];
        verbs: string[];
    }[];
    /** Granted only in the scanned namespaces (a Role and RoleBinding in each). */
    secretRbac: {
        apiGroups: string[];
        resources: string[];
        verbs: string[];
    }[];
    discoveryPaths: readonly string[];
    gcp: {
        service: string;
        method: string;
        permission: string;
        role: string;
    }[];
}
export declare function renderPermissions(input: PermissionsInput): string;
//# sourceMappingURL=reference-docs.d.ts.map