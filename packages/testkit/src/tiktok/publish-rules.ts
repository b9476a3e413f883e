import { invalidParams, type TikTokError } from './tiktok-envelope.js';

const MB = 1024 * 1024;

/** The privacy levels TikTok defines. https://developers.tiktok.com/doc/content-posting-api-reference-query-creator-info @internal */
export const PRIVACY_LEVELS = ['PUBLIC_TO_EVERYONE', 'MUTUAL_FOLLOW_FRIENDS', 'FOLLOWER_OF_CREATOR', 'SELF_ONLY'] as const;

/** A FILE_UPLOAD's size and chunking, as `source_info` declares it. */
export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
}

const isWhole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value > 0;

/**
 * Checks a FILE_UPLOAD's `video_size`, `chunk_size` and `total_chunk_count` against TikTok's chunk
 * restrictions: `total_chunk_count` = floor(video_size / chunk_size); chunks of 5 MB to 64 MB (the
 * final one may hold the trailing bytes, up to 128 MB); a video under 5 MB in one chunk the size
 * of the video; a video over 64 MB in several; 1 to 1000 chunks.
 * https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide @internal
 */
export function checkChunkPlan(source: Record<string, unknown>): ChunkPlan | TikTokError {
  const { video_size: videoSize, chunk_size: chunkSize, total_chunk_count: totalChunkCount } = source;
  if (!isWhole(videoSize)) return invalidParams('source_info.video_size is required for FILE_UPLOAD and must be a positive integer');
  if (!isWhole(chunkSize)) return invalidParams('source_info.chunk_size is required for FILE_UPLOAD and must be a positive integer');
  if (!isWhole(totalChunkCount))
    return invalidParams('source_info.total_chunk_count is required for FILE_UPLOAD and must be a positive integer');
  if (videoSize < 5 * MB) {
    if (chunkSize !== videoSize || totalChunkCount !== 1) {
      return invalidParams('a video under 5 MB must be uploaded whole: chunk_size equal to video_size and total_chunk_count 1');
    }
    return { videoSize, chunkSize, totalChunkCount };
  }
  if (chunkSize < 5 * MB || chunkSize > 64 * MB) return invalidParams('chunk_size must be between 5 MB and 64 MB');
  if (chunkSize > videoSize) return invalidParams('chunk_size must not be greater than video_size');
  if (totalChunkCount !== Math.floor(videoSize / chunkSize)) {
    return invalidParams('total_chunk_count must equal video_size divided by chunk_size, rounded down');
  }
  if (totalChunkCount > 1000) return invalidParams('a video is uploaded in at most 1000 chunks');
  if (videoSize > 64 * MB && totalChunkCount < 2) return invalidParams('a video over 64 MB must be uploaded in multiple chunks');
  const finalChunk = videoSize - (totalChunkCount - 1) * chunkSize;
  if (finalChunk > 128 * MB) return invalidParams('the final chunk must not exceed 128 MB: choose a larger chunk_size');
  return { videoSize, chunkSize, totalChunkCount };
}

/** Where chunk `index` starts and ends (inclusive) under a plan: every chunk `chunkSize`, the last one holding the rest. @internal */
export function chunkRange(plan: ChunkPlan, index: number): { first: number; last: number } {
  const first = index * plan.chunkSize;
  const last = index === plan.totalChunkCount - 1 ? plan.videoSize - 1 : first + plan.chunkSize - 1;
  return { first, last };
}

/** Parses `Content-Range: bytes {FIRST_BYTE}-{LAST_BYTE}/{TOTAL_BYTE_LENGTH}`. @internal */
export function parseContentRange(header: string | undefined): { first: number; last: number; total: number } | undefined {
  const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(header?.trim() ?? '');
  if (!match) return undefined;
  const [first, last, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return first <= last && last < total ? { first, last, total } : undefined;
}

/** Length of a title in UTF-16 code units, as TikTok counts it ("UTF-16 runes"). @internal */
export const utf16Length = (text: string): number => text.length;
