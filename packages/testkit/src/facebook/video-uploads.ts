/**
 * The chunked, resumable video upload of `POST /{page-id}/videos`
 * (https://developers.facebook.com/docs/graph-api/reference/page/videos/#Creating, `upload_phase`
 * `start` → `transfer`… → `finish`; https://developers.facebook.com/docs/video-api/guides/publishing):
 * `start` takes `file_size` and answers the `video_id`, an `upload_session_id` and the first
 * chunk's `start_offset`/`end_offset`; each `transfer` sends `video_file_chunk` at the
 * `start_offset` Graph named and gets the next window (equal offsets: all bytes are there); a
 * transfer at another offset is refused, and the uploader resumes at the offset Graph last named;
 * `finish` closes the session with the post's fields, and processing begins. @internal
 */
export interface VideoUpload {
  videoId: string;
  sessionId: string;
  fileSize: number;
  /** Bytes received so far (the next `start_offset`). */
  received: number;
  finishedAtMs?: number;
  /** The fields `finish` carried (description, title, published, scheduled_publish_time). */
  fields?: Record<string, unknown>;
  /** The post made once processing ended (published videos). */
  postId?: string;
}

/** What a `start` answers: the next window to send. @internal */
export interface UploadWindow {
  start_offset: string;
  end_offset: string;
}

/** The upload sessions of one simulated Page. @internal */
export interface VideoUploads {
  start(videoId: string, fileSize: number): VideoUpload & { window: UploadWindow };
  /** Takes a chunk at `startOffset`; `undefined` when the offset is not the one Graph expects (the caller answers the error). */
  transfer(sessionId: string, startOffset: number, size: number): UploadWindow | undefined;
  session(sessionId: string): VideoUpload | undefined;
  byVideo(videoId: string): VideoUpload | undefined;
  all(): VideoUpload[];
}

/** Upload sessions with Graph's chunk windows (`chunkBytes` each, default 8 MiB). @internal */
export function createVideoUploads(chunkBytes = 8 * 1024 * 1024): VideoUploads {
  const uploads: VideoUpload[] = [];
  const window = (upload: VideoUpload): UploadWindow => ({
    start_offset: String(upload.received),
    end_offset: String(Math.min(upload.fileSize, upload.received + chunkBytes)),
  });
  return {
    start(videoId, fileSize) {
      const upload: VideoUpload = { videoId, sessionId: `${videoId}1${uploads.length}`, fileSize, received: 0 };
      uploads.push(upload);
      return { ...upload, window: window(upload) };
    },
    transfer(sessionId, startOffset, size) {
      const upload = uploads.find((entry) => entry.sessionId === sessionId);
      if (!upload || startOffset !== upload.received || upload.received + size > upload.fileSize) return undefined;
      upload.received += size;
      return window(upload);
    },
    session: (sessionId) => uploads.find((entry) => entry.sessionId === sessionId),
    byVideo: (videoId) => uploads.find((entry) => entry.videoId === videoId),
    all: () => uploads,
  };
}
