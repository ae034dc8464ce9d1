import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'react';
import { fromBase64 } from '../../api/bytes.ts';
import { invoke } from '../../api/client.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';

/**
 * The original PDF, rendered by pdf.js from bytes held in memory — never written to a temp file.
 * Pages are drawn as they scroll into view.
 */
export function PdfOriginal({ sourceId }: { sourceId: string }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    let loading: { destroy(): Promise<void> } | null = null;
    (async () => {
      const [{ data }, pdfjs, worker] = await Promise.all([
        invoke('source.original', { id: sourceId }),
        import('pdfjs-dist'),
        import('pdfjs-dist/build/pdf.worker.min.mjs?url'),
      ]);
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      // Bytes in memory only; no fetching of fonts or anything else.
      const task = pdfjs.getDocument({
        data: fromBase64(data),
        useSystemFonts: true,
        disableAutoFetch: true,
        disableStream: true,
      });
      loading = task;
      const loaded = await task.promise;
      if (!cancelled) setDoc(loaded);
    })().catch((e: Error) => !cancelled && setError(`The original could not be shown: ${e.message}`));
    return () => {
      cancelled = true;
      void loading?.destroy();
    };
  }, [sourceId]);

  if (error) return <ErrorNote message={error} />;
  if (!doc) return <p className="hint">Opening the original…</p>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling pages must be reachable by keyboard
    <div className="pdf-scroll" data-testid="pdf-original" tabIndex={0}>
      {pageNumbers(doc.numPages).map((n) => (
        <PdfPage key={n} doc={doc} pageNumber={n} />
      ))}
    </div>
  );
}

function pageNumbers(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

function PdfPage({ doc, pageNumber }: { doc: PDFDocumentProxy; pageNumber: number }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new IntersectionObserver(([entry]) => entry?.isIntersecting && setVisible(true), {
      rootMargin: '400px',
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (!visible) return;
    let task: { cancel(): void } | null = null;
    void doc.getPage(pageNumber).then((page) => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      const scale = 1.3 * (window.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale });
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.style.width = `${viewport.width / (window.devicePixelRatio || 1)}px`;
      const render = page.render({ canvas, viewport });
      task = render;
      render.promise.catch(() => {});
    });
    return () => task?.cancel();
  }, [visible, doc, pageNumber]);

  return (
    <figure className="pdf-page">
      <canvas ref={canvasRef} width={612} height={792} aria-label={`Page ${pageNumber} of the original`} role="img" />
      <figcaption>Page {pageNumber}</figcaption>
    </figure>
  );
}
