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
import type { QueryNode } from './query.js';
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
  atomHit: Uint8Array;
  occurrences: Map<number, Occurrence[]>;
  leafHit: Map<Leaf, boolean>;
  input: MatchInput;
  language: string | undefined | null;
  urls: string[] | undefined;
}

const URLS = /\bhttps?:\/\/[^\s<>"']+|\bwww\.[^\s<>"']+/giu;

/** The compiled program of {@link compileQueries}. @internal */
export interface QueryProgram {
  /** Which queries match `input` (by index), and with `explain` the terms found per query. */
  run(input: MatchInput, options?: { normalized?: boolean; explain?: boolean }): { matched: boolean[]; terms: string[][] };
}

/**
 * Compiles `queries` into one program (see the top of this file).
 * @internal
 */
export function compileQueries(queries: readonly QueryNode[]): QueryProgram {
  const atoms: Atom[] = [];
  const atomIndex = new Map<string, number>();
  const leafAtoms = new Map<Leaf, number[]>();
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
        leafAtoms.set(
          node,
          [node.text, ...(node.variants ?? [])].map((literal) => atomOf(form, literal, prefix)),
        );
        if (underNear) positional.add(node);
        return;
      }
      case 'wildcard':
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

  const scanForm = (state: RunState, form: FoldForm, text: string) => {
    const entry = automata.get(form);
    if (entry === undefined) return;
    const { automaton, patternAtoms } = entry;
    const { atomHit, occurrences } = state;
    automaton.scan(text, (pattern, end) => {
      const candidates = patternAtoms[pattern]!;
      const start = end - automaton.lengths[pattern]!;
      for (let index = 0; index < candidates.length; index += 1) {
        const atom = candidates[index]!;
        const positions = needsPositions[atom] === 1;
        if (atomHit[atom] === 1 && !positions) continue;
        if (!atoms[atom]!.prefix && !isBoundary(text, end)) continue;
        if (!wordStartsAt(text, start)) continue;
        atomHit[atom] = 1;
        if (positions) {
          let list = occurrences.get(atom);
          if (list === undefined) occurrences.set(atom, (list = []));
          list.push({ start, end });
        }
      }
    });
  };

  const leafOccurrences = (state: RunState, leaf: Leaf): { form: FoldForm; list: Occurrence[] } => {
    if (leaf.type === 'wildcard') return { form: 'folded', list: wildcardOccurrences(state.texts.get('folded')!, leaf, true) };
    const list = (leafAtoms.get(leaf) ?? []).flatMap((atom) => state.occurrences.get(atom) ?? []);
    return { form: leaf.form ?? 'folded', list };
  };

  const leafMatches = (state: RunState, leaf: Leaf): boolean => {
    let hit = state.leafHit.get(leaf);
    if (hit === undefined) {
      hit =
        leaf.type === 'wildcard'
          ? wildcardOccurrences(state.texts.get('folded')!, leaf, false).length > 0
          : (leafAtoms.get(leaf) ?? []).some((atom) => state.atomHit[atom] === 1);
      state.leafHit.set(leaf, hit);
    }
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

  const evaluate = (state: RunState, node: QueryNode, terms: string[] | undefined): boolean => {
    switch (node.type) {
      case 'term':
      case 'phrase':
      case 'wildcard': {
        const hit = leafMatches(state, node);
        if (hit && terms !== undefined && !terms.includes(node.source)) terms.push(node.source);
        return hit;
      }
      case 'field':
        return fieldMatches(state, node);
      case 'not':
        return !evaluate(state, node.operand, undefined);
      case 'and': {
        const found: string[] | undefined = terms === undefined ? undefined : [];
        for (const operand of node.operands) if (!evaluate(state, operand, found)) return false;
        if (terms !== undefined) for (const term of found!) if (!terms.includes(term)) terms.push(term);
        return true;
      }
      case 'or': {
        let any = false;
        for (const operand of node.operands) {
          if (evaluate(state, operand, terms)) {
            any = true;
            if (terms === undefined) return true; // nothing to collect: the first is enough
          }
        }
        return any;
      }
      case 'near': {
        // Cheap first: both sides must occur at all.
        if (!node.operands.every((operand) => evaluate(state, operand, undefined))) return false;
        const [left, right] = node.operands.map((operand) => placedOccurrences(state, operand));
        if (!near(state, left!, right!, node.distance, node.ordered)) return false;
        if (terms !== undefined) node.operands.forEach((operand) => evaluate(state, operand, terms));
        return true;
      }
    }
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
      const texts = new Map<FoldForm, string>();
      for (const form of forms) texts.set(form, options.normalized && form === 'folded' ? input.text : foldText(input.text, form));
      const state: RunState = {
        texts,
        atomHit: new Uint8Array(atoms.length),
        occurrences: new Map(),
        leafHit: new Map(),
        input,
        language: null,
        urls: undefined,
      };
      for (const form of forms) scanForm(state, form, texts.get(form)!);
      const matched: boolean[] = [];
      const terms: string[][] = [];
      for (const query of queries) {
        const found: string[] | undefined = options.explain ? [] : undefined;
        const hit = evaluate(state, query, found);
        matched.push(hit);
        terms.push(hit && found !== undefined ? found : []);
      }
      return { matched, terms };
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
