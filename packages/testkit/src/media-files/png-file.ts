import { encode } from 'fast-png';

/**
 * A real PNG of the given size (RGB, one colour), encoded with fast-png.
 *
 * @example
 * ```ts
 * const bytes = pngFile(1200, 628);
 * ```
 */
export function pngFile(width: number, height: number): Uint8Array {
  const data = new Uint8Array(width * height * 3).fill(0x80);
  return encode({ width, height, data, channels: 3, depth: 8 });
}

/** Base64 of a Uint8Array (for `{ type: 'bytes', base64 }` media sources). */
export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
