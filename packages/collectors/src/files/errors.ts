/** A file that could not be parsed, with the position of the problem (1-based). */
export class FileParseError extends Error {
  override name = 'FileParseError';
  constructor(
    message: string,
    readonly line: number,
    readonly column = 1,
  ) {
    super(message);
  }
}

/**
 * What a YAML parser's error says, for a person: a parser that runs out of stack on a deeply nested file
 * says "Maximum call stack size exceeded", which reads like a crash of ours.
 */
export function invalidYaml(message: string): string {
  return /Maximum call stack size exceeded/.test(message)
    ? 'invalid YAML: nested too deeply to read (the parser ran out of stack)'
    : `invalid YAML: ${message}`;
}
