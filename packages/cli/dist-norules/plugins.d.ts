import { type Rule } from '@coditect-audit/core';
export interface LoadedPlugin {
    name: string;
    rules: Rule[];
}
export declare function loadPlugins(specs: readonly string[], baseDir: string, configFile: string, from?: {
    source: 'config' | 'flag';
}): Promise<LoadedPlugin[]>;
//# sourceMappingURL=plugins.d.ts.map