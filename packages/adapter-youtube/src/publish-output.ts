import { ApiCallError, type AdapterContext, type PendingPublishOutput, type PublishOutput } from '@smm/core/adapter-kit';
import { watchUrl, type Video } from './api-schemas.js';

/** What a pending YouTube publish is resumed from: the video id (plain JSON, no secret). @internal */
export interface YouTubePendingHandle {
  [key: string]: string | boolean;
  videoId: string;
  /** The privacy the publish asked for, to warn when YouTube locked the video private. */
  requestedPrivacy: string;
  /** Set for a scheduled publish: the ISO instant YouTube makes it public. */
  publishAt: string;
}

/** The handle of a video YouTube is processing. @internal */
export function pendingHandle(videoId: string, requestedPrivacy: string, publishAt: string | undefined): YouTubePendingHandle {
  return { videoId, requestedPrivacy, publishAt: publishAt ?? '' };
}

/**
 * A video's state as a publish answer: the post once processed; pending while `uploadStatus` is
 * `uploaded` (processing, with its progress); an ApiCallError that is not retryable once
 * YouTube gave up (`failed`, `rejected`, `deleted`). A video locked private (an unverified
 * API project) comes back with `extra.lockedPrivate`, a `visibility_forced_private` warning the
 * app sees in the publish result, and a logged warning. @internal
 */
export function publishAnswer(video: Video, handle: YouTubePendingHandle, context: AdapterContext): PublishOutput | PendingPublishOutput {
  const upload = video.status?.uploadStatus;
  if (upload === 'failed' || upload === 'rejected' || upload === 'deleted') {
    const reason =
      video.status?.failureReason ?? video.status?.rejectionReason ?? video.processingDetails?.processingFailureReason ?? 'unknown';
    throw new ApiCallError(
      `YouTube ${upload === 'failed' ? 'could not process' : upload === 'rejected' ? 'rejected' : 'deleted'} video ${video.id} (${reason}): upload another file`,
      {
        platform: 'youtube',
        status: 422,
        platformCode: reason,
        isRetryable: false,
      },
    );
  }
  if (upload !== 'processed') {
    const progress = video.processingDetails?.processingProgress;
    const percent =
      progress?.partsTotal && progress.partsProcessed !== undefined
        ? Math.min(100, Math.round((progress.partsProcessed / progress.partsTotal) * 100))
        : undefined;
    return {
      pending: handle,
      ...(progress?.timeLeftMs !== undefined ? { pollAfterMs: Math.max(1_000, Math.min(progress.timeLeftMs, 60_000)) } : {}),
      progress: { stage: video.processingDetails?.processingStatus ?? upload ?? 'uploaded', ...(percent !== undefined ? { percent } : {}) },
    };
  }
  const privacy = video.status?.privacyStatus ?? handle.requestedPrivacy;
  const locked = privacy === 'private' && handle.requestedPrivacy !== 'private';
  if (locked) {
    context.logger.warn(
      "youtube locked the video private: videos uploaded by an unverified API project stay private until the project passes Google's audit",
      {
        videoId: video.id,
      },
    );
  }
  return {
    parts: [
      {
        id: video.id,
        url: watchUrl(video.id),
        extra: {
          privacyStatus: privacy,
          ...(locked ? { lockedPrivate: 'true' } : {}),
          ...(handle.publishAt ? { scheduled: 'true', publishAt: handle.publishAt } : {}),
        },
      },
    ],
    ...(locked
      ? {
          warnings: [
            {
              code: 'visibility_forced_private',
              message: `YouTube keeps video ${video.id} private although ${handle.requestedPrivacy} was asked for: videos uploaded by an unverified API project stay private until the project passes Google's API audit`,
            },
          ],
        }
      : {}),
    ...(handle.publishAt
      ? { publishedAt: handle.publishAt }
      : video.snippet?.publishedAt
        ? { publishedAt: video.snippet.publishedAt }
        : {}),
  };
}
