/**
 * Many queries compiled into one program: every literal of every query goes into one
 * Aho–Corasick automaton per fold form, a text is folded once and scanned once, and each
 * query's boolean tree is then read off the set of terms found. Cost per text ≈ one fold +
 * one scan, whatever the number of rules.
 */
import { buildAutomaton, type Automaton } from './aho-corasick.js';
import { guessLanguage, primaryLanguage } from './language.js';
import { normalizeFieldValue } from './field-value.js';
import { foldText, type FoldForm } from './normalize.js';
import type { QueryNode } from './query-node.js';
import { charAt, isBoundary, isWordChar, wordStartsAt } from './word-boundary.js';

/** What a query reads: a text, and for field tests the mention's fields (a `Mention` fits). */
export interface MatchInput {
  text: string;
  platform?: string;
  kind?: string;
  language?: string;
  url?: string;
  author?: { id: string; handle: string };
}

type Leaf = Extract<QueryNode, { type: 'term' | 'phrase' | 'wildcard' }>;

interface Atom {
  form: FoldForm;
  literal: string;
  prefix: boolean;
}

interface Occurrence {
  start: number;
  end: number;
}

/** Per-text state while running the program. */
interface RunState {
  texts: Map<FoldForm, string>;
  /** The fully folded text (what wildcards read). */
  folded: string;
  atomHit: Uint8Array;
  occurrences: Map<number, Occurrence[]>;
  /** Per leaf: 1 found, 0 not, -1 not looked at yet. */
  leafHit: Int8Array;
  input: MatchInput;
  language: string | undefined | null;
  urls: string[] | undefined;
}

const URLS = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/giu;

/** The compiled program of {@link compileQueries}. @internal */
export interface QueryProgram {
  /**
   * Folds and scans `input` once; queries are then judged on demand, by index. The answer is
   * valid until the next `run` (buffers are reused: one text at a time, synchronously).
   */
  run(input: MatchInput, options?: { normalized?: boolean }): QueryRun;
}

/** The result of {@link QueryProgram.run}. @internal */
export interface QueryRun {
  /** Whether query `index` matches. */
  matches(index: number): boolean;
  /** The terms query `index` found (as written), or `[]` when it does not match. */
  terms(index: number): string[];
}

/**
 * Compiles `queries` into one program (see the top of this file).
 * @internal
 */
export function compileQueries(queries: readonly QueryNode[]): QueryProgram {
  const atoms: Atom[] = [];
  const atomIndex = new Map<string, number>();
  const leafAtoms = new Map<Leaf, number[]>();
  const leafIds = new Map<Leaf, number>();
  const leafList: Leaf[] = [];
  const leafIdOf = (leaf: Leaf) => {
    let id = leafIds.get(leaf);
    if (id === undefined) {
      id = leafList.length;
      leafList.push(leaf);
      leafIds.set(leaf, id);
    }
    return id;
  };
  const positional = new Set<Leaf>();
  const wildcards: Array<Extract<QueryNode, { type: 'wildcard' }>> = [];

  const atomOf = (form: FoldForm, literal: string, prefix: boolean): number => {
    const key = `${form}\u0000${prefix ? '*' : ''}\u0000${literal}`;
    let index = atomIndex.get(key);
    if (index === undefined) {
      index = atoms.length;
      atoms.push({ form, literal, prefix });
      atomIndex.set(key, index);
    }
    return index;
  };
  const visit = (node: QueryNode, underNear: boolean): void => {
    switch (node.type) {
      case 'term':
      case 'phrase': {
        const form = node.form ?? 'folded';
        const prefix = node.type === 'term' && node.prefix;
        leafIdOf(node);
        leafAtoms.set(
          node,
          [node.text, ...(node.variants ?? [])].map((literal) => atomOf(form, literal, prefix)),
        );
        if (underNear) positional.add(node);
        return;
      }
      case 'wildcard':
        leafIdOf(node);
        wildcards.push(node);
        return;
      case 'near':
        node.operands.forEach((operand) => visit(operand, true));
        return;
      case 'not':
        visit(node.operand, underNear);
        return;
      case 'and':
      case 'or':
        node.operands.forEach((operand) => visit(operand, underNear));
        return;
      case 'field':
        return;
    }
  };
  queries.forEach((query) => visit(query, false));

  // Positions are kept only for atoms some NEAR needs; others stop at their first hit.
  const needsPositions = new Uint8Array(atoms.length);
  for (const leaf of positional) for (const atom of leafAtoms.get(leaf) ?? []) needsPositions[atom] = 1;

  // One automaton per fold form; a literal shared by a whole-word and a prefix atom is one pattern.
  const forms = [...new Set(atoms.map((atom) => atom.form))];
  if (wildcards.length > 0 && !forms.includes('folded')) forms.push('folded');
  const automata = new Map<FoldForm, { automaton: Automaton; patternAtoms: number[][] }>();
  for (const form of forms) {
    const literals: string[] = [];
    const patternAtoms: number[][] = [];
    const byLiteral = new Map<string, number>();
    atoms.forEach((atom, index) => {
      if (atom.form !== form) return;
      let pattern = byLiteral.get(atom.literal);
      if (pattern === undefined) {
        pattern = literals.length;
        literals.push(atom.literal);
        patternAtoms.push([]);
        byLiteral.set(atom.literal, pattern);
      }
      patternAtoms[pattern]!.push(index);
    });
    automata.set(form, { automaton: buildAutomaton(literals), patternAtoms });
  }

  // One hit handler per form, made once: a scan allocates nothing but occurrence records.
  let scanState: RunState | undefined;
  let scanText = '';
  const handlers = new Map<FoldForm, { automaton: Automaton; onHit: (pattern: number, end: number) => void }>();
  for (const [form, { automaton, patternAtoms }] of automata) {
    const onHit = (pattern: number, end: number) => {
      const state = scanState!;
      const text = scanText;
      const candidates = patternAtoms[pattern]!;
      const start = end - automaton.lengths[pattern]!;
      for (let index = 0; index < candidates.length; index += 1) {
        const atom = candidates[index]!;
        const positions = needsPositions[atom] === 1;
        if (state.atomHit[atom] === 1 && !positions) continue;
        if (!atoms[atom]!.prefix && !isBoundary(text, end)) continue;
        if (!wordStartsAt(text, start)) continue;
        state.atomHit[atom] = 1;
        if (positions) {
          let list = state.occurrences.get(atom);
          if (list === undefined) state.occurrences.set(atom, (list = []));
          list.push({ start, end });
        }
      }
    };
    handlers.set(form, { automaton, onHit });
  }
  const scanForm = (state: RunState, form: FoldForm, text: string) => {
    const handler = handlers.get(form);
    if (handler === undefined) return;
    scanState = state;
    scanText = text;
    handler.automaton.scan(text, handler.onHit);
    scanState = undefined;
  };

  const leafOccurrences = (state: RunState, leaf: Leaf): { form: FoldForm; list: Occurrence[] } => {
    if (leaf.type === 'wildcard') return { form: 'folded', list: wildcardOccurrences(state.folded, leaf, true) };
    const list = (leafAtoms.get(leaf) ?? []).flatMap((atom) => state.occurrences.get(atom) ?? []);
    return { form: leaf.form ?? 'folded', list };
  };

  // Per leaf, the atoms that stand for it, as arrays (read once per text and leaf).
  const leafAtomArrays = leafList.map((leaf) => leafAtoms.get(leaf) ?? []);
  const leafMatches = (state: RunState, id: number): boolean => {
    const known = state.leafHit[id]!;
    if (known >= 0) return known === 1;
    const leaf = leafList[id]!;
    let hit = false;
    if (leaf.type === 'wildcard') {
      hit = wildcardOccurrences(state.folded, leaf, false).length > 0;
    } else {
      const ids = leafAtomArrays[id]!;
      for (let index = 0; index < ids.length && !hit; index += 1) hit = state.atomHit[ids[index]!] === 1;
    }
    state.leafHit[id] = hit ? 1 : 0;
    return hit;
  };

  const fieldMatches = (state: RunState, node: Extract<QueryNode, { type: 'field' }>): boolean => {
    const { input } = state;
    switch (node.field) {
      case 'network':
        return input.platform !== undefined && input.platform.toLowerCase() === node.value;
      case 'kind':
        return input.kind === node.value;
      case 'author': {
        if (input.author === undefined) return false;
        const handle = normalizeFieldValue('author', input.author.handle);
        // `author:alice` also finds `alice.bsky.social` and `alice@mastodon.social`.
        return (
          handle === node.value ||
          handle.startsWith(`${node.value}.`) ||
          handle.startsWith(`${node.value}@`) ||
          input.author.id.toLowerCase() === node.value
        );
      }
      case 'lang':
        if (state.language === null) state.language = primaryLanguage(input.language) ?? guessLanguage(input.text);
        return state.language === node.value;
      case 'url':
        state.urls ??= [...(input.url === undefined ? [] : [input.url]), ...Array.from(input.text.matchAll(URLS), (match) => match[0])].map(
          (url) => normalizeFieldValue('url', url),
        );
        return state.urls.some((url) => url.includes(node.value));
    }
  };

  // Each query becomes a tree of closures once; running it reads the leaves found.
  type Test = (state: RunState, terms: string[] | undefined) => boolean;
  const build = (node: QueryNode): Test => {
    switch (node.type) {
      case 'term':
      case 'phrase':
      case 'wildcard': {
        const id = leafIds.get(node)!;
        const source = node.source;
        return (state, terms) => {
          const hit = leafMatches(state, id);
          if (hit && terms !== undefined && !terms.includes(source)) terms.push(source);
          return hit;
        };
      }
      case 'field':
        return (state) => fieldMatches(state, node);
      case 'not': {
        const operand = build(node.operand);
        return (state) => !operand(state, undefined);
      }
      case 'and': {
        const operands = node.operands.map(build);
        return (state, terms) => {
          if (terms === undefined) {
            for (const operand of operands) if (!operand(state, undefined)) return false;
            return true;
          }
          const found: string[] = [];
          for (const operand of operands) if (!operand(state, found)) return false;
          for (const term of found) if (!terms.includes(term)) terms.push(term);
          return true;
        };
      }
      case 'or': {
        const operands = node.operands.map(build);
        return (state, terms) => {
          let any = false;
          for (const operand of operands) {
            if (operand(state, terms)) {
              if (terms === undefined) return true; // nothing to collect: the first is enough
              any = true;
            }
          }
          return any;
        };
      }
      case 'near': {
        const [left, right] = node.operands.map(build) as [Test, Test];
        return (state, terms) => {
          // Cheap first: both sides must occur at all.
          if (!left(state, undefined) || !right(state, undefined)) return false;
          const [a, b] = node.operands.map((operand) => placedOccurrences(state, operand));
          if (!near(state, a!, b!, node.distance, node.ordered)) return false;
          if (terms !== undefined) {
            left(state, terms);
            right(state, terms);
          }
          return true;
        };
      }
    }
  };
  const tests = queries.map(build);
  const state: RunState = {
    texts: new Map(),
    folded: '',
    atomHit: new Uint8Array(atoms.length),
    occurrences: new Map(),
    leafHit: new Int8Array(leafList.length),
    input: { text: '' },
    language: null,
    urls: undefined,
  };
  const answer: QueryRun = {
    matches: (index) => tests[index]!(state, undefined),
    terms: (index) => {
      const found: string[] = [];
      return tests[index]!(state, found) ? found : [];
    },
  };

  const placedOccurrences = (state: RunState, node: QueryNode): Array<{ form: FoldForm; list: Occurrence[] }> =>
    node.type === 'or' ? node.operands.flatMap((operand) => placedOccurrences(state, operand)) : [leafOccurrences(state, node as Leaf)];

  // Word numbers: how many spaces precede an offset in the folded text (one per word gap).
  const wordNumber = (state: RunState, form: FoldForm, offset: number): number => {
    const text = state.texts.get(form)!;
    let count = 0;
    for (let index = text.indexOf(' '); index >= 0 && index < offset; index = text.indexOf(' ', index + 1)) count += 1;
    return count;
  };

  const near = (
    state: RunState,
    left: Array<{ form: FoldForm; list: Occurrence[] }>,
    right: Array<{ form: FoldForm; list: Occurrence[] }>,
    distance: number,
    ordered: boolean,
  ): boolean => {
    const words = (groups: Array<{ form: FoldForm; list: Occurrence[] }>) =>
      groups.flatMap(({ form, list }) =>
        list.map((occurrence) => ({ first: wordNumber(state, form, occurrence.start), last: wordNumber(state, form, occurrence.end - 1) })),
      );
    const a = words(left);
    const b = words(right);
    for (const x of a) {
      for (const y of b) {
        if (x.last < y.first && y.first - x.last - 1 <= distance) return true;
        if (!ordered && y.last < x.first && x.first - y.last - 1 <= distance) return true;
        if (!ordered && x.first <= y.last && y.first <= x.last) return true; // overlapping
      }
    }
    return false;
  };

  return {
    run(input, options = {}) {
      // One state and one answer object per program, reused: runs are synchronous and an
      // answer is valid until the next run.
      state.texts.clear();
      for (const form of forms) state.texts.set(form, options.normalized && form === 'folded' ? input.text : foldText(input.text, form));
      state.folded = state.texts.get('folded') ?? '';
      state.atomHit.fill(0);
      state.leafHit.fill(-1);
      if (state.occurrences.size > 0) state.occurrences = new Map();
      state.input = input;
      state.language = null;
      state.urls = undefined;
      for (const form of forms) scanForm(state, form, state.texts.get(form)!);
      return answer;
    },
  };
}
/** Occurrences of a wildcard word (`re?und`, `re*und`) in folded text: whole words only. */
function wildcardOccurrences(text: string, node: Extract<QueryNode, { type: 'wildcard' }>, all: boolean): Occurrence[] {
  const { pieces, wildcards } = node;
  const found: Occurrence[] = [];
  // The end of a match of pieces[p..] starting at `at`, or -1; `*` tries shorter first.
  const matchFrom = (at: number, piece: number): number => {
    const literal = pieces[piece]!;
    if (!text.startsWith(literal, at)) return -1;
    let position = at + literal.length;
    if (piece === wildcards.length) return isBoundary(text, position) ? position : -1;
    if (wildcards[piece] === '?') {
      const char = charAt(text, position);
      if (!isWordChar(char)) return -1;
      return matchFrom(position + char!.length, piece + 1);
    }
    for (;;) {
      const end = matchFrom(position, piece + 1);
      if (end >= 0) return end;
      const char = charAt(text, position);
      if (!isWordChar(char)) return -1;
      position += char!.length;
    }
  };
  for (let start = text.indexOf(pieces[0]!); start >= 0; start = text.indexOf(pieces[0]!, start + 1)) {
    if (!wordStartsAt(text, start)) continue;
    const end = matchFrom(start, 0);
    if (end < 0) continue;
    found.push({ start, end });
    if (!all) break;
  }
  return found;
}
