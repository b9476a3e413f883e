import type { AdapterContext, FindPublishedInput, PublishOutput } from '@smm/core/adapter-kit';
import { findPin, pinOutput } from './find-pin.js';
import type { PinterestOptions } from './network-options.js';
import { pinFields } from './pin-body.js';

/**
 * Finds a pin already made from `draft` (Pinterest keeps no idempotency key): the account's
 * pins, newest first, matched on board, section, description, title and link, at or after
 * `since`. Without a draft nothing can be matched: `null`.
 * @internal
 */
export async function doFindPublished(
  input: FindPublishedInput,
  context: AdapterContext,
  lookupMaxPages: number,
): Promise<PublishOutput | null> {
  if (!input.draft) return null;
  const options = input.draft.networkOptions?.pinterest as PinterestOptions | undefined;
  if (!options?.boardId) return null;
  const found = await findPin(pinFields(input.draft, options), input.since, context, lookupMaxPages);
  return found ? pinOutput(found) : null;
}
