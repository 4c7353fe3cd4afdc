/**
 * The summary's window: since the last session when one is known, else the last 14 days, and
 * how to name it ("since your session on Tue Nov 24", "from the last 14 days"). Pure: the
 * time comes from ctx.now, the zone from the profile.
 */
import { sessionPrep } from '../content/session-prep.ts';
import { instantOf, isTimeZone, localTime } from '../reminders/schedule.ts';
import type { ProfileView } from '../types.ts';
import { lastSessionBefore, nextSessionFrom } from './dates.ts';

/** How far back a summary looks when no session date is known. */
export const FALLBACK_DAYS = 14;
const DAY_MS = 86_400_000;

export interface SummaryWindow {
  /** ISO instant the journal is read from. */
  since: string;
  /** The last session's local date, when the window starts there. */
  sessionDate?: string;
  /** Otherwise: how many days back. */
  days?: number;
}

/** The person's zone for dates: the profile's, else UTC (as the summary's days). */
export const zoneFor = (profile: ProfileView): string =>
  profile.timeZone && isTimeZone(profile.timeZone) ? profile.timeZone : 'UTC';

/** Their local date today. */
export const localToday = (now: string, profile: ProfileView): string =>
  localTime(now, zoneFor(profile)).date;

export function summaryWindow(now: string, profile: ProfileView): SummaryWindow {
  const at = Date.parse(now);
  const safeNow = Number.isNaN(at) ? 0 : at;
  const zone = zoneFor(profile);
  const last = Number.isNaN(at) ? undefined : lastSessionBefore(profile.sessions, localTime(now, zone).date);
  if (last) return { since: new Date(instantOf(last, 0, zone)).toISOString(), sessionDate: last };
  return { since: new Date(safeNow - FALLBACK_DAYS * DAY_MS).toISOString(), days: FALLBACK_DAYS };
}

/**
 * The window a summary read from `since` (kept in the conversation for MORE): the current
 * window when it is the same, else named by its days.
 */
export function windowOf(since: string, now: string, profile: ProfileView): SummaryWindow {
  const current = summaryWindow(now, profile);
  if (current.since === since) return current;
  const days = Math.max(1, Math.round((Date.parse(now) - Date.parse(since)) / DAY_MS));
  return { since, days: Number.isNaN(days) ? FALLBACK_DAYS : days };
}

export function writtenWindow(window: SummaryWindow): string {
  return window.sessionDate
    ? sessionPrep.window.writtenSince(window.sessionDate)
    : sessionPrep.window.writtenDays(window.days ?? FALLBACK_DAYS);
}

export function spokenWindow(window: SummaryWindow): string {
  return window.sessionDate
    ? sessionPrep.window.spokenSince(window.sessionDate)
    : sessionPrep.window.spokenDays(window.days ?? FALLBACK_DAYS);
}

export { nextSessionFrom };
