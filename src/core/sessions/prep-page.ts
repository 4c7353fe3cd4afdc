/**
 * What the SHARE page says, as data (src/share/page.ts renders it as HTML). Pure: made from
 * the person's own journal entries in the window and what they chose (hard moments as a day
 * only, and only if they said INCLUDE). Their own words, no scores, no diagnoses; nothing
 * that names them (no id, no phone number: tests/share check).
 */
import { sessionPrep } from '../content/session-prep.ts';
import { summaryWords as w } from '../content/summary.ts';
import {
  goalsSeen,
  hardMomentDays,
  summaryDays,
  toolsTried,
  writtenDate,
  writtenNote,
} from '../flow/summary.ts';
import { localTime } from '../reminders/schedule.ts';
import { joinWords, sentenceCase } from '../reply.ts';
import type { JournalEntry } from '../types.ts';
import { FALLBACK_DAYS, type SummaryWindow } from './window.ts';

export interface PrepPage {
  title: string;
  lead: string;
  madeOn: string;
  sections: Array<{ heading: string; lines: string[] }>;
  footer: string;
}

export function prepPage(input: {
  entries: readonly JournalEntry[];
  now: string;
  timeZone: string;
  window: SummaryWindow;
  includeHardMoments: boolean;
}): PrepPage {
  const { entries, now, timeZone, window } = input;
  const p = sessionPrep.page;
  const days: string[] = [];
  for (const day of summaryDays(entries, now, timeZone)) {
    day.notes.forEach((note, i) => {
      days.push(...writtenNote(i === 0 ? writtenDate(day.date) : w.text.later, note));
    });
  }
  const goals = goalsSeen(entries);
  const goalLines = [
    goals.done.length ? w.text.goalsDone(joinWords(goals.done)) : undefined,
    goals.notYet.length ? w.text.goalsNotYet(joinWords(goals.notYet)) : undefined,
    goals.skipped.length ? w.text.goalsSkipped(joinWords(goals.skipped)) : undefined,
    goals.open ? w.text.goalOpen(goals.open) : undefined,
  ].filter((line): line is string => line !== undefined);
  const tools = toolsTried(entries);
  const hard = input.includeHardMoments ? hardMomentDays(entries, timeZone) : [];
  const bringUp = entries.flatMap((e) => (e.kind === 'bring-up' ? [e.text] : []));

  const sections = [
    ...(bringUp.length ? [{ heading: p.bringUp, lines: bringUp }] : []),
    { heading: p.days, lines: days.length ? days : [p.empty] },
    ...(goalLines.length ? [{ heading: p.goals, lines: goalLines }] : []),
    ...(tools.length ? [{ heading: p.tools, lines: [`${sentenceCase(joinWords(tools))}.`] }] : []),
    ...(hard.length ? [{ heading: p.hard, lines: [sessionPrep.hard.line(hard)] }] : []),
  ];
  return {
    title: p.title,
    lead: p.lead(window.sessionDate ? p.since(window.sessionDate) : p.lastDays(window.days ?? FALLBACK_DAYS)),
    madeOn: p.madeOn(localTime(now, timeZone).date),
    sections,
    footer: p.footer,
  };
}
