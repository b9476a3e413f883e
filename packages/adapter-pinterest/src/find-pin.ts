import { parseApiResponse, type AdapterContext, type PublishOutput } from '@smm/core/adapter-kit';
import { PinSchema, pageOf, type PinterestPin } from './api-schemas.js';
import type { PinFields } from './pin-body.js';
import { PINTEREST_BUCKETS } from './rate-limits.js';

const PinPage = pageOf(PinSchema);

/** A pin as `doPublish` returns it. @internal */
export function pinOutput(pin: PinterestPin): PublishOutput {
  return {
    parts: [{ id: pin.id, url: `https://www.pinterest.com/pin/${pin.id}/` }],
    ...(pin.created_at ? { publishedAt: new Date(pin.created_at).toISOString() } : {}),
  };
}

/**
 * Looks for a pin made from `fields` among the account's pins (`GET /v5/pins`, newest first,
 * bookmark paging, up to `maxPages` of 100): same board, section, description, title and link,
 * created at or after `since`. Pinterest keeps no idempotency key, so this is how a lost answer
 * is recovered without a second pin. Throws when a page cannot be read (then nobody can tell).
 * @internal
 */
export async function findPin(
  fields: PinFields,
  since: string | undefined,
  context: AdapterContext,
  maxPages: number,
): Promise<PinterestPin | undefined> {
  const sinceMs = since === undefined ? undefined : Date.parse(since);
  let bookmark: string | undefined;
  for (let page = 0; page < maxPages; page++) {
    const response = await context.http.request({
      path: '/v5/pins',
      searchParams: { page_size: 100, ...(bookmark ? { bookmark } : {}) },
      bucket: PINTEREST_BUCKETS.read,
      signal: context.signal,
    });
    const { items, bookmark: next } = parseApiResponse(PinPage, response, 'pinterest', 'GET /v5/pins');
    for (const pin of items) {
      const created = pin.created_at ? Date.parse(pin.created_at) : undefined;
      if (sinceMs !== undefined && created !== undefined && created < sinceMs) return undefined;
      if (
        pin.board_id === fields.board_id &&
        (pin.board_section_id ?? undefined) === fields.board_section_id &&
        (pin.description ?? '') === fields.description &&
        (pin.title || undefined) === fields.title &&
        (pin.link ?? undefined) === fields.link
      ) {
        return pin;
      }
    }
    if (!next) return undefined;
    bookmark = next;
  }
  return undefined;
}

/** Creates the pin (`POST /v5/pins`). @internal */
export async function createPin(body: Record<string, unknown>, context: AdapterContext): Promise<PinterestPin> {
  const response = await context.http.request({
    method: 'POST',
    path: '/v5/pins',
    json: body,
    bucket: PINTEREST_BUCKETS.write,
    signal: context.signal,
  });
  return parseApiResponse(PinSchema, response, 'pinterest', 'POST /v5/pins');
}
