import type { AdapterV1MediaBody } from './adapter-v1-media-body.js';
import type { AdapterV1MediaKind } from './adapter-v1-vocabulary.js';

/** Where a media file's bytes come from: a public URL, or base64 bytes. */
export type AdapterV1MediaSource = { type: 'url'; url: string } | { type: 'bytes'; base64: string };

/** One media attachment as an adapter v1 receives it. */
export interface AdapterV1MediaRef {
  kind: AdapterV1MediaKind;
  /**
   * The URL or base64 bytes. An adapter that declares `media.streamedBodies` reads `body`
   * instead: for a file, Blob or stream the user gave, `source` is then `{ type: 'bytes', base64: '' }`.
   */
  source: AdapterV1MediaSource;
  /** Media type such as `image/jpeg`. */
  mimeType: string;
  sizeBytes?: number | undefined;
  width?: number | undefined;
  height?: number | undefined;
  durationMs?: number | undefined;
  altText?: string | undefined;
  /** Spec v1.1: the bytes, read in pieces. Supplied by core to adapters that declare `media.streamedBodies`. */
  body?: AdapterV1MediaBody | undefined;
}
