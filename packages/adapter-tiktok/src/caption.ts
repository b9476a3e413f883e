/** The caption TikTok gets (`title` of a video, `description` of photos): the text, and the link after it. @internal */
export function captionOf(draft: { text: string; link?: string | undefined }): string {
  const link = draft.link;
  if (!link || draft.text.includes(link)) return draft.text;
  return draft.text === '' ? link : `${draft.text}\n${link}`;
}
