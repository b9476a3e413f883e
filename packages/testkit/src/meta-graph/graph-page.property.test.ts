import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { graphPage } from './index.js';

// Following paging.next from the first page visits every item once, in order, whatever the list
// length and page size (https://developers.facebook.com/docs/graph-api/results — "don't store
// cursors; follow next until it is absent").
describe('graphPage (property)', () => {
  it('visits every item exactly once by following next, and never sends next on the last page', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 1, max: 40 }), (length, limit) => {
        const items = Array.from({ length }, (_, index) => index);
        const seen: number[] = [];
        let url: string | undefined = `http://127.0.0.1:1/v25.0/1/feed?limit=${limit}`;
        let pages = 0;
        while (url) {
          const parsed: URL = new URL(url);
          const page = graphPage(items, { searchParams: parsed.searchParams, origin: parsed.origin, path: parsed.pathname });
          seen.push(...page.data);
          url = page.paging?.next;
          pages += 1;
          expect(pages).toBeLessThanOrEqual(length + 1);
        }
        expect(seen).toEqual(items);
        expect(pages).toBe(Math.max(1, Math.ceil(length / limit)));
      }),
    );
  });
});
