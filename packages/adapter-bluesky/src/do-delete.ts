import type { AdapterContext } from '@smm/core/adapter-kit';
import { ValidationError } from '@smm/core/adapter-kit';
import type { PostRef } from '@smm/core/adapter-kit';
import { parsePostUri } from './at-uri.js';
import { BLUESKY_BUCKETS, WRITE_POINTS } from './rate-limits.js';

/**
 * Deletes one of the account's posts with `com.atproto.repo.deleteRecord` (1 write point).
 * Deleting a record that is already gone succeeds, so the request is safe to repeat.
 *
 * @throws ValidationError when the post is not an `at://` post URI of this account.
 * @internal
 */
export async function doDelete(post: PostRef, context: AdapterContext): Promise<void> {
  const { repo, collection, rkey } = parsePostUri(post.id);
  if (repo !== context.account.id && repo !== context.account.handle) {
    throw new ValidationError('Bluesky post reference', [
      {
        path: ['post', 'id'],
        code: 'not_own_post',
        message: `belongs to ${repo}, not to ${context.account.id}: an account can delete only its own posts`,
      },
    ]);
  }
  await context.http.request({
    method: 'POST',
    path: '/xrpc/com.atproto.repo.deleteRecord',
    json: { repo: context.account.id, collection, rkey },
    bucket: BLUESKY_BUCKETS.write,
    cost: WRITE_POINTS.delete,
    idempotent: true,
    signal: context.signal,
  });
}
