/**
 * Starts a tab page in the browser: finds out whether Teams is around, then
 * renders the page inside the shell, with the API on the same origin.
 */
import type { ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ApiClient } from '../api/apiClient';
import { connectToHost, type TabHost } from '../host/tabHost';
import { TabShell } from './TabShell';
import './tab.css';

export async function startTab(page: (api: ApiClient, host: TabHost) => ReactNode): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  const root = createRoot(container);
  const host = await connectToHost(window);
  root.render(
    <TabShell host={host} baseUrl="" fetch={(input, init) => window.fetch(input, init)} storage={window.sessionStorage}>
      {(api) => page(api, host)}
    </TabShell>,
  );
}
