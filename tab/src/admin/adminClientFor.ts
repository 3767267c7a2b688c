/**
 * The admin client with the same sign-in as the shell's API client: the Teams
 * SSO token inside Teams, the development session's token outside it (read
 * when each request is sent, so signing in again is picked up at once).
 */
import { createAdminClient, type AdminClient } from '../api/adminClient';
import type { Fetch } from '../api/apiClient';
import type { TabHost } from '../host/tabHost';
import { clearDevSession, loadDevSession } from '../signIn/devSession';

export function adminClientFor(host: TabHost, baseUrl: string, fetch: Fetch, storage: Storage, signedOut: () => void): AdminClient {
  // A development token dies with the server's signing key (a restart): sign in again rather than fail every call.
  const watchedFetch: Fetch = async (input, init) => {
    const response = await fetch(input, init);
    if (response.status === 401 && host.kind === 'browser' && loadDevSession(storage)) {
      clearDevSession(storage);
      signedOut();
    }
    return response;
  };
  return createAdminClient({
    baseUrl,
    fetch: watchedFetch,
    getToken: host.getToken ?? (() => loadDevSession(storage)?.token ?? null),
  });
}
