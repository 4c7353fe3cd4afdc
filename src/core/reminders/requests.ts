/**
 * What a person may ask about reminders, in ordinary words, read from the whole message:
 * "remind me at 8am", "text me weekdays at 6", "every Sunday evening", REMIND, "change my
 * reminder", "no more reminders", PAUSE ("not this week", "pause for 3 days"), RESUME, and a
 * time zone ("I'm in Denver", "time zone Pacific"). Vocabulary as data; anchored at both
 * ends, so a sentence with more in it stays the person's own words.
 *
 * None of these is a carrier opt-out word on its own (STOP, CANCEL, END...): "stop the
 * reminders" reaches us, a bare STOP unsubscribes the number at the carrier.
 */
import { parseWhen, type When } from './when.ts';
import { zoneChangeOf } from './zones.ts';

export type ReminderRequest =
  /** Set or change the reminder; `when` absent: ask what time. */
  | { kind: 'set'; when?: When }
  | { kind: 'change' }
  | { kind: 'off' }
  | { kind: 'pause'; days: number }
  | { kind: 'resume' }
  | { kind: 'zone'; timeZone: string };

const ASK = `(?:(?:can|could|would|will) (?:you|u) (?:please )?|please |pls |i(?:'d| would) like (?:you )?to |i want (?:you )?to |i wanna )?`;
/** "remind me", "text me", "send me a text", "set a reminder", "a daily reminder". */
const SET_PREFIXES: readonly RegExp[] = [
  new RegExp(
    String.raw`^${ASK}(?:remind me|text me|message me|check (?:in )?(?:on|with) me|send me (?:a )?(?:text|message|reminder|check[ -]?in)s?)(?: to check in)?(?: (?:to|and) check in)?\b`,
  ),
  new RegExp(
    String.raw`^${ASK}(?:set|get|have|start|turn on|set up)(?: me)? (?:a |up a |up |some |the )?(?:daily )?(?:reminders?|texts?|check[ -]?in texts?)\b`,
  ),
  /^(?:i(?:'d| would) like|i want|i need|can i (?:get|have)) (?:a |some )?(?:daily )?(?:reminders?|texts?|check[ -]?in texts?)\b/,
  /^(?:a |daily )?(?:reminders?|remind)\b/,
];
const CHANGE =
  /^(?:(?:can i|i want to|i'd like to|i need to|please|let me) )?(?:change|move|update|edit|switch|reset) (?:my |the )?(?:reminders?|reminder time|time(?: of (?:my |the )?reminders?)?|text time)(?: time)?$/;
const CHANGE_TO =
  /^(?:(?:can i|i want to|i'd like to|please|let me) )?(?:change|move|update|switch) (?:my |the )?(?:reminders?|reminder time|texts?|time)(?: time)? to (.+)$/;
const OFF: readonly RegExp[] = [
  /^(?:no more|stop(?: the| my| all| these)?|end(?: the| my)?|cancel(?: the| my| all)?|turn off(?: the| my)?|quit(?: the| my)?|unsubscribe from|no|no daily|disable(?: the| my)?|remove(?: the| my)?|delete(?: the| my)?) (?:reminders?|reminder texts?|texts from you|daily texts?|check[ -]?in texts?)(?: please)?$/,
  /^(?:reminders?|texts?) off$/,
  /^(?:turn (?:the |my )?reminders? off)$/,
  /^(?:don'?t|do not|please don'?t) (?:remind me|text me first|send me reminders?)(?: anymore| any more)?$/,
  /^(?:i )?(?:don'?t|do not) want (?:any |the )?(?:more )?reminders?(?: anymore| any more)?$/,
];
const PAUSE: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => number]> = [
  [/^(?:pause|hold|snooze)(?: (?:the |my )?reminders?)?$/, () => 7],
  [
    /^(?:pause|hold|snooze|skip)(?: (?:the |my )?reminders?)? (?:for )?(\d{1,2}|a|one|two|three|four|five|six|seven|a few|few) (days?|weeks?)$/,
    (m) => {
      const words: Record<string, number> = {
        a: 1,
        one: 1,
        two: 2,
        three: 3,
        four: 4,
        five: 5,
        six: 6,
        seven: 7,
      };
      const raw = m[1] ?? '1';
      const n = /^\d+$/.test(raw) ? Number(raw) : raw.includes('few') ? 3 : (words[raw] ?? 1);
      return Math.min(60, Math.max(1, n * ((m[2] ?? '').startsWith('week') ? 7 : 1)));
    },
  ],
  [
    /^(?:not this week|skip this week|pause (?:for )?this week|a week off|take a week off|break for a week)$/,
    () => 7,
  ],
  [/^(?:skip tomorrow|not tomorrow|no text tomorrow)$/, () => 1],
  [/^(?:take a break|i need a break) from (?:the )?(?:reminders?|texts?)$/, () => 7],
];
const RESUME =
  /^(?:resume|unpause|un-pause|restart|start|turn on|turn back on)(?: (?:the |my )?reminders?)?(?: again)?$|^(?:reminders? (?:back )?on|turn (?:the |my )?reminders? (?:back )?on)$/;

/** Lowercase, straight quotes, single spaces, no closing punctuation. */
function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/^[\s"']+|[\s.!?,"']+$/g, '')
    .trim();
}

/**
 * A reminder request in the message, or undefined. `anyTime` words (PAUSE, RESUME) are read
 * by the caller only when the person has a reminder: without one, "pause" stays ordinary.
 */
export function reminderRequestOf(message: string): ReminderRequest | undefined {
  const text = normalise(message);
  if (text.length === 0 || text.length > 100) return undefined;
  for (const pattern of OFF) if (pattern.test(text)) return { kind: 'off' };
  const changeTo = CHANGE_TO.exec(text);
  if (changeTo) {
    const when = parseWhen(changeTo[1] ?? '');
    if (when) return { kind: 'set', when };
  }
  if (CHANGE.test(text)) return { kind: 'change' };
  for (const [pattern, days] of PAUSE) {
    const match = pattern.exec(text);
    if (match) return { kind: 'pause', days: days(match) };
  }
  if (RESUME.test(text) && text !== 'start' && text !== 'restart') return { kind: 'resume' };
  for (const prefix of SET_PREFIXES) {
    const match = prefix.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length).trim();
    if (rest.length === 0) return { kind: 'set' };
    const when = parseWhen(rest);
    if (when) return { kind: 'set', when };
  }
  // "every Sunday evening", "weekdays at 6": a schedule on its own, when it says which days.
  if (/^(?:every|each)\b|\b(?:every ?day|daily|weekdays?|weekends?)\b/.test(text)) {
    const when = parseWhen(text);
    if (when?.window && when.days) return { kind: 'set', when };
  }
  const timeZone = zoneChangeOf(text);
  if (timeZone) return { kind: 'zone', timeZone };
  return undefined;
}
