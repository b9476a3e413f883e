import { createHttpClient } from '@smm/core/http';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { graphPages } from './graph-pages.js';

/** A list edge of 5 comments, 2 a page, cursors as in https://developers.facebook.com/docs/graph-api/results. */
function commentsServer() {
  const all = ['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => ({ id, text: `comment ${id}` }));
  const seen: string[] = [];
  const fetch = (async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    seen.push(url.search);
    const start = url.searchParams.has('after') ? Number(atob(url.searchParams.get('after')!)) : 0;
    const data = all.slice(start, start + 2);
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
});
