/**
 * Quickstart: validate post drafts with the platform-neutral model.
 *
 *   npx -y pnpm@10 install && npx -y pnpm@10 demo          (from the repository root)
 *   npx tsx examples/quickstart.ts                    (after a build)
 *
 * It parses a good draft (defaults applied, types inferred), then a bad one, and prints every
 * problem with the path of the field and what to do — the way an app would show a form error.
 */
import { ValidationError, formatIssuePath, parseAccount, parsePostDraft, type PostDraft } from '@smm/core';

const account = parseAccount({
  platform: 'bluesky',
  id: 'did:plc:ewvi7nxzyoun6zhxrhs64oiz',
  handle: 'smm.bsky.social',
  timeZone: 'Europe/Bucharest',
});

const draft: PostDraft = parsePostDraft({
  text: 'Lansăm smm azi — un SDK pentru rețele sociale. #lansare 🚀',
  link: 'https://example.com/blog/launch',
  media: [
    {
      kind: 'image',
      source: { type: 'url', url: 'https://example.com/launch.jpg' },
      mimeType: 'image/jpeg',
      altText: 'The smm logo on a launch pad',
    },
  ],
  thread: [{ text: 'Al doilea mesaj din fir.' }],
  tags: ['launch'],
  campaign: 'launch-2026',
  networkOptions: { bluesky: { langs: ['ro'] } },
});

console.log(`Account: @${account.handle} on ${account.platform} (plans in ${account.timeZone})`);
console.log('A valid draft, with defaults applied:');
console.log(JSON.stringify(draft, null, 2));

// The same draft survives a round trip through JSON: it is plain data.
const again = parsePostDraft(JSON.parse(JSON.stringify(draft)));
console.log(`\nRound trip through JSON is lossless: ${JSON.stringify(again) === JSON.stringify(draft)}`);

// A bad draft: every problem is reported at once, each with its path and the fix.
const bad = {
  text: 42,
  visibility: 'everyone',
  media: [{ kind: 'hologram', source: { type: 'url', url: 'ftp://example.com/a' }, mimeType: 'image/jpeg' }],
  networkOptions: { 'Not A Network': {} },
};

try {
  parsePostDraft(bad);
  console.error('expected the bad draft to be rejected');
  process.exit(1);
} catch (error) {
  if (!ValidationError.isInstance(error)) throw error;
  console.log(`\nA bad draft is rejected with ${error.issues.length} problems (code ${error.code}):`);
  for (const issue of error.issues) console.log(`  ${formatIssuePath(issue.path).padEnd(22)} ${issue.message}`);
}
