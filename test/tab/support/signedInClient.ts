/** An API client for the tab suites: Node's fetch (jsdom has none), signed in as someone through the development sign-in. */
import { createApiClient, type ApiClient } from '../../../tab/src/api/apiClient';

export const nodeFetch = (input: string, init?: RequestInit) => fetch(input, init);

export async function signedInClient(baseUrl: string, personId: string, tenantId: string): Promise<ApiClient> {
  const anonymous = createApiClient({ baseUrl, fetch: nodeFetch, getToken: () => null });
  const { token } = await anonymous.devSignIn(personId, tenantId);
  return createApiClient({ baseUrl, fetch: nodeFetch, getToken: () => token });
}
