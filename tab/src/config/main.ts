/**
 * The configuration page Teams shows when someone adds Tandem to a meeting:
 * there is nothing to choose, so it is valid at once and saves the side panel
 * as the tab's content (the side panel finds the pair itself).
 */
import { app, pages } from '@microsoft/teams-js';

const status = document.getElementById('status');

async function configure(): Promise<void> {
  await app.initialize();
  const sidePanel = new URL('/tab/sidepanel.html', window.location.origin).href;
  pages.config.registerOnSaveHandler((save) => {
    pages.config
      .setConfig({
        entityId: 'tandem-side-panel',
        contentUrl: sidePanel,
        websiteUrl: new URL('/tab/', window.location.origin).href,
        suggestedDisplayName: 'Tandem',
      })
      .then(() => save.notifySuccess())
      .catch((error: unknown) => save.notifyFailure(error instanceof Error ? error.message : String(error)));
  });
  pages.config.setValidityState(true);
}

configure().catch(() => {
  if (status) status.textContent = 'Open this page from a Teams meeting to add Tandem to it.';
});
