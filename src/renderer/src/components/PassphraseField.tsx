import { useId, useState } from 'react';
import { FormattedMessage } from 'react-intl';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
  describedBy?: string;
}

/** A passphrase input with a show/hide toggle (long passphrases are easier to type when visible). */
export function PassphraseField({ label, value, onChange, autoComplete, autoFocus, describedBy }: Props) {
  const id = useId();
  const [visible, setVisible] = useState(false);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div className="passphrase-row">
        <input
          id={id}
          type={visible ? 'text' : 'password'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          autoComplete={autoComplete}
          autoFocus={autoFocus}
          spellCheck={false}
          aria-describedby={describedBy}
        />
        <button type="button" className="ghost" onClick={() => setVisible((v) => !v)} aria-pressed={visible}>
          {visible ? (
            <FormattedMessage id="vault.passphrase.hide" defaultMessage="Hide" />
          ) : (
            <FormattedMessage id="vault.passphrase.show" defaultMessage="Show" />
          )}
        </button>
      </div>
    </div>
  );
}
