import { describe, expect, it } from 'vitest';
import { graphFieldExpansion, graphInsights, graphTime, invalidParameterError, pickGraphFields, topLevelFields } from './index.js';

// https://developers.facebook.com/docs/graph-api/guides/field-expansion
describe('pickGraphFields', () => {
  const media = { id: '1790', caption: 'hi', media_type: 'IMAGE', like_count: 3, permalink: undefined };

  it('answers only the fields asked for, always with id', () => {
    expect(pickGraphFields(media, 'caption,like_count', ['id'])).toEqual({ id: '1790', caption: 'hi', like_count: 3 });
    expect(pickGraphFields(media, undefined, ['id', 'media_type'])).toEqual({ id: '1790', media_type: 'IMAGE' });
  });

  it('leaves out a field the object does not have, and reads nested selections by their top-level name', () => {
    expect(pickGraphFields(media, 'permalink,caption{x}', [])).toEqual({ id: '1790', caption: 'hi' });
    expect(topLevelFields('id,children{media_url,id},insights.metric(reach,likes){values}')).toEqual(['id', 'children', 'insights']);
  });
});

// The field-expansion guide's forms: modifiers before the nested selection, arguments with commas.
describe('graphFieldExpansion', () => {
  it('reads each field with its modifiers and nested selection', () => {
    expect(
      graphFieldExpansion(
        'id, comments.summary(true).limit(0){id,message}, insights.metric(reach,likes){values},albums.limit(5){name, photos.limit(2){name, picture}}',
      ),
    ).toEqual([
      { name: 'id', modifiers: {} },
      { name: 'comments', modifiers: { summary: 'true', limit: '0' }, subfields: 'id,message' },
      { name: 'insights', modifiers: { metric: 'reach,likes' }, subfields: 'values' },
      { name: 'albums', modifiers: { limit: '5' }, subfields: 'name, photos.limit(2){name, picture}' },
    ]);
    expect(graphFieldExpansion('')).toEqual([]);
  });
});

describe('graphInsights', () => {
  // The shape of the IG media insights reference's sample answer.
  it('builds the shared insights answer, with values or total_value', () => {
    expect(
      graphInsights('1790', [
        { name: 'reach', period: 'lifetime', values: [{ value: 12 }], title: 'Reach', description: 'Accounts reached' },
        { name: 'likes', period: 'day', totalValue: 4 },
      ]),
    ).toEqual({
      data: [
        {
          name: 'reach',
          period: 'lifetime',
          values: [{ value: 12 }],
          title: 'Reach',
          description: 'Accounts reached',
          id: '1790/insights/reach/lifetime',
        },
        { name: 'likes', period: 'day', total_value: { value: 4 }, title: 'likes', description: '', id: '1790/insights/likes/day' },
      ],
    });
  });
});

describe('graphTime and invalidParameterError', () => {
  it("writes times as Graph's answers do, and answers a documented-rule violation with code 100", async () => {
    expect(graphTime(Date.UTC(2026, 11, 1, 10, 0, 0, 250))).toBe('2026-12-01T10:00:00+0000');
    const response = invalidParameterError('(#100) Too many children', 2207015);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: Record<string, unknown> }).error).toMatchObject({
      code: 100,
      error_subcode: 2207015,
      message: '(#100) Too many children',
      type: 'OAuthException',
    });
  });
});
