import { describe, expect, it } from 'vitest';
import { checkEdgeParams, checkGraphRequest, findGraphProblem, metaEnum, metaSpec, type MetaEdge } from './index.js';

// Off-spec requests and Graph's answers, written out by hand. The parameter lists come from the
// vendored codegen specs (definitions/meta/*.json); the answers' wording from Graph's error
// family: "(#100) The parameter <name> is required", "(#100) Param <name> must be …",
// "(#100) <name> must be one of the following values: …", "(#100) Tried accessing nonexisting field
// (<field>) on node type (<Node>)", and the unsupported-request answer (code 100, subcode 33,
// GraphMethodException) — https://developers.facebook.com/docs/graph-api/guides/error-handling.
describe('requests held to the codegen node specs', () => {
  it('accepts the documented publishing requests', () => {
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media
    expect(
      findGraphProblem('IGUser', 'media', 'POST', {
        image_url: 'https://cdn.example/a.jpg',
        caption: 'hi',
        alt_text: 'a cat',
        access_token: 't',
      }),
    ).toBeUndefined();
    expect(findGraphProblem('IGUser', 'media', 'POST', { media_type: 'CAROUSEL', children: '1,2,3', caption: 'c' })).toBeUndefined();
    // https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-user/media_publish
    expect(findGraphProblem('IGUser', 'media_publish', 'POST', { creation_id: '17889455560051444' })).toBeUndefined();
    // https://developers.facebook.com/docs/pages-api/posts — message, link, published, scheduled_publish_time.
    expect(
      findGraphProblem('Page', 'feed', 'POST', { message: 'hi', published: 'false', scheduled_publish_time: '1767600000' }),
    ).toBeUndefined();
    expect(findGraphProblem('PagePost', null, 'DELETE', {})).toBeUndefined();
    expect(findGraphProblem('IGMedia', 'insights', 'GET', { metric: 'reach,likes,saved' })).toBeUndefined();
    expect(findGraphProblem('ShadowIGMediaBuilder', null, 'GET', { fields: 'status_code,status' })).toBeUndefined();
    expect(findGraphProblem('User', 'accounts', 'GET', { fields: 'id,name,access_token,instagram_business_account' })).toBeUndefined();
    // https://developers.facebook.com/docs/video-api/guides/publishing — a video chunk uploaded as a multipart part (typed string in the spec).
    expect(
      findGraphProblem('Page', 'videos', 'POST', { video_file_chunk: { filename: 'chunk', type: 'application/octet-stream', size: 1234 } }),
    ).toBeUndefined();
    // Page photos' `source` upload is documented (https://developers.facebook.com/docs/pages-api/posts) but not in the spec: named as an extra.
    expect(
      findGraphProblem(
        'Page',
        'photos',
        'POST',
        { source: { filename: 'a.jpg', type: 'image/jpeg', size: 1234 }, caption: 'hi' },
        { extraParams: ['source'] },
      ),
    ).toBeUndefined();
    expect(findGraphProblem('Page', 'photos', 'POST', { caption: { nested: true } })).toEqual({
      code: 100,
      message: '(#100) Param caption must be a string',
    });
  });

  it('refuses a missing required parameter', () => {
    expect(findGraphProblem('IGUser', 'media_publish', 'POST', {})).toEqual({
      code: 100,
      message: '(#100) The parameter creation_id is required',
    });
    // IG media insights: metric is required.
    expect(findGraphProblem('IGMedia', 'insights', 'GET', {})).toEqual({ code: 100, message: '(#100) The parameter metric is required' });
  });

  it('refuses a parameter of the wrong type', () => {
    expect(findGraphProblem('IGUser', 'media_publish', 'POST', { creation_id: 'abc' })).toEqual({
      code: 100,
      message: '(#100) Param creation_id must be a non-negative integer',
    });
    expect(findGraphProblem('Page', 'feed', 'POST', { message: 'hi', published: 'maybe' })).toEqual({
      code: 100,
      message: '(#100) Param published must be a boolean',
    });
    expect(findGraphProblem('Page', 'feed', 'POST', { message: 'hi', scheduled_publish_time: 'next tuesday-ish' })).toEqual({
      code: 100,
      message: '(#100) Param scheduled_publish_time must be a valid date/time',
    });
    expect(findGraphProblem('IGUser', 'media', 'POST', { image_url: 'https://x/a.jpg', is_carousel_item: 'yes' })).toEqual({
      code: 100,
      message: '(#100) Param is_carousel_item must be a boolean',
    });
  });

  it('refuses a value outside an enum, naming the item and the allowed values', () => {
    const problem = findGraphProblem('IGMedia', 'insights', 'GET', { metric: 'reach,plays_total' });
    expect(problem?.code).toBe(100);
    expect(problem?.message.startsWith('(#100) metric[1] must be one of the following values: ')).toBe(true);
    expect(problem?.message).toContain('reach');
    expect(findGraphProblem('Page', 'feed', 'POST', { message: 'x', unpublished_content_type: 'LATER' })).toEqual({
      code: 100,
      message:
        '(#100) unpublished_content_type must be one of the following values: ADS_POST, DRAFT, INLINE_CREATED, PUBLISHED, PUBLISH_PENDING, REVIEWABLE_BRANDED_CONTENT, SCHEDULED, SCHEDULED_RECURRING',
    });
  });

  it('refuses a parameter the edge does not take (a misspelling Graph would drop), unless told to ignore it', () => {
    expect(findGraphProblem('IGUser', 'media', 'POST', { image_url: 'https://x/a.jpg', captoin: 'typo' })).toEqual({
      code: 100,
      message: '(#100) Param captoin is not a valid parameter',
    });
    expect(
      findGraphProblem('IGUser', 'media', 'POST', { image_url: 'https://x/a.jpg', captoin: 'typo' }, { unknownParams: 'ignore' }),
    ).toBeUndefined();
    expect(
      findGraphProblem('IGUser', 'media', 'POST', { image_url: 'https://x/a.jpg', new_param: 'x' }, { extraParams: ['new_param'] }),
    ).toBeUndefined();
  });

  it('refuses a field the node does not have, and an edge it does not have', () => {
    expect(findGraphProblem('IGMedia', null, 'GET', { fields: 'id,caption,likes_count' })).toEqual({
      code: 100,
      message: '(#100) Tried accessing nonexisting field (likes_count) on node type (IGMedia)',
    });
    // Nested field expressions are read at their top level.
    expect(findGraphProblem('IGMedia', null, 'GET', { fields: 'id,comments.limit(5){id,text},insights.metric(reach)' })).toBeUndefined();
    expect(findGraphProblem('IGUser', 'follows_list', 'GET', {})).toEqual({
      code: 100,
      message: '(#100) Tried accessing nonexisting field (follows_list) on node type (IGUser)',
    });
    // The edge's fields are checked against the node it answers (ContentPublishingLimitResponse).
    expect(findGraphProblem('IGUser', 'content_publishing_limit', 'GET', { fields: 'quota_usage,config,quota_left' })).toEqual({
      code: 100,
      message: '(#100) Tried accessing nonexisting field (quota_left) on node type (ContentPublishingLimitResponse)',
    });
  });

  it('answers a method the object does not take as an unsupported request (subcode 33)', async () => {
    // IG users cannot be deleted through the API.
    const response = checkGraphRequest('IGUser', null, 'DELETE', {}, { objectId: '17841405822304914' })!;
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: Record<string, unknown> }).error).toMatchObject({
      code: 100,
      error_subcode: 33,
      type: 'GraphMethodException',
      message:
        "Unsupported delete request. Object with ID '17841405822304914' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api",
    });
  });

  it('checks hand-written edges the same way (Threads has no codegen spec)', () => {
    // https://developers.facebook.com/docs/threads/reference/publishing — media_type is one of TEXT, IMAGE, VIDEO, CAROUSEL.
    const create: MetaEdge = {
      method: 'POST',
      edge: 'threads',
      returns: 'Object',
      params: [
        { name: 'media_type', type: 'enum', required: true, values: ['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL'] },
        { name: 'text', type: 'string', required: false },
      ],
    };
    expect(checkEdgeParams(create, { media_type: 'TEXT', text: 'hi' }, undefined)).toBeUndefined();
    expect(checkEdgeParams(create, { media_type: 'GIF' }, undefined)).toEqual({
      code: 100,
      message: '(#100) media_type must be one of the following values: TEXT, IMAGE, VIDEO, CAROUSEL',
    });
    expect(checkEdgeParams(create, { text: 'hi' }, undefined)).toEqual({
      code: 100,
      message: '(#100) The parameter media_type is required',
    });
  });

  it('reads the vendored specs and enums', () => {
    expect(metaSpec('IGUser').find('POST', 'media_publish')?.params).toEqual([
      { name: 'creation_id', type: 'unsigned int', required: true },
    ]);
    expect(metaEnum('shadowigmediainsights_metric_enum_param')).toContain('total_interactions');
    expect(() => metaSpec('Nope' as never)).toThrow(/no vendored spec/);
  });
});
