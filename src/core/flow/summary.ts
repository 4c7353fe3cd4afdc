/**
 * "What should I tell my therapist": a session-prep summary from the journal, day by day.
 *
 * Written (SMS, chat): one line a day, dated ("Tue Mar 10: heavy, after an argument with my
 * partner; a walk helped a lot."), then the small goals done, not yet and skipped, in pages
 * that each fit three texts and never cut a sentence; every page but the last ends "Reply MORE
 * for the rest", and SUMMARY starts again from the first. Spoken (Alexa): the same in
 * sentences, under 90 seconds at a normal speaking rate, then "would you like to hear that
 * again?".
 *
 * The journal is read again for MORE and for a repeat (the host loads it on `needs`): the
 * conversation state keeps only where the person is in the summary, never the summary itself.
 */

import { service } from '../content/service.ts';
import { sessionPrep } from '../content/session-prep.ts';
import { summaryWords as w } from '../content/summary.ts';
import { feelingByWord } from '../feelings/vocabulary.ts';
import { goalById } from '../goals/catalogue.ts';
import { TRIED, TRIGGERS } from '../journal/options.ts';
import { ask, beat, finish, joinWords } from '../reply.ts';
import {
  FALLBACK_DAYS,
  localToday,
  nextSessionFrom,
  spokenWindow,
  summaryWindow,
  windowOf,
  writtenWindow,
} from '../sessions/window.ts';
import type { FlowState, Values } from '../state.ts';
import type { Outcome, Turn } from '../turn.ts';
import type { Beat, GoalRef, JournalEntry, ProfileView, Reply, ToolId } from '../types.ts';
import { answerOf, normalizeMessage, type Said } from '../understand.ts';

/** How far back a summary looks when no session date is known (sessions/window.ts). */
export const SUMMARY_DAYS = FALLBACK_DAYS;
const DAY_MS = 86_400_000;
/** Entries this close together belong to one check-in: a trigger is tied to the feeling before it. */
const CHECK_IN_GAP_MS = 2 * 3_600_000;
/** Most goals or tools listed by name in one line. */
const MAX_LISTED = 4;
/** The journal keeps at most 200 characters of own words; older entries may hold more. */
const MAX_OWN_WORDS = 200;

/** Where the summary starts: since the last session when one is known, else 14 days back. */
export function summarySince(now: string, profile: ProfileView = {}): string {
  return summaryWindow(now, profile).since;
}

// ---------------------------------------------------------------------------------------------
// Journal answers that say nothing. Newer journals do not store them (the journal step reads
// them as skips), but older entries may hold them: they must never be listed as a trigger or
// as what helped ("What helped: nothing (a little)").

const NON_ANSWER_WORDS: ReadonlySet<string> = new Set([
  'nothing',
  'nothing really',
  'nothing much',
  'nothing yet',
  'not yet',
  'none',
  'none of those',
  'none of them',
  'none of these',
  'nada',
  'nil',
  'n/a',
  'na',
  '0',
  'zero',
  'idk',
  'skip',
  'no',
  'nope',
  'nah',
  '-',
  '?',
]);
/** Stored option ids that are the voice form of the same non-answers. */
const NON_ANSWER_OPTIONS: ReadonlySet<string> = new Set(['nothing-yet', 'not-sure', 'nothing-in-particular']);

/** Whether a stored journal answer is a non-answer ("nothing", "none of those", "idk", "0"). */
export function isNonAnswer(value: string): boolean {
  const message = normalizeMessage(value);
  if (message === '' || NON_ANSWER_WORDS.has(message) || NON_ANSWER_OPTIONS.has(message)) return true;
  const answer = answerOf(message);
  return answer === 'skip' || answer === 'no' || answer === 'none' || answer === 'notSure';
}

/** Own words as they may appear in a sentence: one line, no closing punctuation, not too long. */
function ownWords(text: string): string {
  let words = text.replace(/\s+/g, ' ').trim();
  if (words.length > MAX_OWN_WORDS) {
    const cut = words.slice(0, MAX_OWN_WORDS);
    words = cut.slice(0, Math.max(cut.lastIndexOf(' '), 1));
  }
  words = words.replace(/[\s.!?,;:]+$/, '');
  // "My boss" reads "about my boss"; "I", "I'm" and acronyms ("ER") keep their capital.
  if (/^[A-Z][a-z]/.test(words) && !/^I('|\b)/.test(words))
    words = words.charAt(0).toLowerCase() + words.slice(1);
  return words;
}

/** What set it off, as it reads after the feeling; undefined for a non-answer. */
function triggerPhrase(stored: string | undefined): string | undefined {
  if (stored === undefined || isNonAnswer(stored)) return undefined;
  const option = TRIGGERS.find((o) => o.id === stored);
  if (option) return w.triggerPhrase(option.id) ?? `about ${option.label}`;
  const words = ownWords(stored);
  return words ? w.ownTrigger(words) : undefined;
}

/** What they tried, as a name; undefined for a non-answer. */
function triedName(stored: string | undefined): string | undefined {
  if (stored === undefined || isNonAnswer(stored)) return undefined;
  const option = TRIED.find((o) => o.id === stored);
  if (option) return option.label;
  const words = ownWords(stored);
  return words || undefined;
}

// ---------------------------------------------------------------------------------------------
// Days. Entries carry `at` (ISO, UTC); a day is a calendar day where the person lives: the
// profile's IANA time zone when it has one, else UTC (nothing records a zone yet, so for now
// that is UTC for everyone, and a late-evening check-in in the Americas shows on the next day).

export interface LocalDate {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  /** 0 = Sunday. */
  weekday: number;
}

type DateReader = (iso: string) => LocalDate | undefined;

/** Reads ISO times as calendar dates in `timeZone` (UTC when absent or not a zone Intl knows). */
export function dateReader(timeZone?: string): DateReader {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: timeZone ?? 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
  } catch {
    // An unknown zone name (RangeError): UTC rather than no summary.
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
  }
  return (iso) => {
    const at = Date.parse(iso);
    if (Number.isNaN(at)) return undefined;
    const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
    const year = Number(parts.year);
    const month = Number(parts.month);
    const day = Number(parts.day);
    return { year, month, day, weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay() };
  };
}

/** Calendar day index (days since 1970-01-01) of a local date, for "today" and "yesterday". */
const dayNumber = (d: LocalDate): number => Math.round(Date.UTC(d.year, d.month - 1, d.day) / DAY_MS);

/** One check-in's notes: the feelings named, and what the journal tied to them. */
export interface CheckInNote {
  feelings: string[];
  /** "after an argument with my partner", "about work". */
  trigger?: string;
  tried?: string;
  helped?: 0 | 1 | 2 | 3;
}

export interface SummaryDay {
  date: LocalDate;
  /** 0 for today, 1 for yesterday... (in the person's time zone). */
  daysAgo: number;
  notes: CheckInNote[];
}

/**
 * The journal's feelings and reflections grouped into local days, oldest first, and within
 * a day into check-ins: a reflection belongs to the feelings named just before it, within
 * two hours; anything else starts a check-in of its own.
 */
export function summaryDays(entries: readonly JournalEntry[], now: string, timeZone?: string): SummaryDay[] {
  const readDate = dateReader(timeZone);
  const today = readDate(now);
  const days: SummaryDay[] = [];
  const byKey = new Map<number, { day: SummaryDay; lastAt: number; reflected: boolean }>();
  const timed = entries
    .map((entry) => ({ entry, at: Date.parse(entry.at) }))
    .filter((t) => !Number.isNaN(t.at))
    .sort((a, b) => a.at - b.at);

  for (const { entry, at } of timed) {
    if (entry.kind !== 'feeling' && entry.kind !== 'reflection') continue;
    const date = readDate(entry.at);
    if (!date) continue;
    const reflection =
      entry.kind === 'reflection'
        ? {
            trigger: triggerPhrase(entry.trigger),
            tried: triedName(entry.tried),
          }
        : undefined;
    if (reflection && reflection.trigger === undefined && reflection.tried === undefined) continue;

    const key = dayNumber(date);
    let open = byKey.get(key);
    if (!open) {
      const day: SummaryDay = { date, daysAgo: today ? dayNumber(today) - key : 0, notes: [] };
      days.push(day);
      open = { day, lastAt: at, reflected: true };
      byKey.set(key, open);
    }
    const continues = !open.reflected && at - open.lastAt <= CHECK_IN_GAP_MS;
    let note = continues ? open.day.notes.at(-1) : undefined;
    if (!note) {
      note = { feelings: [] };
      open.day.notes.push(note);
    }
    open.lastAt = at;
    if (entry.kind === 'feeling') {
      const word = entry.word.trim();
      if (word && !note.feelings.includes(word)) note.feelings.push(word);
      open.reflected = false;
    } else if (reflection) {
      if (reflection.trigger) note.trigger = reflection.trigger;
      if (reflection.tried) {
        note.tried = reflection.tried;
        if (entry.helped !== undefined) note.helped = entry.helped;
      }
      open.reflected = true;
    }
  }
  return days.sort((a, b) => b.daysAgo - a.daysAgo);
}

// ---------------------------------------------------------------------------------------------
// Goals and tools over the whole window.

const goalText = (goal: GoalRef): string =>
  goal.catalogueId !== undefined
    ? (goalById(goal.catalogueId)?.label ?? goal.catalogueId)
    : ownWords(goal.text ?? '');

/** Names with how often ("call my mum twice"), most frequent first, at most a few. */
function tallied(names: readonly string[]): string[] {
  const counts = new Map<string, { name: string; count: number }>();
  for (const name of names) {
    const key = name.toLowerCase();
    if (!key) continue;
    const seen = counts.get(key);
    if (seen) seen.count += 1;
    else counts.set(key, { name, count: 1 });
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count)
    .slice(0, MAX_LISTED)
    .map(({ name, count }) => (count > 1 ? `${name} ${w.times(count)}` : name));
}

export interface GoalsSeen {
  done: string[];
  notYet: string[];
  skipped: string[];
  open?: string;
}

export function goalsSeen(entries: readonly JournalEntry[]): GoalsSeen {
  const outcomes = entries.flatMap((e) => (e.kind === 'outcome' ? [e] : []));
  const names = (kind: string) =>
    tallied(outcomes.filter((o) => o.outcome === kind).map((o) => goalText(o.goal)));
  const answered = new Set(outcomes.map((o) => o.goalEntryId));
  const open = entries
    .flatMap((e) => (e.kind === 'goal' && !answered.has(e.id) ? [goalText(e.goal)] : []))
    .at(-1);
  return {
    done: names('done'),
    notYet: names('not-yet'),
    skipped: names('skipped'),
    ...(open ? { open } : {}),
  };
}

export const toolsTried = (entries: readonly JournalEntry[]): string[] =>
  tallied(entries.flatMap((e) => (e.kind === 'tool' ? [w.toolName(e.tool as ToolId)] : [])));

// ---------------------------------------------------------------------------------------------
// The written summary, in pages.

/** Septets per text we plan for: the carrier's 320, less room for folding (an ellipsis becomes "..."). */
const PLANNED_SEPTETS = 300;
const TEXTS_PER_PAGE = 3;
const SEPARATE_SENTENCES_OVER = 240;

/**
 * A safe upper bound of a line's length once the SMS renderer folds it into GSM-7: two for the
 * extension characters, three for anything outside ASCII (the widest folding, "…" to "...").
 * The core cannot import the channel's GSM-7 table, and an overestimate only makes pages shorter.
 */
function plannedLength(text: string): number {
  let length = 0;
  for (const ch of text) length += ch > '\u007f' ? 3 : '^{}\\[~]|'.includes(ch) ? 2 : 1;
  return length;
}

/** How many texts these lines fill, packed in order the way the SMS renderer packs them. */
function textsFor(lines: readonly string[]): number {
  let texts = 0;
  let current = -1;
  for (const line of lines) {
    const length = plannedLength(line);
    if (current >= 0 && current + 1 + length <= PLANNED_SEPTETS) current += 1 + length;
    else {
      texts += Math.max(1, Math.ceil(length / PLANNED_SEPTETS));
      current = length;
    }
  }
  return texts;
}

export function writtenDate(d: LocalDate): string {
  return `${w.weekdaysShort[d.weekday]} ${w.months[d.month - 1]} ${d.day}`;
}

export function writtenNote(label: string, note: CheckInNote): string[] {
  const feeling =
    note.feelings.length > 0 ? w.text.feeling(joinWords(note.feelings), note.trigger) : note.trigger;
  const tried = note.tried === undefined ? undefined : w.text.tried(note.tried, note.helped);
  const parts = [feeling, tried].filter((p): p is string => p !== undefined);
  const whole = w.text.day(label, parts);
  if (parts.length < 2 || whole.length <= SEPARATE_SENTENCES_OVER) return [whole];
  // Long own words: two sentences, so no text ever has to break one.
  return [w.text.day(label, [feeling ?? '']), `${tried?.charAt(0).toUpperCase()}${tried?.slice(1)}.`];
}

/**
 * The days of hard moments (crisis replies) in the window, "Tue Nov 24", oldest first. Only
 * the day: nothing of what was said is ever kept.
 */
export function hardMomentDays(entries: readonly JournalEntry[], timeZone?: string): string[] {
  const readDate = dateReader(timeZone);
  const days: string[] = [];
  for (const entry of [...entries].sort((a, b) => (a.at < b.at ? -1 : 1))) {
    if (entry.kind !== 'moment') continue;
    const date = readDate(entry.at);
    const label = date ? writtenDate(date) : undefined;
    if (label && !days.includes(label)) days.push(label);
  }
  return days;
}

/** Every line of the written summary after its opening, in order. Empty when there is nothing. */
export function writtenLines(
  entries: readonly JournalEntry[],
  now: string,
  timeZone?: string,
  hard: { include?: boolean; ask?: boolean } = {},
): string[] {
  const lines: string[] = [];
  for (const day of summaryDays(entries, now, timeZone)) {
    day.notes.forEach((note, i) => {
      lines.push(...writtenNote(i === 0 ? writtenDate(day.date) : w.text.later, note));
    });
  }
  const goals = goalsSeen(entries);
  if (goals.done.length) lines.push(w.text.goalsDone(joinWords(goals.done)));
  if (goals.notYet.length) lines.push(w.text.goalsNotYet(joinWords(goals.notYet)));
  if (goals.skipped.length) lines.push(w.text.goalsSkipped(joinWords(goals.skipped)));
  if (goals.open) lines.push(w.text.goalOpen(goals.open));
  const tools = toolsTried(entries);
  if (tools.length) lines.push(w.text.tools(joinWords(tools)));
  // What they want more support with, in their words ("Anything you want to bring up?").
  const bringUp = entries.flatMap((e) => (e.kind === 'bring-up' ? [ownWords(e.text)] : [])).filter(Boolean);
  if (bringUp.length) lines.push(sessionPrep.bringUp.line(bringUp));
  // Hard moments only as a day, and only when they chose to include them (asked once).
  const hardDays = hard.include || hard.ask ? hardMomentDays(entries, timeZone) : [];
  if (hard.include && hardDays.length) lines.push(sessionPrep.hard.line(hardDays));
  if (lines.length === 0) return [];
  lines.push(goals.notYet.length ? w.text.closeNotYet : w.text.close);
  if (!hard.include && hard.ask && hardDays.length) lines.push(sessionPrep.hard.ask(hardDays));
  return lines;
}

/**
 * The written summary as pages: each fits three texts with its "Reply MORE for the rest",
 * and a line is never split between pages.
 */
/** The written summary's first page (what SUMMARY would text first), or undefined when there is nothing. */
export function firstWrittenPage(
  entries: readonly JournalEntry[],
  now: string,
  timeZone?: string,
  windowWords: string = writtenWindow({ since: now, days: SUMMARY_DAYS }),
): string[] | undefined {
  return writtenPages(writtenLines(entries, now, timeZone), windowWords)[0];
}

export function writtenPages(
  lines: readonly string[],
  windowWords: string = writtenWindow({ since: '', days: SUMMARY_DAYS }),
): string[][] {
  const pages: string[][] = [];
  let rest = [...lines];
  while (rest.length > 0) {
    const page = [pages.length === 0 ? w.text.intro(windowWords) : w.text.continued];
    let taken = 0;
    while (taken < rest.length) {
      const candidate = [...page, rest[taken] as string];
      const isLast = taken === rest.length - 1;
      const fits = textsFor(isLast ? candidate : [...candidate, w.text.more]) <= TEXTS_PER_PAGE;
      // A line too long for any page still goes out (the renderer splits it by sentence).
      if (!fits && taken > 0) break;
      page.push(rest[taken] as string);
      taken += 1;
    }
    rest = rest.slice(taken);
    if (rest.length > 0) page.push(w.text.more);
    pages.push(page);
  }
  return pages;
}

// ---------------------------------------------------------------------------------------------
// The spoken summary.

/** At about 150 words a minute: the spoken summary stays under this, pauses included. */
export const MAX_SPOKEN_SECONDS = 80;
const WORDS_PER_MINUTE = 150;
/** The pauses the SSML renderer puts after beats (src/channels/alexa/render-ssml.ts). */
const PAUSE_SECONDS = { short: 0.7, long: 3 } as const;

/** How long beats take to say at a normal speaking rate, pauses included. */
export function spokenSeconds(beats: readonly Beat[]): number {
  let seconds = 0;
  for (const b of beats) {
    const words = b.text.split(/\s+/).filter((x) => /\w/.test(x)).length;
    seconds += (words * 60) / WORDS_PER_MINUTE + (b.pauseAfter ? PAUSE_SECONDS[b.pauseAfter] : 0);
  }
  return seconds;
}

function spokenNote(when: string, note: CheckInNote): string {
  const first =
    note.feelings.length > 0
      ? w.voice.felt(when, joinWords(note.feelings), note.trigger)
      : note.trigger
        ? w.voice.checkedIn(when, note.trigger)
        : undefined;
  const tried = note.tried === undefined ? undefined : w.voice.tried(note.tried, note.helped);
  return [first, tried].filter((p) => p !== undefined).join(' ');
}

function spokenDay(day: SummaryDay): string {
  const when =
    day.daysAgo === 0
      ? w.voice.today
      : day.daysAgo === 1
        ? w.voice.yesterday
        : w.voice.onDay(w.weekdays[day.date.weekday] ?? '');
  return day.notes.map((note, i) => spokenNote(i === 0 ? when : w.voice.later, note)).join(' ');
}

/**
 * The spoken summary: the opening, a few sentences a day (the newest kept when time runs
 * short, and then it says the earlier days were left out), goals, tools and the close, all
 * within {@link MAX_SPOKEN_SECONDS}. Empty when there is nothing to say.
 */
export function spokenBeats(
  entries: readonly JournalEntry[],
  now: string,
  timeZone?: string,
  windowWords: string = spokenWindow({ since: '', days: SUMMARY_DAYS }),
  offerText = false,
): Beat[] {
  const days = summaryDays(entries, now, timeZone).map(spokenDay);
  const goals = goalsSeen(entries);
  const tail: string[] = [];
  if (goals.done.length) tail.push(w.voice.goalsDone(joinWords(goals.done)));
  if (goals.notYet.length) tail.push(w.voice.goalsNotYet(joinWords(goals.notYet)));
  if (goals.skipped.length) tail.push(w.voice.goalsSkipped(joinWords(goals.skipped)));
  if (goals.open) tail.push(w.voice.goalOpen(goals.open));
  const tools = toolsTried(entries);
  if (tools.length) tail.push(w.voice.tools(joinWords(tools)));
  if (days.length === 0 && tail.length === 0) return [];

  const compose = (kept: readonly string[], leftOut: boolean): Beat[] => [
    beat(w.voice.intro(windowWords), { pauseAfter: 'short' }),
    ...(leftOut ? [beat(w.voice.leftOut)] : []),
    ...kept.map((text) => beat(text, { pauseAfter: 'short' })),
    ...tail.map((text) => beat(text)),
    beat(w.voice.close, { pauseAfter: 'short' }),
    ...(offerText ? [beat(w.voice.textIt, { pauseAfter: 'short' })] : []),
    beat(w.voice.again),
  ];
  let kept = days;
  let beats = compose(kept, false);
  while (kept.length > 0 && spokenSeconds(beats) > MAX_SPOKEN_SECONDS) {
    kept = kept.slice(1);
    beats = compose(kept, true);
  }
  return beats;
}

// ---------------------------------------------------------------------------------------------
// The summary in the conversation: SUMMARY, MORE, and (on voice) "say that again".

/** What the person asked of the summary, once the journal is loaded. */
export interface SummaryRequest {
  since: string;
  /** Spoken: read words typed by text aloud (they said yes to it). */
  readTyped?: boolean;
  /** Written: the page to show (0 = the first). */
  page: number;
  /** Spoken: how many times in a row it has now been said. */
  heard: number;
}

export type SummaryTurn = { fetch: SummaryRequest } | { outcome: Outcome };

const isCommand = (said: Said, command: string): boolean =>
  said.kind === 'command' && said.command === command;
const isAnswer = (said: Said, answer: string): boolean => said.kind === 'answer' && said.answer === answer;

/**
 * Whether this input is about the summary: SUMMARY (from the first page), MORE (the next
 * page), and, right after a summary, "repeat" (the same page, or said again) and on voice
 * "yes" / "no" to "would you like to hear that again?". Undefined for anything else.
 */
export function summaryTurn(turn: Turn, current: FlowState, said: Said): SummaryTurn | undefined {
  if (isCommand(said, 'summary'))
    return { fetch: { since: summarySince(turn.ctx.now, turn.ctx.profile), page: 0, heard: 1 } };
  const { values } = current;
  const since = current.step === 'summary' ? values.summarySince : undefined;
  if (isCommand(said, 'more')) {
    if (since === undefined || turn.modality === 'voice') {
      return { outcome: { state: { step: 'closed', values: {} }, reply: finish([w.text.noneOpen]) } };
    }
    const next = (values.summaryPage ?? 0) + 1;
    if (next >= (values.summaryPages ?? 1))
      return { outcome: { state: current, reply: finish([w.text.allShown]) } };
    return { fetch: { since, page: next, heard: 1 } };
  }
  if (since === undefined) return undefined;
  const saidYes = turn.modality === 'voice' && isAnswer(said, 'yes');
  // "yes" to "do you want me to read your text notes aloud?": the same summary, with them.
  if (saidYes && values.summaryTyped === 'held')
    return { fetch: { since, page: 0, heard: 1, readTyped: true } };
  const again = isCommand(said, 'repeat') || saidYes;
  if (again)
    return {
      fetch: {
        since,
        page: values.summaryPage ?? 0,
        heard: (values.summaryHeard ?? 1) + 1,
        ...(values.summaryTyped === 'read' ? { readTyped: true } : {}),
      },
    };
  if (turn.modality === 'voice' && isAnswer(said, 'no')) {
    return { outcome: { state: { step: 'closed', values: {} }, reply: finish([w.voice.bye]) } };
  }
  return undefined;
}

/** Times in a row "would you like to hear that again?" may be asked: never a third. */
const MAX_AGAIN_QUESTIONS = 2;

/** The summary (or one page of it) from the loaded journal. */
export function showSummary(turn: Turn, history: readonly JournalEntry[], request: SummaryRequest): Outcome {
  const { now } = turn.ctx;
  const timeZone = turn.ctx.profile.timeZone;
  // Says which window it covers: since the last session, or the last 14 days.
  const window = windowOf(request.since, now, turn.ctx.profile);
  const nothingYet: Outcome = {
    state: { step: 'closed', values: {} },
    reply: finish([service.summary.nothingYet(writtenWindow(window))]),
  };
  if (turn.modality === 'voice') {
    // A speaker may be in a shared room: words typed by text are read aloud only to a
    // recognised voice, or after a yes to reading them (issue 13). Enumerated words always are.
    const reading = turn.ctx.recognisedVoice === true || request.readTyped === true;
    const heard = reading ? history : history.flatMap((e) => withoutTypedWords(e) ?? []);
    const held = !reading && history.some((e) => withoutTypedWords(e) !== e);
    // Linked to a phone that asked to be texted: "text me my summary" sends the written one.
    const { linked, reminder, optedOut } = turn.ctx.profile;
    const offerText = linked === true && reminder !== undefined && optedOut !== true;
    const beats = spokenBeats(heard, now, timeZone, spokenWindow(window), offerText);
    return spokenSummary(beats, request, held) ?? nothingYet;
  }

  const { includeHardMoments, hardMomentsAsked, sessions } = turn.ctx.profile;
  // Before a session, once: "Anything you want to bring up?" ends the last page (one question:
  // the hard-moments question then waits for another summary).
  const next = nextSessionFrom(sessions, localToday(now, turn.ctx.profile));
  const bringUpFor =
    next && sessions?.bringUpAskedFor !== next.date && !history.some((e) => e.kind === 'bring-up')
      ? next.date
      : undefined;
  const hard = {
    include: includeHardMoments === true,
    ask: hardMomentsAsked !== true && bringUpFor === undefined,
  };
  const pages = writtenPages(writtenLines(history, now, timeZone, hard), writtenWindow(window));
  if (pages.length === 0) return nothingYet;
  const page = Math.min(request.page, pages.length - 1);
  const lastPage = page === pages.length - 1;
  if (lastPage && bringUpFor && sessions) {
    turn.effects.push({ type: 'setSessions', sessions: { ...sessions, bringUpAskedFor: bringUpFor } });
    const reply = pageReply(pages[page] ?? []);
    return {
      state: { step: 'bring-up', values: {} },
      reply: ask([...reply.beats, beat(sessionPrep.bringUp.ask(bringUpFor))], sessionPrep.bringUp.reprompt),
    };
  }
  const asking = hard.ask && !hard.include && lastPage;
  if (asking && hardMomentDays(history, timeZone).length > 0)
    turn.effects.push({ type: 'markHardMomentsAsked', at: now });
  const values: Values = { summarySince: request.since, summaryPage: page, summaryPages: pages.length };
  return {
    state: { step: 'summary', values },
    reply: pageReply(pages[page] ?? []),
  };
}

/**
 * One written page as a reply. Each line is a beat with a long pause, which text channels
 * show as a line of its own: a day a line, and a text never starts or ends mid-line.
 */
export function pageReply(page: readonly string[]): Reply {
  return finish(page.map((text) => beat(text, { pauseAfter: 'long' })));
}

/**
 * An entry as a shared speaker may say it: entries made on Alexa hold enumerated values only
 * and stay as they are; from text, a feeling outside the vocabulary, own words for what set it
 * off or what was tried, and an own-words goal are left out (the goal is named without its
 * words). Undefined when nothing of the entry is left to say.
 */
export function withoutTypedWords(entry: JournalEntry): JournalEntry | undefined {
  if (entry.channel === 'alexa') return entry;
  switch (entry.kind) {
    case 'feeling':
      return feelingByWord(entry.word)?.word === entry.word ? entry : undefined;
    case 'reflection': {
      const trigger = entry.trigger !== undefined && TRIGGERS.some((o) => o.id === entry.trigger);
      const tried = entry.tried !== undefined && TRIED.some((o) => o.id === entry.tried);
      if (trigger === (entry.trigger !== undefined) && tried === (entry.tried !== undefined)) return entry;
      if (!trigger && !tried) return undefined;
      const { trigger: t, tried: d, helped, ...rest } = entry;
      return {
        ...rest,
        ...(trigger ? { trigger: t } : {}),
        ...(tried ? { tried: d, ...(helped !== undefined ? { helped } : {}) } : {}),
      };
    }
    case 'goal':
    case 'outcome':
      return entry.goal.text === undefined ? entry : { ...entry, goal: { text: w.voice.typedGoal } };
    default:
      return entry;
  }
}

function spokenSummary(beats: Beat[], request: SummaryRequest, typedHeld = false): Outcome | undefined {
  if (beats.length === 0) return undefined;
  const values: Values = { summarySince: request.since, summaryHeard: request.heard };
  if (request.readTyped) values.summaryTyped = 'read';

  if (request.heard > MAX_AGAIN_QUESTIONS) {
    // Said again, without asking a third time: it can still be asked for with "repeat".
    return { state: { step: 'summary', values }, reply: finish(beats.slice(0, -1)) };
  }
  if (typedHeld) {
    // The question at the end is whether to read the typed notes, not whether to say it again.
    values.summaryTyped = 'held';
    return {
      state: { step: 'summary', values },
      reply: ask([...beats.slice(0, -1), beat(w.voice.typedHeld)], w.voice.typedHeldReprompt),
    };
  }
  return { state: { step: 'summary', values }, reply: ask(beats, w.voice.againReprompt) };
}
