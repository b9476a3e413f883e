import { parseApiResponse, type AdapterContext, type AdapterMediaRef } from '@smm/core/adapter-kit';
import { graphPath } from '@smm/meta-graph';
import { PhotoCreatedSchema } from './api-schemas.js';
import { mediaBlob } from './media-bytes.js';

/**
 * Uploads one photo to the Page (`POST /{page-id}/photos`,
 * https://developers.facebook.com/docs/graph-api/reference/page/photos/#Creating): by `url` (Graph
 * fetches it) or as the multipart `source` file, with the alt text as `alt_text_custom`, and
 * `fields` (`message`, `published`, `temporary`, scheduling). Returns `{ id, post_id? }`:
 * a published photo is a post (`post_id`), an unpublished one waits to be attached to a feed post.
 * @internal
 */
export async function uploadPhoto(
  media: AdapterMediaRef,
  fields: Record<string, string | number | boolean>,
  context: AdapterContext,
  apiVersion: string,
): Promise<{ id: string; post_id?: string | undefined }> {
  const path = graphPath(apiVersion, `${context.account.id}/photos`);
  const params: Record<string, string | number | boolean> = { ...fields, ...(media.altText ? { alt_text_custom: media.altText } : {}) };
  let response;
  if (media.source.type === 'url') {
    response = await context.http.request({ method: 'POST', path, json: { ...params, url: media.source.url }, signal: context.signal });
  } else {
    const form = new FormData();
    for (const [name, value] of Object.entries(params)) form.append(name, String(value));
    form.append('source', await mediaBlob(media), 'photo');
    response = await context.http.request({ method: 'POST', path, body: form, signal: context.signal });
  }
  return parseApiResponse(PhotoCreatedSchema, response, 'facebook', 'POST /{page-id}/photos');
}
