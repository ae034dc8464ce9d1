import { TextSelection } from '@tiptap/pm/state';
import { useEditor } from '@tiptap/react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type {
  CheckResult,
  Draft,
  DraftTarget,
  DraftVersion,
  ExcerptListItem,
  Footnote,
  WordCount,
} from '../../../../shared/api.ts';
import type { DraftBody, DraftCover } from '../../../../shared/draft.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../components/useAsync.ts';
import { BodyEditor } from './BodyEditor.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { CitationPicker } from './CitationPicker.tsx';
import { CoverForm } from './CoverForm.tsx';
import { TEMPLATE_LABELS } from './DraftList.tsx';
import { DraftStatusBar } from './DraftStatusBar.tsx';
import { ExcerptPanel } from './ExcerptPanel.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { Footnotes, footnoteElementId } from './Footnotes.tsx';
import { citations, countedParagraphs } from './numbering.ts';
import { draftExtensions, EXCERPT_DRAG_TYPE, spotlightKey } from './schema.ts';
import { normaliseCoverField } from './targets.ts';
import { useAutosave } from './useAutosave.ts';
import { CompareDialog, SaveVersionDialog, VersionsPanel } from './Versions.tsx';
import './editor.css';

type SideTab = 'excerpts' | 'checks' | 'versions';
type Dialog =
  | { kind: 'picker' }
  | { kind: 'export' }
  | { kind: 'version' }
  | { kind: 'compare'; version: DraftVersion };

/** How long the paragraph a check points at stays lit. */
const SPOTLIGHT_MS = 2500;

/** Opens a draft and hands it to the workspace once loaded (the editor is created with its content). */
export function DraftEditor({ draftId, onRenamed }: { draftId: string; onRenamed: (title: string) => void }) {
  const draft = useAsync(() => invoke('draft.get', { id: draftId }), [draftId]);
  if (draft.error) return <ErrorNote message={draft.error} />;
  if (!draft.data)
    return (
      <p className="hint" aria-busy="true">
        Opening the draft…
      </p>
    );
  return <DraftWorkspace key={draftId} draft={draft.data} onRenamed={onRenamed} />;
}

function DraftWorkspace({ draft, onRenamed }: { draft: Draft; onRenamed: (title: string) => void }) {
  const id = useId();
  const [title, setTitle] = useState(draft.title);
  const [titleError, setTitleError] = useState<string | null>(null);
  const [cover, setCover] = useState<DraftCover>(draft.cover);
  const [coverOpen, setCoverOpen] = useState(!draft.cover.state || draft.cover.organisations.length === 0);
  const [footnotes, setFootnotes] = useState<Footnote[] | null>(null);
  const [words, setWords] = useState<WordCount | null>(null);
  const [checks, setChecks] = useState<CheckResult[] | null>(null);
  const [checking, setChecking] = useState(false);
  const [derivedError, setDerivedError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [tab, setTab] = useState<SideTab>('excerpts');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const versions = useAsync(() => invoke('draft.versions', { id: draft.id }), [draft.id]);
  const allExcerpts = useAsync(() => invoke('excerpt.list', { dossierId: draft.dossierId }), [draft.dossierId]);
  const excerpts = useMemo(
    () => new Map<string, ExcerptListItem>((allExcerpts.data ?? []).map((e) => [e.id, e])),
    [allExcerpts.data],
  );

  // Notes, word count and checks follow every save; a slower answer never overwrites a newer one.
  const generation = useRef(0);
  const refreshDerived = useCallback(() => {
    const mine = ++generation.current;
    setChecking(true);
    Promise.all([invoke('draft.notes', { id: draft.id }), invoke('draft.check', { id: draft.id })])
      .then(([notes, results]) => {
        if (mine !== generation.current) return;
        setFootnotes(notes.footnotes);
        setWords(notes.words);
        setChecks(results);
        setDerivedError(null);
      })
      .catch((e: Error) => mine === generation.current && setDerivedError(e.message))
      .finally(() => mine === generation.current && setChecking(false));
  }, [draft.id]);
  useEffect(refreshDerived, [refreshDerived]);

  const autosave = useAutosave(draft.id, refreshDerived);
  const scheduleRef = useRef(autosave.schedule);
  scheduleRef.current = autosave.schedule;
  const openPicker = useRef(() => setDialog({ kind: 'picker' }));

  const editor = useEditor({
    // The CSP allows no inline styles, so TipTap's injected sheet would be blocked; its rules ship in
    // editor.css instead. Without them "white-space" is unset and a typed space becomes U+00A0.
    injectCSS: false,
    extensions: draftExtensions({ onOpenPicker: () => openPicker.current() }),
    content: draft.body,
    editorProps: {
      attributes: {
        class: 'draft-body',
        'aria-label': 'Submission text',
        'aria-multiline': 'true',
        role: 'textbox',
        spellcheck: 'true',
        lang: draft.cover.language || 'en',
      },
      // An excerpt dragged from the side panel becomes a citation where it is dropped.
      handleDrop: (view, event) => {
        const excerptId = event.dataTransfer?.getData(EXCERPT_DRAG_TYPE);
        if (!excerptId) return false;
        event.preventDefault();
        const at = view.posAtCoords({ left: event.clientX, top: event.clientY });
        const citation = view.state.schema.nodes.citation;
        if (!at || !citation) return true;
        // Dropped beside a paragraph rather than in it: cite at the end of the text before.
        const $at = view.state.doc.resolve(at.pos);
        const pos = $at.parent.inlineContent ? at.pos : TextSelection.near($at, -1).from;
        if (!view.state.doc.resolve(pos).parent.inlineContent) return true;
        view.dispatch(view.state.tr.insert(pos, citation.create({ excerptId })));
        view.focus();
        return true;
      },
    },
    onUpdate: ({ editor: e }) => scheduleRef.current({ body: e.getJSON() as DraftBody }),
  });

  // Spelling and screen readers follow the language chosen on the cover.
  useEffect(() => {
    const attributes = editor.options.editorProps.attributes;
    if (typeof attributes !== 'object' || attributes.lang === cover.language) return;
    editor.setOptions({
      editorProps: { ...editor.options.editorProps, attributes: { ...attributes, lang: cover.language || 'en' } },
    });
  }, [editor, cover.language]);

  // Ctrl/Cmd+Shift+C opens the picker from anywhere on the screen (the editor handles its own).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !(event.ctrlKey || event.metaKey) || !event.shiftKey) return;
      if (event.key.toLowerCase() !== 'c') return;
      event.preventDefault();
      setDialog({ kind: 'picker' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const spotlightTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const spotlight = useCallback(
    (from: number, to: number) => {
      editor.view.dispatch(editor.state.tr.setMeta(spotlightKey, { from, to }));
      if (spotlightTimer.current) clearTimeout(spotlightTimer.current);
      spotlightTimer.current = setTimeout(() => {
        if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(spotlightKey, null));
      }, SPOTLIGHT_MS);
    },
    [editor],
  );

  const goTo = useCallback(
    (target: DraftTarget) => {
      setActionError(null);
      if (target.kind === 'paragraph') {
        const paragraph = countedParagraphs(editor.state.doc).find((p) => p.number === target.number);
        if (!paragraph) {
          setActionError(`Paragraph ${target.number} is no longer in the draft. Run the checks again.`);
          return;
        }
        editor
          .chain()
          .focus()
          .setTextSelection(paragraph.pos + 1)
          .run();
        (editor.view.nodeDOM(paragraph.pos) as HTMLElement | null)?.scrollIntoView({ block: 'center' });
        spotlight(paragraph.pos, paragraph.pos + paragraph.node.nodeSize);
      } else if (target.kind === 'note') {
        const note = document.getElementById(footnoteElementId(target.number));
        note?.scrollIntoView({ block: 'center' });
        note?.focus();
      } else if (target.kind === 'cover') {
        setCoverOpen(true);
        const field = normaliseCoverField(target.field);
        // The cover opens first; its fields exist on the next frame.
        requestAnimationFrame(() => {
          const root = document.querySelector('.cover-form');
          const element =
            root?.querySelector<HTMLElement>(`[data-cover-field="${CSS.escape(field)}"]`) ??
            root?.querySelector<HTMLElement>(`[data-cover-field^="${CSS.escape(field)}"]`);
          if (!element) return;
          element.scrollIntoView({ block: 'center' });
          const focusable = element.matches('input, select, textarea, button')
            ? element
            : element.querySelector<HTMLElement>('input, select, textarea, button');
          focusable?.focus();
        });
      } else {
        editor.commands.focus();
      }
    },
    [editor, spotlight],
  );

  const showCitation = useCallback(
    (footnote: Footnote) => {
      const all = citations(editor.state.doc);
      const cited =
        all.find((c) => c.number === footnote.number && c.node.attrs.excerptId === footnote.excerptId) ??
        all.find((c) => c.node.attrs.excerptId === footnote.excerptId);
      if (!cited) return;
      editor.chain().focus().setNodeSelection(cited.pos).run();
      (editor.view.nodeDOM(cited.pos) as HTMLElement | null)?.scrollIntoView({ block: 'center' });
    },
    [editor],
  );

  const cite = useCallback(
    (excerptId: string) => {
      // A note belongs to a statement: outside a paragraph (the cursor never placed, or in a heading)
      // it goes at the end of the text rather than into a heading.
      const inParagraph = editor.state.selection.$from.parent.type.name === 'paragraph';
      editor
        .chain()
        .focus(inParagraph ? undefined : 'end')
        .insertCitation(excerptId)
        .run();
    },
    [editor],
  );

  /** Saves what is typed, then runs `then`; a failed save stops it (the export would miss edits). */
  async function afterSaving(then: () => void | Promise<void>) {
    setActionError(null);
    try {
      await autosave.flush();
    } catch (e) {
      setActionError(`The latest changes are not saved yet: ${(e as Error).message}`);
      return;
    }
    await then();
  }

  function changeCover(next: DraftCover) {
    setCover(next);
    autosave.schedule({ cover: next });
  }

  function changeTitle(next: string) {
    setTitle(next);
    if (!next.trim()) {
      setTitleError('Give the draft a title.');
      return;
    }
    setTitleError(null);
    autosave.schedule({ title: next.trim() });
    onRenamed(next.trim());
  }

  const errorCount = checks?.filter((c) => c.severity === 'error').length ?? 0;
  const warningCount = checks?.filter((c) => c.severity === 'warning').length ?? 0;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const tabs: { key: SideTab; label: string }[] = [
    { key: 'excerpts', label: 'Excerpts' },
    {
      key: 'checks',
      label:
        errorCount > 0
          ? `Checks (${plural(errorCount, 'error')})`
          : warningCount > 0
            ? `Checks (${plural(warningCount, 'warning')})`
            : 'Checks',
    },
    { key: 'versions', label: versions.data?.length ? `Versions (${versions.data.length})` : 'Versions' },
  ];

  return (
    <section className="draft-page" aria-labelledby={`${id}-heading`}>
      <header className="draft-head">
        <div className="draft-title">
          <h1 id={`${id}-heading`} className="visually-hidden">
            {title || draft.title}
          </h1>
          <label htmlFor={`${id}-title`} className="visually-hidden">
            Draft title
          </label>
          <input
            id={`${id}-title`}
            className="title-input"
            value={title}
            maxLength={300}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? `${id}-title-error` : undefined}
            onChange={(e) => changeTitle(e.target.value)}
          />
          {titleError && (
            <span id={`${id}-title-error`} className="field-error">
              {titleError}
            </span>
          )}
          <span className="badge template-badge">{TEMPLATE_LABELS[draft.template]}</span>
        </div>
        <div className="actions">
          <button type="button" onClick={() => void afterSaving(() => setDialog({ kind: 'version' }))}>
            Save version…
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void afterSaving(() => setDialog({ kind: 'export' }))}
          >
            Export…
          </button>
        </div>
      </header>
      <ErrorNote message={actionError ?? derivedError} />

      <div className="draft-layout">
        <div className="draft-main">
          <details className="card cover-card" open={coverOpen} onToggle={(e) => setCoverOpen(e.currentTarget.open)}>
            <summary>
              <span className="summary-title">Cover page</span>
              <span className="hint">
                {[
                  cover.state,
                  cover.session ? `session ${cover.session}` : '',
                  cover.cycle ? `cycle ${cover.cycle}` : '',
                  cover.monthYear,
                  cover.organisations
                    .map((o) => o.acronym || o.name)
                    .filter(Boolean)
                    .join(', '),
                ]
                  .filter(Boolean)
                  .join(' · ') || 'Not filled in yet'}
              </span>
            </summary>
            <CoverForm cover={cover} template={draft.template} onChange={changeCover} />
          </details>

          <section className="card draft-text" aria-labelledby={`${id}-text`}>
            <h2 id={`${id}-text`}>Submission text</h2>
            <p className="hint">
              Paragraphs are numbered as they will be printed. Cite evidence with Ctrl+Shift+C or by dragging an excerpt
              in; its note is written for you.
            </p>
            <BodyEditor
              editor={editor}
              excerpts={excerpts}
              footnotes={footnotes ?? []}
              onCite={() => setDialog({ kind: 'picker' })}
            />
          </section>

          <section className="card notes-card" aria-labelledby={`${id}-notes`}>
            <h2 id={`${id}-notes`}>Notes{footnotes ? ` (${footnotes.length})` : ''}</h2>
            <Footnotes footnotes={footnotes} onShowCitation={showCitation} />
          </section>
        </div>

        <aside className="draft-side card" aria-label="Excerpts, checks and versions">
          <div className="tabs" role="tablist" aria-label="Draft tools">
            {tabs.map((t) => (
              <button
                key={t.key}
                type="button"
                role="tab"
                id={`${id}-tab-${t.key}`}
                aria-controls={tab === t.key ? `${id}-panel-${t.key}` : undefined}
                aria-selected={tab === t.key}
                tabIndex={tab === t.key ? 0 : -1}
                className={t.key === 'checks' && errorCount > 0 ? 'has-errors' : undefined}
                onClick={() => setTab(t.key)}
                onKeyDown={(e) => {
                  if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
                  const at = tabs.findIndex((x) => x.key === tab);
                  const next = tabs[(at + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
                  if (!next) return;
                  setTab(next.key);
                  document.getElementById(`${id}-tab-${next.key}`)?.focus();
                }}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div role="tabpanel" id={`${id}-panel-${tab}`} aria-labelledby={`${id}-tab-${tab}`} className="side-panel">
            {tab === 'excerpts' && <ExcerptPanel dossierId={draft.dossierId} onCite={cite} />}
            {tab === 'checks' && (
              <ChecksPanel
                results={checks}
                running={checking}
                onRun={() => void afterSaving(refreshDerived)}
                onGoTo={goTo}
              />
            )}
            {tab === 'versions' && (
              <VersionsPanel
                versions={versions.data}
                error={versions.error}
                onSaveVersion={() => void afterSaving(() => setDialog({ kind: 'version' }))}
                onCompare={(version) => void afterSaving(() => setDialog({ kind: 'compare', version }))}
              />
            )}
          </div>
        </aside>
      </div>

      <DraftStatusBar
        words={words}
        status={autosave.status}
        onRetry={() => void autosave.flush().catch(() => undefined)}
      />

      {dialog?.kind === 'picker' && (
        <CitationPicker
          dossierId={draft.dossierId}
          onClose={() => setDialog(null)}
          onPick={(excerptId) => {
            cite(excerptId);
            setDialog(null);
            // Back to typing after the note call, whatever opened the picker.
            requestAnimationFrame(() => editor.commands.focus());
          }}
        />
      )}
      {dialog?.kind === 'export' && <ExportDialog draftId={draft.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'version' && (
        <SaveVersionDialog
          onClose={() => setDialog(null)}
          onSave={async (name) => {
            await invoke('draft.snapshot', { id: draft.id, name });
            versions.reload();
            setTab('versions');
          }}
        />
      )}
      {dialog?.kind === 'compare' && (
        <CompareDialog draftId={draft.id} version={dialog.version} onClose={() => setDialog(null)} />
      )}
    </section>
  );
}
