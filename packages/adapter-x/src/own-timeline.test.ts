import { describe, expect, it } from 'vitest';
import { findChain } from './own-timeline.js';

// Timeline posts as X returns them: entities HTML-escaped, URLs as t.co links, a t.co link
// appended for attached media; newest first.
const timeline = [
  { id: '30', text: 'part two', referenced_posts: [{ type: 'replied_to', id: '20' }] },
  { id: '25', text: 'Fish &amp; chips &lt;3 https://t.co/zzz', referenced_posts: [{ type: 'replied_to', id: '999' }] },
  { id: '20', text: 'Fish &amp; chips &lt;3 https://t.co/abc123 https://t.co/media1' },
  { id: '10', text: 'Fish &amp; chips &lt;3 https://t.co/older' },
];

describe('finding a draft in the own timeline', () => {
  it('matches text as X rewrites it, at the right place, newest first', () => {
    expect(findChain(timeline, ['Fish & chips <3 https://example.com/menu', 'part two'], undefined)).toEqual(['20', '30']);
  });

  it('matches a reply only under its reply target', () => {
    expect(findChain(timeline, ['Fish & chips <3 https://example.com/menu'], '999')).toEqual(['25']);
    expect(findChain(timeline, ['Fish & chips <3 https://example.com/menu'], '1')).toEqual([]);
  });

  it('stops at the first part not found, and never matches an empty text', () => {
    expect(findChain(timeline, ['Fish & chips <3', 'part three'], undefined)).toEqual(['20']);
    expect(findChain(timeline, ['https://example.com/only-a-link'], undefined)).toEqual([]);
  });
});
