/**
 * `totalBytes` bytes made on the fly in pieces of `pieceBytes` (a repeating pattern after an
 * optional `prefix`), never all held at once: for uploads larger than memory should hold. One
 * buffer is reused for every piece: a piece is valid until the next one is asked for.
 *
 * @example
 * ```ts
 * const stream = generatedBytes({ totalBytes: 300 * 1024 * 1024, prefix: mp4Header(…) });
 * ```
 */
export async function* generatedBytes(options: {
  totalBytes: number;
  prefix?: Uint8Array;
  pieceBytes?: number;
}): AsyncIterable<Uint8Array> {
  const { totalBytes, prefix = new Uint8Array(0) } = options;
  const pieceBytes = options.pieceBytes ?? 256 * 1024;
  if (prefix.length > 0) yield prefix.subarray(0, totalBytes);
  let left = totalBytes - prefix.length;
  const buffer = new Uint8Array(pieceBytes);
  while (left > 0) {
    const piece = buffer.subarray(0, Math.min(pieceBytes, left));
    for (let i = 0; i < piece.length; i += 4096) piece[i] = (left - i) & 0xff; // not all zeros
    left -= piece.length;
    yield piece;
  }
}
