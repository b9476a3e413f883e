import { ValidationError } from '../errors/index.js';

const PLACEHOLDER = /\{\{\s*([A-Za-z_][\w.-]*)\s*\}\}/gu;

/**
 * The placeholder names in a saved reply, in order of first use.
 *
 * @example
 * ```ts
 * placeholdersOf('Hi {{author.name}}, order {{orderId}}'); // ['author.name', 'orderId']
 * ```
 */
export function placeholdersOf(template: string): string[] {
  return [...new Set(Array.from(template.matchAll(PLACEHOLDER), (match) => match[1]!))];
}

/**
 * Fills a saved reply's `{{placeholders}}`. Every placeholder must get a non-blank value —
 * a saved reply is a starting point, never a copy-pasted answer.
 *
 * @throws ValidationError naming every unfilled placeholder (path `values.<name>`), or a
 *   stray `{{`/`}}` left in the text.
 * @example
 * ```ts
 * renderSavedReply('Hi {{name}}, your refund for {{orderId}} is on its way.', { name: 'Dana', orderId: 'A-1042' });
 * // 'Hi Dana, your refund for A-1042 is on its way.'
 * ```
 */
export function renderSavedReply(template: string, values: Readonly<Record<string, string | number | undefined>>): string {
  // Only the caller's own string and number values fill a placeholder: {{constructor}} or
  // {{toString}} must never reach Object.prototype.
  const valueOf = (name: string): string | undefined => {
    if (!Object.hasOwn(values, name)) return undefined;
    const value: unknown = values[name];
    return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? String(value) : undefined;
  };
  const missing = placeholdersOf(template).filter((name) => (valueOf(name) ?? '').trim() === '');
  if (missing.length > 0) {
    throw new ValidationError(
      'saved reply',
      missing.map((name) => ({
        path: ['values', name],
        code: 'unfilled_placeholder',
        message: `{{${name}}} is not filled in; pass values.${name} so the reply is personalised`,
      })),
    );
  }
  // Look for stray braces in the template itself (a value may legitimately contain "{{").
  const stray = template.replace(PLACEHOLDER, (match) => ' '.repeat(match.length)).search(/\{\{|\}\}/u);
  if (stray >= 0) {
    throw new ValidationError('saved reply', [
      {
        path: ['template'],
        code: 'malformed_placeholder',
        message: `column ${stray + 1}: a "{{" or "}}" is not part of a {{name}} placeholder; fix or remove it`,
      },
    ]);
  }
  return template.replace(PLACEHOLDER, (_match, name: string) => valueOf(name)!);
}
