import { parseApiResponse, type AdapterContext, type DirectMessageInput, type DirectMessageOutput } from '@smm/core/adapter-kit';
import { ValidationError } from '@smm/core/adapter-kit';
import { AccountSchema, StatusSchema } from './api-schemas.js';
import { asContentRefusal } from './content-refusal.js';
import { MASTODON_BUCKETS } from './rate-limits.js';

const ACCT = /^@?([A-Za-z0-9_]+(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)$/;

// A numeric account id is looked up for its `acct`; a handle (`user` or `user@domain`) is used as is.
async function recipientAcct(recipientId: string, context: AdapterContext): Promise<string> {
  if (/^\d+$/.test(recipientId)) {
    const response = await context.http.request({ path: `/api/v1/accounts/${recipientId}`, signal: context.signal });
    return parseApiResponse(AccountSchema, response, 'mastodon', 'GET /api/v1/accounts/:id').acct;
  }
  const acct = ACCT.exec(recipientId)?.[1];
  if (!acct) {
    throw new ValidationError('direct message', [
      {
        path: ['recipientId'],
        code: 'invalid_recipient',
        message: 'must be a Mastodon account id (digits) or a handle such as user@instance.example',
      },
    ]);
  }
  return acct;
}

/**
 * Sends a direct message the Mastodon way: a status with `visibility: direct` that mentions
 * the recipient (prepended as `@acct` unless the text already mentions them), so only the
 * people mentioned can see it. It is a status: it appears in both accounts' conversations and
 * can be deleted like any other. @internal
 */
export async function doSendDirectMessage(input: DirectMessageInput, context: AdapterContext): Promise<DirectMessageOutput> {
  const acct = await recipientAcct(input.recipientId, context);
  const mention = `@${acct}`;
  const mentioned = new RegExp(`(^|\\s)${mention.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w@.-])`, 'i').test(input.text);
  const text = mentioned ? input.text : `${mention} ${input.text}`;
  let response;
  try {
    response = await context.http.request({
      method: 'POST',
      path: '/api/v1/statuses',
      json: { status: text, visibility: 'direct' },
      bucket: MASTODON_BUCKETS.write,
      idempotencyKey: globalThis.crypto.randomUUID(),
      signal: context.signal,
    });
  } catch (error) {
    throw asContentRefusal(error, 0);
  }
  const status = parseApiResponse(StatusSchema, response, 'mastodon', 'POST /api/v1/statuses');
  return { id: status.id, sentAt: new Date(status.created_at).toISOString() };
}
