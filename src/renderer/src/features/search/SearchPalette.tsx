import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { SearchHit } from '../../../../shared/api.ts';
import { useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useDebounced } from '../../components/useDebounced.ts';
import { useErrorText } from '../../i18n/errors.ts';
import { CappedNote, HitBody, isQuerySyntaxError, KIND_HEADINGS, useTopHits } from './HitParts.tsx';
import { groupByKind, hitsOf } from './results.ts';

/** How many hits of each kind the palette shows; the search screen has them all. */
const PER_KIND = 5;

/**
 * The quick palette (Ctrl/Cmd+K): type, see the top hits grouped by kind, arrows and Enter open
 * one, Escape closes. Scoped to the dossier open behind it, with a switch to search everywhere.
 * A combobox over a listbox, so a screen reader follows the arrow keys.
 */
export function SearchPalette({
  dossierId,
  onClose,
  onOpen,
  onShowAll,
}: {
  /** The dossier open behind the palette, if any: searched first. */
  dossierId: string | null;
  onClose: () => void;
  onOpen: (hit: SearchHit) => void;
  /** Open the search screen with these words and scope (every result, filters, saved searches). */
  onShowAll: (query: string, dossierId: string | null) => void;
}) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [everywhere, setEverywhere] = useState(dossierId === null);
  const [active, setActive] = useState(0);
  // Short: a search answers in tens of milliseconds, so waiting longer only delays the results.
  const query = useDebounced(text.trim(), 40);
  const scope = everywhere ? null : dossierId;
  const dossier = useApi('dossier.get', { id: dossierId ?? '' }, { enabled: dossierId !== null });
  const search = useTopHits(query, scope ? { dossierId: scope } : {}, PER_KIND * 8);
  const rows = useMemo(
    () => (query && search.pages ? groupByKind(search.pages.hits, search.pages.totals, PER_KIND) : []),
    [query, search.pages],
  );
  const hits = useMemo(() => hitsOf(rows), [rows]);
  // New results: the first is the one Enter opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset on each new list of hits
  useEffect(() => setActive(0), [hits]);

  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const dialog = dialogRef.current;
    const opener = document.activeElement as HTMLElement | null;
    dialog?.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      closeRef.current();
    };
    dialog?.addEventListener('cancel', onCancel);
    return () => {
      dialog?.removeEventListener('cancel', onCancel);
      dialog?.close();
      opener?.focus?.();
    };
  }, []);

  // Keep the chosen hit in view as the arrows move through a long list.
  useEffect(() => {
    document.getElementById(`${id}-hit-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => (i + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((i) => (i - 1 + hits.length) % hits.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const hit = hits[active];
      if (hit) onOpen(hit);
      else if (text.trim()) onShowAll(text.trim(), scope);
    }
  };

  const syntaxError = search.error && isQuerySyntaxError(search.error) ? search.error : null;
  let index = -1;
  return (
    <dialog ref={dialogRef} className="modal palette" aria-labelledby={`${id}-label`}>
      <div className="palette-box">
        <label id={`${id}-label`} htmlFor={`${id}-input`} className="visually-hidden">
          {scope ? (
            <FormattedMessage
              id="palette.label.in"
              defaultMessage="Search in {dossier}"
              values={{ dossier: dossier.data?.title ?? '…' }}
            />
          ) : (
            <FormattedMessage id="palette.label" defaultMessage="Search everywhere" />
          )}
        </label>
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={hits.length > 0 ? `${id}-hit-${active}` : undefined}
          aria-describedby={`${id}-keys`}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          maxLength={500}
          placeholder={intl.formatMessage({ id: 'palette.placeholder', defaultMessage: 'Search…' })}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
        />
      </div>
      <p className="palette-scope">
        {scope ? (
          <>
            <FormattedMessage
              id="palette.scope.in"
              defaultMessage="Searching in {dossier}."
              values={{ dossier: <strong>{dossier.data?.title ?? '…'}</strong> }}
            />{' '}
            <button type="button" className="link" onClick={() => setEverywhere(true)}>
              <FormattedMessage id="palette.scope.everywhere" defaultMessage="Search all dossiers" />
            </button>
          </>
        ) : (
          <>
            <FormattedMessage id="palette.scope.all" defaultMessage="Searching all dossiers." />
            {dossierId !== null && (
              <>
                {' '}
                <button type="button" className="link" onClick={() => setEverywhere(false)}>
                  <FormattedMessage
                    id="palette.scope.back"
                    defaultMessage="Only {dossier}"
                    values={{ dossier: dossier.data?.title ?? '…' }}
                  />
                </button>
              </>
            )}
          </>
        )}
      </p>
      {syntaxError ? (
        <p className="search-problem" role="alert">
          {errorText(syntaxError)}
        </p>
      ) : search.error ? (
        <ErrorNote message={errorText(search.error)} />
      ) : null}
      {/* The listbox is always there (the combobox points at it); it is empty until hits come. */}
      <div id={`${id}-list`} role="listbox" className="palette-list" aria-labelledby={`${id}-label`}>
        {rows.map((row) => {
          if (row.type === 'heading') {
            return (
              <div key={`#${row.kind}`} role="presentation" className="palette-kind">
                {intl.formatMessage(KIND_HEADINGS[row.kind], { count: row.total })}
              </div>
            );
          }
          index += 1;
          const i = index;
          return (
            // The input keeps focus (aria-activedescendant); a click opens the hit.
            // biome-ignore lint/a11y/useKeyWithClickEvents: the keyboard works through the combobox
            <div
              // Passages of one source share its id: the position makes the key unique.
              key={`${row.hit.kind}:${row.hit.id}:${i}`}
              id={`${id}-hit-${i}`}
              role="option"
              aria-selected={i === active}
              tabIndex={-1}
              className={i === active ? 'palette-hit active' : 'palette-hit'}
              onMouseMove={() => setActive(i)}
              onClick={() => onOpen(row.hit)}
            >
              <HitBody hit={row.hit} showDossier={scope === null} />
            </div>
          );
        })}
      </div>
      {query && !search.error && search.pages && (
        <p className="palette-foot" role="status">
          {search.pages.total === 0 ? (
            <FormattedMessage
              id="palette.empty"
              defaultMessage="Nothing found for “{query}”. Try the beginning of a word with a star (harvest*), or search all dossiers."
              values={{ query }}
            />
          ) : (
            <FormattedMessage
              id="palette.count"
              defaultMessage="{total, plural, one {# result} other {# results}}"
              values={{ total: search.pages.total }}
            />
          )}{' '}
          {search.pages.capped && (
            <>
              <CappedNote />{' '}
            </>
          )}
          <button type="button" className="link" onClick={() => onShowAll(query, scope)}>
            <FormattedMessage id="palette.showAll" defaultMessage="Open in the search screen, with filters" />
          </button>
        </p>
      )}
      <p className="hint palette-keys" id={`${id}-keys`}>
        <FormattedMessage id="palette.keys" defaultMessage="↑ ↓ choose · Enter opens · Esc closes" />
      </p>
    </dialog>
  );
}
