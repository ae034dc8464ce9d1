// Where a saved web page came from and when it was saved, as the page itself records it, so a note
// can print "available at …, accessed …" (UPR-SUBMISSION.md, "Citation formats"). Browsers and
// extensions leave different marks:
// - Chrome/Edge/IE "Save page as": `<!-- saved from url=(0052)https://… -->` at the top (no date);
// - SingleFile: a comment "Page saved with SingleFile / url: … / saved date: Wed Sep 24 2026 …";
// - Save Page WE: `<meta name="savepage-url">` and `<meta name="savepage-date">`;
// - the site itself: `<link rel="canonical">` or `<meta property="og:url">`.
// The page is hostile input: only an http(s) address without spaces, control characters or
// credentials is kept, and nothing is ever fetched from it.
import { WEB_ADDRESS } from '../../shared/domain.ts';

export interface PageAddress {
  /** An absolute http(s) address. */
  url?: string;
  /** YYYY-MM-DD: the day the page says it was saved, as the saver's own calendar had it. */
  savedOn?: string;
}

/** How much of the page's start is searched for the marks browsers put before the content. */
const HEAD = 16_384;
const MAX_URL = 2000;

/** An address a note may print, or undefined; a relative one is resolved against `base` when given. */
export function webAddress(raw: string | null | undefined, base?: string): string | undefined {
  const text = (raw ?? '').trim();
  if (text === '' || text.length > MAX_URL) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(text, base);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  // An absolute address is kept as written (a Cyrillic path stays readable); a resolved or
  // credential-bearing one is rebuilt by the URL parser.
  let url = /^https?:\/\//i.test(text) ? text : parsed.href;
  if (parsed.username || parsed.password) {
    parsed.username = '';
    parsed.password = '';
    url = parsed.href;
  }
  return WEB_ADDRESS.test(url) && url.length <= MAX_URL ? url : undefined;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDay(year: number, month: number, day: number): string | undefined {
  const when = new Date(Date.UTC(year, month - 1, day));
  if (when.getUTCFullYear() !== year || when.getUTCMonth() !== month - 1 || when.getUTCDate() !== day) return undefined;
  if (year < 1990 || year > 2200) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The day a "saved date" names, as written: JavaScript's Date string ("Wed Sep 24 2026 10:00:00
 * GMT+0200 (…)", what SingleFile and Save Page WE write) or an ISO date. The day is read from the
 * text, not converted to UTC: it is the day on the calendar of the person who saved the page.
 */
export function savedDay(raw: string | null | undefined): string | undefined {
  const text = (raw ?? '').trim();
  const js = /\b([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(text);
  if (js) {
    const month = MONTHS.indexOf((js[1] as string).toLowerCase()) + 1;
    if (month > 0) return isoDay(Number(js[3]), month, Number(js[2]));
  }
  const iso = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(text);
  return iso ? isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3])) : undefined;
}

function metaContent(document: Document, name: string): string | undefined {
  const element =
    document.querySelector(`meta[name="${name}" i]`) ?? document.querySelector(`meta[property="${name}" i]`);
  return element?.getAttribute('content') ?? undefined;
}

/** The page's address and saved day, from the marks above; `document` is the parsed page. */
export function pageAddress(html: string, document: Document): PageAddress {
  const head = html.slice(0, HEAD);
  const savedFrom = /<!--\s*saved from url=\(\d+\)\s*(\S+?)\s*-->/i.exec(head)?.[1];
  const singleFile = /<!--\s*Page saved with SingleFile([\s\S]*?)-->/i.exec(head)?.[1] ?? '';
  const singleFileUrl = /^\s*url:\s*(\S+)\s*$/im.exec(singleFile)?.[1];
  const singleFileDate = /^\s*saved date:\s*(.+?)\s*$/im.exec(singleFile)?.[1];
  // The address the person read it at, to resolve a relative canonical link against.
  const readAt =
    webAddress(savedFrom) ?? webAddress(singleFileUrl) ?? webAddress(metaContent(document, 'savepage-url'));
  const canonical = document.querySelector('link[rel~="canonical" i]')?.getAttribute('href');
  // The site's own name for the page first: it carries no tracking parameters or session marks.
  const url = webAddress(canonical, readAt) ?? webAddress(metaContent(document, 'og:url'), readAt) ?? readAt;
  const savedOn = savedDay(singleFileDate) ?? savedDay(metaContent(document, 'savepage-date'));
  return { ...(url ? { url } : {}), ...(savedOn ? { savedOn } : {}) };
}
