/**
 * The "My mentoring" tab as a person uses it: built with Vite, served by the
 * real app under /tab, opened in Debian's Chromium outside Teams. Signs in
 * with the development sign-in, adds a goal and an agenda item, reloads and
 * finds them, and saves a screenshot under test-artifacts/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { Browser, Page } from 'playwright-core';
import { loadConfig, PLAYGROUND_TENANT_ID } from '../../src/config';
import { startTandem, type RunningTandem } from '../../src/main';
import { openDatabase, type Database } from '../../src/store/database';
import { createStore } from '../../src/store/store';
import { TAB_NOT_BUILT } from '../../src/http/routes/tab';
import { buildTab } from '../tab/support/buildTab';
import { ARTIFACTS, describeWithChromium, openChromium } from '../support/chromium';
import { seedTabPair, type SeededPair } from '../tab/support/seedPair';

const describeWithBrowser = describeWithChromium('the tab browser suite');

jest.setTimeout(120_000);

async function startApp(database: Database, tabDir: string): Promise<RunningTandem> {
  return startTandem(loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' }), {
    database,
    logger: pino({ level: 'silent' }),
    tabDir,
  });
}

describe('the tab served under /tab', () => {
  let tabDir: string;
  let database: Database;
  let app: RunningTandem;

  beforeAll(async () => {
    tabDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-tab-'));
    await buildTab(tabDir);
    database = await openDatabase({ kind: 'pglite', dataDir: null });
    app = await startApp(database, tabDir);
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    fs.rmSync(tabDir, { recursive: true, force: true });
  });

  it('serves pages without caching, hashed assets for a year, app addresses as index.html, and 404 for missing files', async () => {
    const page = await fetch(`${app.url}/tab/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const html = await page.text();
    const script = /src="(\/tab\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();

    const asset = await fetch(`${app.url}${script}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');

    const appAddress = await fetch(`${app.url}/tab/pairs/some-id`);
    expect(appAddress.status).toBe(200);
    expect(await appAddress.text()).toBe(html);
    expect((await fetch(`${app.url}/tab/sidepanel.html`)).status).toBe(200);
    // The page Teams opens to add Tandem to a meeting (the manifest's configurationUrl).
    const config = await fetch(`${app.url}/tab/config.html`);
    expect(config.status).toBe(200);
    expect(await config.text()).toContain('Tandem in this meeting');
    expect((await fetch(`${app.url}/tab/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${app.url}/tab/..%2f..%2fpackage.json`)).status).toBe(404);
    const bare = await fetch(`${app.url}/tab`, { redirect: 'manual' });
    expect(bare.status).toBe(308);
    expect(bare.headers.get('location')).toBe('/tab/');
  });

  it('answers 503 with what to do when the tab has not been built', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-no-tab-'));
    const otherDatabase = await openDatabase({ kind: 'pglite', dataDir: null });
    const unbuilt = await startApp(otherDatabase, empty);
    try {
      const response = await fetch(`${unbuilt.url}/tab/`);
      expect(response.status).toBe(503);
      expect((await response.text()).trim()).toBe(TAB_NOT_BUILT);
    } finally {
      await unbuilt.close();
      await otherDatabase.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });

  describeWithBrowser('in Chromium', () => {
    let browser: Browser;
    let page: Page;
    let pair: SeededPair;

    beforeAll(async () => {
      pair = await seedTabPair(createStore(database.db), PLAYGROUND_TENANT_ID, 'browser');
      ({ browser, page } = await openChromium());
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('signs in, adds a goal and an agenda item, and finds both after a reload', async () => {
      await page.goto(`${app.url}/tab/`);
      await page.getByRole('combobox', { name: 'Sign in as' }).selectOption({ label: pair.mentee.name });
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('link', { name: `${pair.mentor.name} mentors you` }).click();
      await page.getByRole('heading', { level: 1, name: `Mentored by ${pair.mentor.name}` }).waitFor();
      expect(new URL(page.url()).pathname).toBe(`/tab/pairs/${pair.relationshipId}`);

      await page.getByRole('button', { name: 'Add a goal' }).click();
      await page.getByRole('textbox', { name: /What do you want to achieve/ }).fill('Lead the quarterly planning');
      await page.getByRole('textbox', { name: /How will you know/ }).fill('The plan is agreed by the team');
      await page.getByRole('button', { name: 'Add goal' }).click();
      await page.getByRole('article', { name: 'Lead the quarterly planning' }).waitFor();

      const agenda = page.getByRole('region', { name: /^Agenda for/ });
      await agenda.getByRole('textbox', { name: 'New agenda item' }).fill('Review the planning draft');
      await agenda.getByRole('textbox', { name: 'New agenda item' }).press('Enter');
      await agenda.getByRole('checkbox', { name: 'Review the planning draft' }).waitFor();

      await page.reload();
      await page.getByRole('article', { name: 'Lead the quarterly planning' }).waitFor();
      await page.getByRole('region', { name: /^Agenda for/ }).getByRole('checkbox', { name: 'Review the planning draft' }).waitFor();
      await page.screenshot({ path: path.join(ARTIFACTS, 'tab-pair-view.png'), fullPage: true });
    });

    it('fits a phone screen without sideways scrolling', async () => {
      await page.setViewportSize({ width: 360, height: 780 });
      await page.reload();
      await page.getByRole('article', { name: 'Lead the quarterly planning' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'tab-pair-view-phone.png'), fullPage: true });
    });

    it('shows the same agenda and goals in the meeting side panel', async () => {
      await page.setViewportSize({ width: 320, height: 900 });
      await page.goto(`${app.url}/tab/sidepanel.html?relationship=${pair.relationshipId}`);
      await page.getByRole('region', { name: /^Agenda for/ }).getByRole('checkbox', { name: 'Review the planning draft' }).waitFor();
      await page.getByRole('article', { name: 'Lead the quarterly planning' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: path.join(ARTIFACTS, 'tab-side-panel.png'), fullPage: true });
      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto(`${app.url}/tab/pairs/${pair.relationshipId}`);
    });

    it('opens the current stage’s guide from the pair view', async () => {
      await page.getByRole('link', { name: 'Read the guide for this stage' }).click();
      await page.waitForURL(/\/tab\/guides\?guide=mentee#stage-rapport-building$/);
      await page.locator('#stage-rapport-building').waitFor();
    });
  });
});
