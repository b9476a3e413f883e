import { describe, expect, it } from 'vitest';
import { graphAnswerProblems } from './index.js';

// Field names and types from the vendored codegen specs (IGMedia: caption string, like_count int,
// timestamp datetime; PagePost comments edge → Comment: message string, created_time datetime).
describe('graphAnswerProblems', () => {
  it('accepts an answer made of the node fields in their spec types', () => {
    expect(
      graphAnswerProblems('IGMedia', {
        id: '1790',
        caption: 'hi',
        like_count: 3,
        timestamp: '2026-12-01T10:00:00+0000',
        owner: { id: '1784' },
      }),
    ).toEqual([]);
    expect(
      graphAnswerProblems(
        'PagePost',
        { data: [{ id: '1_2', message: 'nice', created_time: '2026-12-01T10:00:00+0000', like_count: 0 }] },
        { edge: 'comments' },
      ),
    ).toEqual([]);
  });

  it('names each field that is not the spec, or of the wrong type', () => {
    expect(graphAnswerProblems('IGMedia', { id: '1790', caption: 3, like_count: '3', timestamp: 'yesterday', likes: 1 })).toEqual([
      'IGMedia.caption: string expected, got number',
      'IGMedia.like_count: int expected, got "3"',
      'IGMedia.timestamp: datetime expected (ISO 8601 such as 2026-12-01T10:00:00+0000, or Unix seconds), got "yesterday"',
      'IGMedia.likes: not a field of IGMedia',
    ]);
    expect(graphAnswerProblems('IGMedia', { id: '1', comments: [] })).toEqual(['IGMedia.comments: an edge answers { data: [...] }']);
    expect(graphAnswerProblems('PagePost', { data: [{ id: '1', text: 'x' }] }, { edge: 'comments' })).toEqual([
      'PagePost/comments.data[0].text: not a field of Comment',
    ]);
  });
});
