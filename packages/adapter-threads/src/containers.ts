import type { AdapterContext } from '@smm/core/adapter-kit';
import { graphCreate, graphPath } from '@smm/meta-graph';
import type { HandlePart } from './pending-handle.js';

/** What one part's container carries besides its own text and media. @internal */
export interface ContainerExtras {
  /** `reply_to_id`: the post this part answers. */
  replyTo?: string | undefined;
  /** `quote_post_id` (first part only). */
  quotePostId?: string | undefined;
  /** `reply_control`. */
  replyControl?: string | undefined;
}

type Params = Record<string, string>;

const mediaParams = (item: HandlePart['media'][number]): Params => ({
  media_type: item.kind === 'image' ? 'IMAGE' : 'VIDEO',
  [item.kind === 'image' ? 'image_url' : 'video_url']: item.url,
  ...(item.altText ? { alt_text: item.altText } : {}),
});

// Parameters go as a form body, as Meta's examples send them (`curl -F`).
const createContainer = async (params: Params, context: AdapterContext, apiVersion: string): Promise<string> =>
  (
    await graphCreate(context.http, {
      path: graphPath(apiVersion, `${context.account.id}/threads`),
      params,
      platform: 'threads',
      what: 'POST /{threads-user-id}/threads',
      signal: context.signal,
    })
  ).id;

/**
 * Creates the container of one part with `POST /{threads-user-id}/threads`
 * (https://developers.facebook.com/documentation/threads/posts): `TEXT` with `text` (and
 * `link_attachment`), `IMAGE`/`VIDEO` with `image_url`/`video_url` and `alt_text`
 * (https://developers.facebook.com/documentation/threads/posts/accessibility), or — for 2 to 20
 * items — one `is_carousel_item=true` container per item, then a `CAROUSEL` container with
 * `children` ("Carousel posts" on the same page). `reply_to_id`, `quote_post_id` and
 * `reply_control` go on the part's own container. Returns the container to publish.
 * @internal
 */
export async function createPartContainer(
  part: HandlePart,
  extras: ContainerExtras,
  context: AdapterContext,
  apiVersion: string,
): Promise<string> {
  const common: Params = {
    ...(part.text ? { text: part.text } : {}),
    ...(extras.replyTo ? { reply_to_id: extras.replyTo } : {}),
    ...(extras.quotePostId ? { quote_post_id: extras.quotePostId } : {}),
    ...(extras.replyControl ? { reply_control: extras.replyControl } : {}),
  };
  if (part.media.length === 0) {
    return createContainer({ media_type: 'TEXT', ...common, ...(part.link ? { link_attachment: part.link } : {}) }, context, apiVersion);
  }
  if (part.media.length === 1) return createContainer({ ...mediaParams(part.media[0]!), ...common }, context, apiVersion);
  const children: string[] = [];
  for (const item of part.media) {
    children.push(await createContainer({ ...mediaParams(item), is_carousel_item: 'true' }, context, apiVersion));
  }
  return createContainer({ media_type: 'CAROUSEL', children: children.join(','), ...common }, context, apiVersion);
}
