import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';

/**
 * "Copy diagnostics": what failed recently, as codes and timings, for whoever supports the person.
 * The text is shown before it is copied, so they can see it names no case, person or file.
 */
export function Diagnostics() {
  const intl = useIntl();
  const errorText = useErrorText();
  // Read on demand only, and afresh each time: the log grows while the window is open.
  const diagnostics = useApi('app.diagnostics', {}, { enabled: false, gcTime: 0 });
  const [copied, setCopied] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const report = diagnostics.data?.report ?? null;

  const copy = async () => {
    setCopied(false);
    const { data } = await diagnostics.refetch();
    if (!data) return;
    // The window may refuse clipboard permission (Upright denies every permission): selecting
    // the text and copying it as a person would works everywhere.
    try {
      await navigator.clipboard.writeText(data.report);
    } catch {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      area.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };

  return (
    <section aria-labelledby="diagnostics-heading" className="diagnostics">
      <h3 id="diagnostics-heading">
        <FormattedMessage id="settings.diagnostics.title" defaultMessage="Diagnostics" />
      </h3>
      <p className="hint">
        <FormattedMessage
          id="settings.diagnostics.hint"
          defaultMessage="If something goes wrong, send this to the person who supports you. It lists recent failures by their code and how long they took, with Upright’s version — never a document, a name, a title or a file path."
        />
      </p>
      <div className="actions">
        <button type="button" onClick={() => void copy()}>
          <FormattedMessage id="settings.diagnostics.copy" defaultMessage="Copy diagnostics" />
        </button>
        {copied ? (
          <span role="status" className="hint">
            <FormattedMessage id="settings.diagnostics.copied" defaultMessage="Copied to the clipboard." />
          </span>
        ) : null}
      </div>
      <ErrorNote message={diagnostics.error ? errorText(diagnostics.error) : null} />
      {report !== null ? (
        <textarea
          ref={area}
          className="mono diagnostics-text"
          aria-label={intl.formatMessage({ id: 'settings.diagnostics.text', defaultMessage: 'Diagnostics text' })}
          readOnly
          rows={8}
          value={report}
        />
      ) : null}
    </section>
  );
}
