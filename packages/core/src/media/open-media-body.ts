import { NetworkError, ValidationError } from '../errors/index.js';
import type { MediaRef, MediaSource } from '../model/index.js';
import { createMediaBody, type MediaBody } from './media-body.js';

/** Options of {@link openMediaBody}. */
export interface OpenMediaBodyOptions {
  /** The declared media type (kept until a probe reads the real one). */
  mimeType: string;
  /** The declared size, used for a URL whose server sends no Content-Length. */
  sizeBytes?: number | undefined;
  /** Where the source sits in the draft, for error messages, e.g. `media.1.source`. */
  field?: string;
  /** The fetch used for URL sources (default: the global fetch). */
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

function problem(field: string, code: string, message: string): ValidationError {
  return new ValidationError('media source', [
    { path: field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)), code, message },
  ]);
}

function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function* fromReadable(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

// Node-only: kept behind a dynamic import so a browser or edge bundle of core never loads `node:fs`.
// The specifier is built at run time so bundlers do not try to resolve it for the browser.
// Typed here by the two calls used, since core's build has no Node types.
interface NodeFs {
  promises: { stat(path: string): Promise<{ size: number; isFile(): boolean }> };
  createReadStream(path: string, options: { start: number; highWaterMark: number }): AsyncIterable<Uint8Array>;
}
const nodeFs = (): Promise<NodeFs> => import(/* @vite-ignore */ ['node', 'fs'].join(':')) as Promise<NodeFs>;

/**
 * Turns a media source into a body whose size is known before the first byte is read: a file
 * is read with `fs.createReadStream({ start })`, a Blob with `blob.slice(offset).stream()`, a URL
 * with fetch (an HTTP `Range` request from an offset), a stream once. Nothing is read whole.
 *
 * @throws ValidationError when the file is missing, a URL gives no size, or a stream has no `sizeBytes`.
 * @example
 * ```ts
 * const body = await openMediaBody({ type: 'file', path: './clip.mp4' }, { mimeType: 'video/mp4' });
 * for await (const chunk of body.chunks(5 * 1024 * 1024)) await send(chunk);
 * ```
 */
export async function openMediaBody(source: MediaSource, options: OpenMediaBodyOptions): Promise<MediaBody> {
  const field = options.field ?? 'source';
  const { mimeType } = options;
  switch (source.type) {
    case 'bytes': {
      const bytes = decodeBase64(source.base64);
      return createMediaBody({
        sizeBytes: bytes.length,
        mimeType,
        rereadable: true,
        read: async function* (offset) {
          if (offset < bytes.length) yield bytes.subarray(offset);
        },
      });
    }
    case 'blob': {
      const { blob } = source;
      return createMediaBody({
        sizeBytes: blob.size,
        mimeType,
        rereadable: true,
        read: (offset) => fromReadable(blob.slice(offset).stream()),
      });
    }
    case 'stream': {
      const { stream } = source;
      const iterable =
        'getReader' in stream && typeof stream.getReader === 'function' ? fromReadable(stream) : (stream as AsyncIterable<Uint8Array>);
      return createMediaBody({ sizeBytes: source.sizeBytes, mimeType, rereadable: false, read: () => iterable });
    }
    case 'file': {
      const fs = await nodeFs().catch(() => {
        throw problem(
          field,
          'file_source_unavailable',
          'file sources need Node, Deno or Bun: give a Blob, a stream or a URL in this runtime',
        );
      });
      const stat = await fs.promises.stat(source.path).catch((error: Error & { code?: string }) => {
        throw problem(`${field}.path`, 'file_not_found', `cannot read ${source.path} (${error.code ?? error.message}): check the path`);
      });
      if (!stat.isFile()) throw problem(`${field}.path`, 'not_a_file', `${source.path} is not a file: give the path of a media file`);
      const path = source.path;
      return createMediaBody({
        sizeBytes: stat.size,
        mimeType,
        rereadable: true,
        read: (offset) => fs.createReadStream(path, { start: offset, highWaterMark: 256 * 1024 }),
      });
    }
    case 'url': {
      const doFetch = options.fetch ?? globalThis.fetch;
      const url = source.url;
      let sizeBytes = options.sizeBytes;
      if (sizeBytes === undefined) {
        const head = await doFetch(url, { method: 'HEAD', ...(options.signal ? { signal: options.signal } : {}) }).catch(
          (error: unknown) => {
            throw new NetworkError(`could not reach the media URL (${error instanceof Error ? error.message : String(error)}): check it`, {
              cause: error,
            });
          },
        );
        const length = head.headers.get('content-length');
        if (!head.ok || length === null) {
          throw problem(field, 'media_size_unknown', `the media URL gave no size (HTTP ${head.status}): give sizeBytes on the media`);
        }
        sizeBytes = Number(length);
      }
      return createMediaBody({
        sizeBytes,
        mimeType,
        rereadable: true,
        read: async function* (offset) {
          const headers: Record<string, string> = offset > 0 ? { range: `bytes=${offset}-` } : {};
          const response = await doFetch(url, { headers, ...(options.signal ? { signal: options.signal } : {}) });
          if (!response.ok || !response.body) throw new NetworkError(`the media URL answered HTTP ${response.status}: check it`);
          if (offset > 0 && response.status !== 206)
            throw new NetworkError('the media URL ignores Range requests: it cannot be resumed from an offset');
          yield* fromReadable(response.body);
        },
      });
    }
  }
}

/**
 * Opens the bytes of a parsed `MediaRef` (its `from` source when it has one, else its `source`).
 * @internal
 */
export function openMediaRef(
  ref: MediaRef,
  path: Array<string | number>,
  options: { fetch?: typeof fetch; signal?: AbortSignal } = {},
): Promise<MediaBody> {
  const source = ref.from ?? ref.source;
  return openMediaBody(source, {
    mimeType: ref.mimeType,
    sizeBytes: source.type === 'stream' ? source.sizeBytes : ref.sizeBytes,
    field: [...path, ref.from ? 'from' : 'source'].join('.'),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
}
