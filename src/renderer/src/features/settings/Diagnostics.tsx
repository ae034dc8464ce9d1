import { useRef, useState } from 'react';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';

/**
 * "Copy diagnostics": what failed recently, as codes and timings, for whoever supports the person.
 * The text is shown before it is copied, so they can see it names no case, person or file.
 */
export function Diagnostics() {
  const [report, setReport] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);

  const copy = async () => {
    setError(null);
    setCopied(false);
    try {
      const { report: text } = await invoke('app.diagnostics', {});
      setReport(text);
      // The window may refuse clipboard permission (Upright denies every permission): selecting
      // the text and copying it as a person would works everywhere.
      try {
        await navigator.clipboard.writeText(text);
      } catch {
        await new Promise((resolve) => requestAnimationFrame(resolve));
        area.current?.select();
        document.execCommand('copy');
      }
      setCopied(true);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section aria-labelledby="diagnostics-heading" className="diagnostics">
      <h3 id="diagnostics-heading">Diagnostics</h3>
      <p className="hint">
        If something goes wrong, send this to the person who supports you. It lists recent failures by their code and
        how long they took, with Upright’s version — never a document, a name, a title or a file path.
      </p>
      <div className="actions">
        <button type="button" onClick={copy}>
          Copy diagnostics
        </button>
        {copied ? (
          <span role="status" className="hint">
            Copied to the clipboard.
          </span>
        ) : null}
      </div>
      <ErrorNote message={error} />
      {report !== null ? (
        <textarea
          ref={area}
          className="mono diagnostics-text"
          aria-label="Diagnostics text"
          readOnly
          rows={8}
          value={report}
        />
      ) : null}
    </section>
  );
}
