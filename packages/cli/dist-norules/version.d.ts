/** The installed package's version, read once from its package.json. */
export declare const VERSION: string;
//# sourceMappingURL=version.d.ts.map