import { useState } from 'react';
import type { VaultStatus } from '../../../../shared/api.ts';
import { invoke } from '../../api/client.ts';
import { CopySampleSources } from './CopySampleSources.tsx';

/** Always on screen in the sample: what this is, how to take its sources along, how to leave. */
export function SampleBanner({ onLeft }: { onLeft: (status: VaultStatus) => void }) {
  const [copying, setCopying] = useState(false);
  const leave = () => void invoke('sample.leave', {}).then(onLeft);
  return (
    <>
      <div className="sample-banner" role="note">
        <span>
          <strong>Sample vault.</strong> A worked example from public documents and one fictional field note: open the
          dossier for its coded excerpts, entities and submission draft. Nothing you add here is kept.
        </span>
        <span className="sample-actions">
          <button type="button" onClick={() => setCopying(true)}>
            Copy these sources into my vault
          </button>
          <button type="button" onClick={leave}>
            Leave the sample
          </button>
        </span>
      </div>
      {copying && <CopySampleSources onClose={() => setCopying(false)} onLeave={leave} />}
    </>
  );
}
