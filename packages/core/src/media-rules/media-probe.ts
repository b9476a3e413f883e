/** What the bytes of a media file say about it. A field the probe could not read is absent. */
export interface MediaProbe {
  sizeBytes: number;
  /** Media type read from the bytes (`file-type`), e.g. `image/png`; absent when the bytes match no known type. */
  mimeType?: string;
  width?: number;
  height?: number;
  durationMs?: number;
  /** Video codec as the MP4 sample entry names it, e.g. `avc1` (from `avc1.64001f`). */
  videoCodec?: string;
}
