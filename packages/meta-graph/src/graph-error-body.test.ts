import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphErrorBodySchema, readGraphError } from './graph-error-body.js';

describe('readGraphError', () => {
  it("reads the example of Meta's error-handling guide field by field", () => {
    // https://developers.facebook.com/docs/graph-api/guides/error-handling ("Error Responses").
    const body = {
      error: {
        message: 'Message describing the error',
        type: 'OAuthException',
        code: 190,
        error_subcode: 460,
        error_user_title: 'A title',
        error_user_msg: 'A message',
        fbtrace_id: 'EJplcsCHuLu',
      },
    };
    expect(GraphErrorBodySchema.safeParse(body).success).toBe(true);
    expect(readGraphError(body)).toEqual({
      message: 'Message describing the error',
      type: 'OAuthException',
      code: 190,
      subcode: 460,
      userTitle: 'A title',
      userMessage: 'A message',
      fbtraceId: 'EJplcsCHuLu',
    });
  });

  it('keeps is_transient and leaves out empty user texts', () => {
    expect(
      readGraphError({ error: { message: 'Please reduce the amount of data', code: 1, is_transient: true, error_user_msg: '' } }),
    ).toEqual({
      message: 'Please reduce the amount of data',
      code: 1,
      isTransient: true,
    });
  });

  it('answers undefined for anything that is not a Graph error object', () => {
    for (const body of [null, 'Bad Gateway', 42, [], { errors: [] }, { error: 'invalid_grant' }, { error: { code: 'abc' } }]) {
      expect(readGraphError(body), JSON.stringify(body)).toBeUndefined();
    }
  });

  it('never throws on any JSON, and reads a numeric code whenever the error object has one', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: undefined }), (noise, code) => {
        expect(() => readGraphError(noise)).not.toThrow();
        const body = {
          error: {
            ...(typeof noise === 'object' && noise !== null && !Array.isArray(noise) ? noise : {}),
            ...(code === undefined ? {} : { code }),
          },
        };
        const read = readGraphError(body);
        if (code !== undefined && read) expect(read.code).toBe(code);
      }),
    );
  });
});
