import { z } from 'zod';

// Response shapes, as far as the adapter reads them (https://developers.google.com/youtube/v3/docs).
// Counts travel as strings (unsigned long); Google may leave out what it does not know.

const count = z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]).transform(Number);

/** A video resource (parts snippet, status, processingDetails, statistics as asked). @internal */
export const VideoSchema = z
  .object({
    id: z.string().min(1),
    snippet: z
      .object({
        publishedAt: z.string().optional(),
        channelId: z.string().optional(),
        title: z.string().optional(),
        description: z.string().optional(),
        tags: z.array(z.string()).optional(),
      })
      .loose()
      .optional(),
    status: z
      .object({
        uploadStatus: z.string().optional(),
        failureReason: z.string().optional(),
        rejectionReason: z.string().optional(),
        privacyStatus: z.string().optional(),
        publishAt: z.string().optional(),
      })
      .loose()
      .optional(),
    processingDetails: z
      .object({
        processingStatus: z.string().optional(),
        processingFailureReason: z.string().optional(),
        processingProgress: z
          .object({ partsTotal: count.optional(), partsProcessed: count.optional(), timeLeftMs: count.optional() })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
    statistics: z.object({ viewCount: count.optional(), likeCount: count.optional(), commentCount: count.optional() }).loose().optional(),
  })
  .loose();

/** One video. @internal */
export type Video = z.infer<typeof VideoSchema>;

/** videos.list's answer. @internal */
export const VideoListSchema = z.object({ items: z.array(VideoSchema).default([]) }).loose();

/** A comment's snippet. @internal */
export const CommentSchema = z
  .object({
    id: z.string().min(1),
    snippet: z
      .object({
        videoId: z.string().optional(),
        parentId: z.string().optional(),
        textOriginal: z.string().optional(),
        textDisplay: z.string().optional(),
        authorDisplayName: z.string().optional(),
        authorChannelUrl: z.string().optional(),
        authorChannelId: z.object({ value: z.string() }).loose().optional(),
        publishedAt: z.string(),
      })
      .loose(),
  })
  .loose();

/** A comment. @internal */
export type Comment = z.infer<typeof CommentSchema>;

/** comments.list's answer. @internal */
export const CommentListSchema = z.object({ items: z.array(CommentSchema).default([]), nextPageToken: z.string().optional() }).loose();

/** A comment thread (part snippet). @internal */
export const CommentThreadSchema = z
  .object({
    id: z.string().min(1),
    snippet: z.object({ videoId: z.string().optional(), topLevelComment: CommentSchema }).loose(),
  })
  .loose();

/** commentThreads.list's answer. @internal */
export const CommentThreadListSchema = z
  .object({ items: z.array(CommentThreadSchema).default([]), nextPageToken: z.string().optional() })
  .loose();

/** A channel (parts snippet, contentDetails, statistics as asked). @internal */
export const ChannelSchema = z
  .object({
    id: z.string().min(1),
    snippet: z.object({ title: z.string().optional(), customUrl: z.string().optional() }).loose().optional(),
    contentDetails: z
      .object({ relatedPlaylists: z.object({ uploads: z.string().optional() }).loose() })
      .loose()
      .optional(),
    statistics: z
      .object({
        viewCount: count.optional(),
        subscriberCount: count.optional(),
        hiddenSubscriberCount: z.boolean().optional(),
        videoCount: count.optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** channels.list's answer. @internal */
export const ChannelListSchema = z.object({ items: z.array(ChannelSchema).default([]) }).loose();

/** playlistItems.list's answer (part contentDetails). @internal */
export const PlaylistItemListSchema = z
  .object({
    items: z
      .array(z.object({ contentDetails: z.object({ videoId: z.string(), videoPublishedAt: z.string().optional() }).loose() }).loose())
      .default([]),
    nextPageToken: z.string().optional(),
  })
  .loose();

/** Where a video is watched. @internal */
export const watchUrl = (videoId: string) => `https://www.youtube.com/watch?v=${encodeURIComponent(videoId)}`;

/** Video ids are 11 characters of [A-Za-z0-9_-]; comment ids are longer. @internal */
export const isVideoId = (id: string) => /^[A-Za-z0-9_-]{11}$/.test(id);
