/** One file the simulated media host serves. */
export interface HostedMedia {
  id: string;
  mimeType: string;
  bytes: number;
}

/** A public media host for tests: keeps files and hands out their URLs (what an app's CDN or bucket does). */
export interface InstagramMediaHost {
  /** What the adapter's `mediaHost` setting takes (`PublicMediaHost` of `@smm/meta-graph`). */
  urlFor(media: { source: { type: string; base64?: string; url?: string }; mimeType: string }): Promise<{ url: string }>;
  /** The file a hosted URL points at, or undefined when the URL is not one the host handed out. */
  lookup(url: string): HostedMedia | undefined;
  /** Every file hosted so far. */
  files(): HostedMedia[];
}

const PATH = '/_media/';

/**
 * An in-memory media host: `urlFor` stores the bytes (base64 sources) and answers
 * `<origin>/_media/<n>`; `lookup` is how the Instagram simulator "cURLs" an `image_url`/`video_url`
 * it was given (Meta fetches media from a public URL at container creation:
 * https://developers.facebook.com/docs/instagram-platform/content-publishing/ — "Media on a public server").
 *
 * @example
 * ```ts
 * const host = createInstagramMediaHost('https://media.example');
 * const { url } = await host.urlFor({ source: { type: 'bytes', base64: '…' }, mimeType: 'image/jpeg' });
 * host.lookup(url)?.mimeType; // 'image/jpeg'
 * ```
 */
export function createInstagramMediaHost(origin: string): InstagramMediaHost {
  const hosted = new Map<string, HostedMedia>();
  return {
    async urlFor(media) {
      if (media.source.type === 'url' && media.source.url) return { url: media.source.url };
      const base64 = media.source.base64 ?? '';
      const id = String(hosted.size + 1);
      hosted.set(id, { id, mimeType: media.mimeType, bytes: Math.floor((base64.replace(/=+$/, '').length * 3) / 4) });
      return { url: `${origin}${PATH}${id}` };
    },
    lookup(url) {
      let path: string;
      try {
        path = new URL(url).pathname;
      } catch {
        return undefined;
      }
      return path.startsWith(PATH) ? hosted.get(path.slice(PATH.length)) : undefined;
    },
    files: () => [...hosted.values()],
  };
}
