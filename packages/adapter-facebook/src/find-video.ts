import { ApiCallError, type AdapterContext, type PublishOutput } from '@smm/core/adapter-kit';
import { graphPages, graphPath } from '@smm/meta-graph';
import { z } from 'zod';
import { VideoStatusSchema } from './api-schemas.js';
import { graphTimeMs, postUrl } from './find-post.js';

const PageVideoSchema = VideoStatusSchema.extend({ description: z.string().optional(), created_time: z.string().optional() });

/**
 * Looks for the video an earlier attempt uploaded from this draft among the Page's videos
 * (`GET /{page-id}/videos?fields=description,created_time,status,post_id`,
 * https://developers.facebook.com/docs/graph-api/reference/page/videos/#Reading), by description and
 * time. Processed and posted: that post. Still processing: nobody can tell yet whether it becomes
 * the post, so this throws a retryable error instead of letting a retry upload it again. Failed,
 * or none: undefined.
 *
 * @throws ApiCallError (retryable) while Facebook is still processing the earlier upload.
 * @internal
 */
export async function findVideoPost(
  description: string,
  since: string | undefined,
  context: AdapterContext,
  config: { apiVersion: string; lookupMaxPages: number },
): Promise<PublishOutput | undefined> {
  const sinceMs = since === undefined ? undefined : Date.parse(since);
  const pages = graphPages(
    context.http,
    {
      path: graphPath(config.apiVersion, `${context.account.id}/videos`),
      searchParams: { fields: 'id,description,created_time,status,post_id', limit: 100 },
      signal: context.signal,
    },
    PageVideoSchema,
    { maxPages: config.lookupMaxPages, platform: 'facebook', what: 'GET /{page-id}/videos' },
  );
  for await (const page of pages) {
    for (const video of page.items) {
      const created = video.created_time ? graphTimeMs(video.created_time) : undefined;
      if (sinceMs !== undefined && created !== undefined && created < sinceMs) return undefined;
      if ((video.description ?? '') !== description) continue;
      const status = video.status?.video_status;
      if (status === 'error' || video.status?.processing_phase?.status === 'error') continue;
      if (video.post_id) return { parts: [{ id: video.post_id, url: postUrl(video.post_id) }] };
      throw new ApiCallError(
        `Facebook is still processing video ${video.id}, which an earlier attempt of this publish uploaded: look again once it is processed instead of uploading it again`,
        { status: 200, platform: 'facebook', isRetryable: true },
      );
    }
  }
  return undefined;
}
