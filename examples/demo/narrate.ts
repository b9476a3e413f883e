/**
 * How the demo talks: one numbered heading per step, a few readable lines under it, and more
 * detail unless SMM_EXAMPLE_QUIET=1 (the examples runner sets it). `expect` is how a step
 * states what must be true; a broken expectation ends the demo with a non-zero exit code.
 */
export const quiet = process.env.SMM_EXAMPLE_QUIET === '1';

/** The failure of something the demo promises (every entry published, no duplicate, …). */
export class DemoExpectationError extends Error {
  override readonly name = 'DemoExpectationError';
}

export function expect(condition: unknown, message: string): asserts condition {
  if (!condition) throw new DemoExpectationError(message);
}

let current = 0;
/** Prints a step heading: "3. Validation". */
export function step(title: string): void {
  current += 1;
  console.log(`\n${current}. ${title}`);
}

/** A line every run prints. */
export function say(line = ''): void {
  console.log(line ? `   ${line}` : '');
}

/** A line only the full (not quiet) output prints. */
export function detail(line: string): void {
  if (!quiet) console.log(`   ${line}`);
}

/** One line of a text, shortened for a terminal. */
export function preview(text: string, max = 72): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : flat;
}

/** Renders rows as an aligned plain-text table. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((title, column) => Math.max([...title].length, ...rows.map((row) => [...(row[column] ?? '')].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => cell + ' '.repeat(widths[column]! - [...cell].length))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)];
}
