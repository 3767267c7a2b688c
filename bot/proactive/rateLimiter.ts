/**
 * Sliding-window limits, as Teams applies them to bots: per conversation 7
 * messages a second and 60 in 30 seconds, per tenant about 30 a second.
 * `acquire` waits until a send fits every window that applies.
 */
export interface Window {
  limit: number;
  ms: number;
}

export const CONVERSATION_WINDOWS: Window[] = [
  { limit: 7, ms: 1_000 },
  { limit: 60, ms: 30_000 },
];
export const TENANT_WINDOWS: Window[] = [{ limit: 30, ms: 1_000 }];

export function createRateLimiter(now: () => number = Date.now, sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))) {
  const sent = new Map<string, number[]>();

  /** How long until one more send fits all windows of this key; 0 when it fits now. */
  function waitFor(key: string, windows: Window[], at: number): number {
    const times = sent.get(key) ?? [];
    let wait = 0;
    for (const w of windows) {
      const inWindow = times.filter((t) => t > at - w.ms);
      if (inWindow.length >= w.limit) wait = Math.max(wait, inWindow[inWindow.length - w.limit]! + w.ms - at);
    }
    return wait;
  }

  return {
    async acquire(keys: { key: string; windows: Window[] }[]): Promise<void> {
      for (;;) {
        const at = now();
        const wait = Math.max(...keys.map((k) => waitFor(k.key, k.windows, at)));
        if (wait <= 0) {
          const longest = Math.max(...keys.flatMap((k) => k.windows.map((w) => w.ms)));
          for (const { key } of keys) {
            sent.set(key, [...(sent.get(key) ?? []).filter((t) => t > at - longest), at]);
          }
          return;
        }
        await sleep(wait);
      }
    },
  };
}
