import { fileTypeFromBuffer } from 'file-type';
import { imageSize } from 'image-size';
import { createFile, MP4BoxBuffer, type Movie } from 'mp4box';
import type { MediaBody } from './media-body.js';

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

/** Bytes read from the head of a file for its type and image dimensions. */
export const PROBE_HEAD_BYTES = 512 * 1024;
/** Largest `moov` box read to learn a video's duration and codec (the sample tables of a very long video). */
const MAX_MOOV_BYTES = 32 * 1024 * 1024;
const MP4_TYPES = new Set(['video/mp4', 'video/quicktime', 'video/x-m4v', 'audio/mp4', 'audio/x-m4a']);

/** Reads `length` bytes at `offset` of a re-readable body, stopping the read there. */
async function readAt(body: MediaBody, offset: number, length: number): Promise<Uint8Array> {
  const out = new Uint8Array(Math.min(length, body.sizeBytes - offset));
  let at = 0;
  for await (const piece of body.stream(offset)) {
    const take = Math.min(piece.length, out.length - at);
    out.set(piece.subarray(0, take), at);
    at += take;
    if (at >= out.length) break; // leaving the loop ends the read (the stream's return() closes it)
  }
  return out.subarray(0, at);
}

function boxAt(bytes: Uint8Array, at: number): { type: string; size: number; header: number } | undefined {
  if (at + 8 > bytes.length) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset + at);
  let size = view.getUint32(0);
  const type = String.fromCharCode(bytes[at + 4]!, bytes[at + 5]!, bytes[at + 6]!, bytes[at + 7]!);
  let header = 8;
  if (size === 1) {
    if (at + 16 > bytes.length) return undefined;
    size = Number(view.getBigUint64(8));
    header = 16;
  }
  return { type, size, header };
}

/**
 * Finds the `ftyp` and `moov` boxes: walks top-level box headers, skipping `mdat` without
 * reading it (a new read from the next box's offset), so only the boxes needed are read.
 * A one-shot stream can only be walked within its head.
 */
async function readMp4Boxes(body: MediaBody, head: Uint8Array): Promise<Uint8Array[] | undefined> {
  const found: Uint8Array[] = [];
  let offset = 0;
  while (offset < body.sizeBytes) {
    const inHead = offset + 16 <= head.length;
    const header = inHead ? head.subarray(offset, offset + 16) : body.rereadable ? await readAt(body, offset, 16) : undefined;
    if (!header) return undefined;
    const box = boxAt(header, 0);
    if (!box || box.size < box.header) return undefined;
    const size = box.size === 0 ? body.sizeBytes - offset : box.size;
    if (box.type === 'ftyp' || box.type === 'moov') {
      if (size > MAX_MOOV_BYTES) return undefined;
      const bytes =
        offset + size <= head.length
          ? head.subarray(offset, offset + size)
          : body.rereadable
            ? await readAt(body, offset, size)
            : undefined;
      if (!bytes) return undefined;
      found.push(bytes);
      if (box.type === 'moov') return found;
    }
    offset += size;
  }
  return undefined;
}

function parseMovie(boxes: Uint8Array[]): Movie | undefined {
  const file = createFile();
  let movie: Movie | undefined;
  file.onReady = (info) => {
    movie = info;
  };
  let at = 0;
  for (const box of boxes) {
    // mp4box takes ArrayBuffers tagged with their position; boxes are given back to back.
    const copy = box.slice().buffer;
    file.appendBuffer(MP4BoxBuffer.fromArrayBuffer(copy, at));
    at += box.length;
  }
  file.flush();
  return movie;
}

/**
 * Reads what a file is from its bytes without reading it whole: the type from its first bytes
 * (`file-type`), image dimensions (`image-size`), and for MP4/MOV the duration, codec and
 * dimensions from the `moov` box (`mp4box`), skipping the media data.
 *
 * @example
 * ```ts
 * const probe = await probeMedia(await openMediaBody({ type: 'file', path: 'clip.mp4' }, { mimeType: 'video/mp4' }));
 * // { sizeBytes: 7340032, mimeType: 'video/mp4', width: 1280, height: 720, durationMs: 12000, videoCodec: 'avc1' }
 * ```
 */
export async function probeMedia(body: MediaBody): Promise<MediaProbe> {
  const probe: MediaProbe = { sizeBytes: body.sizeBytes };
  const head = await body.head(PROBE_HEAD_BYTES);
  const type = await fileTypeFromBuffer(head);
  if (type) probe.mimeType = type.mime;
  if (type?.mime.startsWith('image/')) {
    try {
      const size = imageSize(head);
      const turned = size.orientation !== undefined && size.orientation >= 5; // EXIF 5–8: shown rotated a quarter turn
      probe.width = turned ? size.height : size.width;
      probe.height = turned ? size.width : size.height;
    } catch {
      // A type image-size does not read, or dimensions beyond the head: leave them unknown.
    }
  } else if (type && MP4_TYPES.has(type.mime)) {
    const boxes = await readMp4Boxes(body, head);
    const movie = boxes && parseMovie(boxes);
    if (movie) {
      if (movie.timescale > 0) probe.durationMs = Math.round((movie.duration / movie.timescale) * 1000);
      const video = movie.videoTracks[0];
      if (video) {
        probe.width = video.video?.width ?? video.track_width;
        probe.height = video.video?.height ?? video.track_height;
        probe.videoCodec = video.codec.split('.')[0]!;
      }
    }
  }
  return probe;
}
