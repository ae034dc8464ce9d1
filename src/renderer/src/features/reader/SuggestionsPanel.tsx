import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  SUGGESTION_KIND_LABELS,
  SUGGESTION_REVIEW_ORDER,
  type SuggestionGroup,
  type SuggestionMention,
} from '../../../../shared/api.ts';
import { ENTITY_KIND_LABELS } from '../../../../shared/domain.ts';
import { invoke, subscribe } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useAsync } from '../../components/useAsync.ts';

interface Props {
  sourceId: string;
  /** Bring a mention into view in the text. */
  onShow: (mention: SuggestionMention) => void;
  /** After an acceptance: excerpts may have been made, entities linked. */
  onAccepted: (made: { excerpts: number }) => void;
}

type Kind = SuggestionGroup['kind'];

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function pagesOf(group: SuggestionGroup): string {
  const pages = [...new Set(group.mentions.map((m) => m.page).filter((p): p is number => p !== null))];
  if (pages.length === 0) return '';
  if (pages.length === 1) return `p. ${pages[0]}`;
  return pages.length <= 4 ? `pp. ${pages.join(', ')}` : `pp. ${pages[0]}–${pages[pages.length - 1]}`;
}

/** What accepting a group does, in the words shown under it. */
function outcomeOf(group: SuggestionGroup, markExcerpts: boolean): string {
  if (!group.entity) return `Accept marks ${plural(group.mentions.length, 'excerpt', 'excerpts')}`;
  const kind = ENTITY_KIND_LABELS[group.entity.kind].toLowerCase();
  const link = group.entity.id ? `Links to your ${kind} “${group.entity.name}”` : `Adds a new ${kind}`;
  return markExcerpts ? `${link}, and marks excerpts` : link;
}

const ROW = '[data-row]';

/**
 * What Upright found in the text — persons, organisations, legal references, dates, amounts — one
 * row per value with its mentions, to accept or dismiss at once. Found offline, in the background,
 * when the source was imported; nothing is applied until accepted. Keyboard first: ↑/↓ (or J/K)
 * move, Enter opens a row's mentions, A accepts, D dismisses.
 */
export function SuggestionsPanel({ sourceId, onShow, onAccepted }: Props) {
  const id = useId();
  const [retry, setRetry] = useState(0);
  const review = useAsync(() => invoke('suggestion.review', { sourceId, retry: retry > 0 }), [sourceId, retry]);
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const [markExcerpts, setMarkExcerpts] = useState(false);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  /** The row to focus once the list has been drawn again (after an accept or dismiss). */
  const focusAfter = useRef<number | null>(null);

  const status = review.data?.status ?? null;
  const groups = review.data?.groups ?? [];
  const shown = kind === 'all' ? groups : groups.filter((g) => g.kind === kind);
  const sections = useMemo(
    () =>
      SUGGESTION_REVIEW_ORDER.map((k) => ({ kind: k, groups: shown.filter((g) => g.kind === k) })).filter(
        (s) => s.groups.length > 0,
      ),
    [shown],
  );
  const mentionCount = groups.reduce((n, g) => n + g.mentions.length, 0);

  // Computed in the background: the list comes when main says it is ready.
  useEffect(
    () =>
      subscribe('suggestion.ready', (event) => {
        if (event.sourceId === sourceId) review.reload();
      }),
    [sourceId, review.reload],
  );

  // The first time the list is there, put the keyboard on it; afterwards keep the place when rows
  // come and go (after an accept or dismiss, or a group folded).
  const focusedOnce = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the rows change, reading them from the DOM
  useEffect(() => {
    const rows = listRef.current?.querySelectorAll<HTMLElement>(ROW);
    if (!rows || rows.length === 0) return;
    if (focusAfter.current !== null) {
      rows[Math.min(focusAfter.current, rows.length - 1)]?.focus();
      focusAfter.current = null;
    } else if (!focusedOnce.current) {
      focusedOnce.current = true;
      rows[0]?.focus();
    }
  }, [review.data, expanded]);

  function rowIndexOf(element: Element | null): number {
    const rows = [...(listRef.current?.querySelectorAll(ROW) ?? [])];
    return element ? rows.indexOf(element) : -1;
  }

  async function act(action: 'accept' | 'dismiss', group: SuggestionGroup, mention: SuggestionMention | null) {
    if (busy) return;
    setBusy(true);
    setError(null);
    setDone(null);
    focusAfter.current = Math.max(0, rowIndexOf(document.activeElement));
    const keys = mention ? [mention.key] : group.mentions.map((m) => m.key);
    const what = mention ? `“${mention.text}”` : `${group.value} (${plural(keys.length, 'mention', 'mentions')})`;
    try {
      if (action === 'accept') {
        const result = await invoke('suggestion.accept', { sourceId, keys, markExcerpts });
        onAccepted({ excerpts: result.excerpts.length });
        const linked = result.mentionsLinked
          ? `linked ${plural(result.mentionsLinked, 'mention', 'mentions')} to ${group.entity?.name ?? group.value}`
          : '';
        const marked = result.excerpts.length ? `${plural(result.excerpts.length, 'excerpt', 'excerpts')} marked` : '';
        setDone(`Accepted ${what}: ${[linked, marked].filter(Boolean).join(', ')}.`);
      } else {
        await invoke('suggestion.dismiss', mention ? { sourceId, keys } : { sourceId, groups: [group.key] });
        setDone(`Dismissed ${what}.`);
      }
      review.reload();
    } catch (e) {
      focusAfter.current = null;
      setError((e as Error).message);
      review.reload();
    } finally {
      setBusy(false);
    }
  }

  function toggle(group: SuggestionGroup) {
    setExpanded((open) => {
      const next = new Set(open);
      if (next.has(group.key)) next.delete(group.key);
      else next.add(group.key);
      return next;
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const rows = [...(listRef.current?.querySelectorAll<HTMLElement>(ROW) ?? [])];
    const row = (event.target as HTMLElement).closest<HTMLElement>(ROW);
    const index = row ? rows.indexOf(row) : -1;
    const groupKey = row?.dataset.group;
    const group = groups.find((g) => g.key === groupKey);
    const mention = group?.mentions.find((m) => m.key === row?.dataset.mention) ?? null;
    const move = (to: number) => rows[Math.max(0, Math.min(rows.length - 1, to))]?.focus();
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    let handled = true;
    if (key === 'ArrowDown' || key === 'j') move(index + 1);
    else if (key === 'ArrowUp' || key === 'k') move(index - 1);
    else if (key === 'Home') move(0);
    else if (key === 'End') move(rows.length - 1);
    else if (key === 'ArrowRight' && group && !mention && !expanded.has(group.key)) toggle(group);
    else if (key === 'ArrowLeft' && group && (mention || expanded.has(group.key))) {
      if (expanded.has(group.key)) toggle(group);
      focusAfter.current = rows.findIndex((r) => r.dataset.group === group.key && !r.dataset.mention);
    } else if (key === 'a' && group) void act('accept', group, mention);
    else if (key === 'd' && group) void act('dismiss', group, mention);
    else handled = false;
    if (handled) {
      event.preventDefault();
      // The reader's own J/K walk the excerpts: inside this list they walk the suggestions.
      event.stopPropagation();
    }
  }

  return (
    <section className="suggestions" aria-labelledby={`${id}-title`}>
      <header className="suggestions-head">
        <h2 id={`${id}-title`}>Suggestions</h2>
        {status === 'ready' && (
          <span className="suggestions-count">
            {plural(groups.length, 'value', 'values')} · {plural(mentionCount, 'mention', 'mentions')}
          </span>
        )}
      </header>
      <p className="hint">
        Found in this text on this computer. <strong>Accept</strong> a person, organisation or law to link it to its
        entity page at every mention — no excerpts are made. Accepted dates and amounts become excerpts.
      </p>
      <div className="suggestions-options">
        <div className="field">
          <label htmlFor={`${id}-kind`}>Show</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="all">Everything ({groups.length})</option>
            {SUGGESTION_REVIEW_ORDER.map((k) => (
              <option key={k} value={k}>
                {SUGGESTION_KIND_LABELS[k]} ({groups.filter((g) => g.kind === k).length})
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={markExcerpts} onChange={(e) => setMarkExcerpts(e.target.checked)} />
          Also mark accepted names as excerpts
        </label>
      </div>
      <p className="keys-hint" id={`${id}-keys`}>
        <kbd>↑</kbd>
        <kbd>↓</kbd> or <kbd>J</kbd>
        <kbd>K</kbd> move · <kbd>Enter</kbd> show mentions · <kbd>A</kbd> accept · <kbd>D</kbd> dismiss
      </p>
      <ErrorNote message={error ?? review.error} />
      {/* Always present, so screen readers announce each change of what was done. */}
      <p className={done ? 'suggestions-done' : 'visually-hidden'} role="status">
        {done ?? ''}
      </p>
      {(status === 'computing' || (!review.data && !review.error)) && (
        <p className="hint suggestions-computing" role="status">
          Finding suggestions in this source… They are worked out in the background; you can keep reading.
        </p>
      )}
      {status === 'failed' && (
        <div className="suggestions-failed" role="alert">
          <p>
            {review.data?.reason === 'timeout'
              ? 'Upright stopped looking for suggestions here: this text took too long to go through. The source itself is fine.'
              : 'Upright could not look for suggestions in this text. The source itself is fine.'}
          </p>
          <button type="button" onClick={() => setRetry((n) => n + 1)}>
            Try again
          </button>
        </div>
      )}
      {status === 'ready' && shown.length === 0 && <p className="hint">Nothing left to review.</p>}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the keys act on the focused row's buttons, which remain clickable */}
      <div className="suggestion-groups" ref={listRef} onKeyDown={onKeyDown} aria-describedby={`${id}-keys`}>
        {sections.map((section) => (
          <section key={section.kind} aria-label={SUGGESTION_KIND_LABELS[section.kind]}>
            <h3 className="suggestion-kind">
              {SUGGESTION_KIND_LABELS[section.kind]} <span>{section.groups.length}</span>
            </h3>
            <ul className="suggestion-list" aria-label={`${SUGGESTION_KIND_LABELS[section.kind]} to review`}>
              {section.groups.map((g) => {
                const open = expanded.has(g.key);
                const count = plural(g.mentions.length, 'mention', 'mentions');
                const otherForms = g.forms.filter((f) => f !== g.value);
                return (
                  <li key={g.key} className={`suggestion-group kind-${g.kind}`}>
                    <div className="suggestion-row">
                      <button
                        type="button"
                        className="suggestion-value"
                        data-row=""
                        data-group={g.key}
                        aria-expanded={open}
                        aria-controls={`${id}-mentions-${groups.indexOf(g)}`}
                        onClick={() => toggle(g)}
                      >
                        <span className="suggestion-title">
                          <span className="twisty" aria-hidden="true">
                            {open ? '▾' : '▸'}
                          </span>
                          <span className="suggestion-text">{g.value}</span>
                          <span className="count-badge">{count}</span>
                        </span>
                        <span className="suggestion-meta">
                          {outcomeOf(g, markExcerpts)}
                          {otherForms.length > 0 ? ` · written ${otherForms.map((f) => `“${f}”`).join(', ')}` : ''}
                          {pagesOf(g) ? ` · ${pagesOf(g)}` : ''}
                        </span>
                      </button>
                      <span className="suggestion-actions">
                        <button
                          type="button"
                          className="primary small"
                          disabled={busy}
                          onClick={() => void act('accept', g, null)}
                          aria-label={`Accept ${g.value} (${count})`}
                          title="Accept every mention (A)"
                        >
                          Accept
                        </button>
                        <button
                          type="button"
                          className="small"
                          disabled={busy}
                          onClick={() => void act('dismiss', g, null)}
                          aria-label={`Dismiss ${g.value} (${count})`}
                          title="Dismiss every mention (D)"
                        >
                          Dismiss
                        </button>
                      </span>
                    </div>
                    {open && (
                      <ol
                        className="suggestion-mentions"
                        id={`${id}-mentions-${groups.indexOf(g)}`}
                        aria-label={`Mentions of ${g.value}`}
                      >
                        {g.mentions.map((m) => (
                          <li key={m.key}>
                            <button
                              type="button"
                              className="suggestion-context"
                              data-row=""
                              data-group={g.key}
                              data-mention={m.key}
                              onClick={() => onShow(m)}
                              onFocus={() => onShow(m)}
                              title="Show in the text"
                            >
                              {m.page ? <span className="suggestion-page">p. {m.page}</span> : null}
                              <span>
                                …{m.before}
                                <mark>{m.text}</mark>
                                {m.after}…
                              </span>
                            </button>
                            <span className="suggestion-actions">
                              <button
                                type="button"
                                className="small"
                                disabled={busy}
                                onClick={() => void act('accept', g, m)}
                                aria-label={`Accept only this mention: ${m.text}${m.page ? `, page ${m.page}` : ''}`}
                                title="Accept only this mention (A)"
                              >
                                Accept
                              </button>
                              <button
                                type="button"
                                className="small"
                                disabled={busy}
                                onClick={() => void act('dismiss', g, m)}
                                aria-label={`Dismiss only this mention: ${m.text}${m.page ? `, page ${m.page}` : ''}`}
                                title="Not this one (D)"
                              >
                                Dismiss
                              </button>
                            </span>
                          </li>
                        ))}
                      </ol>
                    )}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
