/**
 * The bytes of one file part of a `multipart/form-data` body (RFC 7578), found by its field name,
 * as a view into the body (nothing copied), or `undefined` when the body has no such part. The
 * simulator hashes an APPEND's segment with it without turning the segment into a string.
 *
 * @example
 * ```ts
 * const segment = multipartFileBytes(request.bytes, request.headers['content-type'], 'media');
 * ```
 */
export function multipartFileBytes(body: Uint8Array, contentType: string | undefined, name: string): Uint8Array | undefined {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType ?? '')?.[1];
  if (boundary === undefined) return undefined;
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const delimiter = Buffer.from(`--${boundary}`);
  let at = buffer.indexOf(delimiter);
  while (at !== -1) {
    const headersStart = at + delimiter.length + 2; // past the CRLF after the delimiter
    const headersEnd = buffer.indexOf('\r\n\r\n', headersStart);
    if (headersEnd === -1) return undefined;
    const next = buffer.indexOf(Buffer.from(`\r\n--${boundary}`), headersEnd + 4);
    if (next === -1) return undefined;
    const headers = buffer.subarray(headersStart, headersEnd).toString('utf8');
    if (new RegExp(`name="${name}"`, 'i').test(headers)) return body.subarray(headersEnd + 4, next);
    at = next + 2;
  }
  return undefined;
}
