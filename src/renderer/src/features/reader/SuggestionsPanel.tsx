import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { FormattedMessage, type IntlShape, useIntl } from 'react-intl';
import {
  SUGGESTION_KIND_MESSAGES,
  SUGGESTION_REVIEW_ORDER,
  type SuggestionGroup,
  type SuggestionMention,
} from '../../../../shared/api.ts';
import { invalidateAreas, mutate, useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useLabels } from '../../i18n/labels.ts';

interface Props {
  sourceId: string;
  /** Bring a mention into view in the text. */
  onShow: (mention: SuggestionMention) => void;
  /** After an acceptance (the cache reloads the excerpts and entities it made or linked). */
  onAccepted: () => void;
}

type Kind = SuggestionGroup['kind'];

function pagesOf(intl: IntlShape, group: SuggestionGroup): string {
  const pages = [...new Set(group.mentions.map((m) => m.page).filter((p): p is number => p !== null))];
  if (pages.length === 0) return '';
  if (pages.length === 1)
    return intl.formatMessage({ id: 'reader.suggestions.page', defaultMessage: 'p. {page}' }, { page: pages[0] });
  return pages.length <= 4
    ? intl.formatMessage(
        { id: 'reader.suggestions.pages', defaultMessage: 'pp. {pages}' },
        { pages: intl.formatList(pages.map(String), { type: 'unit', style: 'short' }) },
      )
    : intl.formatMessage(
        { id: 'reader.suggestions.pageRange', defaultMessage: 'pp. {first}–{last}' },
        { first: pages[0], last: pages[pages.length - 1] },
      );
}

/** What accepting a group does, in the words shown under it. */
function outcomeOf(intl: IntlShape, group: SuggestionGroup, markExcerpts: boolean): string {
  if (!group.entity)
    return intl.formatMessage(
      {
        id: 'reader.suggestions.outcome.excerpts',
        defaultMessage: 'Accept marks {count, plural, one {# excerpt} other {# excerpts}}',
      },
      { count: group.mentions.length },
    );
  const values = { kind: group.entity.kind, name: group.entity.name, mark: markExcerpts ? 'yes' : 'no' };
  return group.entity.id
    ? intl.formatMessage(
        {
          id: 'reader.suggestions.outcome.link',
          defaultMessage:
            'Links to your {kind, select, person {person} organisation {organisation} place {place} legal_provision {legal provision} instrument {international instrument} other {entity}} “{name}”{mark, select, yes {, and marks excerpts} other {}}',
        },
        values,
      )
    : intl.formatMessage(
        {
          id: 'reader.suggestions.outcome.add',
          defaultMessage:
            'Adds a new {kind, select, person {person} organisation {organisation} place {place} legal_provision {legal provision} instrument {international instrument} other {entity}}{mark, select, yes {, and marks excerpts} other {}}',
        },
        values,
      );
}

/** What an acceptance did: mentions linked to an entity, excerpts marked, or both. */
function acceptedText(intl: IntlShape, what: string, linked: number, name: string, marked: number): string {
  const values = { what, linked, name, marked };
  if (linked && marked)
    return intl.formatMessage(
      {
        id: 'reader.suggestions.accepted.both',
        defaultMessage:
          'Accepted {what}: linked {linked, plural, one {# mention} other {# mentions}} to {name}, {marked, plural, one {# excerpt} other {# excerpts}} marked.',
      },
      values,
    );
  if (linked)
    return intl.formatMessage(
      {
        id: 'reader.suggestions.accepted.linked',
        defaultMessage: 'Accepted {what}: linked {linked, plural, one {# mention} other {# mentions}} to {name}.',
      },
      values,
    );
  if (marked)
    return intl.formatMessage(
      {
        id: 'reader.suggestions.accepted.marked',
        defaultMessage: 'Accepted {what}: {marked, plural, one {# excerpt} other {# excerpts}} marked.',
      },
      values,
    );
  return intl.formatMessage({ id: 'reader.suggestions.accepted', defaultMessage: 'Accepted {what}.' }, values);
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
  const intl = useIntl();
  const errorText = useErrorText();
  const kindLabels = useLabels(SUGGESTION_KIND_MESSAGES);
  // Computed in the background: main's 'suggestion.ready' marks this read stale and it loads again.
  // After a failure, "Try again" asks with retry (and again on each further press).
  const [retry, setRetry] = useState(false);
  const review = useApi('suggestion.review', { sourceId, retry });
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const [markExcerpts, setMarkExcerpts] = useState(false);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mentionsOf = (count: number) =>
    intl.formatMessage(
      { id: 'reader.suggestions.mentions', defaultMessage: '{count, plural, one {# mention} other {# mentions}}' },
      { count },
    );
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
    const what = mention
      ? intl.formatMessage(
          { id: 'reader.suggestions.what.mention', defaultMessage: '“{text}”' },
          { text: mention.text },
        )
      : intl.formatMessage(
          {
            id: 'reader.suggestions.what.group',
            defaultMessage: '{value} ({count, plural, one {# mention} other {# mentions}})',
          },
          { value: group.value, count: keys.length },
        );
    try {
      if (action === 'accept') {
        const result = await mutate('suggestion.accept', { sourceId, keys, markExcerpts });
        onAccepted();
        setDone(
          acceptedText(intl, what, result.mentionsLinked, group.entity?.name ?? group.value, result.excerpts.length),
        );
      } else {
        await mutate('suggestion.dismiss', mention ? { sourceId, keys } : { sourceId, groups: [group.key] });
        setDone(
          intl.formatMessage({ id: 'reader.suggestions.dismissed', defaultMessage: 'Dismissed {what}.' }, { what }),
        );
      }
    } catch (e) {
      focusAfter.current = null;
      setError(errorText(e));
      void invalidateAreas(['suggestion']);
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
        <h2 id={`${id}-title`}>
          <FormattedMessage id="reader.suggestions.title" defaultMessage="Suggestions" />
        </h2>
        {status === 'ready' && (
          <span className="suggestions-count">
            <FormattedMessage
              id="reader.suggestions.count"
              defaultMessage="{values, plural, one {# value} other {# values}} · {mentions, plural, one {# mention} other {# mentions}}"
              values={{ values: groups.length, mentions: mentionCount }}
            />
          </span>
        )}
      </header>
      <p className="hint">
        <FormattedMessage
          id="reader.suggestions.hint"
          defaultMessage="Found in this text on this computer. <b>Accept</b> a person, organisation or law to link it to its entity page at every mention — no excerpts are made. Accepted dates and amounts become excerpts."
          values={{ b: (chunks) => <strong>{chunks}</strong> }}
        />
      </p>
      <div className="suggestions-options">
        <div className="field">
          <label htmlFor={`${id}-kind`}>
            <FormattedMessage id="reader.suggestions.show" defaultMessage="Show" />
          </label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
            <option value="all">
              {intl.formatMessage(
                { id: 'reader.suggestions.show.all', defaultMessage: 'Everything ({count, number})' },
                { count: groups.length },
              )}
            </option>
            {SUGGESTION_REVIEW_ORDER.map((k) => (
              <option key={k} value={k}>
                {intl.formatMessage(
                  { id: 'reader.suggestions.show.kind', defaultMessage: '{kind} ({count, number})' },
                  { kind: kindLabels[k], count: groups.filter((g) => g.kind === k).length },
                )}
              </option>
            ))}
          </select>
        </div>
        <label className="check">
          <input type="checkbox" checked={markExcerpts} onChange={(e) => setMarkExcerpts(e.target.checked)} />
          <FormattedMessage
            id="reader.suggestions.markExcerpts"
            defaultMessage="Also mark accepted names as excerpts"
          />
        </label>
      </div>
      <p className="keys-hint" id={`${id}-keys`}>
        <FormattedMessage
          id="reader.suggestions.keys"
          defaultMessage="<kbd>↑</kbd><kbd>↓</kbd> or <kbd>J</kbd><kbd>K</kbd> move · <kbd>Enter</kbd> show mentions · <kbd>A</kbd> accept · <kbd>D</kbd> dismiss"
          values={{ kbd: (chunks) => <kbd>{chunks}</kbd> }}
        />
      </p>
      <ErrorNote message={error ?? (review.error ? errorText(review.error) : null)} />
      {/* Always present, so screen readers announce each change of what was done. */}
      <p className={done ? 'suggestions-done' : 'visually-hidden'} role="status">
        {done ?? ''}
      </p>
      {(status === 'computing' || (!review.data && !review.error)) && (
        <p className="hint suggestions-computing" role="status">
          <FormattedMessage
            id="reader.suggestions.computing"
            defaultMessage="Finding suggestions in this source… They are worked out in the background; you can keep reading."
          />
        </p>
      )}
      {status === 'failed' && (
        <div className="suggestions-failed" role="alert">
          <p>
            {review.data?.reason === 'timeout' ? (
              <FormattedMessage
                id="reader.suggestions.failed.timeout"
                defaultMessage="Upright stopped looking for suggestions here: this text took too long to go through. The source itself is fine."
              />
            ) : (
              <FormattedMessage
                id="reader.suggestions.failed"
                defaultMessage="Upright could not look for suggestions in this text. The source itself is fine."
              />
            )}
          </p>
          <button type="button" onClick={() => (retry ? void review.refetch() : setRetry(true))}>
            <FormattedMessage id="reader.suggestions.retry" defaultMessage="Try again" />
          </button>
        </div>
      )}
      {status === 'ready' && shown.length === 0 && (
        <p className="hint">
          <FormattedMessage id="reader.suggestions.empty" defaultMessage="Nothing left to review." />
        </p>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: the keys act on the focused row's buttons, which remain clickable */}
      <div className="suggestion-groups" ref={listRef} onKeyDown={onKeyDown} aria-describedby={`${id}-keys`}>
        {sections.map((section) => (
          <section key={section.kind} aria-label={kindLabels[section.kind]}>
            <h3 className="suggestion-kind">
              {kindLabels[section.kind]} <span>{section.groups.length}</span>
            </h3>
            <ul
              className="suggestion-list"
              aria-label={intl.formatMessage(
                { id: 'reader.suggestions.list', defaultMessage: '{kind} to review' },
                { kind: kindLabels[section.kind] },
              )}
            >
              {section.groups.map((g) => {
                const open = expanded.has(g.key);
                const count = mentionsOf(g.mentions.length);
                const pages = pagesOf(intl, g);
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
                          {outcomeOf(intl, g, markExcerpts)}
                          {otherForms.length > 0
                            ? ` · ${intl.formatMessage(
                                { id: 'reader.suggestions.forms', defaultMessage: 'written {forms}' },
                                {
                                  forms: intl.formatList(
                                    otherForms.map((form) =>
                                      intl.formatMessage(
                                        { id: 'reader.suggestions.form', defaultMessage: '“{form}”' },
                                        { form },
                                      ),
                                    ),
                                  ),
                                },
                              )}`
                            : null}
                          {pages ? ` · ${pages}` : null}
                        </span>
                      </button>
                      <span className="suggestion-actions">
                        <button
                          type="button"
                          className="primary small"
                          disabled={busy}
                          onClick={() => void act('accept', g, null)}
                          aria-label={intl.formatMessage(
                            { id: 'reader.suggestions.acceptGroup', defaultMessage: 'Accept {value} ({count})' },
                            { value: g.value, count },
                          )}
                          title={intl.formatMessage({
                            id: 'reader.suggestions.acceptGroup.hint',
                            defaultMessage: 'Accept every mention (A)',
                          })}
                        >
                          <FormattedMessage id="reader.suggestions.accept" defaultMessage="Accept" />
                        </button>
                        <button
                          type="button"
                          className="small"
                          disabled={busy}
                          onClick={() => void act('dismiss', g, null)}
                          aria-label={intl.formatMessage(
                            { id: 'reader.suggestions.dismissGroup', defaultMessage: 'Dismiss {value} ({count})' },
                            { value: g.value, count },
                          )}
                          title={intl.formatMessage({
                            id: 'reader.suggestions.dismissGroup.hint',
                            defaultMessage: 'Dismiss every mention (D)',
                          })}
                        >
                          <FormattedMessage id="reader.suggestions.dismiss" defaultMessage="Dismiss" />
                        </button>
                      </span>
                    </div>
                    {open && (
                      <ol
                        className="suggestion-mentions"
                        id={`${id}-mentions-${groups.indexOf(g)}`}
                        aria-label={intl.formatMessage(
                          { id: 'reader.suggestions.mentionsOf', defaultMessage: 'Mentions of {value}' },
                          { value: g.value },
                        )}
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
                              title={intl.formatMessage({
                                id: 'reader.suggestions.showInText',
                                defaultMessage: 'Show in the text',
                              })}
                            >
                              {m.page ? (
                                <span className="suggestion-page">
                                  <FormattedMessage
                                    id="reader.suggestions.page"
                                    defaultMessage="p. {page}"
                                    values={{ page: m.page }}
                                  />
                                </span>
                              ) : null}
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
                                aria-label={intl.formatMessage(
                                  {
                                    id: 'reader.suggestions.acceptMention',
                                    defaultMessage:
                                      'Accept only this mention: {text}{page, plural, =0 {} other {, page {page}}}',
                                  },
                                  { text: m.text, page: m.page ?? 0 },
                                )}
                                title={intl.formatMessage({
                                  id: 'reader.suggestions.acceptMention.hint',
                                  defaultMessage: 'Accept only this mention (A)',
                                })}
                              >
                                <FormattedMessage id="reader.suggestions.accept" defaultMessage="Accept" />
                              </button>
                              <button
                                type="button"
                                className="small"
                                disabled={busy}
                                onClick={() => void act('dismiss', g, m)}
                                aria-label={intl.formatMessage(
                                  {
                                    id: 'reader.suggestions.dismissMention',
                                    defaultMessage:
                                      'Dismiss only this mention: {text}{page, plural, =0 {} other {, page {page}}}',
                                  },
                                  { text: m.text, page: m.page ?? 0 },
                                )}
                                title={intl.formatMessage({
                                  id: 'reader.suggestions.dismissMention.hint',
                                  defaultMessage: 'Not this one (D)',
                                })}
                              >
                                <FormattedMessage id="reader.suggestions.dismiss" defaultMessage="Dismiss" />
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
