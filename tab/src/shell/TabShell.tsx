/**
 * What every tab page stands on: the Teams theme (followed as it changes),
 * and a signed-in API client, from Teams SSO inside Teams or from the
 * development sign-in outside it.
 */
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Button, FluentProvider, makeStyles, teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, tokens } from '@fluentui/react-components';
import { createApiClient, type ApiClient, type Fetch } from '../api/apiClient';
import type { TabHost, TeamsThemeName } from '../host/tabHost';
import { DevSignIn } from '../signIn/DevSignIn';
import { clearDevSession, loadDevSession, saveDevSession, type DevSession } from '../signIn/devSession';

const THEMES = { default: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme } as const;

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  bar: { display: 'flex', flexWrap: 'wrap', justifyContent: 'flex-end', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface TabShellProps {
  host: TabHost;
  /** The app's origin; '' when the tab is served by the app itself. */
  baseUrl: string;
  fetch: Fetch;
  storage: Storage;
  children(api: ApiClient): ReactNode;
}

export function TabShell({ host, baseUrl, fetch, storage, children }: TabShellProps) {
  const styles = useStyles();
  const [theme, setTheme] = useState<TeamsThemeName>(host.theme);
  const [devSession, setDevSession] = useState<DevSession | null>(() => (host.kind === 'browser' ? loadDevSession(storage) : null));

  useEffect(() => host.onThemeChange(setTheme), [host]);

  const api = useMemo(() => {
    const signOut = () => {
      clearDevSession(storage);
      setDevSession(null);
    };
    // A development token dies with the server's signing key (a restart): sign in again rather than fail every call.
    const watchedFetch: Fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (response.status === 401 && host.kind === 'browser') signOut();
      return response;
    };
    return createApiClient({
      baseUrl,
      fetch: watchedFetch,
      getToken: host.getToken ?? (() => devSession?.token ?? null),
    });
  }, [host, baseUrl, fetch, storage, devSession]);

  const signedIn = (session: DevSession) => {
    saveDevSession(storage, session);
    setDevSession(session);
  };

  return (
    <FluentProvider theme={THEMES[theme]} className={styles.root}>
      {host.kind === 'browser' && !devSession ? (
        <DevSignIn api={api} signedIn={signedIn} />
      ) : (
        <>
          {devSession && (
            <div className={styles.bar}>
              <span>Development sign-in: {devSession.person.name}</span>
              <Button
                size="small"
                onClick={() => {
                  clearDevSession(storage);
                  setDevSession(null);
                }}
              >
                Sign out
              </Button>
            </div>
          )}
          {children(api)}
        </>
      )}
    </FluentProvider>
  );
}
