/**
 * When a reminder is due, in the person's own time zone: pure arithmetic on ISO times and
 * IANA zones, through Intl (no clock, no dependency). Daylight-saving changes come from the
 * zone data: "7pm in New York" is 23:00 UTC in summer and 00:00 UTC in winter.
 *
 * Rules kept here, in one place:
 * - at most one proactive text a local day (`lastSentFor` is the last local date texted);
 * - quiet hours 21:00-08:00 local: a named window ("evening") never reaches into them; an
 *   exact time the person chose there ("6am") is theirs to choose;
 * - the send time wanders a few minutes inside the window, by a hash of the reminder's seed
 *   and the date, so it is the same on every retry and in tests, and not noise at 19:00:00.
 */

/** Minutes after local midnight. */
export type LocalMinute = number;

/** What the person asked for, as stored: which days, and the window inside a day. */
export interface ReminderPlan {
  /** Days of the week, 0 = Sunday ... 6 = Saturday, ascending. */
  days: number[];
  /** Window start, minutes after local midnight. */
  start: LocalMinute;
  /** Window end (exclusive of nothing: a send falls in [start, end]). */
  end: LocalMinute;
}

export const QUIET_FROM: LocalMinute = 21 * 60;
export const QUIET_UNTIL: LocalMinute = 8 * 60;
/** How far an exact time ("7pm") may wander: up to this many minutes after it. */
export const EXACT_WANDER_MINUTES = 15;
export const EVERY_DAY: readonly number[] = [0, 1, 2, 3, 4, 5, 6];
/** Far enough ahead to find any day of the week twice, however long a pause. */
const SEARCH_DAYS = 15;

export const inQuietHours = (minute: LocalMinute): boolean => minute >= QUIET_FROM || minute < QUIET_UNTIL;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether Intl knows the zone ("America/Denver" yes, "Mars/Olympus" no). */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

export interface LocalTime {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** 0 = Sunday. */
  weekday: number;
  minute: LocalMinute;
}

function wallClock(ms: number, timeZone: string): [number, number, number, number, number, number] {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return [
    parts.year ?? 1970,
    parts.month ?? 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24,
    parts.minute ?? 0,
    parts.second ?? 0,
  ];
}

/** The local date, weekday and minute of an instant in a zone. */
export function localTime(iso: string, timeZone: string): LocalTime {
  const [y, m, d, h, mi] = wallClock(Date.parse(iso), timeZone);
  const date = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { date, weekday: weekdayOf(date), minute: h * 60 + mi };
}

/** The zone's offset from UTC at an instant, in minutes (New York in July: -240). */
function offsetMinutes(ms: number, timeZone: string): number {
  const [y, m, d, h, mi, s] = wallClock(ms, timeZone);
  return Math.round((Date.UTC(y, m - 1, d, h, mi, s) - Math.floor(ms / 1000) * 1000) / 60_000);
}

/**
 * The instant a local date and minute happen in a zone. A time skipped by a spring-forward
 * change (02:30 on that night) comes out an hour later, as clocks show it; a time that
 * happens twice in the autumn is its first happening.
 */
export function instantOf(date: string, minute: LocalMinute, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Math.floor(minute / 60), minute % 60);
  const first = wall - offsetMinutes(wall, timeZone) * 60_000;
  const second = wall - offsetMinutes(first, timeZone) * 60_000;
  // Earlier of the two readings that agree with themselves; else the later (a skipped hour).
  const agrees = (t: number) => t + offsetMinutes(t, timeZone) * 60_000 === wall;
  if (agrees(first) && agrees(second)) return Math.min(first, second);
  if (agrees(first)) return first;
  if (agrees(second)) return second;
  return Math.max(first, second);
}

export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * 86_400_000).toISOString().slice(0, 10);
}

/** FNV-1a, 32-bit: a small stable hash for the wander. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** The minute a plan sends on a given date: inside its window, the same for the same seed and date. */
export function sendMinute(plan: ReminderPlan, seed: number, date: string): LocalMinute {
  const span = Math.max(0, plan.end - plan.start);
  return plan.start + (span === 0 ? 0 : hash(`${seed}:${date}`) % (span + 1));
}

export interface DueQuery {
  plan: ReminderPlan;
  timeZone: string;
  seed: number;
  /** The due time is strictly after this instant (ISO). */
  after: string;
  /** No text on or before this local date (one a day: the last date texted). */
  lastSentFor?: string;
  /** No text before this local date (a start "tomorrow", the end of a pause). */
  notBefore?: string;
}

/** The next instant the reminder is due (ISO), or undefined when the plan has no day. */
export function nextDue(query: DueQuery): string | undefined {
  const { plan, timeZone, seed } = query;
  if (plan.days.length === 0 || !isTimeZone(timeZone)) return undefined;
  const afterMs = Date.parse(query.after);
  const today = localTime(query.after, timeZone).date;
  for (let i = 0; i < SEARCH_DAYS + 1; i++) {
    const date = addDays(today, i);
    if (query.lastSentFor !== undefined && date <= query.lastSentFor) continue;
    if (query.notBefore !== undefined && date < query.notBefore) continue;
    if (!plan.days.includes(weekdayOf(date))) continue;
    const at = instantOf(date, sendMinute(plan, seed, date), timeZone);
    if (at > afterMs) return new Date(at).toISOString();
  }
  // Only a pause longer than the search reaches here: look from its end instead.
  if (query.notBefore !== undefined && query.notBefore > addDays(today, SEARCH_DAYS)) {
    const from = new Date(instantOf(query.notBefore, 0, timeZone) - 1).toISOString();
    return nextDue({ ...query, after: from });
  }
  return undefined;
}
