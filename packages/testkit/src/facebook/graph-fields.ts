import { graphFieldExpansion, type GraphParams } from '../meta-graph/index.js';

/** A boolean parameter (`true`/`false`, `1`/`0`), or undefined when absent. @internal */
export function graphBool(params: GraphParams, name: string): boolean | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  return value === true || value === 'true' || value === '1' || value === 1;
}

/**
 * The top-level fields of a `fields` parameter, each with its modifiers
 * (`comments.summary(true).limit(0)` → `comments` with `{ summary: 'true', limit: '0' }`), read with
 * the shared base's `graphFieldExpansion` (https://developers.facebook.com/docs/graph-api/guides/field-expansion). @internal
 */
export function requestedFields(value: unknown): Map<string, Record<string, string>> {
  if (typeof value !== 'string' || value.trim() === '') return new Map();
  return new Map(graphFieldExpansion(value).map((selection) => [selection.name, selection.modifiers]));
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
