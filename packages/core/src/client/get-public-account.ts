import { z } from 'zod';
import { UnsupportedFeatureError } from '../errors/index.js';
import { PublicAccountSchema, parseWithSchema, type PublicAccount } from '../model/index.js';
import type { AccountBinding } from './account-bindings.js';
import { operationContext } from './account-bindings.js';
import { checkDeclaredMetrics, parseAdapterOutput } from './adapter-output.js';
import type { ClientContext } from './client-context.js';

const TargetSchema = z.union([
  z.object({
    handle: z
      .string()
      .min(1, { error: 'must be the handle to read, without @' })
      .transform((handle) => handle.replace(/^@/, '')),
  }),
  z.object({ id: z.string().min(1, { error: 'must be the account id to read' }) }),
]);

/**
 * @internal `client.getPublicAccount`: checks the capability, calls `doGetPublicAccount` with
 * the credentials of `binding` (one of your accounts on that network), fills each snapshot's
 * subject and `observedAt`, and parses the result with the model's schema.
 *
 * @example
 * ```ts
 * await readPublicAccount(ctx, binding, { handle: 'globex' }, undefined); // { account, metrics, recentPosts }
 * ```
 */
export async function readPublicAccount(
  ctx: Pick<ClientContext, 'clock' | 'logger'>,
  binding: AccountBinding,
  target: { handle: string } | { id: string },
  signal: AbortSignal | undefined,
): Promise<PublicAccount> {
  const { adapter } = binding;
  if (adapter.capabilities.publicAccounts !== true || adapter.doGetPublicAccount === undefined) {
    throw new UnsupportedFeatureError(`${adapter.displayName} cannot read accounts you do not own (no capabilities.publicAccounts)`, {
      feature: 'publicAccounts',
      platform: adapter.platform,
    });
  }
  const input = parseWithSchema(TargetSchema, target, 'getPublicAccount target');
  const out = await adapter.doGetPublicAccount(input, operationContext(ctx, binding, signal));
  const observedAt = new Date(ctx.clock.now()).toISOString();
  const platform = adapter.platform;
  // Fill what the adapter may leave out; a malformed output still fails the schema below.
  const value =
    out && typeof out === 'object' && out.account && typeof out.account === 'object'
      ? {
          account: out.account,
          metrics: {
            subject: { type: 'account', platform, accountId: out.account.id },
            observedAt,
            metrics: out.metrics,
            ...(out.extra ? { extra: out.extra } : {}),
          },
          recentPosts: (out.recentPosts ?? []).map((post) =>
            post && typeof post === 'object'
              ? {
                  id: post.id,
                  publishedAt: post.publishedAt,
                  ...(post.url === undefined ? {} : { url: post.url }),
                  metrics: {
                    subject: { type: 'post', platform, accountId: out.account.id, postId: post.id },
                    observedAt,
                    metrics: post.metrics,
                  },
                }
              : post,
          ),
        }
      : out;
  const parsed = parseAdapterOutput(PublicAccountSchema, value, adapter, 'doGetPublicAccount');
  checkDeclaredMetrics(parsed.metrics, adapter.capabilities.accountMetrics, adapter, 'doGetPublicAccount');
  for (const post of parsed.recentPosts)
    checkDeclaredMetrics(post.metrics, adapter.capabilities.postMetrics, adapter, 'doGetPublicAccount');
  return parsed;
}
