import type { QueryField } from './field-value.js';
import type { FoldForm } from './normalize.js';

/**
 * A parsed listening query: a tree of terms, phrases, wildcards, proximity, field tests and
 * boolean operators. `source` is the term as written in the query (what matched terms
 * report, for highlighting).
 */
export type QueryNode =
  | {
      type: 'term';
      /** Normalised (folded as `form` says). */
      text: string;
      prefix: boolean;
      source: string;
      /** How the text is folded before comparing; absent = fully folded. */
      form?: Exclude<FoldForm, 'folded'>;
      /** Other spellings that also match (a Persian word with ZWNJ also matches its parts with a space). */
      variants?: string[];
    }
  | { type: 'phrase'; text: string; source: string; form?: Exclude<FoldForm, 'folded'>; variants?: string[] }
  | {
      type: 'wildcard';
      /** Folded literal pieces; `?` (one letter or digit) and `*` (any number) between them. */
      pieces: string[];
      wildcards: Array<'?' | '*'>;
      source: string;
    }
  | { type: 'near'; operands: [QueryNode, QueryNode]; distance: number; ordered: boolean }
  | { type: 'field'; field: QueryField; value: string; source: string }
  | { type: 'not'; operand: QueryNode }
  | { type: 'and'; operands: QueryNode[] }
  | { type: 'or'; operands: QueryNode[] };
