/**
 * A person's reminder as the profile keeps it, and the pure decisions around it: when the
 * next text is due, what that text says, and what an answer changes. The SMS turn (via
 * src/core/flow/reminders.ts) and the sender (src/service/reminder-tick.ts) both call these,
 * so the rules live once.
 */
import { checkIn } from '../content/check-in.ts';
import { reminders } from '../content/reminders.ts';
import { sessionPrep } from '../content/session-prep.ts';
import { goalLabel } from '../flow/goals.ts';
import { followUpDue } from '../flow/greeting.ts';
import { ask, finish, numbered } from '../reply.ts';
import { nextSessionFrom, type SessionPlan } from '../sessions/dates.ts';
import type { ConversationState, OpenGoal, Reply } from '../types.ts';
import { addDays, localTime, nextDue, type ReminderPlan } from './schedule.ts';

/** The consent's terms, versioned: a new wording is a new id, and the old ones stay readable. */
export const REMINDER_TERMS = 'sms-reminders-1';

/** After this many reminders in a row without an answer, one last kind note, then silence. */
export const UNANSWERED_BEFORE_QUIET = 3;

export interface Reminder {
  plan: ReminderPlan;
  /** The IANA zone the plan is read in (first guessed from the number, then theirs). */
  timeZone: string;
  /** Seeds the wander of the send time, so each day's time is stable across retries. */
  seed: number;
  /** When they said yes, under which terms, and the exact words they were sent. */
  consent: { at: string; terms: string; text: string };
  /** No text before this local date (a start "tomorrow"). */
  startDate?: string;
  /** No text before this local date: the day a pause ends. */
  pausedUntil?: string;
  /** After the last kind note: nothing is sent until they write again. */
  quiet?: boolean;
  /** Reminders sent since their last message. */
  unanswered: number;
  /** The last local date a reminder was sent: at most one a day. */
  lastSentFor?: string;
  /** When the next one is due (ISO); absent while quiet. */
  dueAt?: string;
}

/** The reminder with its next due time after `after` (none while quiet). */
export function scheduled(reminder: Reminder, after: string): Reminder {
  const { dueAt: _, ...rest } = reminder;
  if (reminder.quiet) return rest;
  const notBefore = [reminder.startDate, reminder.pausedUntil]
    .filter((d): d is string => d !== undefined)
    .sort()
    .at(-1);
  const due = nextDue({
    plan: reminder.plan,
    timeZone: reminder.timeZone,
    seed: reminder.seed,
    after,
    ...(reminder.lastSentFor ? { lastSentFor: reminder.lastSentFor } : {}),
    ...(notBefore ? { notBefore } : {}),
  });
  return due ? { ...rest, dueAt: due } : rest;
}

/** The local date `days` after the one `now` falls on, in the reminder's zone. */
export function localDateAfter(now: string, timeZone: string, days: number): string {
  return addDays(localTime(now, timeZone).date, days);
}

/**
 * Someone wrote: the count of unanswered reminders starts again, and a reminder gone quiet
 * after the last note comes back. Undefined when nothing changes (no write needed).
 */
export function answered(reminder: Reminder, now: string): Reminder | undefined {
  if (reminder.unanswered === 0 && !reminder.quiet) return undefined;
  const { quiet: _, ...rest } = reminder;
  return scheduled({ ...rest, unanswered: 0 }, now);
}

export type ReminderKind = 'check-in' | 'goal-follow-up' | 'last-note' | 'session-eve';

export interface ComposedReminder {
  kind: ReminderKind;
  reply: Reply;
  /** The SMS conversation's state after it, so a one-word answer lands in the right step. */
  state: ConversationState;
  /** The reminder after sending it: one a day, counted, and the next one due. */
  reminder: Reminder;
  /** The local date it is sent for (the idempotency key of the send). */
  localDate: string;
}

/**
 * The text a due reminder sends: the follow-up of an open goal when one is due for it, a
 * one-word check-in otherwise, and after three unanswered in a row the last kind note (then
 * nothing until they write). Never a streak, never "you missed".
 */
export function composeReminder(input: {
  reminder: Reminder;
  openGoal?: OpenGoal | undefined;
  /** Their session dates (sessions/dates.ts): the day before one, the text is about it. */
  sessions?: SessionPlan | undefined;
  now: string;
  seed: number;
}): ComposedReminder {
  const { reminder, now } = input;
  const localDate = localTime(now, reminder.timeZone).date;
  const sent: Reminder = { ...reminder, lastSentFor: localDate, unanswered: reminder.unanswered + 1 };
  if (reminder.unanswered >= UNANSWERED_BEFORE_QUIET) {
    return {
      kind: 'last-note',
      reply: finish([reminders.lastNote]),
      state: { v: 1, step: 'closed', values: {} },
      reminder: scheduled({ ...sent, quiet: true }, now),
      localDate,
    };
  }
  const next = scheduled(sent, now);
  // The day before a session, the day's one text is about it (issue 15): once, since a
  // reminder is sent at most once a local day and that day comes once.
  const tomorrow = addDays(localDate, 1);
  if (nextSessionFrom(input.sessions, tomorrow)?.date === tomorrow) {
    return {
      kind: 'session-eve',
      reply: finish([sessionPrep.eveningBefore]),
      state: { v: 1, step: 'closed', values: {} },
      reminder: next,
      localDate,
    };
  }
  const goal = input.openGoal;
  if (goal && followUpDue(goal.setAt, now)) {
    return {
      kind: 'goal-follow-up',
      reply: {
        ...ask([reminders.goalFollowUp(goalLabel(goal.goal))], checkIn.followUpReprompt('text')),
        choices: numbered(checkIn.followUpChoices),
      },
      state: { v: 1, step: 'follow-up', values: {} },
      reminder: next,
      localDate,
    };
  }
  return {
    kind: 'check-in',
    reply: ask([reminders.checkIn(input.seed)], reminders.checkInReprompt),
    state: { v: 1, step: 'name', values: {} },
    reminder: next,
    localDate,
  };
}
