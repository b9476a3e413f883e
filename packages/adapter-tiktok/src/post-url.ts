/** The public URL of a creator's video or photo post on tiktok.com. @internal */
export function postUrl(username: string, id: string, kind: 'video' | 'photo' = 'video'): string {
  return `https://www.tiktok.com/@${encodeURIComponent(username)}/${kind}/${encodeURIComponent(id)}`;
}
