import type { Mention, Page } from '@smm/core/adapter-kit';

/**
 * Pinterest's API v5 has no endpoint for comments or mentions (PLATFORMS.md §10;
 * https://developers.pinterest.com/docs/api/v5/ lists none), so there is never anything to list:
 * `capabilities.mentionKinds` is empty and this answers one empty last page.
 * @internal
 */
export async function doListMentions(): Promise<Page<Mention>> {
  return { items: [], nextCursor: null };
}
