/**
 * Registration by clicking through the Agents Playground's own web UI in
 * Debian's Chromium: the cards as a person sees them, rendered by a real
 * Adaptive Cards client, with client-side validation, drop-downs and tick
 * boxes. Saves screenshots under test-artifacts/.
 */
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { enrollments, people } from '../../src/store/schema';
import { ARTIFACTS, describeWithChromium, openChromium } from '../support/chromium';
import { startTandemWithPlayground, type LocalTandem } from '../support/playground';

const describeWithBrowser = describeWithChromium('the browser suite');

jest.setTimeout(90_000);

describeWithBrowser('registration in the Playground’s web UI, in Chromium', () => {
  let local: LocalTandem;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    local = await startTandemWithPlayground();
    // The Playground asks a CDN for fonts; this machine has no route there.
    ({ browser, page } = await openChromium({ width: 1280, height: 1600 }));
  });

  afterAll(async () => {
    await browser?.close();
    await local?.close();
  });

  const card = (text: string | RegExp): Locator => page.locator('.ac-adaptiveCard', { hasText: text }).last();
  const botSaid = (text: string | RegExp): Locator => page.locator('.fai-OutputCard', { hasText: text }).last();

  /** Picks from a drop-down; the client renders multi-select ones as a menu of tick boxes. */
  async function choose(form: Locator, label: string, ...options: string[]): Promise<void> {
    const multi = options.length > 1;
    const list = page.getByRole(multi ? 'menu' : 'listbox');
    // The chevron opens the list; a click that lands while the previous field
    // is still losing focus may not, so try once more.
    const chevron = form.getByRole('combobox', { name: label }).locator('xpath=following-sibling::*[@role="button"]');
    await chevron.click();
    if (!(await list.isVisible())) {
      await page.waitForTimeout(300);
      if (!(await list.isVisible())) await chevron.click();
    }
    for (const option of options) {
      await page.getByRole(multi ? 'menuitemcheckbox' : 'option', { name: option, exact: true }).click();
    }
    if (multi) await page.keyboard.press('Escape');
  }

  it('registers a mentee from the welcome card to the stored enrollment', async () => {
    await page.goto(local.playground.url);
    const welcome = card('welcome to Tandem');
    await welcome.waitFor();
    await welcome.getByRole('button', { name: 'Register' }).click();

    const roles = card('How would you like to take part?');
    await roles.waitFor();
    await roles.getByRole('button', { name: /^Mentee/ }).click();

    const form = card('You are registering as a');
    await form.waitFor();
    // Teams (here the Playground) tells the bot the person's zone; it comes pre-selected.
    expect(await form.getByRole('combobox', { name: 'Your time zone' }).inputValue()).toMatch(/^\(UTC[+-]\d\d/);

    // Submitting empty is stopped by the card itself, before anything reaches the bot.
    await form.getByRole('button', { name: 'Submit' }).click();
    await form.getByText('Please answer this question.').first().waitFor();

    await form.getByRole('textbox', { name: /What would you like to achieve/ }).fill('Get ready to lead a team of five');
    await choose(form, 'Skills you want to develop', 'Leadership', 'People management');
    await choose(form, 'Your department', 'Engineering');
    await choose(form, 'Your level', 'Experienced individual contributor');
    await form.getByRole('spinbutton', { name: 'Years of work experience' }).fill('4');
    await choose(form, 'Languages you are happy to be mentored or mentor in', 'English', 'French');
    await form.getByRole('checkbox', { name: 'Afternoon' }).check();
    await choose(form, 'How you prefer to meet', 'Either');
    await choose(form, 'Your time zone', '(UTC+01) Berlin, Paris, Madrid, Warsaw');
    await page.screenshot({ path: path.join(ARTIFACTS, 'registration-form.png'), fullPage: true });
    await form.getByRole('button', { name: 'Submit' }).click();

    const summary = card('You are registered');
    await summary.waitFor();
    await botSaid(/Thank you, Alex: you are registered as a mentee/).waitFor();
    await summary.getByText('Leadership, People management').waitFor();
    await page.screenshot({ path: path.join(ARTIFACTS, 'registration-summary.png'), fullPage: true });

    const stored = await local.database.db
      .select({ enrollment: enrollments, person: people })
      .from(enrollments)
      .innerJoin(people, eq(people.id, enrollments.personId));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.person.name).toBe('Alex Wilber');
    expect(stored[0]!.enrollment).toMatchObject({
      role: 'mentee',
      status: 'active',
      answers: {
        goals: 'Get ready to lead a team of five',
        skillsToDevelop: ['leadership', 'people-management'],
        department: 'engineering',
        level: 'experienced-individual-contributor',
        experienceYears: 4,
        timeZone: 'Europe/Berlin',
        languages: ['english', 'french'],
        availability: ['afternoon'],
        communication: 'either',
      },
    });
  });
});
