// A child process for the SIGKILL test: publishes a generated 12 MB video to the TikTok simulator
// at argv[2] and prints the pending publish (what a scheduler would store) as soon as TikTok is
// processing it, then keeps waiting — until the parent kills it.
import { createClient } from '@smm/core/client';
import { generatedBytes, mp4Header } from '@smm/testkit/media-files';
import { createTikTokAdapter } from '../index.js';

const [url, accountId, credentials] = process.argv.slice(2) as [string, string, string];
const client = createClient({
  adapters: [createTikTokAdapter({ baseUrl: url, chunkBytes: 5 * 1024 * 1024 })],
  accounts: [{ platform: 'tiktok', id: accountId, handle: 'creator' }],
  credentials: { [`tiktok:${accountId}`]: JSON.parse(credentials) as unknown },
});
client.on('publish-pending', ({ pending }) => console.log(`PENDING ${JSON.stringify(pending)}`));
const total = 12 * 1024 * 1024;
const head = mp4Header({ durationMs: 8_000, width: 720, height: 1280, mediaBytes: 0 });
const prefix = mp4Header({ durationMs: 8_000, width: 720, height: 1280, mediaBytes: total - head.length });
await client.publish(`tiktok:${accountId}`, {
  text: 'survives SIGKILL',
  media: [
    {
      kind: 'video',
      mimeType: 'video/mp4',
      source: { type: 'stream', stream: generatedBytes({ totalBytes: total, prefix }), sizeBytes: total },
    },
  ],
});
console.log('PUBLISHED');
