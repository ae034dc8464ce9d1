import { TextSelection } from '@tiptap/pm/state';
import { useEditor } from '@tiptap/react';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { draftsApi } from '../../../../shared/api/drafts.ts';
import type { Draft, DraftTarget, DraftVersion, ExcerptListItem, Footnote } from '../../../../shared/api.ts';
import type { DraftBody, DraftCover } from '../../../../shared/draft.ts';
import { invoke } from '../../api/client.ts';
import { mutate, useApi, useApiAll } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { RecommendationPicker } from '../recommendations/RecommendationPicker.tsx';
import { RecommendationTableDialog } from '../recommendations/RecommendationTableDialog.tsx';
import { referenceLabel } from '../recommendations/words.ts';
import { BodyEditor } from './BodyEditor.tsx';
import { ChecksPanel } from './ChecksPanel.tsx';
import { CitationPicker } from './CitationPicker.tsx';
import { CoverForm } from './CoverForm.tsx';
import { DraftStatusBar } from './DraftStatusBar.tsx';
import { ExcerptPanel } from './ExcerptPanel.tsx';
import { ExportDialog } from './ExportDialog.tsx';
import { editorWords } from './editorWords.ts';
import { Footnotes, footnoteElementId } from './Footnotes.tsx';
import { TEMPLATE_LABELS } from './labels.ts';
import { citations, countedParagraphs } from './numbering.ts';
import {
  draftExtensions,
  type EditorWords,
  EXCERPT_DRAG_TYPE,
  refreshRecommendationRefs,
  spotlightKey,
} from './schema.ts';
import { normaliseCoverField } from './targets.ts';
import { useAutosave } from './useAutosave.ts';
import { CompareDialog, SaveVersionDialog, VersionsPanel } from './Versions.tsx';
import './editor.css';

type SideTab = 'excerpts' | 'checks' | 'versions';
type Dialog =
  | { kind: 'picker' }
  | { kind: 'recommendation' }
  | { kind: 'recommendationTable' }
  | { kind: 'export' }
  | { kind: 'version' }
  | { kind: 'compare'; version: DraftVersion };

/** How long the paragraph a check points at stays lit. */
const SPOTLIGHT_MS = 2500;

/** Why an action did not happen, worded at render in the interface language. */
type ActionProblem =
  | { kind: 'paragraph-gone'; number: number }
  | { kind: 'not-saved'; error: unknown }
  | { kind: 'failed'; error: unknown };

/** The words the editor itself draws (placeholders, note names), in the interface language. */
function useEditorWords(): () => EditorWords {
  const intl = useIntl();
  const ref = useRef<EditorWords | null>(null);
  ref.current = editorWords(intl);
  // The editor is created once; it reads the words when it draws, so a language change reaches it.
  return useCallback(() => ref.current as EditorWords, []);
}

/** Opens a draft and hands it to the workspace once loaded (the editor is created with its content). */
export function DraftEditor({ draftId, onRenamed }: { draftId: string; onRenamed: (title: string) => void }) {
  const errorText = useErrorText();
  // Read once to open the editor; later saves refresh this cache entry but the editor keeps its own state.
  const draft = useApi('draft.get', { id: draftId });
  if (draft.error) return <ErrorNote message={errorText(draft.error)} />;
  if (!draft.data)
    return (
      <p className="hint" aria-busy="true">
        <FormattedMessage id="drafts.editor.opening" defaultMessage="Opening the draft…" />
      </p>
    );
  return <DraftWorkspace key={draftId} draft={draft.data} onRenamed={onRenamed} />;
}

function DraftWorkspace({ draft, onRenamed }: { draft: Draft; onRenamed: (title: string) => void }) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const editorWords = useEditorWords();
  const [title, setTitle] = useState(draft.title);
  const [titleError, setTitleError] = useState(false);
  const [cover, setCover] = useState<DraftCover>(draft.cover);
  const [coverOpen, setCoverOpen] = useState(!draft.cover.state || draft.cover.organisations.length === 0);
  const [actionProblem, setActionProblem] = useState<ActionProblem | null>(null);
  const [tab, setTab] = useState<SideTab>('excerpts');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const versions = useApi('draft.versions', { id: draft.id });
  // The draft's citations name excerpts anywhere in the dossier: all of them, paged through.
  const allExcerpts = useApiAll('excerpt.list', { dossierId: draft.dossierId });
  const excerpts = useMemo(
    () => new Map<string, ExcerptListItem>((allExcerpts.data ?? []).map((e) => [e.id, e])),
    [allExcerpts.data],
  );

  // Notes, word count and checks follow every save (each save marks them stale); the cache keeps the
  // last answer on screen while the next loads, and a superseded answer never lands.
  const notes = useApi('draft.notes', { id: draft.id });
  const checkResults = useApi('draft.check', { id: draft.id });
  const footnotes = notes.data?.footnotes ?? null;
  const words = notes.data?.words ?? null;
  const checks = checkResults.data ?? null;
  const derivedError = notes.error ?? checkResults.error;
  const refreshDerived = useCallback(() => {
    void notes.refetch();
    void checkResults.refetch();
  }, [notes.refetch, checkResults.refetch]);

  const autosave = useAutosave(draft.id);
  const scheduleRef = useRef(autosave.schedule);
  scheduleRef.current = autosave.schedule;
  const openPicker = useRef(() => setDialog({ kind: 'picker' }));
  // Cross-references to recommendations are drawn from the tracker ("A/HRC/43/10, para. 140.12 (Germany)").
  const recommendations = useApiAll('recommendation.list', { dossierId: draft.dossierId });
  const recommendationLabels = useMemo(
    () => new Map((recommendations.data ?? []).map((r) => [r.id, referenceLabel(intl, r)])),
    [recommendations.data, intl],
  );
  const labelsRef = useRef(recommendationLabels);
  labelsRef.current = recommendationLabels;
  const recommendationLabel = useCallback((rid: string) => labelsRef.current.get(rid) || null, []);

  const editor = useEditor({
    // The CSP allows no inline styles, so TipTap's injected sheet would be blocked; its rules ship in
    // editor.css instead. Without them "white-space" is unset and a typed space becomes U+00A0.
    injectCSS: false,
    extensions: draftExtensions({
      onOpenPicker: () => openPicker.current(),
      words: editorWords,
      recommendationLabel,
    }),
    content: draft.body,
    editorProps: {
      attributes: {
        class: 'draft-body',
        'aria-label': intl.formatMessage({ id: 'drafts.editor.textLabel', defaultMessage: 'Submission text' }),
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
      setActionProblem(null);
      if (target.kind === 'paragraph') {
        const paragraph = countedParagraphs(editor.state.doc).find((p) => p.number === target.number);
        if (!paragraph) {
          setActionProblem({ kind: 'paragraph-gone', number: target.number });
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

  // The tracker answered (or changed): references already drawn take their words.
  useEffect(() => {
    if (recommendationLabels.size > 0) refreshRecommendationRefs(editor.view.dom, recommendationLabel);
  }, [editor, recommendationLabels, recommendationLabel]);

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
    setActionProblem(null);
    try {
      await autosave.flush();
    } catch (e) {
      setActionProblem({ kind: 'not-saved', error: e });
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
    // The same rules as the save's: not blank once trimmed.
    if (!draftsApi['draft.update'].params.shape.title.unwrap().safeParse(next).success) {
      setTitleError(true);
      return;
    }
    setTitleError(false);
    autosave.schedule({ title: next.trim() });
    onRenamed(next.trim());
  }

  const errorCount = checks?.filter((c) => c.severity === 'error').length ?? 0;
  const warningCount = checks?.filter((c) => c.severity === 'warning').length ?? 0;
  const tabs: { key: SideTab; label: string }[] = [
    { key: 'excerpts', label: intl.formatMessage({ id: 'drafts.tab.excerpts', defaultMessage: 'Excerpts' }) },
    {
      key: 'checks',
      label:
        errorCount > 0
          ? intl.formatMessage(
              {
                id: 'drafts.tab.checksErrors',
                defaultMessage: 'Checks ({count, plural, one {# error} other {# errors}})',
              },
              { count: errorCount },
            )
          : warningCount > 0
            ? intl.formatMessage(
                {
                  id: 'drafts.tab.checksWarnings',
                  defaultMessage: 'Checks ({count, plural, one {# warning} other {# warnings}})',
                },
                { count: warningCount },
              )
            : intl.formatMessage({ id: 'drafts.tab.checks', defaultMessage: 'Checks' }),
    },
    {
      key: 'versions',
      label: versions.data?.length
        ? intl.formatMessage(
            { id: 'drafts.tab.versionsCount', defaultMessage: 'Versions ({count, number})' },
            { count: versions.data.length },
          )
        : intl.formatMessage({ id: 'drafts.tab.versions', defaultMessage: 'Versions' }),
    },
  ];
  const actionError =
    actionProblem?.kind === 'paragraph-gone'
      ? intl.formatMessage(
          {
            id: 'drafts.editor.paragraphGone',
            defaultMessage: 'Paragraph {number} is no longer in the draft. Run the checks again.',
          },
          { number: actionProblem.number },
        )
      : actionProblem?.kind === 'not-saved'
        ? intl.formatMessage(
            { id: 'drafts.editor.notSaved', defaultMessage: 'The latest changes are not saved yet: {reason}' },
            { reason: errorText(actionProblem.error) },
          )
        : actionProblem?.kind === 'failed'
          ? errorText(actionProblem.error)
          : null;
  const coverSummary = [
    cover.state,
    cover.session
      ? intl.formatMessage({ id: 'drafts.cover.summary.session', defaultMessage: 'session {n}' }, { n: cover.session })
      : '',
    cover.cycle
      ? intl.formatMessage({ id: 'drafts.cover.summary.cycle', defaultMessage: 'cycle {n}' }, { n: cover.cycle })
      : '',
    cover.monthYear,
    intl.formatList(cover.organisations.map((o) => o.acronym || o.name).filter(Boolean), {
      type: 'unit',
      style: 'short',
    }),
  ].filter(Boolean);

  return (
    <section className="draft-page" aria-labelledby={`${id}-heading`}>
      <header className="draft-head">
        <div className="draft-title">
          <h1 id={`${id}-heading`} className="visually-hidden">
            {title || draft.title}
          </h1>
          <label htmlFor={`${id}-title`} className="visually-hidden">
            <FormattedMessage id="drafts.editor.titleLabel" defaultMessage="Draft title" />
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
              <FormattedMessage id="drafts.editor.titleMissing" defaultMessage="Give the draft a title." />
            </span>
          )}
          <span className="badge template-badge">
            <FormattedMessage {...TEMPLATE_LABELS[draft.template]} />
          </span>
        </div>
        <div className="actions">
          <button type="button" onClick={() => void afterSaving(() => setDialog({ kind: 'version' }))}>
            <FormattedMessage id="drafts.editor.saveVersion" defaultMessage="Save version…" />
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void afterSaving(() => setDialog({ kind: 'export' }))}
          >
            <FormattedMessage id="drafts.editor.export" defaultMessage="Export…" />
          </button>
        </div>
      </header>
      <ErrorNote message={actionError ?? (derivedError ? errorText(derivedError) : null)} />

      <div className="draft-layout">
        <div className="draft-main">
          <details className="card cover-card" open={coverOpen} onToggle={(e) => setCoverOpen(e.currentTarget.open)}>
            <summary>
              <span className="summary-title">
                <FormattedMessage id="drafts.cover.heading" defaultMessage="Cover page" />
              </span>
              <span className="hint">
                {coverSummary.length > 0 ? (
                  coverSummary.join(' · ')
                ) : (
                  <FormattedMessage id="drafts.cover.empty" defaultMessage="Not filled in yet" />
                )}
              </span>
            </summary>
            <CoverForm cover={cover} template={draft.template} onChange={changeCover} />
          </details>

          <section className="card draft-text" aria-labelledby={`${id}-text`}>
            <h2 id={`${id}-text`}>
              <FormattedMessage id="drafts.editor.textHeading" defaultMessage="Submission text" />
            </h2>
            <p className="hint">
              <FormattedMessage
                id="drafts.editor.textHint"
                defaultMessage="Paragraphs are numbered as they will be printed. Cite evidence with Ctrl+Shift+C or by dragging an excerpt in; its note is written for you."
              />
            </p>
            <BodyEditor
              editor={editor}
              excerpts={excerpts}
              footnotes={footnotes ?? []}
              onCite={() => setDialog({ kind: 'picker' })}
              extraTools={
                <>
                  <button type="button" onClick={() => setDialog({ kind: 'recommendation' })}>
                    <FormattedMessage id="drafts.toolbar.recommendation" defaultMessage="Insert recommendation…" />
                  </button>
                  {editor.schema.nodes.table && (
                    <button type="button" onClick={() => setDialog({ kind: 'recommendationTable' })}>
                      <FormattedMessage
                        id="drafts.toolbar.recommendationTable"
                        defaultMessage="Recommendations table…"
                      />
                    </button>
                  )}
                </>
              }
            />
          </section>

          <section className="card notes-card" aria-labelledby={`${id}-notes`}>
            <h2 id={`${id}-notes`}>
              {footnotes ? (
                <FormattedMessage
                  id="drafts.notes.headingCount"
                  defaultMessage="Notes ({count, number})"
                  values={{ count: footnotes.length }}
                />
              ) : (
                <FormattedMessage id="drafts.notes.heading" defaultMessage="Notes" />
              )}
            </h2>
            <Footnotes footnotes={footnotes} onShowCitation={showCitation} />
          </section>
        </div>

        <aside
          className="draft-side card"
          aria-label={intl.formatMessage({
            id: 'drafts.side.label',
            defaultMessage: 'Excerpts, checks and versions',
          })}
        >
          <div
            className="tabs"
            role="tablist"
            aria-label={intl.formatMessage({ id: 'drafts.side.tools', defaultMessage: 'Draft tools' })}
          >
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
                running={checkResults.isFetching}
                onRun={() => void afterSaving(refreshDerived)}
                onGoTo={goTo}
              />
            )}
            {tab === 'versions' && (
              <VersionsPanel
                versions={versions.data ?? null}
                error={versions.error ? errorText(versions.error) : null}
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
      {dialog?.kind === 'recommendation' && (
        <RecommendationPicker
          dossierId={draft.dossierId}
          offerFollowUp
          onClose={() => setDialog(null)}
          onPick={(recommendationId, { followUp }) => {
            setDialog(null);
            if (followUp) {
              // The paragraph is worded main-side in the draft's language, its evidence cited.
              invoke('recommendation.followUp', { id: recommendationId, draftId: draft.id }).then(
                ({ nodes }) => editor.chain().focus().insertContent(nodes).run(),
                (e: unknown) => setActionProblem({ kind: 'failed', error: e }),
              );
              return;
            }
            const inParagraph = editor.state.selection.$from.parent.type.name === 'paragraph';
            editor
              .chain()
              .focus(inParagraph ? undefined : 'end')
              .insertRecommendationRef(recommendationId)
              .run();
            requestAnimationFrame(() => editor.commands.focus());
          }}
        />
      )}
      {dialog?.kind === 'recommendationTable' && (
        <RecommendationTableDialog
          dossierId={draft.dossierId}
          draftId={draft.id}
          ownCycle={cover.cycle}
          onClose={() => setDialog(null)}
          onInsert={async ({ cycle }) => {
            const { nodes } = await invoke('recommendation.table', {
              draftId: draft.id,
              ...(cycle !== undefined ? { cycle } : { everyCycle: true }),
            });
            editor.chain().focus().insertContent(nodes).run();
          }}
        />
      )}
      {dialog?.kind === 'export' && <ExportDialog draftId={draft.id} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'version' && (
        <SaveVersionDialog
          onClose={() => setDialog(null)}
          onSave={async (name) => {
            // The versions list reloads through the cache.
            await mutate('draft.snapshot', { id: draft.id, name });
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
