import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/index.js';
import { placeholdersOf, renderSavedReply } from './saved-reply.js';

describe('renderSavedReply', () => {
  it('fills every placeholder, spaces inside braces allowed', () => {
    expect(renderSavedReply('Hi {{ name }}, order {{orderId}} ({{name}})', { name: 'Dana', orderId: 1042 })).toBe(
      'Hi Dana, order 1042 (Dana)',
    );
    expect(placeholdersOf('{{a}} {{ b.c }} {{a}}')).toEqual(['a', 'b.c']);
  });

  it('names every unfilled placeholder', () => {
    expect.assertions(2);
    try {
      renderSavedReply('Hi {{name}}, order {{orderId}}, {{agent}}', { name: 'Dana', agent: '' });
    } catch (error) {
      expect(ValidationError.isInstance(error)).toBe(true);
      expect((error as ValidationError).issues.map((issue) => issue.message)).toEqual([
        '{{orderId}} is not filled in; pass values.orderId so the reply is personalised',
        '{{agent}} is not filled in; pass values.agent so the reply is personalised',
      ]);
    }
  });

  it('refuses stray braces in the template but allows braces in values', () => {
    expect(() => renderSavedReply('Hi {{name}, sorry', { name: 'x' })).toThrow(
      /column 4: a "\{\{" or "\}\}" is not part of a \{\{name\}\} placeholder/,
    );
    expect(renderSavedReply('Code: {{code}}', { code: '{{x}}' })).toBe('Code: {{x}}');
  });

  it("fills placeholders only from the values' own strings and numbers, never from Object.prototype", () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => renderSavedReply(`Hi {{${name}}}`, {}), name).toThrow(`{{${name}}} is not filled in`);
    }
    expect(renderSavedReply('Hi {{constructor}}', { constructor: 'Dana' } as Record<string, string>)).toBe('Hi Dana');
  });
});
