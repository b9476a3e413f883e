import { describe, expect, it } from 'vitest';
import { multipartFileBytes } from './multipart-file.js';

const encoder = new TextEncoder();

describe('multipartFileBytes', () => {
  it('finds a file part by name, bytes exactly as sent (CRLFs and boundary-like bytes inside kept)', () => {
    const payload = Uint8Array.from([0, 13, 10, 45, 45, 255, 1, 2]); // \0 \r \n - - ÿ …
    const head = encoder.encode(
      '--b1\r\nContent-Disposition: form-data; name="segment_index"\r\n\r\n7\r\n' +
        '--b1\r\nContent-Disposition: form-data; name="media"; filename="blob"\r\nContent-Type: application/octet-stream\r\n\r\n',
    );
    const tail = encoder.encode('\r\n--b1--\r\n');
    const body = new Uint8Array(head.length + payload.length + tail.length);
    body.set(head);
    body.set(payload, head.length);
    body.set(tail, head.length + payload.length);
    expect([...multipartFileBytes(body, 'multipart/form-data; boundary=b1', 'media')!]).toEqual([...payload]);
    expect(new TextDecoder().decode(multipartFileBytes(body, 'multipart/form-data; boundary="b1"', 'segment_index'))).toBe('7');
    expect(multipartFileBytes(body, 'multipart/form-data; boundary=b1', 'other')).toBeUndefined();
    expect(multipartFileBytes(body, 'application/json', 'media')).toBeUndefined();
  });
});
