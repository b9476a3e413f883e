import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createYouTubeSimulator } from './index.js';

const KIB256 = 256 * 1024;

function setup(options: Parameters<typeof createYouTubeSimulator>[0] = {}) {
  const clock = createFakeClock({ now: '2026-07-01T12:00:00.000Z' });
  const sim = createYouTubeSimulator({ clock, ...options });
  const auth = { authorization: `Bearer ${sim.credentials.accessToken}` };
  const open = async (
    total: number,
    metadata: unknown = { snippet: { title: 'A video', description: 'About it' }, status: { privacyStatus: 'public' } },
  ) => {
    const response = await sim.fetch(`${sim.baseUrl}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`, {
      method: 'POST',
      headers: {
        ...auth,
        'content-type': 'application/json',
        'x-upload-content-length': String(total),
        'x-upload-content-type': 'video/mp4',
      },
      body: JSON.stringify(metadata),
    });
    return response;
  };
  const put = (uri: string, range: string, bytes?: Uint8Array) =>
    sim.fetch(uri, { method: 'PUT', headers: { 'content-range': range }, ...(bytes ? { body: bytes as Uint8Array<ArrayBuffer> } : {}) });
  return { clock, sim, auth, open, put };
}

describe('YouTube simulator: resumable uploads', () => {
  it('answers 308 with Range for each chunk, tells a status query what it holds, and 201 with the video at the end', async () => {
    const { sim, open, put } = setup();
    const total = 2 * KIB256 + 10;
    const started = await open(total);
    expect(started.status).toBe(200);
    const uri = started.headers.get('location')!;
    expect(uri).toMatch(/\/upload\/youtube\/v3\/videos\?uploadType=resumable&upload_id=/);
    const empty = await put(uri, `bytes */${total}`);
    expect(empty.status).toBe(308);
    expect(empty.headers.get('range')).toBeNull();
    const first = await put(uri, `bytes 0-${KIB256 - 1}/${total}`, new Uint8Array(KIB256));
    expect(first.status).toBe(308);
    expect(first.headers.get('range')).toBe(`bytes=0-${KIB256 - 1}`);
    const query = await put(uri, `bytes */${total}`);
    expect(query.headers.get('range')).toBe(`bytes=0-${KIB256 - 1}`);
    await put(uri, `bytes ${KIB256}-${2 * KIB256 - 1}/${total}`, new Uint8Array(KIB256));
    const last = await put(uri, `bytes ${2 * KIB256}-${total - 1}/${total}`, new Uint8Array(10));
    expect(last.status).toBe(201);
    const video = (await last.json()) as { id: string; kind: string; status: { uploadStatus: string } };
    expect(video.kind).toBe('youtube#video');
    expect(video.id).toMatch(/^[A-Za-z0-9_-]{11}$/);
    expect(video.status.uploadStatus).toBe('uploaded');
    // The completed session keeps answering with the same video (a lost final answer finds it).
    const again = await put(uri, `bytes */${total}`);
    expect(again.status).toBe(201);
    expect(((await again.json()) as { id: string }).id).toBe(video.id);
    expect(sim.videos()).toHaveLength(1);
  });

  it('processes the video over simulated time: uploaded → processed, live only then', async () => {
    const { sim, clock, open, put, auth } = setup({ processingMs: 5_000 });
    const uri = (await open(10)).headers.get('location')!;
    const { id } = (await (await put(uri, 'bytes 0-9/10', new Uint8Array(10))).json()) as { id: string };
    const look = async () =>
      (
        (await (await sim.fetch(`${sim.baseUrl}/youtube/v3/videos?part=status,processingDetails&id=${id}`, { headers: auth })).json()) as {
          items: Array<{ status: { uploadStatus: string }; processingDetails: { processingStatus: string } }>;
        }
      ).items[0]!;
    expect((await look()).processingDetails.processingStatus).toBe('processing');
    expect(sim.posts()).toHaveLength(0);
    await clock.advance(5_000);
    expect((await look()).status.uploadStatus).toBe('processed');
    expect(sim.posts().map((post) => post.id)).toEqual([id]);
  });

  it('expires a session after a week (404) and refuses a middle chunk that is not a multiple of 256 KiB', async () => {
    const { clock, open, put } = setup();
    const uri = (await open(3 * KIB256)).headers.get('location')!;
    const odd = await put(uri, `bytes 0-99/${3 * KIB256}`, new Uint8Array(100));
    expect(odd.status).toBe(400);
    await clock.advance(7 * 86_400_000 + 1);
    expect((await put(uri, `bytes */${3 * KIB256}`)).status).toBe(404);
  });
});

describe('YouTube simulator: quota', () => {
  it('charges units per method, answers 403 quotaExceeded once spent, and resets at midnight Pacific', async () => {
    const { sim, clock, auth } = setup({ dailyUnits: 2 });
    const list = () => sim.fetch(`${sim.baseUrl}/youtube/v3/channels?part=statistics&mine=true`, { headers: auth });
    expect((await list()).status).toBe(200);
    expect((await list()).status).toBe(200);
    const refused = await list();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 403, errors: [{ domain: 'youtube.quota', reason: 'quotaExceeded' }] } });
    // 12:00 UTC is 05:00 PDT: midnight Pacific is 19 hours later (07:00 UTC the next day).
    await clock.advance(19 * 3_600_000 - 1);
    expect((await list()).status).toBe(403);
    await clock.advance(1);
    expect((await list()).status).toBe(200);
    expect(sim.quotaUsed()).toEqual({ units: 1, uploads: 0 });
  });
});
