/** A file that could not be parsed, with the position of the problem (1-based). */
export class FileParseError extends Error {
  override name = 'FileParseError';
  constructor(
    message: string,
    readonly line: number,
    readonly column = 1,
    /** What to do, when the file kind's usual fix ("fix the file so that … accepts it") would be wrong. */
    readonly fix?: string,
  ) {
    super(message);
  }
}

/** The fix for a file that is a template, not the file it renders to. */
export const TEMPLATE_FIX = 'Render the template and scan the output, or exclude the file in the configuration.';

/**
 * What a YAML parser's error says, for a person: a parser that runs out of stack on a deeply nested file
 * says "Maximum call stack size exceeded", which reads like a crash of ours.
 */
export function invalidYaml(message: string): string {
  return /Maximum call stack size exceeded/.test(message)
    ? 'invalid YAML: nested too deeply to read (the parser ran out of stack)'
    : `invalid YAML: ${message}`;
}
