/**
 * The week's article as a YouTube video. A 20 MiB MP4 is generated into a temporary file (never
 * a checked-in binary); @smm/adapter-youtube opens a resumable upload session and streams the
 * file to it, and the publish stays pending while YouTube processes the video — the client polls
 * until it is ready. Every call is charged in quota units before it is sent, so the demo shows
 * what the day's budget paid. The YouTube simulator is served on 127.0.0.1 like the others.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createYouTubeAdapter } from '@smm/adapter-youtube';
import { createClient } from '@smm/core/client';
import type { Clock } from '@smm/core/clock';
import { mp4Header } from '@smm/testkit/media-files';
import { createYouTubeSimulator } from '@smm/testkit/youtube';
import { detail, expect, say } from './narrate.js';
import { loopbackOnly } from './simulators.js';

const MIB = 1024 * 1024;

export async function postYouTubeVideo(clock: Clock, title: string, text: string): Promise<void> {
  // On the ×30,240 clock one real second is 8 simulated hours: the upload session (a week at
  // YouTube) and processing run on the simulated clock like everything else.
  const sim = createYouTubeSimulator({ clock, seed: 'smm-demo', mentionEveryMs: 0, processingMs: 20 * 60_000 });
  const server = await sim.listen({ host: '127.0.0.1', port: 0 });
  const dir = await mkdtemp(join(tmpdir(), 'smm-demo-video-'));
  try {
    const path = join(dir, 'article.mp4');
    const filler = 20 * MIB;
    const header = mp4Header({ durationMs: 90_000, width: 1920, height: 1080, mediaBytes: filler });
    await writeFile(path, Buffer.concat([header, Buffer.alloc(filler)]));
    const account = { platform: 'youtube', id: sim.account.id, handle: sim.account.handle, timeZone: 'Europe/Berlin' };
    const client = createClient({
      adapters: [createYouTubeAdapter({ baseUrl: server.url, tokenUrl: `${server.url}/token`, fetch: loopbackOnly })],
      accounts: [account],
      credentials: { [`youtube:${sim.account.id}`]: sim.credentials },
      clock,
      fetch: loopbackOnly,
    });
    let polls = 0;
    client.on('publish-progress', () => {
      polls += 1;
    });
    say(`YouTube simulator at ${server.url}  channel @${sim.account.handle}, adapter @smm/adapter-youtube`);
    const { published } = await client.publish(`youtube:${sim.account.id}`, {
      text,
      media: [{ kind: 'video', source: { type: 'file', path }, mimeType: 'video/mp4' }],
      networkOptions: { youtube: { title, tags: ['smm', 'scheduling'], privacyStatus: 'public' } },
    });
    const videos = sim.videos();
    expect(
      videos.length === 1 && videos[0]!.id === published.parts[0]!.id,
      `YouTube holds ${videos.length} videos; expected the one published`,
    );
    const quota = sim.quotaUsed();
    const checks = sim.requests.filter((request) => request.method === 'GET' && request.path === '/youtube/v3/videos').length;
    expect(checks > 0, 'the publish should have waited while YouTube processed the video');
    say(
      `a ${Math.round((header.length + filler) / MIB)} MiB video streamed to one resumable session, pending while YouTube processed it ` +
        `(${checks} status checks, ${polls} progress events), then live: ${published.parts[0]!.url}`,
    );
    detail(`quota spent: ${quota.units} units and ${quota.uploads} of the day's uploads, each charged before its call was sent`);
    detail(`requests: ${sim.requests.map((request) => `${request.method} ${request.path}`).join(' → ')}`);
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}
