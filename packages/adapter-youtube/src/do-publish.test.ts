import { describe, expect, it } from 'vitest';
import { SMALL_VIDEO, settle, testEnv } from './__tests__/test-env.js';

const video = { kind: 'video' as const, source: { type: 'bytes' as const, base64: SMALL_VIDEO }, mimeType: 'video/mp4' };
const MB = 1024 * 1024;

describe('doPublish', () => {
  it('opens a resumable session with the metadata YouTube documents, uploads the bytes and waits for processing', async () => {
    const env = testEnv();
    const { published } = await env.client.publish(env.account, {
      text: 'How we roast\nSecond line of the description',
      media: [video],
      visibility: 'unlisted',
      networkOptions: { youtube: { tags: ['coffee', 'roasting day'], categoryId: '26', madeForKids: false } },
    });
    const start = env.sim.requests.find((request) => request.method === 'POST' && request.path === '/upload/youtube/v3/videos')!;
    expect(start.query).toMatchObject({ uploadType: 'resumable', part: 'snippet,status' });
    expect(start.headers['x-upload-content-length']).toBe(String(atob(SMALL_VIDEO).length));
    expect(start.headers['x-upload-content-type']).toBe('video/mp4');
    const body = start.body as {
      snippet: { title: string; description: string; tags: string[]; categoryId: string };
      status: Record<string, unknown>;
    };
    // The title is the text's first line when no title is given.
    expect(body.snippet.title).toBe('How we roast');
    expect(body.snippet.description).toBe('How we roast\nSecond line of the description');
    expect(body.snippet.tags.slice(0, 2)).toEqual(['coffee', 'roasting day']);
    expect(body.snippet.tags[2]).toMatch(/^smm-[0-9a-f]{16}$/);
    expect(body.snippet.categoryId).toBe('26');
    expect(body.status).toEqual({ privacyStatus: 'unlisted', selfDeclaredMadeForKids: false });
    const held = env.sim.videos();
    expect(held).toHaveLength(1);
    expect(published.parts[0]).toMatchObject({ id: held[0]!.id, url: `https://www.youtube.com/watch?v=${held[0]!.id}` });
  });

  it('schedules with privacyStatus private and publishAt, and reports the scheduled instant', async () => {
    const env = testEnv({ now: '2026-07-01T12:00:00.000Z' });
    const at = '2026-07-03T15:00:00.000Z';
    const { published } = await env.client.publish(env.account, { text: 'Premiere soon', media: [video] }, { scheduledAt: at });
    const start = env.sim.requests.find((request) => request.path === '/upload/youtube/v3/videos' && request.method === 'POST')!;
    expect((start.body as { status: unknown }).status).toEqual({ privacyStatus: 'private', publishAt: at, selfDeclaredMadeForKids: false });
    expect(published.publishedAt).toBe(at);
    expect(published.parts[0]!.extra).toMatchObject({ scheduled: 'true', publishAt: at });
  });

  it("an unverified project: the video comes back locked private, said in a warning and in the part's extra", async () => {
    const env = testEnv({ simulator: { projectVerified: false }, settings: { projectVerified: false } });
    const { published, warnings } = await env.client.publish(env.account, { text: 'Hello', media: [video] });
    expect(published.parts[0]!.extra).toMatchObject({ privacyStatus: 'private', lockedPrivate: 'true' });
    expect(warnings).toContainEqual({
      code: 'visibility_forced_private',
      message: `YouTube keeps video ${published.parts[0]!.id} private although public was asked for: videos uploaded by an unverified API project stay private until the project passes Google's API audit`,
    });
    // Asked for public, held private by YouTube.
    expect(
      (env.sim.requests.find((request) => request.method === 'POST')!.body as { status: { privacyStatus: string } }).status.privacyStatus,
    ).toBe('public');
    expect(env.sim.videos()[0]!.privacyStatus).toBe('private');
  });

  it('refuses a draft without a video before sending anything', async () => {
    const env = testEnv();
    const outcome = await settle(env.client.publish(env.account, { text: 'no video' }));
    expect(outcome.ok).toBe(false);
    expect(env.sim.requests).toHaveLength(0);
  });

  it('a cut in the middle of the upload resumes the same session from what YouTube holds: one video', async () => {
    const env = testEnv({ settings: { chunkSizeBytes: MB } });
    const bytes = new Uint8Array(3 * MB + 123);
    bytes.set(
      atob(SMALL_VIDEO)
        .split('')
        .map((c) => c.charCodeAt(0)),
    );
    let puts = 0;
    // The answer to the second chunk is lost after YouTube stored it.
    env.sim.faults.inject({ kind: 'drop-after-send', count: 1, match: (request) => request.method === 'PUT' && ++puts === 2 });
    const base64 = btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
    await env.client.publish(env.account, { text: 'Resumed', media: [{ ...video, source: { type: 'bytes', base64 } }] });
    expect(env.sim.sessions()).toHaveLength(1);
    expect(env.sim.videos()).toHaveLength(1);
    const ranges = env.sim.requests.filter((request) => request.method === 'PUT').map((request) => request.headers['content-range']);
    // Chunk 2 was stored; after the lost answer the adapter asks (bytes */total) and goes on with chunk 3.
    const total = bytes.length;
    expect(ranges).toEqual([
      `bytes 0-${MB - 1}/${total}`,
      `bytes ${MB}-${2 * MB - 1}/${total}`,
      ...ranges.slice(2, ranges.indexOf(`bytes ${2 * MB}-${3 * MB - 1}/${total}`)),
      `bytes ${2 * MB}-${3 * MB - 1}/${total}`,
      `bytes ${3 * MB}-${total - 1}/${total}`,
    ]);
    expect(ranges.slice(2, -2).every((range) => range === `bytes */${total}` || range === `bytes ${MB}-${2 * MB - 1}/${total}`)).toBe(true);
  });

  it('a video that fails processing ends the publish with a non-retryable error naming the reason', async () => {
    const env = testEnv();
    env.sim.failProcessing();
    const outcome = await settle(env.client.publish(env.account, { text: 'Broken file', media: [video] }));
    expect(outcome.ok).toBe(false);
    expect(String(outcome.ok ? '' : (outcome.error as Error).message)).toMatch(/could not process .* \(codec\)/);
  });
});
