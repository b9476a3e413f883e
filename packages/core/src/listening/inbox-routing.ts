import { z } from 'zod';
import { ValidationError } from '../errors/index.js';
import { MENTION_KINDS, parseWithSchema, type MentionKind } from '../model/index.js';
import type { Intent, Sentiment } from './classifier.js';
import type { InboxItem } from './conversation.js';
import { compileRules } from './rules.js';

/**
 * A routing rule of the shared inbox: which new conversations go to which team (and,
 * optionally, to which agents). Rules are tried in order and the FIRST that matches wins.
 * Every given part must hold; `query`, `languages`, `networks`, `kinds` and `minFollowers`
 * mean what they mean in a listening rule (the same compiled matcher).
 *
 * @example
 * ```ts
 * const rule: RoutingRule = { id: 'angry-en', query: 'refund* OR late', languages: ['en'], sentiments: ['negative'], team: 'care', assignees: ['dana', 'sam'] };
 * ```
 */
export interface RoutingRule {
  /** Your id for the rule; recorded on the conversation as `routedBy`. */
  id: string;
  /** The team that gets the conversation. */
  team: string;
  /** A listening query such as `refund* AND NOT giveaway`. */
  query?: string;
  /** Languages (BCP 47 primary subtags), as in a listening rule. */
  languages?: string[];
  /** Network ids, e.g. `['x', 'mastodon']`. */
  networks?: string[];
  kinds?: MentionKind[];
  minFollowers?: number;
  /** The classifier's sentiment; an item without a classification does not pass. */
  sentiments?: Sentiment[];
  /** The classifier's intent; an item without a classification does not pass. */
  intents?: Intent[];
  /**
   * Agents who take the team's new conversations, balanced: each new one goes to the agent
   * holding the fewest unresolved conversations of this rule, ties to whoever this rule gave
   * the fewest conversations in all, then to the first listed (so equal load is round-robin).
   */
  assignees?: string[];
}

/** Where a routing rule sent an item. */
export interface Route {
  rule: string;
  team: string;
  assignees: readonly string[];
}

const SENTIMENTS = ['positive', 'negative', 'neutral', 'unknown'] as const;
const INTENTS = ['complaint', 'question', 'praise', 'other', 'unknown'] as const;
const RoutingRuleSchema = z.object({
  id: z.string().min(1, { error: 'must be a non-empty rule id' }),
  team: z.string().trim().min(1, { error: 'must name the team that gets the conversation' }),
  query: z.string().optional(),
  languages: z.array(z.string().min(1)).optional(),
  networks: z.array(z.string().min(1)).optional(),
  kinds: z.array(z.enum(MENTION_KINDS)).optional(),
  minFollowers: z.number().int().nonnegative().optional(),
  sentiments: z.array(z.enum(SENTIMENTS, { error: `must be one of ${SENTIMENTS.join(', ')}` })).optional(),
  intents: z.array(z.enum(INTENTS, { error: `must be one of ${INTENTS.join(', ')}` })).optional(),
  assignees: z
    .array(z.string().trim().min(1, { error: 'must name an agent' }))
    .min(1, { error: 'list at least one agent, or leave it out' })
    .optional(),
});

/**
 * Compiles routing rules once (queries into the listening matcher); `route(item)` returns the
 * first rule that matches, or `undefined`.
 *
 * @throws ValidationError naming every bad rule (`routing[1].team`, a query's column, …).
 * @example
 * ```ts
 * const router = compileRouting([{ id: 'bugs', query: 'broken OR crash*', team: 'product' }, { id: 'rest', team: 'care' }]);
 * router.route(item)?.team; // 'product' for "the export is broken", else 'care'
 * ```
 */
export function compileRouting(rules: readonly RoutingRule[]): { route(item: InboxItem): Route | undefined } {
  const parsed = parseWithSchema(z.array(RoutingRuleSchema), rules, 'routing rules');
  let matcher: ReturnType<typeof compileRules>;
  try {
    matcher = compileRules(
      parsed.map(({ id, query, languages, networks, kinds, minFollowers }) => ({
        id,
        ...(query === undefined ? {} : { query }),
        ...(languages === undefined ? {} : { languages }),
        ...(networks === undefined ? {} : { networks }),
        ...(kinds === undefined ? {} : { kinds }),
        ...(minFollowers === undefined ? {} : { minFollowers }),
      })),
    );
  } catch (error) {
    // Same paths, under the name the caller used.
    if (ValidationError.isInstance(error)) throw new ValidationError('routing rules', error.issues, { cause: error });
    throw error;
  }
  return {
    route(item) {
      const matched = new Set(matcher.match(item));
      const rule = parsed.find(
        (candidate) =>
          matched.has(candidate.id) &&
          (candidate.sentiments === undefined ||
            (item.classification !== undefined && candidate.sentiments.includes(item.classification.sentiment))) &&
          (candidate.intents === undefined ||
            (item.classification !== undefined && candidate.intents.includes(item.classification.intent))),
      );
      return rule === undefined ? undefined : { rule: rule.id, team: rule.team, assignees: rule.assignees ?? [] };
    },
  };
}
