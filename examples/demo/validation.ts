/**
 * Step 3: a draft that is too long, caught before it reaches the network. An editor pastes
 * the article's introduction as one X post; `validateDraft` names the limit and the measured
 * length, the client refuses to publish it without sending a single request, and
 * `splitThread` fixes it as a numbered thread whose every part fits.
 */
import { ValidationError } from '@smm/core/errors';
import { parsePostDraft, type PostDraft } from '@smm/core/model';
import { CONTENT_RULES, TEXT_RULES, measureText, splitThread, validateDraft } from '@smm/core/text';
import type { ParsedArticle } from './article.js';
import { detail, expect, preview, say } from './narrate.js';
import type { Networks } from './simulators.js';

/** Shows the problem and the fix; returns the fixed X thread. */
export async function tooLongForX(article: ParsedArticle, atomizedX: PostDraft, networks: Networks): Promise<PostDraft> {
  const x = networks.byPlatform.x;
  const pasted = { text: `${article.title}\n\n${article.intro}\n\n${article.url}` };
  const problems = validateDraft(pasted, CONTENT_RULES.x);
  expect(
    problems.some((problem) => problem.code === 'text_too_long'),
    'the pasted introduction should be too long for X',
  );
  say(
    `An editor pastes the introduction as one X post (${measureText(pasted.text, TEXT_RULES.x).length} by X's count). validateDraft says:`,
  );
  for (const problem of problems) say(`  ✗ ${problem.code} at ${problem.path.join('.')}: ${problem.message}`);

  // The client runs the same checks before any request: nothing reaches the network.
  const before = x.sim.requests.length;
  try {
    await networks.client.publish(x.key, pasted);
    throw new Error('the client published a post longer than X allows');
  } catch (error) {
    if (!ValidationError.isInstance(error)) throw error;
    expect(x.sim.requests.length === before, `the client sent ${x.sim.requests.length - before} request(s) for an invalid draft`);
    say(
      `  client.publish refuses it too (ValidationError, ${x.sim.requests.length - before} requests sent): ${preview(error.issues[0]?.message ?? error.message, 90)}`,
    );
  }

  // Fix: split it into a numbered thread, every part measured by X's own rule.
  const parts = splitThread(pasted.text, TEXT_RULES.x, { numbering: 'suffix' });
  // No `link` on the draft: the URL is already in the last part, and X would append it to the first.
  const fixed = parsePostDraft({ text: parts[0], thread: parts.slice(1).map((text) => ({ text })) });
  const remaining = validateDraft(fixed, CONTENT_RULES.x);
  expect(remaining.length === 0, `the split thread still has problems: ${remaining.map((problem) => problem.message).join('; ')}`);
  say(
    `Fix: splitThread → a ${parts.length}-part thread, parts of ${parts.map((part) => measureText(part, TEXT_RULES.x).length).join(', ')} /280 — no problems left.`,
  );
  for (const part of parts) detail(`  │ ${preview(part, 96)}`);
  say(`(atomize's shorter variant, one post of ${measureText(atomizedX.text, TEXT_RULES.x).length}/280, is queued as well.)`);
  return fixed;
}
