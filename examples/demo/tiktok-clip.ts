/**
 * A video network too: the week's announcement as a short TikTok clip. TikTok takes no text-only
 * post, so a 15-second vertical MP4 is generated into a temporary file (never a checked-in
 * binary); @smm/adapter-tiktok asks creator_info first, uploads the file in sequential 5 MiB
 * chunks, and the publish stays pending while TikTok processes and moderates it — the client
 * polls until the video is live. The TikTok simulator is served on 127.0.0.1 like the others.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTikTokAdapter } from '@smm/adapter-tiktok';
import { createClient } from '@smm/core/client';
import type { Clock } from '@smm/core/clock';
import { mp4Header } from '@smm/testkit/media-files';
import { createTikTokSimulator } from '@smm/testkit/tiktok';
import { detail, expect, say } from './narrate.js';
import { loopbackOnly } from './simulators.js';

const MIB = 1024 * 1024;

export async function postTikTokClip(clock: Clock, text: string): Promise<void> {
  // On the ×30,240 clock one real second is 8 simulated hours: the upload session (an hour at
  // TikTok) lasts a simulated week here, as an hour outlasts the seconds a real upload takes.
  const sim = createTikTokSimulator({ clock, seed: 'smm-demo', account: { username: 'acme' }, uploadUrlTtlMs: 7 * 86_400_000 });
  const server = await sim.listen({ host: '127.0.0.1', port: 0 });
  const dir = await mkdtemp(join(tmpdir(), 'smm-demo-clip-'));
  try {
    const path = join(dir, 'announcement.mp4');
    const filler = 12 * MIB;
    const header = mp4Header({ durationMs: 15_000, width: 1080, height: 1920, mediaBytes: filler });
    await writeFile(path, Buffer.concat([header, Buffer.alloc(filler)]));
    const account = { platform: 'tiktok', id: sim.account.id, handle: sim.account.handle, timeZone: 'Europe/Berlin' };
    const client = createClient({
      adapters: [createTikTokAdapter({ baseUrl: server.url, chunkBytes: 5 * MIB })],
      accounts: [account],
      credentials: { [`tiktok:${sim.account.id}`]: sim.credentials },
      clock,
      fetch: loopbackOnly,
    });
    const stages: string[] = [];
    client.on('publish-progress', (event) => {
      const stage = event.progress?.stage;
      if (stage && stages.at(-1) !== stage) stages.push(stage);
    });
    say(`TikTok simulator at ${server.url}  account @${sim.account.handle}, adapter @smm/adapter-tiktok`);
    const { published } = await client.publish(`tiktok:${sim.account.id}`, {
      text,
      media: [{ kind: 'video', source: { type: 'file', path }, mimeType: 'video/mp4' }],
    });
    const paths = sim.requests.map((request) => `${request.method} ${request.path}`);
    const chunks = sim.requests.filter((request) => request.method === 'PUT').map((request) => request.headers['content-range']);
    const live = sim.posts();
    expect(live.length === 1 && live[0]!.id === published.parts[0]!.id, `TikTok holds ${live.length} videos; expected the one published`);
    expect(paths.indexOf('POST /v2/post/publish/creator_info/query/') === 0, 'TikTok must be asked for creator_info before the post');
    say(
      `a ${Math.round((header.length + filler) / MIB)} MiB clip, uploaded in ${chunks.length} chunks (${chunks.join(', ')}), ` +
        `pending while TikTok processed and moderated it, then live: ${published.parts[0]!.url}`,
    );
    detail(`requests: ${paths.join(' → ')}`);
    if (stages.length > 0) detail(`stages seen while polling: ${stages.join(' → ')}`);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
