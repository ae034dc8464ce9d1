// "Export bundle…": a dossier as one encrypted file for colleagues (their public keys) or for whoever
// knows a passphrase. "Never export" excerpts stay out unless the person ticks a box that says what
// that means. The file is saved where the person says, through the save dialog. A colleague who needs
// only a few documents gets those sources with their excerpts (not the whole dossier).
import { type FormEvent, useId, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApi, useApiMutation, useApiPages } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { PassphraseField } from '../../components/PassphraseField.tsx';
import { LoadMore } from '../../components/VirtualList.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import { Modal } from '../drafts/Modal.tsx';

export function ExportBundleDialog({ dossierId, onClose }: { dossierId: string; onClose: () => void }) {
  const intl = useIntl();
  const errorText = useErrorText();
  const colleagues = useApi('colleague.list', {});
  const inbox = useApi('inbox.get', {});
  const [toInbox, setToInbox] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const [how, setHow] = useState<'keys' | 'passphrase'>('keys');
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [includeNever, setIncludeNever] = useState(false);
  const [what, setWhat] = useState<'dossier' | 'sources'>('dossier');
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const sources = useApiPages('source.list', { dossierId }, { pageSize: 100, enabled: what === 'sources' });
  const exported = useApiMutation('bundle.export');
  const neverHint = useId();
  const mismatch = how === 'passphrase' && repeat !== '' && passphrase !== repeat;
  const locked = how === 'keys' ? chosen.length > 0 : passphrase.length >= 8 && passphrase === repeat;
  const ready = locked && (what === 'dossier' || sourceIds.length > 0);
  const result = exported.data;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!ready) return;
    exported.mutate({
      dossierId,
      ...(how === 'keys' ? { to: chosen } : { passphrase }),
      includeNeverExport: includeNever,
      ...(what === 'sources' ? { sourceIds } : {}),
      ...(toInbox ? { toInbox: true } : {}),
    });
  }

  return (
    <Modal title={<FormattedMessage id="bundle.export.title" defaultMessage="Export bundle" />} onClose={onClose}>
      {result?.saved ? (
        <div role="status" className="ok-note" data-testid="bundle-written">
          <p>
            <FormattedMessage
              id="bundle.export.written"
              defaultMessage="Bundle saved to {path}: {records, plural, one {# record} other {# records}} and {originals, plural, one {# original file} other {# original files}}, encrypted."
              values={{ path: result.path, records: result.records, originals: result.originals }}
            />
          </p>
          {result.neverExportLeftOut > 0 && (
            <p>
              <FormattedMessage
                id="bundle.export.leftOut"
                defaultMessage="{count, plural, one {# excerpt} other {# excerpts}} marked “never export” stayed in this vault."
                values={{ count: result.neverExportLeftOut }}
              />
            </p>
          )}
          <div className="modal-actions">
            <button type="button" className="primary" onClick={onClose} data-autofocus>
              <FormattedMessage id="bundle.export.done" defaultMessage="Done" />
            </button>
          </div>
        </div>
      ) : (
        <form className="bundle-export" onSubmit={submit}>
          <fieldset className="choice">
            <legend>
              <FormattedMessage id="bundle.export.what" defaultMessage="What goes in" />
            </legend>
            <label className="check">
              <input type="radio" name="bundle-what" checked={what === 'dossier'} onChange={() => setWhat('dossier')} />
              <FormattedMessage
                id="bundle.export.wholeDossier"
                defaultMessage="The whole dossier: sources, excerpts, events, recommendations and drafts"
              />
            </label>
            <label className="check">
              <input type="radio" name="bundle-what" checked={what === 'sources'} onChange={() => setWhat('sources')} />
              <FormattedMessage
                id="bundle.export.chosenSources"
                defaultMessage="Chosen sources only, with their excerpts, codes and entities"
              />
            </label>
            {what === 'sources' && (
              <fieldset className="bundle-sources">
                <legend>
                  <FormattedMessage id="bundle.export.sourcesLabel" defaultMessage="Sources to export" />
                </legend>
                <p className="hint" aria-live="polite">
                  <FormattedMessage
                    id="bundle.export.sourcesChosen"
                    defaultMessage="Chosen: {count} of {total}"
                    values={{ count: sourceIds.length, total: sources.total ?? 0 }}
                  />
                </p>
                <ul className="bundle-source-list">
                  {(sources.items ?? []).map((source) => (
                    <li key={source.id}>
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={sourceIds.includes(source.id)}
                          onChange={(e) =>
                            setSourceIds((now) =>
                              e.target.checked ? [...now, source.id] : now.filter((id) => id !== source.id),
                            )
                          }
                        />
                        {source.title}
                      </label>
                    </li>
                  ))}
                </ul>
                <LoadMore
                  hasMore={sources.hasNextPage}
                  loadingMore={sources.isFetchingNextPage}
                  onLoadMore={sources.fetchNextPage}
                />
              </fieldset>
            )}
          </fieldset>
          <fieldset className="choice">
            <legend>
              <FormattedMessage id="bundle.export.how" defaultMessage="Who can open it" />
            </legend>
            <label className="check">
              <input type="radio" name="bundle-lock" checked={how === 'keys'} onChange={() => setHow('keys')} />
              <FormattedMessage id="bundle.export.toColleagues" defaultMessage="Colleagues (their public keys)" />
            </label>
            <label className="check">
              <input
                type="radio"
                name="bundle-lock"
                checked={how === 'passphrase'}
                onChange={() => setHow('passphrase')}
              />
              <FormattedMessage
                id="bundle.export.toPassphrase"
                defaultMessage="Anyone with a passphrase (tell it in person, never with the file)"
              />
            </label>
          </fieldset>
          {how === 'keys' && (
            <fieldset className="recipients">
              <legend>
                <FormattedMessage id="bundle.export.recipients" defaultMessage="Encrypt to" />
              </legend>
              {colleagues.data?.length === 0 && (
                <p className="hint">
                  <FormattedMessage
                    id="bundle.export.noColleagues"
                    defaultMessage="No colleagues yet: add their public keys in Settings › Team, or use a passphrase."
                  />
                </p>
              )}
              {colleagues.data?.map((c) => (
                <label className="check" key={c.id}>
                  <input
                    type="checkbox"
                    checked={chosen.includes(c.ageRecipient)}
                    onChange={(e) =>
                      setChosen((now) =>
                        e.target.checked ? [...now, c.ageRecipient] : now.filter((k) => k !== c.ageRecipient),
                      )
                    }
                  />
                  {c.name}
                </label>
              ))}
            </fieldset>
          )}
          {how === 'passphrase' && (
            <>
              <PassphraseField
                label={intl.formatMessage({ id: 'bundle.export.passphrase', defaultMessage: 'Passphrase' })}
                value={passphrase}
                onChange={setPassphrase}
                autoComplete="new-password"
              />
              <PassphraseField
                label={intl.formatMessage({ id: 'bundle.export.repeat', defaultMessage: 'Repeat the passphrase' })}
                value={repeat}
                onChange={setRepeat}
                autoComplete="new-password"
              />
              {mismatch && (
                <p className="field-error">
                  <FormattedMessage id="bundle.export.mismatch" defaultMessage="The two passphrases differ." />
                </p>
              )}
            </>
          )}
          <label className="check">
            <input
              type="checkbox"
              checked={includeNever}
              onChange={(e) => setIncludeNever(e.target.checked)}
              aria-describedby={neverHint}
            />
            <FormattedMessage
              id="bundle.export.includeNever"
              defaultMessage="Also include excerpts marked “never export”"
            />
          </label>
          <p className={includeNever ? 'hint warn' : 'hint'} id={neverHint}>
            <FormattedMessage
              id="bundle.export.includeNeverHint"
              defaultMessage="Those excerpts — a witness’s words, a protected name — then leave this vault: whoever opens the bundle can read them and carry them further. Leave this unticked unless the recipient must have them."
            />
          </p>
          {inbox.data?.folder && (
            <label className="check">
              <input type="checkbox" checked={toInbox} onChange={(e) => setToInbox(e.target.checked)} />
              <FormattedMessage
                id="bundle.export.toInbox"
                defaultMessage="Put it in the shared inbox folder instead of choosing where to save"
              />
            </label>
          )}
          <ErrorNote
            message={exported.error ? errorText(exported.error) : colleagues.error ? errorText(colleagues.error) : null}
          />
          <div className="modal-actions">
            <button type="button" onClick={onClose}>
              <FormattedMessage id="bundle.export.cancel" defaultMessage="Cancel" />
            </button>
            <button type="submit" className="primary" disabled={!ready || exported.isPending}>
              {exported.isPending ? (
                <FormattedMessage id="bundle.export.busy" defaultMessage="Encrypting…" />
              ) : toInbox ? (
                <FormattedMessage id="bundle.export.submitInbox" defaultMessage="Put in the shared folder" />
              ) : (
                <FormattedMessage id="bundle.export.submit" defaultMessage="Save bundle…" />
              )}
            </button>
          </div>
        </form>
      )}
    </Modal>
  );
}
