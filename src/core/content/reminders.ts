/**
 * Words of the reminders: the offer, the consent, the texts the service sends first, and
 * every answer about them. Short, warm, answerable in one word; never a streak, never "you
 * missed". SMS only (GSM-7), so no curly quotes or dashes.
 *
 * The consent names how often ("at most one a day"), "Msg & data rates may apply" and how to
 * opt out, as carriers require of recurring messages; the opt-out words are the carriers'
 * own disclosure (`service.optOutDisclosure`), the one way this project names STOP.
 */
import { service } from './service.ts';

const DAY_NAMES = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];
const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Named windows, as parsed in src/core/reminders/when.ts. */
const NAMED_WINDOWS: ReadonlyArray<readonly [number, number, string]> = [
  [8 * 60 + 30, 10 * 60, 'in the morning'],
  [13 * 60, 15 * 60, 'in the afternoon'],
  [17 * 60 + 30, 18 * 60 + 30, 'after work'],
  [18 * 60, 20 * 60, 'in the evening'],
  [19 * 60 + 30, 20 * 60 + 45, 'at night'],
];

/** "7pm", "7:30am", "noon", "midnight". */
export function clockWords(minute: number): string {
  if (minute === 12 * 60) return 'noon';
  if (minute === 0) return 'midnight';
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${h < 12 ? 'am' : 'pm'}`;
}

/** "around 7pm", "in the evening", "between 6pm and 8pm". */
export function windowWords(start: number, end: number, exact: boolean): string {
  if (exact) return `around ${clockWords(start)}`;
  const named = NAMED_WINDOWS.find(([s, e]) => s === start && e === end);
  return named ? named[2] : `between ${clockWords(start)} and ${clockWords(end)}`;
}

/** "each day", "on weekdays", "on weekends", "on Sundays", "on Mondays and Thursdays". */
export function dayWords(days: readonly number[]): string {
  const key = days.join(',');
  if (key === '0,1,2,3,4,5,6') return 'each day';
  if (key === '1,2,3,4,5') return 'on weekdays';
  if (key === '0,6') return 'on weekends';
  const names = days.map((d) => DAY_NAMES[d] ?? '');
  if (names.length === 1) return `on ${names[0]}`;
  return `on ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** "Tue Mar 17", for a local YYYY-MM-DD. */
export function dateWords(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${SHORT_DAYS[weekday]} ${MONTHS[m - 1]} ${d}`;
}

/** The one-word check-ins a reminder may be, rotated by the seed. */
const CHECK_IN_LINES = [
  "How's today, in a word?",
  'Checking in. How are you, in a word?',
  "A quick hello. What's here today? One word is plenty.",
  "How's today going? A word is enough.",
  "Thinking of you. How's today, in one word?",
] as const;

export const reminders = {
  /** Once, after a check-in closes, never again unasked. */
  offer: 'Want a short text tomorrow to check in? At most one a day. Reply a time, like 7pm, or NO.',
  askTime: 'What time suits you? Reply a time, like 7pm, 8 in the morning, or weekdays at 6.',
  askTimeReprompt: 'Reply a time, like 7pm, or NO.',
  /** Before the time question again: with it, the same question (so never a third time, step.ts). */
  noTimeHeard: "Sorry, I didn't get a time from that. Or reply NO to leave it.",
  /**
   * The consent, sent when someone first asks to be texted: what, when, in which zone, how
   * often, rates, and how to pause, end and opt out. Recorded with its time and this text.
   */
  consent: (when: string, zone: string) =>
    `Okay: my check in will text you a short check-in ${when}, ${zone}. Wrong time zone? Text your city. At most one a day. Msg & data rates may apply. Text PAUSE to pause, NO MORE REMINDERS to turn them off. ${service.optOutDisclosure}`,
  changed: (when: string, zone: string) =>
    `Okay, your check-in text is now ${when}, ${zone}. Still at most one a day.`,
  startsTomorrow: ', starting tomorrow',
  declined: "Okay, no texts. If you'd ever like one, text REMIND.",
  off: 'Okay, no more reminders, and your number is erased. You can still text me any time.',
  noneToEnd: "You don't have reminders on. Text REMIND if you'd like a short text each day.",
  paused: (days: number, resumes: string) =>
    `Okay, reminders paused for ${days === 7 ? 'a week' : days === 1 ? 'a day' : `${days} days`}. They start again ${resumes}. Text RESUME any time sooner.`,
  resumed: (next: string) => `Reminders are on again. The next one: ${next}.`,
  notPaused: (next: string) => `Your reminders are on. The next one: ${next}.`,
  leaveAlonePaused: (resumes: string) =>
    `Okay. I'll be quiet, and your check-in texts are paused until ${resumes}. Text RESUME any time sooner.`,
  zoneSet: (zone: string) => `Okay, ${zone}. I'll use that for your reminders and your summary.`,
  zoneSetWithReminder: (zone: string, when: string) =>
    `Okay, ${zone}. Your check-in text stays ${when} there.`,
  /** Reminders go by text; elsewhere, say how to get one. */
  textOnly: (voice: boolean) =>
    voice
      ? 'Reminders come by text message, not here. Text REMIND to the my check in number to set one up.'
      : 'Reminders come by text message. Text REMIND to the my check in number to set one up.',
  /** The text the service sends first: a one-word check-in. */
  checkIn: (seed: number) =>
    `my check in: ${CHECK_IN_LINES[seed % CHECK_IN_LINES.length]} No need to reply if now's not a good time.`,
  checkInLines: CHECK_IN_LINES,
  checkInReprompt: 'A word is enough.',
  /** The text the service sends first when a micro-goal is open. */
  goalFollowUp: (goal: string) => `my check in: Did you get to ${goal}? Either answer is OK.`,
  /** After three reminders in a row without an answer: the last one, then silence until they write. */
  lastNote:
    "my check in: I'll pause these texts until you write. Nothing to do. I'm here whenever you want: text HI.",
} as const;
