import type { AdapterV1MediaKind } from './adapter-v1-vocabulary.js';

/** Where a media file's bytes come from: a public URL, or base64 bytes. */
export type AdapterV1MediaSource = { type: 'url'; url: string } | { type: 'bytes'; base64: string };

/** One media attachment as an adapter v1 receives it. */
export interface AdapterV1MediaRef {
  kind: AdapterV1MediaKind;
  source: AdapterV1MediaSource;
  /** Media type such as `image/jpeg`. */
  mimeType: string;
  sizeBytes?: number | undefined;
  width?: number | undefined;
  height?: number | undefined;
  durationMs?: number | undefined;
  altText?: string | undefined;
}
