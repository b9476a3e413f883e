import type { AdapterContext } from '@smm/core/adapter-kit';
import { listRecentVideos } from './display-api.js';

/**
 * The exact id of a finished post. Status fetch gives `publicaly_available_post_id` as JSON
 * int64 numbers; TikTok video ids (19 digits) are beyond 2^53, so JSON parsing rounds them. A
 * rounded id is matched against the string ids of the creator's recent videos (Display API video
 * list, since the publish began); null while the video is not listed yet. @internal
 */
export async function exactPostId(
  value: number | string,
  context: AdapterContext,
  sinceMs: number,
  maxPages: number,
): Promise<string | null> {
  if (typeof value === 'string') return value;
  if (Number.isSafeInteger(value)) return String(value);
  const videos = await listRecentVideos(context, sinceMs, maxPages);
  return videos.find((video) => Number(video.id) === value)?.id ?? null;
}
