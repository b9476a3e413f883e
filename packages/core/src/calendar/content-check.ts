import type { ValidationIssue } from '../errors/index.js';
import { draftFor, variantPath, type PostDraft } from '../model/index.js';
import { CONTENT_RULES, validateDraft, type ContentRules } from '../text/index.js';
import type { CalendarContext } from './calendar-context.js';

/**
 * The content rules a network's drafts are checked against when planned: the calendar's
 * `contentRules` for it, else its adapter's `capabilities.content`, else the built-in
 * `CONTENT_RULES` of `@smm/core/text`; `undefined` for a network nobody describes. @internal
 */
export function contentRulesFor(ctx: CalendarContext, platform: string): ContentRules | undefined {
  return (
    ctx.options.contentRules[platform] ??
    ctx.options.adapters.find((adapter) => adapter.platform === platform)?.capabilities.content ??
    (CONTENT_RULES as Record<string, ContentRules | undefined>)[platform]
  );
}

/**
 * Every problem of a draft on each of the target accounts' networks (each network once, with
 * that network's variant applied: see `draftFor`), as
 * issues under `draft` naming the network and its accounts. Empty when it fits everywhere or
 * checks are off. Results are cached per draft object and network (bulk fills reuse drafts). @internal
 */
export function draftIssues(
  ctx: CalendarContext,
  draft: PostDraft,
  targets: ReadonlyArray<{ platform: string; key: string }>,
): ValidationIssue[] {
  if (!ctx.options.checkContent) return [];
  const byNetwork = new Map<string, string[]>();
  for (const target of targets) {
    // Appended in place: copying the list per target made a 10,000-account item quadratic.
    const keys = byNetwork.get(target.platform);
    if (keys === undefined) byNetwork.set(target.platform, [target.key]);
    else keys.push(target.key);
  }
  const issues: ValidationIssue[] = [];
  // Bulk fills repeat drafts (the same object, or equal ones): check each distinct draft once.
  let cached = ctx.contentChecks.byObject.get(draft);
  if (cached === undefined) {
    const fingerprint = JSON.stringify(draft);
    cached = ctx.contentChecks.byValue.get(fingerprint);
    if (cached === undefined) {
      if (ctx.contentChecks.byValue.size >= 10_000) ctx.contentChecks.byValue.clear();
      ctx.contentChecks.byValue.set(fingerprint, (cached = new Map()));
    }
    ctx.contentChecks.byObject.set(draft, cached);
  }
  for (const [platform, keys] of byNetwork) {
    let found = cached.get(platform);
    if (found === undefined) {
      const rules = contentRulesFor(ctx, platform);
      found =
        rules === undefined
          ? []
          : // Each network is checked with its own variant; a problem in a variant is reported there (draft.variants.x.text).
            validateDraft(draftFor(draft, platform), rules, { network: platform }).map((problem) => ({
              path: ['draft', ...variantPath(draft, platform, problem.path)],
              code: problem.code,
              message: `${platform}: ${problem.message}`,
            }));
      cached.set(platform, found);
    }
    for (const issue of found) issues.push({ ...issue, message: `${issue.message} (for ${keys.join(', ')})` });
  }
  return issues;
}
