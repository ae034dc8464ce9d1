import { useId, useState } from 'react';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "; left out: 2 marked “never export” and 5 marked “restricted”." */
function leftOut(never: number, restricted: number): string {
  const parts = [
    never ? `${plural(never, 'excerpt', 'excerpts')} marked “never export”` : '',
    restricted
      ? `${plural(restricted, 'excerpt', 'excerpts')} marked “restricted” (tick “Include restricted excerpts” to include them)`
      : '',
  ].filter(Boolean);
  return parts.length ? `. Left out: ${parts.join(' and ')}.` : '.';
}

/**
 * Exports a dossier's excerpts for other tools: W3C Web Annotation JSON (annotation tools, archives)
 * or CSV (a coalition's spreadsheet). Only public excerpts by default: "restricted" ones (for the team)
 * go when asked for, "never export" ones never; the result says how many were left out.
 */
export function ExportExcerpts({ dossierId }: { dossierId: string }) {
  const id = useId();
  const [includeRestricted, setIncludeRestricted] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function save(format: 'w3c' | 'csv') {
    setStatus(null);
    setError(null);
    try {
      const result = await invoke('annotation.export', { dossierId, format, includeRestricted });
      if (!result.saved) return;
      setStatus(
        `Saved ${plural(result.count, 'excerpt', 'excerpts')} to ${result.path}${leftOut(result.withheld, result.restrictedWithheld)}`,
      );
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="export-excerpts">
      <span className="export-label">Export excerpts:</span>
      <label className="check" htmlFor={`${id}-restricted`}>
        <input
          id={`${id}-restricted`}
          type="checkbox"
          checked={includeRestricted}
          onChange={(e) => setIncludeRestricted(e.target.checked)}
        />
        <span>Include restricted excerpts (for the team only)</span>
      </label>
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
