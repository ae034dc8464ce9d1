import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import type { PageSpan } from '../../../../shared/api.ts';
import { fromBase64 } from '../../api/bytes.ts';
import { useApi } from '../../api/queries.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { useErrorText } from '../../i18n/errors.ts';
import {
  highlightBoxes,
  type MeasureText,
  type PageView,
  type PdfHighlight,
  type PdfTextItem,
} from './pdfHighlights.ts';

interface Props {
  sourceId: string;
  /** The source's normalised text and page map: where each excerpt is, to find it on its page. */
  text: string;
  pages: PageSpan[];
  /** The excerpts to draw over the pages, in their codes' colours. */
  highlights: PdfHighlight[];
  selectedExcerpt: string | null;
}

/**
 * The original PDF, rendered by pdf.js from bytes held in memory — never written to a temp file.
 * Pages are drawn as they scroll into view, with the excerpts highlighted where they are printed.
 */
export function PdfOriginal({ sourceId, text, pages, highlights, selectedExcerpt }: Props) {
  const intl = useIntl();
  const errorText = useErrorText();
  // The bytes come through the query cache (emptied by a lock); pdf.js reads them from memory.
  const original = useApi('source.original', { id: sourceId });
  const data = original.data?.data;
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<unknown>(null);
  const source = useMemo(() => ({ text, pages }), [text, pages]);

  useEffect(() => {
    if (data === undefined) return;
    let cancelled = false;
    let loading: { destroy(): Promise<void> } | null = null;
    (async () => {
      const [pdfjs, worker] = await Promise.all([
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
    })().catch((e: unknown) => !cancelled && setError(e));
    return () => {
      cancelled = true;
      void loading?.destroy();
    };
  }, [data]);

  const failure = original.error ?? error;
  if (failure)
    return (
      <ErrorNote
        message={intl.formatMessage(
          { id: 'reader.original.failed', defaultMessage: 'The original could not be shown: {reason}' },
          { reason: errorText(failure) },
        )}
      />
    );
  if (!doc)
    return (
      <p className="hint">
        <FormattedMessage id="reader.original.opening" defaultMessage="Opening the original…" />
      </p>
    );
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling pages must be reachable by keyboard
    <div className="pdf-scroll" data-testid="pdf-original" tabIndex={0}>
      {pageNumbers(doc.numPages).map((n) => (
        <PdfPage
          key={n}
          doc={doc}
          pageNumber={n}
          source={source}
          highlights={highlights}
          selectedExcerpt={selectedExcerpt}
        />
      ))}
    </div>
  );
}

function pageNumbers(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i + 1);
}

interface PageProps {
  doc: PDFDocumentProxy;
  pageNumber: number;
  source: { text: string; pages: PageSpan[] };
  highlights: PdfHighlight[];
  selectedExcerpt: string | null;
}

function PdfPage({ doc, pageNumber, source, highlights, selectedExcerpt }: PageProps) {
  const intl = useIntl();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [visible, setVisible] = useState(false);
  /** The page's text runs and visible area, read once the page is drawn. */
  const [layout, setLayout] = useState<{
    items: PdfTextItem[];
    view: PageView;
    /** Each item font's family (serif, sans-serif…), to measure where a character falls in its run. */
    families: Map<string, string>;
  } | null>(null);

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
    let cancelled = false;
    void doc.getPage(pageNumber).then(async (page) => {
      const canvas = canvasRef.current;
      if (!canvas || cancelled) return;
      const scale = 1.3 * (window.devicePixelRatio || 1);
      const viewport = page.getViewport({ scale });
      canvas.width = viewport.width;
      canvas.height = viewport.height;
      canvas.style.width = `${viewport.width / (window.devicePixelRatio || 1)}px`;
      const render = page.render({ canvas, viewport });
      task = render;
      render.promise.catch(() => {});
      const content = await page.getTextContent();
      if (cancelled) return;
      const items = content.items.filter((item): item is PdfTextItem & typeof item => 'str' in item);
      const families = new Map(
        Object.entries(content.styles).map(([name, style]) => [name, style.fontFamily || 'serif']),
      );
      setLayout({ items, view: page.view as PageView, families });
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [visible, doc, pageNumber]);

  const boxes = useMemo(() => {
    if (!layout) return [];
    const context = document.createElement('canvas').getContext('2d');
    const measure: MeasureText = (text, item) => {
      if (!context) return text.length;
      const family = layout.families.get((item as { fontName?: string }).fontName ?? '') ?? 'serif';
      context.font = `100px ${family}`;
      return context.measureText(text).width;
    };
    return highlightBoxes(pageNumber, layout.items, layout.view, source, highlights, measure);
  }, [layout, pageNumber, source, highlights]);
  const excerpts = new Set(boxes.map((b) => b.id)).size;

  return (
    <figure className="pdf-page">
      <div className="pdf-sheet">
        <canvas
          ref={canvasRef}
          width={612}
          height={792}
          aria-label={intl.formatMessage(
            {
              id: 'reader.original.page.label',
              defaultMessage:
                'Page {page} of the original{count, plural, =0 {} one {, # excerpt highlighted} other {, # excerpts highlighted}}',
            },
            { page: pageNumber, count: excerpts },
          )}
          role="img"
        />
        <div className="pdf-highlights" aria-hidden="true" data-testid={`pdf-highlights-${pageNumber}`}>
          {boxes.map((box, i) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: an excerpt has one box per text run, in a fixed order
              key={`${box.id}-${i}`}
              className={`pdf-highlight${box.id === selectedExcerpt ? ' selected' : ''}`}
              data-excerpt-id={box.id}
              style={{
                left: `${box.left * 100}%`,
                top: `${box.top * 100}%`,
                width: `${box.width * 100}%`,
                height: `${box.height * 100}%`,
                backgroundColor: box.colour,
              }}
            />
          ))}
        </div>
      </div>
      <figcaption>
        <FormattedMessage id="reader.page" defaultMessage="Page {page}" values={{ page: pageNumber }} />
      </figcaption>
    </figure>
  );
}
