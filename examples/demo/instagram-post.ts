/**
 * The week's article as an Instagram post. Instagram downloads media from a public URL, so the
 * demo runs the app's media host itself — a small HTTP server on 127.0.0.1 that keeps the files
 * it is given and serves them — and the adapter puts the generated PNG (never a checked-in binary)
 * there; the simulator downloads it from that host at container creation, as Meta does. The
 * publish is a pending one: the container is processed, then published, with a first comment.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInstagramAdapter } from '@smm/adapter-instagram';
import { createClient } from '@smm/core/client';
import type { Clock } from '@smm/core/clock';
import { createInstagramSimulator } from '@smm/testkit/instagram';
import { pngFile, toBase64 } from '@smm/testkit/media-files';
import { detail, expect, say } from './narrate.js';
import { loopbackOnly } from './simulators.js';

/** The app's public media host: stores bytes, answers their URL, serves them on 127.0.0.1. */
async function startMediaHost() {
  const files = new Map<string, { bytes: Buffer; mimeType: string }>();
  const server = createServer((request, response) => {
    const file = files.get(request.url ?? '');
    if (!file) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': file.mimeType, 'content-length': String(file.bytes.length) }).end(file.bytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    files,
    host: {
      async urlFor(media: { source: { type: string; base64?: string }; mimeType: string }) {
        const path = `/media/${files.size + 1}`;
        files.set(path, { bytes: Buffer.from(media.source.base64 ?? '', 'base64'), mimeType: media.mimeType });
        return { url: `${origin}${path}` };
      },
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function postToInstagram(clock: Clock, article: { title: string; url: string }): Promise<void> {
  const media = await startMediaHost();
  const sim = createInstagramSimulator({ clock, seed: 'smm-demo', fetchMedia: loopbackOnly });
  const server = await sim.listen({ host: '127.0.0.1', port: 0 });
  try {
    const account = { platform: 'instagram', id: sim.account.id, handle: sim.account.handle, timeZone: 'Europe/Berlin' };
    const client = createClient({
      adapters: [createInstagramAdapter({ baseUrl: server.url, mediaHost: media.host })],
      accounts: [account],
      credentials: { [`instagram:${sim.account.id}`]: sim.credentials },
      clock,
      fetch: loopbackOnly,
    });
    say(`Instagram simulator at ${server.url}  account @${sim.account.handle}, adapter @smm/adapter-instagram, media host on 127.0.0.1`);
    const { published } = await client.publish(
      `instagram:${sim.account.id}`,
      {
        text: `${article.title} 📰 Link in bio. #weekly`,
        media: [
          {
            kind: 'image',
            source: { type: 'bytes', base64: toBase64(pngFile(1080, 1080)) },
            mimeType: 'image/png',
            altText: `Cover of the article "${article.title}"`,
          },
        ],
      },
      { firstComment: `Read it: ${article.url}` },
    );
    const posts = sim.posts().filter((post) => post.extra.node === 'media');
    expect(
      posts.length === 1 && posts[0]!.id === published.parts[0]!.id,
      `Instagram holds ${posts.length} media; expected the one published`,
    );
    expect(media.files.size === 1, 'the image was put on the media host once');
    const comments = sim.posts().filter((post) => post.extra.node === 'comment');
    expect(comments.length === 1 && comments[0]!.replyToId === posts[0]!.id, 'the first comment sits under the new media');
    say(`posted through a container (processed, then published) with alt text and a first comment: ${published.parts[0]!.url}`);
    detail(`requests: ${sim.requests.map((request) => `${request.method} ${request.path}`).join(' → ')}`);
  } finally {
    await server.close();
    await media.close();
  }
}
