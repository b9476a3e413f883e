import { ApiCallError, type AdapterContext, type PendingPublishOutput, type PublishOutput } from '@smm/core/adapter-kit';
import { containerProgress, graphPath, publishContainer, readContainerStatus, type ContainerState } from '@smm/meta-graph';
import { createPartContainer } from './containers.js';
import { findOwnPost, type LookupSettings } from './find-post.js';
import type { HandlePart, ThreadsHandle } from './pending-handle.js';
import { addPermalinks } from './permalinks.js';

/** The output of a chain whose every part is live: ids (and permalinks when known), root first. @internal */
export function chainOutput(parts: ReadonlyArray<Pick<HandlePart, 'id' | 'permalink'>>): PublishOutput {
  return { parts: parts.map((part) => ({ id: part.id!, ...(part.permalink ? { url: part.permalink } : {}) })) };
}

/** The kit's reading of a container; a failure part-way through a chain also says which parts are live. */
function progressOf(container: ContainerState, containerId: string, handle: ThreadsHandle) {
  try {
    return containerProgress(container, { network: 'threads', containerId });
  } catch (error) {
    const live = handle.parts.filter((part) => part.id !== undefined);
    if (live.length === 0 || !ApiCallError.isInstance(error)) throw error;
    throw new ApiCallError(
      `${error.message} Parts 1–${live.length} of the thread are live (last: ${live.at(-1)!.id}): publish the rest as replies to it.`,
      {
        status: error.status,
        platform: 'threads',
        ...(error.platformCode === undefined ? {} : { platformCode: error.platformCode }),
        isRetryable: false,
      },
    );
  }
}

const pending = (handle: ThreadsHandle, stage: string, pollAfterMs?: number): PendingPublishOutput => {
  const done = handle.parts.filter((part) => part.id !== undefined).length;
  return {
    pending: handle,
    progress: { stage, percent: Math.round((100 * done) / handle.parts.length) },
    ...(pollAfterMs === undefined ? {} : { pollAfterMs }),
  };
};

/**
 * Moves a chain on as far as it can go now, safely repeatable from any handle it ever returned:
 * for the first part not live yet it creates the container (after looking for the part among the
 * user's posts when it may already exist: a follow-up part, or a retried chain), reads the
 * container (`GET /{threads-container-id}?fields=status,error_message`,
 * https://developers.facebook.com/documentation/threads/troubleshooting), publishes it once
 * `FINISHED` (`POST /{threads-user-id}/threads_publish`, https://developers.facebook.com/documentation/threads/posts),
 * and — when the container says `PUBLISHED` but the answer to the publish was lost — finds the
 * post by its text instead of publishing again. Each part replies to the one before
 * (`reply_to_id`). Answers the chain once every part is live (with each part's permalink, best effort:
 * see `addPermalinks`), else pending with the new handle;
 * a container in `ERROR` or `EXPIRED` ends it with the kit's typed error.
 * @internal
 */
export async function advanceChain(
  start: ThreadsHandle,
  context: AdapterContext,
  settings: LookupSettings,
): Promise<PublishOutput | PendingPublishOutput> {
  const handle: ThreadsHandle = structuredClone(start);
  for (let index = 0; index < handle.parts.length; index++) {
    const part = handle.parts[index]!;
    if (part.id !== undefined) continue;
    const replyTo = index === 0 ? handle.replyTo : handle.parts[index - 1]!.id;
    const target = { text: part.text, replyTo, since: handle.since };
    if (part.containerId === undefined) {
      if (index > 0 || handle.lookFirst) {
        const found = await findOwnPost(target, context, settings);
        if (found) {
          Object.assign(part, { id: found.id, ...(found.permalink ? { permalink: found.permalink } : {}) });
          continue;
        }
      }
      part.containerId = await createPartContainer(
        part,
        { replyTo, replyControl: handle.replyControl, ...(index === 0 ? { quotePostId: handle.quotePostId } : {}) },
        context,
        settings.apiVersion,
      );
      return pending(handle, 'IN_PROGRESS');
    }
    const container = await readContainerStatus(context.http, {
      network: 'threads',
      containerId: part.containerId,
      version: settings.apiVersion,
      signal: context.signal,
    });
    const next = progressOf(container, part.containerId, handle);
    // Still processing: ask again when Meta suggests (once a minute), not sooner.
    if (next.kind === 'processing') return pending(handle, next.progress.stage, next.pollAfterMs);
    if (next.kind === 'published') {
      // Published by an earlier attempt whose answer was lost: find it, never publish twice.
      const found = await findOwnPost(target, context, settings);
      if (!found) return pending(handle, 'PUBLISHED');
      Object.assign(part, { id: found.id, ...(found.permalink ? { permalink: found.permalink } : {}) });
      continue;
    }
    const published = await publishContainer(context.http, {
      path: graphPath(settings.apiVersion, `${context.account.id}/threads_publish`),
      creationId: part.containerId,
      platform: 'threads',
      signal: context.signal,
    });
    part.id = published.id;
  }
  await addPermalinks(handle.parts, context, settings.apiVersion);
  return chainOutput(handle.parts);
}
