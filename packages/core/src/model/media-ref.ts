import { ADAPTER_V1_MEDIA_KINDS } from '../adapter-spec/index.js';
import { z } from 'zod';
import { DurationMsSchema, HttpUrlSchema } from './primitives.js';

/** Kinds of media a post can carry. */
export const MEDIA_KINDS = ADAPTER_V1_MEDIA_KINDS;
/** A kind of media. */
export type MediaKind = (typeof MEDIA_KINDS)[number];

const isAsyncIterable = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { [Symbol.asyncIterator]?: unknown })[Symbol.asyncIterator] === 'function';
const isReadableStream = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && typeof (value as { getReader?: unknown }).getReader === 'function';

/** The media sources that are plain JSON, so a calendar entry or a scheduler store can keep them. */
export const STORABLE_MEDIA_SOURCE_TYPES = ['url', 'bytes', 'file'] as const;

/**
 * Where media bytes come from:
 * - `url`: a URL the adapter (or core) fetches;
 * - `bytes`: the bytes themselves as base64 (small files only);
 * - `file`: a path on this machine (Node, Deno, Bun); JSON, so the scheduler can keep it;
 * - `blob`: a `Blob` or `File` (in-process only);
 * - `stream`: a `ReadableStream<Uint8Array>` or async iterable of bytes, with its exact `sizeBytes` (in-process only, read once).
 *
 * Core reads file, Blob and stream sources in chunks: nothing holds the whole file in memory.
 */
export const MediaSourceSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('url'), url: HttpUrlSchema }),
  z.object({
    type: z.literal('bytes'),
    base64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64 (A–Z, a–z, 0–9, +, /, = padding)' }),
  }),
  z.object({
    type: z.literal('file'),
    path: z.string({ error: 'must be the file path as a string' }).min(1, { error: 'must be a file path' }),
  }),
  z.object({
    type: z.literal('blob'),
    blob: z.custom<Blob>((value) => typeof Blob !== 'undefined' && value instanceof Blob, { error: 'must be a Blob or File' }),
  }),
  z.object({
    type: z.literal('stream'),
    stream: z.custom<ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>>((value) => isReadableStream(value) || isAsyncIterable(value), {
      error: 'must be a ReadableStream<Uint8Array> or an async iterable of Uint8Array',
    }),
    sizeBytes: z
      .number({ error: 'a stream needs its exact size: give sizeBytes (e.g. from fs.stat or Content-Length)' })
      .int({ error: 'must be a whole number of bytes' })
      .nonnegative({ error: 'must be 0 or more bytes' }),
  }),
]);

/** Where media bytes come from (see {@link MediaSourceSchema}). */
export type MediaSource = z.infer<typeof MediaSourceSchema>;
/** A source core reads for the adapter: a file, Blob or stream. */
export type LocalMediaSource = Exclude<MediaSource, { type: 'url' } | { type: 'bytes' }>;

const RefFields = {
  kind: z.enum(MEDIA_KINDS, { error: `must be one of ${MEDIA_KINDS.join(', ')}` }),
  /** IANA media type, e.g. `image/jpeg`. */
  mimeType: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/i, { error: 'must be a media type such as image/jpeg' }),
  sizeBytes: z.number().int().nonnegative().optional(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
  durationMs: DurationMsSchema.optional(),
  /** Text alternative for people who cannot see the media. Some networks and policies require it. */
  altText: z.string().max(5000).optional(),
};

const isLocal = (source: MediaSource): source is LocalMediaSource => source.type !== 'url' && source.type !== 'bytes';
/** What a spec v1.0 adapter sees in `source` for a file, Blob or stream: no bytes (core reads `from` for it). */
const NO_BYTES = { type: 'bytes', base64: '' } as const;
/** A source a store can keep: a URL, or base64 bytes (empty when the bytes come from a local source in `from`). */
export type StoredSource = { type: 'url'; url: string } | { type: 'bytes'; base64: string };

/**
 * A piece of media attached to a post, described well enough to check it against a network's limits.
 *
 * Give any {@link MediaSource} as `source`. A file, Blob or stream source comes out of parsing in
 * `from`, with `source` set to `{ type: 'bytes', base64: '' }`, so the parsed ref keeps the shape
 * spec v1 adapters read (`source` is a URL or base64). Core reads `from` in chunks when it publishes.
 * Parsing the parsed form again gives the same result (a stored draft round-trips through JSON).
 */
export const MediaRefSchema = z
  .object({
    ...RefFields,
    source: MediaSourceSchema,
    /** Where the bytes really are when `source` carries none (set by parsing; see above). */
    from: MediaSourceSchema.optional(),
  })
  .superRefine((ref, context) => {
    if (ref.from && !isLocal(ref.from)) {
      context.addIssue({
        code: 'custom',
        path: ['from'],
        message: 'must be a file, blob or stream source: put a url or bytes source in source',
      });
    }
  })
  .transform(({ source, from, ...rest }): typeof rest & { source: StoredSource; from?: LocalMediaSource } => {
    const local = isLocal(source) ? source : (from as LocalMediaSource | undefined);
    const narrow: StoredSource = isLocal(source) ? NO_BYTES : source;
    // Object.assign: a spread copy that gains properties leaves V8's fast path (Node 20).
    return Object.assign({}, rest, local ? { source: narrow, from: local } : { source: narrow });
  });

/** A piece of media attached to a post. */
export interface MediaRef extends z.output<typeof MediaRefSchema> {}
/** A piece of media as a caller gives it (`source` may be any {@link MediaSource}). */
export interface MediaRefInput extends z.input<typeof MediaRefSchema> {}
