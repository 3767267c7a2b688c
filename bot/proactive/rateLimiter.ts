/**
 * Sliding-window limits, as Teams applies them to bots: per conversation 7
 * messages a second and 60 in 30 seconds, per app per tenant a rate (about
 * 30 a second by default). `acquire` waits until a send fits every window
 * that applies, and takes its place in all of them at once.
 *
 * The windows live in this process. With several instances each keeps its
 * own count, so the tenant rate given to each should be its share of what
 * Teams allows; a 429 with Retry-After catches any overshoot.
 */
export interface Window {
  limit: number;
  ms: number;
}

export const CONVERSATION_WINDOWS: Window[] = [
  { limit: 7, ms: 1_000 },
  { limit: 60, ms: 30_000 },
];

/**
 * The tenant's rate over a window 5% longer than Teams': a send let through at
 * the edge of our window reaches Teams a few milliseconds later, and a 429
 * costs a whole Retry-After, so running a little under the limit is faster.
 */
export function tenantWindows(ratePerSecond: number): Window[] {
  return [{ limit: ratePerSecond, ms: 1_050 }];
}

export const TENANT_WINDOWS: Window[] = tenantWindows(30);

const SWEEP_EVERY_MS = 1_000;

export interface LimitedKey {
  key: string;
  windows: Window[];
}

export interface RateLimiter {
  acquire(keys: LimitedKey[]): Promise<void>;
  /** Keys with sends still inside a window; forgotten ones cost nothing. */
  size(): number;
}

export function createRateLimiter(
  now: () => number = Date.now,
  sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms)),
): RateLimiter {
  // Send times per key, oldest first, kept only as long as the key's longest window.
  const sent = new Map<string, number[]>();
  let lastSweep = 0;

  function recent(key: string, horizon: number, at: number): number[] {
    const times = sent.get(key);
    if (!times) return [];
    let drop = 0;
    while (drop < times.length && times[drop]! <= at - horizon) drop++;
    if (drop > 0) times.splice(0, drop);
    if (times.length === 0) sent.delete(key);
    return times;
  }

  /** How long until one more send fits all windows of this key; 0 when it fits now. */
  function waitFor({ key, windows }: LimitedKey, at: number): number {
    const times = recent(key, longest(windows), at);
    let wait = 0;
    for (const w of windows) {
      let inWindow = 0;
      for (let i = times.length - 1; i >= 0 && times[i]! > at - w.ms; i--) inWindow++;
      if (inWindow >= w.limit) wait = Math.max(wait, times[times.length - w.limit]! + w.ms - at);
    }
    return wait;
  }

  /** Drops idle conversations now and then, so a fan-out to thousands of chats does not stay in memory. */
  function sweep(at: number, horizon: number) {
    if (at - lastSweep < SWEEP_EVERY_MS) return;
    lastSweep = at;
    for (const [key, times] of sent) if ((times.at(-1) ?? 0) <= at - horizon) sent.delete(key);
  }

  return {
    async acquire(keys) {
      const horizon = Math.max(...keys.map((k) => longest(k.windows)));
      for (;;) {
        const at = now();
        const wait = Math.max(0, ...keys.map((k) => waitFor(k, at)));
        if (wait <= 0) {
          // Checked and taken in one synchronous step: concurrent callers cannot both take the last place.
          for (const { key } of keys) {
            const times = sent.get(key);
            if (times) times.push(at);
            else sent.set(key, [at]);
          }
          sweep(at, horizon);
          return;
        }
        await sleep(wait);
      }
    },
    size: () => sent.size,
  };
}

function longest(windows: Window[]): number {
  return Math.max(...windows.map((w) => w.ms));
}
