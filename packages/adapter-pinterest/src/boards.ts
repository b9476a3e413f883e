import { parseApiResponse, type HttpClient } from '@smm/core/adapter-kit';
import { BoardSchema, SectionSchema, pageOf } from './api-schemas.js';
import { PINTEREST_BUCKETS } from './rate-limits.js';

/** A board and its sections, as `listPinterestBoards` lists them. */
export interface PinterestBoard {
  id: string;
  name: string;
  privacy?: string;
  sections: Array<{ id: string; name: string }>;
}

async function readAll<T>(
  http: HttpClient,
  path: string,
  item: Parameters<typeof pageOf>[0],
  what: string,
  pageSize: number,
): Promise<T[]> {
  const items: T[] = [];
  let bookmark: string | undefined;
  do {
    const response = await http.request({
      path,
      searchParams: { page_size: pageSize, ...(bookmark ? { bookmark } : {}) },
      bucket: PINTEREST_BUCKETS.read,
    });
    const page = parseApiResponse(pageOf(item), response, 'pinterest', what);
    items.push(...(page.items as T[]));
    bookmark = page.bookmark ?? undefined;
  } while (bookmark);
  return items;
}

/**
 * Every board of the account with its sections (`GET /v5/boards`,
 * https://developers.pinterest.com/docs/api/v5/boards-list, and `GET /v5/boards/{board_id}/sections`,
 * https://developers.pinterest.com/docs/api/v5/board_sections-list), following each `bookmark`
 * to the end: what an app shows when an account is connected, so each draft can choose
 * `networkOptions.pinterest.boardId` and `boardSectionId`.
 *
 * @example
 * ```ts
 * const http = await client.http('pinterest:2783136121146311751');
 * const boards = await listPinterestBoards(http); // [{ id: '549755885175', name: 'Recipes', sections: [...] }]
 * ```
 */
export async function listPinterestBoards(http: HttpClient, options: { pageSize?: number } = {}): Promise<PinterestBoard[]> {
  // Pinterest's page_size is 1..250 (default 25): the largest pages, fewest requests.
  const pageSize = options.pageSize ?? 250;
  const boards = await readAll<{ id: string; name: string; privacy?: string }>(http, '/v5/boards', BoardSchema, 'GET /v5/boards', pageSize);
  const result: PinterestBoard[] = [];
  for (const board of boards) {
    const sections = await readAll<{ id: string; name: string }>(
      http,
      `/v5/boards/${encodeURIComponent(board.id)}/sections`,
      SectionSchema,
      'GET /v5/boards/{board_id}/sections',
      pageSize,
    );
    result.push({ ...board, sections });
  }
  return result;
}
