/**
 * The words of session prep (issue 15): session dates said back, the summary's window, the
 * SHARE / UNSHARE / EXPORT links, the page a person can show their therapist, and the text the
 * evening before a session. Plain, short, no scores, no diagnoses. SMS lines stay GSM-7.
 */
import type { Modality } from '../types.ts';

const SHORT_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const LONG_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const parts = (date: string): [number, number, number, number] => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return [y, m, d, new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
};

/** "Thu Dec 3" (written) or "Thursday, December 3rd" (spoken). */
export function sessionDate(date: string, modality: Modality = 'text'): string {
  const [, m, d, weekday] = parts(date);
  if (modality === 'voice') return `${DAYS[weekday]}, ${LONG_MONTHS[m - 1]} ${ordinal(d)}`;
  return `${SHORT_DAYS[weekday]} ${MONTHS[m - 1]} ${d}`;
}

/** "Tue" of a date, as the page and the hard-moment line name a day. */
export const shortWeekday = (date: string): string => SHORT_DAYS[parts(date)[3]] ?? '';

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** "4pm", "10:30am", "noon". */
export function clockWords(minute: number): string {
  const h = Math.floor(minute / 60);
  const mi = minute % 60;
  if (h === 12 && mi === 0) return 'noon';
  const hour12 = h % 12 === 0 ? 12 : h % 12;
  return `${hour12}${mi ? `:${String(mi).padStart(2, '0')}` : ''}${h < 12 ? 'am' : 'pm'}`;
}

const at = (minute?: number): string => (minute === undefined ? '' : ` at ${clockWords(minute)}`);

const HOW_TO =
  'You can text e.g. "next session Thursday at 4", "next session 12/9", "I saw my therapist today" or "I see her every other Tuesday".';
const HOW_TO_SPOKEN =
  'You can say, for example, my next session is Thursday at four, or, I saw my therapist today.';

export const sessionPrep = {
  dates: {
    keptNext: (m: Modality, date: string, minute?: number) =>
      `Got it: your next session is ${sessionDate(date, m)}${at(minute)}. Your summary will cover the time since your last one.`,
    keptLast: (m: Modality, date: string, today: boolean) =>
      today
        ? 'Got it: you saw your therapist today. Your next summary starts from today.'
        : `Got it: your last session was ${sessionDate(date, m)}. Your summary covers the time since then.`,
    keptEvery: (m: Modality, weekday: number, weeks: 1 | 2, nextDate: string, minute?: number) =>
      weeks === 2
        ? `Got it: every other ${DAYS[weekday]}${at(minute)}, the next one ${sessionDate(nextDate, m)}. If it's the week after, ${m === 'voice' ? 'tell me the date of the next one' : 'text "next session" and its date'}.`
        : `Got it: every ${DAYS[weekday]}${at(minute)}, the next one ${sessionDate(nextDate, m)}.`,
    /** A date not understood: nothing was kept, and how to say it. */
    unclear: (m: Modality) =>
      m === 'voice'
        ? `Sorry, I didn't catch a date in that, so I haven't saved anything. ${HOW_TO_SPOKEN}`
        : `Sorry, I didn't catch a date in that, so I kept nothing. ${HOW_TO}`,
    passed: (m: Modality) =>
      m === 'voice'
        ? `That date has already gone by, so I haven't saved it. ${HOW_TO_SPOKEN}`
        : `That date has already gone by, so I kept nothing. If that was your last session, text "my last session was" and the date. ${HOW_TO}`,
    cleared: 'Okay, I forgot your session dates. Your summary covers the last 14 days again.',
    noneToClear: "I don't have any session dates for you, so there's nothing to forget.",
    none: (m: Modality) =>
      `I don't have a session date for you yet. ${m === 'voice' ? HOW_TO_SPOKEN : HOW_TO}`,
    known: (m: Modality, next?: { date: string; minute?: number }, last?: string) =>
      [
        next ? `Your next session: ${sessionDate(next.date, m)}${at(next.minute)}.` : undefined,
        last ? `Your last one: ${sessionDate(last, m)}.` : undefined,
        m === 'voice' ? 'You can tell me a new date any time.' : 'Text a new date any time to change it.',
      ]
        .filter(Boolean)
        .join(' '),
  },

  /** How the summary names the window it covers. */
  window: {
    writtenSince: (date: string) => `since your session on ${sessionDate(date)}`,
    writtenDays: (days: number) => `from the last ${days} days`,
    spokenSince: (date: string) => `since your session on ${sessionDate(date, 'voice')}`,
    spokenDays: (days: number) => `about the last ${days} days`,
  },

  /** Crisis moments, only as a day, only when the person chose to include them. */
  hard: {
    line: (days: readonly string[]) =>
      `${days.length === 1 ? 'A hard moment' : 'Hard moments'} on ${days.join(', ')}.`,
    ask: (days: readonly string[]) =>
      `There was ${days.length === 1 ? 'a hard moment' : 'more than one hard moment'} on ${days.join(', ')}. It's left out unless you want it in. Reply INCLUDE to add "a hard moment on ${days[0]}" to your summary and page.`,
    included: 'Okay: your summary and page will say "a hard moment", with the day, and nothing more.',
  },

  links: {
    share: (url: string) =>
      `Your page for your therapist, private and printable, for 24 hours: ${url} Anyone with the link can open it. Reply UNSHARE to turn it off.`,
    export: (url: string) =>
      `Your whole journal, as CSV and JSON, for 24 hours: ${url} Anyone with the link can open it. Reply UNSHARE to turn it off.`,
    /** In place of the link when a message is answered again: the link is never stored in the clear. */
    sentAlready: 'That link was sent already. Reply SHARE or EXPORT for a new one.',
    unavailable: "Sorry, I couldn't make a link just now. Please try again in a little while.",
    notHere: 'Links work by text. Text SHARE to the check-in number for a page to show your therapist.',
    unshared: 'Done: your links are turned off. Anyone who opens them now sees nothing.',
  },

  /** "What I want more support with", asked once before a session at the end of SUMMARY. */
  bringUp: {
    ask: (date: string) =>
      `Anything you want to bring up at your session on ${sessionDate(date)}? Reply with it, or SKIP.`,
    reprompt: 'Reply with what you want to bring up, or SKIP.',
    kept: (words: string) => `Noted for your session: "${words}". It's in your summary and your page.`,
    skipped: 'Okay. Bring whatever feels most important.',
    line: (items: readonly string[]) => `What I want more support with: ${items.join('; ')}.`,
  },

  /** The evening before a session, by text (reminders consent and a session date). */
  eveningBefore:
    'my check in: Your session is tomorrow. Reply SUMMARY to see what to bring, or SHARE for a page.',

  /** The page (src/share/page.ts renders it). */
  page: {
    title: 'For my therapist',
    /** The window in the page's own voice (the person's): "since my session on Tue Dec 1". */
    since: (date: string) => `since my session on ${sessionDate(date)}`,
    lastDays: (days: number) => `in the last ${days} days`,
    lead: (window: string) => `What I noted ${window}, in my own words.`,
    madeOn: (date: string) => `Made on ${sessionDate(date)}.`,
    days: 'How I felt, day by day',
    goals: 'Small goals',
    tools: 'Tools I tried',
    hard: 'Hard moments',
    bringUp: 'What I want more support with',
    empty: 'Nothing noted in this time.',
    footer:
      'From "my check in", an automated between-sessions journal. Not a diagnosis or a score. In a crisis, call or text 988.',
    print: "To print, use your browser's Print.",
    exportTitle: 'My journal',
    exportLead: 'Everything in my check-in journal, to keep or to give to my therapist.',
    exportCsv: 'Download as CSV (for a spreadsheet)',
    exportJson: 'Download as JSON (everything, exactly)',
    notFound: 'Not found',
    notFoundLead: 'This link does not work. It may have expired or been turned off.',
  },
} as const;
