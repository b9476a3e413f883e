// Runs a TypeScript module in a child Node process (through tsx), for the tests of what keeps a
// process alive: only a real process shows whether Node exits on its own once work is done.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const tsx = fileURLToPath(new URL('../../../../node_modules/.bin/tsx', import.meta.url));

/** How a script run ended. `signal` is `'SIGKILL'` when it outlived `killAfterMs`. */
export interface ScriptRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A source file under `packages/core/src`, as an import specifier a script can use (`'clock/index.ts'`). */
export function sourceSpecifier(pathInSrc: string): string {
  return JSON.stringify(pathToFileURL(fileURLToPath(new URL(`../${pathInSrc}`, import.meta.url))).href);
}

/**
 * Writes `source` to a temporary `.mts` file, runs it with `args`, and resolves when the process
 * exits — by itself, or SIGKILLed after `killAfterMs` (default 20 s).
 */
export async function runScript(source: string, options: { args?: readonly string[]; killAfterMs?: number } = {}): Promise<ScriptRun> {
  const dir = mkdtempSync(join(tmpdir(), 'smm-script-'));
  const file = join(dir, 'script.mts');
  writeFileSync(file, source);
  try {
    const child = spawn(tsx, [file, ...(options.args ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
      const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 20_000);
      child.on('exit', (exitCode, exitSignal) => {
        clearTimeout(killer);
        resolve([exitCode, exitSignal]);
      });
    });
    return { code, signal, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
