import { z } from 'zod';
import { parseWithSchema, type Mention, type MentionKind, MENTION_KINDS } from '../model/index.js';
import { ValidationError, type ValidationIssue } from '../errors/index.js';
import { guessLanguage, primaryLanguage } from './language.js';
import { normalizeForMatching } from './normalize.js';
import { matchesQuery, parseQuery, type QueryNode } from './query.js';

/**
 * A listening rule: a boolean query plus filters. A mention matches when every given part
 * holds; a rule with only filters matches everything that passes them.
 *
 * @example
 * ```ts
 * const rule: ListeningRule = { id: 'refunds-fa', query: 'بازپرداخت OR استرداد', languages: ['fa'], minFollowers: 100 };
 * ```
 */
export interface ListeningRule {
  /** Your id for the rule; mentions are tagged with it. */
  id: string;
  /** A query such as `("late delivery" OR refund) AND NOT giveaway` (see {@link parseQuery}). */
  query?: string;
  /**
   * Languages (BCP 47; compared by primary subtag, so `en` takes `en-GB`). The mention's own
   * `language` is used, else {@link guessLanguage}; a mention whose language is unknown does
   * not pass a language filter.
   */
  languages?: string[];
  /** Network ids, e.g. `['bluesky', 'mastodon']`. */
  networks?: string[];
  /** Mention kinds, e.g. `['direct_message']`. */
  kinds?: MentionKind[];
  /** Authors with at least this many followers; a mention with an unknown count does not pass. */
  minFollowers?: number;
}

/** A mention with the ids of the rules it matched, in rule order. */
export type TaggedMention<M extends Mention = Mention> = M & { matchedRules: string[] };

const RuleSchema = z.object({
  id: z.string().min(1, { error: 'must be a non-empty rule id' }),
  query: z.string().optional(),
  languages: z.array(z.string().min(1)).optional(),
  networks: z.array(z.string().min(1)).optional(),
  kinds: z.array(z.enum(MENTION_KINDS, { error: `must be one of ${MENTION_KINDS.join(', ')}` })).optional(),
  minFollowers: z.number().int().nonnegative({ error: 'must be a whole number of followers, 0 or more' }).optional(),
});

interface CompiledRule {
  id: string;
  query: QueryNode | undefined;
  languages: Set<string> | undefined;
  networks: Set<string> | undefined;
  kinds: Set<string> | undefined;
  minFollowers: number | undefined;
}

/**
 * A compiled set of rules: match mentions and tag them.
 *
 * @example
 * ```ts
 * const ruleSet = compileRules(rules);
 * if (ruleSet.match(mention).includes('delivery')) escalate(mention);
 * ```
 */
export interface RuleSet {
  /** The ids of the rules `mention` matches, in rule order. */
  match(mention: Mention): string[];
  /** A copy of `mention` with `matchedRules` set. */
  tag<M extends Mention>(mention: M): TaggedMention<M>;
}

/**
 * Validates and compiles rules once, so matching many mentions is cheap (each text is folded
 * once for all rules).
 *
 * @throws ValidationError listing every bad rule and query at once, with paths like
 *   `rules[2].query` and the column of a query's syntax error.
 * @example
 * ```ts
 * const rules = compileRules([
 *   { id: 'delivery', query: '("late delivery" OR refund) AND NOT giveaway', languages: ['en'] },
 *   { id: 'marketing-fa-ar', query: 'تسويق OR بازاریابی', networks: ['x', 'bluesky'] },
 *   { id: 'influencers', minFollowers: 10_000 },
 * ]);
 * const tagged = rules.tag(mention); // tagged.matchedRules: ['delivery']
 * ```
 */
export function compileRules(rules: readonly ListeningRule[]): RuleSet {
  const parsed = parseWithSchema(z.array(RuleSchema), rules, 'listening rules');
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  const compiled: CompiledRule[] = [];
  parsed.forEach((rule, index) => {
    if (seen.has(rule.id)) {
      issues.push({
        path: [index, 'id'],
        code: 'duplicate_rule_id',
        message: `"${rule.id}" is used by an earlier rule; give each rule its own id`,
      });
    }
    seen.add(rule.id);
    let query: QueryNode | undefined;
    if (rule.query !== undefined) {
      try {
        query = parseQuery(rule.query, [index, 'query']);
      } catch (error) {
        if (ValidationError.isInstance(error)) issues.push(...error.issues);
        else throw error;
      }
    }
    const set = (values: string[] | undefined, map: (value: string) => string) =>
      values === undefined ? undefined : new Set(values.map(map));
    compiled.push({
      id: rule.id,
      query,
      languages: set(rule.languages, (value) => primaryLanguage(value) ?? value),
      networks: set(rule.networks, (value) => value),
      kinds: set(rule.kinds, (value) => value),
      minFollowers: rule.minFollowers,
    });
  });
  if (issues.length > 0) throw new ValidationError('listening rules', issues);

  const match = (mention: Mention): string[] => {
    let folded: string | undefined;
    let language: string | undefined | null = null;
    const ids: string[] = [];
    for (const rule of compiled) {
      if (rule.networks && !rule.networks.has(mention.platform)) continue;
      if (rule.kinds && !rule.kinds.has(mention.kind)) continue;
      if (rule.minFollowers !== undefined && !((mention.author.followers ?? -1) >= rule.minFollowers)) continue;
      if (rule.languages) {
        if (language === null) language = primaryLanguage(mention.language) ?? guessLanguage(mention.text);
        if (language === undefined || !rule.languages.has(language)) continue;
      }
      if (rule.query) {
        folded ??= normalizeForMatching(mention.text);
        if (!matchesQuery(rule.query, folded, { normalized: true })) continue;
      }
      ids.push(rule.id);
    }
    return ids;
  };
  return { match, tag: (mention) => ({ ...mention, matchedRules: match(mention) }) };
}
