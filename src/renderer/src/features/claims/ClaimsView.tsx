import { useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Claim, ExcerptLinkView, LinkEnd } from '../../../../shared/api.ts';
import { type SourceKind, STANCE_MESSAGES } from '../../../../shared/domain.ts';
import { mutate, useApi, useApiAll } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { FilterField, RecordSelect } from '../../components/RecordSelect.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { useLabels } from '../../i18n/labels.ts';
import { usePartialDate } from '../../i18n/partialDate.ts';
import { SOURCE_KIND_MESSAGES } from '../sources/sourceKinds.ts';

/** "Web page, 12 January 2022": what kind of source says it, and when. */
function useSourceLine(): (end: { sourceTitle: string; sourceKind: string; sourceDate: string | null }) => string {
  const kinds = useLabels(SOURCE_KIND_MESSAGES);
  const partialDate = usePartialDate();
  return (end) =>
    [end.sourceTitle, kinds[end.sourceKind as SourceKind] ?? end.sourceKind, partialDate(end.sourceDate)]
      .filter(Boolean)
      .join(' · ');
}

/**
 * What the State says beside what the evidence shows: each claim, denial or acknowledgement by the
 * State with the excerpts linked to it as contradicting or corroborating it; claims nobody has
 * answered yet listed apart. A claim and its evidence go into a draft as one cited paragraph.
 */
export function ClaimsView({ dossierId, onOpen }: { dossierId: string; onOpen: (excerpt: LinkEnd) => void }) {
  const id = useId();
  const intl = useIntl();
  const errorText = useErrorText();
  const [codeId, setCodeId] = useState('');
  const [entityId, setEntityId] = useState('');
  const codes = useApi('code.list', {});
  const entities = useApiAll('entity.list', {});
  const claims = useApi('excerpt.claims', {
    dossierId,
    ...(codeId ? { codeId } : {}),
    ...(entityId ? { entityId } : {}),
  });
  const answered = (claims.data ?? []).filter((c) => c.contradicting.length + c.corroborating.length > 0);
  const unanswered = (claims.data ?? []).filter((c) => c.contradicting.length + c.corroborating.length === 0);
  const failure = claims.error ?? codes.error ?? entities.error;

  return (
    <section className="card claims" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id="claims.title" defaultMessage="Claims by the State and the evidence" />
      </h2>
      <fieldset className="filters">
        <legend className="visually-hidden">
          <FormattedMessage id="claims.filters" defaultMessage="Filter claims" />
        </legend>
        <FilterField id={`${id}-code`} label={<FormattedMessage id="claims.filter.code" defaultMessage="Code" />}>
          <RecordSelect
            id={`${id}-code`}
            value={codeId}
            records={codes.data}
            blank={intl.formatMessage({ id: 'claims.filter.anyCode', defaultMessage: 'Any code' })}
            onChange={setCodeId}
          />
        </FilterField>
        <FilterField id={`${id}-entity`} label={<FormattedMessage id="claims.filter.entity" defaultMessage="Entity" />}>
          <RecordSelect
            id={`${id}-entity`}
            value={entityId}
            records={entities.data}
            blank={intl.formatMessage({ id: 'claims.filter.anyEntity', defaultMessage: 'Any entity' })}
            onChange={setEntityId}
          />
        </FilterField>
      </fieldset>
      <ErrorNote message={failure ? errorText(failure) : null} />
      {claims.data?.length === 0 && (
        <p className="hint">
          <FormattedMessage
            id="claims.empty"
            defaultMessage="No claims yet. In the reader, set an excerpt’s stance to “Claim by the State”, “Denial” or “Acknowledgement”, then link the evidence to it with “Link to…”."
          />
        </p>
      )}
      {answered.length > 0 && (
        <ul
          className="claim-list"
          aria-label={intl.formatMessage({ id: 'claims.answered', defaultMessage: 'Claims with evidence' })}
        >
          {answered.map((claim) => (
            <ClaimItem key={claim.excerpt.id} claim={claim} dossierId={dossierId} onOpen={onOpen} />
          ))}
        </ul>
      )}
      {unanswered.length > 0 && (
        <>
          <h3>
            <FormattedMessage
              id="claims.unanswered.title"
              defaultMessage="Unanswered: no evidence linked ({count})"
              values={{ count: unanswered.length }}
            />
          </h3>
          <ul
            className="claim-list unanswered"
            aria-label={intl.formatMessage({ id: 'claims.unanswered', defaultMessage: 'Unanswered claims' })}
          >
            {unanswered.map((claim) => (
              <ClaimItem key={claim.excerpt.id} claim={claim} dossierId={dossierId} onOpen={onOpen} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function ClaimItem({ claim, dossierId, onOpen }: { claim: Claim; dossierId: string; onOpen: (e: LinkEnd) => void }) {
  const stances = useLabels(STANCE_MESSAGES);
  const sourceLine = useSourceLine();
  const { excerpt } = claim;
  return (
    <li className="claim">
      <div className="claim-statement">
        <span className="badge">{excerpt.stance ? stances[excerpt.stance] : null}</span>
        <button
          type="button"
          className="link-other"
          onClick={() => onOpen({ ...excerpt, sourceKind: excerpt.sourceKind })}
        >
          “{excerpt.exact}”
        </button>
        <span className="hint">{sourceLine(excerpt)}</span>
      </div>
      {(claim.contradicting.length > 0 || claim.corroborating.length > 0) && (
        <div className="claim-evidence">
          <Evidence
            links={claim.contradicting}
            title={<FormattedMessage id="claims.contradicting" defaultMessage="Contradicted by" />}
            onOpen={onOpen}
          />
          <Evidence
            links={claim.corroborating}
            title={<FormattedMessage id="claims.corroborating" defaultMessage="Corroborated by" />}
            onOpen={onOpen}
          />
        </div>
      )}
      <InsertIntoDraft claim={claim} dossierId={dossierId} />
    </li>
  );
}

function Evidence({
  links,
  title,
  onOpen,
}: {
  links: ExcerptLinkView[];
  title: React.ReactNode;
  onOpen: (e: LinkEnd) => void;
}) {
  const sourceLine = useSourceLine();
  if (links.length === 0) return null;
  return (
    <div className="evidence">
      <h4>{title}</h4>
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            <button type="button" className="link-other" onClick={() => onOpen(link.other)}>
              “{link.other.exact}”
            </button>
            <span className="hint">{sourceLine(link.other)}</span>
            {link.note && <span className="link-note">{link.note}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Pick one of the dossier's drafts; the claim and its evidence are added at its end as one paragraph. */
function InsertIntoDraft({ claim, dossierId }: { claim: Claim; dossierId: string }) {
  const id = useId();
  const errorText = useErrorText();
  const [open, setOpen] = useState(false);
  const drafts = useApi('draft.list', { dossierId }, { enabled: open });
  const [draftId, setDraftId] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const chosen = draftId || drafts.data?.[0]?.id || '';

  async function insert() {
    setError(null);
    try {
      // Worded main-side, in the draft's language (src/main/drafts/inserts.ts).
      const draft = await mutate('draft.appendClaim', { id: chosen, excerptId: claim.excerpt.id });
      setDone(draft.title);
      setOpen(false);
    } catch (e) {
      setError(errorText(e));
    }
  }

  return (
    <div className="claim-insert">
      {!open && (
        <button type="button" onClick={() => setOpen(true)}>
          <FormattedMessage id="claims.insert" defaultMessage="Insert into draft" />
        </button>
      )}
      {open && drafts.data?.length === 0 && (
        <p className="hint">
          <FormattedMessage
            id="claims.insert.noDrafts"
            defaultMessage="This dossier has no draft yet: start one in the Drafts tab."
          />
        </p>
      )}
      {open && drafts.data && drafts.data.length > 0 && (
        <span className="claim-insert-form">
          <label htmlFor={`${id}-draft`}>
            <FormattedMessage id="claims.insert.draft" defaultMessage="Draft" />
          </label>{' '}
          <select id={`${id}-draft`} value={chosen} onChange={(e) => setDraftId(e.target.value)}>
            {drafts.data.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>{' '}
          <button type="button" className="primary" onClick={() => void insert()}>
            <FormattedMessage id="claims.insert.add" defaultMessage="Add at the end of the draft" />
          </button>{' '}
          <button type="button" className="ghost" onClick={() => setOpen(false)}>
            <FormattedMessage id="claims.insert.cancel" defaultMessage="Cancel" />
          </button>
        </span>
      )}
      {done && (
        <p className="hint" role="status">
          <FormattedMessage
            id="claims.insert.done"
            defaultMessage="Added as the last paragraph of “{title}”, with a note for each excerpt."
            values={{ title: done }}
          />
        </p>
      )}
      <ErrorNote message={error ?? (drafts.error ? errorText(drafts.error) : null)} />
    </div>
  );
}
