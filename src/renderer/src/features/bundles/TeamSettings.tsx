// Settings › Team: this vault's public key to give to colleagues (as text, to copy, and as a QR code
// to read off the screen), and the colleagues whose keys bundles are encrypted to.
import QRCode from 'qrcode';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { Colleague } from '../../../../shared/api.ts';
import { useApi, useApiMutation } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';

/** The public key as a QR code: an SVG drawn here, shown as an image (no script, no network). */
function KeyQr({ value }: { value: string }) {
  const intl = useIntl();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toString(value, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' }).then((svg) => {
      if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
    });
    return () => {
      live = false;
    };
  }, [value]);
  if (!src) return null;
  return (
    <img
      className="key-qr"
      src={src}
      width={176}
      height={176}
      alt={intl.formatMessage({ id: 'team.key.qr', defaultMessage: 'QR code of your public key' })}
    />
  );
}

function OwnKey() {
  const errorText = useErrorText();
  const identity = useApi('identity.show', {});
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const key = identity.data?.ageRecipient ?? '';

  const copy = async () => {
    setCopied(false);
    // The window may refuse clipboard permission: then the text is selected and copied as a person would.
    try {
      await navigator.clipboard.writeText(key);
    } catch {
      field.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };

  return (
    <div className="own-key">
      <ErrorNote message={identity.error ? errorText(identity.error) : null} />
      {key && (
        <div className="own-key-row">
          <KeyQr value={key} />
          <div className="own-key-text">
            <label htmlFor="own-public-key">
              <FormattedMessage id="team.key.label" defaultMessage="Your public key" />
            </label>
            <textarea
              id="own-public-key"
              ref={field}
              readOnly
              rows={3}
              value={key}
              spellCheck={false}
              onFocus={(e) => e.target.select()}
            />
            <div className="actions">
              <button type="button" onClick={copy}>
                <FormattedMessage id="team.key.copy" defaultMessage="Copy key" />
              </button>
              {copied && (
                <span className="ok-inline" role="status">
                  <FormattedMessage id="team.key.copied" defaultMessage="Copied." />
                </span>
              )}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

function ColleagueRow({ colleague }: { colleague: Colleague }) {
  const intl = useIntl();
  const errorText = useErrorText();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(colleague.name);
  const rename = useApiMutation('colleague.rename', { onSuccess: () => setRenaming(false) });
  const remove = useApiMutation('colleague.remove');
  const failure = rename.error ?? remove.error;
  return (
    <li className="colleague">
      {renaming ? (
        <form
          className="field inline"
          onSubmit={(e) => {
            e.preventDefault();
            rename.mutate({ id: colleague.id, name });
          }}
        >
          <input
            aria-label={intl.formatMessage({ id: 'team.colleague.newName', defaultMessage: 'New name' })}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={200}
          />
          <button type="submit" disabled={!name.trim() || rename.isPending}>
            <FormattedMessage id="team.colleague.saveName" defaultMessage="Save" />
          </button>
          <button type="button" className="ghost" onClick={() => setRenaming(false)}>
            <FormattedMessage id="team.colleague.cancel" defaultMessage="Cancel" />
          </button>
        </form>
      ) : (
        <>
          <span className="colleague-name">{colleague.name}</span>
          <code className="colleague-key" title={colleague.ageRecipient}>
            {`${colleague.ageRecipient.slice(0, 12)}…${colleague.ageRecipient.slice(-8)}`}
          </code>
          <span className="hint">
            {colleague.signingKey ? (
              <FormattedMessage id="team.colleague.known" defaultMessage="bundles received" />
            ) : (
              <FormattedMessage id="team.colleague.unknown" defaultMessage="no bundle received yet" />
            )}
          </span>
          <span className="actions">
            <button type="button" className="ghost" onClick={() => setRenaming(true)}>
              <FormattedMessage id="team.colleague.rename" defaultMessage="Rename" />
            </button>
            <button
              type="button"
              className="ghost"
              onClick={() => remove.mutate({ id: colleague.id })}
              disabled={remove.isPending}
              aria-label={intl.formatMessage(
                { id: 'team.colleague.removeNamed', defaultMessage: 'Remove {name}' },
                { name: colleague.name },
              )}
            >
              <FormattedMessage id="team.colleague.remove" defaultMessage="Remove" />
            </button>
          </span>
        </>
      )}
      <ErrorNote message={failure ? errorText(failure) : null} />
    </li>
  );
}

function AddColleague() {
  const errorText = useErrorText();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const add = useApiMutation('colleague.add', {
    onSuccess: () => {
      setName('');
      setKey('');
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate({ name, ageRecipient: key });
  }
  return (
    <form className="add-colleague" onSubmit={submit}>
      <h3>
        <FormattedMessage id="team.add.title" defaultMessage="Add a colleague" />
      </h3>
      <div className="field">
        <label htmlFor="colleague-name">
          <FormattedMessage id="team.add.name" defaultMessage="Name" />
        </label>
        <input id="colleague-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="colleague-key">
          <FormattedMessage id="team.add.key" defaultMessage="Their public key (starts with age1)" />
        </label>
        <textarea id="colleague-key" rows={2} value={key} spellCheck={false} onChange={(e) => setKey(e.target.value)} />
      </div>
      <button type="submit" disabled={!name.trim() || !key.trim() || add.isPending}>
        <FormattedMessage id="team.add.submit" defaultMessage="Add colleague" />
      </button>
      <ErrorNote message={add.error ? errorText(add.error) : null} />
    </form>
  );
}

/** The shared inbox folder (Syncthing, a network share): where outgoing bundles can go and incoming ones are found. */
function InboxFolder() {
  const errorText = useErrorText();
  const inbox = useApi('inbox.get', {});
  const choose = useApiMutation('inbox.choose');
  const folder = inbox.data?.folder ?? null;
  return (
    <div className="inbox-folder">
      <h3>
        <FormattedMessage id="team.inbox.title" defaultMessage="Shared inbox folder" />
      </h3>
      <p className="hint">
        <FormattedMessage
          id="team.inbox.hint"
          defaultMessage="A folder Syncthing, a network share or a USB stick keeps in step between colleagues. Bundles can be saved into it, and bundles for you are listed on the Dossiers screen. It holds only encrypted files."
        />
      </p>
      <p data-testid="inbox-folder">
        {folder ? <code>{folder}</code> : <FormattedMessage id="team.inbox.none" defaultMessage="No folder chosen." />}
      </p>
      <div className="actions">
        <button type="button" onClick={() => choose.mutate({})} disabled={choose.isPending}>
          <FormattedMessage id="team.inbox.choose" defaultMessage="Choose folder…" />
        </button>
        {folder && (
          <button type="button" className="ghost" onClick={() => choose.mutate({ forget: true })}>
            <FormattedMessage id="team.inbox.forget" defaultMessage="Stop using it" />
          </button>
        )}
      </div>
      <ErrorNote message={choose.error ? errorText(choose.error) : inbox.error ? errorText(inbox.error) : null} />
    </div>
  );
}

/** The name this vault's bundles say they come from: colleagues see it before they have saved you. */
function OwnName() {
  const errorText = useErrorText();
  const identity = useApi('identity.show', {});
  const [name, setName] = useState<string | null>(null);
  const rename = useApiMutation('identity.rename', { onSuccess: () => setName(null) });
  const shown = name ?? identity.data?.name ?? '';
  return (
    <form
      className="field inline own-name"
      onSubmit={(e) => {
        e.preventDefault();
        rename.mutate({ name: shown });
      }}
    >
      <label htmlFor="own-name">
        <FormattedMessage id="team.name.label" defaultMessage="Your name, shown with your bundles" />
      </label>
      <input id="own-name" value={shown} maxLength={200} onChange={(e) => setName(e.target.value)} />
      <button type="submit" disabled={name === null || rename.isPending}>
        <FormattedMessage id="team.name.save" defaultMessage="Use this name" />
      </button>
      <ErrorNote message={rename.error ? errorText(rename.error) : null} />
    </form>
  );
}

export function TeamSettings() {
  const errorText = useErrorText();
  const colleagues = useApi('colleague.list', {});
  return (
    <section className="card team" aria-labelledby="team-title">
      <h2 id="team-title">
        <FormattedMessage id="team.title" defaultMessage="Team" />
      </h2>
      <p className="hint">
        <FormattedMessage
          id="team.hint"
          defaultMessage="Colleagues send you bundles encrypted to your public key; only this vault can open them. Give the key in person or read the QR code off the screen, and compare it with what they saved."
        />
      </p>
      <OwnKey />
      <OwnName />
      <h3>
        <FormattedMessage id="team.colleagues" defaultMessage="Colleagues" />
      </h3>
      <ErrorNote message={colleagues.error ? errorText(colleagues.error) : null} />
      {colleagues.data && colleagues.data.length === 0 && (
        <p className="hint">
          <FormattedMessage
            id="team.colleagues.none"
            defaultMessage="No colleagues yet. Add one with the public key they shared with you."
          />
        </p>
      )}
      {colleagues.data && colleagues.data.length > 0 && (
        <ul className="colleagues">
          {colleagues.data.map((c) => (
            <ColleagueRow key={c.id} colleague={c} />
          ))}
        </ul>
      )}
      <AddColleague />
      <InboxFolder />
    </section>
  );
}
