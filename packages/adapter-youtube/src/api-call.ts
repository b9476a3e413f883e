import { parseApiResponse, type AdapterContext } from '@smm/core/adapter-kit';
import type { z } from 'zod';
import { spend, type YouTubeMethod } from './quota.js';

/** The path of each Data API method the adapter calls (https://developers.google.com/youtube/v3/docs). */
const PATHS: Record<YouTubeMethod, { method: 'GET' | 'POST' | 'DELETE'; path: string }> = {
  'videos.list': { method: 'GET', path: '/youtube/v3/videos' },
  'videos.insert': { method: 'POST', path: '/upload/youtube/v3/videos' },
  'videos.delete': { method: 'DELETE', path: '/youtube/v3/videos' },
  'thumbnails.set': { method: 'POST', path: '/upload/youtube/v3/thumbnails/set' },
  'commentThreads.list': { method: 'GET', path: '/youtube/v3/commentThreads' },
  'commentThreads.insert': { method: 'POST', path: '/youtube/v3/commentThreads' },
  'comments.list': { method: 'GET', path: '/youtube/v3/comments' },
  'comments.insert': { method: 'POST', path: '/youtube/v3/comments' },
  'channels.list': { method: 'GET', path: '/youtube/v3/channels' },
  'playlistItems.list': { method: 'GET', path: '/youtube/v3/playlistItems' },
};

/**
 * Calls one Data API method, after checking the day's quota can pay for it (a
 * `YouTubeQuotaError` without sending anything when it cannot), spending its units from the
 * right bucket, and parses the answer with `schema`. @internal
 */
export async function callYouTube<S extends z.ZodType>(
  context: AdapterContext,
  method: YouTubeMethod,
  request: { searchParams: Record<string, string | number | undefined>; json?: unknown },
  schema: S,
): Promise<z.output<S>> {
  const { bucket, cost } = spend(method, context);
  const { method: verb, path } = PATHS[method];
  const response = await context.http.request({
    method: verb,
    path,
    searchParams: request.searchParams,
    ...(request.json === undefined ? {} : { json: request.json }),
    bucket,
    cost,
    signal: context.signal,
  });
  return parseApiResponse(schema, response, 'youtube', `${verb} ${method}`);
}
