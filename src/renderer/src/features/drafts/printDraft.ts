// Prints the rendered draft through the system print dialog (where "Save as PDF" lives), from a hidden
// frame so the app's own screen is not what gets printed.
//
// The frame is an about:blank child of this page: it needs no frame source (the CSP forbids any), and
// the rendered HTML is copied in as inert nodes. The CSP also refuses inline <style> and style
// attributes, so the render's styles are applied through the CSSOM (a constructed style sheet, and
// element.style), which the CSP does not govern.

const FRAME_ID = 'draft-print-frame';

/** `title` names the hidden frame for assistive technology, in the interface language. */
export function printDraft(html: string, title: string): HTMLIFrameElement {
  document.getElementById(FRAME_ID)?.remove();
  const frame = document.createElement('iframe');
  frame.id = FRAME_ID;
  frame.className = 'print-frame';
  frame.title = title;
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  document.body.append(frame);

  const target = frame.contentDocument;
  const view = frame.contentWindow;
  if (!target || !view) throw new Error('The print view could not be prepared.');
  // Even a parsed, never-shown document is held to the page's CSP (Chromium reports its <style>
  // elements and style attributes as violations), so the styles are taken out of the text before it is
  // parsed. The render escapes "<" in text, so a tag can only be a real one.
  const css: string[] = [];
  const inert = html
    .replace(/<style>([\s\S]*?)<\/style>/gi, (_all, sheet: string) => {
      css.push(sheet);
      return '';
    })
    .replace(/(<[a-z][^<>]*?)\sstyle="/gi, '$1 data-print-style="');
  const source = new DOMParser().parseFromString(inert, 'text/html');
  // Nothing executable crosses over: scripts, inline handlers and links out are dropped.
  for (const el of source.querySelectorAll('script, style, link, meta[http-equiv], iframe, object, embed')) el.remove();
  for (const el of source.querySelectorAll('*')) {
    for (const attribute of [...el.attributes]) {
      if (attribute.name.toLowerCase().startsWith('on')) el.removeAttribute(attribute.name);
    }
  }
  // Style attributes (carried over as data above) are applied through the CSSOM below.
  target.documentElement.replaceWith(target.importNode(source.documentElement, true));
  for (const el of target.querySelectorAll<HTMLElement>('[data-print-style]')) {
    el.style.cssText = el.dataset.printStyle ?? '';
    delete el.dataset.printStyle;
  }
  target.title = source.title;
  // A sheet must be constructed by the document that adopts it.
  const FrameSheet = (view as unknown as typeof globalThis).CSSStyleSheet;
  const sheet = new FrameSheet();
  sheet.replaceSync(css.join('\n'));
  target.adoptedStyleSheets = [sheet];
  const back = document.activeElement as HTMLElement | null;
  view.focus();
  view.print();
  // print() returns once the dialog is closed; the keyboard goes back to where it was.
  back?.focus();
  return frame;
}
