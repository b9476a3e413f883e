import {
  ApiCallError,
  UnsupportedFeatureError,
  parseApiResponse,
  type AdapterContext,
  type MentionActionInput,
} from '@smm/core/adapter-kit';
import { z } from 'zod';
import { MASTODON_BUCKETS } from './rate-limits.js';
import { doDelete } from './do-delete.js';

/** The actions Mastodon's API allows on a mention (no hide: Mastodon cannot hide a reply). @internal */
export const MASTODON_MENTION_ACTIONS = ['like', 'unlike', 'delete', 'block', 'mute', 'report-spam'] as const;

const Favourited = z.object({ id: z.string(), favourited: z.boolean().optional() });
const Relationship = z.object({ id: z.string(), blocking: z.boolean(), muting: z.boolean() });
const Report = z.object({ id: z.string() });

function refused(what: string, status: number): never {
  throw new ApiCallError(`Mastodon answered but did not ${what}: check the token has the write scopes`, {
    status,
    platform: 'mastodon',
    isRetryable: false,
  });
}

/**
 * Runs one action on a mention through Mastodon's REST API. `delete` takes the account's own
 * status id as `mention.id`; the others take a mention as `doListMentions` returned it (its id is
the status's id, so no lookup is needed). @internal
 *
 * @example
 * ```ts
 * await doMentionAction({ action: 'report-spam', mention, reason: 'link farm' }, context); // POST /api/v1/reports
 * ```
 */
export async function doMentionAction(input: MentionActionInput, context: AdapterContext): Promise<void> {
  const { http, signal } = context;
  const write = (path: string, json?: Record<string, unknown>) =>
    http.request({ method: 'POST', path, ...(json ? { json } : {}), bucket: MASTODON_BUCKETS.write, signal });
  const author = encodeURIComponent(input.mention.author.id);
  switch (input.action) {
    // https://docs.joinmastodon.org/methods/statuses/#favourite and #unfavourite (scope write:favourites)
    case 'like':
    case 'unlike': {
      const statusId = encodeURIComponent(input.mention.id);
      const verb = input.action === 'like' ? 'favourite' : 'unfavourite';
      const response = await write(`/api/v1/statuses/${statusId}/${verb}`);
      const status = parseApiResponse(Favourited, response, 'mastodon', `POST /api/v1/statuses/:id/${verb}`);
      if (status.favourited !== undefined && status.favourited !== (input.action === 'like')) refused(verb, response.status);
      return;
    }
    // https://docs.joinmastodon.org/methods/accounts/#block (scope write:blocks)
    case 'block': {
      const response = await write(`/api/v1/accounts/${author}/block`);
      if (!parseApiResponse(Relationship, response, 'mastodon', 'POST /api/v1/accounts/:id/block').blocking)
        refused('block', response.status);
      return;
    }
    // Their notifications too: https://docs.joinmastodon.org/methods/accounts/#mute (scope write:mutes)
    case 'mute': {
      const response = await write(`/api/v1/accounts/${author}/mute`, { notifications: true });
      if (!parseApiResponse(Relationship, response, 'mastodon', 'POST /api/v1/accounts/:id/mute').muting) refused('mute', response.status);
      return;
    }
    // https://docs.joinmastodon.org/methods/reports/#post (scope write:reports); comment up to 1000 characters
    case 'report-spam': {
      const statusId = input.mention.id;
      const json = {
        account_id: input.mention.author.id,
        status_ids: [statusId],
        category: 'spam',
        ...(input.reason ? { comment: input.reason } : {}),
      };
      parseApiResponse(Report, await write('/api/v1/reports', json), 'mastodon', 'POST /api/v1/reports');
      return;
    }
    // The account's own status: https://docs.joinmastodon.org/methods/statuses/#delete
    case 'delete':
      return doDelete({ platform: 'mastodon', id: input.mention.id }, context);
    default:
      throw new UnsupportedFeatureError(`Mastodon has no API for "${input.action}": use one of ${MASTODON_MENTION_ACTIONS.join(', ')}`, {
        feature: `mentionActions.${input.action}`,
        platform: 'mastodon',
      });
  }
}
