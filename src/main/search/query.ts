// The person's query, turned into an FTS5 expression over the index's stems. Words, "phrases",
// prefix*, AND/OR/NOT (and И/ИЛИ/НЕ) with parentheses; words side by side mean AND. Every term is
// quoted in the expression we build, so nothing the person types reaches FTS5's own syntax: a
// mistake is found here and refused as SEARCH_QUERY_INVALID with a reason the renderer words.
import { UprightError } from '../../shared/errors.ts';
import { fold, stem, words } from './words.ts';

/** Why a query was refused (the renderer's message picks its wording by it). */
export type QueryProblem = 'empty' | 'unclosed_quote' | 'unbalanced_parenthesis' | 'missing_term';

/** What the snippet marks: whole keys, and key prefixes (from prefix* terms). */
export interface QueryTerms {
  keys: Set<string>;
  prefixes: string[];
  /** Terms of several words ("phrases", "A/HRC/43"): marked only where their words stand together. */
  phrases: string[][];
}

export interface ParsedQuery {
  /** The FTS5 MATCH expression. */
  match: string;
  terms: QueryTerms;
}

type Token =
  | { type: 'word'; text: string; prefix: boolean }
  | { type: 'phrase'; text: string }
  | { type: 'and' | 'or' | 'not' | 'open' | 'close' };

const OPERATORS: Record<string, 'and' | 'or' | 'not'> = {
  AND: 'and',
  OR: 'or',
  NOT: 'not',
  И: 'and',
  ИЛИ: 'or',
  НЕ: 'not',
};

function invalid(reason: QueryProblem): UprightError {
  return new UprightError('SEARCH_QUERY_INVALID', { reason });
}

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i] as string;
    if (/\s/u.test(c)) {
      i++;
    } else if (c === '"' || c === '«' || c === '“') {
      const close = c === '«' ? '»' : c === '“' ? '”' : '"';
      const end = query.indexOf(close, i + 1);
      if (end < 0) throw invalid('unclosed_quote');
      tokens.push({ type: 'phrase', text: query.slice(i + 1, end) });
      i = end + 1;
    } else if (c === '(' || c === ')') {
      tokens.push({ type: c === '(' ? 'open' : 'close' });
      i++;
    } else {
      let end = i;
      while (end < query.length && !/[\s"«“()]/u.test(query[end] as string)) end++;
      const raw = query.slice(i, end);
      i = end;
      const operator = OPERATORS[raw];
      if (operator) tokens.push({ type: operator });
      else tokens.push({ type: 'word', text: raw.replace(/\*+$/u, ''), prefix: /\*$/u.test(raw) });
    }
  }
  return tokens;
}

/** A prefix as the index holds it: the part the folded prefix and its stem share ("running*" → "run*"). */
function prefixKey(text: string): string {
  const folded = fold(text);
  const stemmed = stem(folded);
  let n = 0;
  while (n < folded.length && n < stemmed.length && folded[n] === stemmed[n]) n++;
  return folded.slice(0, n);
}

class Parser {
  #tokens: Token[];
  #at = 0;
  readonly terms: QueryTerms = { keys: new Set(), prefixes: [], phrases: [] };

  /** One word is a key; several are a phrase, marked only where they stand together. */
  #addWords(keys: string[]): void {
    if (keys.length === 1) this.terms.keys.add(keys[0] as string);
    else this.terms.phrases.push(keys);
  }

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  parse(): string {
    const expression = this.#or();
    const rest = this.#tokens[this.#at];
    if (rest) throw invalid(rest.type === 'close' ? 'unbalanced_parenthesis' : 'missing_term');
    if (expression === null) throw invalid('empty');
    return expression;
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#at];
  }

  #or(): string | null {
    const parts: string[] = [];
    let left = this.#and();
    while (this.#peek()?.type === 'or') {
      this.#at++;
      const right = this.#and();
      if (left === null || right === null) throw invalid('missing_term');
      parts.push(left);
      left = right;
    }
    if (parts.length === 0) return left;
    if (left !== null) parts.push(left);
    return `(${parts.join(' OR ')})`;
  }

  #and(): string | null {
    const parts: string[] = [];
    for (;;) {
      const next = this.#peek();
      if (!next || next.type === 'or' || next.type === 'close') break;
      if (next.type === 'and') {
        this.#at++;
        if (parts.length === 0) throw invalid('missing_term');
        const following = this.#peek();
        if (!following || following.type === 'or' || following.type === 'close' || following.type === 'and') {
          throw invalid('missing_term');
        }
        continue;
      }
      const term = this.#not();
      if (term !== null) parts.push(term);
    }
    if (parts.length === 0) return null;
    return parts.length === 1 ? (parts[0] as string) : `(${parts.join(' AND ')})`;
  }

  #not(): string | null {
    if (this.#peek()?.type === 'not') throw invalid('missing_term');
    let left = this.#primary();
    while (this.#peek()?.type === 'not') {
      this.#at++;
      const right = this.#primary(false);
      if (left === null || right === null) throw invalid('missing_term');
      left = `(${left} NOT ${right})`;
    }
    return left;
  }

  #primary(positive = true): string | null {
    const token = this.#tokens[this.#at++];
    if (!token) throw invalid('missing_term');
    switch (token.type) {
      case 'open': {
        const inner = this.#or();
        if (this.#tokens[this.#at++]?.type !== 'close') throw invalid('unbalanced_parenthesis');
        return inner;
      }
      case 'close':
        throw invalid('unbalanced_parenthesis');
      case 'phrase': {
        const keys = words(token.text).map((w) => w.key);
        if (keys.length === 0) return null;
        if (positive) this.#addWords(keys);
        return `"${keys.join(' ')}"`;
      }
      case 'word': {
        const found = words(token.text);
        if (found.length === 0) return null;
        if (token.prefix && found.length === 1) {
          const key = prefixKey(token.text.slice(found[0]?.start, found[0]?.end));
          if (!key) return null;
          if (positive) this.terms.prefixes.push(key);
          return `"${key}"*`;
        }
        // "e-mail" or "A/HRC/43" is several words: they must stand together, as a phrase.
        const keys = found.map((w) => w.key);
        if (positive) this.#addWords(keys);
        return `"${keys.join(' ')}"`;
      }
      default:
        throw invalid('missing_term');
    }
  }
}

/** Parses a query or throws UprightError('SEARCH_QUERY_INVALID', { reason }). */
export function parseQuery(query: string): ParsedQuery {
  const parser = new Parser(lex(query));
  const match = parser.parse();
  return { match, terms: parser.terms };
}

/** Does an index key match the query's terms (for the snippet's marks)? */
export function keyMatches(terms: QueryTerms, key: string): boolean {
  return terms.keys.has(key) || terms.prefixes.some((p) => key.startsWith(p));
}
