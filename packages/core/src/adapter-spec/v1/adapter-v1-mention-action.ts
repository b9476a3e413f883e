// Spec v1.1 (an optional addition): actions the network allows on an item of the inbox — like
// it, hide a reply under the account's own post, delete the account's own reply, block, mute or
// report its author. Only adapters that declare `capabilities.mentionActions` and implement
// `doMentionAction` take part; a v1.0 adapter is unchanged (it supports none).

/**
 * Every action spec v1.1 knows. `like`/`unlike` a mention, `hide`/`unhide` a reply to the
 * account's own post, `delete` the account's own post in a conversation, `block`/`mute` the
 * author, `report-spam` the mention (to the network's moderators).
 */
export const ADAPTER_V1_MENTION_ACTIONS = ['like', 'unlike', 'hide', 'unhide', 'delete', 'block', 'mute', 'report-spam'] as const;

/** One action on a mention (see {@link ADAPTER_V1_MENTION_ACTIONS}). */
export type AdapterV1MentionAction = (typeof ADAPTER_V1_MENTION_ACTIONS)[number];

/** What `doMentionAction` receives: the action, and the mention as `doListMentions` returned it. */
export interface AdapterV1MentionActionInput {
  action: AdapterV1MentionAction;
  mention: {
    /** The mention's id on the network (tweet id, `at://` URI, status id). */
    id: string;
    platform: string;
    author: { id: string; handle: string };
    /** The account's own post the mention answers, when it is a reply (needed to hide it on some networks). */
    subject?: { id: string } | undefined;
  };
  /** For `report-spam`: a note for the network's moderators. */
  reason?: string | undefined;
}
