/**
 * Debian's Chromium as the browser suites drive it: headless with the flags
 * ENGINEERING.md gives, reaching only this machine, screenshots kept under
 * test-artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.resolve(__dirname, '../../test-artifacts');

/**
 * `describe` where Chromium is installed; elsewhere `describe.skip`, saying
 * which suite is skipped. CI installs Chromium and must never skip.
 */
export function describeWithChromium(suite: string): jest.Describe {
  const haveBrowser = fs.existsSync(CHROMIUM) || process.env.CI === 'true';
  if (!haveBrowser) console.warn(`Skipping ${suite}: no Chromium at ${CHROMIUM} (apt-get install chromium).`);
  return haveBrowser ? describe : describe.skip;
}

/** A browser and one page; requests off this machine are aborted, as pages ask CDNs this machine has no route to. */
export async function openChromium(viewport = { width: 1280, height: 1400 }): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport });
  await page.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return { browser, page };
}
