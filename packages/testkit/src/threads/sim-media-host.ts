/** What the simulated media host receives: the media as an adapter holds it (bytes, or a streamed body). */
export interface HostedMediaInput {
  kind: string;
  mimeType: string;
  source: { type: 'url'; url: string } | { type: 'bytes'; base64: string };
  body?: { sizeBytes: number; stream(offset?: number): AsyncIterable<Uint8Array> } | undefined;
}

/** One file the host holds: its size and type, and its bytes when it was given them whole (a streamed body is counted, not kept). */
export interface HostedMedia {
  url: string;
  kind: string;
  mimeType: string;
  sizeBytes: number;
  bytes?: Uint8Array;
}

/**
 * A public media host for tests, in the shape of `@smm/meta-graph`'s `PublicMediaHost`: it takes a
 * file an adapter holds and answers a public URL for it, which the Threads (or Instagram)
 * simulator then "downloads". Streamed bodies are read to the end and counted, never kept.
 */
export interface SimMediaHost {
  urlFor(media: HostedMediaInput, options: { signal?: AbortSignal | undefined }): Promise<{ url: string }>;
  /** Puts `bytes` on the host (a file already public on the web, for tests) and answers its URL. */
  add(bytes: Uint8Array, mimeType: string): string;
  /** What the host holds at `url`, if it is one of its URLs. */
  lookup(url: string): HostedMedia | undefined;
  /** What it holds at a path (`/m/3.png`), whatever the host name it was asked under. */
  atPath(path: string): HostedMedia | undefined;
  /** Every file it was given, in order. */
  files(): HostedMedia[];
}

/** Creates a {@link SimMediaHost} serving URLs under `baseUrl`. */
export function createSimMediaHost(baseUrl: string): SimMediaHost {
  const files = new Map<string, HostedMedia>();
  const root = baseUrl.replace(/\/+$/, '');
  const store = (entry: Omit<HostedMedia, 'url'>) => {
    const extension = entry.mimeType.split('/')[1]?.replace('quicktime', 'mov').replace('jpeg', 'jpg') ?? 'bin';
    const url = `${root}/m/${files.size + 1}.${extension}`;
    files.set(url, { url, ...entry });
    return url;
  };
  return {
    async urlFor(media, options) {
      options.signal?.throwIfAborted();
      if (media.body) {
        let sizeBytes = 0;
        for await (const chunk of media.body.stream()) sizeBytes += chunk.length;
        return { url: store({ kind: media.kind, mimeType: media.mimeType, sizeBytes }) };
      }
      if (media.source.type === 'url') return { url: media.source.url };
      const bytes = Uint8Array.from(atob(media.source.base64), (char) => char.charCodeAt(0));
      return { url: store({ kind: media.kind, mimeType: media.mimeType, sizeBytes: bytes.length, bytes }) };
    },
    add: (bytes, mimeType) => store({ kind: mimeType.split('/')[0]!, mimeType, sizeBytes: bytes.length, bytes }),
    lookup: (url) => files.get(url),
    atPath: (path) => [...files.values()].find((file) => new URL(file.url).pathname === path),
    files: () => [...files.values()],
  };
}
