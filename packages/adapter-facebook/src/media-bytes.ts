import type { AdapterMediaRef } from '@smm/core/adapter-kit';

/**
 * A photo's bytes as a Blob of its type, for a multipart upload: read from the streamed body core
 * hands this adapter (photos are small enough to hold), or decoded from base64 bytes. @internal
 */
export async function mediaBlob(media: AdapterMediaRef): Promise<Blob> {
  if (media.body) {
    const pieces: Uint8Array<ArrayBuffer>[] = [];
    for await (const piece of media.body.stream()) pieces.push(new Uint8Array(piece));
    return new Blob(pieces, { type: media.mimeType });
  }
  if (media.source.type !== 'bytes') throw new Error('mediaBlob needs a body or a bytes source');
  const binary = atob(media.source.base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: media.mimeType });
}
