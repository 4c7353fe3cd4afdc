/**
 * "What should I tell my therapist": a session-prep summary from the journal. Counts and
 * the person's own words, never a score; short enough for three texts and well under 90
 * seconds spoken.
 */

import { checkIn } from '../content/check-in.ts';
import { service } from '../content/service.ts';
import { goalById } from '../goals/catalogue.ts';
import { TRIED, TRIGGERS } from '../journal/options.ts';
import { finish, joinWords } from '../reply.ts';
import type { GoalRef, JournalEntry, Reply } from '../types.ts';

/** How far back a summary looks when no session date is known. */
export const SUMMARY_DAYS = 7;
const MAX_ITEMS = 4;
const DAY_MS = 86_400_000;

export function summarySince(now: string): string {
  const at = Date.parse(now);
  return new Date((Number.isNaN(at) ? 0 : at) - SUMMARY_DAYS * DAY_MS).toISOString();
}

/** Counts values case-insensitively, keeping the first spelling; most frequent first. */
function tally(values: readonly string[]): Array<{ value: string; count: number }> {
  const counts = new Map<string, { value: string; count: number }>();
  for (const value of values) {
    const key = value.toLowerCase().trim();
    if (!key) continue;
    const seen = counts.get(key);
    if (seen) seen.count += 1;
    else counts.set(key, { value: value.trim(), count: 1 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count).slice(0, MAX_ITEMS);
}

const optionLabel = (options: typeof TRIGGERS, value: string): string =>
  options.find((o) => o.id === value)?.label ?? value;

const goalText = (goal: GoalRef): string =>
  goal.catalogueId !== undefined ? (goalById(goal.catalogueId)?.label ?? goal.catalogueId) : goal.text;

export function buildSummary(entries: readonly JournalEntry[]): Reply {
  const s = service.summary;
  const lines: string[] = [];

  const feelings = tally(entries.flatMap((e) => (e.kind === 'feeling' ? [e.word] : [])));
  if (feelings.length)
    lines.push(s.feelings(feelings.map((f) => `${f.value} ${s.times(f.count)}`).join(', ')));

  const outcomes = entries.flatMap((e) => (e.kind === 'outcome' ? [e] : []));
  const done = outcomes.filter((o) => o.outcome === 'done');
  const notYet = outcomes.filter((o) => o.outcome === 'not-yet');
  if (outcomes.length) {
    const doneList = joinWords(tally(done.map((o) => goalText(o.goal))).map((t) => t.value));
    lines.push(s.goals(done.length, notYet.length, doneList));
  }
  const answered = new Set(outcomes.map((o) => o.goalEntryId));
  const openGoals = entries.flatMap((e) => (e.kind === 'goal' && !answered.has(e.id) ? [e.goal] : []));
  const lastOpen = openGoals.at(-1);
  if (lastOpen) lines.push(s.goalsOpen(goalText(lastOpen)));

  const reflections = entries.flatMap((e) => (e.kind === 'reflection' ? [e] : []));
  const triggers = tally(reflections.flatMap((r) => (r.trigger ? [optionLabel(TRIGGERS, r.trigger)] : [])));
  if (triggers.length) lines.push(s.triggers(joinWords(triggers.map((t) => t.value))));

  const tools = tally(entries.flatMap((e) => (e.kind === 'tool' ? [checkIn.toolLabels[e.tool]] : [])));
  if (tools.length) lines.push(s.tools(joinWords(tools.map((t) => `${t.value} ${s.times(t.count)}`))));

  const helped = reflections
    .filter((r) => r.tried && r.helped !== undefined && r.helped >= 1)
    .sort((a, b) => (b.helped ?? 0) - (a.helped ?? 0));
  const helpedList = tally(
    helped.map((r) => `${optionLabel(TRIED, r.tried ?? '')} (${s.helpedLevel[r.helped ?? 0]})`),
  );
  if (helpedList.length) lines.push(s.helped(joinWords(helpedList.map((h) => h.value))));

  if (lines.length === 0) return finish([s.nothingYet(SUMMARY_DAYS)]);
  return finish([s.intro(SUMMARY_DAYS), ...lines, s.close]);
}
