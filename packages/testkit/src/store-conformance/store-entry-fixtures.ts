import { parsePostDraft } from '@smm/core/model';
import type { CalendarEntry } from '@smm/core/schedule-store';

// Entries the store checks write. Built by hand (not through the calendar) so a check states
// exactly what it stores and what it expects back.

/**
 * The instant every check starts from: the current whole minute when the suite loads (not a
 * fixed date, so a store that judges lease expiry by its own clock sees live leases live).
 */
export const T0 = Math.floor(Date.now() / 60_000) * 60_000;

/** ISO-8601 UTC string of `T0 + offsetMs`. */
export function at(offsetMs: number): string {
  return new Date(T0 + offsetMs).toISOString();
}

const BASE_DRAFT = parsePostDraft({ text: 'post', tags: ['t'] });

/**
 * A plain calendar entry for store tests, built by hand (not through the calendar):
 * `scheduled` and pinned at `T0 + dueInMs` (T0 = the current whole minute) unless overridden;
 * `status: 'draft'` gives an unplaced draft. The conformance checks use it; store authors can
 * build their own cases from it.
 *
 * @example
 * ```ts
 * import { storeEntry } from '@smm/testkit/store-conformance';
 *
 * await store.insertMany([storeEntry('e1'), storeEntry('e2', { accountKey: 'x:2', accountId: '2' }, 60_000)]);
 * ```
 */
export function storeEntry(id: string, overrides: Partial<CalendarEntry> = {}, dueInMs = 0): CalendarEntry {
  const status = overrides.status ?? 'scheduled';
  const created = at(-86_400_000);
  return {
    id,
    accountKey: 'x:1',
    platform: 'x',
    accountId: '1',
    draft: { ...BASE_DRAFT, text: `post ${id}` },
    status,
    version: 1,
    scheduledAt: status === 'draft' ? null : at(dueInMs),
    placement: status === 'draft' ? null : 'pinned',
    createdAt: created,
    updatedAt: created,
    history:
      status === 'draft'
        ? [{ from: null, to: 'draft', at: created, by: 'ana' }]
        : [
            { from: null, to: 'draft', at: created, by: 'ana' },
            { from: 'draft', to: status, at: at(-3_600_000), by: 'ana', reason: 'scheduled at a fixed time' },
          ],
    approvals: [],
    hold: null,
    lease: null,
    ...overrides,
  };
}

/** An entry using every field, with text that trips naive encodings. */
export function richEntry(id: string): CalendarEntry {
  return storeEntry(id, {
    groupId: 'launch-g1',
    accountKey: 'bluesky:did:plc:abc',
    platform: 'bluesky',
    accountId: 'did:plc:abc',
    brand: 'Café "Olé" ☕',
    draft: parsePostDraft({
      text: 'Ünïcödé ✓ — 👩🏽‍💻 launches 🚀 "quotes" \'single\' \\ back\\slash\nnew line\ttab 中文 עברית \u0000 end',
      media: [
        {
          kind: 'image',
          source: { type: 'url', url: 'https://cdn.example.com/a%20b.png' },
          mimeType: 'image/png',
          width: 640,
          height: 480,
          altText: 'a café 🖼️',
        },
      ],
      link: 'https://example.com/?q=1&r=ü',
      thread: [{ text: 'second part 🧵', media: [] }],
      visibility: 'public',
      language: 'ro',
      tags: ['launch', 'été'],
      campaign: 'spring-2026',
      networkOptions: { bluesky: { langs: ['ro', 'en'] } },
    }),
    status: 'outcome_unknown',
    version: 7,
    scheduledAt: at(0),
    placement: 'queue',
    history: [
      { from: null, to: 'draft', at: at(-86_400_000), by: 'ana' },
      { from: 'draft', to: 'in_review', at: at(-80_000_000), by: 'ana' },
      { from: 'in_review', to: 'approved', at: at(-70_000_000), by: 'li', reason: 'ok 👍' },
      { from: 'approved', to: 'scheduled', at: at(-60_000_000), by: 'li' },
      { from: 'scheduled', to: 'publishing', at: at(0), by: 'worker-1' },
      { from: 'publishing', to: 'outcome_unknown', at: at(61_000), by: 'worker-2', reason: 'lease expired; adapter cannot tell' },
    ],
    approvals: [{ by: 'li', role: 'legal', at: at(-70_000_000), note: 'ça va' }],
    hold: { scope: 'brand', since: at(-1_000), by: 'ana', reason: 'crisis 🔥' },
    lease: { owner: 'worker-2', expiresAt: at(120_000) },
    idempotencyKey: `smm-${id}`,
    published: {
      platform: 'bluesky',
      accountId: 'did:plc:abc',
      parts: [
        {
          platform: 'bluesky',
          id: 'at://did:plc:abc/app.bsky.feed.post/1',
          accountId: 'did:plc:abc',
          url: 'https://bsky.app/profile/x/post/1',
          extra: { cid: 'bafy1' },
        },
        { platform: 'bluesky', id: 'at://did:plc:abc/app.bsky.feed.post/2' },
      ],
      publishedAt: at(1_000),
      idempotencyKey: `smm-${id}`,
    },
    error: { code: 'publish_outcome_unknown', message: 'Ünïcödé message ✓' },
    attempts: 2,
    nextAttemptAt: at(30_000),
    evergreen: { afterDays: 90, maxTimes: 3 },
    recycledFrom: { entryId: 'older', generation: 1 },
  });
}
