// "Import bundle…": choose a bundle file (the open dialog), type its passphrase if it has one, see
// who it comes from and what it would add, change and delete, settle each record both sides changed
// (keep mine · keep theirs · keep both), then merge — in one step, or not at all.
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { BundleConflict, BundlePreview, Result } from '../../../../shared/api.ts';
import type { Resolution } from '../../../../shared/bundles.ts';
import { defineMessages } from '../../../../shared/i18n/define.ts';
import { invoke } from '../../api/client.ts';
import { useApiMutation } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { Modal } from '../drafts/Modal.tsx';

const KIND_WORDS = defineMessages({
  dossier: { id: 'bundle.kind.dossier', defaultMessage: 'Dossier' },
  code: { id: 'bundle.kind.code', defaultMessage: 'Code' },
  entity: { id: 'bundle.kind.entity', defaultMessage: 'Entity' },
  source: { id: 'bundle.kind.source', defaultMessage: 'Source' },
  excerpt: { id: 'bundle.kind.excerpt', defaultMessage: 'Excerpt' },
  mention: { id: 'bundle.kind.mention', defaultMessage: 'Mention' },
  link: { id: 'bundle.kind.link', defaultMessage: 'Link' },
  event: { id: 'bundle.kind.event', defaultMessage: 'Event' },
  recommendation: { id: 'bundle.kind.recommendation', defaultMessage: 'Recommendation' },
  draft: { id: 'bundle.kind.draft', defaultMessage: 'Draft' },
  draft_version: { id: 'bundle.kind.draftVersion', defaultMessage: 'Draft version' },
});

/** What a changed field is, in words; other fields show under their stored name. */
const FIELD_WORDS = defineMessages({
  title: { id: 'bundle.field.title', defaultMessage: 'Title' },
  name: { id: 'bundle.field.name', defaultMessage: 'Name' },
  note: { id: 'bundle.field.note', defaultMessage: 'Note' },
  exact: { id: 'bundle.field.exact', defaultMessage: 'Quote' },
  description: { id: 'bundle.field.description', defaultMessage: 'Description' },
  summary: { id: 'bundle.field.summary', defaultMessage: 'Summary' },
  body: { id: 'bundle.field.body', defaultMessage: 'Text of the draft' },
  text: { id: 'bundle.field.text', defaultMessage: 'Text' },
  confidentiality: { id: 'bundle.field.confidentiality', defaultMessage: 'Confidentiality' },
  stance: { id: 'bundle.field.stance', defaultMessage: 'Stance' },
  deleted_at: { id: 'bundle.field.deletedAt', defaultMessage: 'Deleted' },
  codes: { id: 'bundle.field.codes', defaultMessage: 'Codes' },
  entities: { id: 'bundle.field.entities', defaultMessage: 'Entities' },
  participants: { id: 'bundle.field.participants', defaultMessage: 'Participants' },
  evidence: { id: 'bundle.field.evidence', defaultMessage: 'Evidence' },
  date_start: { id: 'bundle.field.dateStart', defaultMessage: 'Date (from)' },
  date_end: { id: 'bundle.field.dateEnd', defaultMessage: 'Date (to)' },
  pseudonym: { id: 'bundle.field.pseudonym', defaultMessage: 'Pseudonym' },
});

function ConflictRow({
  conflict,
  value,
  onChange,
}: {
  conflict: BundleConflict;
  value: Resolution | undefined;
  onChange: (r: Resolution) => void;
}) {
  const intl = useIntl();
  const name = `resolve-${conflict.key}`;
  return (
    <li className="bundle-conflict">
      <p className="bundle-conflict-title">
        <span className="badge">{intl.formatMessage(KIND_WORDS[conflict.kind])}</span> {conflict.label}
      </p>
      {conflict.deletedThere && (
        <p className="hint">
          <FormattedMessage
            id="bundle.import.deletedThere"
            defaultMessage="Deleted by them; changed here since you last exchanged."
          />
        </p>
      )}
      {conflict.differences.length > 0 && (
        <table className="bundle-differences">
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="bundle.import.field" defaultMessage="Field" />
              </th>
              <th scope="col">
                <FormattedMessage id="bundle.import.mine" defaultMessage="Mine" />
              </th>
              <th scope="col">
                <FormattedMessage id="bundle.import.theirs" defaultMessage="Theirs" />
              </th>
            </tr>
          </thead>
          <tbody>
            {conflict.differences.map((d) => (
              <tr key={d.field}>
                <th scope="row">
                  {d.field in FIELD_WORDS ? (
                    intl.formatMessage(FIELD_WORDS[d.field as keyof typeof FIELD_WORDS])
                  ) : (
                    <code>{d.field}</code>
                  )}
                </th>
                <td>{d.mine}</td>
                <td>{d.theirs}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <fieldset className="bundle-resolution">
        <legend className="visually-hidden">
          <FormattedMessage
            id="bundle.import.resolveFor"
            defaultMessage="What to keep of “{label}”"
            values={{ label: conflict.label }}
          />
        </legend>
        <label className="check">
          <input type="radio" name={name} checked={value === 'mine'} onChange={() => onChange('mine')} />
          <FormattedMessage id="bundle.import.keepMine" defaultMessage="Keep mine" />
        </label>
        <label className="check">
          <input type="radio" name={name} checked={value === 'theirs'} onChange={() => onChange('theirs')} />
          {conflict.deletedThere ? (
            <FormattedMessage id="bundle.import.deleteToo" defaultMessage="Delete it here too" />
          ) : (
            <FormattedMessage id="bundle.import.keepTheirs" defaultMessage="Keep theirs" />
          )}
        </label>
        {conflict.canKeepBoth && (
          <label className="check">
            <input type="radio" name={name} checked={value === 'both'} onChange={() => onChange('both')} />
            <FormattedMessage id="bundle.import.keepBoth" defaultMessage="Keep both" />
          </label>
        )}
      </fieldset>
    </li>
  );
}

function Counts({ preview }: { preview: BundlePreview }) {
  const intl = useIntl();
  const c = preview.counts;
  return (
    <>
      <ul className="bundle-counts" data-testid="bundle-counts">
        <li>
          <FormattedMessage
            id="bundle.import.added"
            defaultMessage="{count, plural, one {# record} other {# records}} to add"
            values={{ count: c.added }}
          />
        </li>
        <li>
          <FormattedMessage
            id="bundle.import.changed"
            defaultMessage="{count, plural, one {# record} other {# records}} changed by them"
            values={{ count: c.changed }}
          />
        </li>
        <li>
          <FormattedMessage
            id="bundle.import.tombstoned"
            defaultMessage="{count, plural, one {# record} other {# records}} they deleted"
            values={{ count: c.tombstoned }}
          />
        </li>
        <li className={c.conflicts ? 'warn' : undefined}>
          <FormattedMessage
            id="bundle.import.conflicts"
            defaultMessage="{count, plural, one {# record} other {# records}} changed on both sides"
            values={{ count: c.conflicts }}
          />
        </li>
      </ul>
      {preview.kinds.length > 0 && (
        <table className="bundle-kinds">
          <caption className="visually-hidden">
            <FormattedMessage id="bundle.import.byKind" defaultMessage="What the bundle brings, kind by kind" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="bundle.import.colKind" defaultMessage="Kind" />
              </th>
              <th scope="col">
                <FormattedMessage id="bundle.import.colAdded" defaultMessage="New" />
              </th>
              <th scope="col">
                <FormattedMessage id="bundle.import.colChanged" defaultMessage="Changed" />
              </th>
              <th scope="col">
                <FormattedMessage id="bundle.import.colDeleted" defaultMessage="Deleted" />
              </th>
              <th scope="col">
                <FormattedMessage id="bundle.import.colConflicts" defaultMessage="Both changed" />
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.kinds.map((k) => (
              <tr key={k.kind}>
                <th scope="row">{intl.formatMessage(KIND_WORDS[k.kind])}</th>
                <td>{intl.formatNumber(k.added)}</td>
                <td>{intl.formatNumber(k.changed)}</td>
                <td>{intl.formatNumber(k.tombstoned)}</td>
                <td>{intl.formatNumber(k.conflicts)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

type Step =
  | { state: 'choosing' }
  | { state: 'passphrase'; token: string }
  | BundlePreview
  | { state: 'merged'; outcome: Result<'bundle.import'>; preview: BundlePreview };

export function ImportBundleDialog({ onClose, inboxName }: { onClose: () => void; inboxName?: string }) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [step, setStep] = useState<Step>({ state: 'choosing' });
  const [failure, setFailure] = useState<unknown>(null);
  const [passphrase, setPassphrase] = useState('');
  const [resolutions, setResolutions] = useState<Record<string, Resolution>>({});
  const merge = useApiMutation('bundle.import');
  const addSender = useApiMutation('colleague.add');
  const asked = useRef(false);

  const open = async (params: { token?: string; passphrase?: string; inboxName?: string }) => {
    setFailure(null);
    try {
      const result = await invoke('bundle.preview', params);
      if (result.state === 'cancelled') onClose();
      else setStep(result);
    } catch (error) {
      setFailure(error);
    }
  };

  // The open dialog is asked for once, when this dialog opens.
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked once on opening
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void open(inboxName ? { inboxName } : {});
  }, []);

  const preview = step.state === 'ready' ? step : null;
  const unresolved = preview ? preview.conflicts.filter((c) => !resolutions[c.key]).length : 0;

  return (
    <Modal title={<FormattedMessage id="bundle.import.title" defaultMessage="Import bundle" />} onClose={onClose} wide>
      {step.state === 'choosing' && !failure && (
        <p className="hint" role="status">
          <FormattedMessage id="bundle.import.opening" defaultMessage="Opening the bundle…" />
        </p>
      )}
      {step.state === 'passphrase' && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void open({ token: step.token, passphrase });
          }}
        >
          <p>
            <FormattedMessage
              id="bundle.import.passphraseAsk"
              defaultMessage="This bundle is locked with a passphrase. Type the one you were told."
            />
          </p>
          <PassphraseField
            label={intl.formatMessage({ id: 'bundle.import.passphrase', defaultMessage: 'Bundle passphrase' })}
            value={passphrase}
            onChange={setPassphrase}
            autoComplete="current-password"
            autoFocus
          />
          <div className="modal-actions">
            <button type="submit" className="primary" disabled={!passphrase}>
              <FormattedMessage id="bundle.import.unlock" defaultMessage="Open bundle" />
            </button>
          </div>
        </form>
      )}
      {preview && (
        <div className="bundle-preview" data-testid="bundle-preview">
          <p>
            {preview.sender.self ? (
              <FormattedMessage
                id="bundle.import.fromSelf"
                defaultMessage="Made by this vault, for dossier “{dossier}”."
                values={{ dossier: preview.dossier.title }}
              />
            ) : preview.sender.colleagueId ? (
              <FormattedMessage
                id="bundle.import.fromColleague"
                defaultMessage="From <b>{name}</b>, for dossier “{dossier}”."
                values={{ name: preview.sender.name, dossier: preview.dossier.title, b: (x) => <strong>{x}</strong> }}
              />
            ) : (
              <FormattedMessage
                id="bundle.import.fromStranger"
                defaultMessage="From {name, select, none {a key} other {“{name}”, a key}} that is not among your colleagues ({key}), for dossier “{dossier}”. Import it only if you know who sent it."
                values={{
                  name: preview.sender.name || 'none',
                  key: preview.sender.ageRecipient,
                  dossier: preview.dossier.title,
                }}
              />
            )}{' '}
            {!preview.dossier.exists && (
              <FormattedMessage id="bundle.import.newDossier" defaultMessage="The dossier is new to this vault." />
            )}
          </p>
          {!preview.sender.colleagueId && !preview.sender.self && preview.sender.name && (
            <p>
              <button
                type="button"
                disabled={addSender.isPending}
                onClick={() =>
                  addSender.mutate(
                    { name: preview.sender.name, ageRecipient: preview.sender.ageRecipient },
                    { onSuccess: () => void open({ token: preview.token }) },
                  )
                }
              >
                <FormattedMessage
                  id="bundle.import.addSender"
                  defaultMessage="Add {name} to my colleagues"
                  values={{ name: preview.sender.name }}
                />
              </button>
            </p>
          )}
          <ErrorNote message={addSender.error ? errorText(addSender.error) : null} />
          <Counts preview={preview} />
          {preview.counts.added + preview.counts.changed + preview.counts.tombstoned + preview.counts.conflicts ===
            0 && (
            <p className="ok-note" role="status">
              <FormattedMessage
                id="bundle.import.nothingNew"
                defaultMessage="Nothing new: this vault already holds everything in the bundle."
              />
            </p>
          )}
          {preview.conflicts.length > 0 && (
            <>
              <h3>
                <FormattedMessage id="bundle.import.conflictsTitle" defaultMessage="Changed on both sides" />
              </h3>
              <ul className="bundle-conflicts">
                {preview.conflicts.map((c) => (
                  <ConflictRow
                    key={c.key}
                    conflict={c}
                    value={resolutions[c.key]}
                    onChange={(r) => setResolutions((now) => ({ ...now, [c.key]: r }))}
                  />
                ))}
              </ul>
            </>
          )}
          <ErrorNote message={merge.error ? errorText(merge.error) : null} />
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              <FormattedMessage id="bundle.import.cancel" defaultMessage="Cancel" />
            </button>
            <button
              type="button"
              className="primary"
              disabled={unresolved > 0 || merge.isPending}
              onClick={() =>
                merge.mutate(
                  { token: preview.token, resolutions },
                  { onSuccess: (outcome) => setStep({ state: 'merged', outcome, preview }) },
                )
              }
            >
              {unresolved > 0 ? (
                <FormattedMessage
                  id="bundle.import.resolveFirst"
                  defaultMessage="Choose for {count, plural, one {# record} other {# records}} first"
                  values={{ count: unresolved }}
                />
              ) : (
                <FormattedMessage id="bundle.import.submit" defaultMessage="Import" />
              )}
            </button>
          </div>
        </div>
      )}
      {step.state === 'merged' && (
        <div className="ok-note" role="status" data-testid="bundle-merged">
          <p>
            <FormattedMessage
              id="bundle.import.merged"
              defaultMessage="Merged: {added, number} added, {changed, number} changed, {deleted, number} deleted, {kept, number} kept as they were here, {both, number} kept both."
              values={{
                added: step.outcome.added,
                changed: step.outcome.changed,
                deleted: step.outcome.tombstoned,
                kept: step.outcome.keptMine,
                both: step.outcome.keptBoth,
              }}
            />
          </p>
          <div className="modal-actions">
            <button type="button" className="primary" onClick={onClose} data-autofocus>
              <FormattedMessage id="bundle.import.done" defaultMessage="Done" />
            </button>
          </div>
        </div>
      )}
      <ErrorNote message={failure ? errorText(failure) : null} />
    </Modal>
  );
}
