import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import type { Page } from '../model/index.js';
import { paginate, type Pagination } from './index.js';

/** A list of `total` numbers served in pages of `size`, cursors `c<offset>`. */
function pagedList(total: number, size: number) {
  const calls: Array<string | null> = [];
  const fetchPage = async (cursor: string | null): Promise<Page<number>> => {
    calls.push(cursor);
    const start = cursor === null ? 0 : Number(cursor.slice(1));
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, index) => start + index);
    const next = start + size;
    return { items, nextCursor: next < total ? `c${next}` : null };
  };
  return { fetchPage, calls };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('paginate', () => {
  it('walks every page until the cursor ends', async () => {
    const list = pagedList(7, 3);
    const pages = paginate(list.fetchPage);
    expect(await collect(pages)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(list.calls).toEqual([null, 'c3', 'c6']);
    expect(pages.done).toBe(true);
    expect(pages.pagesFetched).toBe(3);
  });

  it('stops at maxPages and resumes from the cursor it exposes', async () => {
    const list = pagedList(10, 4);
    const first = paginate(list.fetchPage, { maxPages: 2 });
    expect(await collect(first)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(first.done).toBe(false);
    const rest = paginate(list.fetchPage, { startCursor: first.cursor, skip: first.skip });
    expect(await collect(rest)).toEqual([8, 9]);
  });

  it('stops at maxItems mid-page without losing the rest of that page', async () => {
    const list = pagedList(10, 4);
    const first = paginate(list.fetchPage, { maxItems: 6 });
    expect(await collect(first)).toEqual([0, 1, 2, 3, 4, 5]);
    expect({ cursor: first.cursor, skip: first.skip }).toEqual({ cursor: 'c4', skip: 2 });
    expect(await collect(paginate(list.fetchPage, { startCursor: first.cursor, skip: first.skip }))).toEqual([6, 7, 8, 9]);
  });

  it('resuming in any number of chunks reads every item exactly once (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 12 }),
        async (total, size, chunks) => {
          const list = pagedList(total, size);
          const seen: number[] = [];
          let cursor: string | null = null;
          let skip = 0;
          for (const chunk of [...chunks, total + 1]) {
            const pages: Pagination<number> = paginate(list.fetchPage, { maxItems: chunk, startCursor: cursor, skip });
            seen.push(...(await collect(pages)));
            ({ cursor, skip } = pages);
            if (pages.done) break;
          }
          expect(seen).toEqual(Array.from({ length: total }, (_, index) => index));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a consumer that breaks early can resume after the last item it read', async () => {
    const list = pagedList(6, 3);
    const pages = paginate(list.fetchPage);
    const read: number[] = [];
    for await (const item of pages) {
      read.push(item);
      if (item === 4) break;
    }
    expect(await collect(paginate(list.fetchPage, { startCursor: pages.cursor, skip: pages.skip }))).toEqual([5]);
  });

  it('rejects with the abort reason and fetches nothing more', async () => {
    const list = pagedList(100, 2);
    const controller = new AbortController();
    const pages = paginate(list.fetchPage, { signal: controller.signal });
    const read: number[] = [];
    const reason = new Error('stop');
    await expect(
      (async () => {
        for await (const item of pages) {
          read.push(item);
          if (item === 2) controller.abort(reason);
        }
      })(),
    ).rejects.toBe(reason);
    expect(read).toEqual([0, 1, 2]);
    expect(list.calls).toEqual([null, 'c2']);
  });

  it('validates its options', () => {
    expect(() => paginate(pagedList(1, 1).fetchPage, { maxItems: -1 })).toThrow(ValidationError);
  });
});
