/** Loads a pair view and reloads it on demand, so every change shows what the server now holds. */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/apiClient';
import type { PairView } from '../api/types';

export interface PairViewState {
  view: PairView | null;
  error: unknown;
  reload(): Promise<void>;
}

export function usePairView(api: ApiClient, relationshipId: string): PairViewState {
  const [view, setView] = useState<PairView | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(async () => {
    try {
      setView(await api.pairView(relationshipId));
      setError(null);
    } catch (failure) {
      setError(failure);
    }
  }, [api, relationshipId]);

  useEffect(() => {
    setView(null);
    void reload();
  }, [reload]);

  return { view, error, reload };
}
