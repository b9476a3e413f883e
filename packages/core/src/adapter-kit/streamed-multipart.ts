/** A `multipart/form-data` body whose file part is streamed: its type, exact length and bytes. */
export interface StreamedMultipart {
  contentType: string;
  contentLength: number;
  /** A fresh stream of the whole body (text fields, then the file read from its body). */
  stream(): AsyncIterable<Uint8Array>;
}

const encoder = new TextEncoder();
const quoted = (value: string) => value.replace(/["\r\n\\]/g, (char) => encodeURIComponent(char));

/** The file part of a {@link streamedMultipart} body: its exact size and a fresh stream of its bytes. */
export interface MultipartFile {
  name: string;
  filename: string;
  type: string;
  sizeBytes: number;
  stream(): AsyncIterable<Uint8Array>;
}

/**
 * Builds a `multipart/form-data` body (RFC 7578) around a file without reading it first: text
 * fields up front, then the file, so only one piece of the file is in memory at a time (a whole
 * media body for Mastodon's upload, one segment for X's APPEND). Binary, not base64 in JSON: no
 * large strings for the garbage collector to chase. Its length is known before sending.
 *
 * @example
 * ```ts
 * const form = streamedMultipart([['description', 'A cat']], { name: 'file', filename: 'cat.png', type: 'image/png', sizeBytes: body.sizeBytes, stream: () => body.stream() });
 * await http.request({ method: 'POST', path: '/api/v2/media', streamBody: form.stream, headers: { 'content-type': form.contentType } });
 * ```
 */
export function streamedMultipart(fields: Array<[string, string]>, file: MultipartFile): StreamedMultipart {
  const boundary = `smm-${crypto.randomUUID()}`;
  let head = '';
  for (const [name, value] of fields) head += `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`;
  head += `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.name)}"; filename="${quoted(file.filename)}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  const headBytes = encoder.encode(head);
  const tailBytes = encoder.encode(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: headBytes.byteLength + file.sizeBytes + tailBytes.byteLength,
    async *stream() {
      yield headBytes;
      yield* file.stream();
      yield tailBytes;
    },
  };
}
