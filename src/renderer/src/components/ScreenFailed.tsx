import type { FallbackProps } from 'react-error-boundary';
import { FormattedMessage } from 'react-intl';
import { useErrorText } from '../i18n/errors.ts';

/** What a screen shows when it fails while drawing: why, and a way to try again. Nothing was changed. */
export function ScreenFailed({ error, resetErrorBoundary }: FallbackProps) {
  const errorText = useErrorText();
  return (
    <section className="card screen-failed" role="alert">
      <h2>
        <FormattedMessage id="shell.screenFailed.title" defaultMessage="This screen could not be shown" />
      </h2>
      <p>{errorText(error)}</p>
      <p>
        <FormattedMessage
          id="shell.screenFailed.body"
          defaultMessage="The rest of Upright still works and nothing was changed. Try again, or go to another place; Settings › About can copy diagnostics for support."
        />
      </p>
      <button type="button" className="primary" onClick={resetErrorBoundary}>
        <FormattedMessage id="shell.screenFailed.retry" defaultMessage="Try again" />
      </button>
    </section>
  );
}
