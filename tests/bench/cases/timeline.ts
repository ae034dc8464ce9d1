// Timeline benchmark: a dossier's Timeline tab with 1,000 events (participants and a place on each,
// spread over 40 years), rendered in Chromium through the real services and the built renderer, as
// the reader benchmark does. Measured from the click on the Timeline tab to the painted frame that
// shows the chronology, fetching the events over the bridge included. The baseline, in the same run
// and browser, is a dossier with 10 such events: the ratio shows what the thousand cost. Needs the
// built renderer (out/renderer); it is built when missing.
import type { Page } from '@playwright/test';
import type { Store } from '../../../src/main/store/index.ts';
import { EVENT_ROLES } from '../../../src/shared/api/events.ts';
import { fuzzyPoint } from '../../../src/shared/fuzzy-date.ts';
import { type BenchCase, type BenchRow, quantile, ratioRow } from '../harness.ts';
import { withRendererPreview } from '../renderer-preview.ts';

const EVENTS = 1_000;
const BASELINE_EVENTS = 10;
/** Opens of each side after a warm-up; the median is reported. */
const OPENS = 9;
const TARGET_MS = 200;

const BIG = `Timeline of ${EVENTS.toLocaleString('en')} events`;
const SMALL = `Timeline of ${BASELINE_EVENTS} events`;
const READY = '[data-testid="timeline"]';

function fill(store: Store): void {
  store.transaction(() => {
    const entities = Array.from({ length: 30 }, (_, i) =>
      store.entities.create({ kind: i % 3 === 0 ? 'organisation' : 'person', name: `Participant ${i + 1}` }),
    );
    for (const [title, count] of [
      [BIG, EVENTS],
      [SMALL, BASELINE_EVENTS],
    ] as const) {
      const dossier = store.dossiers.create({ title });
      for (let i = 0; i < count; i++) {
        // Days, months and years mixed, as dates are known in real dossiers.
        const year = 1985 + (i % 40);
        const month = (i % 12) + 1;
        const date =
          i % 5 === 0
            ? fuzzyPoint(year)
            : i % 5 === 1
              ? fuzzyPoint(year, month)
              : fuzzyPoint(year, month, (i % 28) + 1);
        store.events.create({
          dossierId: dossier.id,
          title: `Event ${i + 1}: hearing of the association's appeal before the regional court`,
          date,
          place: i % 2 === 0 ? 'Shymkent' : null,
          participants: [0, 1].map((k) => ({
            entityId: (entities[(i + k * 7) % entities.length] as { id: string }).id,
            role: EVENT_ROLES[(i + k) % EVENT_ROLES.length] as (typeof EVENT_ROLES)[number],
          })),
        });
      }
    }
  });
}

interface ProbeElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  click(): void;
}
interface ProbeWindow {
  document: {
    querySelector(selector: string): ProbeElement | null;
    querySelectorAll(selector: string): Iterable<ProbeElement>;
  };
  requestAnimationFrame(callback: (time: number) => void): number;
}

/** Clicks the Timeline tab and times until the frame showing the chronology has been painted. */
async function timeTab(page: Page): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('The timeline did not open in 60 s')), 60_000);
  });
  const run = page.evaluate(async (ready) => {
    const w = globalThis as unknown as ProbeWindow;
    const frame = () => new Promise<number>((resolve) => w.requestAnimationFrame(resolve));
    const tab = [...w.document.querySelectorAll('[role="tab"]')].find((b) => b.textContent === 'Timeline');
    if (!tab) throw new Error('No Timeline tab');
    const started = performance.now();
    tab.click();
    for (;;) {
      await frame();
      if (w.document.querySelector(ready)) break;
      if (performance.now() - started > 30_000) throw new Error('The timeline did not show in 30 s');
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    return performance.now() - started;
  }, READY);
  return Promise.race([run, limit]).finally(() => clearTimeout(timer));
}

async function openDossier(page: Page, title: string): Promise<void> {
  await page
    .getByRole('button', { name: new RegExp(title) })
    .first()
    .click();
  await page.getByRole('tab', { name: 'Sources' }).click();
  await page.getByRole('tab', { name: 'Sources', selected: true }).waitFor();
  await page.waitForTimeout(200);
}

async function measureOne(page: Page, title: string, count: number): Promise<number> {
  await openDossier(page, title);
  const ms = await timeTab(page);
  // The list draws only the rows on screen: check that it holds all of them (the heading counts them).
  await page.getByRole('heading', { name: `Timeline (${count.toLocaleString('en')} events)` }).waitFor();
  if ((await page.locator(`${READY} .timeline-event`).count()) === 0) throw new Error(`${title}: no event shown`);
  await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('button', { name: 'Dossiers' }).click();
  await page.getByRole('button', { name: new RegExp(SMALL) }).waitFor();
  await page.waitForTimeout(300);
  return ms;
}

export const timelineBench: BenchCase = {
  name: `timeline: ${EVENTS.toLocaleString('en')} events on the Timeline tab in Chromium`,
  async run(): Promise<BenchRow[]> {
    return withRendererPreview('timeline', fill, async (page) => {
      await page.getByRole('button', { name: new RegExp(SMALL) }).waitFor();
      const sides = [
        { title: BIG, count: EVENTS, times: [] as number[] },
        { title: SMALL, count: BASELINE_EVENTS, times: [] as number[] },
      ];
      // A warm-up each, then alternated rounds so that a slower stretch of the machine falls on both.
      for (const side of sides) await measureOne(page, side.title, side.count);
      for (let round = 0; round < OPENS; round++) {
        for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
          side.times.push(await measureOne(page, side.title, side.count));
        }
      }
      const [big, small] = sides as [(typeof sides)[0], (typeof sides)[0]];
      const median = quantile(big.times, 0.5);
      const baseline = quantile(small.times, 0.5);
      return [
        {
          label: `Timeline tab, ${EVENTS.toLocaleString('en')} events: median of ${OPENS}`,
          value: median,
          unit: 'ms',
          target: `≤ ${TARGET_MS} ms`,
          met: median <= TARGET_MS,
        },
        { label: `  spread (p10–p90)`, value: quantile(big.times, 0.9) - quantile(big.times, 0.1), unit: 'ms' },
        { label: `Timeline tab, ${BASELINE_EVENTS} events (baseline)`, value: baseline, unit: 'ms' },
        { label: `  spread (p10–p90)`, value: quantile(small.times, 0.9) - quantile(small.times, 0.1), unit: 'ms' },
        ratioRow(`${EVENTS.toLocaleString('en')} / ${BASELINE_EVENTS} events`, median, baseline),
      ];
    });
  },
};
