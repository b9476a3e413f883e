const MB = 1024 * 1024;

/** How a video is cut for FILE_UPLOAD: the `source_info` numbers and each chunk's byte range. */
export interface ChunkPlan {
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
}

/**
 * Plans a FILE_UPLOAD by TikTok's chunk restrictions: a video under 5 MB (or no larger than one
 * chunk) goes whole, `chunk_size` = `video_size`; otherwise chunks of `chunkBytes` (5–64 MB),
 * `total_chunk_count` = floor(video_size / chunk_size), the final chunk taking the trailing bytes
 * (under 2 × 64 MB, within the 128 MB TikTok allows); at most 1000 chunks.
 * https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide
 *
 * @example
 * ```ts
 * planChunks(25 * 1024 * 1024, 10 * 1024 * 1024); // { videoSize: 26214400, chunkSize: 10485760, totalChunkCount: 2 }
 * ```
 */
export function planChunks(videoSize: number, chunkBytes: number): ChunkPlan {
  if (videoSize < 5 * MB || videoSize <= chunkBytes) return { videoSize, chunkSize: videoSize, totalChunkCount: 1 };
  // 1000 chunks at most: a larger chunk for a very large file (never needed below 5 GB at 5 MB).
  let chunkSize = Math.min(64 * MB, Math.max(chunkBytes, Math.ceil(videoSize / 1000)));
  // A video over 64 MB must go in several chunks: halve it when one chunk would hold it all.
  if (videoSize > 64 * MB && Math.floor(videoSize / chunkSize) < 2) chunkSize = Math.floor(videoSize / 2);
  return { videoSize, chunkSize, totalChunkCount: Math.floor(videoSize / chunkSize) };
}

/** Byte range (inclusive) of chunk `index`: `chunkSize` bytes, the final chunk to the end of the file. */
export function chunkBounds(plan: ChunkPlan, index: number): { first: number; last: number } {
  const first = index * plan.chunkSize;
  return { first, last: index === plan.totalChunkCount - 1 ? plan.videoSize - 1 : first + plan.chunkSize - 1 };
}
