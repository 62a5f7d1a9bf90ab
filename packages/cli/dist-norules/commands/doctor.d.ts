/**
 * `coditect-audit doctor --env X`: for each configured live layer, can it be scanned? Credentials found,
 * APIs enabled, permissions held, services reachable; each failed check says exactly what to fix. Every
 * check is read-only. Exit 0 when every configured layer can be scanned, 2 when one cannot.
 */
import { type LayerCheck, type LogLevel } from '@coditect-audit/core';
import { type LiveLayer } from '../layers.js';
export interface DoctorArgs {
    env?: string;
    config?: string;
    dir?: string;
    context?: string;
    kubeconfig?: string;
    layers?: string;
    verbose?: boolean;
    debug?: boolean;
    plugin?: string[];
    trustRepoConfig?: boolean;
}
export interface DoctorLayerReport {
    layer: LiveLayer;
    configured: boolean;
    checks: LayerCheck[];
}
export interface DoctorIo {
    stdout: {
        write(s: string): unknown;
    };
    log?: (level: LogLevel, message: string) => void;
}
/** Runs every configured live layer's checks, concurrently. */
export declare function diagnoseLayers(args: DoctorArgs, log?: DoctorIo['log']): Promise<{
    environment: string;
    reports: DoctorLayerReport[];
}>;
/** The report as text: one line per check, the fix under each failed one, a verdict per layer. */
export declare function renderDoctor(environment: string, reports: DoctorLayerReport[]): string;
export declare function runDoctor(args: DoctorArgs, io: DoctorIo): Promise<number>;
//# sourceMappingURL=doctor.d.ts.map