/**
 * Therapy sessions as dates, read from the person's own words (issue 15): "I saw my therapist
 * today", "my session is Thursday at 4", "next session 12/9", "I see her every other Tuesday".
 *
 * Pure: "today" is the local date of ctx.now in the person's zone, passed in. A message is read
 * as a session date only when the whole of it is one of these shapes and its date part is
 * entirely understood; a message that clearly speaks of a session date but whose date is not
 * understood ("next session 13/45") reads as `unclear`, so the reply can say so and keep
 * nothing. Anything else ("my session was hard") is not about dates at all and is left to the
 * check-in. A wrong date is never kept silently: every kept date is said back in plain words.
 */
import { addDays, weekdayOf } from '../reminders/schedule.ts';

/** What is known of someone's sessions; kept on the profile (`sessions`). */
export interface SessionPlan {
  /** Local date (YYYY-MM-DD) of the last session, when they said one. */
  last?: string;
  /** The next session they named: local date, and the minute of the day when said. */
  next?: { date: string; minute?: number };
  /** A session that repeats: weekday (0 = Sunday), every 1 or 2 weeks, one date it falls on. */
  every?: { weekday: number; weeks: 1 | 2; anchor: string; minute?: number };
  /** The session "Anything you want to bring up?" was asked for (its date): asked once a session. */
  bringUpAskedFor?: string;
}

export type SessionWords =
  | { kind: 'last'; date: string }
  | { kind: 'next'; date: string; minute?: number }
  | { kind: 'every'; weekday: number; weeks: 1 | 2; minute?: number }
  | { kind: 'clear' }
  | { kind: 'ask' }
  /** About a session date, but the date was not understood (or has passed): nothing is kept. */
  | { kind: 'unclear'; passed?: boolean };

const WEEKDAYS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^sun(?:day)?s?$/, 0],
  [/^mon(?:day)?s?$/, 1],
  [/^tue(?:s|sday)?s?$/, 2],
  [/^wed(?:s|nesday)?s?$/, 3],
  [/^thu(?:r|rs|rsday)?s?$/, 4],
  [/^fri(?:day)?s?$/, 5],
  [/^sat(?:urday)?s?$/, 6],
];
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NUMBER_WORDS: Readonly<Record<string, number>> = {
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

const weekdayOfWord = (word: string): number | undefined => WEEKDAYS.find(([re]) => re.test(word))?.[1];

/** Who the person sees, as they may say it. */
const WHO = String.raw`(?:my |the )?(?:therapist|counsell?or|psychologist|psychiatrist|social worker|doctor|dr\.? \w+|shrink)|her|him|them`;
const SESSION = String.raw`(?:my |the |our )?(?:next |last |upcoming |therapy |counsell?ing )*(?:session|appointment|appt|therapy)`;

/** Past: "I saw my therapist today", "had my session yesterday", "my last session was Monday". */
const PAST = [
  new RegExp(
    String.raw`^(?:i )?(?:just )?(?:saw|had|went to|was at|met|met with|talked to|spoke to|spoke with) (?:${WHO}|${SESSION})(?: (.+))?$`,
  ),
  /^(?:my |the )?last (?:session|appointment|therapy)(?: was| is)?(?: (.+))$/,
];
/** Future: "my session is Thursday at 4", "next session 12/9", "seeing my therapist tomorrow". */
const NEXT = [
  new RegExp(
    String.raw`^(?:my |the )?(?:next |upcoming )?(?:therapy |counsell?ing )?(?:session|appointment|appt)s?(?: with (?:${WHO}))?(?: is| are| will be|'s| on| at)*(?: (.+))$`,
  ),
  new RegExp(String.raw`^(?:i'?m |im |i am )?(?:seeing|meeting|meeting with) (?:${WHO})(?: (.+))$`),
  new RegExp(String.raw`^(?:i )?(?:see|have|meet) (?:${WHO}|${SESSION})(?: (.+))$`),
  /^(?:i )?have (?:therapy|a session|an appointment|my session)(?: (.+))$/,
];
const CLEAR =
  /^(?:please )?(?:clear|cancel|forget|delete|remove|no more) (?:my |the |all )?(?:next )?(?:session|sessions|session dates?|appointments?)(?: dates?)?$/;
const ASK =
  /^(?:when(?:'s| is| was)|what day is) (?:my |the )?(?:next |last )?(?:session|appointment|therapy)$/;

/** The words, lower case, one space, no closing punctuation, "4:00 p.m." as "4:00pm". */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\b([ap])\.m\.?/g, '$1m')
    .replace(/[!?,;"]+|:(?=\s)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.]+$/, '')
    .trim();
}

/** Whether words look like someone tried to say a date or time (digits, day or month names). */
function looksDated(words: string): boolean {
  if (/\d/.test(words)) return true;
  return words
    .split(' ')
    .some(
      (w) =>
        weekdayOfWord(w) !== undefined ||
        MONTHS.some((m) => w.startsWith(m) && w.length >= 3) ||
        /^(?:today|tomorrow|tonight|yesterday|week|weeks|fortnight|month)$/.test(w),
    );
}

interface DatePart {
  /** A local date, or a weekday to resolve against today. */
  date?: string;
  weekday?: number;
  /** "next Tuesday", "this Tuesday", "last Tuesday". */
  qualifier?: 'next' | 'this' | 'last';
  month?: number;
  day?: number;
  year?: number;
  minute?: number;
}

/** "at 4", "4pm", "4:30", "at four", "noon": the minute of the day (1-7 alone reads as afternoon). */
function timeOf(words: string): number | undefined | 'bad' {
  const m =
    /^(?:at |around |@ ?)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?::(\d{2}))? ?(am|pm|in the morning|in the afternoon|in the evening)?$/.exec(
      words,
    );
  if (!m) return /^(?:at )?noon$/.test(words) ? 12 * 60 : 'bad';
  let hour = Number.isNaN(Number(m[1])) ? (NUMBER_WORDS[m[1] ?? ''] ?? -1) : Number(m[1]);
  const minute = m[2] === undefined ? 0 : Number(m[2]);
  if (hour < 0 || hour > 23 || minute > 59) return 'bad';
  const half = m[3];
  if (half === 'am' || half === 'in the morning') {
    if (hour > 12) return 'bad';
    if (hour === 12) hour = 0;
  } else if (half) {
    if (hour > 12) return 'bad';
    if (hour < 12) hour += 12;
  } else if (hour >= 1 && hour <= 7) {
    // "at 4": sessions are day-time appointments; the reply says "4pm" so a wrong guess shows.
    hour += 12;
  }
  return hour * 60 + minute;
}

/** Splits "thursday at 4" into the date words and the time, and reads both; undefined if not whole. */
function datePartOf(words: string): DatePart | undefined {
  const timeSplit =
    /^(.*?)(?: at | @ |, | )?((?:at |around )?(?:\d{1,2}(?::\d{2})? ?(?:am|pm)?|noon|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?: ?(?:am|pm))?))$/.exec(
      words,
    );
  const candidates: Array<[string, string | undefined]> = [[words, undefined]];
  if (timeSplit?.[1] && timeSplit[2]) candidates.unshift([timeSplit[1].trim(), timeSplit[2]]);
  for (const [datePhrase, timePhrase] of candidates) {
    const date = dateOnlyOf(datePhrase);
    if (!date) continue;
    if (timePhrase === undefined) return date;
    const minute = timeOf(timePhrase.trim());
    if (minute === 'bad' || minute === undefined) continue;
    return { ...date, minute };
  }
  return undefined;
}

function dateOnlyOf(raw: string): DatePart | undefined {
  const words = raw.replace(/^(?:on|this coming|coming|for) /, '').trim();
  if (/^(?:today|tonight|this (?:morning|afternoon|evening))$/.test(words)) return { date: 'today' };
  if (/^(?:tomorrow|tmrw|tmr)(?: (?:morning|afternoon|evening))?$/.test(words)) return { date: 'tomorrow' };
  if (/^yesterday(?: (?:morning|afternoon|evening))?$/.test(words)) return { date: 'yesterday' };
  if (/^(?:in )?(?:a|one) week(?:'s time)?$|^in a week$|^a week from today$/.test(words))
    return { date: 'week' };
  if (/^in (?:two|2) weeks$|^in a fortnight$/.test(words)) return { date: 'fortnight' };
  const day = /^(?:(next|this|last) )?([a-z]+)$/.exec(words);
  if (day) {
    const weekday = weekdayOfWord(day[2] ?? '');
    if (weekday !== undefined)
      return { weekday, ...(day[1] ? { qualifier: day[1] as 'next' | 'this' | 'last' } : {}) };
  }
  // "12/9", "12/9/26", "12-9-2026" (US order: month first).
  const numeric = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?$/.exec(words);
  if (numeric) {
    const year = numeric[3] === undefined ? undefined : Number(numeric[3].padStart(4, '20'));
    return { month: Number(numeric[1]), day: Number(numeric[2]), ...(year ? { year } : {}) };
  }
  // "dec 9", "december 9th", "9 december", "the 9th of december", with a weekday before it ("tue dec 9").
  const named =
    /^(?:[a-z]+ )?(?:the )?(?:([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+))(?: (\d{4}))?$/.exec(
      words,
    );
  if (named) {
    const monthWord = named[1] ?? named[4] ?? '';
    const month = MONTHS.findIndex((m) => monthWord.startsWith(m) && monthWord.length >= 3);
    const lead = words.split(' ')[0] ?? '';
    const leadOk =
      lead === monthWord || lead === 'the' || /^\d/.test(lead) || weekdayOfWord(lead) !== undefined;
    if (month >= 0 && leadOk)
      return {
        month: month + 1,
        day: Number(named[2] ?? named[3]),
        ...(named[5] ? { year: Number(named[5]) } : {}),
      };
  }
  const ordinal = /^(?:the )?(\d{1,2})(?:st|nd|rd|th)$/.exec(words);
  if (ordinal) return { day: Number(ordinal[1]) };
  return undefined;
}

const isRealDate = (y: number, m: number, d: number): boolean => {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const iso = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** How far back a date without a year may be before it reads as next year's. */
const PASSED_GRACE_DAYS = 60;

/**
 * The local date a date part names, looking forward (a next session) or back (a last one).
 * 'passed' when a next session's date has just gone by, 'bad' when it is no date.
 */
function resolve(part: DatePart, today: string, direction: 'next' | 'last'): string | 'bad' | 'passed' {
  if (part.date === 'today') return today;
  if (part.date === 'tomorrow') return direction === 'next' ? addDays(today, 1) : 'bad';
  if (part.date === 'yesterday') return direction === 'last' ? addDays(today, -1) : 'passed';
  if (part.date === 'week') return direction === 'next' ? addDays(today, 7) : 'bad';
  if (part.date === 'fortnight') return direction === 'next' ? addDays(today, 14) : 'bad';
  if (part.weekday !== undefined) {
    const shift = (part.weekday - weekdayOf(today) + 7) % 7;
    if (direction === 'next') {
      if (part.qualifier === 'last') return 'passed';
      return addDays(today, shift);
    }
    if (part.qualifier === 'next') return 'bad';
    const back = (weekdayOf(today) - part.weekday + 7) % 7;
    // "last Monday" said on a Monday is a week ago; "on Monday" said on a Monday is today.
    return addDays(today, -(back === 0 && part.qualifier === 'last' ? 7 : back));
  }
  const [ty, tm] = today.split('-').map(Number) as [number, number, number];
  if (part.day !== undefined) {
    const month = part.month ?? tm;
    let year = part.year ?? ty;
    if (!isRealDate(year, month, part.day)) {
      // "the 31st" in a short month: next month's, looking forward.
      if (part.month === undefined && direction === 'next') {
        const nm = (tm % 12) + 1;
        const ny = tm === 12 ? ty + 1 : ty;
        return isRealDate(ny, nm, part.day) ? iso(ny, nm, part.day) : 'bad';
      }
      return 'bad';
    }
    let date = iso(year, month, part.day);
    if (part.year === undefined) {
      if (direction === 'next' && date < today) {
        if (part.month === undefined) {
          const nm = (tm % 12) + 1;
          const ny = tm === 12 ? ty + 1 : ty;
          return isRealDate(ny, nm, part.day) ? iso(ny, nm, part.day) : 'bad';
        }
        // Just gone by is a slip, not next year's: say so rather than keep a wrong date.
        if (date >= addDays(today, -PASSED_GRACE_DAYS)) return 'passed';
        year += 1;
        date = iso(year, month, part.day);
      } else if (direction === 'last' && date > today) {
        year -= 1;
        if (!isRealDate(year, month, part.day)) return 'bad';
        date = iso(year, month, part.day);
      }
    }
    if (direction === 'next' && date < today) return 'passed';
    if (direction === 'last' && date > today) return 'bad';
    // A year out or more is more likely a slip than a plan.
    if (direction === 'next' && date > addDays(today, 366)) return 'bad';
    if (direction === 'last' && date < addDays(today, -366)) return 'bad';
    return date;
  }
  return 'bad';
}

/** "every other Tuesday (at 4)", "every Tuesday", "fortnightly on Tuesdays", "weekly on mondays". */
function recurrenceOf(rest: string): { weekday: number; weeks: 1 | 2; minute?: number } | 'bad' | undefined {
  const m =
    /^(?:on )?(?:(every other|every second|every 2nd|every two weeks on|every 2 weeks on|fortnightly on|biweekly on|bi-weekly on|every|weekly on|each)) ([a-z]+?)s?(?: (?:at )?(.+))?$/.exec(
      rest,
    ) ??
    /^(?:on )?([a-z]+?)s? (every other week|fortnightly|biweekly|every two weeks|every week|weekly)(?: (?:at )?(.+))?$/.exec(
      rest,
    );
  if (!m) return undefined;
  const [, a, b, timeWords] = m;
  const cadence = weekdayOfWord(`${a}`) !== undefined ? b : a;
  const dayWord = weekdayOfWord(`${a}`) !== undefined ? a : b;
  const weekday = weekdayOfWord(`${dayWord}`) ?? weekdayOfWord(`${dayWord}s`);
  if (weekday === undefined) return 'bad';
  const weeks: 1 | 2 = /other|second|2nd|two|2 |fortnight|bi/.test(`${cadence} `) ? 2 : 1;
  if (timeWords === undefined) return { weekday, weeks };
  const minute = timeOf(`at ${timeWords}`.replace(/^at at /, 'at '));
  if (minute === 'bad' || minute === undefined) return 'bad';
  return { weekday, weeks, minute };
}

/**
 * What the message says about sessions, or undefined when it is not about session dates.
 * `today` is the local date (YYYY-MM-DD) where the person lives.
 */
export function sessionWordsOf(message: string, today: string): SessionWords | undefined {
  const words = normalise(message);
  if (words === 'session' || words === 'sessions' || words === 'session date' || words === 'next session')
    return { kind: 'ask' };
  if (CLEAR.test(words)) return { kind: 'clear' };
  if (ASK.test(words)) return { kind: 'ask' };

  for (const re of PAST) {
    const m = re.exec(words);
    if (!m) continue;
    const rest = m[1]?.trim();
    // "I saw my therapist" with no day: today.
    if (!rest) return re === PAST[0] ? { kind: 'last', date: today } : undefined;
    const part = datePartOf(rest.replace(/^(?:on|this) /, ''));
    if (!part) return looksDated(rest) ? { kind: 'unclear' } : undefined;
    const date = resolve(part, today, 'last');
    if (date === 'bad' || date === 'passed') return { kind: 'unclear' };
    return { kind: 'last', date };
  }

  for (const re of NEXT) {
    const m = re.exec(words);
    if (!m) continue;
    const rest = (m[1] ?? '').trim();
    const every = recurrenceOf(rest);
    if (every === 'bad') return { kind: 'unclear' };
    if (every) return { kind: 'every', ...every };
    const part = datePartOf(rest);
    if (!part) return looksDated(rest) ? { kind: 'unclear' } : undefined;
    const date = resolve(part, today, 'next');
    if (date === 'bad') return { kind: 'unclear' };
    if (date === 'passed') return { kind: 'unclear', passed: true };
    return { kind: 'next', date, ...(part.minute !== undefined ? { minute: part.minute } : {}) };
  }
  return undefined;
}

/**
 * A bare date or recurrence ("thursday at 4", "12/9", "every other tuesday"), read only as the
 * answer to "when is your next session?".
 */
export function bareSessionDateOf(message: string, today: string): SessionWords | undefined {
  const words = normalise(message);
  const every = recurrenceOf(words);
  if (every === 'bad') return { kind: 'unclear' };
  if (every) return { kind: 'every', ...every };
  const part = datePartOf(words);
  if (!part) return looksDated(words) ? { kind: 'unclear' } : undefined;
  const date = resolve(part, today, 'next');
  if (date === 'bad') return { kind: 'unclear' };
  if (date === 'passed') return { kind: 'unclear', passed: true };
  return { kind: 'next', date, ...(part.minute !== undefined ? { minute: part.minute } : {}) };
}

// ---------------------------------------------------------------------------------------------
// The plan: what a statement changes, and which dates it gives.

/** The plan after what they said (pure; today is their local date). */
export function applySessionWords(
  plan: SessionPlan | undefined,
  said: Extract<SessionWords, { kind: 'last' | 'next' | 'every' }>,
  today: string,
): SessionPlan {
  const next: SessionPlan = { ...(plan ?? {}) };
  if (said.kind === 'last') {
    next.last = said.date;
    // A next session on or before that date has happened.
    if (next.next && next.next.date <= said.date) delete next.next;
    return next;
  }
  if (said.kind === 'next') {
    // The one they named before, if it has gone by, is the last session now.
    if (next.next && next.next.date < today && (!next.last || next.last < next.next.date))
      next.last = next.next.date;
    next.next = { date: said.date, ...(said.minute !== undefined ? { minute: said.minute } : {}) };
    // A recurring session on the same weekday takes this date as its anchor.
    if (next.every && next.every.weekday === weekdayOf(said.date))
      next.every = { ...next.every, anchor: said.date };
    return next;
  }
  const shift = (said.weekday - weekdayOf(today) + 7) % 7;
  const anchor =
    next.next && weekdayOf(next.next.date) === said.weekday && next.next.date >= today
      ? next.next.date
      : addDays(today, shift);
  next.every = {
    weekday: said.weekday,
    weeks: said.weeks,
    anchor,
    ...(said.minute !== undefined ? { minute: said.minute } : {}),
  };
  return next;
}

const dayIndex = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
};

/** Occurrences of a recurring session: the latest before `today`, and the first on or after it. */
function occurrences(
  every: NonNullable<SessionPlan['every']>,
  today: string,
): { before: string; onOrAfter: string } {
  const period = every.weeks * 7;
  const offset = (((dayIndex(today) - dayIndex(every.anchor)) % period) + period) % period;
  const onOrAfter = offset === 0 ? today : addDays(today, period - offset);
  return { before: addDays(onOrAfter, -period), onOrAfter };
}

/**
 * The most recent session before today (the summary covers since then), or undefined. A session
 * set for today is the one being prepared for, so it does not count until tomorrow, unless they
 * said they have seen their therapist today.
 */
export function lastSessionBefore(plan: SessionPlan | undefined, today: string): string | undefined {
  if (!plan) return undefined;
  const candidates: string[] = [];
  if (plan.last && plan.last <= today) candidates.push(plan.last);
  if (plan.next && plan.next.date < today) candidates.push(plan.next.date);
  if (plan.every) candidates.push(occurrences(plan.every, today).before);
  return candidates.sort().at(-1);
}

/** The next session on or after today, with its minute when known, or undefined. */
export function nextSessionFrom(
  plan: SessionPlan | undefined,
  today: string,
): { date: string; minute?: number } | undefined {
  if (!plan) return undefined;
  const candidates: Array<{ date: string; minute?: number }> = [];
  // Said today that they have seen their therapist: today's session is behind them.
  const seenToday = plan.last === today;
  if (plan.next && plan.next.date >= today && !(seenToday && plan.next.date === today))
    candidates.push(plan.next);
  if (plan.every) {
    let { onOrAfter } = occurrences(plan.every, today);
    if (seenToday && onOrAfter === today) onOrAfter = addDays(today, plan.every.weeks * 7);
    candidates.push({
      date: onOrAfter,
      ...(plan.every.minute !== undefined ? { minute: plan.every.minute } : {}),
    });
  }
  return candidates.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
}
