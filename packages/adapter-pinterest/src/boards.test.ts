import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';
import { listPinterestBoards } from './boards.js';

describe('listing boards and sections', () => {
  it('follows the bookmark of GET /v5/boards and of each board’s sections to the end', async () => {
    const { sim, client, account, requests } = testEnv({ simulator: { boards: 5, sectionsPerBoard: 3 } });
    const boards = await listPinterestBoards(await client.http(account), { pageSize: 2 });
    expect(boards).toHaveLength(5);
    expect(boards.map((board) => board.id)).toEqual(sim.boards().map((board) => board.id));
    expect(boards.map((board) => board.sections)).toEqual(sim.boards().map((board) => board.sections));
    // 5 boards at page_size 2: three pages; 3 sections a board at 2 a page: two pages each.
    expect(requests().filter((line) => line === 'GET /v5/boards')).toHaveLength(3);
    expect(requests().filter((line) => line.endsWith('/sections'))).toHaveLength(10);
  });
});
