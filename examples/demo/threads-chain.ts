/**
 * The week's article as a Threads chain. Every Threads post is a media container that Threads
 * processes before it can be published, so each part is a pending publish the client waits for;
 * the parts are chained as replies (`reply_to_id`). The first part carries a generated PNG (never a
 * checked-in binary): Threads downloads media from a public URL, so the image goes through the
 * adapter's `mediaHost` — here the simulator's public media host. The publishing quota is read
 * before anything is created. The Threads simulator holds every request to Meta's Threads doc pages.
 */
import { createThreadsAdapter } from '@smm/adapter-threads';
import { createClient } from '@smm/core/client';
import type { Clock } from '@smm/core/clock';
import { pngFile, toBase64 } from '@smm/testkit/media-files';
import { createThreadsSimulator } from '@smm/testkit/threads';
import { detail, expect, say } from './narrate.js';
import { loopbackOnly } from './simulators.js';

export async function postThreadsChain(clock: Clock, article: { title: string; url: string }): Promise<void> {
  const sim = createThreadsSimulator({ clock, seed: 'smm-demo' });
  const server = await sim.listen({ host: '127.0.0.1', port: 0 });
  try {
    const account = { platform: 'threads', id: sim.account.id, handle: sim.account.handle, timeZone: 'Europe/Berlin' };
    const key = `threads:${sim.account.id}`;
    const client = createClient({
      // On the ×30,240 clock one real second is 8 simulated hours: the wait for containers is counted
      // in simulated time too, so it gets a simulated week (a few real seconds).
      adapters: [createThreadsAdapter({ baseUrl: server.url, mediaHost: sim.mediaHost, pendingTimeoutMs: 7 * 86_400_000 })],
      accounts: [account],
      credentials: { [key]: sim.credentials },
      clock,
      fetch: loopbackOnly,
    });
    say(`Threads simulator at ${server.url}  account @${sim.account.handle}, adapter @smm/adapter-threads`);
    let polls = 0;
    client.on('publish-progress', () => void (polls += 1));
    const { published } = await client.publish(key, {
      text: `New on the blog: ${article.title} 🧵`,
      media: [
        {
          kind: 'image',
          source: { type: 'bytes', base64: toBase64(pngFile(1080, 1350)) },
          mimeType: 'image/png',
          altText: 'The article cover',
        },
      ],
      thread: [
        { text: 'What changed this week, in one paragraph: fewer tools, one inbox, one calendar.' },
        { text: `Read it all: ${article.url}` },
      ],
      networkOptions: { threads: { replyControl: 'accounts_you_follow' } },
    });
    const posts = sim.posts();
    expect(
      posts.length === 3 &&
        published.parts.map((part) => part.id).join() === posts.map((post) => post.id).join() &&
        posts[1]!.replyToId === posts[0]!.id &&
        posts[2]!.replyToId === posts[1]!.id,
      `Threads holds ${posts.length} posts; expected the 3 parts of the chain, each replying to the one before`,
    );
    expect(sim.mediaHost.files().length === 1 && posts[0]!.mediaIds.length === 1, 'the cover went through the media host');
    say(
      `published a chain of ${posts.length} posts (${polls} container polls; the cover went through the media host), first post ${published.parts[0]!.url ?? published.parts[0]!.id}`,
    );
    detail(`requests: ${sim.requests.map((request) => `${request.method} ${request.path}`).join(' → ')}`);
  } finally {
    await server.close();
  }
}
