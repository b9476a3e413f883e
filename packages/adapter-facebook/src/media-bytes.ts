import type { AdapterMediaRef } from '@smm/core/adapter-kit';

/** The bytes of a media item given as base64 (core hands files this way to an adapter without streamed bodies). @internal */
export function mediaBytes(media: AdapterMediaRef): Uint8Array<ArrayBuffer> {
  if (media.source.type !== 'bytes') throw new Error('mediaBytes needs a bytes source');
  const binary = atob(media.source.base64);
  const bytes = new Uint8Array(new ArrayBuffer(binary.length));
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** The same bytes as a Blob of the media's type, for a multipart upload. @internal */
export function mediaBlob(media: AdapterMediaRef): Blob {
  return new Blob([mediaBytes(media)], { type: media.mimeType });
}
