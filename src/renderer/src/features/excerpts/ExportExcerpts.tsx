import { useState } from 'react';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';

/**
 * Exports a dossier's excerpts for other tools: W3C Web Annotation JSON (annotation tools, archives)
 * or CSV (a coalition's spreadsheet). Excerpts marked "never export" are always left out.
 */
export function ExportExcerpts({ dossierId }: { dossierId: string }) {
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(format: 'w3c' | 'csv') {
    setStatus(null);
    setError(null);
    try {
      const result = await invoke('annotation.export', { dossierId, format });
      if (!result.saved) return;
      setStatus(
        `Saved ${result.count} excerpts to ${result.path}` +
          (result.withheld ? `; ${result.withheld} marked “never export” were left out.` : '.'),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="export-excerpts">
      <span className="export-label">Export excerpts:</span>
      <button type="button" className="small" onClick={() => void save('w3c')}>
        Web Annotation JSON
      </button>
      <button type="button" className="small" onClick={() => void save('csv')}>
        CSV
      </button>
      {status && (
        <p className="ok-note" role="status">
          {status}
        </p>
      )}
      <ErrorNote message={error} />
    </div>
  );
}
