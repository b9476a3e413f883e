/**
 * One Aho–Corasick automaton over many strings: a single left-to-right pass over a text
 * finds every occurrence of every pattern, so a rule set costs one scan per text however
 * many terms it holds. Works on UTF-16 code units; ASCII transitions are a flat table (one
 * array read per character), others a map per state.
 */

const ASCII = 128;

/** A compiled automaton. @internal */
export interface Automaton {
  /**
   * Calls `found(pattern, end)` for every occurrence (`end` = UTF-16 offset after it), in
   * order of `end`.
   */
  scan(text: string, found: (pattern: number, end: number) => void): void;
  /** Pattern lengths in UTF-16 units, by pattern index. */
  readonly lengths: readonly number[];
}

/**
 * Builds the automaton for `patterns` (indexes are the pattern ids reported by `scan`).
 * Empty patterns are ignored.
 *
 * @example
 * ```ts
 * const automaton = buildAutomaton(['he', 'she', 'hers']);
 * automaton.scan('ushers', (pattern, end) => console.log(pattern, end)); // 1 4, 0 4, 2 6
 * ```
 * @internal
 */
export function buildAutomaton(patterns: readonly string[]): Automaton {
  // Trie: ASCII edges in a flat table (-1 = none), others in maps.
  const ascii: number[] = [];
  const other: Array<Map<number, number>> = [];
  const outputs: number[][] = [];
  const addState = () => {
    for (let code = 0; code < ASCII; code += 1) ascii.push(-1);
    other.push(new Map());
    outputs.push([]);
    return outputs.length - 1;
  };
  addState();
  const edge = (state: number, code: number) => (code < ASCII ? ascii[state * ASCII + code]! : (other[state]!.get(code) ?? -1));
  const setEdge = (state: number, code: number, target: number) => {
    if (code < ASCII) ascii[state * ASCII + code] = target;
    else other[state]!.set(code, target);
  };
  patterns.forEach((pattern, index) => {
    if (pattern.length === 0) return;
    let state = 0;
    for (let at = 0; at < pattern.length; at += 1) {
      const code = pattern.charCodeAt(at);
      let next = edge(state, code);
      if (next < 0) {
        next = addState();
        setEdge(state, code, next);
      }
      state = next;
    }
    outputs[state]!.push(index);
  });

  // Failure links by breadth-first search; ASCII edges are completed into a full DFA so a
  // scan never follows links on ASCII, outputs are merged along the links.
  const fail = new Int32Array(outputs.length);
  const queue: number[] = [];
  for (let code = 0; code < ASCII; code += 1) {
    const target = ascii[code]!;
    if (target < 0) ascii[code] = 0;
    else queue.push(target);
  }
  for (const target of other[0]!.values()) queue.push(target);
  for (let head = 0; head < queue.length; head += 1) {
    const state = queue[head]!;
    outputs[state]!.push(...outputs[fail[state]!]!);
    for (let code = 0; code < ASCII; code += 1) {
      const target = ascii[state * ASCII + code]!;
      if (target < 0) {
        ascii[state * ASCII + code] = ascii[fail[state]! * ASCII + code]!;
      } else {
        fail[target] = ascii[fail[state]! * ASCII + code]!;
        queue.push(target);
      }
    }
    for (const [code, target] of other[state]!) {
      let back = fail[state]!;
      while (back > 0 && !other[back]!.has(code)) back = fail[back]!;
      fail[target] = other[back]!.get(code) ?? 0;
      queue.push(target);
    }
  }
  const table = Int32Array.from(ascii);
  const lengths = patterns.map((pattern) => pattern.length);

  return {
    lengths,
    scan(text, found) {
      let state = 0;
      for (let at = 0; at < text.length; at += 1) {
        const code = text.charCodeAt(at);
        if (code < ASCII) {
          state = table[state * ASCII + code]!;
        } else {
          let next = other[state]!.get(code);
          while (next === undefined && state > 0) {
            state = fail[state]!;
            next = other[state]!.get(code);
          }
          state = next ?? 0;
        }
        const out = outputs[state]!;
        for (let index = 0; index < out.length; index += 1) found(out[index]!, at + 1);
      }
    },
  };
}
