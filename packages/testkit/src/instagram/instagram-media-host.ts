import { json } from '../simulator/index.js';
import type { SimRoute } from '../simulator/index.js';

/** One file the simulated media host serves. */
export interface InstagramHostedMedia {
  id: string;
  mimeType: string;
  bytes: number;
}

/** A public media host for tests: keeps files and hands out their URLs (what an app's CDN or bucket does). */
export interface InstagramMediaHost {
  /** What the adapter's `mediaHost` setting takes (`PublicMediaHost` of `@smm/meta-graph`): stores base64 bytes, answers their URL. */
  urlFor(media: { source: { type: string; base64?: string; url?: string }; mimeType: string }): Promise<{ url: string }>;
  /** Stores bytes directly (a file the app already hosts) and answers their URL. */
  put(bytes: Uint8Array, mimeType: string): string;
  /** The file a hosted URL points at, or undefined when the URL is not one the host handed out. */
  lookup(url: string): InstagramHostedMedia | undefined;
  /** Every file hosted so far. */
  files(): InstagramHostedMedia[];
  /** `GET /_media/<id>`: serves the files (mounted on the simulator, so its fetch and `listen()` serve them too). */
  readonly route: SimRoute;
}

const PATH = '/_media/';

/**
 * An in-memory media host: `urlFor` stores the bytes (base64 sources) and answers
 * `<origin>/_media/<n>`, served by `route`; `lookup` is how the Instagram simulator "cURLs" an
 * `image_url`/`video_url` it was given (Meta fetches media from a public URL at container creation:
 * https://developers.facebook.com/docs/instagram-platform/content-publishing/ — "Media on a public server").
 *
 * @example
 * ```ts
 * const host = createInstagramMediaHost('https://graph.facebook.com');
 * const { url } = await host.urlFor({ source: { type: 'bytes', base64: '…' }, mimeType: 'image/jpeg' });
 * host.lookup(url)?.mimeType; // 'image/jpeg'
 * ```
 */
export function createInstagramMediaHost(origin: string): InstagramMediaHost {
  const hosted = new Map<string, { mimeType: string; bytes: Uint8Array }>();
  const put = (bytes: Uint8Array, mimeType: string) => {
    const id = String(hosted.size + 1);
    hosted.set(id, { mimeType, bytes });
    return `${origin}${PATH}${id}`;
  };
  const describe = (id: string, file: { mimeType: string; bytes: Uint8Array }): InstagramHostedMedia => ({
    id,
    mimeType: file.mimeType,
    bytes: file.bytes.length,
  });
  return {
    async urlFor(media) {
      if (media.source.type === 'url' && media.source.url) return { url: media.source.url };
      return { url: put(Uint8Array.from(Buffer.from(media.source.base64 ?? '', 'base64')), media.mimeType) };
    },
    put,
    lookup(url) {
      let path: string;
      try {
        path = new URL(url).pathname;
      } catch {
        return undefined;
      }
      const id = path.startsWith(PATH) ? path.slice(PATH.length) : undefined;
      const file = id === undefined ? undefined : hosted.get(id);
      return file ? describe(id!, file) : undefined;
    },
    files: () => [...hosted.entries()].map(([id, file]) => describe(id, file)),
    route: {
      method: 'GET',
      path: `${PATH}:id`,
      handle(request) {
        const file = hosted.get(request.params.id!);
        if (!file) return json(404, { error: 'not found' });
        return new Response(new Blob([file.bytes as Uint8Array<ArrayBuffer>]), {
          status: 200,
          headers: { 'content-type': file.mimeType, 'content-length': String(file.bytes.length) },
        });
      },
    },
  };
}
