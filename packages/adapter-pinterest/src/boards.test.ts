import { describe, expect, it } from 'vitest';
import { testEnv } from './__tests__/test-env.js';
import { listPinterestBoards } from './boards.js';

describe('listing boards and sections', () => {
  it('follows the bookmark of GET /v5/boards and of each board’s sections to the end', async () => {
    const { sim, client, account, requests } = testEnv({ simulator: { boards: 260, sectionsPerBoard: 1 } });
    const boards = await listPinterestBoards(await client.http(account));
    expect(boards).toHaveLength(260);
    expect(boards.map((board) => board.id)).toEqual(sim.boards().map((board) => board.id));
    expect(boards[259]!.sections).toEqual(sim.boards()[259]!.sections);
    // 260 boards at page_size 250: two pages, then one sections page per board.
    expect(requests().filter((line) => line === 'GET /v5/boards')).toHaveLength(2);
  });
});
