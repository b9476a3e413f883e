import type { SimRoute } from '../simulator/index.js';

/**
 * What the host is handed: a media item as an adapter holds it (`AdapterMediaRef` of
 * `@smm/core/adapter-kit` fits). `kind` defaults to the type part of `mimeType`.
 */
export interface PublicMediaInput {
  kind?: string | undefined;
  mimeType: string;
  source: { type: 'url'; url: string } | { type: 'bytes'; base64: string };
  /** A streamed body (spec v1.1): read to the end and counted, never kept. */
  body?: { stream(offset?: number): AsyncIterable<Uint8Array> } | undefined;
}

/** One file on the host. */
export interface PublicMediaFile {
  /** `1`, `2`, … in the order the files arrived. */
  id: string;
  /** The public URL the host handed out: `<baseUrl>/_media/<id>.<extension>`. */
  url: string;
  /** `image`, `video`, … (the input's `kind`, else the type part of `mimeType`). */
  kind: string;
  mimeType: string;
  sizeBytes: number;
  /** The bytes, when the host was given them whole; absent for a streamed body (counted, not kept). */
  bytes?: Uint8Array;
}

/**
 * A public media host for tests, in the shape of `@smm/meta-graph`'s `PublicMediaHost`: what an
 * app's CDN or bucket does for the Instagram and Threads adapters' `mediaHost` setting.
 */
export interface SimPublicMediaHost {
  /**
   * Puts a media item on the host and answers its public URL: a URL source is passed through,
   * base64 bytes are kept, a streamed `body` is read and counted (not kept). Rejects with the
   * signal's reason once `signal` is aborted.
   */
  urlFor(media: PublicMediaInput, options?: { signal?: AbortSignal | undefined }): Promise<{ url: string }>;
  /** Puts `bytes` on the host directly (a file already public on the web) and answers its URL. */
  add(bytes: Uint8Array, mimeType: string): string;
  /** The file at a URL the host handed out, or undefined for any other URL. */
  lookup(url: string): PublicMediaFile | undefined;
  /** The file at a path (`/_media/3.png`), whatever host name it was asked under (a simulator serving it on 127.0.0.1). */
  atPath(path: string): PublicMediaFile | undefined;
  /** Every file the host was given, in order. */
  files(): PublicMediaFile[];
  /** `GET /_media/:file`: serves the kept bytes with their content type and length; 404 for unknown or streamed files. */
  readonly route: SimRoute;
}

const PREFIX = '/_media/';
const EXTENSIONS: Record<string, string> = { jpeg: 'jpg', quicktime: 'mov', 'svg+xml': 'svg' };

/** The file name's extension: what a CDN's URL would end in (`image/jpeg` → `jpg`). */
function extensionOf(mimeType: string): string {
  const subtype = mimeType.split('/')[1]?.split(';')[0]?.trim().toLowerCase() ?? '';
  const extension = EXTENSIONS[subtype] ?? subtype;
  return /^[a-z0-9]+$/.test(extension) ? extension : 'bin';
}

/**
 * An in-memory public media host for the Meta simulators. Instagram and Threads download media
 * from a public URL (https://developers.facebook.com/docs/instagram-platform/content-publishing/
 * "Media on a public server"; https://developers.facebook.com/documentation/threads/posts "Public
 * server"), so an adapter hands its `mediaHost` a file and gets back a URL; this host keeps the
 * file (or, for a streamed body, its size), answers `<baseUrl>/_media/<n>.<ext>`, and lets a
 * simulator "download" it: `lookup`/`atPath` tell what is there, `route` serves the bytes.
 *
 * @param baseUrl - The origin of the URLs it hands out (a trailing `/` is ignored).
 * @example
 * ```ts
 * const host = createPublicMediaHost('https://media.example.com');
 * const { url } = await host.urlFor({ kind: 'image', source: { type: 'bytes', base64: 'iVBORw0KGgo=' }, mimeType: 'image/png' });
 * url; // 'https://media.example.com/_media/1.png'
 * host.lookup(url)?.sizeBytes; // 8
 * // A simulator mounts `host.route` to serve the kept bytes: createSimulatorEngine({ …, routes: [host.route, …] })
 * ```
 */
export function createPublicMediaHost(baseUrl: string): SimPublicMediaHost {
  const root = baseUrl.replace(/\/+$/, '');
  const byName = new Map<string, PublicMediaFile>();
  const store = (entry: Omit<PublicMediaFile, 'id' | 'url'>): string => {
    const id = String(byName.size + 1);
    const name = `${id}.${extensionOf(entry.mimeType)}`;
    const url = `${root}${PREFIX}${name}`;
    byName.set(name, { id, url, ...entry });
    return url;
  };
  const kindOf = (media: { kind?: string | undefined; mimeType: string }) => media.kind ?? media.mimeType.split('/')[0]!;

  return {
    async urlFor(media, options = {}) {
      const { signal } = options;
      signal?.throwIfAborted();
      if (media.source.type === 'url') return { url: media.source.url };
      if (media.body) {
        let sizeBytes = 0;
        for await (const chunk of media.body.stream()) {
          // Stop reading as soon as the publish is cancelled, as a real upload would.
          signal?.throwIfAborted();
          sizeBytes += chunk.length;
        }
        signal?.throwIfAborted();
        return { url: store({ kind: kindOf(media), mimeType: media.mimeType, sizeBytes }) };
      }
      const bytes = new Uint8Array(Buffer.from(media.source.base64, 'base64'));
      return { url: store({ kind: kindOf(media), mimeType: media.mimeType, sizeBytes: bytes.length, bytes }) };
    },
    add: (bytes, mimeType) => store({ kind: kindOf({ mimeType }), mimeType, sizeBytes: bytes.length, bytes }),
    lookup: (url) => [...byName.values()].find((file) => file.url === url),
    atPath: (path) => (path.startsWith(PREFIX) ? byName.get(path.slice(PREFIX.length)) : undefined),
    files: () => [...byName.values()],
    route: {
      method: 'GET',
      path: `${PREFIX}:file`,
      handle(request) {
        const file = byName.get(request.params.file ?? '');
        if (!file?.bytes) return new Response('Not Found', { status: 404, headers: { 'content-type': 'text/plain' } });
        return new Response(new Uint8Array(file.bytes), {
          status: 200,
          headers: { 'content-type': file.mimeType, 'content-length': String(file.sizeBytes) },
        });
      },
    },
  };
}
