/**
 * Quota costs of the YouTube Data API methods the simulator serves, in units
 * (https://developers.google.com/youtube/v3/determine_quota_cost): every request costs at least
 * one unit, invalid ones included. `videos.insert` has its own bucket of 100 calls a day at 1
 * per call (the table's older figure was 1600 units; the page now says the method has its own
 * bucket); everything else shares the project's 10,000 units a day. Quotas reset at midnight
 * Pacific Time.
 */
export const YOUTUBE_SIM_QUOTA_COSTS = {
  'videos.list': 1,
  'videos.insert': 1,
  'videos.update': 50,
  'videos.delete': 50,
  'thumbnails.set': 50,
  'commentThreads.list': 1,
  'commentThreads.insert': 50,
  'comments.list': 1,
  'comments.insert': 50,
  'channels.list': 1,
  'playlistItems.list': 1,
} as const;

/** A method the simulator serves. */
export type YouTubeSimMethod = keyof typeof YOUTUBE_SIM_QUOTA_COSTS;
