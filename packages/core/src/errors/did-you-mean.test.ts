import { describe, expect, it } from 'vitest';
import { suggestKey, unknownKeyMessage } from './index.js';

describe('suggestKey', () => {
  it('finds the key a typo, a missing plural, another case or snake_case meant', () => {
    expect(suggestKey('adapter', ['adapters', 'accounts', 'credentials'])).toBe('adapters');
    expect(suggestKey('credentails', ['adapters', 'accounts', 'credentials'])).toBe('credentials');
    expect(suggestKey('base_url', ['baseUrl', 'fetch'])).toBe('baseUrl');
    expect(suggestKey('BaseURL', ['baseUrl', 'fetch'])).toBe('baseUrl');
    expect(suggestKey('tetx', ['text', 'media', 'link'])).toBe('text');
    expect(suggestKey('savedReply', ['savedReplies', 'sender'])).toBe('savedReplies');
  });

  it('finds the key without its unit, and a common synonym of a key that is there', () => {
    expect(suggestKey('timeout', ['timeoutMs', 'maxRetries'])).toBe('timeoutMs');
    expect(suggestKey('body', ['text', 'media', 'link'])).toBe('text');
    expect(suggestKey('images', ['text', 'media', 'link'])).toBe('media');
    expect(suggestKey('url', ['text', 'media', 'link'])).toBe('link');
  });

  it('guesses nothing when nothing is close, or the synonym names a key that is not there', () => {
    expect(suggestKey('colour', ['text', 'media', 'link'])).toBeUndefined();
    expect(suggestKey('body', ['media', 'link'])).toBeUndefined();
    expect(suggestKey('id', [])).toBeUndefined();
  });
});

describe('unknownKeyMessage', () => {
  it('names the likely key, or lists the accepted ones', () => {
    expect(unknownKeyMessage('adapter', ['adapters', 'accounts'], ['adapters'])).toBe('unknown option — did you mean `adapters`?');
    expect(unknownKeyMessage('colour', ['text', 'media'])).toBe('unknown option: the options here are `text`, `media`');
    // `text` is already set: suggesting it would not help, so the accepted keys are listed.
    expect(unknownKeyMessage('body', ['text', 'media'], ['media'])).toBe('unknown option: the options here are `text`, `media`');
  });
});
