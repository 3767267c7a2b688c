import { useState } from 'react';

/**
 * One change to the pair's data at a time: marks the view busy, runs the
 * request, reloads the pair on success, and keeps the failure to show beside
 * the field it concerns. Resolves true when the change went through.
 */
export function usePairAction(changed: () => Promise<void>) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function act(action: () => Promise<unknown>): Promise<boolean> {
    setBusy(true);
    setError(null);
    try {
      await action();
      await changed();
      return true;
    } catch (failure) {
      setError(failure);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { act, busy, error, setError };
}
