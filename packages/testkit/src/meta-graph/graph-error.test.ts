import { describe, expect, it } from 'vitest';
import { graphError, newFbtraceId } from './index.js';

// https://developers.facebook.com/docs/graph-api/guides/error-handling — the error object's fields.
describe('graphError', () => {
  it("answers Meta's error object with exactly the documented fields and a fbtrace_id", async () => {
    const response = graphError(400, {
      code: 36000,
      subcode: 2207004,
      message: 'The image size is too large.',
      userTitle: 'Image size too large',
      userMessage: 'The image is too large to download. It should be less than 8 MiB.',
      transient: false,
      fbtraceId: 'A6LJylpZRKw2xKLFsAP-cJh',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(response.headers.get('x-fb-trace-id')).toBe('A6LJylpZRKw2xKLFsAP-cJh');
    // The IG error-codes page's sample response, field for field.
    expect(await response.json()).toEqual({
      error: {
        message: 'The image size is too large.',
        type: 'OAuthException',
        code: 36000,
        error_subcode: 2207004,
        is_transient: false,
        error_user_title: 'Image size too large',
        error_user_msg: 'The image is too large to download. It should be less than 8 MiB.',
        fbtrace_id: 'A6LJylpZRKw2xKLFsAP-cJh',
      },
    });
  });

  it('leaves out the optional fields that were not given, and mints a new fbtrace_id each time', async () => {
    const first = (await graphError(400, { code: 100, message: '(#100) The parameter creation_id is required' }).json()) as {
      error: Record<string, unknown>;
    };
    const second = (await graphError(400, { code: 100, message: 'x' }).json()) as { error: Record<string, unknown> };
    expect(Object.keys(first.error).sort()).toEqual(['code', 'fbtrace_id', 'message', 'type']);
    expect(first.error.fbtrace_id).toMatch(/^[A-Za-z0-9_-]{11,27}$/);
    expect(first.error.fbtrace_id).not.toBe(second.error.fbtrace_id);
    expect(newFbtraceId()).toMatch(/^A[A-Za-z0-9_-]{22}$/);
  });

  it('sends WWW-Authenticate with a token error (code 190) only', () => {
    const token = graphError(400, { code: 190, subcode: 463, message: 'Error validating access token: Session has expired' });
    expect(token.headers.get('www-authenticate')).toBe(
      'OAuth "Facebook Platform" "invalid_token" "Error validating access token: Session has expired"',
    );
    expect(graphError(400, { code: 100, message: 'bad' }).headers.get('www-authenticate')).toBeNull();
  });
});
