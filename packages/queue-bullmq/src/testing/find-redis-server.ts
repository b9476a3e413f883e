import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/**
 * The path of the `redis-server` executable on `PATH`, or `undefined` when it is not installed.
 *
 * @example
 * ```ts
 * if (findRedisServer() === undefined) console.log('apt-get install redis-server');
 * ```
 */
export function findRedisServer(path: string = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, 'redis-server');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; keep looking
    }
  }
  return undefined;
}
