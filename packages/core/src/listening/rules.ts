import { z } from 'zod';
import { parseWithSchema, type Mention, type MentionKind, MENTION_KINDS } from '../model/index.js';
import { ValidationError, type ValidationIssue } from '../errors/index.js';
import { guessLanguage, primaryLanguage } from './language.js';
import { parseQuery, type QueryNode } from './query.js';
import { compileQueries } from './query-matcher.js';

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

/**
 * A mention with the ids of the rules it matched, in rule order, and the query terms found
 * in its text (as written in the queries, for highlighting; never terms under `NOT`).
 */
export type TaggedMention<M extends Mention = Mention> = M & { matchedRules: string[]; matchedTerms: string[] };

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
  /** Index of its query in the compiled program, or -1 without a query. */
  query: number;
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
  /** Each matched rule with the query terms found in the text (as written; for highlighting). */
  explain(mention: Mention): Array<{ rule: string; terms: string[] }>;
  /** A copy of `mention` with `matchedRules` and `matchedTerms` set. */
  tag<M extends Mention>(mention: M): TaggedMention<M>;
}

/**
 * Validates and compiles rules once, so matching many mentions is cheap: every term of every
 * rule goes into one automaton, so each text is folded once and scanned once for all rules.
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
  const queries: QueryNode[] = [];
  parsed.forEach((rule, index) => {
    if (seen.has(rule.id)) {
      issues.push({
        path: [index, 'id'],
        code: 'duplicate_rule_id',
        message: `"${rule.id}" is used by an earlier rule; give each rule its own id`,
      });
    }
    seen.add(rule.id);
    let query = -1;
    if (rule.query !== undefined) {
      try {
        queries.push(parseQuery(rule.query, [index, 'query']));
        query = queries.length - 1;
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

  const program = compileQueries(queries);

  const run = (mention: Mention, explain: boolean): Array<{ rule: string; terms: string[] }> => {
    // The text is folded and scanned once, for every query, only when some rule needs it.
    let result: ReturnType<typeof program.run> | undefined;
    let language: string | undefined | null = null;
    const found: Array<{ rule: string; terms: string[] }> = [];
    for (const rule of compiled) {
      if (rule.networks && !rule.networks.has(mention.platform)) continue;
      if (rule.kinds && !rule.kinds.has(mention.kind)) continue;
      if (rule.minFollowers !== undefined && !((mention.author.followers ?? -1) >= rule.minFollowers)) continue;
      if (rule.languages) {
        if (language === null) language = primaryLanguage(mention.language) ?? guessLanguage(mention.text);
        if (language === undefined || !rule.languages.has(language)) continue;
      }
      if (rule.query >= 0) {
        result ??= program.run(mention);
        if (!explain) {
          if (!result.matches(rule.query)) continue;
          found.push({ rule: rule.id, terms: [] });
          continue;
        }
        const terms = result.terms(rule.query);
        // A query of only NOT and field tests matches without terms.
        if (terms.length === 0 && !result.matches(rule.query)) continue;
        found.push({ rule: rule.id, terms });
      } else {
        found.push({ rule: rule.id, terms: [] });
      }
    }
    return found;
  };
  return {
    match: (mention) => run(mention, false).map((entry) => entry.rule),
    explain: (mention) => run(mention, true),
    tag: (mention) => {
      const found = run(mention, true);
      // Object.assign: a spread copy that gains properties leaves V8's fast path (Node 20).
      return Object.assign({}, mention, {
        matchedRules: found.map((entry) => entry.rule),
        matchedTerms: [...new Set(found.flatMap((entry) => entry.terms))],
      });
    },
  };
}
