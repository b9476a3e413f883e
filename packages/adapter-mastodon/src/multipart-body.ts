import type { AdapterMediaBody } from '@smm/core/adapter-kit';

/** A `multipart/form-data` body whose file part is streamed: its type, exact length and bytes. @internal */
export interface StreamedMultipart {
  contentType: string;
  contentLength: number;
  /** A fresh stream of the whole body (text fields, then the file read from its body). */
  stream(): AsyncIterable<Uint8Array>;
}

const encoder = new TextEncoder();
const quoted = (value: string) => value.replace(/["\r\n\\]/g, (char) => encodeURIComponent(char));

/**
 * Builds a `multipart/form-data` body (RFC 7578) around a media body without reading it first:
 * text fields up front, then the file, so only one piece of the file is in memory at a time.
 * Its length is known before sending (fields in UTF-8 plus `body.sizeBytes`).
 *
 * @example
 * ```ts
 * const form = streamedMultipart([['description', 'A cat']], { name: 'file', filename: 'cat.png', type: 'image/png', body });
 * await http.request({ method: 'POST', path: '/api/v2/media', streamBody: form.stream, headers: { 'content-type': form.contentType } });
 * ```
 * @internal
 */
export function streamedMultipart(
  fields: Array<[string, string]>,
  file: { name: string; filename: string; type: string; body: AdapterMediaBody },
): StreamedMultipart {
  const boundary = `smm-${crypto.randomUUID()}`;
  let head = '';
  for (const [name, value] of fields) head += `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`;
  head += `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(file.name)}"; filename="${quoted(file.filename)}"\r\nContent-Type: ${file.type}\r\n\r\n`;
  const headBytes = encoder.encode(head);
  const tailBytes = encoder.encode(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    contentLength: headBytes.byteLength + file.body.sizeBytes + tailBytes.byteLength,
    async *stream() {
      yield headBytes;
      yield* file.body.stream();
      yield tailBytes;
    },
  };
}
