import { ApiCallError, parseApiResponse, type AdapterHttpClient, type PublishProgress } from '@smm/core/adapter-kit';
import { z } from 'zod';
import { graphPath } from './api-version.js';

/** A media container's state (Instagram `status_code`, Threads `status`). */
export type ContainerStatus = 'IN_PROGRESS' | 'FINISHED' | 'ERROR' | 'EXPIRED' | 'PUBLISHED';

/** What {@link readContainerStatus} answers. */
export interface ContainerState {
  status: ContainerStatus;
  /** Meta's reason when `status` is `ERROR` (Instagram `status`, Threads `error_message`). */
  errorMessage?: string;
}

/** Which container API: Instagram (`status_code`, `status`) or Threads (`status`, `error_message`). */
export type ContainerNetwork = 'instagram' | 'threads';

/**
 * The fields each network's container answers with:
 * - Instagram: `status_code` (EXPIRED, ERROR, FINISHED, IN_PROGRESS, PUBLISHED) and `status` (the
 *   reason of an error), https://developers.facebook.com/docs/instagram-platform/reference/ig-container
 * - Threads: `status` (same values) and `error_message` (FAILED_DOWNLOADING_VIDEO,
 *   FAILED_PROCESSING_VIDEO, INVALID_DURATION, …),
 *   https://developers.facebook.com/docs/threads/troubleshooting ("Publishing Does Not Return a Media ID")
 */
export const CONTAINER_FIELDS: Readonly<Record<ContainerNetwork, string>> = {
  instagram: 'status_code,status',
  threads: 'status,error_message',
};

const StatusSchema = z.enum(['IN_PROGRESS', 'FINISHED', 'ERROR', 'EXPIRED', 'PUBLISHED']);
const InstagramContainerSchema = z.object({ status_code: StatusSchema, status: z.string().optional() });
const ThreadsContainerSchema = z.object({ status: StatusSchema, error_message: z.string().optional() });

/**
 * Reads a container's status: `GET /<version>/<container-id>?fields=…` with the network's field
 * names ({@link CONTAINER_FIELDS}).
 *
 * @example
 * ```ts
 * const state = await readContainerStatus(http, { network: 'instagram', containerId: '17889615691921648', version: 'v26.0' });
 * // { status: 'FINISHED' }
 * ```
 */
export async function readContainerStatus(
  http: AdapterHttpClient,
  input: { network: ContainerNetwork; containerId: string; version: string; bucket?: string; signal?: AbortSignal },
): Promise<ContainerState> {
  const response = await http.request({
    path: graphPath(input.version, encodeURIComponent(input.containerId)),
    searchParams: { fields: CONTAINER_FIELDS[input.network] },
    ...(input.bucket ? { bucket: input.bucket } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  const what = `GET /{container-id}?fields=${CONTAINER_FIELDS[input.network]}`;
  if (input.network === 'instagram') {
    const body = parseApiResponse(InstagramContainerSchema, response, input.network, what);
    return body.status_code === 'ERROR' && body.status ? { status: 'ERROR', errorMessage: body.status } : { status: body.status_code };
  }
  const body = parseApiResponse(ThreadsContainerSchema, response, input.network, what);
  return body.error_message ? { status: body.status, errorMessage: body.error_message } : { status: body.status };
}

/**
 * How long to wait between two status reads of a container: Meta recommends "querying a
 * container's status once per minute, for no more than 5 minutes"
 * (https://developers.facebook.com/docs/threads/troubleshooting). The 5 minutes are the
 * adapter's `pendingPublish.maxWaitMs` to choose (a long video may take longer).
 */
export const CONTAINER_POLL_AFTER_MS = 60_000;

/** What a container's state means for a pending publish. */
export type ContainerProgress =
  /** Still processing: answer `{ pending, progress, pollAfterMs }` and let core poll again. */
  | { kind: 'processing'; progress: PublishProgress; pollAfterMs: number }
  /** Ready: publish it now (`publishContainer`). */
  | { kind: 'ready' }
  /** Already published (an earlier publish call went through, its answer may have been lost): find the post. */
  | { kind: 'published' };

/**
 * Turns a container's state into what `doGetPublishStatus` does next, or throws the typed
 * failure: `ERROR` → a permanent `ApiCallError` (platform code `ERROR`) naming Meta's reason;
 * `EXPIRED` → a permanent `ApiCallError` (platform code `EXPIRED`) saying the container expired
 * (Meta keeps an unpublished container 24 hours,
 * https://developers.facebook.com/docs/instagram-platform/content-publishing) and the draft must
 * be published again.
 *
 * @example
 * ```ts
 * const next = containerProgress(await readContainerStatus(http, input), { network: 'instagram', containerId });
 * if (next.kind === 'processing') return { pending: handle, progress: next.progress, pollAfterMs: next.pollAfterMs };
 * if (next.kind === 'ready') return toOutput(await publishContainer(http, { path, creationId: containerId }));
 * ```
 */
export function containerProgress(state: ContainerState, context: { network: ContainerNetwork; containerId: string }): ContainerProgress {
  switch (state.status) {
    case 'IN_PROGRESS':
      return { kind: 'processing', progress: { stage: 'IN_PROGRESS' }, pollAfterMs: CONTAINER_POLL_AFTER_MS };
    case 'FINISHED':
      return { kind: 'ready' };
    case 'PUBLISHED':
      return { kind: 'published' };
    case 'ERROR':
      throw new ApiCallError(
        `${context.network} could not process media container ${context.containerId}: ${state.errorMessage ?? 'Meta gave no reason'}. Fix the media (format, size, a URL Meta can download) and publish the draft again.`,
        { status: 200, platform: context.network, platformCode: 'ERROR', isRetryable: false },
      );
    case 'EXPIRED':
      throw new ApiCallError(
        `${context.network} media container ${context.containerId} expired: Meta discards a container not published within 24 hours. Publish the draft again.`,
        { status: 200, platform: context.network, platformCode: 'EXPIRED', isRetryable: false },
      );
  }
}

/**
 * Publishes a finished container: `POST <path>?creation_id=<id>` (Instagram
 * `/<ig-user-id>/media_publish`, https://developers.facebook.com/docs/instagram-platform/reference/ig-user/media_publish;
 * Threads `/<threads-user-id>/threads_publish`, https://developers.facebook.com/docs/threads/posts)
 * → `{ id }` of the published media. Not retried by core (a creating call): after a lost answer,
 * read the container (`PUBLISHED` means it went) before publishing again.
 *
 * @example
 * ```ts
 * const { id } = await publishContainer(http, { path: graphPath(version, `${igUserId}/media_publish`), creationId: containerId, platform: 'instagram' });
 * ```
 */
export async function publishContainer(
  http: AdapterHttpClient,
  input: { path: string; creationId: string; platform: string; bucket?: string; signal?: AbortSignal },
): Promise<{ id: string }> {
  const response = await http.request({
    method: 'POST',
    path: input.path,
    searchParams: { creation_id: input.creationId },
    ...(input.bucket ? { bucket: input.bucket } : {}),
    ...(input.signal ? { signal: input.signal } : {}),
  });
  return parseApiResponse(z.object({ id: z.string().min(1) }), response, input.platform, `POST ${input.path}`);
}
