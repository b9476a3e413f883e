import { z } from 'zod';
import { ADAPTER_V1_MENTION_ACTIONS, type AdapterV1MentionAction } from '../adapter-spec/index.js';
import { UnsupportedFeatureError, ValidationError } from '../errors/index.js';
import { MentionSchema, parseWithSchema, type Mention } from '../model/index.js';
import { operationContext, type AccountBindings } from './account-bindings.js';
import type { AccountRef } from './account-key.js';
import type { ClientContext } from './client-context.js';

/** An action the networks allow on a mention: `like`, `unlike`, `hide`, `unhide`, `delete`, `block`, `mute`, `report-spam`. */
export type MentionAction = AdapterV1MentionAction;

/** Options of `actOnMention`. */
export interface ActOnMentionOptions {
  /** For `report-spam`: a note for the network's moderators (up to 1000 characters). */
  reason?: string;
  signal?: AbortSignal;
}

/** What `actOnMention` returns once the network has acted. */
export interface MentionActionResult {
  action: MentionAction;
  platform: string;
  accountId: string;
  mentionId: string;
  /** ISO-8601 UTC, the client's clock when the network answered. */
  doneAt: string;
}

const OptionsSchema = z.object({
  reason: z.string().min(1, { error: 'must say why, or be left out' }).max(1000, { error: 'must be at most 1000 characters' }).optional(),
});

/**
 * @internal `client.actOnMention`: checks the action against the adapter's declared
 * `capabilities.mentionActions` before any request (an `UnsupportedFeatureError` naming the
 * actions the network does support), checks the mention, then runs `doMentionAction`.
 *
 * @example
 * ```ts
 * await actOnMention(ctx, bindings, 'x:1460…', mention, 'like');
 * ```
 */
export async function actOnMention(
  ctx: ClientContext,
  bindings: AccountBindings,
  ref: AccountRef,
  input: Mention,
  action: MentionAction,
  options: ActOnMentionOptions = {},
): Promise<MentionActionResult> {
  const binding = await bindings.bind(ref);
  const { adapter, account } = binding;
  if (!(ADAPTER_V1_MENTION_ACTIONS as readonly string[]).includes(action)) {
    throw new ValidationError('mention action', [
      {
        path: ['action'],
        code: 'invalid_value',
        message: `unknown action "${String(action)}": use ${ADAPTER_V1_MENTION_ACTIONS.join(', ')}`,
      },
    ]);
  }
  const declared = adapter.capabilities.mentionActions ?? [];
  if (!declared.includes(action) || adapter.doMentionAction === undefined) {
    throw new UnsupportedFeatureError(
      `${adapter.displayName} cannot "${action}" a mention through its API (it supports: ${declared.join(', ') || 'none'})`,
      { feature: `mentionActions.${action}`, platform: adapter.platform },
    );
  }
  const mention = parseWithSchema(MentionSchema, input, 'mention');
  const { reason } = parseWithSchema(OptionsSchema, { reason: options.reason }, 'actOnMention options');
  const issues = [];
  if (mention.platform !== account.platform) {
    issues.push({
      path: ['platform'],
      code: 'invalid_value',
      message: `is "${mention.platform}": act on it through a ${mention.platform} account`,
    });
  }
  // The networks delete only the account's own posts; refusing here saves a request that must fail.
  if (action === 'delete' && mention.author.id !== account.id) {
    issues.push({
      path: ['author', 'id'],
      code: 'invalid_value',
      message: `is ${mention.author.id}, not this account (${account.id}): "delete" removes only the account's own posts; hide or report it instead`,
    });
  }
  if (issues.length > 0) throw new ValidationError('mention', issues);
  const result = await adapter.doMentionAction(
    {
      action,
      mention: {
        id: mention.id,
        platform: mention.platform,
        author: { id: mention.author.id, handle: mention.author.handle },
        ...(mention.subject ? { subject: { id: mention.subject.id } } : {}),
      },
      ...(reason === undefined ? {} : { reason }),
    },
    operationContext(ctx, binding, options.signal),
  );
  // The operation resolves with nothing: anything else is an adapter bug, not an answer to pass on.
  if (result !== undefined) {
    throw new ValidationError(`output of the ${adapter.platform} adapter's doMentionAction (an adapter bug)`, [
      { path: [], code: 'invalid_type', message: 'must resolve with nothing (undefined) once the network has acted' },
    ]);
  }
  return {
    action,
    platform: account.platform,
    accountId: account.id,
    mentionId: mention.id,
    doneAt: new Date(ctx.clock.now()).toISOString(),
  };
}
