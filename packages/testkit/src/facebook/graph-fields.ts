import type { GraphParams } from '../meta-graph/index.js';

/** A boolean parameter (`true`/`false`, `1`/`0`), or undefined when absent. @internal */
export function graphBool(params: GraphParams, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  return value === true || value === 'true' || value === '1' || value === 1;
}

/**
 * The top-level names of a `fields` parameter, with each one's modifiers
 * (`comments.summary(true).limit(0)` → `comments` with `{ summary: 'true', limit: '0' }`),
 * per https://developers.facebook.com/docs/graph-api/guides/field-expansion. @internal
 */
export function requestedFields(value: unknown): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  if (typeof value !== 'string' || value === '') return out;
  let depth = 0;
  let current = '';
  const parts: string[] = [];
  for (const character of value) {
    if (character === '{' || character === '(') depth += 1;
    if (character === '}' || character === ')') depth -= 1;
    if (character === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += character;
  }
  parts.push(current);
  for (const part of parts.map((entry) => entry.trim()).filter(Boolean)) {
    const [name, ...modifiers] = part.replace(/\{.*\}$/, '').split('.');
    const options: Record<string, string> = {};
    for (const modifier of modifiers) {
      const match = /^(\w+)\(([^)]*)\)$/.exec(modifier);
      if (match) options[match[1]!] = match[2]!;
    }
    out.set(name!, options);
  }
  return out;
}

/**
 * Parameters as the codegen spec types them: an uploaded file (multipart `source`,
 * `video_file_chunk`) stands in as its file name, since the specs type uploads as strings. @internal
 */
export function specParams(params: GraphParams): GraphParams {
  const out: GraphParams = {};
  for (const [name, value] of Object.entries(params)) {
    out[name] =
      value !== null && typeof value === 'object' && !Array.isArray(value) && 'size' in value && 'filename' in value
        ? String((value as { filename: unknown }).filename ?? 'file')
        : value;
  }
  return out;
}
