import { describe, expect, it } from 'vitest';
import { graphPage } from './index.js';

const request = (url: string) => {
  const parsed = new URL(url);
  return { searchParams: parsed.searchParams, origin: parsed.origin, path: parsed.pathname };
};

// https://developers.facebook.com/docs/graph-api/results — cursor-based pagination.
describe('graphPage', () => {
  const items = ['a', 'b', 'c', 'd', 'e'];

  it('walks a list edge page by page through paging.next, with cursors, ending without next', () => {
    const first = graphPage(items, request('http://127.0.0.1:9/v24.0/1/feed?limit=2&fields=id'));
    expect(first.data).toEqual(['a', 'b']);
    expect(first.paging?.previous).toBeUndefined();
    const next = new URL(first.paging!.next!);
    expect(next.pathname).toBe('/v24.0/1/feed');
    expect(next.searchParams.get('fields')).toBe('id');
    expect(next.searchParams.get('after')).toBe(first.paging!.cursors.after);
    const second = graphPage(items, request(first.paging!.next!));
    expect(second.data).toEqual(['c', 'd']);
    const third = graphPage(items, request(second.paging!.next!));
    expect(third.data).toEqual(['e']);
    expect(third.paging?.next).toBeUndefined();
    expect(graphPage(items, request(third.paging!.previous!)).data).toEqual(['c', 'd']);
  });

  it('answers an empty edge as { data: [] } and uses the default page size', () => {
    expect(graphPage([], request('http://h/v24.0/1/feed'))).toEqual({ data: [] });
    const many = Array.from({ length: 30 }, (_, index) => index);
    expect(graphPage(many, request('http://h/v24.0/1/feed')).data).toHaveLength(25);
    expect(graphPage(many, request('http://h/v24.0/1/feed?limit=500'), { maxLimit: 10 }).data).toHaveLength(10);
  });
});
