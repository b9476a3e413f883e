/**
 * The week's article as a Pinterest pin. A pin is an image on a board: the demo lists the
 * account's boards as an app would at connect time, picks one and its first section, and pins a
 * generated PNG (never a checked-in binary) with alt text, the article's link and its title.
 * The Pinterest simulator checks every request against Pinterest's published OpenAPI.
 */
import { createPinterestAdapter } from '@smm/adapter-pinterest';
import { createClient } from '@smm/core/client';
import type { Clock } from '@smm/core/clock';
import { pngFile, toBase64 } from '@smm/testkit/media-files';
import { createPinterestSimulator } from '@smm/testkit/pinterest';
import { detail, expect, say } from './narrate.js';
import { loopbackOnly } from './simulators.js';

export async function pinArticle(clock: Clock, article: { title: string; url: string; summary: string }): Promise<void> {
  const sim = createPinterestSimulator({ clock, seed: 'smm-demo' });
  const server = await sim.listen({ host: '127.0.0.1', port: 0 });
  try {
    const account = { platform: 'pinterest', id: sim.account.id, handle: sim.account.handle, timeZone: 'Europe/Berlin' };
    const client = createClient({
      adapters: [createPinterestAdapter({ baseUrl: server.url, fetch: loopbackOnly })],
      accounts: [account],
      credentials: { [`pinterest:${sim.account.id}`]: sim.credentials },
      clock,
      fetch: loopbackOnly,
    });
    const board = sim.boards()[0]!;
    say(`Pinterest simulator at ${server.url}  account @${sim.account.handle}, adapter @smm/adapter-pinterest`);
    const { published } = await client.publish(`pinterest:${sim.account.id}`, {
      text: article.summary,
      link: article.url,
      media: [
        {
          kind: 'image',
          source: { type: 'bytes', base64: toBase64(pngFile(1000, 1500)) },
          mimeType: 'image/png',
          altText: `Cover of the article "${article.title}"`,
        },
      ],
      networkOptions: { pinterest: { boardId: board.id, boardSectionId: board.sections[0]!.id, title: article.title.slice(0, 100) } },
    });
    const pins = sim.posts();
    expect(pins.length === 1 && pins[0]!.id === published.parts[0]!.id, `Pinterest holds ${pins.length} pins; expected the one published`);
    say(
      `pinned to the board "${board.name}" (section "${board.sections[0]!.name}") with alt text and the article's link: ${published.parts[0]!.url}`,
    );
    detail(`requests: ${sim.requests.map((request) => `${request.method} ${request.path}`).join(' → ')}`);
  } finally {
    await server.close();
  }
}
