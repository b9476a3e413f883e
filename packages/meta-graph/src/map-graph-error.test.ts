import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRAPH_REQUEST_ID_HEADER, mapGraphError } from './map-graph-error.js';

const answer = (status: number, error: Record<string, unknown>) => ({ status, headers: new Headers(), body: { error } });

describe('mapGraphError', () => {
  it("reads the example body of Meta's error-handling guide (190/460): not refreshable, with title, message and trace id", () => {
    // Copied from https://developers.facebook.com/docs/graph-api/guides/error-handling ("Error Responses").
    const mapping = mapGraphError(
      answer(400, {
        message: 'Message describing the error',
        type: 'OAuthException',
        code: 190,
        error_subcode: 460,
        error_user_title: 'A title',
        error_user_msg: 'A message',
        fbtrace_id: 'EJplcsCHuLu',
      }),
    );
    expect(mapping?.platformCode).toBe(190);
    expect(mapping?.auth).toEqual({ refreshable: false });
    expect(mapping?.notActedOn).toBe(true);
    expect(mapping?.message).toContain('Message describing the error');
    expect(mapping?.message).toContain('"A title: A message"');
    expect(mapping?.message).toContain('code 190, subcode 460');
    expect(mapping?.message).toContain('fbtrace_id EJplcsCHuLu');
    expect(mapping?.message).toContain('password changed');
    expect(mapping?.message).toContain('connect the account again');
  });

  it('treats subcode 463 (expired) and a bare 190 as refreshable, 458/459/464/467 as not', () => {
    const of = (subcode?: number) =>
      mapGraphError(
        answer(400, {
          message: 'Error validating access token',
          type: 'OAuthException',
          code: 190,
          ...(subcode ? { error_subcode: subcode } : {}),
        }),
      )?.auth;
    expect(of(463)).toEqual({ refreshable: true });
    expect(of()).toEqual({ refreshable: true });
    for (const subcode of [458, 459, 460, 464, 467]) expect(of(subcode)).toEqual({ refreshable: false });
  });

  it('tells the user where to fix a checkpointed account (459)', () => {
    const mapping = mapGraphError(
      answer(400, {
        message: 'Error validating access token: user is checkpointed',
        type: 'OAuthException',
        code: 190,
        error_subcode: 459,
      }),
    );
    expect(mapping?.message).toContain('https://www.facebook.com');
  });

  it('maps every throttling code to a rate limit that was not acted on', () => {
    for (const code of [4, 17, 32, 613, 80001, 80002, 80006, 80014]) {
      const mapping = mapGraphError(answer(400, { message: `(#${code}) limit reached`, type: 'OAuthException', code, is_transient: true }));
      expect(mapping, `code ${code}`).toMatchObject({ platformCode: code, rateLimited: true, retryable: true, notActedOn: true });
      expect(mapping?.auth).toBeUndefined();
    }
    // 80015 is past the documented BUC range (80000–80014); 100 is an ordinary bad request.
    expect(mapGraphError(answer(400, { message: 'x', code: 80015 }))?.rateLimited).toBeUndefined();
  });

  it('names the missing permission for codes 10 and 200–299', () => {
    const mapping = mapGraphError(
      answer(403, {
        message: "(#10) This endpoint requires the 'pages_read_engagement' permission or the 'Page Public Content Access' feature.",
        type: 'OAuthException',
        code: 10,
        fbtrace_id: 'AbC',
      }),
    );
    expect(mapping).toMatchObject({ platformCode: 10, retryable: false, notActedOn: true });
    expect(mapping?.message).toContain('missing permission pages_read_engagement');
    expect(mapping?.auth).toBeUndefined();
    const two = mapGraphError(answer(403, { message: '(#200) Requires pages_manage_posts permission', type: 'OAuthException', code: 200 }));
    expect(two?.message).toContain('missing permission pages_manage_posts');
    const unnamed = mapGraphError(answer(403, { message: '(#299) Permission denied', code: 299 }));
    expect(unnamed?.message).toContain('a permission is missing');
  });

  it('retries transient errors (is_transient, codes 1 and 2) and not a duplicate post (506) or a bad parameter (100)', () => {
    expect(mapGraphError(answer(500, { message: 'An unknown error occurred', type: 'OAuthException', code: 1 }))?.retryable).toBe(true);
    expect(mapGraphError(answer(503, { message: 'Service temporarily unavailable', code: 2 }))?.retryable).toBe(true);
    expect(mapGraphError(answer(500, { message: 'Please retry', code: 9007, is_transient: true }))?.retryable).toBe(true);
    expect(mapGraphError(answer(400, { message: 'Duplicate status message', code: 506 }))).toMatchObject({
      retryable: false,
      notActedOn: true,
    });
    expect(
      mapGraphError(answer(400, { message: '(#100) Param message must be a string', type: 'OAuthException', code: 100 })),
    ).toMatchObject({ platformCode: 100, retryable: false, notActedOn: true });
  });

  it('reads codes sent as strings and ignores bodies that are not Graph errors', () => {
    expect(mapGraphError(answer(400, { message: 'x', code: '190', error_subcode: '463' }))?.auth).toEqual({ refreshable: true });
    expect(mapGraphError({ status: 502, headers: new Headers(), body: '<html>Bad Gateway</html>' })).toBeUndefined();
    expect(mapGraphError({ status: 400, headers: new Headers(), body: { errors: [{ code: 88 }] } })).toBeUndefined();
  });

  it("names Meta's trace header for the client's request id", () => {
    expect(GRAPH_REQUEST_ID_HEADER).toBe('x-fb-trace-id');
  });

  it('classifies any Graph error body one way, without throwing (open-ended codes and fields)', () => {
    const graphError = fc.record(
      {
        message: fc.string(),
        type: fc.constantFrom('OAuthException', 'GraphMethodException', 'IGApiException', 'THApiException'),
        code: fc.oneof(
          fc.integer({ min: 0, max: 2_000_000 }),
          fc.constantFrom(1, 2, 4, 10, 17, 32, 100, 190, 200, 299, 506, 613, 80001, 80014),
        ),
        error_subcode: fc.oneof(fc.integer({ min: 0, max: 3_000_000 }), fc.constantFrom(458, 459, 460, 463, 464, 467)),
        error_user_title: fc.string(),
        error_user_msg: fc.string(),
        fbtrace_id: fc.string(),
        is_transient: fc.boolean(),
      },
      { requiredKeys: ['code'] },
    );
    fc.assert(
      fc.property(graphError, fc.constantFrom(400, 401, 403, 500, 503), (error, status) => {
        const mapping = mapGraphError(answer(status, error));
        expect(mapping).toBeDefined();
        expect(mapping!.platformCode).toBe(error.code);
        // At most one of: throttled, auth failure.
        expect(Boolean(mapping!.rateLimited) && Boolean(mapping!.auth)).toBe(false);
        if (mapping!.rateLimited) expect(mapping!.notActedOn).toBe(true);
        if (error.code === 190) expect(mapping!.auth).toBeDefined();
        expect(mapping!.message).toContain(`code ${error.code}`);
      }),
    );
  });
});
