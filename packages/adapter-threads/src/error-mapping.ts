import type { AdapterErrorMapping, AdapterErrorResponse } from '@smm/core/adapter-kit';
import { mapGraphError } from '@smm/meta-graph';

/**
 * Threads' link rule, refused at container creation: "posts containing more than 5 links will
 * fail … with the error code THREADS_API__LINK_LIMIT_EXCEEDED"
 * (https://developers.facebook.com/documentation/threads/create-posts/text-attachments).
 */
export const LINK_LIMIT_CODE = 'THREADS_API__LINK_LIMIT_EXCEEDED';

/**
 * Maps a Threads error answer: the Graph error object through the kit's `mapGraphError` (codes,
 * throttling with regain time, expired tokens, permissions, transient errors), plus Threads' own
 * link-limit refusal, which created nothing.
 * @internal
 */
export function mapThreadsError(response: AdapterErrorResponse): AdapterErrorMapping {
  const mapping = mapGraphError(response) ?? {};
  const text = JSON.stringify(response.body ?? '');
  if (text.includes(LINK_LIMIT_CODE)) {
    return { ...mapping, notActedOn: true, retryable: false, message: 'Threads refuses posts with more than 5 links: remove some' };
  }
  return mapping;
}
