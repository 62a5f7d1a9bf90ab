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
