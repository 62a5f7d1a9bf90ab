import type { CommandModule } from 'yargs';
import type { DoctorArgs, DoctorIo } from './doctor.js';
export declare function doctorCommand(setExitCode: (code: number) => void, log: (args: {
    verbose?: boolean;
    debug?: boolean;
}) => DoctorIo['log']): CommandModule<object, DoctorArgs>;
//# sourceMappingURL=doctor-command.d.ts.map