// Response shapes from the AT Protocol lexicons, read leniently: unknown fields pass, and only
// what the adapter uses is required. A body that misses them becomes an ApiCallError.
import { z } from 'zod';

/** `com.atproto.repo.strongRef`: a record's URI and the CID of the version meant. */
export const StrongRefSchema = z.object({ uri: z.string().startsWith('at://'), cid: z.string().min(1) });
/** A strong reference to a record. */
export interface StrongRef extends z.infer<typeof StrongRefSchema> {}

/** `com.atproto.server.createSession` / `refreshSession` output. */
export const SessionSchema = z.object({
  did: z.string().startsWith('did:'),
  handle: z.string().optional(),
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
});

/** `com.atproto.repo.uploadBlob` output: the blob reference to put into a record. */
export const UploadedBlobSchema = z.object({
  blob: z.object({ $type: z.literal('blob'), ref: z.object({ $link: z.string().min(1) }), mimeType: z.string(), size: z.number() }).loose(),
});

/** The blob reference a record embeds. */
export type BlobRef = z.infer<typeof UploadedBlobSchema>['blob'];

/** `com.atproto.identity.resolveHandle` output. */
export const ResolvedHandleSchema = z.object({ did: z.string().startsWith('did:') });

const ReplyRefSchema = z.object({ root: StrongRefSchema, parent: StrongRefSchema });

/** The parts of an `app.bsky.feed.post` record the adapter reads back. */
export const PostRecordSchema = z
  .object({
    text: z.string(),
    createdAt: z.string(),
    langs: z.array(z.string()).optional(),
    reply: ReplyRefSchema.optional(),
    embed: z
      .object({
        $type: z.string().optional(),
        images: z.array(z.unknown()).optional(),
        video: z.unknown().optional(),
        media: z
          .object({ images: z.array(z.unknown()).optional(), video: z.unknown().optional() })
          .loose()
          .optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** An `app.bsky.feed.post` record as read back. */
export interface PostRecord extends z.infer<typeof PostRecordSchema> {}

/** `com.atproto.repo.getRecord` output. */
export const RecordOutputSchema = z.object({ uri: z.string(), cid: z.string().min(1), value: PostRecordSchema });

/** `com.atproto.repo.listRecords` output (records of any shape: only their URIs are relied on). */
export const ListRecordsOutputSchema = z.object({
  cursor: z.string().optional(),
  records: z.array(z.object({ uri: z.string(), cid: z.string().min(1), value: z.record(z.string(), z.unknown()) })),
});

const count = z.number().int().nonnegative().optional();

/** `app.bsky.feed.defs#postView`, with the counts the AppView reports. */
export const PostViewSchema = z
  .object({
    uri: z.string(),
    cid: z.string(),
    author: z.object({ did: z.string(), handle: z.string() }).loose(),
    record: PostRecordSchema,
    indexedAt: z.string(),
    likeCount: count,
    repostCount: count,
    replyCount: count,
    quoteCount: count,
    bookmarkCount: count,
  })
  .loose();

/** A post as the AppView shows it. */
export interface PostView extends z.infer<typeof PostViewSchema> {}

/** `app.bsky.feed.getPosts` output. */
export const GetPostsOutputSchema = z.object({ posts: z.array(PostViewSchema) });

/** `app.bsky.notification.listNotifications#notification` (the fields mentions need). */
export const NotificationSchema = z
  .object({
    uri: z.string(),
    cid: z.string(),
    author: z.object({ did: z.string(), handle: z.string(), displayName: z.string().optional() }).loose(),
    reason: z.string(),
    reasonSubject: z.string().optional(),
    record: z.record(z.string(), z.unknown()),
    indexedAt: z.string(),
  })
  .loose();

/** One notification. */
export interface Notification extends z.infer<typeof NotificationSchema> {}

/** `app.bsky.notification.listNotifications` output. */
export const ListNotificationsOutputSchema = z.object({ notifications: z.array(NotificationSchema), cursor: z.string().optional() });

/** `app.bsky.actor.defs#profileViewDetailed` (the counts). */
export const ProfileSchema = z
  .object({ did: z.string(), handle: z.string(), followersCount: count, followsCount: count, postsCount: count })
  .loose();
