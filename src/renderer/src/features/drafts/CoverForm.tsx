import { useEffect, useId, useState } from 'react';
import {
  type DraftCover,
  type DraftTemplate,
  type SubmittingOrganisation,
  UN_LANGUAGES,
} from '../../../../shared/draft.ts';

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  fr: 'French',
  es: 'Spanish',
  ru: 'Russian',
  ar: 'Arabic',
  zh: 'Chinese',
};

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
            setError(`Enter a whole number from ${min} to ${max}.`);
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
  const field = (name: keyof SubmittingOrganisation) => `organisations.${index}.${name}`;
  const set = (patch: Partial<SubmittingOrganisation>) => onChange({ ...organisation, ...patch });
  return (
    <fieldset className="organisation" data-cover-field={`organisations.${index}`}>
      <legend>
        Organisation {index + 1}
        {organisation.name ? `: ${organisation.name}` : ''}
      </legend>
      <div className="form-grid">
        <TextField label="Name" field={field('name')} value={organisation.name} onChange={(name) => set({ name })} />
        <TextField
          label="Acronym"
          field={field('acronym')}
          value={organisation.acronym}
          onChange={(acronym) => set({ acronym })}
        />
        <TextField label="City" field={field('city')} value={organisation.city} onChange={(city) => set({ city })} />
        <TextField
          label="Country"
          field={field('country')}
          value={organisation.country}
          onChange={(country) => set({ country })}
        />
        <NumberField
          label="Founded in (year)"
          field={field('foundedYear')}
          value={organisation.foundedYear}
          min={1800}
          max={2100}
          onChange={(foundedYear) => set({ foundedYear })}
        />
        <TextField
          label="Website"
          type="url"
          field={field('website')}
          value={organisation.website}
          placeholder="https://…"
          onChange={(website) => set({ website })}
        />
        <div className="field span-2">
          <label htmlFor={`${id}-activities`}>What the organisation does</label>
          <textarea
            id={`${id}-activities`}
            data-cover-field={field('activities')}
            rows={3}
            value={organisation.activities}
            onChange={(e) => set({ activities: e.target.value })}
          />
          <span className="hint">One paragraph on its activities; printed on the cover with the founding year.</span>
        </div>
      </div>
      <button type="button" className="danger" onClick={onRemove}>
        Remove organisation {index + 1}
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
  const [keywords, setKeywords] = useState(cover.keywords.join(', '));
  const set = (patch: Partial<DraftCover>) => onChange({ ...cover, ...patch });
  const organisations = cover.organisations;
  const canAdd = template === 'joint' || organisations.length === 0;
  const languages: string[] = [...UN_LANGUAGES];
  if (cover.language && !languages.includes(cover.language)) languages.push(cover.language);

  return (
    <div className="cover-form">
      <fieldset className="cover-group">
        <legend>The review</legend>
        <div className="form-grid cover-review">
          <TextField
            label="State under review"
            field="state"
            value={cover.state}
            onChange={(state) => set({ state })}
            placeholder="Kazakhstan"
          />
          <TextField
            label="Month and year of submission"
            field="monthYear"
            value={cover.monthYear}
            onChange={(monthYear) => set({ monthYear })}
            placeholder="March 2027"
          />
          <NumberField
            label="UPR session"
            field="session"
            value={cover.session}
            min={1}
            max={200}
            hint="The Working Group session, e.g. 48."
            onChange={(session) => set({ session })}
          />
          <NumberField
            label="UPR cycle"
            field="cycle"
            value={cover.cycle}
            min={1}
            max={20}
            hint="The 4th cycle runs from session 41 to 54."
            onChange={(cycle) => set({ cycle })}
          />
        </div>
      </fieldset>

      <fieldset className="cover-group" data-cover-field="organisations">
        <legend>{template === 'joint' ? 'Submitting organisations' : 'Submitting organisation'}</legend>
        {organisations.length === 0 && <p className="hint">No organisation yet.</p>}
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
            {organisations.length === 0 ? 'Add the submitting organisation' : 'Add another organisation'}
          </button>
        ) : (
          <p className="hint">An individual submission has one organisation. Several organisations submit jointly.</p>
        )}
      </fieldset>

      <fieldset className="cover-group">
        <legend>Contact and keywords</legend>
        <div className="form-grid">
          <TextField
            label="Contact person"
            field="contactName"
            value={cover.contactName}
            onChange={(contactName) => set({ contactName })}
          />
          <TextField
            label="Contact e-mail"
            type="email"
            field="contactEmail"
            value={cover.contactEmail}
            onChange={(contactEmail) => set({ contactEmail })}
          />
          <div className="field">
            <label htmlFor={`${id}-keywords`}>Keywords (comma-separated)</label>
            <input
              id={`${id}-keywords`}
              data-cover-field="keywords"
              value={keywords}
              placeholder="freedom of association, trade unions"
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
            <label htmlFor={`${id}-language`}>Language of the submission</label>
            <select
              id={`${id}-language`}
              data-cover-field="language"
              value={cover.language}
              onChange={(e) => set({ language: e.target.value })}
            >
              {languages.map((code) => (
                <option key={code} value={code}>
                  {LANGUAGE_NAMES[code] ?? `${code} (not a UN official language)`}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
    </div>
  );
}
