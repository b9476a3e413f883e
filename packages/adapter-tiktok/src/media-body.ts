import type { AdapterMediaBody, AdapterMediaRef } from '@smm/core/adapter-kit';

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/**
 * A media item's bytes: core's streamed `body` (spec v1.1), else — the adapter called without
 * core — its base64 source held in memory. Undefined for a URL source (TikTok pulls URLs itself). @internal
 */
export function mediaBodyOf(item: AdapterMediaRef): AdapterMediaBody | undefined {
  if (item.body) return item.body;
  if (item.source.type !== 'bytes') return undefined;
  const bytes = decodeBase64(item.source.base64);
  return {
    sizeBytes: bytes.length,
    mimeType: item.mimeType,
    rereadable: true,
    async *stream(offset = 0) {
      yield bytes.subarray(offset);
    },
    async *chunks(chunkSize, offset = 0) {
      for (let at = offset; at < bytes.length; at += chunkSize)
        yield { index: at / chunkSize, offset: at, bytes: bytes.subarray(at, at + chunkSize) };
    },
  };
}

/** Reads a whole (small) body into memory: photos handed to `hostPhoto` helpers and tests. @internal */
export async function readAll(body: AdapterMediaBody): Promise<Uint8Array> {
  const out = new Uint8Array(body.sizeBytes);
  let at = 0;
  for await (const piece of body.stream()) {
    out.set(piece.subarray(0, out.length - at), at);
    at += piece.length;
  }
  return out;
}
