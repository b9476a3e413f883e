import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock/index.js';
import { createYouTubeSimulator } from './index.js';

// Off-spec requests and the answers YouTube gives them, written out by hand from
// https://developers.google.com/youtube/v3/docs/errors, /docs/videos/insert, /docs/videos/list and the
// resumable upload guide (https://developers.google.com/youtube/v3/guides/using_resumable_upload_protocol).
const sim = createYouTubeSimulator({ clock: createFakeClock({ now: '2026-07-01T12:00:00.000Z' }) });
const auth = { authorization: `Bearer ${sim.credentials.accessToken}` };
const get = (path: string, headers: Record<string, string> = auth) => sim.fetch(`${sim.baseUrl}${path}`, { headers });
const reasonOf = async (response: Response) =>
  ((await response.json()) as { error: { errors: Array<{ reason: string }> } }).error.errors[0]!.reason;

describe('YouTube simulator: off-spec requests', () => {
  it('videos.list without part: 400 required', async () => {
    const response = await get('/youtube/v3/videos?id=abc');
    expect(response.status).toBe(400);
    expect(await reasonOf(response)).toBe('required');
  });

  it('an unknown part: 400 unknownPart', async () => {
    const response = await get('/youtube/v3/videos?part=snippet,colour&id=abc');
    expect(response.status).toBe(400);
    expect(await reasonOf(response)).toBe('unknownPart');
  });

  it('maxResults above the documented 50: 400 invalidParameter', async () => {
    const response = await get('/youtube/v3/playlistItems?part=snippet&playlistId=x&maxResults=51');
    expect(response.status).toBe(400);
    expect(await reasonOf(response)).toBe('invalidParameter');
  });

  it('no token: 401 authError', async () => {
    const response = await get('/youtube/v3/channels?part=snippet&mine=true', {});
    expect(response.status).toBe(401);
    expect(await reasonOf(response)).toBe('authError');
  });

  it('videos.insert with a field the Video resource does not have: 400', async () => {
    const response = await sim.fetch(`${sim.baseUrl}/upload/youtube/v3/videos?uploadType=resumable&part=snippet`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'x-upload-content-length': '10', 'x-upload-content-type': 'video/mp4' },
      body: JSON.stringify({ snippet: { title: 't', colour: 'red' } }),
    });
    expect(response.status).toBe(400);
    expect(await reasonOf(response)).toBe('badRequest');
  });

  it('an empty title or one over 100 characters: 400 invalidTitle', async () => {
    for (const title of ['', 'x'.repeat(101), 'a <b> title']) {
      const response = await sim.fetch(`${sim.baseUrl}/upload/youtube/v3/videos?uploadType=resumable&part=snippet`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'x-upload-content-length': '10', 'x-upload-content-type': 'video/mp4' },
        body: JSON.stringify({ snippet: { title } }),
      });
      expect(response.status).toBe(400);
      expect(await reasonOf(response)).toBe('invalidTitle');
    }
  });

  it('publishAt on a public video, or in the past: 400 invalidPublishAt', async () => {
    for (const status of [
      { privacyStatus: 'public', publishAt: '2026-07-05T00:00:00Z' },
      { privacyStatus: 'private', publishAt: '2026-06-01T00:00:00Z' },
    ]) {
      const response = await sim.fetch(`${sim.baseUrl}/upload/youtube/v3/videos?uploadType=resumable&part=snippet,status`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json', 'x-upload-content-length': '10', 'x-upload-content-type': 'video/mp4' },
        body: JSON.stringify({ snippet: { title: 't' }, status }),
      });
      expect(response.status).toBe(400);
      expect(await reasonOf(response)).toBe('invalidPublishAt');
    }
  });

  it('a session URI nobody opened: 404', async () => {
    const response = await sim.fetch(`${sim.baseUrl}/upload/youtube/v3/videos?uploadType=resumable&upload_id=nope`, {
      method: 'PUT',
      headers: { 'content-range': 'bytes */10' },
    });
    expect(response.status).toBe(404);
  });

  it('deleting a video that does not exist: 404 videoNotFound', async () => {
    const response = await sim.fetch(`${sim.baseUrl}/youtube/v3/videos?id=AAAAAAAAAAA`, { method: 'DELETE', headers: auth });
    expect(response.status).toBe(404);
    expect(await reasonOf(response)).toBe('videoNotFound');
  });

  it('comments.insert without parentId: 400 parentIdMissing', async () => {
    const response = await sim.fetch(`${sim.baseUrl}/youtube/v3/comments?part=snippet`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ snippet: { textOriginal: 'hi' } }),
    });
    expect(response.status).toBe(400);
    expect(await reasonOf(response)).toBe('parentIdMissing');
  });
});
