/**
 * Cross-post with per-network variants: one draft published to X, Bluesky, two Mastodon
 * accounts, Pinterest and a LinkedIn organisation in one `publishEverywhere` call. The draft's
 * `variants` give X a short text, Bluesky a mid-length one and Pinterest the image a pin needs;
 * Mastodon and LinkedIn, with no variant, get the full text. Each network gets its own
 * `networkOptions` (who may reply on X, languages and tags on Bluesky, a content warning on
 * Mastodon, board, section and title on Pinterest, the article title on LinkedIn). The
 * draft asks for `unlisted` visibility: Mastodon has it, X, Bluesky and Pinterest say in a
 * warning that the post goes out public.
 *
 *   npx -y pnpm@10 exec tsx examples/cross-post.ts      (from the repository root, after a build)
 *
 * The X, Bluesky and Mastodon simulators from @smm/testkit are served on 127.0.0.1 and the
 * shipped adapters point at them. The second Mastodon account's token has been revoked: its
 * post fails with an AuthError while every other account publishes — one failure never fails
 * the others. It prints each account's post id and URL (or error) and any warnings, then checks
 * on each simulator that the variant and the options really arrived. No network, no account.
 *
 * YouTube takes the same draft with its own variant: a short generated MP4, written to a
 * temporary file and streamed to a resumable upload session (the description is the full text,
 * the title comes from `networkOptions.youtube`). The publish waits while YouTube processes it.
 * TikTok takes no text-only post: its variant carries a short video, generated into a temporary
 * file (never a checked-in binary), uploaded in chunks, and TikTok processes and moderates it
 * (a pending publish the client waits for).
 *
 * Instagram takes no text-only post either: its variant carries a generated PNG given as bytes,
 * which the adapter puts on the app's public media host (here the simulator's own) because
 * Instagram downloads media from a URL; the container is published once Instagram has processed it.
 * Facebook takes the full text on a Page, the link as its link card; a Page post is public, so it
 * warns about `unlisted` too.
 * (a pending publish the client waits for). Threads gets the full text and a reply chained under it
 * (each a media container published once processed), the link as a preview, replies limited to
 * accounts it follows.
 */
import { createBlueskyAdapter } from '@smm/adapter-bluesky';
import { createFacebookAdapter } from '@smm/adapter-facebook';
import { createLinkedInAdapter } from '@smm/adapter-linkedin';
import { createMastodonAdapter } from '@smm/adapter-mastodon';
import { createPinterestAdapter } from '@smm/adapter-pinterest';
import { createThreadsAdapter } from '@smm/adapter-threads';
import { createYouTubeAdapter } from '@smm/adapter-youtube';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTikTokAdapter } from '@smm/adapter-tiktok';
import { createInstagramAdapter } from '@smm/adapter-instagram';
import { createXAdapter } from '@smm/adapter-x';
import { accountKey, createClient, type PublishSettledResult } from '@smm/core/client';
import { AuthError } from '@smm/core/errors';
import { draftFor, parsePostDraft, type Account, type PostDraftInput } from '@smm/core/model';
import { countLength, TEXT_RULES } from '@smm/core/text';
import { createBlueskySimulator, createFakeClock, createMastodonSimulator, createPinterestSimulator, createXSimulator } from '@smm/testkit';
import { mp4Header, pngFile, toBase64 } from '@smm/testkit/media-files';
import { createInstagramSimulator } from '@smm/testkit/instagram';
import { createYouTubeSimulator } from '@smm/testkit/youtube';
import { createLinkedInSimulator } from '@smm/testkit/linkedin';
import { createTikTokSimulator } from '@smm/testkit/tiktok';
import { createFacebookSimulator } from '@smm/testkit/facebook';
import { createThreadsSimulator } from '@smm/testkit/threads';

const quiet = process.env.SMM_EXAMPLE_QUIET === '1';
const detail = (...lines: unknown[]) => {
  if (!quiet) console.log(...lines);
};

function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const clock = createFakeClock({ now: '2026-03-02T09:00:00.000Z', autoAdvance: true });
const xSim = createXSimulator({ clock, seed: 21, mentionEveryMs: 0 });
const blueskySim = createBlueskySimulator({ clock, seed: 22, mentionEveryMs: 0 });
const mastodonSim = createMastodonSimulator({ clock, seed: 23, mentionEveryMs: 0 });
// A second Mastodon account on another instance, whose access token was revoked.
const revokedSim = createMastodonSimulator({
  clock,
  seed: 24,
  mentionEveryMs: 0,
  account: { id: '110000000000000777', username: 'smm_ro' },
});
const tiktokSim = createTikTokSimulator({ clock, seed: 25 });
// A short clip for TikTok: a generated 6-second MP4 header plus filler, written to a temporary file.
const clipDir = await mkdtemp(join(tmpdir(), 'smm-cross-post-'));
const clipPath = join(clipDir, 'clip.mp4');
const clipHeader = mp4Header({ durationMs: 6_000, width: 720, height: 1280, mediaBytes: 64 * 1024 });
await writeFile(clipPath, Buffer.concat([clipHeader, Buffer.alloc(64 * 1024)]));
const servers = await Promise.all(
  [xSim, blueskySim, mastodonSim, revokedSim, tiktokSim].map((sim) => sim.listen({ host: '127.0.0.1', port: 0 })),
);
const [xServer, blueskyServer, mastodonServer, revokedServer, tiktokServer] = servers as [
  (typeof servers)[0],
  (typeof servers)[0],
  (typeof servers)[0],
  (typeof servers)[0],
  (typeof servers)[0],
];
// Pinterest: a pin needs an image and a board, given in its variant and options below.
const pinterestSim = createPinterestSimulator({ clock, seed: 25 });
const pinterestServer = await pinterestSim.listen({ host: '127.0.0.1', port: 0 });
const pinterestBoard = pinterestSim.boards()[0]!;
// YouTube: a simulated channel, and a short generated video (a valid MP4 header and filler, not a checked-in binary).
const youtubeSim = createYouTubeSimulator({ clock, seed: 25, mentionEveryMs: 0 });
const youtubeServer = await youtubeSim.listen({ host: '127.0.0.1', port: 0 });
const videoDir = await mkdtemp(join(tmpdir(), 'smm-cross-post-'));
const videoPath = join(videoDir, 'spring-release.mp4');
await writeFile(videoPath, mp4Header({ durationMs: 5_000, width: 1280, height: 720, mediaBytes: 256 * 1024 }));
// LinkedIn, posting as the organisation: its commentary must survive the parentheses in the text.
const linkedinSim = createLinkedInSimulator({ clock, seed: 25 });
const linkedinServer = await linkedinSim.listen({ host: '127.0.0.1', port: 0 });
// Instagram: an image post; its media host is the simulator's (an app gives its bucket or CDN).
const instagramSim = createInstagramSimulator({ clock, seed: 25 });
const instagramServer = await instagramSim.listen({ host: '127.0.0.1', port: 0 });
// Facebook: a Page, posting with its Page token.
const facebookSim = createFacebookSimulator({ clock, seed: 26 });
const facebookServer = await facebookSim.listen({ host: '127.0.0.1', port: 0 });
// Threads: every post is a media container published once Threads has processed it (a pending publish).
const threadsSim = createThreadsSimulator({ clock, seed: 25 });
const threadsServer = await threadsSim.listen({ host: '127.0.0.1', port: 0 });
// Nothing here may run long: the whole example gives up after 30 s.
const signal = AbortSignal.timeout(30_000);

try {
  const accounts: Account[] = [
    { platform: 'x', id: xSim.account.id, handle: xSim.account.handle, timeZone: 'UTC' },
    { platform: 'bluesky', id: blueskySim.account.id, handle: blueskySim.account.handle, timeZone: 'UTC' },
    { platform: 'mastodon', id: mastodonSim.account.id, handle: mastodonSim.account.handle, timeZone: 'UTC' },
    { platform: 'mastodon', id: revokedSim.account.id, handle: revokedSim.account.handle, timeZone: 'UTC' },
    { platform: 'pinterest', id: pinterestSim.account.id, handle: pinterestSim.account.handle, timeZone: 'UTC' },
    { platform: 'youtube', id: youtubeSim.account.id, handle: youtubeSim.account.handle, timeZone: 'UTC' },
    { platform: 'linkedin', id: linkedinSim.account.id, handle: linkedinSim.account.handle, timeZone: 'UTC' },
    { platform: 'tiktok', id: tiktokSim.account.id, handle: tiktokSim.account.handle, timeZone: 'UTC' },
    { platform: 'instagram', id: instagramSim.account.id, handle: instagramSim.account.handle, timeZone: 'UTC' },
    { platform: 'facebook', id: facebookSim.account.id, handle: facebookSim.account.handle, timeZone: 'UTC' },
    { platform: 'threads', id: threadsSim.account.id, handle: threadsSim.account.handle, timeZone: 'UTC' },
  ];
  const onFacebook = accounts.find((account) => account.platform === 'facebook')!;
  const [onX, onBluesky, onMastodon, onRevoked, onPinterest] = accounts as [Account, Account, Account, Account, Account];
  const onLinkedIn = accounts[6]!;
  const onTikTok = accounts[7]!;
  const onInstagram = accounts[8]!;
  const onThreads = accounts.find((account) => account.platform === 'threads')!;
  const client = createClient({
    adapters: [
      createXAdapter({ baseUrl: xServer.url }),
      createBlueskyAdapter({ baseUrl: blueskyServer.url }),
      // Each Mastodon account talks to its own instance.
      createMastodonAdapter({ baseUrl: mastodonServer.url, accountInstances: { [revokedSim.account.id]: revokedServer.url } }),
      createPinterestAdapter({ baseUrl: pinterestServer.url }),
      createYouTubeAdapter({ baseUrl: youtubeServer.url, tokenUrl: `${youtubeServer.url}/token` }),
      createLinkedInAdapter({ baseUrl: linkedinServer.url }),
      createTikTokAdapter({ baseUrl: tiktokServer.url }),
      createInstagramAdapter({ baseUrl: instagramServer.url, mediaHost: instagramSim.mediaHost }),
      createFacebookAdapter({ baseUrl: facebookServer.url, videoBaseUrl: facebookServer.url }),
      createThreadsAdapter({ baseUrl: threadsServer.url }),
    ],
    accounts,
    credentials: {
      [accountKey(onX)]: xSim.credentials,
      [accountKey(onBluesky)]: blueskySim.credentials,
      [accountKey(onMastodon)]: mastodonSim.credentials,
      [accountKey(onRevoked)]: { accessToken: 'revoked-by-the-user-in-settings' },
      [accountKey(onPinterest)]: pinterestSim.credentials,
      [accountKey(accounts[5]!)]: youtubeSim.credentials,
      [accountKey(onLinkedIn)]: linkedinSim.credentials,
      [accountKey(onTikTok)]: tiktokSim.credentials,
      [accountKey(onInstagram)]: instagramSim.credentials,
      [accountKey(onFacebook)]: { accessToken: facebookSim.credentials.accessToken },
      [accountKey(onThreads)]: threadsSim.credentials,
    },
    clock,
    httpOptions: { timeoutMs: 5_000, maxRetries: 2 },
  });
  console.log(`simulators on ${servers.map((server) => server.url).join(', ')}`);

  const full =
    'Spring release of smm is out 🌱 The unified inbox now groups every mention, reply and DM from X, Bluesky and Mastodon into ' +
    'conversations, tags them with your rules (with Arabic and Persian letter variants folded), and answers through saved replies ' +
    'that must be personalised. Analytics gained response-time reports, and the scheduler publishes exactly once, even across restarts.';
  // One draft: the full text for every network, and a variant for each network that needs its own.
  const draft: PostDraftInput = {
    text: full,
    link: 'https://example.com/blog/spring-release',
    language: 'en',
    tags: ['release'],
    // Keep it out of public timelines where the network can; elsewhere it goes out public, with a warning.
    visibility: 'unlisted',
    networkOptions: {
      x: { replySettings: 'following' },
      bluesky: { langs: ['en'], tags: ['smm', 'release'] },
      mastodon: { spoilerText: 'smm release notes' },
      pinterest: { boardId: pinterestBoard.id, boardSectionId: pinterestBoard.sections[0]!.id, title: 'smm spring release' },
      linkedin: { articleTitle: 'smm spring release' },
      youtube: { title: 'Spring release of smm', tags: ['smm', 'release'] },
      tiktok: { disableDuet: true },
      threads: { replyControl: 'accounts_you_follow' },
    },
    variants: {
      // A pin is an image first: Pinterest gets one, with alt text, and the full text as its description.
      pinterest: {
        media: [
          {
            kind: 'image',
            source: { type: 'url', url: 'https://cdn.example.com/smm-spring-release.png' },
            mimeType: 'image/png',
            altText: 'The smm spring release banner',
          },
        ],
      },
      // YouTube publishes videos: its variant adds the generated MP4, streamed from the file.
      youtube: { media: [{ kind: 'video', source: { type: 'file', path: videoPath }, mimeType: 'video/mp4' }] },
      x: {
        text: 'Spring release of smm is out 🌱 One inbox for every mention, reply and DM from X, Bluesky and Mastodon, rules that read Arabic and Persian, personalised saved replies, response-time reports.',
      },
      bluesky: {
        text:
          'Spring release of smm is out 🌱 The unified inbox groups every mention, reply and DM into conversations, tags them with your rules ' +
          '(Arabic and Persian variants folded) and answers with personalised saved replies. Plus response-time reports.',
      },
      // TikTok posts need media: the clip, read from its file in chunks.
      tiktok: { media: [{ kind: 'video', source: { type: 'file', path: clipPath }, mimeType: 'video/mp4' }] },
      // Instagram posts need media too: a square banner given as bytes, put on the media host for Instagram to fetch.
      instagram: {
        media: [
          {
            kind: 'image',
            source: { type: 'bytes', base64: toBase64(pngFile(1080, 1080)) },
            mimeType: 'image/png',
            altText: 'The smm spring release banner',
          },
        ],
      },
      // Threads gets the full text and a reply under it: a chain of two posts.
      threads: { thread: [{ text: 'What is next: a calendar view of every network, and approvals on the go.' }] },
    },
  };
  // What each network receives: the draft with its variant applied (Mastodon has none: the full text).
  const parsed = parsePostDraft(draft);
  const textFor = (network: string) => draftFor(parsed, network).text;

  console.log('text per network, before the link (measured as each network counts):');
  for (const account of accounts.slice(0, 3)) {
    const network = account.platform as 'x' | 'bluesky' | 'mastodon';
    const text = textFor(network);
    const rule = TEXT_RULES[network];
    console.log(`  ${network.padEnd(9)} ${String(countLength(text, rule)).padStart(3)} of ${rule.maxLength} (${rule.method})`);
  }
  // Why the variants: the full text is over X's and Bluesky's limits.
  expect(
    countLength(full, TEXT_RULES.x) > TEXT_RULES.x.maxLength && countLength(full, TEXT_RULES.bluesky) > TEXT_RULES.bluesky.maxLength,
    'the full text should need variants for X and Bluesky',
  );

  // One call: each account gets its network's variant; results come back in the order of `accounts`.
  const results = await client.publishEverywhere(draft, accounts, { signal });
  console.log('\nper-account results:');
  for (const result of results) {
    const who = `${result.account.platform}:@${result.account.handle}`.padEnd(27);
    if (result.status === 'fulfilled') {
      const part = result.value.published.parts[0]!;
      console.log(`  ✓ ${who} ${part.id}  ${part.url ?? ''}`);
      for (const warning of result.value.warnings) console.log(`      warning ${warning.code}: ${warning.message}`);
    } else {
      const error = result.reason as Error & { code?: string };
      console.log(`  ✗ ${who} ${error.name} (${error.code ?? 'no code'}): ${error.message.split('\n')[0]}`);
    }
  }
  const warnings = results.flatMap((result) => (result.status === 'fulfilled' ? result.value.warnings : []));
  expect(
    ['x', 'bluesky'].every((network) =>
      results.some(
        (result) =>
          result.account.platform === network &&
          result.status === 'fulfilled' &&
          result.value.warnings.some((warning) => warning.code === 'visibility_unsupported'),
      ),
    ),
    'X and Bluesky should warn that they cannot publish unlisted',
  );

  // The expectations, checked on the networks themselves.
  const [xResult, blueskyResult, mastodonResult, revokedResult, pinterestResult] = results as [
    PublishSettledResult,
    PublishSettledResult,
    PublishSettledResult,
    PublishSettledResult,
    PublishSettledResult,
  ];
  const tiktokResult = results[7]!;
  expect(
    xResult.status === 'fulfilled' && blueskyResult.status === 'fulfilled' && mastodonResult.status === 'fulfilled',
    'X, Bluesky and the first Mastodon account should all have published',
  );
  expect(
    revokedResult.status === 'rejected' && AuthError.isInstance(revokedResult.reason),
    'the account with the revoked token should fail with an AuthError',
  );
  expect(revokedSim.posts().length === 0, 'nothing may be posted with a revoked token');

  const tweet = xSim.posts();
  expect(
    tweet.length === 1 && tweet[0]!.id === xResult.value.published.parts[0]!.id,
    `X holds ${tweet.length} posts; expected the one published`,
  );
  expect(tweet[0]!.text.startsWith(textFor('x')) && tweet[0]!.text.includes(parsed.link!), 'X got its short variant with the link');
  const tweetBody = xSim.requests.find((request) => request.method === 'POST' && request.path === '/2/tweets')!.body as Record<
    string,
    unknown
  >;
  expect(tweetBody.reply_settings === 'following', `X got reply_settings ${String(tweetBody.reply_settings)}, expected "following"`);

  const skeet = blueskySim.posts();
  expect(skeet.length === 1 && skeet[0]!.text === textFor('bluesky'), 'Bluesky got its mid-length variant');
  const record = (
    blueskySim.requests.find((request) => request.path.endsWith('com.atproto.repo.createRecord'))!.body as {
      record: Record<string, unknown>;
    }
  ).record;
  expect(
    JSON.stringify(record.langs) === '["en"]' && JSON.stringify(record.tags) === '["smm","release"]',
    `Bluesky record has langs ${JSON.stringify(record.langs)} and tags ${JSON.stringify(record.tags)}`,
  );

  const toot = mastodonSim.posts();
  expect(toot.length === 1 && toot[0]!.text.startsWith(full) && toot[0]!.visibility === 'unlisted', 'Mastodon got the full text, unlisted');
  const statusBody = mastodonSim.requests.find((request) => request.method === 'POST' && request.path === '/api/v1/statuses')!
    .body as Record<string, unknown>;
  expect(statusBody.spoiler_text === 'smm release notes', `Mastodon got spoiler_text ${String(statusBody.spoiler_text)}`);

  const pins = pinterestSim.posts();
  expect(
    pinterestResult.status === 'fulfilled' && pins.length === 1 && pins[0]!.id === pinterestResult.value.published.parts[0]!.id,
    `Pinterest holds ${pins.length} pins; expected the one published`,
  );
  const pinBody = pinterestSim.requests.find((request) => request.method === 'POST' && request.path === '/v5/pins')!.body as Record<
    string,
    unknown
  >;
  expect(
    pinBody.board_id === pinterestBoard.id && pinBody.description === full && pinBody.link === parsed.link,
    'Pinterest got the board, the full text as description and the link',
  );
  detail(
    `Pinterest pin on board "${pinterestBoard.name}" with title "${String(pinBody.title)}" and alt text "${String(pinBody.alt_text)}"`,
  );

  const youtubeResult = results[5]!;
  const uploaded = youtubeSim.videos();
  expect(
    youtubeResult.status === 'fulfilled' && uploaded.length === 1 && uploaded[0]!.id === youtubeResult.value.published.parts[0]!.id,
    `YouTube holds ${uploaded.length} videos; expected the one published`,
  );
  expect(
    uploaded[0]!.title === 'Spring release of smm' &&
      uploaded[0]!.description.startsWith(full) &&
      uploaded[0]!.privacyStatus === 'unlisted',
    'YouTube got the title, the full text as description, and unlisted',
  );
  console.log(
    `YouTube: video ${uploaded[0]!.id} (${uploaded[0]!.sizeBytes} bytes streamed from its file), ${uploaded[0]!.privacyStatus}, quota spent today: ${youtubeSim.quotaUsed().units} units + ${youtubeSim.quotaUsed().uploads} upload`,
  );
  // LinkedIn: the full text arrived whole (its parentheses escaped in the commentary, so not cut there), the link as an article.
  const linkedinResult = results[6]!;
  expect(linkedinResult.status === 'fulfilled', 'LinkedIn should have published');
  const share = linkedinSim.posts().filter((post) => post.id === linkedinResult.value.published.parts[0]!.id);
  expect(share.length === 1, `LinkedIn holds ${share.length} posts with the id it answered; expected the one published`);
  expect(share[0]!.text === full, `LinkedIn shows ${JSON.stringify(share[0]!.text.slice(0, 80))}…: the commentary was cut`);
  expect(linkedinSim.commentaryOf(share[0]!.id)!.includes('\\(with Arabic'), 'LinkedIn commentary escapes its parentheses');
  console.log(`checked on LinkedIn: ${share[0]!.text.length} characters shown of ${full.length}, parentheses escaped in the commentary`);

  const clips = tiktokSim.posts();
  expect(
    tiktokResult.status === 'fulfilled' && clips.length === 1 && clips[0]!.id === tiktokResult.value.published.parts[0]!.id,
    'TikTok holds the one video published',
  );
  const tiktokInit = tiktokSim.requests.find((request) => request.path === '/v2/post/publish/video/init/')!.body as {
    post_info: Record<string, unknown>;
  };
  expect(clips[0]!.text.startsWith(full) && tiktokInit.post_info.disable_duet === true, 'TikTok got the full text as caption, duets off');
  expect(
    tiktokSim.requests.findIndex((request) => request.path === '/v2/post/publish/creator_info/query/') <
      tiktokSim.requests.findIndex((request) => request.path === '/v2/post/publish/video/init/'),
    'TikTok was asked for creator_info before the post',
  );
  const instagramResult = results[8]!;
  const grams = instagramSim.posts();
  expect(
    instagramResult.status === 'fulfilled' && grams.length === 1 && grams[0]!.id === instagramResult.value.published.parts[0]!.id,
    `Instagram holds ${grams.length} media; expected the one published`,
  );
  expect(
    grams[0]!.text === full && grams[0]!.extra.altText === 'The smm spring release banner',
    'Instagram got the full text as caption and the alt text',
  );
  expect(instagramSim.mediaHost.files().length === 1, 'the banner was put on the media host once');
  console.log(
    `checked on Instagram: media ${grams[0]!.id} from container ${String(grams[0]!.extra.containerId)}, image at ${grams[0]!.mediaIds[0]}`,
  );
  // Facebook: one Page post with the full text and the link as its link card; public, so it warned about unlisted.
  const facebookResult = results.find((result) => result.account.platform === 'facebook')!;
  const pagePosts = facebookSim.posts().filter((post) => post.text === full);
  expect(
    facebookResult.status === 'fulfilled' && pagePosts.length === 1 && pagePosts[0]!.id === facebookResult.value.published.parts[0]!.id,
    `Facebook holds ${pagePosts.length} Page posts with the full text; expected the one published`,
  );
  expect(
    facebookResult.value.warnings.some((warning) => warning.code === 'visibility_unsupported'),
    'Facebook should warn that a Page post is public',
  );
  const feedBody = facebookSim.requests.find((request) => request.method === 'POST' && request.path.endsWith('/feed'))!.body as Record<
    string,
    unknown
  >;
  expect(feedBody.link === parsed.link, `Facebook got link ${String(feedBody.link)} as the link card`);
  console.log(`checked on Facebook: Page post ${pagePosts[0]!.id} with the full text and the link card ${String(feedBody.link)}`);
  // Threads: the full text, then the reply chained under it (reply_to_id), the link as a preview.
  const threadsResult = results.find((result) => result.account.platform === 'threads')!;
  const threadPosts = threadsSim.posts();
  expect(
    threadsResult.status === 'fulfilled' &&
      threadPosts.length === 2 &&
      threadPosts[0]!.text === full &&
      threadPosts[1]!.replyToId === threadPosts[0]!.id &&
      threadsResult.value.published.parts.map((part) => part.id).join() === threadPosts.map((post) => post.id).join(),
    'Threads holds the full text and its reply, chained',
  );
  expect(
    threadPosts[0]!.extra.linkAttachment === parsed.link && threadPosts[0]!.extra.replyControl === 'accounts_you_follow',
    'Threads got the link as a preview and who may reply',
  );
  console.log(`checked on Threads: a chain of ${threadPosts.length} posts, each a container published once processed`);
  console.log(
    `\nchecked on the simulators: X reply_settings=${String(tweetBody.reply_settings)}; Bluesky langs=${JSON.stringify(record.langs)} tags=${JSON.stringify(record.tags)}; Mastodon visibility=${toot[0]!.visibility} spoiler_text="${String(statusBody.spoiler_text)}"; revoked account: ${revokedSim.posts().length} posts; TikTok privacy_level=${String(tiktokInit.post_info.privacy_level)} disable_duet=${String(tiktokInit.post_info.disable_duet)}`,
  );
  detail(
    `requests served: X ${xSim.requests.length}, Bluesky ${blueskySim.requests.length}, Mastodon ${mastodonSim.requests.length}, revoked Mastodon ${revokedSim.requests.length}`,
  );
} catch (error) {
  console.error(`cross-post example failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await Promise.all(
    [...servers, pinterestServer, youtubeServer, linkedinServer, instagramServer, facebookServer, threadsServer].map((server) =>
      server.close(),
    ),
  );
  await rm(videoDir, { recursive: true, force: true });
  await rm(clipDir, { recursive: true, force: true });
}
