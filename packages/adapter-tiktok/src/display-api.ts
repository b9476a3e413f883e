import type { AdapterContext } from '@smm/core/adapter-kit';
import { VideoPageSchema, type TikTokVideo } from './api-schemas.js';
import { TIKTOK_BUCKETS } from './rate-limits.js';
import { tiktokCall } from './tiktok-call.js';

/** The Video Object fields the adapter asks for. https://developers.tiktok.com/doc/tiktok-api-v2-video-object @internal */
export const VIDEO_FIELDS = 'id,create_time,share_url,title,video_description,view_count,like_count,comment_count,share_count';

/**
 * The creator's public videos, newest first, published at or after `sinceMs`: `POST /v2/video/list/`
 * pages of 20 (the most it allows), `cursor` = `create_time` in ms, up to `maxPages`.
 * https://developers.tiktok.com/doc/tiktok-api-v2-video-list @internal
 */
export async function listRecentVideos(context: AdapterContext, sinceMs: number, maxPages: number): Promise<TikTokVideo[]> {
  const videos: TikTokVideo[] = [];
  let cursor: number | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await tiktokCall(context, VideoPageSchema, {
      path: '/v2/video/list/',
      searchParams: { fields: VIDEO_FIELDS },
      json: { max_count: 20, ...(cursor !== undefined ? { cursor } : {}) },
      bucket: TIKTOK_BUCKETS.read,
      idempotent: true,
    });
    const { videos: batch, has_more: more, cursor: next } = answer.data;
    videos.push(...batch.filter((video) => video.create_time * 1000 >= sinceMs - 999));
    const oldest = batch.at(-1)?.create_time;
    if (!more || next === undefined || batch.length === 0 || (oldest !== undefined && oldest * 1000 < sinceMs)) break;
    cursor = next;
  }
  return videos;
}

/** One of the creator's videos by id (`POST /v2/video/query/`), or null. https://developers.tiktok.com/doc/tiktok-api-v2-video-query @internal */
export async function queryVideo(context: AdapterContext, id: string): Promise<TikTokVideo | null> {
  const answer = await tiktokCall(context, VideoPageSchema, {
    path: '/v2/video/query/',
    searchParams: { fields: VIDEO_FIELDS },
    json: { filters: { video_ids: [id] } },
    bucket: TIKTOK_BUCKETS.read,
    idempotent: true,
  });
  return answer.data.videos.find((video) => video.id === id) ?? null;
}

/** A video's caption: its title, else its description. @internal */
export const videoCaption = (video: TikTokVideo): string => video.title || video.video_description || '';
