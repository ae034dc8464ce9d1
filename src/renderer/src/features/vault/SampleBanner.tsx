import { useState } from 'react';
import { FormattedMessage } from 'react-intl';
import type { VaultStatus } from '../../../../shared/api.ts';
import { mutate } from '../../api/queries.ts';
import { CopySampleSources } from './CopySampleSources.tsx';

/** Always on screen in the sample: what this is, how to take its sources along, how to leave. */
export function SampleBanner({ onLeft }: { onLeft: (status: VaultStatus) => void }) {
  const [copying, setCopying] = useState(false);
  const leave = () => void mutate('sample.leave', {}).then(onLeft);
  return (
    <>
      <div className="sample-banner" role="note">
        <span>
          <FormattedMessage
            id="shell.sample.banner"
            defaultMessage="<b>Sample vault.</b> A worked example from public documents and one fictional field note: open the dossier for its coded excerpts, entities and submission draft. Nothing you add here is kept."
            values={{ b: (chunks) => <strong>{chunks}</strong> }}
          />
        </span>
        <span className="sample-actions">
          <button type="button" onClick={() => setCopying(true)}>
            <FormattedMessage id="shell.sample.copy" defaultMessage="Copy these sources into my vault" />
          </button>
          <button type="button" onClick={leave}>
            <FormattedMessage id="shell.sample.leave" defaultMessage="Leave the sample" />
          </button>
        </span>
      </div>
      {copying && <CopySampleSources onClose={() => setCopying(false)} onLeave={leave} />}
    </>
  );
}
