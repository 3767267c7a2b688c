import type { AdminClient } from '../api/adminClient';
import { startTab } from '../shell/startTab';
import { adminClientFor } from './adminClientFor';
import { ProgramsTab } from './ProgramsTab';

let client: AdminClient | undefined;

// One client for the page's life: the shell renders the page again on every sign-in change, the token is read per request.
void startTab((_api, host) => {
  client ??= adminClientFor(host, '', (input, init) => window.fetch(input, init), window.sessionStorage, () => window.location.reload());
  return <ProgramsTab client={client} />;
});
