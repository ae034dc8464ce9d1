import { useId, useState } from 'react';
import { CONFIDENTIALITY_LABELS } from '../../../../shared/domain.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { ExcerptPlace } from '../excerpts/ExcerptPlace.tsx';
import { EXCERPT_DRAG_TYPE } from './schema.ts';
import { useExcerptSearch } from './useExcerptSearch.ts';

/** The dossier's excerpts beside the text: drag one into a sentence, or cite it at the cursor. */
export function ExcerptPanel({ dossierId, onCite }: { dossierId: string; onCite: (excerptId: string) => void }) {
  const id = useId();
  const [text, setText] = useState('');
  const { excerpts, error } = useExcerptSearch(dossierId, text);
  return (
    <div className="excerpt-panel">
      <div className="field">
        <label htmlFor={`${id}-search`}>Find an excerpt</label>
        <input
          id={`${id}-search`}
          type="search"
          value={text}
          placeholder="Words in quote or note"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <p className="hint">Drag an excerpt into the text, or place the cursor and press Cite.</p>
      <ErrorNote message={error} />
      {excerpts?.length === 0 && (
        <p className="hint">{text.trim() ? 'No excerpt matches.' : 'This dossier has no excerpts yet.'}</p>
      )}
      <ul className="panel-excerpts" aria-label="Excerpts to cite">
        {excerpts?.map((e) => (
          <li
            key={e.id}
            draggable
            data-excerpt-id={e.id}
            onDragStart={(event) => {
              event.dataTransfer.setData(EXCERPT_DRAG_TYPE, e.id);
              event.dataTransfer.effectAllowed = 'copy';
            }}
          >
            <span id={`${id}-${e.id}`} className="excerpt-quote">
              “{e.exact}”
            </span>
            <span className="excerpt-meta">
              <ExcerptPlace excerpt={e} />
              {e.confidentiality !== 'public' && (
                <span className={`badge ${e.confidentiality}`}>{CONFIDENTIALITY_LABELS[e.confidentiality]}</span>
              )}
            </span>
            <button type="button" onClick={() => onCite(e.id)} aria-describedby={`${id}-${e.id}`}>
              Cite
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
