/**
 * The week's progress: a bar redrawn in place on a terminal, plain lines (one per simulated
 * day) when the output is a file or a pipe, and nothing but the last line when
 * SMM_EXAMPLE_QUIET=1 — so logs stay readable and CI output stays short.
 */
import { quiet, say } from './narrate.js';

export interface Progress {
  update(done: number, clockMs: number, note?: string): void;
  finish(done: number, clockMs: number): void;
}

const dayOf = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', weekday: 'short', day: 'numeric', month: 'short' });
const stamp = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Berlin',
  weekday: 'short',
  day: '2-digit',
  month: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export function createProgress(total: number, stream: NodeJS.WriteStream = process.stdout): Progress {
  const tty = stream.isTTY === true && !quiet;
  const width = 30;
  let day = '';
  let doneThatDay = 0;
  const bar = (done: number) => {
    const filled = Math.round((done / total) * width);
    return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(done).padStart(String(total).length)}/${total}`;
  };
  return {
    update(done, clockMs, note) {
      const at = new Date(clockMs);
      if (tty) {
        stream.write(`\r   ${bar(done)} published · ${stamp.format(at)} Berlin${note ? ` · ${note}` : ''}\x1b[K`);
        return;
      }
      if (quiet) return;
      // Plain output: one line per simulated Berlin day, when it is over.
      const today = dayOf.format(at);
      if (today !== day && day !== '') say(`${day.padEnd(11)} ${bar(doneThatDay)} published`);
      day = today;
      doneThatDay = done;
    },
    finish(done, clockMs) {
      if (tty) stream.write(`\r   ${bar(done)} published · ${stamp.format(new Date(clockMs))} Berlin\x1b[K\n`);
      else if (!quiet && day !== '') say(`${day.padEnd(11)} ${bar(done)} published`);
      else say(`${bar(done)} published · ${stamp.format(new Date(clockMs))} Berlin`);
    },
  };
}
