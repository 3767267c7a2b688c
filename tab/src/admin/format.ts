/** Numbers, days and durations the way the admin tab shows them. */

export function percent(ratio: number | null): string {
  return ratio === null ? '—' : `${Math.round(ratio * 100)}%`;
}

export function decimal(value: number | null, digits = 1): string {
  return value === null ? '—' : value.toFixed(digits);
}

/** A day (YYYY-MM-DD) or an instant, in the viewer's own time zone. */
export function day(value: string | null): string {
  if (!value) return '—';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** 1440 → "1 day", 90 → "1 h 30 min". */
export function minutesInWords(minutes: number): string {
  if (minutes % (24 * 60) === 0) {
    const days = minutes / (24 * 60);
    return `${days} day${days === 1 ? '' : 's'}`;
  }
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** "1 day, 1 h 30 min, 15" back into minutes (a bare number is minutes); undefined when a part cannot be read. */
export function parseOffsets(text: string): number[] | undefined {
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  const minutes: number[] = [];
  for (const part of parts) {
    if (!/^(\d+\s*(days?|d|hours?|h|minutes?|mins?|m)?\s*)+$/i.test(part)) return undefined;
    let total = 0;
    for (const m of part.matchAll(/(\d+)\s*(days?|d|hours?|h|minutes?|mins?|m)?/gi)) {
      const unit = (m[2] ?? 'min').toLowerCase();
      total += Number(m[1]) * (unit.startsWith('d') ? 24 * 60 : unit.startsWith('h') ? 60 : 1);
    }
    minutes.push(total);
  }
  return minutes;
}
