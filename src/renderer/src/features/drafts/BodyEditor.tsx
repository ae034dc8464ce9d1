import { NodeSelection } from '@tiptap/pm/state';
import { type Editor, EditorContent, useEditorState } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import type { ExcerptListItem, Footnote } from '../../../../shared/api.ts';
import { CONFIDENTIALITY_LABELS } from '../../../../shared/domain.ts';
import { excerptPlace } from '../excerpts/place.ts';
import { citations } from './numbering.ts';

type Block = 'paragraph' | 'h1' | 'h2' | 'h3';

function Toolbar({ editor, onCite }: { editor: Editor; onCite: () => void }) {
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
      inParagraph: e.isActive('paragraph'),
      numbered: e.isActive('paragraph') && e.getAttributes('paragraph').numbered !== false,
    }),
  });
  const chain = () => editor.chain().focus();
  return (
    <div className="editor-toolbar" role="toolbar" aria-label="Formatting">
      <label className="visually-hidden" htmlFor="draft-block-style">
        Style
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
        <option value="paragraph">Paragraph</option>
        <option value="h1">Section heading</option>
        <option value="h2">Heading</option>
        <option value="h3">Subheading</option>
      </select>
      <button type="button" aria-pressed={state.bold} title="Bold (Ctrl+B)" onClick={() => chain().toggleBold().run()}>
        <b>B</b>
        <span className="visually-hidden">Bold</span>
      </button>
      <button
        type="button"
        aria-pressed={state.italic}
        title="Italic (Ctrl+I)"
        onClick={() => chain().toggleItalic().run()}
      >
        <i>I</i>
        <span className="visually-hidden">Italic</span>
      </button>
      <button
        type="button"
        aria-pressed={state.bulletList}
        title="Bulleted list (Ctrl+Shift+8)"
        onClick={() => chain().toggleBulletList().run()}
      >
        • List
      </button>
      <button
        type="button"
        aria-pressed={state.orderedList}
        title="Numbered list (Ctrl+Shift+7)"
        onClick={() => chain().toggleOrderedList().run()}
      >
        1. List
      </button>
      <button
        type="button"
        aria-pressed={state.blockquote}
        title="Quotation (Ctrl+Shift+B)"
        onClick={() => chain().toggleBlockquote().run()}
      >
        Quote
      </button>
      <button
        type="button"
        aria-pressed={state.numbered}
        disabled={!state.inParagraph}
        title="Give this paragraph a UPR paragraph number (off for quoted lines)"
        onClick={() => chain().setParagraphNumbered(!state.numbered).run()}
      >
        ¶ Numbered
      </button>
      <button type="button" className="cite-button" onClick={onCite} title="Cite an excerpt (Ctrl+Shift+C)">
        Cite excerpt…
      </button>
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
        Note {number}
        {excerpt && excerpt.confidentiality !== 'public' && (
          <span className={`badge ${excerpt.confidentiality}`}>{CONFIDENTIALITY_LABELS[excerpt.confidentiality]}</span>
        )}
      </span>
      {excerpt ? (
        <>
          <span className="excerpt-quote">“{excerpt.exact}”</span>
          {/* The printed note names the source; before notes load, say where the quote is from. */}
          {!note && <span className="excerpt-meta">{excerptPlace(excerpt)}</span>}
        </>
      ) : (
        <span className="footnote-problem">This excerpt is no longer in the vault.</span>
      )}
      {note && <span className="peek-note">Printed note: {note.text}</span>}
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
}: {
  editor: Editor;
  excerpts: Map<string, ExcerptListItem>;
  footnotes: Footnote[];
  onCite: () => void;
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
      <Toolbar editor={editor} onCite={onCite} />
      <EditorContent editor={editor} />
      {peek && <CitationPeek editor={editor} peek={peek} excerpts={excerpts} footnotes={footnotes} />}
    </div>
  );
}
