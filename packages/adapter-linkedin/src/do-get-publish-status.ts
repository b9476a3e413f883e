import { ApiCallError, type AdapterContext, type PublishAnswer, type PublishStatusInput } from '@smm/core/adapter-kit';
import { MediaStatusSchema } from './api-schemas.js';
import { parsePendingHandle, pendingAnswer } from './pending-handle.js';
import { createPost, findPostByCommentary } from './posts.js';
import { restGet } from './rest-request.js';
import { encodeUrn } from './urns.js';

/**
 * A video's or document's status: `GET /rest/videos/{urn}` / `GET /rest/documents/{urn}`
 * (WAITING_UPLOAD, PROCESSING, AVAILABLE, PROCESSING_FAILED).
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/videos-api
 * https://learn.microsoft.com/en-us/linkedin/marketing/community-management/shares/documents-api
 */
async function mediaStatus(context: AdapterContext, item: { urn: string; kind: 'video' | 'document' }): Promise<string> {
  const path = `/rest/${item.kind === 'video' ? 'videos' : 'documents'}/${encodeUrn(item.urn)}`;
  return (await restGet(context, MediaStatusSchema, `GET /rest/${item.kind}s/{urn}`, { path })).status;
}

/**
 * One look at a pending publish: asks for each video or document still processing and, once
 * all are AVAILABLE, makes the post, unless an earlier look made it already (found among the
 * author's posts by its commentary), so it is safe to repeat. A file LinkedIn failed to process
 * ends the publish with a non-retryable `ApiCallError`. @internal
 */
export async function doGetPublishStatus(input: PublishStatusInput, context: AdapterContext): Promise<PublishAnswer> {
  const handle = parsePendingHandle(input.handle);
  const total = handle.processing.length;
  const processing = [];
  for (const item of handle.processing) {
    const status = await mediaStatus(context, item);
    if (status === 'PROCESSING_FAILED') {
      throw new ApiCallError(
        `LinkedIn could not process the ${item.kind} ${item.urn} (PROCESSING_FAILED): check the file and publish again`,
        {
          platform: 'linkedin',
          status: 422,
          isRetryable: false,
        },
      );
    }
    if (status !== 'AVAILABLE') processing.push(item);
  }
  if (processing.length > 0) return pendingAnswer({ ...handle, processing }, total);
  const author = handle.body.author as string;
  const existing = await findPostByCommentary(context, author, handle.body.commentary as string, handle.sinceMs);
  return existing ?? createPost(handle.body, context);
}
