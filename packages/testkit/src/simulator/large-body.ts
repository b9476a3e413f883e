import { createHash } from 'node:crypto';

/** Bodies above this many bytes are read as a stream, never held whole (large media uploads). @internal */
export const LARGE_BODY_BYTES = 8 * 1024 * 1024;

/** What is kept of a large body: its size, SHA-256, and the first bytes (multipart field headers). @internal */
export interface LargeBody {
  size: number;
  sha256: Uint8Array;
  head: Uint8Array;
}

const HEAD_BYTES = 64 * 1024;

/** Reads a request body piece by piece: size, digest and head, in bounded memory. @internal */
export async function readLargeBody(body: ReadableStream<Uint8Array>): Promise<LargeBody> {
  const hash = createHash('sha256');
  const head = new Uint8Array(HEAD_BYTES);
  let size = 0;
  for await (const piece of body as unknown as AsyncIterable<Uint8Array>) {
    if (size < HEAD_BYTES) head.set(piece.subarray(0, HEAD_BYTES - size), size);
    hash.update(piece);
    size += piece.byteLength;
  }
  return { size, sha256: new Uint8Array(hash.digest()), head: head.subarray(0, Math.min(size, HEAD_BYTES)) };
}

/**
 * The fields of a large `multipart/form-data` body, from its head: text fields before the file
 * as strings, the file as `{ filename, type, size }` (its size from the total, less the closing
 * boundary). Fields after the file are not seen. @internal
 */
export function largeMultipartFields(large: LargeBody, contentType: string): Record<string, unknown> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = `--${boundary?.[1] ?? boundary?.[2] ?? ''}`;
  const text = new TextDecoder('latin1').decode(large.head);
  const fields: Record<string, unknown> = {};
  let at = text.indexOf(marker);
  while (at >= 0) {
    const headersEnd = text.indexOf('\r\n\r\n', at);
    if (headersEnd < 0) break;
    const headers = text.slice(at + marker.length, headersEnd);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    const start = headersEnd + 4;
    if (name !== undefined && filename !== undefined) {
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
      fields[name] = { filename, type, size: large.size - start - `\r\n${marker}--\r\n`.length };
      break;
    }
    const next = text.indexOf(`\r\n${marker}`, start);
    if (name !== undefined && next >= 0) fields[name] = new TextDecoder().decode(large.head.subarray(start, next));
    at = next < 0 ? -1 : next + 2;
  }
  return fields;
}
