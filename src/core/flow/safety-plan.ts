/**
 * The safety plan (issue 14): written when calm, one short question at a time, each skippable,
 * resumable on any later day; read back any time, short and in pieces; offered after a crisis
 * reply, never instead of it. The crisis gate has read every message before any of this runs
 * (step.ts), so words typed into a plan step are read by it too.
 *
 * PLAN (or "my safety plan", "make a safety plan") opens the plan: a new or unfinished plan is
 * written from where it stopped, a finished one is shown. "show my plan" shows it as it is.
 * CHANGE 2 / CLEAR 2 rewrite or remove one step, DELETE PLAN deletes it all (after a yes).
 *
 * Text keeps the person's own words; voice offers three choices a step and keeps only the id of
 * the one chosen. A step typed by text is read aloud on a speaker only to a recognised voice or
 * after a yes, as the summary does (flow/summary.ts).
 */

import { capabilitiesOf } from '../capabilities.ts';
import { crisis as crisisWords } from '../content/crisis.ts';
import { plan as w } from '../content/safety-plan.ts';
import { service } from '../content/service.ts';
import { ask, beat, finish } from '../reply.ts';
import {
  filledSteps,
  itemWords,
  MAX_TYPED,
  PLAN_OPTIONS,
  PLAN_STEPS,
  type PlanItem,
  type PlanStepId,
  type SafetyPlan,
  stepsForNow,
  withStep,
} from '../safety-plan.ts';
import type { FlowState, Values } from '../state.ts';
import { leadWith, type Outcome, type Turn } from '../turn.ts';
import type { Beat, Reply } from '../types.ts';
import type { Said } from '../understand.ts';

type PlanRequest =
  | { kind: 'open' }
  | { kind: 'show' }
  | { kind: 'deleteAll' }
  | { kind: 'change' | 'clear'; step: number; explicit: boolean };

const NUMBER_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
};

const OPEN =
  /^(?:please )?(?:(?:my |the |a )?(?:safety )?plan|(?:make|write|start|create|do|continue|finish) (?:a |my |the )?(?:safety )?plan|safety planning)(?: please)?$/;
const SHOW =
  /^(?:please )?(?:show|see|read|view|hear|send|open)(?: me)? (?:my |the )?(?:safety )?plan(?: please)?$/;
/** "please", "can you", "I want to": how people put a command to the product, typed or said. */
const ASKING = '(?:(?:please|can you|could you|i want to|i wanna|i would like to|id like to|i need to) )?';
const DELETE_ALL = new RegExp(
  `^${ASKING}(?:delete|erase|remove|clear|get rid of|scrap|wipe) (?:my |the )?(?:whole |entire )?(?:safety )?plan(?: please)?$`,
);
const STEP_WORD = '([1-7]|one|two|three|four|five|six|seven)';
const CHANGE = new RegExp(
  `^${ASKING}(?:change|edit|rewrite|update|redo) (plan |step |plan step )?(?:number )?${STEP_WORD}$`,
);
const CLEAR = new RegExp(
  `^${ASKING}(?:clear|remove|delete|erase) (plan |step |plan step )?(?:number )?${STEP_WORD}$`,
);

function normalise(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[\u2019']/g, '')
    .replace(/[!?".,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function planRequestIn(raw: string | undefined): PlanRequest | undefined {
  if (raw === undefined) return undefined;
  const words = normalise(raw);
  if (OPEN.test(words)) return { kind: 'open' };
  if (SHOW.test(words)) return { kind: 'show' };
  if (DELETE_ALL.test(words)) return { kind: 'deleteAll' };
  for (const [kind, pattern] of [
    ['change', CHANGE],
    ['clear', CLEAR],
  ] as const) {
    const match = pattern.exec(words);
    if (match) {
      const n = match[2] ?? '';
      return { kind, step: NUMBER_WORDS[n] ?? Number(n), explicit: match[1] !== undefined };
    }
  }
  return undefined;
}

const PLAN_STEP_NAMES: readonly string[] = ['plan-write', 'plan-shown', 'plan-confirm-delete'];
const isAnswer = (said: Said, ...answers: string[]): boolean =>
  said.kind === 'answer' && answers.includes(said.answer);

/**
 * The plan's turn, or undefined when the words are not about the plan (the rest of the
 * check-in reads them then).
 */
export function planTurn(
  turn: Turn,
  current: FlowState,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  const { values } = current;
  // Just after a crisis reply that offered the plan: yes (or PLAN) gives its first steps.
  if (current.step === 'crisis' && values.planOffered) {
    const request = planRequestIn(raw);
    if (isAnswer(said, 'yes', 'ok') || request?.kind === 'open' || request?.kind === 'show')
      return planForNow(turn);
    return undefined;
  }
  if (current.step === 'plan-confirm-delete') {
    if (isAnswer(said, 'yes')) return deletePlan(turn);
    if (isAnswer(said, 'no', 'skip', 'none', 'notSure', 'fine'))
      return { state: closed(), reply: finish([w.keptWhole]) };
  }
  const request = planRequestIn(raw);
  const inPlan = PLAN_STEP_NAMES.includes(current.step);
  if (request && (request.kind === 'open' || request.kind === 'show' || request.kind === 'deleteAll')) {
    if (request.kind === 'open') return openPlan(turn);
    if (request.kind === 'show') return showPlan(turn, 0);
    return confirmDeletePlan(turn);
  }
  // CHANGE 2 / CLEAR 2: anywhere as "change step 2", and as "change 2" once the plan is open.
  if (request && (request.explicit || inPlan)) {
    if (request.step < 1 || request.step > PLAN_STEPS.length)
      return { state: current, reply: ask([w.noStep], w.noStep) };
    const id = PLAN_STEPS[request.step - 1] as PlanStepId;
    if (request.kind === 'clear') {
      const next = withStep(planOf(turn), id, undefined, turn.ctx.now, false);
      turn.effects.push({ type: 'setSafetyPlan', plan: next });
      return { state: closed(), reply: finish([beat(w.cleared(request.step), { claimsSaved: true })]) };
    }
    return askStep(turn, id, { planEditing: true }, [w.changeStep(request.step)]);
  }
  if (current.step === 'plan-write') return answerStep(turn, current, said, raw);
  if (current.step === 'plan-shown') return afterShown(turn, current, said, raw);
  return undefined;
}

const closed = (): FlowState => ({ step: 'closed', values: {} });
const planOf = (turn: Turn): SafetyPlan | undefined => turn.ctx.profile.safetyPlan;

/** PLAN: write from where it stopped, or show it once every step was reached. */
function openPlan(turn: Turn): Outcome {
  const plan = planOf(turn);
  const next = plan?.next ?? 0;
  if (next >= PLAN_STEPS.length) return showPlan(turn, 0);
  const id = PLAN_STEPS[next] as PlanStepId;
  const lead = next === 0 && filledSteps(plan).length === 0 ? w.intro(turn.modality) : w.resumed(next + 1);
  return askStep(turn, id, {}, [lead]);
}

/** One step's question: on voice with its three choices. */
function askStep(turn: Turn, id: PlanStepId, extra: Values, lead: readonly string[] = []): Outcome {
  const voice = turn.modality === 'voice';
  const options = PLAN_OPTIONS[id].map((o) => o.label);
  const reply = ask(
    [...lead, w.question(id, turn.modality)],
    w.questionReprompt(turn.modality),
    voice ? { choices: options } : {},
  );
  return { state: { step: 'plan-write', values: { planStep: id, ...extra } }, reply };
}

/** The answer to a step's question: kept, skipped, or (later) the plan paused where it is. */
function answerStep(
  turn: Turn,
  current: FlowState,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  const id = current.values.planStep;
  if (id === undefined) return undefined;
  const editing = current.values.planEditing === true;
  if (said.kind === 'command' && said.command === 'end') {
    return { state: closed(), reply: finish([w.paused(turn.modality)]) };
  }
  if (said.kind === 'command' && said.command === 'repeat') return askStep(turn, id, current.values);
  if (isAnswer(said, 'skip', 'none', 'notSure', 'no')) return moveOn(turn, id, undefined, editing);
  const item = turn.modality === 'voice' ? chosenItem(id, said, raw) : typedItem(said, raw);
  if (item === 'tooLong') return leadWith([w.tooLong], askStep(turn, id, current.values));
  if (item) return moveOn(turn, id, item, editing);
  // A tool's name here ("breathing") is an answer, not a request; other requests are answered as anywhere.
  if (said.kind === 'command') return undefined;
  const lead = turn.modality === 'voice' ? w.voiceChoicesOnly : w.questionReprompt(turn.modality);
  return leadWith([lead], askStep(turn, id, current.values));
}

/** Text: the person's own words, as they wrote them. Requests and yes/ok are not plan steps. */
function typedItem(said: Said, raw: string | undefined): PlanItem | 'tooLong' | undefined {
  if (said.kind === 'answer' || said.kind === 'open' || said.kind === 'fallback') return undefined;
  if (said.kind === 'command' && !TOOL_WORDS.test(normalise(raw ?? ''))) return undefined;
  const typed = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (typed === '') return undefined;
  if (typed.length > MAX_TYPED) return 'tooLong';
  return { typed };
}

/** Names of the exercises: at "things I can do on my own" they are answers. */
const TOOL_WORDS = /^(?:ground|grounding|breathe|breathing|breath|kind|kindness|parts|action|small action)/;

/** Voice: one of the step's choices, by its place or its words; nothing else is kept. */
function chosenItem(id: PlanStepId, said: Said, raw: string | undefined): PlanItem | undefined {
  const options = PLAN_OPTIONS[id];
  if (said.kind === 'choice') {
    const option = options[said.index];
    return option ? { option: option.id } : undefined;
  }
  const words = normalise(said.kind === 'pick' ? said.value : (raw ?? ''));
  if (words === '') return undefined;
  const option = options.find((o) => {
    const label = normalise(o.label);
    return words === label || words.includes(label);
  });
  return option ? { option: option.id } : undefined;
}

function moveOn(turn: Turn, id: PlanStepId, item: PlanItem | undefined, editing: boolean): Outcome {
  const plan = planOf(turn);
  const number = PLAN_STEPS.indexOf(id) + 1;
  if (editing) {
    const next = withStep(plan, id, item, turn.ctx.now, false);
    turn.effects.push({ type: 'setSafetyPlan', plan: next });
    const said = item ? w.changed(number) : w.cleared(number);
    return { state: closed(), reply: finish([beat(said, { claimsSaved: true })]) };
  }
  // Skipping keeps what was there before (a plan being finished after a resume).
  const kept = item ?? plan?.items[id];
  const next = withStep(plan, id, kept, turn.ctx.now, true);
  turn.effects.push({ type: 'setSafetyPlan', plan: next });
  const ack = beat(item ? w.kept : w.skipped, item ? { claimsSaved: true } : {});
  if (next.next >= PLAN_STEPS.length) {
    return { state: closed(), reply: finish([ack, beat(w.done(turn.modality), { claimsSaved: true })]) };
  }
  return askStep(turn, PLAN_STEPS[next.next] as PlanStepId, {}, [ack.text]);
}

// ---------------------------------------------------------------------------------------------
// Reading it back.

/** Septets per text we plan for (the carrier's 320, less room), and texts per page. */
const PLANNED_SEPTETS = 300;
const TEXTS_PER_PAGE = 3;

/** How many texts these lines fill, each line its own line (as the SMS renderer packs them). */
function textsFor(lines: readonly string[]): number {
  let texts = 0;
  let current = -1;
  for (const line of lines) {
    const length = [...line].reduce((n, ch) => n + (ch > '\u007f' ? 3 : '^{}\\[~]|'.includes(ch) ? 2 : 1), 0);
    if (current >= 0 && current + 1 + length <= PLANNED_SEPTETS) current += 1 + length;
    else {
      texts += Math.max(1, Math.ceil(length / PLANNED_SEPTETS));
      current = length;
    }
  }
  return texts;
}

/** "2) Things I can do on my own: a walk, music". Numbered by step, so CHANGE 2 is plain. */
function writtenLine(id: PlanStepId, item: PlanItem): string {
  return `${PLAN_STEPS.indexOf(id) + 1}) ${w.label(id)}: ${itemWords(id, item)}`;
}

function writtenPages(lines: readonly string[]): string[][] {
  const pages: string[][] = [];
  let rest = [...lines];
  while (rest.length > 0) {
    const page = [pages.length === 0 ? w.heading : w.continued];
    let taken = 0;
    while (taken < rest.length) {
      const candidate = [...page, rest[taken] as string];
      const last = taken === rest.length - 1;
      if (textsFor([...candidate, last ? w.editHint : w.more]) > TEXTS_PER_PAGE && taken > 0) break;
      page.push(rest[taken] as string);
      taken += 1;
    }
    rest = rest.slice(taken);
    page.push(rest.length > 0 ? w.more : w.editHint);
    pages.push(page);
  }
  return pages;
}

/** The plan as it is: by text in pages (MORE), aloud in short beats. */
function showPlan(turn: Turn, page: number, readTyped = false): Outcome {
  const plan = planOf(turn);
  const steps = filledSteps(plan);
  if (!plan || steps.length === 0) return { state: closed(), reply: finish([w.empty(turn.modality)]) };
  if (turn.modality === 'voice') {
    const spoken = spokenItems(turn, plan, steps, readTyped);
    if (spoken.held) {
      return {
        state: { step: 'plan-shown', values: { planTyped: 'held' } },
        reply: ask(
          [beat(w.spokenHeading, { pauseAfter: 'short' }), ...spoken.beats, beat(w.typedHeld)],
          w.typedHeldReprompt,
        ),
      };
    }
    const line = beat(w.lineAlways(service.shortCrisisLine(turn.ctx.region)), { pauseAfter: 'short' });
    return {
      state: closed(),
      reply: finish([
        beat(w.spokenHeading, { pauseAfter: 'short' }),
        ...spoken.beats,
        line,
        beat(w.spokenEnd),
      ]),
    };
  }
  const lines = steps.map((id) => writtenLine(id, plan.items[id] as PlanItem));
  const pages = writtenPages([...lines, w.lineAlways(service.shortCrisisLine(turn.ctx.region))]);
  const shown = Math.min(page, pages.length - 1);
  return {
    state: { step: 'plan-shown', values: { planPage: shown } },
    reply: finish((pages[shown] ?? []).map((text) => beat(text, { pauseAfter: 'long' }))),
  };
}

/** Spoken items: chosen ones always, typed ones only to a recognised voice or after a yes. */
function spokenItems(
  turn: Turn,
  plan: SafetyPlan,
  steps: readonly PlanStepId[],
  readTyped: boolean,
): { beats: Beat[]; held: boolean } {
  const reading = readTyped || turn.ctx.recognisedVoice === true;
  const beats: Beat[] = [];
  let held = false;
  for (const id of steps) {
    const item = plan.items[id] as PlanItem;
    if (item.typed !== undefined && !reading) {
      held = true;
      continue;
    }
    beats.push(beat(`${w.label(id)}: ${itemWords(id, item)}.`, { pauseAfter: 'short' }));
  }
  return { beats, held };
}

/** After the plan was shown: MORE by text; on voice, yes or no to hearing the typed parts. */
function afterShown(
  turn: Turn,
  current: FlowState,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  const { values } = current;
  if (turn.modality === 'text' && normalise(raw ?? '').replace(/ please$/, '') === 'more') {
    return showPlan(turn, (values.planPage ?? 0) + 1);
  }
  if (turn.modality === 'voice' && values.planTyped === 'held') {
    if (isAnswer(said, 'yes', 'ok'))
      return values.planForNow ? planForNow(turn, true) : showPlan(turn, 0, true);
    if (isAnswer(said, 'no', 'skip', 'none', 'fine'))
      return { state: closed(), reply: finish([w.spokenEnd]) };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// After a crisis reply.

/** The steps of the plan worth offering now (warning signs left out). */
const offerable = (turn: Turn): boolean => stepsForNow(planOf(turn)).length > 0;

/**
 * The crisis reply, first and unchanged, then the offer of their plan, once an episode (the
 * turn that begins it): only after the crisis reply about their own safety (never after a
 * danger-now reply, where 911 comes first), only when the plan has something beyond warning
 * signs. Anything else passes through untouched.
 */
/**
 * After a quiet check-in closes (no crisis, grey-zone or watchful turn in it), once ever, for
 * someone with no plan: a line saying a safety plan exists and how to start it. Not a question:
 * the check-in stays closed and nothing waits for an answer, so it never competes with the
 * reminder offer (asked at the first close; this comes at a later one).
 */
export function withPlanInvitation(turn: Turn, current: FlowState, outcome: Outcome): Outcome {
  const { profile } = turn.ctx;
  if (
    outcome.state.step !== 'closed' ||
    outcome.reply.crisis ||
    (current.watch ?? 0) > 0 ||
    profile.unavailable ||
    profile.safetyPlan ||
    profile.planOfferedAt ||
    // The reminder offer goes first, at an earlier close, where the service can text.
    (!profile.reminderOfferedAt && !profile.reminder && capabilitiesOf(turn.ctx).textsFirst === true)
  ) {
    return outcome;
  }
  turn.effects.push({ type: 'markPlanOffered', at: turn.ctx.now });
  return {
    ...outcome,
    reply: { ...outcome.reply, beats: [...outcome.reply.beats, beat(w.offer(turn.modality))] },
  };
}

export function withPlanOffer(turn: Turn, current: FlowState, outcome: Outcome): Outcome {
  const { state, reply } = outcome;
  if (!reply.crisis || state.step !== 'crisis' || state.values.concern !== undefined) return outcome;
  if (current.step === 'crisis' || current.step === 'crisis-check') return outcome;
  if (!offerable(turn)) return outcome;
  return {
    state: { ...state, values: { ...state.values, planOffered: true } },
    reply: { ...reply, beats: [...reply.beats, beat(w.crisisOffer(turn.modality))] },
  };
}

/**
 * Yes to "You made a plan. Want to see it?": the first steps of it, warning signs skipped,
 * then the number line again. On a speaker typed steps are held back unless the voice is
 * recognised, or they say yes to hearing them.
 */
function planForNow(turn: Turn, readTyped = false): Outcome {
  const plan = planOf(turn) as SafetyPlan;
  const steps = stepsForNow(plan).slice(0, 3);
  const place = crisisWords.regions[turn.ctx.region] ?? crisisWords.regions.OTHER;
  const numberLine = beat(place.repeat[turn.modality], { pauseAfter: 'short' });
  const more = stepsForNow(plan).length > steps.length || plan.items.warningSigns !== undefined;
  if (turn.modality === 'voice') {
    const spoken = spokenItems(turn, plan, steps, readTyped);
    const heading = beat(w.forNowHeading('voice'), { pauseAfter: 'short' });
    if (spoken.held) {
      return {
        state: { step: 'plan-shown', values: { planTyped: 'held', planForNow: true } },
        reply: {
          ...ask([heading, ...spoken.beats, numberLine, beat(w.typedHeld)], w.typedHeldReprompt),
          crisis: true,
        },
      };
    }
    const beats = [heading, ...spoken.beats, numberLine];
    return { state: { step: 'crisis', values: {} }, reply: stayOpen(beats, place.reprompt) };
  }
  const lines = steps.map((id) => beat(writtenLine(id, plan.items[id] as PlanItem), { pauseAfter: 'long' }));
  const beats = [beat(w.forNowHeading('text'), { pauseAfter: 'long' }), ...lines];
  if (more) beats.push(beat(w.forNowMore('text'), { pauseAfter: 'long' }));
  return {
    state: { step: 'crisis', values: {} },
    reply: stayOpen([...beats, numberLine], place.repeat.text),
  };
}

/** A reply that carries the crisis line and keeps the conversation open (the episode goes on). */
const stayOpen = (beats: Beat[], reprompt: string): Reply => ({
  beats,
  expectsAnswer: true,
  reprompt,
  end: false,
  crisis: true,
});

// ---------------------------------------------------------------------------------------------
// Deleting.

function confirmDeletePlan(turn: Turn): Outcome {
  if (filledSteps(planOf(turn)).length === 0 && planOf(turn) === undefined)
    return { state: closed(), reply: finish([w.nothingToDelete]) };
  return {
    state: { step: 'plan-confirm-delete', values: {} },
    reply: ask([w.confirmDelete(turn.modality)], w.confirmDeleteReprompt(turn.modality)),
  };
}

export function repeatConfirmDeletePlan(turn: Turn): Outcome {
  return confirmDeletePlan(turn);
}

function deletePlan(turn: Turn): Outcome {
  turn.effects.push({ type: 'clearSafetyPlan' });
  return { state: closed(), reply: finish([beat(w.deleted, { claimsErased: true })]) };
}

/** The open plan question again ("repeat", or after an answer that did not fit). */
export function repeatPlanStep(turn: Turn, current: FlowState): Outcome {
  if (current.step === 'plan-confirm-delete') return confirmDeletePlan(turn);
  const id = current.values.planStep;
  if (current.step === 'plan-write' && id !== undefined) return askStep(turn, id, current.values);
  return showPlan(turn, current.values.planPage ?? 0);
}
