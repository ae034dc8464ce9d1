import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Code, Excerpt, LinkEnd } from '../../../../shared/api.ts';
import {
  CONFIDENTIALITY,
  CONFIDENTIALITY_MESSAGES,
  type Confidentiality,
  STANCE_MESSAGES,
  STANCES,
  type Stance,
} from '../../../../shared/domain.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import { mutate } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useSaveBeforeLock } from '../../components/useSaveBeforeLock.ts';
import { VocabularySelect } from '../../components/VocabularySelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useLabels } from '../../i18n/labels.ts';
import { EntityField } from '../entities/EntityField.tsx';
import { ExcerptLinks } from '../excerpts/ExcerptLinks.tsx';
import { EvidenceForRecommendation } from '../recommendations/EvidenceForRecommendation.tsx';
import { NewEventFromExcerpt } from '../timeline/EventForm.tsx';

interface Props {
  excerpt: Excerpt;
  /** The dossier whose excerpts it can be linked to. */
  dossierId: string;
  codes: Code[];
  /** The excerpt went, and with it this many links to other excerpts. */
  onDeleted: (linksRemoved: number) => void;
  /** Open the excerpt at the other end of a link. */
  onOpenExcerpt: (other: LinkEnd) => void;
  onClose: () => void;
  /** Focus the code field when the excerpt was just created (keyboard coding). */
  focusCodes: boolean;
}

/** What each level does, said where it is chosen: all three, so the choice is made knowing the others. */
const CONFIDENTIALITY_HELP = defineMessages({
  public: {
    id: 'reader.inspector.confidentiality.help.public',
    defaultMessage: '<b>{level}</b>: may be cited anywhere, in submissions and in excerpt exports.',
  },
  restricted: {
    id: 'reader.inspector.confidentiality.help.restricted',
    defaultMessage:
      '<b>{level}</b>: for the team. A submission cites it only if you confirm at export that its source may be named; excerpt exports leave it out unless you ask.',
  },
  never_export: {
    id: 'reader.inspector.confidentiality.help.never_export',
    defaultMessage: '<b>{level}</b>: stays in the vault, left out of every submission and every export.',
  },
});

/** Edits one excerpt: codes and entities (typed by name, created inline), note, confidentiality, stance. */
export function ExcerptInspector({ excerpt, dossierId, codes, onDeleted, onOpenExcerpt, onClose, focusCodes }: Props) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const confidentialityLabels = useLabels(CONFIDENTIALITY_MESSAGES);
  const stanceLabels = useLabels(STANCE_MESSAGES);
  // Each write below goes through the query cache, which reloads the highlights, counts and lists.
  const [note, setNote] = useState(excerpt.note);
  const [codeName, setCodeName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const codeInput = useRef<HTMLInputElement>(null);
  // The note as last sent to the vault: it is saved on blur, and before a lock even without one.
  const sentNote = useRef(excerpt.note);
  useEffect(() => {
    sentNote.current = excerpt.note;
    setNote(excerpt.note);
  }, [excerpt.note]);
  useEffect(() => {
    if (focusCodes) codeInput.current?.focus();
  }, [focusCodes]);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorText(e));
    }
  }

  const update = (patch: {
    note?: string;
    codeIds?: string[];
    confidentiality?: Confidentiality;
    stance?: Stance | null;
  }) => run(() => mutate('excerpt.update', { id: excerpt.id, ...patch }));

  async function saveNote(): Promise<void> {
    if (note === sentNote.current) return;
    const before = sentNote.current;
    sentNote.current = note;
    setError(null);
    try {
      await mutate('excerpt.update', { id: excerpt.id, note });
    } catch (e) {
      sentNote.current = before; // not saved: the next blur or lock tries again
      setError(errorText(e));
    }
  }
  useSaveBeforeLock(saveNote);

  async function addCode() {
    const name = codeName.trim();
    if (!name) return;
    await run(async () => {
      const existing = codes.find((c) => c.name.toLowerCase() === name.toLowerCase());
      const code = existing ?? (await mutate('code.create', { name }));
      if (!excerpt.codeIds.includes(code.id))
        await mutate('excerpt.update', { id: excerpt.id, codeIds: [...excerpt.codeIds, code.id] });
      setCodeName('');
    });
  }

  function onCodeKey(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      void addCode();
    }
  }

  const byId = new Map(codes.map((c) => [c.id, c]));
  return (
    <section className="inspector" aria-labelledby={`${id}-title`}>
      <div className="inspector-head">
        <h2 id={`${id}-title`}>
          {excerpt.page ? (
            <FormattedMessage
              id="reader.inspector.titleOnPage"
              defaultMessage="Excerpt, p. {page}"
              values={{ page: excerpt.page }}
            />
          ) : (
            <FormattedMessage id="reader.inspector.title" defaultMessage="Excerpt" />
          )}
        </h2>
        <button type="button" className="ghost" onClick={onClose}>
          <FormattedMessage id="reader.inspector.close" defaultMessage="Source details" />
        </button>
      </div>
      <blockquote className="inspector-quote">{excerpt.exact}</blockquote>
      <div className="field">
        <label htmlFor={`${id}-codes`}>
          <FormattedMessage id="reader.inspector.codes" defaultMessage="Codes" />
        </label>
        <ul
          className="code-chips"
          aria-label={intl.formatMessage({
            id: 'reader.inspector.codes.list',
            defaultMessage: 'Codes of this excerpt',
          })}
        >
          {excerpt.codeIds.map((codeId) => {
            const code = byId.get(codeId);
            return (
              <li key={codeId} style={{ backgroundColor: code?.colour }}>
                {code?.name ?? <FormattedMessage id="reader.inspector.codes.unknown" defaultMessage="Unknown code" />}
                <button
                  type="button"
                  aria-label={intl.formatMessage(
                    { id: 'reader.inspector.codes.remove', defaultMessage: 'Remove code {name}' },
                    { name: code?.name ?? '' },
                  )}
                  onClick={() => update({ codeIds: excerpt.codeIds.filter((c) => c !== codeId) })}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
        <input
          id={`${id}-codes`}
          ref={codeInput}
          list={`${id}-code-names`}
          value={codeName}
          onChange={(e) => setCodeName(e.target.value)}
          onKeyDown={onCodeKey}
          placeholder={intl.formatMessage({
            id: 'reader.inspector.codes.add',
            defaultMessage: 'Type a code name, Enter to add',
          })}
          autoComplete="off"
        />
        <datalist id={`${id}-code-names`}>
          {codes.map((c) => (
            <option key={c.id} value={c.name} />
          ))}
        </datalist>
      </div>
      <EntityField excerpt={excerpt} />
      <div className="field">
        <label htmlFor={`${id}-note`}>
          <FormattedMessage id="reader.inspector.note" defaultMessage="Note" />
        </label>
        <textarea
          id={`${id}-note`}
          rows={4}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          onBlur={() => void saveNote()}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-confidentiality`}>
          <FormattedMessage id="reader.inspector.confidentiality" defaultMessage="Confidentiality" />
        </label>
        <VocabularySelect
          id={`${id}-confidentiality`}
          value={excerpt.confidentiality}
          values={CONFIDENTIALITY}
          labels={confidentialityLabels}
          describedBy={`${id}-confidentiality-help`}
          onChange={(confidentiality) => confidentiality && update({ confidentiality })}
        />
        <ul id={`${id}-confidentiality-help`} className="hint confidentiality-help">
          {CONFIDENTIALITY.map((level) => (
            <li key={level} className={level === excerpt.confidentiality ? 'current' : undefined}>
              <FormattedMessage
                {...CONFIDENTIALITY_HELP[level]}
                values={{ level: confidentialityLabels[level], b: (chunks) => <strong>{chunks}</strong> }}
              />
            </li>
          ))}
        </ul>
      </div>
      <div className="field">
        <label htmlFor={`${id}-stance`}>
          <FormattedMessage id="reader.inspector.stance" defaultMessage="Stance" />
        </label>
        <VocabularySelect
          id={`${id}-stance`}
          value={excerpt.stance ?? ''}
          values={STANCES}
          labels={stanceLabels}
          blank={intl.formatMessage({ id: 'reader.inspector.stance.none', defaultMessage: 'Not set' })}
          onChange={(stance) => update({ stance: stance || null })}
        />
      </div>
      <ExcerptLinks dossierId={dossierId} excerpt={excerpt} onOpen={onOpenExcerpt} />
      <ErrorNote message={error} />
      <NewEventFromExcerpt excerptId={excerpt.id} className="excerpt-new-event" />
      <EvidenceForRecommendation dossierId={dossierId} excerptId={excerpt.id} className="excerpt-new-event" />
      <button
        type="button"
        className="danger"
        onClick={() =>
          void mutate('excerpt.delete', { id: excerpt.id })
            .then((result) => onDeleted(result.linksRemoved))
            .catch((e: unknown) => setError(errorText(e)))
        }
      >
        <FormattedMessage id="reader.inspector.delete" defaultMessage="Delete excerpt" />
      </button>
    </section>
  );
}
