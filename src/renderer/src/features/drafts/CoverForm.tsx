import { useEffect, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import {
  type DraftCover,
  type DraftTemplate,
  type SubmittingOrganisation,
  UN_LANGUAGES,
} from '../../../../shared/draft.ts';

/** A language's name in the interface language ("Russian", «русский»), from Intl, or null if unknown. */
export function languageName(locale: string, code: string): string | null {
  try {
    const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(code);
    return name ? name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) : null;
  } catch {
    return null;
  }
}

const EMPTY_ORGANISATION: SubmittingOrganisation = {
  name: '',
  acronym: '',
  city: '',
  country: '',
  activities: '',
  foundedYear: null,
  website: '',
};

/**
 * A whole-number field that only reports values inside its range; anything else stays on screen
 * with a message and is not saved, so a half-typed year never reaches the vault.
 */
function NumberField({
  label,
  value,
  min,
  max,
  field,
  hint,
  onChange,
}: {
  label: string;
  value: number | null;
  min: number;
  max: number;
  field: string;
  hint?: string;
  onChange: (value: number | null) => void;
}) {
  const id = useId();
  const intl = useIntl();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [error, setError] = useState<string | null>(null);
  // Follow the value when it changes from outside (an organisation removed above this one).
  useEffect(() => {
    setText((current) =>
      current.trim() !== '' && Number(current) === value ? current : value === null ? '' : String(value),
    );
    setError(null);
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        data-cover-field={field}
        className="short"
        inputMode="numeric"
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${id}-note` : undefined}
        onChange={(e) => {
          const raw = e.target.value;
          setText(raw);
          const trimmed = raw.trim();
          if (trimmed === '') {
            setError(null);
            onChange(null);
            return;
          }
          const n = Number(trimmed);
          if (!/^\d+$/.test(trimmed) || n < min || n > max) {
            setError(
              intl.formatMessage(
                {
                  id: 'drafts.cover.numberRange',
                  defaultMessage: 'Enter a whole number from {min, number, ::group-off} to {max, number, ::group-off}.',
                },
                { min, max },
              ),
            );
            return;
          }
          setError(null);
          onChange(n);
        }}
      />
      {(error || hint) && (
        <span id={`${id}-note`} className={error ? 'field-error' : 'hint'}>
          {error ?? hint}
        </span>
      )}
    </div>
  );
}

function TextField({
  label,
  value,
  field,
  onChange,
  placeholder,
  type = 'text',
  wide = false,
}: {
  label: string;
  value: string;
  field: string;
  onChange: (value: string) => void;
  placeholder?: string;
  type?: 'text' | 'email' | 'url';
  wide?: boolean;
}) {
  const id = useId();
  return (
    <div className={wide ? 'field span-2' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type={type}
        data-cover-field={field}
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function OrganisationFields({
  index,
  organisation,
  onChange,
  onRemove,
}: {
  index: number;
  organisation: SubmittingOrganisation;
  onChange: (organisation: SubmittingOrganisation) => void;
  onRemove: () => void;
}) {
  const id = useId();
  const intl = useIntl();
  const field = (name: keyof SubmittingOrganisation) => `organisations.${index}.${name}`;
  const set = (patch: Partial<SubmittingOrganisation>) => onChange({ ...organisation, ...patch });
  return (
    <fieldset className="organisation" data-cover-field={`organisations.${index}`}>
      <legend>
        {organisation.name ? (
          <FormattedMessage
            id="drafts.cover.organisationNamed"
            defaultMessage="Organisation {n}: {name}"
            values={{ n: index + 1, name: organisation.name }}
          />
        ) : (
          <FormattedMessage
            id="drafts.cover.organisation"
            defaultMessage="Organisation {n}"
            values={{ n: index + 1 }}
          />
        )}
      </legend>
      <div className="form-grid">
        <TextField
          label={intl.formatMessage({ id: 'drafts.cover.org.name', defaultMessage: 'Name' })}
          field={field('name')}
          value={organisation.name}
          onChange={(name) => set({ name })}
        />
        <TextField
          label={intl.formatMessage({ id: 'drafts.cover.org.acronym', defaultMessage: 'Acronym' })}
          field={field('acronym')}
          value={organisation.acronym}
          onChange={(acronym) => set({ acronym })}
        />
        <TextField
          label={intl.formatMessage({ id: 'drafts.cover.org.city', defaultMessage: 'City' })}
          field={field('city')}
          value={organisation.city}
          onChange={(city) => set({ city })}
        />
        <TextField
          label={intl.formatMessage({ id: 'drafts.cover.org.country', defaultMessage: 'Country' })}
          field={field('country')}
          value={organisation.country}
          onChange={(country) => set({ country })}
        />
        <NumberField
          label={intl.formatMessage({ id: 'drafts.cover.org.founded', defaultMessage: 'Founded in (year)' })}
          field={field('foundedYear')}
          value={organisation.foundedYear}
          min={1800}
          max={2100}
          onChange={(foundedYear) => set({ foundedYear })}
        />
        <TextField
          label={intl.formatMessage({ id: 'drafts.cover.org.website', defaultMessage: 'Website' })}
          type="url"
          field={field('website')}
          value={organisation.website}
          placeholder={intl.formatMessage({ id: 'drafts.cover.org.websiteExample', defaultMessage: 'https://…' })}
          onChange={(website) => set({ website })}
        />
        <div className="field span-2">
          <label htmlFor={`${id}-activities`}>
            <FormattedMessage id="drafts.cover.org.activities" defaultMessage="What the organisation does" />
          </label>
          <textarea
            id={`${id}-activities`}
            data-cover-field={field('activities')}
            rows={3}
            value={organisation.activities}
            onChange={(e) => set({ activities: e.target.value })}
          />
          <span className="hint">
            <FormattedMessage
              id="drafts.cover.org.activitiesHint"
              defaultMessage="One paragraph on its activities; printed on the cover with the founding year."
            />
          </span>
        </div>
      </div>
      <button type="button" className="danger" onClick={onRemove}>
        <FormattedMessage
          id="drafts.cover.org.remove"
          defaultMessage="Remove organisation {n}"
          values={{ n: index + 1 }}
        />
      </button>
    </fieldset>
  );
}

/** The cover page of the submission: who submits, on which review, and how to reach them. */
export function CoverForm({
  cover,
  template,
  onChange,
}: {
  cover: DraftCover;
  template: DraftTemplate;
  onChange: (cover: DraftCover) => void;
}) {
  const id = useId();
  const intl = useIntl();
  const [keywords, setKeywords] = useState(cover.keywords.join(', '));
  const set = (patch: Partial<DraftCover>) => onChange({ ...cover, ...patch });
  const organisations = cover.organisations;
  const canAdd = template === 'joint' || organisations.length === 0;
  const languages: string[] = [...UN_LANGUAGES];
  if (cover.language && !languages.includes(cover.language)) languages.push(cover.language);

  return (
    <div className="cover-form">
      <fieldset className="cover-group">
        <legend>
          <FormattedMessage id="drafts.cover.review" defaultMessage="The review" />
        </legend>
        <div className="form-grid cover-review">
          <TextField
            label={intl.formatMessage({ id: 'drafts.cover.state', defaultMessage: 'State under review' })}
            field="state"
            value={cover.state}
            onChange={(state) => set({ state })}
            placeholder={intl.formatMessage({ id: 'drafts.cover.stateExample', defaultMessage: 'Kazakhstan' })}
          />
          <TextField
            label={intl.formatMessage({ id: 'drafts.cover.monthYear', defaultMessage: 'Month and year of submission' })}
            field="monthYear"
            value={cover.monthYear}
            onChange={(monthYear) => set({ monthYear })}
            placeholder={intl.formatMessage({ id: 'drafts.cover.monthYearExample', defaultMessage: 'March 2027' })}
          />
          <NumberField
            label={intl.formatMessage({ id: 'drafts.cover.session', defaultMessage: 'UPR session' })}
            field="session"
            value={cover.session}
            min={1}
            max={200}
            hint={intl.formatMessage({
              id: 'drafts.cover.sessionHint',
              defaultMessage: 'The Working Group session, e.g. 48.',
            })}
            onChange={(session) => set({ session })}
          />
          <NumberField
            label={intl.formatMessage({ id: 'drafts.cover.cycle', defaultMessage: 'UPR cycle' })}
            field="cycle"
            value={cover.cycle}
            min={1}
            max={20}
            hint={intl.formatMessage({
              id: 'drafts.cover.cycleHint',
              defaultMessage: 'The 4th cycle runs from session 41 to 54.',
            })}
            onChange={(cycle) => set({ cycle })}
          />
        </div>
      </fieldset>

      <fieldset className="cover-group" data-cover-field="organisations">
        <legend>
          {template === 'joint' ? (
            <FormattedMessage id="drafts.cover.organisationsJoint" defaultMessage="Submitting organisations" />
          ) : (
            <FormattedMessage id="drafts.cover.organisationsIndividual" defaultMessage="Submitting organisation" />
          )}
        </legend>
        {organisations.length === 0 && (
          <p className="hint">
            <FormattedMessage id="drafts.cover.noOrganisation" defaultMessage="No organisation yet." />
          </p>
        )}
        {organisations.map((organisation, index) => (
          <OrganisationFields
            // Organisations have no id of their own; their place in the list is what is printed.
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the organisation's identity here
            key={index}
            index={index}
            organisation={organisation}
            onChange={(changed) => set({ organisations: organisations.map((o, i) => (i === index ? changed : o)) })}
            onRemove={() => set({ organisations: organisations.filter((_, i) => i !== index) })}
          />
        ))}
        {canAdd ? (
          <button type="button" onClick={() => set({ organisations: [...organisations, { ...EMPTY_ORGANISATION }] })}>
            {organisations.length === 0 ? (
              <FormattedMessage id="drafts.cover.addFirst" defaultMessage="Add the submitting organisation" />
            ) : (
              <FormattedMessage id="drafts.cover.addAnother" defaultMessage="Add another organisation" />
            )}
          </button>
        ) : (
          <p className="hint">
            <FormattedMessage
              id="drafts.cover.oneOrganisation"
              defaultMessage="An individual submission has one organisation. Several organisations submit jointly."
            />
          </p>
        )}
      </fieldset>

      <fieldset className="cover-group">
        <legend>
          <FormattedMessage id="drafts.cover.contactGroup" defaultMessage="Contact and keywords" />
        </legend>
        <div className="form-grid">
          <TextField
            label={intl.formatMessage({ id: 'drafts.cover.contactName', defaultMessage: 'Contact person' })}
            field="contactName"
            value={cover.contactName}
            onChange={(contactName) => set({ contactName })}
          />
          <TextField
            label={intl.formatMessage({ id: 'drafts.cover.contactEmail', defaultMessage: 'Contact e-mail' })}
            type="email"
            field="contactEmail"
            value={cover.contactEmail}
            onChange={(contactEmail) => set({ contactEmail })}
          />
          <div className="field">
            <label htmlFor={`${id}-keywords`}>
              <FormattedMessage id="drafts.cover.keywords" defaultMessage="Keywords (comma-separated)" />
            </label>
            <input
              id={`${id}-keywords`}
              data-cover-field="keywords"
              value={keywords}
              placeholder={intl.formatMessage({
                id: 'drafts.cover.keywordsExample',
                defaultMessage: 'freedom of association, trade unions',
              })}
              onChange={(e) => {
                setKeywords(e.target.value);
                set({
                  keywords: e.target.value
                    .split(',')
                    .map((k) => k.trim())
                    .filter(Boolean),
                });
              }}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-language`}>
              <FormattedMessage id="drafts.cover.language" defaultMessage="Language of the submission" />
            </label>
            <select
              id={`${id}-language`}
              data-cover-field="language"
              value={cover.language}
              onChange={(e) => set({ language: e.target.value })}
            >
              {languages.map((code) => (
                <option key={code} value={code}>
                  {(UN_LANGUAGES as readonly string[]).includes(code)
                    ? (languageName(intl.locale, code) ?? code)
                    : intl.formatMessage(
                        {
                          id: 'drafts.cover.languageNotUn',
                          defaultMessage: '{language} (not a UN official language)',
                        },
                        { language: languageName(intl.locale, code) ?? code },
                      )}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
    </div>
  );
}
