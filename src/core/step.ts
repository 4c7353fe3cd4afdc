/**
 * The check-in engine: `step(state, input, ctx) -> { state, reply, effects }`.
 *
 * Pure and channel-neutral. The crisis gate is the first thing it does, on every input
 * with words, in every state, on every channel. It never throws: a malformed or unknown
 * state restarts the check-in politely, and anything unexpected still gets a kind reply
 * that carries the crisis line.
 */
import { capabilitiesOf } from './capabilities.ts';
import { checkIn } from './content/check-in.ts';
import { service } from './content/service.ts';
import { crisisReply, greyQuestion } from './crisis/crisis-reply.ts';
import { fnv1a } from './crisis/features.ts';
import { type Assessment, assess, type GateContext } from './crisis/gate.ts';
import { WATCHFUL_TURNS } from './crisis/memory.ts';
import { failureReply } from './failure-reply.ts';
import {
  answerAbout,
  confirmDelete,
  handleConfirmDelete,
  hasCarrierOptOut,
  help,
  leaveAlone,
  needsWelcome,
  optIn,
  optOut,
  welcome,
} from './flow/account.ts';
import { caringTurn, repeatCaringQuestion, withCaringAsk } from './flow/caring-text.ts';
import {
  closeAfterCrisis,
  handleAfterCrisis,
  handleCrisisCheck,
  handleGreyCheck,
  repeatCrisisStep,
} from './flow/crisis-follow-up.ts';
import {
  handleConfirmGoal,
  handlePickGoal,
  offerGoals,
  repeatConfirmGoal,
  repeatGoals,
} from './flow/goals.ts';
import { greet, handleFollowUp, recordOutcome, repeatFollowUp, standaloneOutcome } from './flow/greeting.ts';
import {
  handleConnect,
  handleHelped,
  handleTried,
  handleTrigger,
  keepNotesBeforeClosing,
  repeatConnection,
  repeatJournal,
} from './flow/journal.ts';
import { linkTurn } from './flow/link.ts';
import {
  acceptFeelings,
  feelingsIn,
  handleName,
  handleNarrowEnergy,
  handleNarrowPleasantness,
  handlePickWord,
  repeatNaming,
} from './flow/naming.ts';
import { noteAnswer, reminderTurn, repeatReminderQuestion, withReminderOffer } from './flow/reminders.ts';
import { planTurn, repeatPlanStep, withPlanInvitation, withPlanOffer } from './flow/safety-plan.ts';
import { handleBringUp, repeatBringUp, sessionPrepTurn } from './flow/session-prep.ts';
import { showSummary, summaryTurn } from './flow/summary.ts';
import {
  handleAfterExercise,
  handleCompassion,
  handleParts,
  handlePickTool,
  repeatTool,
  useTool,
} from './flow/tools.ts';
import { beat, finish } from './reply.ts';
import { CLOSED, type FlowState, parseState, type Step, toStored, watchOf } from './state.ts';
import { leadWith, type Outcome, startTurn, type Turn } from './turn.ts';
import type { ConversationState, Ctx, Input, Reply, StepResult, ToolId } from './types.ts';
import { type GlobalCommand, isAboutQuestion, type Said, understand, wordsOf } from './understand.ts';

const TOOL_COMMANDS: Partial<Record<GlobalCommand, ToolId>> = {
  grounding: 'grounding',
  breathing: 'breathing',
  compassion: 'self-compassion',
  parts: 'parts',
  action: 'small-action',
};

/** "later", "maybe later", "talk later": not "done for now", which ends the conversation. */
const saysLater = (raw: string | undefined): raw is string => raw !== undefined && /\blater\b/i.test(raw);

/** Whether a step's question is about safety; takes a raw stored step too (before parsing). */
const aboutSafety = (name: unknown): boolean =>
  typeof name === 'string' &&
  Object.hasOwn(STEP_RULES, name) &&
  STEP_RULES[name as Step].aboutSafety === true;

export function step(stored: ConversationState | null, input: Input, ctx: Ctx): StepResult {
  const words = wordsOf(input);
  // The crisis gate: before state is parsed, before anything else can fail. It never throws;
  // if its own matching fails it answers as a crisis (see assess). Memory is read on its own.
  const context: GateContext = {
    watchful: watchOf(stored) > 0,
    askedAboutSafety: aboutSafety((stored as { step?: unknown } | null)?.step),
  };
  const assessment = words === undefined ? null : assess(words, context);
  try {
    return runStep(stored, input, ctx, assessment);
  } catch {
    return safeFallback(ctx, input);
  }
}

function runStep(
  stored: ConversationState | null,
  input: Input,
  ctx: Ctx,
  assessment: Assessment | null,
): StepResult {
  const turn = startTurn(ctx);
  // Any words from someone with a reminder are an answer: unanswered reminders count from zero.
  if (wordsOf(input) !== undefined) noteAnswer(turn);
  const parsed = parseState(stored);
  const current = parsed ?? CLOSED;
  const raw = wordsOf(input);
  const said = moreAsText(understand(input), current, raw);
  // Any signal keeps the conversation watchful for a few turns; otherwise it counts down.
  const signalled = assessment !== null && !assessment.mentionOnly;
  const watch = signalled ? WATCHFUL_TURNS : Math.max(0, (current.watch ?? 0) - 1);
  const watched = (decided: Outcome): StepResult => {
    // After a crisis reply (first and unchanged): the plan's offer; at the calmer close of the
    // episode, the caring text's question (flow/safety-plan.ts, flow/caring-text.ts).
    // The offer follows only the gate's own reply (a signal, or yes to the grey-zone question).
    const offered =
      signalled || current.step === 'grey-check' ? withPlanOffer(turn, current, decided) : decided;
    const outcome = withCaringAsk(turn, current, signalled, said, offered);
    return result(turn, {
      ...outcome,
      // Asking the grey-zone question is a signal of its own, whatever asked it.
      state: { ...outcome.state, watch: outcome.state.step === 'grey-check' ? WATCHFUL_TURNS : watch },
    });
  };

  if (assessment && signalled) return watched(crisisOutcome(turn, current, said, assessment));
  // A message that speaks of death, harm or pills is never reflected back as a feeling: where
  // the check-in would have picked a feeling out of it, it asks the grey-zone question instead.
  if (assessment?.mentionOnly && STEP_RULES[current.step].readsFeelings && feelingsIn(said, raw).length > 0) {
    return watched(crisisOutcome(turn, current, said, assessment));
  }

  if (
    ctx.profile.optedOut &&
    capabilitiesOf(ctx).carrierOptOut &&
    !(said.kind === 'command' && said.command === 'start')
  ) {
    // Opted out: say nothing until START (the carrier would block a reply anyway).
    return {
      state: toStored(current),
      reply: { beats: [], expectsAnswer: false, end: true, silent: true },
      effects: [],
    };
  }

  // "link my phone", LINK 482913, UNLINK (flow/link.ts); a code is redeemed by the host first.
  const linking = linkTurn(turn, raw);
  if (linking && 'redeem' in linking) {
    return { state: toStored(current), reply: finish([]), effects: [], needs: { linkCode: linking.redeem } };
  }
  if (linking && 'historySince' in linking) {
    return {
      state: toStored(current),
      reply: finish([]),
      effects: [],
      needs: { historySince: linking.historySince },
    };
  }
  if (linking) {
    const outcome = needsWelcome(turn) ? leadWith([welcome(turn)], linking) : linking;
    return watched(outcome);
  }

  // The safety plan (PLAN, its steps, CHANGE 2) and the caring text's yes or no.
  const planned = planTurn(turn, current, said, raw) ?? caringTurn(turn, current, said);
  if (planned) {
    const outcome = needsWelcome(turn) ? leadWith([welcome(turn)], planned) : planned;
    return watched(said.kind === 'command' ? outcome : neverAThirdTime(turn, current, outcome));
  }
  // Session dates, SHARE / UNSHARE / EXPORT (flow/session-prep.ts); the host makes a link first.
  const prep = sessionPrepTurn(turn, current, raw);
  if (prep && 'share' in prep) {
    return { state: toStored(current), reply: finish([]), effects: [], needs: { share: prep.share } };
  }
  if (prep) return watched(needsWelcome(turn) ? leadWith([welcome(turn)], prep) : prep);

  // Reminder words ("remind me at 7pm", PAUSE, "I'm in Denver") and the answers to their questions.
  const reminder = reminderTurn(turn, current, said, raw);
  // SUMMARY, MORE, and "say that again" after a summary: these read the journal (flow/summary.ts).
  const summary = reminder ? undefined : summaryTurn(turn, current, said);
  if (summary && 'fetch' in summary && !ctx.history) {
    return {
      state: toStored(current),
      reply: finish([]),
      effects: [],
      needs: { historySince: summary.fetch.since },
    };
  }

  const restarted = stored !== null && parsed === null;
  let outcome: Outcome;
  if (reminder) {
    outcome = reminder;
  } else if (summary) {
    outcome = 'fetch' in summary ? showSummary(turn, ctx.history ?? [], summary.fetch) : summary.outcome;
  } else if (restarted && said.kind !== 'command') {
    outcome = greet(turn, [checkIn.restart]);
  } else {
    outcome = respond(turn, current, said, raw);
    // A check-in that closes here may offer reminders, once (flow/reminders.ts).
    if (current.step === 'connect' && said.kind !== 'command') {
      outcome = withReminderOffer(turn, outcome);
      // Or, at a later quiet close, once: that a safety plan exists (flow/safety-plan.ts).
      outcome = withPlanInvitation(turn, current, outcome);
    }
  }

  // An explicit request ("again", GOAL, HI) is answered as asked, however often.
  if (said.kind !== 'command') outcome = neverAThirdTime(turn, current, outcome);
  if (needsWelcome(turn) && !outcome.reply.silent) outcome = leadWith([welcome(turn)], outcome);
  return watched(outcome);
}

/** How many times in a row a question may be asked before the person is offered a way out. */
const MAX_ASKED_IN_A_ROW = 2;

/**
 * No question is asked a third time in a row: after two answers that did not move things on,
 * the person is offered a way out instead ("we can leave it here, that's okay", grounding, HI
 * any time). A question is the same when the step, what it holds and its last line are: a
 * "Sorry, I didn't get that" in front does not make it new, and an exercise's next round does
 * (its round is in its values). What the gate answers never comes here, so a crisis reply
 * is never replaced; after one, "would you like to keep going?" twice unanswered closes kindly
 * with the line (closeAfterCrisis).
 */
function neverAThirdTime(turn: Turn, current: FlowState, outcome: Outcome): Outcome {
  const { reply, state } = outcome;
  if (!reply.expectsAnswer) return { ...outcome, state: { ...state, asked: undefined } };
  const key = askedKey(state, reply);
  const times = current.asked?.key === key ? current.asked.times + 1 : 1;
  if (times <= MAX_ASKED_IN_A_ROW) return { ...outcome, state: { ...state, asked: { key, times } } };
  // After a crisis reply the way out is the goodbye that carries the line once more.
  if (reply.crisis || aboutSafety(state.step)) return closeAfterCrisis(turn);
  // After a "no" to the grey-zone question, its thanks (with the line) still comes first.
  const thanks = current.step === 'grey-check' ? reply.beats.slice(0, 1) : [];
  return { state: { step: 'closed', values: {} }, reply: finish([...thanks, checkIn.wayOut(turn.modality)]) };
}

/** What makes a question the same one (neverAThirdTime), hashed: a short key, however much the step holds. */
function askedKey(state: FlowState, reply: Outcome['reply']): string {
  return fnv1a(`${state.step} ${JSON.stringify(state.values)} ${reply.beats.at(-1)?.text ?? ''}`).toString(
    36,
  );
}

function moreAsText(said: Said, current: FlowState, raw: string | undefined): Said {
  const isMore = said.kind === 'command' && said.command === 'more';
  if (!isMore || current.step === 'summary' || current.step === 'closed') return said;
  return { kind: 'text', text: raw ?? '' };
}

function result(turn: Turn, outcome: Outcome): StepResult {
  return { state: toStored(outcome.state), reply: outcome.reply, effects: turn.effects };
}

/**
 * The gate heard something. Crisis and danger get their reply in full; a weak signal gets the
 * grey-zone question, unless that question is what they are answering (then anything unclear
 * is read as yes, and the crisis reply follows).
 */
function crisisOutcome(turn: Turn, current: FlowState, said: Said, assessment: Assessment): Outcome {
  const { region } = turn.ctx;
  // The HELP keyword is gated too; its reply carries the same resources, then what this number is.
  if (said.kind === 'command' && said.command === 'help') return help(turn, current);
  const { language, concern, negated } = assessment;
  if (assessment.reply === 'grey' && current.step !== 'grey-check') {
    return {
      state: {
        step: 'grey-check',
        values: { ...current.values, resume: resumable(current.step) },
        // The question it interrupts keeps its count: a "no" brings it back as the same asking,
        // so a person whose answers keep sounding like risk is not asked it a third time.
        ...(current.asked ? { asked: current.asked } : {}),
      },
      reply: greyQuestion(region, turn.modality, language, assessment.framing),
    };
  }
  const repeatOnly = current.step === 'crisis' && said.kind === 'command' && said.command === 'repeat';
  const reply = crisisReply({ region, modality: turn.modality, negated, repeatOnly, language, concern });
  const state: FlowState = { step: 'crisis', values: concern === 'self' ? {} : { concern } };
  // On voice it ends "would you like me to say the number again?": asked once, so a second
  // "yes" is answered with the number and a third closes with the line, never a third offer.
  return {
    state: reply.expectsAnswer ? { ...state, asked: { key: askedKey(state, reply), times: 1 } } : state,
    reply,
  };
}

/** The step to go back to after a "no" at the grey-zone question. */
const resumable = (name: Step): Step => (aboutSafety(name) ? 'closed' : name);

/** Everything that is not a crisis: global requests first, then the open question's answer. */
function respond(turn: Turn, current: FlowState, said: Said, raw: string | undefined): Outcome {
  if (said.kind === 'open') return greet(turn);
  // "later" answers some questions itself: an exercise under way stops there, and at the
  // connection question it means "maybe later". Elsewhere it is the gentle close.
  if (
    said.kind === 'command' &&
    said.command === 'end' &&
    STEP_RULES[current.step].answersLater &&
    saysLater(raw)
  ) {
    const answered = answerStep(turn, current, { kind: 'text', text: raw }, raw);
    if (answered) return answered;
  }
  if (
    said.kind === 'command' &&
    !(STEP_RULES[current.step].keepsToolWords === true && TOOL_COMMANDS[said.command] && raw !== undefined)
  ) {
    return command(turn, current, said.command);
  }
  const handled = answerStep(turn, current, said, raw);
  if (handled) return handled;

  if (said.kind === 'answer' && (said.answer === 'done' || said.answer === 'notYet')) {
    const outcome = said.answer === 'done' ? 'done' : 'not-yet';
    if (current.step === 'closed') return standaloneOutcome(turn, outcome, current.values);
    const acknowledgement = recordOutcome(turn, outcome);
    if (acknowledgement) return leadWith([acknowledgement], repeatStep(turn, current));
  }
  if (said.kind === 'fallback') {
    // Voice could not hear the words, so the gate could not read them: ask the grey-zone
    // question, once; while the conversation is watchful after a "no", name the line instead.
    if ((current.watch ?? 0) === 0 && current.step !== 'grey-check') {
      return {
        state: { step: 'grey-check', values: { ...current.values, resume: resumable(current.step) } },
        reply: greyQuestion(turn.ctx.region, turn.modality),
      };
    }
    const repeat = repeatStep(turn, current);
    return leadWith([service.fallback(service.shortCrisisLine(turn.ctx.region))], repeat);
  }
  return leadWith([checkIn.notUnderstood], repeatStep(turn, current));
}

function command(turn: Turn, current: FlowState, name: GlobalCommand): Outcome {
  const inCheckIn = STEP_RULES[current.step].inCheckIn === true;
  const values = inCheckIn ? current.values : { standalone: true };
  const tool = TOOL_COMMANDS[name];
  if (tool) return useTool(turn, values, tool);
  // "are you a real person?", "who sees this?": an honest answer, and the person keeps their place.
  if (isAboutQuestion(name)) return answerAbout(turn, current, name, (kept) => repeatStep(turn, kept));
  switch (name) {
    case 'checkin':
      return greet(turn);
    case 'start':
      return turn.ctx.profile.optedOut ? greet(turn, [optIn(turn), checkIn.greeting]) : greet(turn);
    case 'goal':
      return offerGoals(turn, values);
    case 'help':
      return help(turn, current);
    case 'leaveAlone':
      if (current.step === 'crisis' || current.step === 'crisis-check') return closeAfterCrisis(turn);
      return keepingNotes(turn, current, leaveAlone(turn));
    case 'optOut':
      // Only a carrier reads STOP as unsubscribe; in the terminal chat it is a gentle close.
      return hasCarrierOptOut(turn) ? optOut(turn) : end();
    case 'end':
      // "later", "done for now": after a crisis or the safety question the line goes with the goodbye.
      return aboutSafety(current.step) ? closeAfterCrisis(turn) : keepingNotes(turn, current, end());
    case 'delete':
      return confirmDelete(turn);
    case 'repeat':
      return repeatStep(turn, current);
    default:
      return greet(turn);
  }
}

/** A close from the middle of the journal keeps what was already noted (journal.ts). */
const keepingNotes = (turn: Turn, current: FlowState, close: Outcome): Outcome =>
  STEP_RULES[current.step].holdsNotes ? keepNotesBeforeClosing(turn, current.values, close) : close;

const end = (): Outcome => ({ state: { step: 'closed', values: {} }, reply: finish([checkIn.closeShort]) });

type Answer = (turn: Turn, current: FlowState, said: Said, raw: string | undefined) => Outcome | undefined;
type Repeat = (turn: Turn, current: FlowState) => Outcome;

/** How each step answers, asks again, and what it is: one table instead of parallel lists. */
interface StepRules {
  /** The answer to its open question; undefined when what was said does not fit. */
  answer: Answer;
  /** Its open question again ("repeat", or after an answer that did not fit). */
  repeat: Repeat;
  /** Part of a check-in in progress: a goal or tool asked for here continues it. */
  inCheckIn?: true;
  /** Free words here are read for a feeling to reflect back (and so guarded by the gate). */
  readsFeelings?: true;
  /** Its question is about the person's safety: short answers are replies to it. */
  aboutSafety?: true;
  /** "later" answers its own question (see respond). */
  answersLater?: true;
  /** "grounding" or "breathing" here answers the question ("what did you try?"), starting nothing. */
  keepsToolWords?: true;
  /** Holds journal answers not yet written: a close here ("later") keeps them first. */
  holdsNotes?: true;
}

const naming: Repeat = (turn, { step: name, values }) => repeatNaming(turn, name, values);
const tool: Repeat = (turn, { step: name, values }) => repeatTool(turn, name, values);
const journal: Repeat = (turn, { step: name, values }) => repeatJournal(turn, name, values);
const safety: Repeat = (turn, { step: name, values }) => repeatCrisisStep(turn, name, values);
const afresh: Repeat = (turn) => greet(turn);

/** The naming questions: in a check-in, read for a feeling, asked again by naming.ts. */
const namingStep = (handle: typeof handleName): StepRules => ({
  answer: (turn, current, said, raw) => handle(turn, current.values, said, raw),
  repeat: naming,
  inCheckIn: true,
  readsFeelings: true,
});

const STEP_RULES: Record<Step, StepRules> = {
  closed: {
    answer: (turn, _c, said, raw) => answerAfterClose(turn, said, raw),
    repeat: afresh,
    readsFeelings: true,
  },
  // After a summary, anything not about it (flow/summary.ts) is read as after a close.
  summary: { answer: (turn, _c, said, raw) => answerAfterClose(turn, said, raw), repeat: afresh },
  'follow-up': {
    answer: (turn, _c, said, raw) => handleFollowUp(turn, said, raw),
    repeat: (turn) => repeatFollowUp(turn),
    readsFeelings: true,
  },
  name: namingStep(handleName),
  'narrow-energy': namingStep(handleNarrowEnergy),
  'narrow-pleasantness': namingStep(handleNarrowPleasantness),
  'pick-word': namingStep(handlePickWord),
  'pick-tool': { answer: (t, c, s) => handlePickTool(t, c.values, s), repeat: tool, inCheckIn: true },
  'after-exercise': {
    answer: (t, c, s) => handleAfterExercise(t, c.values, s),
    repeat: tool,
    inCheckIn: true,
    answersLater: true,
  },
  compassion: { answer: (t, c, s) => handleCompassion(t, c.values, s), repeat: tool, inCheckIn: true },
  parts: { answer: (t, c, s) => handleParts(t, c.values, s), repeat: tool, inCheckIn: true },
  'pick-goal': {
    answer: (t, c, s, r) => handlePickGoal(t, c.values, s, r),
    repeat: (t, c) => repeatGoals(t, c.values),
    inCheckIn: true,
  },
  'confirm-goal': {
    answer: (t, c, s, r) => handleConfirmGoal(t, c.values, s, r),
    repeat: (t, c) => repeatConfirmGoal(t, c.values),
  },
  'journal-trigger': {
    answer: (t, c, s, r) => handleTrigger(t, c.values, s, r),
    repeat: journal,
    keepsToolWords: true,
    holdsNotes: true,
  },
  'journal-tried': {
    answer: (t, c, s, r) => handleTried(t, c.values, s, r),
    repeat: journal,
    keepsToolWords: true,
    holdsNotes: true,
  },
  'journal-helped': {
    answer: (t, c, s, r) => handleHelped(t, c.values, s, r),
    repeat: journal,
    holdsNotes: true,
  },
  connect: {
    answer: (t, c, s, r) => handleConnect(t, c.values, s, r),
    repeat: (t, c) => repeatConnection(t, c.values),
    answersLater: true,
  },
  crisis: { answer: (t, c, s) => handleAfterCrisis(t, s, c.values), repeat: safety, aboutSafety: true },
  'crisis-check': {
    answer: (t, _c, s, r) => handleCrisisCheck(t, s, r),
    repeat: safety,
    aboutSafety: true,
    readsFeelings: true,
  },
  'grey-check': {
    answer: (t, c, s, r) => handleGreyCheck(t, c, s, r, (resumed) => repeatStep(t, resumed)),
    repeat: safety,
    aboutSafety: true,
  },
  'confirm-delete': {
    answer: (t, _c, s) => handleConfirmDelete(t, s.kind === 'answer' && s.answer === 'yes'),
    repeat: (t) => confirmDelete(t),
  },
  // Times, NO and yes are read by flow/reminders.ts first; anything else is as after a close.
  'reminder-offer': {
    answer: (turn, _c, said, raw) => answerAfterClose(turn, said, raw),
    repeat: (_t, c) => repeatReminderQuestion(c),
    readsFeelings: true,
  },
  'reminder-time': { answer: () => undefined, repeat: (_t, c) => repeatReminderQuestion(c) },
  // The plan's own answers are read by flow/safety-plan.ts first; what is left is as after a close.
  'plan-write': { answer: () => undefined, repeat: repeatPlanStep },
  'plan-shown': {
    answer: (turn, _c, said, raw) => answerAfterClose(turn, said, raw),
    repeat: repeatPlanStep,
  },
  'plan-confirm-delete': { answer: () => undefined, repeat: repeatPlanStep },
  // Yes or no is read by flow/caring-text.ts first; anything else is as after a close.
  'caring-consent': {
    answer: (turn, _c, said, raw) => answerAfterClose(turn, said, raw),
    repeat: (turn) => repeatCaringQuestion(turn),
    readsFeelings: true,
  },
  // "Anything you want to bring up at your session?" (flow/session-prep.ts).
  'bring-up': { answer: (t, _c, s, r) => handleBringUp(t, s, r), repeat: (t) => repeatBringUp(t) },
};

/** The answer to whatever question is open; undefined when it does not fit. */
function answerStep(
  turn: Turn,
  current: FlowState,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  return STEP_RULES[current.step].answer(turn, current, said, raw);
}

/** After a close (or a summary): "ok" starts afresh, a feeling starts the check-in right there. */
function answerAfterClose(turn: Turn, said: Said, raw: string | undefined): Outcome | undefined {
  // "ok", "thanks" after a close or an exercise is not a feeling: start afresh.
  if (said.kind === 'answer') return isOutcomeAnswer(said) ? undefined : greet(turn);
  // A feeling texted out of the blue starts the check-in right there.
  const feelings = feelingsIn(said, raw);
  if (feelings.length > 0) return acceptFeelings(turn, {}, feelings, raw);
  if (said.kind === 'text' || said.kind === 'pick') return greet(turn);
  return undefined;
}

const isOutcomeAnswer = (said: Said): boolean =>
  said.kind === 'answer' && (said.answer === 'done' || said.answer === 'notYet');

/** The open question again (for "repeat", or after an answer that did not fit). */
function repeatStep(turn: Turn, current: FlowState): Outcome {
  return STEP_RULES[current.step].repeat(turn, current);
}

/** Last resort when the flow itself failed: kind, honest, and never without the crisis line. */
function safeFallback(ctx: Ctx, input: Input): StepResult {
  const { modality } = capabilitiesOf(ctx);
  return { state: toStored(CLOSED), reply: failureReply(wordsOf(input), ctx.region, modality), effects: [] };
}

/**
 * The reply when the host could not save: lines that claim something was saved or erased
 * are replaced by an honest one; the micro-goal and any crisis resources stay.
 */
export function withSaveFailure(reply: Reply): Reply {
  if (reply.silent) return reply;
  const claimed = reply.beats.some((b) => b.claimsSaved || b.claimsErased);
  const beats = reply.beats.flatMap((b) => {
    if (b.claimsErased) return [beat(service.eraseFailed)];
    if (b.claimsSaved) return [beat(service.saveFailed)];
    return [b];
  });
  const deduplicated = beats.filter(
    (b, i) => b.text !== service.saveFailed || beats.findIndex((x) => x.text === b.text) === i,
  );
  return { ...reply, beats: claimed ? deduplicated : [...beats, beat(service.saveFailed)] };
}
