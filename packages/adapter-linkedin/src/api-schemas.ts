import { z } from 'zod';

// Shapes read leniently (.loose()): LinkedIn adds fields with new versions.

/** Rest.li paging: offset `start`, page size `count`, `total` when known. */
export const PagingSchema = z.object({ start: z.number(), count: z.number(), total: z.number().optional() }).loose();

/** A post as `GET /rest/posts/{urn}` and the author finder return it (Posts API). */
export const PostSchema = z
  .object({
    id: z.string(),
    author: z.string(),
    commentary: z.string().default(''),
    createdAt: z.number().optional(),
    publishedAt: z.number().optional(),
    lifecycleState: z.string().optional(),
    content: z
      .object({
        media: z.object({ id: z.string() }).loose().optional(),
        multiImage: z
          .object({ images: z.array(z.object({ id: z.string() }).loose()) })
          .loose()
          .optional(),
        article: z.object({ source: z.string() }).loose().optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

/** A page of posts. */
export const PostsPageSchema = z.object({ elements: z.array(PostSchema), paging: PagingSchema.optional() }).loose();

/** `POST /rest/images?action=initializeUpload` and `/rest/documents?action=initializeUpload` answers. */
export const ImageInitSchema = z.object({ value: z.object({ uploadUrl: z.string(), image: z.string() }).loose() });
export const DocumentInitSchema = z.object({ value: z.object({ uploadUrl: z.string(), document: z.string() }).loose() });

/** `POST /rest/videos?action=initializeUpload`: the parts to PUT, by byte range. */
export const VideoInitSchema = z.object({
  value: z
    .object({
      video: z.string(),
      uploadToken: z.string().default(''),
      uploadInstructions: z.array(z.object({ uploadUrl: z.string(), firstByte: z.number(), lastByte: z.number() }).loose()).min(1),
    })
    .loose(),
});

/** A video, image or document's processing state. */
export const MediaStatusSchema = z.object({ id: z.string().optional(), status: z.string() }).loose();

/** A comment (socialActions/{urn}/comments). */
export const CommentSchema = z
  .object({
    id: z.string(),
    commentUrn: z.string().optional(),
    $URN: z.string().optional(),
    actor: z.string(),
    object: z.string().optional(),
    message: z.object({ text: z.string() }).loose(),
    created: z.object({ time: z.number() }).loose(),
    parentComment: z.string().optional(),
  })
  .loose();

/** A page of comments. */
export const CommentsPageSchema = z.object({ elements: z.array(CommentSchema), paging: PagingSchema.optional() }).loose();

/** `organizationalEntityShareStatistics`: one element per share asked for. */
export const ShareStatisticsSchema = z
  .object({
    elements: z.array(
      z
        .object({
          share: z.string().optional(),
          ugcPost: z.string().optional(),
          totalShareStatistics: z.record(z.string(), z.number()),
        })
        .loose(),
    ),
  })
  .loose();

/** `networkSizes/{urn}`: followers of an organisation. */
export const NetworkSizeSchema = z.object({ firstDegreeSize: z.number() }).loose();

/** `organizationAcls?q=roleAssignee`. */
export const OrganizationAclsSchema = z
  .object({ elements: z.array(z.object({ organization: z.string(), role: z.string(), state: z.string() }).loose()) })
  .loose();

/** OpenID Connect `userinfo`. */
export const UserInfoSchema = z.object({ sub: z.string(), name: z.string().optional() }).loose();
