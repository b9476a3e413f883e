import { createHttpClient } from '@smm/core/http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { graphPages } from './graph-pages.js';

/** A list edge of comments (5 by default), `size` a page, cursors as in https://developers.facebook.com/docs/graph-api/results. */
function commentsServer(count = 5, size = 2) {
  const all = Array.from({ length: count }, (_, index) => ({ id: `c${index + 1}`, text: `comment c${index + 1}` }));
  const seen: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push(url.search);
    const start = url.searchParams.has('after') ? Number(atob(url.searchParams.get('after')!)) : 0;
    const data = all.slice(start, start + size);
    const end = start + data.length;
    const paging: Record<string, unknown> = { cursors: { before: btoa(String(start)), after: btoa(String(end)) } };
    if (end < all.length) paging.next = `https://graph.facebook.com/v26.0/1/comments?after=${btoa(String(end))}`;
    return new Response(JSON.stringify({ data, paging }), { headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const Comment = z.object({ id: z.string(), text: z.string() });

describe('graphPages', () => {
  it("walks the cursors until paging.next is gone, keeping the request's own parameters", async () => {
    const server = commentsServer();
    const http = createHttpClient({ platform: 'facebook', fetch: server.fetch, baseUrl: 'https://graph.facebook.com' });
    const pages = [];
    for await (const page of graphPages(http, { path: '/v26.0/1/comments', searchParams: { fields: 'id,text' } }, Comment, {
      platform: 'facebook',
      what: 'GET /{post-id}/comments',
    }))
      pages.push(page);
    expect(pages.map((page) => page.items.map((item) => item.id))).toEqual([['c1', 'c2'], ['c3', 'c4'], ['c5']]);
    expect(pages.map((page) => page.after)).toEqual([btoa('2'), btoa('4'), undefined]);
    expect(server.seen).toEqual([
      '?fields=id%2Ctext',
      `?fields=id%2Ctext&after=${encodeURIComponent(btoa('2'))}`,
      `?fields=id%2Ctext&after=${encodeURIComponent(btoa('4'))}`,
    ]);
  });

  it('stops after maxPages, handing back the cursor to go on from', async () => {
    const server = commentsServer();
    const http = createHttpClient({ platform: 'facebook', fetch: server.fetch, baseUrl: 'https://graph.facebook.com' });
    const pages = [];
    for await (const page of graphPages(http, { path: '/v26.0/1/comments' }, Comment, {
      platform: 'facebook',
      what: 'comments',
      maxPages: 1,
    }))
      pages.push(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.after).toBe(btoa('2'));
    expect(server.seen).toHaveLength(1);
  });

  it('yields every item once, in order, for any list length, page size and page bound', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 8 }),
        async (count, size, maxPages) => {
          const server = commentsServer(count, size);
          const http = createHttpClient({ platform: 'facebook', fetch: server.fetch, baseUrl: 'https://graph.facebook.com' });
          const ids: string[] = [];
          let last: string | undefined;
          for await (const page of graphPages(http, { path: '/v26.0/1/comments' }, Comment, {
            platform: 'facebook',
            what: 'comments',
            maxPages,
          })) {
            ids.push(...page.items.map((item) => item.id));
            last = page.after;
          }
          const reachable = Math.min(count, size * maxPages);
          expect(ids).toEqual(Array.from({ length: reachable }, (_, index) => `c${index + 1}`));
          expect(server.seen.length).toBe(Math.max(1, Math.min(maxPages, Math.ceil(count / size))));
          // A cursor is handed back exactly when items are left.
          expect(last === undefined).toBe(reachable === count);
        },
      ),
      { numRuns: 60 },
    );
  });
});
