// A small adapter for the X simulator: OAuth 2.0 refresh with rotation, chunked media upload,
// and the `lookup` strategy through the account's own timeline (X refuses duplicate text, so
// the text finds the post). Not the shipped @smm/adapter-x.
import { z } from 'zod';
import { defineAdapter, parseApiResponse, type AdapterContext, type PublishOutput } from '@smm/core/adapter-kit';
import { ApiCallError, AuthError } from '@smm/core/errors';
import { parseEpochResetHeaders } from '@smm/core/http';
import type { MediaRef, Mention, MetricValue, PostDraft } from '@smm/core/model';
import { CONTENT_RULES } from '@smm/core/text';

const TweetSchema = z.object({
  id: z.string(),
  text: z.string(),
  created_at: z.string().optional(),
  referenced_posts: z.array(z.object({ type: z.string(), id: z.string() })).optional(),
  attachments: z.object({ media_keys: z.array(z.string()) }).optional(),
  public_metrics: z.record(z.string(), z.number()).optional(),
  non_public_metrics: z.record(z.string(), z.number()).optional(),
});
const ReadSchema = z.object({ data: TweetSchema.optional(), errors: z.array(z.object({ title: z.string() })).optional() });
const TokenSchema = z.object({ access_token: z.string(), refresh_token: z.string() });

async function upload(item: MediaRef, context: AdapterContext): Promise<string> {
  if (item.source.type !== 'bytes') throw new Error('the reference adapter uploads only bytes');
  const bytes = Uint8Array.from(atob(item.source.base64), (char) => char.charCodeAt(0));
  // X's OpenAPI chunked flow: initialize, append (one segment here), finalize.
  const init = await context.http.request({
    method: 'POST',
    path: '/2/media/upload/initialize',
    json: { media_type: item.mimeType, total_bytes: bytes.length },
    bucket: 'media',
    signal: context.signal,
  });
  const id = parseApiResponse(z.object({ data: z.object({ id: z.string() }) }), init, 'x', 'initialize').data.id;
  await context.http.request({
    method: 'POST',
    path: `/2/media/upload/${id}/append`,
    json: { media: item.source.base64, segment_index: 0 },
    bucket: 'media',
    idempotent: true,
    signal: context.signal,
  });
  const finalize = await context.http.request({
    method: 'POST',
    path: `/2/media/upload/${id}/finalize`,
    bucket: 'media',
    idempotent: true,
    signal: context.signal,
  });
  let info = parseApiResponse(
    z.object({ data: z.object({ processing_info: z.object({ state: z.string(), check_after_secs: z.number().optional() }).optional() }) }),
    finalize,
    'x',
    'FINALIZE',
  ).data.processing_info;
  while (info && info.state !== 'succeeded') {
    if (info.state === 'failed') throw new ApiCallError('X could not process the media', { status: 400, platform: 'x' });
    await context.clock.sleep((info.check_after_secs ?? 1) * 1000, context.signal);
    const status = await context.http.request({
      path: '/2/media/upload',
      searchParams: { command: 'STATUS', media_id: id },
      bucket: 'media',
      signal: context.signal,
    });
    info = parseApiResponse(
      z.object({ data: z.object({ processing_info: z.object({ state: z.string(), check_after_secs: z.number().optional() }) }) }),
      status,
      'x',
      'STATUS',
    ).data.processing_info;
  }
  return id;
}

async function timeline(context: AdapterContext, since: string) {
  const response = await context.http.request({
    path: `/2/users/${context.account.id}/tweets`,
    searchParams: { max_results: 100, start_time: since, 'post.fields': 'created_at', expansions: 'referenced_posts' },
    signal: context.signal,
  });
  return parseApiResponse(z.object({ data: z.array(TweetSchema).optional() }), response, 'x', 'GET /2/users/:id/tweets').data ?? [];
}

/** The posts of a draft already on the timeline (root, then each part replying to the previous), or null. */
async function findByText(draft: PostDraft, context: AdapterContext, since: string): Promise<PublishOutput | null> {
  const tweets = await timeline(context, since);
  const texts = [draft.text, ...draft.thread.map((part) => part.text)];
  const parts: PublishOutput['parts'] = [];
  let parent: string | undefined;
  for (const text of texts) {
    const match = tweets.find(
      (tweet) =>
        tweet.text === text &&
        (parent === undefined || tweet.referenced_posts?.some((ref) => ref.type === 'replied_to' && ref.id === parent)),
    );
    if (!match) break;
    parts.push({ id: match.id, url: `https://x.com/i/web/status/${match.id}` });
    parent = match.id;
  }
  return parts.length ? { parts } : null;
}

export function createReferenceXAdapter(options: { baseUrl: string }) {
  return defineAdapter({
    platform: 'x',
    displayName: 'X',
    capabilities: {
      content: CONTENT_RULES.x,
      visibilities: ['public'],
      replies: true,
      delete: true,
      edit: false,
      polls: true,
      firstComment: false,
      nativeScheduling: false,
      directMessages: false,
      mentionKinds: ['mention', 'reply', 'quote'],
      postMetrics: ['impressions', 'likes', 'shares', 'comments', 'quotes', 'saves', 'linkClicks', 'profileVisits'],
      accountMetrics: ['followers', 'following', 'posts'],
      idempotency: { strategy: 'lookup' },
    },
    http: {
      baseUrl: options.baseUrl,
      parseRateLimit: parseEpochResetHeaders,
      mapError: ({ status, body }) => {
        const problem = z
          .object({ title: z.string().optional(), detail: z.string().optional(), error: z.string().optional() })
          .safeParse(body);
        const detail = problem.success ? (problem.data.detail ?? problem.data.title ?? problem.data.error) : undefined;
        return {
          ...(detail ? { message: detail } : {}),
          ...(status === 401 ? { auth: { refreshable: true } } : {}),
          ...(status === 400 || status === 403 ? { notActedOn: true } : {}),
        };
      },
    },
    credentials: {
      schema: z.object({ accessToken: z.string().min(1), refreshToken: z.string().min(1), clientId: z.string().min(1) }),
      createProvider: ({ credentials, http, saveCredentials }) => {
        let current = credentials;
        return {
          getHeaders: () => ({ authorization: `Bearer ${current.accessToken}` }),
          async refresh() {
            try {
              const response = await http.request({
                method: 'POST',
                path: '/2/oauth2/token',
                body: new URLSearchParams({
                  grant_type: 'refresh_token',
                  refresh_token: current.refreshToken,
                  client_id: current.clientId,
                }),
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
              });
              const tokens = parseApiResponse(TokenSchema, response, 'x', 'POST /2/oauth2/token');
              current = { ...current, accessToken: tokens.access_token, refreshToken: tokens.refresh_token };
              await saveCredentials(current);
            } catch (error) {
              throw new AuthError('X refused to refresh the token: reconnect the account', {
                platform: 'x',
                refreshable: false,
                cause: error,
              });
            }
          },
          secrets: () => [current.accessToken, current.refreshToken],
        };
      },
    },
    async doPublish({ draft, poll }, context) {
      const parts: PublishOutput['parts'] = [];
      let replyTo = draft.replyTo?.id;
      for (const [index, part] of [{ text: draft.text, media: draft.media }, ...draft.thread].entries()) {
        const mediaIds: string[] = [];
        for (const item of part.media) mediaIds.push(await upload(item, context));
        const json = {
          ...(part.text ? { text: part.text } : {}),
          ...(mediaIds.length ? { media: { media_ids: mediaIds } } : {}),
          ...(replyTo ? { reply: { in_reply_to_tweet_id: replyTo } } : {}),
          ...(index === 0 && poll ? { poll: { options: poll.options, duration_minutes: Math.round(poll.durationMs / 60_000) } } : {}),
        };
        const response = await context.http.request({ method: 'POST', path: '/2/tweets', json, signal: context.signal });
        const { data } = parseApiResponse(z.object({ data: z.object({ id: z.string() }) }), response, 'x', 'POST /2/tweets');
        parts.push({ id: data.id, url: `https://x.com/i/web/status/${data.id}` });
        replyTo = data.id;
      }
      return { parts };
    },
    async doDelete({ post }, context) {
      try {
        await context.http.request({ method: 'DELETE', path: `/2/tweets/${post.id}`, signal: context.signal });
      } catch (error) {
        if (!(ApiCallError.isInstance(error) && error.status === 404)) throw error;
      }
    },
    async doGetPost({ post }, context) {
      const response = await context.http.request({
        path: `/2/tweets/${post.id}`,
        searchParams: { 'post.fields': 'created_at,attachments', expansions: 'referenced_posts' },
        signal: context.signal,
      });
      const { data } = parseApiResponse(ReadSchema, response, 'x', 'GET /2/tweets/:id');
      if (!data) return null;
      const parent = data.referenced_posts?.find((ref) => ref.type === 'replied_to')?.id;
      return {
        ref: { id: data.id, url: `https://x.com/i/web/status/${data.id}` },
        text: data.text,
        createdAt: new Date(data.created_at ?? context.clock.now()).toISOString(),
        ...(parent ? { inReplyTo: { id: parent } } : {}),
        mediaCount: data.attachments?.media_keys.length ?? 0,
      };
    },
    async doListMentions({ cursor, limit }, context) {
      const response = await context.http.request({
        path: `/2/users/${context.account.id}/mentions`,
        searchParams: {
          max_results: Math.min(100, Math.max(5, limit ?? 100)),
          'post.fields': 'created_at,conversation_id,lang',
          expansions: 'author_id,referenced_posts',
          ...(cursor ? { pagination_token: cursor } : {}),
        },
        signal: context.signal,
      });
      const page = parseApiResponse(
        z.object({
          data: z
            .array(TweetSchema.extend({ author_id: z.string(), conversation_id: z.string().optional(), lang: z.string().optional() }))
            .optional(),
          includes: z.object({ users: z.array(z.object({ id: z.string(), username: z.string(), name: z.string() })) }).optional(),
          meta: z.object({ next_token: z.string().optional() }),
        }),
        response,
        'x',
        'GET /2/users/:id/mentions',
      );
      const users = new Map((page.includes?.users ?? []).map((user) => [user.id, user]));
      const items: Mention[] = (page.data ?? []).map((tweet) => {
        const reference = tweet.referenced_posts?.[0];
        const author = users.get(tweet.author_id);
        return {
          id: tweet.id,
          platform: 'x',
          accountId: context.account.id,
          kind: reference?.type === 'quoted' ? 'quote' : reference?.type === 'replied_to' ? 'reply' : 'mention',
          author: { id: tweet.author_id, handle: author?.username ?? tweet.author_id, ...(author ? { displayName: author.name } : {}) },
          text: tweet.text,
          createdAt: new Date(tweet.created_at ?? context.clock.now()).toISOString(),
          url: `https://x.com/i/web/status/${tweet.id}`,
          ...(tweet.lang ? { language: tweet.lang } : {}),
          ...(tweet.conversation_id ? { conversationId: tweet.conversation_id } : {}),
          ...(reference?.type === 'replied_to' ? { inReplyToId: reference.id } : {}),
        };
      });
      return { items, nextCursor: page.meta.next_token ?? null };
    },
    async doGetPostMetrics({ post }, context) {
      const response = await context.http.request({
        path: `/2/tweets/${post.id}`,
        searchParams: { 'post.fields': 'public_metrics,non_public_metrics' },
        signal: context.signal,
      });
      const { data } = parseApiResponse(ReadSchema, response, 'x', 'GET /2/tweets/:id');
      if (!data) throw new ApiCallError(`X has no post ${post.id}`, { status: 404, platform: 'x' });
      const from = (group: 'public_metrics' | 'non_public_metrics', name: string): MetricValue | undefined => {
        const value = data[group]?.[name];
        return value === undefined ? undefined : { value, platformName: `${group}.${name}` };
      };
      const entries = {
        impressions: from('public_metrics', 'impression_count'),
        likes: from('public_metrics', 'like_count'),
        shares: from('public_metrics', 'repost_count'),
        comments: from('public_metrics', 'reply_count'),
        quotes: from('public_metrics', 'quote_count'),
        saves: from('public_metrics', 'bookmark_count'),
        linkClicks: from('non_public_metrics', 'url_link_clicks'),
        profileVisits: from('non_public_metrics', 'user_profile_clicks'),
      };
      return { metrics: Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) };
    },
    async doGetAccountMetrics(_input, context) {
      const response = await context.http.request({
        path: `/2/users/${context.account.id}`,
        searchParams: { 'user.fields': 'public_metrics' },
        signal: context.signal,
      });
      const { data } = parseApiResponse(
        z.object({ data: z.object({ public_metrics: z.record(z.string(), z.number()) }) }),
        response,
        'x',
        'GET /2/users/:id',
      );
      const metrics = data.public_metrics;
      return {
        metrics: {
          followers: { value: metrics.followers_count!, platformName: 'public_metrics.followers_count' },
          following: { value: metrics.following_count!, platformName: 'public_metrics.following_count' },
          posts: { value: metrics.post_count!, platformName: 'public_metrics.post_count' },
        },
      };
    },
    async doFindPublished({ draft, since }, context) {
      if (!draft) return null; // X keeps no marker: the text (unique per day on X) is what finds the post
      return findByText(draft, context, since ?? new Date(context.clock.now() - 86_400_000).toISOString());
    },
  });
}
