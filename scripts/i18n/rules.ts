// The checks behind `npm run i18n:check`, as pure functions over source text and catalogs, so a
// test can prove each one fails on what it must catch.
import { type MessageFormatElement, parse, TYPE } from '@formatjs/icu-messageformat-parser';
import ts from 'typescript';

/** Explicit, readable ids: area.thing[.detail] — translators see them, hashes tell them nothing. */
export const ID_PATTERN = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)+$/;

/** Words that are the same in every language: the product, file formats, UN document words. */
const UNTRANSLATED = new Set(['Upright', 'PDF', 'DOCX', 'HTML', 'CSV', 'TXT', 'W3C', 'UPR', 'JSON', 'OK']);

/** Attributes a person reads or hears. */
const READ_ATTRIBUTES = new Set([
  'aria-label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
  'title',
  'placeholder',
  'alt',
  'label',
]);

/** Object properties that carry words for people (menus, options, column heads). */
const READ_PROPERTIES = new Set([
  'label',
  'title',
  'hint',
  'description',
  'placeholder',
  'message',
  'heading',
  'caption',
]);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

function hasWords(text: string): boolean {
  const trimmed = text.trim();
  if (!/\p{L}/u.test(trimmed)) return false;
  return !trimmed.split(/[\s·/,()]+/).every((word) => word === '' || UNTRANSLATED.has(word) || !/\p{L}/u.test(word));
}

/** Text in a component that a person would read but that does not come from the catalog. */
export function findLiterals(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(
    file,
    source,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) =>
    found.push({
      file,
      line: sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1,
      text: text.trim().slice(0, 80),
    });
  const stringOf = (node: ts.Node | undefined): string | null =>
    node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      ? node.text
      : node && ts.isTemplateExpression(node)
        ? node.head.text + node.templateSpans.map((span) => span.literal.text).join(' ')
        : null;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      const text = stringOf(node.expression);
      if (text !== null && hasWords(text)) report(node, text);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText(sf))) {
      const init = node.initializer;
      const text = init && ts.isJsxExpression(init) ? stringOf(init.expression) : stringOf(init);
      if (text !== null && hasWords(text)) report(node, text);
    }
    if (ts.isPropertyAssignment(node) && READ_PROPERTIES.has(node.name.getText(sf).replace(/['"]/g, ''))) {
      const text = stringOf(node.initializer);
      if (text !== null && hasWords(text)) report(node, text);
    }
    if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(sf);
      if (/^(window\.)?(alert|confirm|prompt)$/.test(callee)) {
        const text = stringOf(node.arguments[0]);
        if (text !== null && hasWords(text)) report(node, text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** The names a message's placeholders and tags use: a translation must use the same ones. */
export function argumentsOf(message: string): Set<string> {
  const names = new Set<string>();
  const walk = (elements: MessageFormatElement[]) => {
    for (const element of elements) {
      if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
      names.add(element.type === TYPE.tag ? `<${element.value}>` : element.value);
      if (element.type === TYPE.tag) walk(element.children);
      if (element.type === TYPE.plural || element.type === TYPE.select) {
        for (const option of Object.values(element.options)) walk(option.value);
      }
    }
  };
  walk(parse(message));
  return names;
}

export interface CatalogProblems {
  badIds: string[];
  missing: Record<string, string[]>;
  extra: Record<string, string[]>;
  broken: string[];
}

/**
 * Compares translations with the English source: `complete` languages must have every message;
 * all must parse, use the same placeholders, and hold no message the source lost.
 */
export function compareCatalogs(
  source: Record<string, string>,
  translations: Record<string, { messages: Record<string, string>; complete: boolean }>,
): CatalogProblems {
  const problems: CatalogProblems = { badIds: [], missing: {}, extra: {}, broken: [] };
  for (const id of Object.keys(source)) if (!ID_PATTERN.test(id)) problems.badIds.push(id);
  const argsOf = (language: string, id: string, message: string): Set<string> | null => {
    try {
      return argumentsOf(message);
    } catch (error) {
      problems.broken.push(`${language} ${id}: ${(error as Error).message}`);
      return null;
    }
  };
  const sourceArgs = new Map(Object.entries(source).map(([id, m]) => [id, argsOf('en', id, m)]));
  for (const [language, { messages, complete }] of Object.entries(translations)) {
    const missing = Object.keys(source).filter((id) => !Object.hasOwn(messages, id));
    if (complete && missing.length > 0) problems.missing[language] = missing;
    const extra = Object.keys(messages).filter((id) => !Object.hasOwn(source, id));
    if (extra.length > 0) problems.extra[language] = extra;
    for (const [id, message] of Object.entries(messages)) {
      const expected = sourceArgs.get(id);
      const actual = argsOf(language, id, message);
      if (!expected || !actual) continue;
      const differ = [...expected].some((n) => !actual.has(n)) || [...actual].some((n) => !expected.has(n));
      if (differ)
        problems.broken.push(
          `${language} ${id}: placeholders {${[...actual].join(', ')}} ≠ English {${[...expected].join(', ')}}`,
        );
    }
  }
  return problems;
}
