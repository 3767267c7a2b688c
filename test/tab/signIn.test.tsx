/**
 * Outside Teams the tab signs in through the development sign-in: a picker of
 * the people the real server knows, a token kept in sessionStorage, and in
 * production a plain sentence saying to open Tandem in Teams.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { browserHost } from '../../tab/src/host/tabHost';
import { PersonalTab } from '../../tab/src/personal/PersonalTab';
import { TabShell } from '../../tab/src/shell/TabShell';
import { OPEN_IN_TEAMS } from '../../tab/src/signIn/DevSignIn';
import { loadDevSession } from '../../tab/src/signIn/devSession';
import { startTandemProcess, type TandemProcess } from './support/tandemProcess';
import { nodeFetch } from './support/signedInClient';

jest.setTimeout(60_000);

function renderTab(baseUrl: string) {
  return render(
    <TabShell host={browserHost()} baseUrl={baseUrl} fetch={nodeFetch} storage={window.sessionStorage}>
      {(api) => <PersonalTab api={api} basePath="/" />}
    </TabShell>,
  );
}

describe('the development sign-in', () => {
  let tandem: TandemProcess;
  beforeAll(async () => {
    tandem = await startTandemProcess();
  });
  afterAll(() => tandem?.stop());
  beforeEach(() => window.sessionStorage.clear());

  it('lists the people Tandem knows, signs in as the one picked, and shows their pairs', async () => {
    const pair = await tandem.seedPair('picker');
    const view = renderTab(tandem.url);
    const picker = await screen.findByRole('combobox', { name: 'Sign in as' });
    const names = within(picker).getAllByRole('option').map((option) => option.textContent);
    expect(names).toEqual(expect.arrayContaining([pair.mentor.name, pair.mentee.name]));

    const user = userEvent.setup();
    await user.selectOptions(picker, pair.mentee.name);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await screen.findByRole('link', { name: `${pair.mentor.name} mentors you` });
    expect(screen.getByText(`Development sign-in: ${pair.mentee.name}`)).toBeInTheDocument();
    expect(loadDevSession(window.sessionStorage)?.person).toEqual({ id: pair.mentee.id, name: pair.mentee.name });

    // A reload keeps the session: no picker, straight to the pairs.
    view.unmount();
    renderTab(tandem.url);
    await screen.findByRole('link', { name: `${pair.mentor.name} mentors you` });
    expect(screen.queryByRole('combobox', { name: 'Sign in as' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    await screen.findByRole('combobox', { name: 'Sign in as' });
    expect(loadDevSession(window.sessionStorage)).toBeNull();
  });

  it('asks to sign in again when the server no longer accepts the saved token', async () => {
    window.sessionStorage.setItem('tandem.devSession', JSON.stringify({ token: 'not-a-token', person: { id: 'x', name: 'Gone' } }));
    renderTab(tandem.url);
    await screen.findByRole('combobox', { name: 'Sign in as' });
    expect(loadDevSession(window.sessionStorage)).toBeNull();
  });
});

describe('in production', () => {
  let tandem: TandemProcess;
  beforeAll(async () => {
    tandem = await startTandemProcess({ NODE_ENV: 'production' });
  });
  afterAll(() => tandem?.stop());

  it('says Tandem must be opened in Teams', async () => {
    renderTab(tandem.url);
    expect(await screen.findByRole('alert')).toHaveTextContent(OPEN_IN_TEAMS);
    expect(screen.queryByRole('combobox', { name: 'Sign in as' })).not.toBeInTheDocument();
  });
});
