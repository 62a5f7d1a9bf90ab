/** Text handling shared by every files-layer parser: one normal form for line endings and encodings. */

/** Files larger than this are not read: a repository file that big is not configuration. */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** How much of a file is inspected for a NUL byte to tell binary from text (what git does). */
export const BINARY_SNIFF_BYTES = 8 * 1024;

/** Strips a UTF-8 byte order mark and turns CRLF (and lone CR) line ends into LF; line numbers are unchanged. */
export function normalizeText(text: string): string {
  const noBom = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return noBom.includes('\r') ? noBom.replace(/\r\n?/g, '\n') : noBom;
}

export function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

export function looksBinaryText(text: string): boolean {
  const head = text.length > BINARY_SNIFF_BYTES ? text.slice(0, BINARY_SNIFF_BYTES) : text;
  return head.includes('\u0000');
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${bytes} bytes`;
}
