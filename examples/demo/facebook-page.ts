/**
 * The week's article on a Facebook Page. The demo connects as an app does: Facebook Login, the
 * Pages behind the login (each with its own Page token), the brand's Page picked; then it posts
 * the article with its link card, schedules an album of two generated photos (never checked-in
 * binaries) for next week with Facebook's own scheduling, answers the first comment as
 * the Page and likes it, and reads the post's insights (only the metrics Meta still serves). The
 * Facebook simulator checks every request against Meta's codegen node specs.
 */
import { createFacebookAdapter, type FacebookCredentials } from '@smm/adapter-facebook';
import { createClient } from '@smm/core/client';
import type { Clock } from '@smm/core/clock';
import { createConnectFlow } from '@smm/core/connect';
import { createFakeClock } from '@smm/testkit/clock';
import { createFacebookSimulator } from '@smm/testkit/facebook';
import { pngFile, toBase64 } from '@smm/testkit/media-files';
import { detail, expect, say } from './narrate.js';
import { loopbackOnly } from './simulators.js';

export async function postToFacebookPage(demoClock: Clock, article: { title: string; url: string }): Promise<void> {
  // This step runs on its own clock, starting at the demo's "now" and moving only through waits:
  // on the week's ×30,240 clock, Facebook Login's 10-minute authorization code would last 20 ms.
  const clock = createFakeClock({ now: demoClock.now(), autoAdvance: true });
  const sim = createFacebookSimulator({ clock, seed: 'smm-demo', otherPages: 1 });
  const server = await sim.listen({ host: '127.0.0.1', port: 0 });
  try {
    const adapter = createFacebookAdapter({
      baseUrl: server.url,
      videoBaseUrl: server.url,
      authBaseUrl: server.url,
      appId: sim.credentials.clientId,
      appSecret: sim.credentials.clientSecret,
    });
    say(`Facebook simulator at ${server.url}, adapter @smm/adapter-facebook`);

    // Facebook Login, as the app's "Connect a Page" button runs it; the simulated person approves at once.
    const flow = createConnectFlow(adapter, {
      clientId: sim.credentials.clientId,
      clientSecret: sim.credentials.clientSecret,
      redirectUri: 'http://127.0.0.1:8765/callback/facebook',
      fetch: loopbackOnly,
      now: () => clock.now(),
    });
    const start = await flow.start();
    const consent = await loopbackOnly(start.url, { redirect: 'manual' });
    const login = await flow.finish({
      callbackUrl: consent.headers.get('location')!,
      expectedState: start.state,
      codeVerifier: start.codeVerifier,
    });
    const pages = await flow.listAccounts(login);
    say(
      `Facebook Login: ${pages.length} Pages behind the login (${pages.map((page) => page.displayName).join(', ')}); the brand's Page is picked`,
    );
    const page = pages.find((entry) => entry.id === sim.account.id);
    expect(page?.credentials, 'the brand Page should be listed with its own Page token');

    const account = { platform: 'facebook', id: page.id, handle: page.handle ?? page.id, timeZone: 'Europe/Berlin' };
    const key = `facebook:${page.id}`;
    const client = createClient({
      adapters: [adapter],
      accounts: [account],
      credentials: { [key]: page.credentials as FacebookCredentials },
      clock,
      fetch: loopbackOnly,
    });

    const { published } = await client.publish(key, { text: `${article.title} — this week on the blog.`, link: article.url });
    say(`posted the article with its link card: ${published.parts[0]!.url}`);

    const nextWeek = new Date(Math.ceil((clock.now() + 7 * 86_400_000) / 3_600_000) * 3_600_000).toISOString();
    const album = await client.publish(
      key,
      {
        text: 'Behind the article: two pictures from the week.',
        media: [1, 2].map((n) => ({
          kind: 'image' as const,
          source: { type: 'bytes' as const, base64: toBase64(pngFile(1200, 900)) },
          mimeType: 'image/png',
          altText: `Picture ${n} of the week`,
        })),
      },
      { scheduledAt: nextWeek },
    );
    expect(album.published.parts[0]!.extra?.scheduled === 'true', 'the album should be scheduled on Facebook itself');
    expect(sim.scheduled().length === 1, `Facebook holds ${sim.scheduled().length} scheduled posts; expected the album`);
    say(`scheduled an album of 2 photos on Facebook itself for ${nextWeek} (published=false + scheduled_publish_time)`);

    const { items } = await client.listMentions(key, { limit: 10 });
    const first = items.find((mention) => mention.kind === 'comment');
    expect(first, 'the Page should have comments to answer');
    await client.reply(key, { platform: 'facebook', id: first.id }, { text: `Thanks ${first.author.displayName ?? first.author.handle}!` });
    await client.actOnMention(key, first, 'like');
    say(`${items.length} comments and replies read as mentions; answered and liked "${first.text}" as the Page`);

    // Half a day later (on this step's clock), the post has been seen.
    await clock.advance(12 * 3_600_000);
    const metrics = await client.getPostMetrics(key, published.parts[0]!);
    const names = Object.entries(metrics.metrics).map(([name, value]) => `${name} ${value!.value} (${value!.platformName})`);
    expect(metrics.metrics.impressions === undefined, 'impressions are deprecated by Meta and must be absent');
    say(`post metrics: ${names.join(', ')}`);
    detail(`requests: ${sim.requests.map((request) => `${request.method} ${request.path.replace(/^\/v\d+\.\d+/, '')}`).join(' → ')}`);
  } finally {
    await server.close();
  }
}
