/**
 * The development sign-in's token, kept for the browser tab's lifetime
 * (sessionStorage: closing the tab signs out, reloading does not).
 */
export interface DevSession {
  token: string;
  person: { id: string; name: string };
}

const KEY = 'tandem.devSession';

export function loadDevSession(storage: Storage): DevSession | null {
  const raw = storage.getItem(KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<DevSession>;
    return typeof parsed.token === 'string' && parsed.person ? (parsed as DevSession) : null;
  } catch {
    return null;
  }
}

export function saveDevSession(storage: Storage, session: DevSession): void {
  storage.setItem(KEY, JSON.stringify(session));
}

export function clearDevSession(storage: Storage): void {
  storage.removeItem(KEY);
}
