// Starts a TypeScript script in a child Node process through tsx, resolving @smm/* to the
// sources (the root tsconfig's paths), as the tests do.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** Spawns `node --import tsx <script> ...args` from the repo root. */
export function spawnTsx(script: string, args: readonly string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), ...args], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: `${root}tsconfig.json` },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** A child's stdout, line by line, and its stderr (for failure messages). */
export interface LineReader {
  readonly lines: readonly string[];
  /** The first line from index `from` on that matches; rejects if the child exits first. */
  waitFor(predicate: (line: string) => boolean, from?: number): Promise<string>;
  stderr(): string;
}

/** Collects a child's stdout lines. */
export function lineReader(child: ChildProcess): LineReader {
  const lines: string[] = [];
  let stderr = '';
  let buffer = '';
  let exited = false;
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of [...waiters]) waiter();
  };
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
    wake();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  child.once('exit', () => {
    exited = true;
    // Let the last stdout chunk arrive before giving up on a line.
    setTimeout(wake, 50);
  });
  return {
    lines,
    stderr: () => stderr,
    waitFor: (predicate, from = 0) =>
      new Promise((resolve, reject) => {
        const look = () => {
          const found = lines.slice(from).find(predicate);
          if (found !== undefined) {
            waiters.delete(look);
            resolve(found);
          } else if (exited) {
            waiters.delete(look);
            reject(new Error(`child exited (${child.exitCode ?? child.signalCode}) before the expected line; stderr:\n${stderr}`));
          }
        };
        waiters.add(look);
        look();
      }),
  };
}
