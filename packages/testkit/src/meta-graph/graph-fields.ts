import { topLevelFields } from './meta-spec.js';

/**
 * A node read as Graph answers it: only the fields asked for in `fields` (top-level names; nested
 * selections are answered with the whole value), or `defaults` when `fields` is absent, always with
 * `id`; a field the record does not have (undefined) is left out, as Graph leaves out an empty field.
 * Validate `fields` first (`checkGraphRequest`) so an unknown name is refused, not dropped.
 * https://developers.facebook.com/docs/graph-api/overview — "fields" parameter.
 *
 * @example
 * ```ts
 * pickGraphFields({ id: '1', caption: 'hi', like_count: 3 }, 'caption', ['id']); // { id: '1', caption: 'hi' }
 * ```
 */
export function pickGraphFields(
  record: Record<string, unknown>,
  fields: string | undefined,
  defaults: readonly string[],
): Record<string, unknown> {
  const names = fields && fields.trim() !== '' ? topLevelFields(fields) : [...defaults];
  const out: Record<string, unknown> = {};
  for (const name of names) if (record[name] !== undefined) out[name] = record[name];
  if (record.id !== undefined) out.id = record.id;
  return out;
}
