/**
 * Where the tab runs: inside Teams (desktop, web, mobile), where teams-js gives
 * the theme, the frame context and an SSO token; or in a plain browser during
 * development, where the development sign-in stands in for Teams.
 */
export type TeamsThemeName = 'default' | 'dark' | 'contrast';

export interface TabHost {
  kind: 'teams' | 'browser';
  theme: TeamsThemeName;
  /** Teams' frame context: 'content' for the personal tab, 'sidePanel' in a meeting. */
  frameContext: string | null;
  /** Inside Teams: a fresh SSO token for the API. */
  getToken: (() => Promise<string>) | null;
  onThemeChange(handler: (theme: TeamsThemeName) => void): void;
}

const TEAMS_INITIALIZE_TIMEOUT_MS = 3000;

export function browserHost(theme: TeamsThemeName = 'default'): TabHost {
  return { kind: 'browser', theme, frameContext: null, getToken: null, onThemeChange: () => undefined };
}

/** A page opened directly has no Teams around it: no parent frame, opener or mobile bridge. */
function mightBeInTeams(window: Window): boolean {
  return window.parent !== window || window.opener != null || 'nativeInterface' in window;
}

export function asThemeName(theme: string | undefined): TeamsThemeName {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

export async function connectToHost(window: Window, timeoutMs = TEAMS_INITIALIZE_TIMEOUT_MS): Promise<TabHost> {
  if (!mightBeInTeams(window)) return browserHost(prefersDark(window) ? 'dark' : 'default');
  // teams-js is loaded only when Teams may be there, which keeps it out of the first download.
  const { app, authentication } = await import('@microsoft/teams-js');
  const initialized = await Promise.race([
    app.initialize().then(
      () => true,
      () => false,
    ),
    new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMs)),
  ]);
  if (!initialized) return browserHost(prefersDark(window) ? 'dark' : 'default');
  const context = await app.getContext();
  app.notifySuccess();
  return {
    kind: 'teams',
    theme: asThemeName(context.app.theme),
    frameContext: context.page.frameContext ?? null,
    getToken: () => authentication.getAuthToken(),
    onThemeChange: (handler) => app.registerOnThemeChangeHandler((theme) => handler(asThemeName(theme))),
  };
}

function prefersDark(window: Window): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-color-scheme: dark)').matches;
}
