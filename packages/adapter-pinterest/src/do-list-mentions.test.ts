import { describe, expect, it } from 'vitest';
import { doListMentions } from './do-list-mentions.js';
import { PINTEREST_CAPABILITIES } from './capabilities.js';

describe('mentions', () => {
  it('declares no mention kinds, and lists one empty last page without asking Pinterest (it has no comments API)', async () => {
    expect(PINTEREST_CAPABILITIES.mentionKinds).toEqual([]);
    expect(await doListMentions()).toEqual({ items: [], nextCursor: null });
  });
});
