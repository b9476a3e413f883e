import type { AdapterContext, PendingPublishOutput, PublishOutput, PublishStatusInput } from '@smm/core/adapter-kit';
import { advanceChain } from './chain.js';
import type { LookupSettings } from './find-post.js';
import { parseHandle } from './pending-handle.js';

/**
 * One look at a pending Threads publish: moves the chain on from the stored handle (see
 * `advanceChain`) — safe to repeat from any handle this adapter returned, in any process.
 *
 * @throws ValidationError when the handle is not one this adapter made.
 * @throws ApiCallError (not retryable) when a container ends in `ERROR` or `EXPIRED`.
 * @internal
 */
export async function doGetPublishStatus(
  input: PublishStatusInput,
  context: AdapterContext,
  settings: LookupSettings,
): Promise<PublishOutput | PendingPublishOutput> {
  return advanceChain(parseHandle(input.handle), context, settings);
}
