/**
 * The admin "Programs" tab as an admin uses it: built with Vite, served by
 * the real app under /tab, opened in Debian's Chromium outside Teams with the
 * development sign-in. Creates a program, opens registration, runs matching
 * over people registered in it, publishes a draft, and reads the program's
 * health; saves a screenshot of the dashboard under test-artifacts/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { and, eq } from 'drizzle-orm';
import { loadConfig, PLAYGROUND_TENANT_ID } from '../../src/config';
import { defaultProgram } from '../../src/domain/defaultProgram';
import { validateRegistration } from '../../src/domain/registration';
import type { Role } from '../../src/domain/roles';
import { startTandem, type RunningTandem } from '../../src/main';
import { openDatabase, type Database } from '../../src/store/database';
import { matchProposals } from '../../src/store/schema';
import { createStore, type Store } from '../../src/store/store';
import { buildTab } from '../tab/support/buildTab';
import { ARTIFACTS, describeWithChromium, openChromium } from '../support/chromium';
import { menteeAnswers, mentorAnswers } from '../support/registrations';

const describeWithBrowser = describeWithChromium('the admin tab browser suite');

jest.setTimeout(180_000);

const TENANT = PLAYGROUND_TENANT_ID;
const ADMIN = { teamsUserId: '29:ada-admin', name: 'Ada Admin' };

/** Someone registered in the program the way the bot's registration would store them (answers checked by its rules). */
async function registerInProgram(store: Store, programId: string, name: string, role: Role, inputs: Record<string, string>) {
  const person = await store.people.upsertSeen({ tenantId: TENANT, teamsUserId: `29:${name.toLowerCase().replace(/\W+/g, '-')}`, name });
  const checked = validateRegistration(defaultProgram.questionnaire, role, inputs);
  if (!checked.ok) throw new Error(`${name}'s answers do not pass: ${JSON.stringify(checked)}`);
  await store.enrollments.saveIfRevision(
    { tenantId: TENANT, programId, personId: person.id, role, answers: checked.answers, mentorCapacity: checked.mentorCapacity ?? (role === 'mentee' ? null : 2) },
    0,
  );
  return person;
}

describeWithBrowser('the Programs tab in Chromium', () => {
  let tabDir: string;
  let database: Database;
  let store: Store;
  let app: RunningTandem;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-admin-tab-'));
    await buildTab(tabDir);
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    app = await startTandem(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', TENANT_ADMINS: ADMIN.teamsUserId }), {
      database,
      logger: pino({ level: 'silent' }),
      tabDir,
    });
    store = createStore(database.db);
    await store.tenants.ensure(TENANT);
    await store.people.upsertSeen({ tenantId: TENANT, teamsUserId: ADMIN.teamsUserId, name: ADMIN.name });
    ({ browser, page } = await openChromium());
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await database?.close();
    fs.rmSync(tabDir, { recursive: true, force: true });
  });

  let programId: string;

  it('creates a program and opens its registration', async () => {
    await page.goto(`${app.url}/tab/programs.html`);
    await page.getByRole('combobox', { name: 'Sign in as' }).selectOption({ label: ADMIN.name });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'New program' }).click();

    await page.getByRole('textbox', { name: 'Name' }).fill('Spring leadership cohort');
    await page.getByRole('combobox', { name: 'Runs as' }).selectOption('cohort');
    await page.getByLabel('Starts on').fill('2026-03-02');
    await page.getByLabel('Ends on').fill('2026-02-01');
    await page.getByRole('button', { name: 'Create program' }).click();
    // The server's rule, shown beside its field; nothing is created.
    await page.getByText('must be after startsOn').waitFor();
    const names = async () => (await store.programs.listAll(TENANT)).map((p) => p.name);
    expect(await names()).not.toContain('Spring leadership cohort');

    await page.getByLabel('Ends on').fill('2026-08-28');
    await page.getByRole('spinbutton', { name: 'Mentees per mentor' }).fill('1');
    await page.getByRole('button', { name: 'Create program' }).click();
    await page.getByRole('heading', { level: 1, name: 'Spring leadership cohort' }).waitFor();
    await page.getByText('Draft: registration not open').waitFor();
    programId = new URL(page.url()).searchParams.get('program')!;

    await page.getByRole('button', { name: 'Open registration' }).click();
    await page.getByText('Registration open', { exact: true }).waitFor();
    const stored = await store.programs.get(TENANT, programId);
    expect(stored).toMatchObject({ status: 'open', shape: 'cohort', startsOn: '2026-03-02', endsOn: '2026-08-28', mentorCapacityDefault: 1 });
  });

  it('previews the registration card with the Adaptive Cards SDK of the browser bundle', async () => {
    await page.getByRole('tab', { name: 'Questionnaire' }).click();
    const card = page.getByRole('figure', { name: 'Registration card for a mentee' });
    await card.getByText('Register for Spring leadership cohort').waitFor();
    await card.getByText(/Skills you want to develop/).waitFor();
    // The card's markdown is drawn as Teams would: "You are registering as a **mentee**".
    await card.locator('strong', { hasText: /^mentee$/ }).waitFor();
    expect(await card.getByText(/Skills you can help someone develop/).count()).toBe(0);
    await page.getByRole('combobox', { name: 'Show the card for' }).selectOption('mentor');
    await page.getByRole('figure', { name: 'Registration card for a mentor' }).getByText(/Skills you can help someone develop/).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-questionnaire.png') });
  });

  it('runs matching, compares the drafts and publishes one: its proposals are made', async () => {
    await registerInProgram(store, programId, 'Mia Chen', 'mentor', mentorAnswers);
    await registerInProgram(store, programId, 'Max Weber', 'mentor', { ...mentorAnswers, q_mentorCapacity: '1', q_skillsToOffer: 'strategy' });
    await registerInProgram(store, programId, 'Ann Lee', 'mentee', menteeAnswers);
    await registerInProgram(store, programId, 'Bo Svensson', 'mentee', { ...menteeAnswers, q_skillsToDevelop: 'strategy' });
    // Tokyo is eight hours from Berlin and London: more than the program's six-hour limit.
    await registerInProgram(store, programId, 'Kenji Mori', 'mentee', { ...menteeAnswers, q_timeZone: 'Asia/Tokyo' });

    await page.getByRole('tab', { name: 'Matching' }).click();
    await page.getByRole('button', { name: 'Start a matching run' }).click();
    const comparison = page.getByRole('table', { name: 'The three drafts compared' });
    await comparison.waitFor();
    const matchedRow = comparison.getByRole('row', { name: /^Mentees matched/ });
    expect(await matchedRow.getByRole('cell').allInnerTexts()).toEqual(['2 of 3', '2 of 3', '2 of 3']);

    const pairs = page.getByRole('table', { name: 'Pairs of “Most mentees matched”' });
    const menteesPaired = await pairs.locator('tbody tr td:first-child').allInnerTexts();
    expect(menteesPaired.sort()).toEqual(['Ann Lee', 'Bo Svensson']);
    const waiting = page.getByRole('list', { name: 'Mentees “Most mentees matched” leaves waiting' });
    await expect(waiting.getByRole('listitem').first().innerText()).resolves.toMatch(/^Kenji Mori: .+/);

    await page.getByRole('button', { name: 'Publish “Most mentees matched”' }).click();
    await page.getByText('Published “Most mentees matched”: 2 proposals sent.').waitFor();
    const proposals = await database.db
      .select()
      .from(matchProposals)
      .where(and(eq(matchProposals.tenantId, TENANT), eq(matchProposals.programId, programId)));
    expect(proposals.map((p) => p.status)).toEqual(['proposed', 'proposed']);
    // Published: the drafts can no longer be published again.
    expect(await page.getByRole('button', { name: /^Publish/ }).count()).toBe(0);
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-matching.png'), fullPage: true });
  });

  it('shows the program’s health with the published proposals, and charts with their figures', async () => {
    await page.getByRole('tab', { name: 'Health' }).click();
    const figures = page.getByRole('list', { name: 'Program figures' });
    await figures.waitFor();
    const tile = (label: string) => figures.getByRole('listitem').filter({ has: page.getByText(label, { exact: true }) });
    await expect(tile('Pending proposals').innerText()).resolves.toMatch(/^Pending proposals\s+2\s/);
    await expect(tile('Active participants').innerText()).resolves.toMatch(/^Active participants\s+5\s+2 mentors, 3 mentees/);
    await expect(tile('Match rate').innerText()).resolves.toMatch(/^Match rate\s+0%/);

    const load = page.getByRole('img', { name: 'Mentors by number of mentees' });
    await load.waitFor();
    await page.getByRole('heading', { name: 'Pairs at risk' }).waitFor();
    await page.getByText('No pair needs attention.').waitFor();
    await page.getByRole('button', { name: 'Participants (CSV)' }).waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'admin-dashboard.png'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Participants (CSV)' }).click()]);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    for (const name of ['Mia Chen', 'Ann Lee', 'Kenji Mori']) expect(csv).toContain(name);
  });

  it('filters the participants and shows one profile', async () => {
    await page.getByRole('tab', { name: 'Participants' }).click();
    const table = page.getByRole('table', { name: 'Participants' });
    await table.getByRole('button', { name: 'Kenji Mori' }).waitFor();
    await page.getByRole('combobox', { name: 'Role' }).selectOption('mentor');
    await table.getByRole('button', { name: 'Kenji Mori' }).waitFor({ state: 'detached' });
    expect((await table.locator('tbody tr td:first-child').allInnerTexts()).sort()).toEqual(['Max Weber', 'Mia Chen']);
    await table.getByRole('button', { name: 'Mia Chen' }).click();
    const profile = page.getByRole('region', { name: 'Mia Chen' });
    await profile.getByText('Your department').waitFor();
    await profile.getByRole('button', { name: 'Pause' }).waitFor();
  });

  it('fits a phone screen without sideways scrolling', async () => {
    await page.getByRole('tab', { name: 'Health' }).click();
    await page.setViewportSize({ width: 360, height: 780 });
    await page.reload();
    await page.getByRole('list', { name: 'Program figures' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
