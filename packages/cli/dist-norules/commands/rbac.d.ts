export interface RbacArgs {
    env?: string;
    config?: string;
    dir?: string;
    namespaces?: string;
}
export declare function rbacText(args: RbacArgs): Promise<string>;
//# sourceMappingURL=rbac.d.ts.map