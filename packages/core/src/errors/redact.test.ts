import { describe, expect, it } from 'vitest';
import { REDACTED, describeRequest, isSecretName, redact, redactHeaders, redactText, redactUrl } from './index.js';

describe('redaction helpers', () => {
  it('knows secret names in any spelling and leaves ordinary ones', () => {
    for (const name of [
      'Authorization',
      'access_token',
      'refreshToken',
      'X-Api-Key',
      'client_secret',
      'password',
      'Set-Cookie',
      'X-Amz-Signature',
      'dbPassword',
    ]) {
      expect(isSecretName(name), name).toBe(true);
    }
    for (const name of ['max_results', 'Content-Type', 'limit', 'text', 'Idempotency-Key', 'x-rate-limit-remaining']) {
      expect(isSecretName(name), name).toBe(false);
    }
  });

  it('redacts query parameters and keeps the rest of the URL', () => {
    expect(redactUrl('https://graph.example/me?fields=id,name&access_token=EAAB123&after=QVFI')).toBe(
      `https://graph.example/me?fields=id%2Cname&access_token=${REDACTED}&after=QVFI`,
    );
    expect(redactUrl('https://bob:hunter22@host.example/path')).toBe(`https://bob:${REDACTED}@host.example/path`);
    expect(redactUrl('/relative?api_key=k3y1')).toBe(`/relative?api_key=${REDACTED}`);
  });

  it('scrubs schemes, JWTs, JSON fields and header lines from free text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJkaWQ6cGxjOmFiYyJ9.c2lnbmF0dXJl';
    const text = `Authorization: Basic dXNlcjpwYXNz\nsent ${jwt} and {"password": "p@ss word", "text": "hi"}`;
    const out = redactText(text);
    expect(out).not.toContain('dXNlcjpwYXNz');
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('p@ss word');
    expect(out).toContain('"text": "hi"');
  });

  it('redacts known secret values wherever they appear, encoded or not', () => {
    expect(redactText('key is a+b/c= or a%2Bb%2Fc%3D', { secrets: ['a+b/c='] })).toBe(`key is ${REDACTED} or ${REDACTED}`);
  });

  it('deep-redacts objects and headers, without mutating the input', () => {
    const input = { user: 'ana', password: 'hunter2', nested: [{ refresh_token: 'r1', note: 'Bearer zzzzzz' }] };
    expect(redact(input)).toEqual({ user: 'ana', password: REDACTED, nested: [{ refresh_token: REDACTED, note: `Bearer ${REDACTED}` }] });
    expect(input.password).toBe('hunter2');
    expect(redactHeaders(new Headers({ Authorization: 'Bearer t', Accept: 'text/plain' }))).toEqual({
      authorization: REDACTED,
      accept: 'text/plain',
    });
    expect(describeRequest({ url: 'https://a.example/x', headers: [['Cookie', 'a=b']] })).toEqual({
      method: 'GET',
      url: 'https://a.example/x',
      headers: { cookie: REDACTED },
    });
  });
});
