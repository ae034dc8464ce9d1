// The editor's schema: exactly the nodes and marks of src/shared/draft.ts, so what the editor stores
// is what the export walks. Paragraph and note numbers are not stored: CSS counters draw them, in
// the same order as the export counts them (see numbering.ts).

import { Extension, type Extensions, mergeAttributes, Node } from '@tiptap/core';
import Placeholder from '@tiptap/extension-placeholder';
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table';
import type { Node as PmNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import StarterKit from '@tiptap/starter-kit';
import { citations, countedParagraphs } from './numbering.ts';

/** The drag payload of an excerpt dragged from the side panel into the text. */
export const EXCERPT_DRAG_TYPE = 'application/x-upright-excerpt';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    citation: {
      /** Cites an excerpt at the cursor; its footnote is generated from the excerpt. */
      insertCitation: (excerptId: string) => ReturnType;
    };
    recommendationRef: {
      /** Refers to an earlier recommendation of the tracker at the cursor. */
      insertRecommendationRef: (recommendationId: string) => ReturnType;
    };
    numberedParagraph: {
      /** Marks the current paragraph as numbered (a body paragraph) or not (a quoted line). */
      setParagraphNumbered: (numbered: boolean) => ReturnType;
    };
  }
}

/** The paragraph, with `numbered` (default true): UPR submissions number every body paragraph. */
const NumberedParagraph = Node.create({
  name: 'paragraph',
  priority: 1000,
  group: 'block',
  content: 'inline*',
  addAttributes() {
    return {
      numbered: {
        default: true,
        parseHTML: (element) => element.getAttribute('data-numbered') !== 'false',
        renderHTML: (attributes) => ({ 'data-numbered': attributes.numbered === false ? 'false' : 'true' }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'p' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['p', HTMLAttributes, 0];
  },
  addCommands() {
    return {
      setParagraph:
        () =>
        ({ commands }) =>
          commands.setNode(this.name),
      setParagraphNumbered:
        (numbered) =>
        ({ commands }) =>
          commands.updateAttributes(this.name, { numbered }),
    };
  },
  addKeyboardShortcuts() {
    return { 'Mod-Alt-0': () => this.editor.commands.setParagraph() };
  },
  addProseMirrorPlugins() {
    // Marks the paragraphs that carry a number, so the CSS counter counts exactly what the export counts.
    const key = new PluginKey('countedParagraphs');
    return [
      new Plugin({
        key,
        state: {
          init: (_, state) => decorate(state.doc),
          apply: (tr, old) => (tr.docChanged ? decorate(tr.doc) : old),
        },
        props: {
          decorations: (state) => key.getState(state) as DecorationSet,
        },
      }),
    ];
  },
});

function decorate(doc: Parameters<typeof countedParagraphs>[0]): DecorationSet {
  return DecorationSet.create(
    doc,
    countedParagraphs(doc).map(({ pos, node }) => Decoration.node(pos, pos + node.nodeSize, { class: 'counted' })),
  );
}

/** Set with `tr.setMeta(spotlightKey, { from, to })` to light up what a check points at; null clears it. */
export const spotlightKey = new PluginKey<DecorationSet>('spotlight');

/** A passing highlight on the paragraph or citation the person was just taken to. */
const Spotlight = Extension.create({
  name: 'spotlight',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: spotlightKey,
        state: {
          init: () => DecorationSet.empty,
          apply: (tr, old) => {
            const meta = tr.getMeta(spotlightKey) as { from: number; to: number } | null | undefined;
            if (meta === null) return DecorationSet.empty;
            if (meta)
              return DecorationSet.create(tr.doc, [Decoration.node(meta.from, meta.to, { class: 'spotlight' })]);
            return old.map(tr.mapping, tr.doc);
          },
        },
        props: {
          decorations: (state) => spotlightKey.getState(state),
        },
      }),
    ];
  },
});

/** The text of the last top-level section heading before `pos`. */
function sectionOf(doc: PmNode, pos: number): string {
  let section = '';
  doc.forEach((node, offset) => {
    if (offset < pos && node.type.name === 'heading' && node.attrs.level === 1) section = node.textContent;
  });
  return section;
}

/**
 * The words the editor draws itself, in the interface language: the placeholders of empty
 * paragraphs, the names screen readers give note calls, the label of a recommendation reference.
 */
export interface EditorWords {
  heading: string;
  summary: string;
  followUp: string;
  newDevelopments: string;
  recommendations: string;
  paragraph: string;
  note: (number: number) => string;
  earlierRecommendation: string;
}

/** Only until draftExtensions() configures the real words (see editorWords.ts). */
function noWords(): EditorWords {
  throw new Error('draftExtensions() is given the editor words');
}

/**
 * What the template's sections ask for (UPR-SUBMISSION.md, "Structure template"). The headings are
 * found by their English or Russian words, whichever the person kept.
 */
function promptFor(section: string, words: EditorWords): string {
  if (/introduction|summary|введение|резюме/i.test(section)) return words.summary;
  if (/follow[\s-]*up|previous|выполнение|предыдущ/i.test(section)) return words.followUp;
  if (/new developments|новые/i.test(section)) return words.newDevelopments;
  if (/recommendation|рекомендаци/i.test(section)) return words.recommendations;
  return words.paragraph;
}

export interface CitationOptions {
  /** Opens the excerpt picker (Ctrl/Cmd+Shift+C). */
  onOpenPicker: () => void;
  /** Read each time the editor draws, so it follows the interface language. */
  words: () => EditorWords;
  /** A recommendation reference as the field writes it ("A/HRC/43/10, para. 140.12 (Germany)"); null while unknown. */
  recommendationLabel?: (recommendationId: string) => string | null;
}

/** An inline citation of an excerpt: drawn as its note number; the note text is generated on export. */
const Citation = Node.create<CitationOptions>({
  name: 'citation',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  draggable: true,
  addOptions() {
    return { onOpenPicker: () => {}, words: noWords };
  },
  addAttributes() {
    return {
      excerptId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-excerpt-id'),
        renderHTML: (attributes) => ({ 'data-excerpt-id': attributes.excerptId }),
      },
    };
  },
  parseHTML() {
    return [{ tag: 'sup[data-excerpt-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return ['sup', mergeAttributes(HTMLAttributes, { class: 'citation' })];
  },
  renderText() {
    return '';
  },
  addCommands() {
    return {
      insertCitation:
        (excerptId) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { excerptId } }),
    };
  },
  addKeyboardShortcuts() {
    return {
      'Mod-Shift-c': () => {
        this.options.onOpenPicker();
        return true;
      },
    };
  },
  addProseMirrorPlugins() {
    // The number is drawn by a CSS counter, which assistive technology does not reliably read: each
    // note call is named "Note 3" (a note reference in DPUB-ARIA, the role that may carry a name).
    const key = new PluginKey('noteNames');
    const name = (number: number) => this.options.words().note(number);
    return [
      new Plugin({
        key,
        state: {
          init: (_, state) => nameNotes(state.doc, name),
          apply: (tr, old) => (tr.docChanged ? nameNotes(tr.doc, name) : old),
        },
        props: {
          decorations: (state) => key.getState(state) as DecorationSet,
        },
      }),
    ];
  },
});

function nameNotes(doc: PmNode, name: (number: number) => string): DecorationSet {
  return DecorationSet.create(
    doc,
    citations(doc).map(({ pos, node, number }) =>
      // "link" after it for checkers and readers that do not know DPUB roles: inside a table cell the
      // cell, not the text box, is the nearest role, and a bare <sup> may not carry a name there.
      Decoration.node(pos, pos + node.nodeSize, { role: 'doc-noteref link', 'aria-label': name(number) }),
    ),
  );
}

/**
 * A cross-reference to an earlier recommendation of the tracker, drawn as the field writes it
 * ("A/HRC/43/10, para. 140.12 (Germany)"); the export prints it in the draft's language. Its words
 * are the tracker's: the node stores only the id, and `refreshRecommendationRefs` redraws the labels
 * when the tracker's answer arrives or changes.
 */
const RecommendationRef = Node.create<
  Pick<CitationOptions, 'words'> & { label: (recommendationId: string) => string | null }
>({
  name: 'recommendationRef',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addAttributes() {
    return {
      recommendationId: {
        default: null,
        parseHTML: (element) => element.getAttribute('data-recommendation-id'),
        renderHTML: (attributes) => ({ 'data-recommendation-id': attributes.recommendationId }),
      },
    };
  },
  addOptions() {
    return { words: noWords, label: () => null };
  },
  parseHTML() {
    return [{ tag: 'span[data-recommendation-id]' }];
  },
  renderHTML({ HTMLAttributes }) {
    return [
      'span',
      mergeAttributes(HTMLAttributes, { class: 'recommendation-ref' }),
      this.options.words().earlierRecommendation,
    ];
  },
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('span');
      const id = String(node.attrs.recommendationId ?? '');
      dom.className = 'recommendation-ref';
      dom.dataset.recommendationId = id;
      dom.textContent = this.options.label(id) ?? this.options.words().earlierRecommendation;
      // The label is redrawn from outside (refreshRecommendationRefs): not an edit of the document.
      return { dom, ignoreMutation: () => true };
    };
  },
  addCommands() {
    return {
      insertRecommendationRef:
        (recommendationId) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { recommendationId } }),
    };
  },
});

/** Redraws every recommendation reference's label in the editor's page (the tracker's answer changed). */
export function refreshRecommendationRefs(root: HTMLElement, label: (recommendationId: string) => string | null): void {
  for (const span of root.querySelectorAll<HTMLElement>('span.recommendation-ref[data-recommendation-id]')) {
    const text = label(span.dataset.recommendationId ?? '');
    if (text !== null && span.textContent !== text) span.textContent = text;
  }
}

export function draftExtensions(options: CitationOptions): Extensions {
  return [
    // Only what the export understands: no code, strike, underline, links or rules.
    StarterKit.configure({
      paragraph: false,
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      link: false,
      horizontalRule: false,
      trailingNode: false,
      heading: { levels: [1, 2, 3] },
    }),
    NumberedParagraph,
    // Tables (the timeline, last cycle's recommendations), as draft.appendTable writes them: a header
    // row, then cells of paragraphs that may cite. No column resizing: the export sizes columns itself.
    Table.configure({ resizable: false, cellMinWidth: 60, HTMLAttributes: { class: 'draft-table' } }),
    TableRow,
    TableHeader,
    TableCell,
    Citation.configure(options),
    RecommendationRef.configure({ words: options.words, label: options.recommendationLabel ?? (() => null) }),
    Spotlight,
    Placeholder.configure({
      // Every empty paragraph of the template says what belongs there, not only the one with the cursor.
      showOnlyCurrent: false,
      placeholder: ({ editor, node, pos }) =>
        node.type.name === 'heading'
          ? options.words().heading
          : promptFor(sectionOf(editor.state.doc, pos), options.words()),
    }),
  ];
}
