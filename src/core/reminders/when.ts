/**
 * "7pm", "weekdays at 6", "every Sunday evening", "tomorrow morning", "noon": the days and
 * the time of day a person asks to be texted, read from their own words. Pure and
 * table-driven (tests/core/reminders/when.test.ts holds many phrasings).
 *
 * A message is read as a time only when every word in it is part of one (or filler such as
 * "at", "around", "please"): "7 things went wrong" is not a reminder at 7.
 */
import {
  EVERY_DAY,
  EXACT_WANDER_MINUTES,
  inQuietHours,
  type LocalMinute,
  QUIET_FROM,
  type ReminderPlan,
} from './schedule.ts';

export interface When {
  /** Days named ("weekdays", "sundays"); absent: not said. */
  days?: number[];
  /** The window of the day; absent: no time said. */
  window?: { start: LocalMinute; end: LocalMinute; exact: boolean };
  /** "tomorrow": the first text is not before the next local day. */
  tomorrow?: boolean;
}

/** Named parts of the day, kept clear of quiet hours (21:00-08:00). */
const PARTS_OF_DAY: ReadonlyArray<readonly [RegExp, LocalMinute, LocalMinute, 'am' | 'pm']> = [
  [/\b(?:in the )?mornings?\b|\bbreakfast\b/, 8 * 60 + 30, 10 * 60, 'am'],
  [/\b(?:in the )?afternoons?\b/, 13 * 60, 15 * 60, 'pm'],
  [/\bafter work\b/, 17 * 60 + 30, 18 * 60 + 30, 'pm'],
  [/\b(?:in the )?evenings?\b|\bdinner ?time\b|\bafter dinner\b/, 18 * 60, 20 * 60, 'pm'],
  [/\btonight\b|\b(?:at )?night\b|\bbefore bed\b|\bbedtime\b/, 19 * 60 + 30, 20 * 60 + 45, 'pm'],
];

const DAY_NAMES: ReadonlyArray<readonly [RegExp, number]> = [
  [/\bsun(?:day)?s?\b/g, 0],
  [/\bmon(?:day)?s?\b/g, 1],
  [/\btue(?:s|sday)?s?\b/g, 2],
  [/\bwed(?:s|nesday)?s?\b/g, 3],
  [/\bthu(?:r|rs|rsday|rsdays)?s?\b/g, 4],
  [/\bfri(?:day)?s?\b/g, 5],
  [/\bsat(?:urday)?s?\b/g, 6],
];

const DAY_SETS: ReadonlyArray<readonly [RegExp, readonly number[]]> = [
  [
    /\b(?:every ?day|everyday|daily|each day|every single day|all week|7 days a week|seven days a week)\b/,
    EVERY_DAY,
  ],
  [
    /\b(?:week ?days?|work ?days?|during the week|mon(?:day)?s? ?(?:-|to|through|thru) ?fri(?:day)?s?)\b/,
    [1, 2, 3, 4, 5],
  ],
  [/\b(?:week ?ends?|sat(?:urday)?s? and sun(?:day)?s?)\b/, [0, 6]],
];

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** Words that carry no meaning of their own in "every day at around 7pm please". */
const FILLER = new Set([
  'at',
  'around',
  'about',
  'by',
  'on',
  'in',
  'the',
  'every',
  'each',
  'a',
  'please',
  'pls',
  'ish',
  'maybe',
  'like',
  'approx',
  'roughly',
  'starting',
  'from',
  'and',
  'or',
  'ok',
  'okay',
  'yes',
  'yeah',
  'sure',
  'time',
  'o',
  'clock',
  'oclock',
  'is',
  'good',
  'works',
  'fine',
  'for',
  'me',
  'then',
  'how',
]);

/** Lowercase, "p.m." as "pm", punctuation but ":" as spaces. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019']/g, '')
    .replace(/\b([ap])\.? ?m\b\.?/g, '$1m')
    .replace(/(\d)ish\b/g, '$1 ish')
    .replace(/[^a-z0-9: -]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Reads days and a time of day from the whole message; undefined when it is not only that. */
export function parseWhen(text: string): When | undefined {
  let rest = ` ${normalise(text)} `;
  if (rest.trim().length === 0 || rest.length > 80) return undefined;
  const when: When = {};
  const take = (pattern: RegExp): RegExpExecArray | null => {
    const match = pattern.exec(rest);
    if (match) rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
    return match;
  };

  if (take(/\btomorrow\b|\btmrw\b|\btmr\b/)) when.tomorrow = true;
  const days = new Set<number>();
  for (const [pattern, set] of DAY_SETS) if (take(pattern)) for (const d of set) days.add(d);
  for (const [pattern, day] of DAY_NAMES) {
    pattern.lastIndex = 0;
    if (pattern.test(rest)) {
      days.add(day);
      rest = rest.replace(pattern, ' ');
    }
  }
  if (days.size > 0) when.days = [...days].sort((a, b) => a - b);

  let part: (typeof PARTS_OF_DAY)[number] | undefined;
  for (const candidate of PARTS_OF_DAY) {
    if (take(candidate[0])) {
      part = candidate;
      break;
    }
  }
  const clock = readClock(take);
  if (clock === null) return undefined;
  if (clock) {
    const minute = resolveHour(clock, part?.[3]);
    if (minute === undefined) return undefined;
    when.window = exactWindow(minute);
  } else if (part) {
    when.window = { start: part[1], end: part[2], exact: false };
  }

  const leftover = rest.split(' ').filter((w) => w.length > 0 && !FILLER.has(w));
  if (leftover.length > 0) return undefined;
  if (!when.window && !when.days && !when.tomorrow) return undefined;
  return when;
}

interface Clock {
  hour: number;
  minute: number;
  /** am / pm as said; absent when not said. */
  half?: 'am' | 'pm';
}

/** A clock time in the message, taken out of it; undefined when none, null when malformed. */
function readClock(take: (pattern: RegExp) => RegExpExecArray | null): Clock | undefined | null {
  if (take(/\b(?:noon|midday|lunch ?time|lunch|12 noon)\b/)) return { hour: 12, minute: 0, half: 'pm' };
  if (take(/\bmidnight\b/)) return { hour: 0, minute: 0, half: 'am' };
  const withHalfPast = take(/\bhalf past (\d{1,2}|[a-z]+)\b/);
  if (withHalfPast) {
    const hour = hourOf(withHalfPast[1] ?? '');
    return hour === undefined ? null : { hour, minute: 30, ...halfOf(take) };
  }
  const spoken = take(
    /\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (fifteen|thirty|forty ?five)\b/,
  );
  if (spoken) {
    const hour = hourOf(spoken[1] ?? '');
    const minute = spoken[2] === 'fifteen' ? 15 : spoken[2] === 'thirty' ? 30 : 45;
    return hour === undefined ? null : { hour, minute, ...halfOf(take) };
  }
  const colon = take(/\b(\d{1,2})[:.](\d{2})(?!\d)/);
  if (colon) {
    const minute = Number(colon[2]);
    if (minute > 59) return null;
    return { hour: Number(colon[1]), minute, ...halfOf(take) };
  }
  const compact = take(/\b(\d{1,2})(\d{2}) ?(am|pm)\b/) ?? take(/\b([01]\d|2[0-3])([0-5]\d)\b/);
  if (compact) {
    const minute = Number(compact[2]);
    if (minute > 59) return null;
    const half = compact[3] as 'am' | 'pm' | undefined;
    return { hour: Number(compact[1]), minute, ...(half ? { half } : {}) };
  }
  const bare = take(/\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) ?(am|pm)?\b/);
  if (bare) {
    const hour = hourOf(bare[1] ?? '');
    if (hour === undefined) return null;
    const half = (bare[2] as 'am' | 'pm' | undefined) ?? halfOf(take).half;
    return { hour, minute: 0, ...(half ? { half } : {}) };
  }
  return undefined;
}

function halfOf(take: (pattern: RegExp) => RegExpExecArray | null): { half?: 'am' | 'pm' } {
  const found = take(/\b(am|pm)\b/);
  return found ? { half: found[1] as 'am' | 'pm' } : {};
}

function hourOf(word: string): number | undefined {
  const n = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word];
  return n !== undefined && n >= 0 && n <= 23 ? n : undefined;
}

/**
 * The minute a clock time means. With am/pm, or "in the morning", as said; 13-23 as a
 * 24-hour clock; a bare 1-8 is the evening (1-7am are quiet hours, and an evening check-in
 * is what people ask for), 9-11 the morning (9-11pm are quiet hours), 12 noon.
 */
function resolveHour(clock: Clock, partHalf: 'am' | 'pm' | undefined): LocalMinute | undefined {
  const { hour, minute } = clock;
  if (hour > 23) return undefined;
  const half = clock.half ?? partHalf;
  if (hour > 12 || hour === 0) {
    if (half === 'am' && hour > 12) return undefined;
    return hour * 60 + minute;
  }
  if (half === 'am') return (hour % 12) * 60 + minute;
  if (half === 'pm') return ((hour % 12) + 12) * 60 + minute;
  if (hour === 12) return 12 * 60 + minute;
  return (hour <= 8 ? hour + 12 : hour) * 60 + minute;
}

/** An exact time wanders a few minutes after it; outside quiet hours it never wanders into them. */
function exactWindow(minute: LocalMinute): { start: LocalMinute; end: LocalMinute; exact: true } {
  let end = Math.min(minute + EXACT_WANDER_MINUTES, 24 * 60 - 1);
  if (!inQuietHours(minute) && end > QUIET_FROM) end = QUIET_FROM;
  return { start: minute, end, exact: true };
}

/** The plan a `When` asks for; days default to every day, a time must be said. */
export function planOf(when: When): ReminderPlan | undefined {
  if (!when.window) return undefined;
  return { days: when.days ?? [...EVERY_DAY], start: when.window.start, end: when.window.end };
}
