/**
 * The conversation state: which question is open and the little the next turn needs.
 * Stored as versioned data; anything that does not parse restarts the check-in politely.
 * On voice every value here is enumerated (vocabulary words, catalogue ids, tool ids).
 */
import type { Concern } from './crisis/signals.ts';
import { isPlanStep, type PlanStepId } from './safety-plan.ts';
import type { ConversationState, FeelingFamily, ToolId } from './types.ts';

export const STEPS = [
  'closed',
  'follow-up',
  'name',
  'narrow-energy',
  'narrow-pleasantness',
  'pick-word',
  'pick-tool',
  'after-exercise',
  'compassion',
  'parts',
  'pick-goal',
  'journal-trigger',
  'journal-tried',
  'journal-helped',
  'connect',
  'confirm-goal',
  'crisis',
  'crisis-check',
  'grey-check',
  'confirm-delete',
  /** Just after a summary: MORE, repeat, and on voice yes / no to hearing it again. */
  'summary',
  /** After a check-in closed, reminders offered once: a time, or NO (flow/reminders.ts). */
  'reminder-offer',
  /** "What time suits you?" for a reminder. */
  'reminder-time',
  /** Writing the safety plan: one step's question is open (flow/safety-plan.ts). */
  'plan-write',
  /** Just after the plan was shown: MORE, and on voice yes / no to hearing typed parts. */
  'plan-shown',
  /** "Delete your whole safety plan?" */
  'plan-confirm-delete',
  /** After a crisis reply, once the episode is calmer: "Can I text you tomorrow?" (flow/caring-text.ts). */
  'caring-consent',
  /** Before a session: "Anything you want to bring up?" (flow/session-prep.ts), their words or SKIP. */
  'bring-up',
] as const;

export type Step = (typeof STEPS)[number];

export interface Values {
  /** Canonical feeling words named this check-in, or a family phrase when none fit. */
  feelings?: string[];
  family?: FeelingFamily;
  /** Narrowing answer: drained (low) or wired (high). */
  energy?: 'low' | 'high';
  /** Feeling words offered to pick from. */
  offeredWords?: string[];
  offeredTools?: ToolId[];
  /** Catalogue ids offered as micro-goals. */
  offeredGoals?: string[];
  /** A goal or exercise asked for on its own, outside a check-in: close after it. */
  standalone?: boolean;
  /** By text, an exercise sent one round a reply: which one, and the round last sent (0-based). */
  exercise?: 'grounding' | 'breathing';
  exerciseRound?: number;
  trigger?: string;
  tried?: string;
  /** How much what they tried helped, kept until the connection question is answered. */
  helped?: 0 | 1 | 2 | 3;
  /** Own words typed at the goal list that read like something else: kept only once confirmed. */
  pendingGoal?: string;
  /** Goal lists declined in a row: after the second, "no goal today is fine too". */
  declinedGoals?: number;
  /** After a crisis or danger reply: whose safety it was about, so "repeat" gives the right numbers. */
  concern?: Concern;
  /** At the grey-zone question: the step it interrupted, to go back to on "no". */
  resume?: Step;
  /** After a summary (flow/summary.ts): the journal window it read, so MORE reads the same. */
  summarySince?: string;
  /** Written summary: the page shown (0-based) and how many there are. */
  summaryPage?: number;
  summaryPages?: number;
  /** Spoken summary: how many times in a row it has been said. */
  summaryHeard?: number;
  /**
   * Spoken summary of a linked journal: words typed by text were held back (and reading them
   * aloud offered), or the person said yes to hearing them.
   */
  summaryTyped?: 'held' | 'read';
  /** Safety plan (flow/safety-plan.ts): the step whose question is open. */
  planStep?: PlanStepId;
  /** Rewriting one step (CHANGE 2): kept where it is, the plan is not walked on. */
  planEditing?: boolean;
  /** Written plan: the page shown (0-based). */
  planPage?: number;
  /** Spoken plan: words typed by text were held back, or they said yes to hearing them. */
  planTyped?: 'held' | 'read';
  /** The held-back plan was its first steps after a crisis reply. */
  planForNow?: boolean;
  /** After a crisis reply: "You made a plan. Want to see it?" was asked. */
  planOffered?: boolean;
}

export interface FlowState {
  step: Step;
  values: Values;
  /**
   * Turns left in which the crisis gate stays watchful (crisis/memory.ts): set after any
   * crisis, danger or grey-zone signal, counted down each turn.
   */
  watch?: number;
  /** The question last asked and how many times in a row it was asked (step.ts). */
  asked?: { key: string; times: number };
}

export const CLOSED: FlowState = { step: 'closed', values: {} };

const FAMILIES: readonly string[] = ['low-unpleasant', 'high-unpleasant', 'low-pleasant', 'high-pleasant'];
const TOOLS: readonly string[] = ['grounding', 'breathing', 'self-compassion', 'small-action', 'parts'];
const CONCERNS: readonly string[] = ['self', 'violence', 'overdose', 'someone-else', 'harm-others'];
const MAX_WATCH = 20;
/** Far above any exercise's rounds; a larger stored value is not ours. */
const MAX_ROUND = 20;

const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= 10 && v.every((x) => typeof x === 'string' && x.length <= 200);
const isShortString = (v: unknown): v is string => typeof v === 'string' && v.length <= 500;

/** Reads stored state; null when missing, from another version, or malformed. Never throws. */
export function parseState(raw: unknown): FlowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { v, step, values } = raw as Partial<ConversationState>;
  if (v !== 1 || typeof step !== 'string' || !(STEPS as readonly string[]).includes(step)) return null;
  if (typeof values !== 'object' || values === null || Array.isArray(values)) return null;
  const source = values as Record<string, unknown>;
  const parsed: Values = {};
  if (source.feelings !== undefined) {
    if (!isStringArray(source.feelings)) return null;
    parsed.feelings = source.feelings;
  }
  if (source.family !== undefined) {
    if (typeof source.family !== 'string' || !FAMILIES.includes(source.family)) return null;
    parsed.family = source.family as FeelingFamily;
  }
  if (source.energy !== undefined) {
    if (source.energy !== 'low' && source.energy !== 'high') return null;
    parsed.energy = source.energy;
  }
  for (const key of ['offeredWords', 'offeredGoals'] as const) {
    if (source[key] !== undefined) {
      if (!isStringArray(source[key])) return null;
      parsed[key] = source[key];
    }
  }
  if (source.offeredTools !== undefined) {
    if (!isStringArray(source.offeredTools) || !source.offeredTools.every((t) => TOOLS.includes(t)))
      return null;
    parsed.offeredTools = source.offeredTools as ToolId[];
  }
  if (source.standalone !== undefined) {
    if (typeof source.standalone !== 'boolean') return null;
    parsed.standalone = source.standalone;
  }
  if (source.exercise !== undefined) {
    if (source.exercise !== 'grounding' && source.exercise !== 'breathing') return null;
    parsed.exercise = source.exercise;
  }
  if (source.exerciseRound !== undefined) {
    const round = source.exerciseRound;
    if (typeof round !== 'number' || !Number.isInteger(round) || round < 0 || round > MAX_ROUND) return null;
    parsed.exerciseRound = round;
  }
  for (const key of ['trigger', 'tried', 'pendingGoal'] as const) {
    if (source[key] !== undefined) {
      if (!isShortString(source[key])) return null;
      parsed[key] = source[key];
    }
  }
  if (source.helped !== undefined) {
    if (![0, 1, 2, 3].includes(source.helped as number)) return null;
    parsed.helped = source.helped as 0 | 1 | 2 | 3;
  }
  if (source.declinedGoals !== undefined) {
    if (typeof source.declinedGoals !== 'number' || !Number.isInteger(source.declinedGoals)) return null;
    parsed.declinedGoals = Math.max(0, Math.min(source.declinedGoals, 10));
  }
  if (source.concern !== undefined) {
    if (typeof source.concern !== 'string' || !CONCERNS.includes(source.concern)) return null;
    parsed.concern = source.concern as Concern;
  }
  if (source.resume !== undefined) {
    if (typeof source.resume !== 'string' || !(STEPS as readonly string[]).includes(source.resume))
      return null;
    parsed.resume = source.resume as Step;
  }
  if (source.summarySince !== undefined) {
    if (typeof source.summarySince !== 'string' || Number.isNaN(Date.parse(source.summarySince))) return null;
    parsed.summarySince = source.summarySince;
  }
  if (source.summaryTyped !== undefined) {
    if (source.summaryTyped !== 'held' && source.summaryTyped !== 'read') return null;
    parsed.summaryTyped = source.summaryTyped;
  }
  for (const key of ['summaryPage', 'summaryPages', 'summaryHeard'] as const) {
    if (source[key] !== undefined) {
      const n = source[key];
      if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 100) return null;
      parsed[key] = n;
    }
  }
  if (source.planStep !== undefined) {
    if (typeof source.planStep !== 'string' || !isPlanStep(source.planStep)) return null;
    parsed.planStep = source.planStep;
  }
  for (const key of ['planEditing', 'planForNow', 'planOffered'] as const) {
    if (source[key] !== undefined) {
      if (typeof source[key] !== 'boolean') return null;
      parsed[key] = source[key];
    }
  }
  if (source.planPage !== undefined) {
    const n = source.planPage;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0 || n > 20) return null;
    parsed.planPage = n;
  }
  if (source.planTyped !== undefined) {
    if (source.planTyped !== 'held' && source.planTyped !== 'read') return null;
    parsed.planTyped = source.planTyped;
  }
  const state: FlowState = { step: step as Step, values: parsed };
  const turns = watchOf(raw);
  if (turns > 0) state.watch = turns;
  const asked = (raw as { asked?: unknown }).asked as { key?: unknown; times?: unknown } | undefined;
  if (asked && isShortString(asked.key) && typeof asked.times === 'number' && Number.isInteger(asked.times)) {
    state.asked = { key: asked.key, times: Math.max(1, Math.min(asked.times, 10)) };
  }
  return state;
}

/**
 * The watchful count of a stored state, read on its own: the crisis gate runs before the
 * state is parsed, and a malformed state must not blind it. 0 when absent or malformed.
 */
export function watchOf(raw: unknown): number {
  const watch = (raw as { watch?: unknown } | null)?.watch;
  return typeof watch === 'number' && Number.isInteger(watch) && watch > 0 ? Math.min(watch, MAX_WATCH) : 0;
}

export function toStored(state: FlowState): ConversationState {
  const stored: ConversationState = { v: 1, step: state.step, values: { ...state.values } };
  if (state.watch && state.watch > 0) stored.watch = state.watch;
  if (state.asked) stored.asked = { ...state.asked };
  return stored;
}
