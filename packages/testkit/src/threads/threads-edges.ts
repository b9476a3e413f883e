import type { MetaEdge, MetaField, MetaNodeSpec } from '../meta-graph/index.js';

// Threads has no machine-readable definition (Meta's codegen specs cover Facebook and Instagram
// only), so its nodes are written out here from the doc pages cited on each entry, in the shape
// the Graph validator (`checkEdgeParams`) reads.

const s = (name: string, required = false) => ({ name, type: 'string', required });
const e = (name: string, values: readonly string[], required = false) => ({ name, type: 'enum', values, required });

/** `media_type` of a container (https://developers.facebook.com/documentation/threads/posts, "Parameters"). */
export const CONTAINER_MEDIA_TYPES = ['TEXT', 'IMAGE', 'VIDEO', 'CAROUSEL'] as const;
/** `reply_control` (https://developers.facebook.com/documentation/threads/reply-management). */
export const REPLY_CONTROLS = ['everyone', 'accounts_you_follow', 'mentioned_only', 'parent_post_author_only', 'followers_only'] as const;
/** Media insights metrics (https://developers.facebook.com/documentation/threads/insights, "Media Insights"). */
export const MEDIA_METRICS = ['views', 'likes', 'replies', 'reposts', 'quotes', 'shares'] as const;
/** User insights metrics (same page, "User Insights"). */
export const USER_METRICS = [
  'views',
  'likes',
  'replies',
  'reposts',
  'quotes',
  'clicks',
  'followers_count',
  'follower_demographics',
] as const;

/**
 * `POST /{threads-user-id}/threads`: create a media container. Parameters from
 * https://developers.facebook.com/documentation/threads/posts (media_type, text, image_url,
 * video_url, is_carousel_item, children), …/create-replies (reply_to_id), …/posts/quote-posts
 * (quote_post_id), …/reply-management (reply_control), …/posts/accessibility (alt_text),
 * …/posts ("Links": link_attachment) and topic_tag / location_id / allowlisted_country_codes of
 * the same pages.
 */
const CREATE_CONTAINER: MetaEdge = {
  method: 'POST',
  edge: 'threads',
  returns: 'ThreadsContainer',
  params: [
    e('media_type', CONTAINER_MEDIA_TYPES, true),
    s('text'),
    s('image_url'),
    s('video_url'),
    { name: 'is_carousel_item', type: 'bool', required: false },
    { name: 'children', type: 'list<string>', required: false },
    s('reply_to_id'),
    s('quote_post_id'),
    e('reply_control', REPLY_CONTROLS),
    s('alt_text'),
    s('link_attachment'),
    s('topic_tag'),
    s('location_id'),
    s('allowlisted_country_codes'),
  ],
};

/** Fields of a Threads media object (https://developers.facebook.com/documentation/threads/retrieve-and-discover-posts/retrieve-posts, "Fields"). */
const MEDIA_FIELDS: MetaField[] = [
  'id',
  'media_product_type',
  'media_type',
  'media_url',
  'permalink',
  'owner',
  'username',
  'text',
  'timestamp',
  'shortcode',
  'thumbnail_url',
  'children',
  'is_quote_post',
  'quoted_post',
  'reposted_post',
  'alt_text',
  'link_attachment_url',
  'gif_url',
  'topic_tag',
  // Reply fields (https://developers.facebook.com/documentation/threads/reference/reply-management).
  'has_replies',
  'root_post',
  'replied_to',
  'is_reply',
  'is_reply_owned_by_me',
  'hide_status',
  'reply_audience',
].map((name) => ({ name, type: 'string' }));

/** The paging parameters of a list edge. */
const PAGED = [s('since'), s('until'), s('limit'), s('before'), s('after')];

/**
 * The Threads user node: `GET /{threads-user-id}` (profile fields,
 * https://developers.facebook.com/documentation/threads/threads-profiles) and its edges.
 */
export const THREADS_USER: MetaNodeSpec = node(
  'ThreadsUser',
  ['id', 'username', 'name', 'threads_profile_picture_url', 'threads_biography', 'is_verified'].map((name) => ({ name, type: 'string' })),
  [
    { method: 'GET', edge: null, returns: 'ThreadsUser', params: [] },
    CREATE_CONTAINER,
    // https://developers.facebook.com/documentation/threads/retrieve-and-discover-posts/retrieve-posts
    { method: 'GET', edge: 'threads', returns: 'ThreadsMedia', params: PAGED },
    // https://developers.facebook.com/documentation/threads/posts — "Step 2: Publish a Threads media container".
    { method: 'POST', edge: 'threads_publish', returns: 'ThreadsMedia', params: [s('creation_id', true)] },
    // https://developers.facebook.com/documentation/threads/overview — "Posts" / "Replies".
    { method: 'GET', edge: 'threads_publishing_limit', returns: 'Object', params: [] },
    // https://developers.facebook.com/documentation/threads/retrieve-and-manage-replies/retrieve-replies
    { method: 'GET', edge: 'replies', returns: 'ThreadsMedia', params: PAGED },
    // https://developers.facebook.com/documentation/threads/threads-mentions
    { method: 'GET', edge: 'mentions', returns: 'ThreadsMedia', params: PAGED },
    // https://developers.facebook.com/documentation/threads/insights — "User Insights".
    {
      method: 'GET',
      edge: 'threads_insights',
      returns: 'Object',
      params: [{ name: 'metric', type: 'list<enum>', values: USER_METRICS, required: true }, s('since'), s('until'), s('breakdown')],
    },
  ],
);

/** A Threads media object (a published post): `GET` and `DELETE /{threads-media-id}` and its edges. */
export const THREADS_MEDIA: MetaNodeSpec = node('ThreadsMedia', MEDIA_FIELDS, [
  { method: 'GET', edge: null, returns: 'ThreadsMedia', params: [] },
  // https://developers.facebook.com/documentation/threads/posts/delete-posts
  { method: 'DELETE', edge: null, returns: 'Object', params: [] },
  // https://developers.facebook.com/documentation/threads/reference/reply-management
  { method: 'GET', edge: 'replies', returns: 'ThreadsMedia', params: [...PAGED, { name: 'reverse', type: 'bool', required: false }] },
  { method: 'GET', edge: 'conversation', returns: 'ThreadsMedia', params: [...PAGED, { name: 'reverse', type: 'bool', required: false }] },
  { method: 'POST', edge: 'manage_reply', returns: 'Object', params: [{ name: 'hide', type: 'bool', required: true }] },
  // https://developers.facebook.com/documentation/threads/insights — "Media Insights".
  {
    method: 'GET',
    edge: 'insights',
    returns: 'Object',
    params: [{ name: 'metric', type: 'list<enum>', values: MEDIA_METRICS, required: true }],
  },
]);

/**
 * A media container: `GET /{threads-container-id}?fields=status,error_message`
 * (https://developers.facebook.com/documentation/threads/troubleshooting, "Publishing Does Not Return a Media ID").
 */
export const THREADS_CONTAINER: MetaNodeSpec = node(
  'ThreadsContainer',
  ['id', 'status', 'error_message'].map((name) => ({ name, type: 'string' })),
  [{ method: 'GET', edge: null, returns: 'ThreadsContainer', params: [] }],
);

function node(name: string, fields: MetaField[], edges: MetaEdge[]): MetaNodeSpec {
  return {
    node: name,
    fields,
    edges,
    find: (method, edge) => edges.find((entry) => entry.method === method.toUpperCase() && entry.edge === edge),
  };
}
