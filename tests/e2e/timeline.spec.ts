// A lawyer builds the registration history of the Confederation of Independent Trade Unions (KNPRK)
// from an NGO submission and a campaign page: events made from excerpts in two clicks (the date and
// the organisation prefilled), one month-only, one a range, with evidence from both sources; the
// timeline shows them in order, filters by the organisation, and marks as disputed the one whose
// evidence the Government's reply contradicts.
import type { Page } from '@playwright/test';
import {
  callFromPage,
  createDossierThroughUi,
  createVaultThroughUi,
  expect,
  listFromPage,
  snap,
  test,
} from './support/app.ts';

const ICTUR = 'tests/fixtures/documents/ictur-upr-submission-kazakhstan.txt';
const CAMPAIGN = 'tests/fixtures/documents/campaign-page-kazakhstan-fundamental-rights.txt';
const ILO = 'tests/fixtures/documents/ilo-cas-kazakhstan-c87-2022.txt';

interface Source {
  id: string;
  title: string;
  text: string;
}

async function sources(page: Page, dossierId: string): Promise<Source[]> {
  const list = await listFromPage<{ id: string; title: string }[]>(page, 'source.list', { dossierId });
  return Promise.all(
    list.map(async (s) => ({
      ...s,
      text: (await callFromPage<{ text: string }>(page, 'source.get', { id: s.id })).text,
    })),
  );
}

/** Marks the words as an excerpt, linked to the entities (as the reader's inspector would). */
async function mark(page: Page, source: Source, words: string, entityIds: string[] = []): Promise<string> {
  const start = source.text.indexOf(words);
  expect(start, words).toBeGreaterThanOrEqual(0);
  const excerpt = await callFromPage<{ id: string }>(page, 'excerpt.create', {
    sourceId: source.id,
    start,
    end: start + words.length,
  });
  if (entityIds.length > 0) await callFromPage(page, 'excerpt.update', { id: excerpt.id, entityIds });
  return excerpt.id;
}

test('a registration history on the timeline: in order, filtered by the organisation, one disputed', async ({
  upright,
}) => {
  test.setTimeout(180_000);
  const { page } = upright;
  await createVaultThroughUi(page);
  await createDossierThroughUi(page, 'Kazakhstan — freedom of association');
  await page.getByTestId('file-input').setInputFiles([ICTUR, CAMPAIGN, ILO]);
  await expect(page.getByTestId('import-results')).toContainText('Imported');
  const [dossier] = await callFromPage<{ id: string }[]>(page, 'dossier.list', {});
  const dossierId = dossier?.id ?? '';
  await expect
    .poll(async () => (await listFromPage<unknown[]>(page, 'source.list', { dossierId })).length, { timeout: 60_000 })
    .toBe(3);
  const all = await sources(page, dossierId);
  const ictur = all.find((s) => s.text.includes('on 8 June 2015 it submitted')) as Source;
  const campaign = all.find((s) => s.text.includes('was liquidated in March 2017')) as Source;
  const ilo = all.find((s) => s.text.includes('Registration was denied due to the similarity')) as Source;
  const knprk = await callFromPage<{ id: string }>(page, 'entity.create', { kind: 'organisation', name: 'KNPRK' });
  const ministry = await callFromPage<{ id: string }>(page, 'entity.create', {
    kind: 'organisation',
    name: 'Ministry of Justice',
  });

  const applied = await mark(page, ictur, 'on 8 June 2015 it submitted another application for registration', [
    knprk.id,
  ]);
  const returned = await mark(page, ictur, 'which was returned on 22 June 2015');
  const courtCase = await mark(
    page,
    ictur,
    'the Justice Ministry brought a case against the confederation in the Economic Court in Shymkent in southern Kazakhstan on 5 December 2016',
  );
  const liquidated = await mark(
    page,
    campaign,
    'The Confederation of independent trade unions of Kazakhstan (KNPRK) was liquidated in March 2017',
    [knprk.id],
  );
  const denied = await mark(page, ilo, 'Registration was denied due to the similarity of the name');
  // The Government's account of the refusal contradicts the campaign page's.
  await callFromPage(page, 'excerpt.link', { fromExcerptId: denied, toExcerptId: liquidated, kind: 'contradicts' });

  // Two events from excerpts in the excerpt list, two clicks each: the date and KNPRK come prefilled.
  await page.getByRole('tab', { name: 'Excerpts' }).click();
  const list = page.getByTestId('excerpt-list');
  const row = (words: string) => list.getByRole('listitem').filter({ hasText: words });
  await row('on 8 June 2015 it submitted').getByRole('button', { name: 'New event from excerpt' }).click();
  const form = page.getByRole('dialog', { name: 'New event' });
  await expect(form.getByText(/Read as: (8 June|June 8,) 2015/)).toBeVisible();
  await expect(form.getByLabel('KNPRK')).toBeVisible();
  await form.getByLabel('What happened (in a few words)').fill('KNPRK applies for registration again');
  await form.getByLabel('KNPRK').selectOption('complainant');
  await snap(page, 'timeline-01-event-from-excerpt');
  await form.getByRole('button', { name: 'Save event' }).click();
  await expect(form).toBeHidden();

  await row('was liquidated in March 2017').getByRole('button', { name: 'New event from excerpt' }).click();
  await expect(form.getByText(/Read as: March 2017/)).toBeVisible();
  await form.getByLabel('What happened (in a few words)').fill('KNPRK liquidated');
  await form.getByLabel('KNPRK').selectOption('victim');
  await form.getByRole('button', { name: 'Save event' }).click();
  await expect(form).toBeHidden();

  // Two more through the API table: the application returned (a day) and the proceedings (a range,
  // evidence from both sources).
  await callFromPage(page, 'event.create', {
    dossierId,
    title: 'Application returned by the Ministry',
    when: '22 June 2015',
    participants: [
      { entityId: knprk.id, role: 'complainant' },
      { entityId: ministry.id, role: 'authority' },
    ],
    excerptIds: [returned],
  });
  await callFromPage(page, 'event.create', {
    dossierId,
    title: 'Dissolution proceedings',
    when: 'December 2016 to March 2017',
    participants: [{ entityId: knprk.id, role: 'victim' }],
    excerptIds: [courtCase, liquidated],
  });
  // Another association's refusal: not KNPRK's history.
  await callFromPage(page, 'event.create', {
    dossierId,
    title: 'Association refused for its name',
    when: '2019',
    excerptIds: [denied],
  });

  await page.getByRole('tab', { name: 'Timeline' }).click();
  const timeline = page.getByTestId('timeline');
  const titles = timeline.locator('.timeline-title');
  await expect(titles).toHaveText([
    'KNPRK applies for registration again',
    'Application returned by the Ministry',
    'Dissolution proceedings',
    'KNPRK liquidated',
    'Association refused for its name',
  ]);
  const event = (title: string) => timeline.locator('.timeline-event').filter({ hasText: title });
  await expect(event('Dissolution proceedings')).toContainText(/December 2016\s–\sMarch 2017/);
  await expect(event('Dissolution proceedings')).toContainText('2 sources');
  await expect(event('KNPRK liquidated')).toContainText('March 2017');
  // The campaign page's liquidation is contradicted by the Government's reply: both events it
  // supports are disputed, the others are not.
  await expect(event('KNPRK liquidated').getByText('Disputed')).toBeVisible();
  await expect(event('Dissolution proceedings').getByText('Disputed')).toBeVisible();
  await expect(event('Application returned by the Ministry').getByText('Disputed')).toHaveCount(0);
  await snap(page, 'timeline-02-years');

  await page.getByRole('button', { name: 'Months' }).click();
  await expect(timeline.getByRole('heading', { name: 'June 2015' })).toBeVisible();
  await page.getByRole('button', { name: 'Decades' }).click();
  await expect(timeline.getByRole('heading', { name: '2010s' })).toBeVisible();

  await page.getByLabel('Entity').selectOption({ label: 'KNPRK' });
  await expect(titles).toHaveText([
    'KNPRK applies for registration again',
    'Application returned by the Ministry',
    'Dissolution proceedings',
    'KNPRK liquidated',
  ]);
  await page.getByRole('button', { name: 'Months' }).click();
  await snap(page, 'timeline-03-knprk-by-month');

  // The organisation's page lists its events in order too.
  const onPage = await callFromPage<{ title: string }[]>(page, 'event.list', { entityId: knprk.id });
  expect(onPage.map((e) => e.title)).toEqual([
    'KNPRK applies for registration again',
    'Application returned by the Ministry',
    'Dissolution proceedings',
    'KNPRK liquidated',
  ]);

  // The refusal was in fact in May 2014: edited on the timeline, it moves to the top. The returned
  // application turns out to be a duplicate of the first: deleted, after a confirmation.
  await page.getByLabel('Entity').selectOption({ label: 'Anyone' });
  await page.getByRole('button', { name: 'Years' }).click();
  await timeline.getByRole('button', { name: 'Association refused for its name' }).click();
  const editor = page.getByRole('dialog', { name: 'Edit event' });
  await expect(editor.getByLabel('When')).toHaveValue('2019');
  await editor.getByLabel('When').fill('May 2014');
  await expect(editor.getByText('Read as: May 2014')).toBeVisible();
  await editor.getByLabel('Add', { exact: true }).selectOption({ label: 'Ministry of Justice' });
  await editor.getByLabel('Role', { exact: true }).selectOption({ label: 'Authority' });
  await editor.getByRole('button', { name: 'Add to the event' }).click();
  await editor.getByRole('button', { name: 'Save event' }).click();
  await expect(editor).toHaveCount(0);
  await expect(titles.first()).toHaveText('Association refused for its name');
  await expect(event('Association refused for its name')).toContainText('May 2014');
  await expect(event('Association refused for its name')).toContainText('Ministry of Justice (authority)');

  await timeline.getByRole('button', { name: 'Application returned by the Ministry' }).click();
  await editor.getByRole('button', { name: 'Delete…' }).click();
  await expect(editor.getByRole('alert')).toContainText('Delete this event?');
  await snap(page, 'timeline-04-delete-confirmation');
  await editor.getByRole('button', { name: 'Delete event' }).click();
  await expect(editor).toHaveCount(0);
  await expect(titles).toHaveText([
    'Association refused for its name',
    'KNPRK applies for registration again',
    'Dissolution proceedings',
    'KNPRK liquidated',
  ]);
  await snap(page, 'timeline-05-edited-and-deleted');
});
