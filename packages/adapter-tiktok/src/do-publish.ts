import {
  ValidationError,
  type AdapterContext,
  type AdapterMediaRef,
  type PendingPublishOutput,
  type PublishInput,
  type PublishOutput,
} from '@smm/core/adapter-kit';
import { InitSchema } from './api-schemas.js';
import { captionOf } from './caption.js';
import { planChunks } from './chunk-plan.js';
import { decidePostSettings, queryCreatorInfo, type PostSettings } from './creator-info.js';
import { mediaBodyOf } from './media-body.js';
import type { TikTokOptions } from './network-options.js';
import { pendingAnswer, type TikTokPublishHandle } from './publish-handle.js';
import { TIKTOK_BUCKETS } from './rate-limits.js';
import type { TikTokAdapterSettings } from './settings.js';
import { tiktokCall } from './tiktok-call.js';
import { uploadVideo } from './video-upload.js';

type Mode = TikTokPublishHandle['mode'];

const refused = (path: Array<string | number>, code: string, message: string) =>
  new ValidationError('draft for TikTok', [{ path, code, message }]);

/** The photo URLs TikTok will pull: URL sources as they are, others put on a verified host by `hostPhoto`. */
async function photoUrls(media: readonly AdapterMediaRef[], settings: TikTokAdapterSettings): Promise<string[]> {
  const urls: string[] = [];
  for (const [index, item] of media.entries()) {
    if (item.source.type === 'url') {
      urls.push(item.source.url);
      continue;
    }
    const body = mediaBodyOf(item);
    if (!settings.hostPhoto || !body) {
      throw refused(
        ['media', index, 'source'],
        'photo_url_required',
        'TikTok pulls photos from URLs only (PULL_FROM_URL, on a domain verified in the developer portal): give a url source, or set the adapter setting hostPhoto',
      );
    }
    urls.push(await settings.hostPhoto({ body, mimeType: item.mimeType, index }));
  }
  return urls;
}

/** `post_info` of a video direct post. https://developers.tiktok.com/doc/content-posting-api-reference-direct-post */
function videoPostInfo(caption: string, post: PostSettings, options: TikTokOptions): Record<string, unknown> {
  return {
    title: caption,
    privacy_level: post.privacyLevel,
    disable_comment: post.disableComment,
    disable_duet: post.disableDuet,
    disable_stitch: post.disableStitch,
    ...(options.videoCoverTimestampMs !== undefined ? { video_cover_timestamp_ms: options.videoCoverTimestampMs } : {}),
    ...(options.brandContentToggle !== undefined ? { brand_content_toggle: options.brandContentToggle } : {}),
    ...(options.brandOrganicToggle !== undefined ? { brand_organic_toggle: options.brandOrganicToggle } : {}),
    ...(options.isAigc !== undefined ? { is_aigc: options.isAigc } : {}),
  };
}

/**
 * Publishes a video: direct post (`POST /v2/post/publish/video/init/`) or upload to the creator's
 * inbox (`POST /v2/post/publish/inbox/video/init/`), the bytes by `FILE_UPLOAD` in sequential
 * chunks, or `PULL_FROM_URL` for a URL source (its domain verified with TikTok). The handle holds
 * the `publish_id` from the init on, before any byte goes out.
 */
async function publishVideo(
  item: AdapterMediaRef,
  handle: Omit<TikTokPublishHandle, 'publishId'>,
  postInfo: Record<string, unknown>,
  context: AdapterContext,
  settings: TikTokAdapterSettings,
): Promise<PendingPublishOutput> {
  const body = item.source.type === 'url' ? undefined : mediaBodyOf(item);
  const plan = body ? planChunks(body.sizeBytes, settings.chunkBytes) : undefined;
  const sourceInfo =
    item.source.type === 'url'
      ? { source: 'PULL_FROM_URL', video_url: item.source.url }
      : { source: 'FILE_UPLOAD', video_size: plan!.videoSize, chunk_size: plan!.chunkSize, total_chunk_count: plan!.totalChunkCount };
  const direct = handle.mode === 'DIRECT_POST';
  const path = direct ? '/v2/post/publish/video/init/' : '/v2/post/publish/inbox/video/init/';
  // Not idempotent: an init whose answer is lost is never resent. Without its upload it never publishes;
  // the retry core makes after doFindPublished found nothing starts a fresh one.
  const init = await tiktokCall(context, InitSchema, {
    path,
    json: direct ? { post_info: postInfo, source_info: sourceInfo } : { source_info: sourceInfo },
    bucket: TIKTOK_BUCKETS.init,
    idempotent: false,
  });
  const started: TikTokPublishHandle = { ...handle, publishId: init.data.publish_id, ...(plan ? { videoSize: plan.videoSize } : {}) };
  if (body && plan) {
    if (!init.data.upload_url)
      throw refused(['media', 0], 'upload_url_missing', 'TikTok answered the FILE_UPLOAD init without an upload_url: publish again');
    const complete = await uploadVideo(
      { body, plan, uploadUrl: init.data.upload_url, publishId: started.publishId, mimeType: item.mimeType },
      context,
    );
    if (!complete)
      context.logger.warn('tiktok upload: the last chunk’s answer was lost; polling the publish to learn whether it arrived', {
        publishId: started.publishId,
      });
  }
  return pendingAnswer(started, item.source.type === 'url' ? 'PROCESSING_DOWNLOAD' : 'PROCESSING_UPLOAD', settings.pollIntervalMs);
}

/** Publishes photos: `POST /v2/post/publish/content/init/` with `media_type: PHOTO`, PULL_FROM_URL only. https://developers.tiktok.com/doc/content-posting-api-reference-photo-post */
async function publishPhotos(
  urls: string[],
  caption: string,
  handle: Omit<TikTokPublishHandle, 'publishId'>,
  post: PostSettings,
  options: TikTokOptions,
  context: AdapterContext,
  settings: TikTokAdapterSettings,
): Promise<PendingPublishOutput> {
  const cover = options.photoCoverIndex ?? 0;
  if (cover >= urls.length) {
    throw refused(
      ['networkOptions', 'tiktok', 'photoCoverIndex'],
      'photo_cover_index',
      `the post has ${urls.length} photos: photoCoverIndex must be below that`,
    );
  }
  const direct = handle.mode === 'DIRECT_POST';
  const postInfo = {
    ...(options.photoTitle !== undefined ? { title: options.photoTitle } : {}),
    description: caption,
    disable_comment: post.disableComment,
    ...(direct ? { privacy_level: post.privacyLevel } : {}),
    ...(options.autoAddMusic !== undefined ? { auto_add_music: options.autoAddMusic } : {}),
    ...(options.brandContentToggle !== undefined ? { brand_content_toggle: options.brandContentToggle } : {}),
    ...(options.brandOrganicToggle !== undefined ? { brand_organic_toggle: options.brandOrganicToggle } : {}),
  };
  const init = await tiktokCall(context, InitSchema, {
    path: '/v2/post/publish/content/init/',
    json: {
      post_info: postInfo,
      source_info: { source: 'PULL_FROM_URL', photo_cover_index: cover, photo_images: urls },
      post_mode: handle.mode,
      media_type: 'PHOTO',
    },
    bucket: TIKTOK_BUCKETS.init,
    idempotent: false,
  });
  return pendingAnswer({ ...handle, publishId: init.data.publish_id }, 'PROCESSING_DOWNLOAD', settings.pollIntervalMs);
}

/**
 * Publishes a draft on TikTok: asks creator_info first (as TikTok requires before every post)
 * and checks the draft against it (privacy level offered, video no longer than the creator's
 * maximum; an unaudited app posts SELF_ONLY, with a warning), then starts a video or photo post
 * and answers pending: TikTok processes and moderates the post, and `doGetPublishStatus` polls it.
 * Photo posts need URLs TikTok can pull (or the `hostPhoto` setting). @internal
 */
export async function doPublish(
  input: PublishInput<TikTokOptions>,
  context: AdapterContext,
  settings: TikTokAdapterSettings,
): Promise<PublishOutput | PendingPublishOutput> {
  const { draft } = input;
  const options = input.networkOptions ?? {};
  const media = draft.media;
  if (media.length === 0)
    throw refused(['media'], 'media_required', 'TikTok posts need a video or photos: attach one video or 1–35 photos');
  const kind: 'video' | 'photo' = media[0]!.kind === 'video' ? 'video' : 'photo';
  if (kind === 'video' && media.length > 1) throw refused(['media'], 'too_many_media', 'a TikTok video post carries exactly one video');
  // Resolve photo URLs first: a photo TikTok cannot pull is refused before anything is created.
  const urls = kind === 'photo' ? await photoUrls(media, settings) : [];
  const creator = await queryCreatorInfo(context);
  const post = decidePostSettings(creator, draft, options, settings.audited);
  if (post.warning) context.logger.warn(`tiktok: ${post.warning}`, { account: context.account.id });
  const mode: Mode = options.postMode ?? settings.postMode;
  const caption = captionOf(draft);
  const handle = {
    v: 1 as const,
    kind,
    mode,
    privacyLevel: post.privacyLevel,
    username: creator.username,
    since: new Date(context.clock.now()).toISOString(),
    ...(post.warning ? { warning: post.warning } : {}),
  };
  if (kind === 'photo') return publishPhotos(urls, caption, handle, post, options, context, settings);
  return publishVideo(media[0]!, handle, videoPostInfo(caption, post, options), context, settings);
}
