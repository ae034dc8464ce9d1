import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { draftsApi } from '../../../../shared/api/drafts.ts';
import type { DraftSummary } from '../../../../shared/api.ts';
import {
  DRAFT_TEMPLATES,
  type DraftTemplate,
  UN_LANGUAGES,
  type UnLanguage,
  WORD_LIMITS,
} from '../../../../shared/draft.ts';
import { useApi, useApiMutation } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { languageName } from './CoverForm.tsx';
import { savedAt, TEMPLATE_LABELS } from './labels.ts';

/**
 * The language a new submission is written in, at first the interface's: a Russian interface starts
 * Russian submissions. Kazakh is not a UN language; a Kazakh-speaking lawyer files in Russian.
 */
export function defaultSubmissionLanguage(locale: string): UnLanguage {
  const primary = locale.split('-')[0] ?? '';
  if (primary === 'kk') return 'ru';
  return (UN_LANGUAGES as readonly string[]).includes(primary) ? (primary as UnLanguage) : 'en';
}

function TemplateHint({ template }: { template: DraftTemplate }) {
  const limit = WORD_LIMITS[template];
  return template === 'individual' ? (
    <FormattedMessage
      id="drafts.new.hint.individual"
      defaultMessage="One organisation; up to {limit, number} words."
      values={{ limit }}
    />
  ) : (
    <FormattedMessage
      id="drafts.new.hint.joint"
      defaultMessage="Several organisations (a coalition); up to {limit, number} words."
      values={{ limit }}
    />
  );
}

function NewSubmission({ dossierId, onCreated }: { dossierId: string; onCreated: (draft: DraftSummary) => void }) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const [title, setTitle] = useState('');
  const [template, setTemplate] = useState<DraftTemplate>('individual');
  const [language, setLanguage] = useState<UnLanguage>(() => defaultSubmissionLanguage(intl.locale));
  const [invalid, setInvalid] = useState(false);
  const create = useApiMutation('draft.create', { onSuccess: (d) => onCreated({ ...d, words: 0 }) });
  // An example title: the field's placeholder, and the hint when the title is left blank.
  const example = intl.formatMessage({
    id: 'drafts.new.titleExample',
    defaultMessage: 'UPR Kazakhstan 2027 — trade union rights',
  });
  return (
    <form
      className="new-draft"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        // The same rules as the API's: a title that is not blank once trimmed.
        const params = draftsApi['draft.create'].params.safeParse({ dossierId, title, template, language });
        setInvalid(!params.success);
        if (params.success) create.mutate(params.data);
      }}
    >
      <h3 id={`${id}-title`}>
        <FormattedMessage id="drafts.new.heading" defaultMessage="New submission" />
      </h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>
          <FormattedMessage id="drafts.new.title" defaultMessage="Title" />
        </label>
        <input
          id={`${id}-name`}
          value={title}
          maxLength={300}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={example}
        />
      </div>
      <fieldset className="template-choice">
        <legend>
          <FormattedMessage id="drafts.new.template" defaultMessage="Template" />
        </legend>
        {DRAFT_TEMPLATES.map((t) => (
          <label key={t} className="radio-line">
            <input
              type="radio"
              name={`${id}-template`}
              value={t}
              checked={template === t}
              onChange={() => setTemplate(t)}
            />
            <span>
              <FormattedMessage {...TEMPLATE_LABELS[t]} />
              <span className="hint">
                {' '}
                <TemplateHint template={t} />
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-language`}>
          <FormattedMessage id="drafts.new.language" defaultMessage="Language of the submission" />
        </label>
        <select
          id={`${id}-language`}
          value={language}
          onChange={(e) => setLanguage(e.target.value as UnLanguage)}
          aria-describedby={`${id}-language-hint`}
        >
          {UN_LANGUAGES.map((code) => (
            <option key={code} value={code}>
              {languageName(intl.locale, code) ?? code}
            </option>
          ))}
        </select>
        <p className="hint" id={`${id}-language-hint`}>
          <FormattedMessage
            id="drafts.new.languageHint"
            defaultMessage="The template’s headings, the cover and the notes are printed in it."
          />
        </p>
      </div>
      <ErrorNote
        message={
          invalid
            ? intl.formatMessage(
                {
                  id: 'drafts.new.titleMissing',
                  defaultMessage: 'Give the submission a title, for example “{example}”.',
                },
                { example },
              )
            : create.error
              ? errorText(create.error)
              : null
        }
      />
      <button type="submit" className="primary" disabled={create.isPending}>
        <FormattedMessage id="drafts.new.create" defaultMessage="Create submission" />
      </button>
    </form>
  );
}

/** A dossier's submission drafts, and a way to start one. */
export function DraftList({ dossierId, onOpen }: { dossierId: string; onOpen: (draft: DraftSummary) => void }) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const drafts = useApi('draft.list', { dossierId });
  const [confirming, setConfirming] = useState<string | null>(null);
  // The list reloads through the cache once the draft is gone.
  const remove = useApiMutation('draft.delete', { onSuccess: () => setConfirming(null) });
  const failure = drafts.error ?? remove.error;

  return (
    <div className="drafts-tab">
      <section className="card" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>
          {drafts.data ? (
            <FormattedMessage
              id="drafts.list.headingCount"
              defaultMessage="Submissions ({count, number})"
              values={{ count: drafts.data.length }}
            />
          ) : (
            <FormattedMessage id="drafts.list.heading" defaultMessage="Submissions" />
          )}
        </h2>
        <ErrorNote message={failure ? errorText(failure) : null} />
        {drafts.data?.length === 0 && (
          <p className="hint">
            <FormattedMessage
              id="drafts.list.empty"
              defaultMessage="No submission yet. Start one from the individual or joint UPR template."
            />
          </p>
        )}
        {drafts.data && drafts.data.length > 0 && (
          <table className="sources-table drafts-table">
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="drafts.list.column.title" defaultMessage="Title" />
                </th>
                <th scope="col">
                  <FormattedMessage id="drafts.list.column.template" defaultMessage="Template" />
                </th>
                <th scope="col">
                  <FormattedMessage id="drafts.list.column.words" defaultMessage="Words" />
                </th>
                <th scope="col">
                  <FormattedMessage id="drafts.list.column.updated" defaultMessage="Updated" />
                </th>
                <th scope="col">
                  <span className="visually-hidden">
                    <FormattedMessage id="drafts.list.column.actions" defaultMessage="Actions" />
                  </span>
                </th>
              </tr>
            </thead>
            <tbody>
              {drafts.data.map((d) => (
                <tr key={d.id}>
                  <td>
                    <button type="button" className="link" onClick={() => onOpen(d)}>
                      {d.title}
                    </button>
                  </td>
                  <td>
                    <FormattedMessage {...TEMPLATE_LABELS[d.template]} />
                  </td>
                  <td className={d.words > WORD_LIMITS[d.template] ? 'over' : undefined}>
                    <FormattedMessage
                      id="drafts.list.words"
                      defaultMessage="{words, number} / {limit, number}"
                      description="Words written of the template's limit, in the list of submissions"
                      values={{ words: d.words, limit: WORD_LIMITS[d.template] }}
                    />
                  </td>
                  <td>{savedAt(intl, d.updatedAt)}</td>
                  <td className="row-actions">
                    {confirming === d.id ? (
                      <>
                        <span>
                          <FormattedMessage
                            id="drafts.list.confirmDelete"
                            defaultMessage="Delete this draft and its versions?"
                          />
                        </span>{' '}
                        <button
                          type="button"
                          className="danger"
                          disabled={remove.isPending}
                          onClick={() => remove.mutate({ id: d.id })}
                        >
                          <FormattedMessage id="drafts.list.delete" defaultMessage="Delete" />
                        </button>{' '}
                        <button type="button" onClick={() => setConfirming(null)}>
                          <FormattedMessage id="drafts.list.keep" defaultMessage="Keep" />
                        </button>
                      </>
                    ) : (
                      <button
                        type="button"
                        className="ghost"
                        onClick={() => {
                          remove.reset();
                          setConfirming(d.id);
                        }}
                      >
                        <FormattedMessage id="drafts.list.deleteAsk" defaultMessage="Delete…" />
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <NewSubmission dossierId={dossierId} onCreated={onOpen} />
      </section>
    </div>
  );
}
