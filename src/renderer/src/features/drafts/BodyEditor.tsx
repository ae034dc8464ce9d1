import { NodeSelection } from '@tiptap/pm/state';
import { type Editor, EditorContent, useEditorState } from '@tiptap/react';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { ExcerptListItem, Footnote } from '../../../../shared/api.ts';
import { excerptPlace } from '../excerpts/place.ts';
import { CONFIDENTIALITY_BADGES, QUOTED } from './labels.ts';
import { citations } from './numbering.ts';

type Block = 'paragraph' | 'h1' | 'h2' | 'h3';

function Toolbar({ editor, onCite, extraTools }: { editor: Editor; onCite: () => void; extraTools?: ReactNode }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      block: (e.isActive('heading', { level: 1 })
        ? 'h1'
        : e.isActive('heading', { level: 2 })
          ? 'h2'
          : e.isActive('heading', { level: 3 })
            ? 'h3'
            : 'paragraph') as Block,
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      blockquote: e.isActive('blockquote'),
      // A cell's paragraphs are never numbered: the toggle means nothing there.
      inParagraph: e.isActive('paragraph') && !e.isActive('table'),
      numbered: e.isActive('paragraph') && !e.isActive('table') && e.getAttributes('paragraph').numbered !== false,
      inTable: e.isActive('table'),
    }),
  });
  const intl = useIntl();
  const chain = () => editor.chain().focus();
  return (
    <div
      className="editor-toolbar"
      role="toolbar"
      aria-label={intl.formatMessage({ id: 'drafts.toolbar.label', defaultMessage: 'Formatting' })}
    >
      <label className="visually-hidden" htmlFor="draft-block-style">
        <FormattedMessage id="drafts.toolbar.style" defaultMessage="Style" />
      </label>
      <select
        id="draft-block-style"
        value={state.block}
        onChange={(e) => {
          const value = e.target.value as Block;
          if (value === 'paragraph') chain().setParagraph().run();
          else
            chain()
              .setHeading({ level: Number(value.slice(1)) as 1 | 2 | 3 })
              .run();
        }}
      >
        <option value="paragraph">
          {intl.formatMessage({ id: 'drafts.toolbar.paragraph', defaultMessage: 'Paragraph' })}
        </option>
        <option value="h1">{intl.formatMessage({ id: 'drafts.toolbar.h1', defaultMessage: 'Section heading' })}</option>
        <option value="h2">{intl.formatMessage({ id: 'drafts.toolbar.h2', defaultMessage: 'Heading' })}</option>
        <option value="h3">{intl.formatMessage({ id: 'drafts.toolbar.h3', defaultMessage: 'Subheading' })}</option>
      </select>
      <button
        type="button"
        aria-pressed={state.bold}
        title={intl.formatMessage({ id: 'drafts.toolbar.boldTitle', defaultMessage: 'Bold (Ctrl+B)' })}
        onClick={() => chain().toggleBold().run()}
      >
        <b aria-hidden="true">
          <FormattedMessage
            id="drafts.toolbar.boldMark"
            defaultMessage="B"
            description="The one letter on the Bold button"
          />
        </b>
        <span className="visually-hidden">
          <FormattedMessage id="drafts.toolbar.bold" defaultMessage="Bold" />
        </span>
      </button>
      <button
        type="button"
        aria-pressed={state.italic}
        title={intl.formatMessage({ id: 'drafts.toolbar.italicTitle', defaultMessage: 'Italic (Ctrl+I)' })}
        onClick={() => chain().toggleItalic().run()}
      >
        <i aria-hidden="true">
          <FormattedMessage
            id="drafts.toolbar.italicMark"
            defaultMessage="I"
            description="The one letter on the Italic button"
          />
        </i>
        <span className="visually-hidden">
          <FormattedMessage id="drafts.toolbar.italic" defaultMessage="Italic" />
        </span>
      </button>
      <button
        type="button"
        aria-pressed={state.bulletList}
        title={intl.formatMessage({
          id: 'drafts.toolbar.bulletListTitle',
          defaultMessage: 'Bulleted list (Ctrl+Shift+8)',
        })}
        onClick={() => chain().toggleBulletList().run()}
      >
        <FormattedMessage id="drafts.toolbar.bulletList" defaultMessage="• List" />
      </button>
      <button
        type="button"
        aria-pressed={state.orderedList}
        title={intl.formatMessage({
          id: 'drafts.toolbar.orderedListTitle',
          defaultMessage: 'Numbered list (Ctrl+Shift+7)',
        })}
        onClick={() => chain().toggleOrderedList().run()}
      >
        <FormattedMessage id="drafts.toolbar.orderedList" defaultMessage="1. List" />
      </button>
      <button
        type="button"
        aria-pressed={state.blockquote}
        title={intl.formatMessage({ id: 'drafts.toolbar.quoteTitle', defaultMessage: 'Quotation (Ctrl+Shift+B)' })}
        onClick={() => chain().toggleBlockquote().run()}
      >
        <FormattedMessage id="drafts.toolbar.quote" defaultMessage="Quote" />
      </button>
      <button
        type="button"
        aria-pressed={state.numbered}
        disabled={!state.inParagraph}
        title={intl.formatMessage({
          id: 'drafts.toolbar.numberedTitle',
          defaultMessage: 'Give this paragraph a UPR paragraph number (off for quoted lines)',
        })}
        onClick={() => chain().setParagraphNumbered(!state.numbered).run()}
      >
        <FormattedMessage id="drafts.toolbar.numbered" defaultMessage="¶ Numbered" />
      </button>
      {state.inTable && (
        // biome-ignore lint/a11y/useSemanticElements: a group of toolbar buttons, not a form's fieldset
        <span
          className="table-tools"
          role="group"
          aria-label={intl.formatMessage({ id: 'drafts.toolbar.table', defaultMessage: 'Table' })}
        >
          <button
            type="button"
            title={intl.formatMessage({
              id: 'drafts.toolbar.table.addRowTitle',
              defaultMessage: 'Add a row below this one',
            })}
            onClick={() => chain().addRowAfter().run()}
          >
            <FormattedMessage id="drafts.toolbar.table.addRow" defaultMessage="+ Row" />
          </button>
          <button
            type="button"
            title={intl.formatMessage({ id: 'drafts.toolbar.table.deleteRowTitle', defaultMessage: 'Delete this row' })}
            onClick={() => chain().deleteRow().run()}
          >
            <FormattedMessage id="drafts.toolbar.table.deleteRow" defaultMessage="− Row" />
          </button>
          <button type="button" onClick={() => chain().deleteTable().run()}>
            <FormattedMessage id="drafts.toolbar.table.delete" defaultMessage="Delete table" />
          </button>
        </span>
      )}
      <button
        type="button"
        className="cite-button"
        onClick={onCite}
        title={intl.formatMessage({ id: 'drafts.toolbar.citeTitle', defaultMessage: 'Cite an excerpt (Ctrl+Shift+C)' })}
      >
        <FormattedMessage id="drafts.toolbar.cite" defaultMessage="Cite excerpt…" />
      </button>
      {extraTools}
    </div>
  );
}

interface Peek {
  pos: number;
  top: number;
  left: number;
}

/** What a citation stands for, shown while it is hovered or selected with the keyboard. */
function CitationPeek({
  editor,
  peek,
  excerpts,
  footnotes,
}: {
  editor: Editor;
  peek: Peek;
  excerpts: Map<string, ExcerptListItem>;
  footnotes: Footnote[];
}) {
  const node = editor.state.doc.nodeAt(peek.pos);
  if (node?.type.name !== 'citation') return null;
  const excerptId = String(node.attrs.excerptId ?? '');
  const number = citations(editor.state.doc).find((c) => c.pos === peek.pos)?.number;
  const excerpt = excerpts.get(excerptId);
  const note = footnotes.find((f) => f.number === number && f.excerptId === excerptId);
  return (
    <div id="citation-peek" className="citation-peek" role="tooltip" style={{ top: peek.top, left: peek.left }}>
      <span className="peek-head">
        <FormattedMessage id="drafts.peek.note" defaultMessage="Note {number}" values={{ number }} />
        {excerpt && excerpt.confidentiality !== 'public' && (
          <span className={`badge ${excerpt.confidentiality}`}>
            <FormattedMessage {...CONFIDENTIALITY_BADGES[excerpt.confidentiality]} />
          </span>
        )}
      </span>
      {excerpt ? (
        <>
          <span className="excerpt-quote">
            <FormattedMessage {...QUOTED} values={{ text: excerpt.exact }} />
          </span>
          {/* The printed note names the source; before notes load, say where the quote is from. */}
          {!note && <span className="excerpt-meta">{excerptPlace(excerpt)}</span>}
        </>
      ) : (
        <span className="footnote-problem">
          <FormattedMessage id="drafts.peek.missing" defaultMessage="This excerpt is no longer in the vault." />
        </span>
      )}
      {note && (
        <span className="peek-note">
          <FormattedMessage
            id="drafts.peek.printed"
            defaultMessage="Printed note: {text}"
            description="The note as the export prints it, in the submission's language"
            values={{ text: note.text }}
          />
        </span>
      )}
    </div>
  );
}

/**
 * The submission text: toolbar, the editable body with numbered paragraphs and note calls, and the
 * peek that shows a citation's quote on hover or when it is selected from the keyboard.
 */
export function BodyEditor({
  editor,
  excerpts,
  footnotes,
  onCite,
  extraTools,
}: {
  editor: Editor;
  excerpts: Map<string, ExcerptListItem>;
  footnotes: Footnote[];
  onCite: () => void;
  /** Further tools at the end of the toolbar (the recommendations tracker's inserts). */
  extraTools?: ReactNode;
}) {
  const wrapRef = useRef<HTMLDivElement>(null);
  const [hovered, setHovered] = useState<Peek | null>(null);
  const [selected, setSelected] = useState<Peek | null>(null);

  const place = (element: Element, pos: number): Peek | null => {
    const wrap = wrapRef.current?.getBoundingClientRect();
    if (!wrap) return null;
    const box = element.getBoundingClientRect();
    const left = Math.max(0, Math.min(box.left - wrap.left - 24, wrap.width - 360));
    return { pos, top: box.bottom - wrap.top + 6, left };
  };

  // Keyboard: an arrow key onto a citation selects it; show its peek while it stays selected.
  // Subscribed once per editor, not on every keystroke's render (`place` reads only a ref).
  // biome-ignore lint/correctness/useExhaustiveDependencies: place reads wrapRef only
  useEffect(() => {
    const update = () => {
      const { selection } = editor.state;
      if (selection instanceof NodeSelection && selection.node.type.name === 'citation' && editor.isFocused) {
        const dom = editor.view.nodeDOM(selection.from);
        setSelected(dom instanceof Element ? place(dom, selection.from) : null);
      } else {
        setSelected(null);
      }
    };
    editor.on('selectionUpdate', update);
    editor.on('blur', update);
    editor.on('focus', update);
    return () => {
      editor.off('selectionUpdate', update);
      editor.off('blur', update);
      editor.off('focus', update);
    };
  }, [editor]);

  // Mouse: hovering a note call shows the same peek (keyboard users get it by selecting the call).
  // biome-ignore lint/correctness/useExhaustiveDependencies: place reads wrapRef only
  useEffect(() => {
    const wrap = wrapRef.current;
    if (!wrap) return;
    const over = (event: MouseEvent) => {
      const target = (event.target as Element).closest('.citation');
      if (!target) return;
      const cited = citations(editor.state.doc).find((c) => editor.view.nodeDOM(c.pos) === target);
      if (cited) setHovered(place(target, cited.pos));
    };
    const out = (event: MouseEvent) => {
      if ((event.target as Element).closest('.citation')) setHovered(null);
    };
    wrap.addEventListener('mouseover', over);
    wrap.addEventListener('mouseout', out);
    return () => {
      wrap.removeEventListener('mouseover', over);
      wrap.removeEventListener('mouseout', out);
    };
  }, [editor]);

  const peek = selected ?? hovered;
  return (
    <div className="editor-wrap" ref={wrapRef}>
      <Toolbar editor={editor} onCite={onCite} extraTools={extraTools} />
      <EditorContent editor={editor} />
      {peek && <CitationPeek editor={editor} peek={peek} excerpts={excerpts} footnotes={footnotes} />}
    </div>
  );
}
