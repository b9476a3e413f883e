import { ValidationError, type AdapterMediaRef } from '@smm/core/adapter-kit';

/**
 * Where an app puts media Meta must download (Instagram and Threads fetch media from a public
 * URL: https://developers.facebook.com/docs/instagram-platform/content-publishing,
 * https://developers.facebook.com/documentation/threads/get-started "Public Server"): given a
 * file, Blob, stream or bytes of a draft, it stores them and answers a URL reachable from the
 * internet until the post is published.
 */
export interface PublicMediaHost {
  urlFor(media: AdapterMediaRef, options: { signal?: AbortSignal | undefined }): Promise<{ url: string }>;
}

/**
 * The public URL of one media item: its own URL when the draft gave one; else the app's
 * `mediaHost`'s URL for its bytes; else a `ValidationError` at `media[<index>].source` saying the
 * network needs a public URL and naming the `mediaHost` setting.
 *
 * @example
 * ```ts
 * const url = await publicMediaUrl(draft.media[0], settings.mediaHost, { network: 'instagram', index: 0, signal });
 * ```
 */
export async function publicMediaUrl(
  media: AdapterMediaRef,
  host: PublicMediaHost | undefined,
  context: { network: string; index: number; signal?: AbortSignal | undefined },
): Promise<string> {
  if (media.source.type === 'url') return media.source.url;
  if (!host) {
    throw new ValidationError(`${context.network} media`, [
      {
        path: ['media', context.index, 'source'],
        code: 'public_url_required',
        message: `${context.network} downloads media from a public URL: give the media as a URL, or set the adapter's mediaHost setting (a PublicMediaHost that stores files and answers their URL)`,
      },
    ]);
  }
  const { url } = await host.urlFor(media, { signal: context.signal });
  if (!/^https?:\/\//.test(url)) {
    throw new ValidationError(`${context.network} media`, [
      {
        path: ['media', context.index, 'source'],
        code: 'invalid_media_host_url',
        message: `the mediaHost answered "${url.slice(0, 80)}", not an absolute http(s) URL Meta can download: fix the PublicMediaHost`,
      },
    ]);
  }
  return url;
}
