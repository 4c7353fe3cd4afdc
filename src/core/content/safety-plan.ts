/**
 * Words of the safety plan and of the caring text the day after a crisis reply (issue 14).
 *
 * Rules for these lines (docs/safety.md): one short question at a time, each skippable; the
 * service never asks about or names a method, not even in "making my space safer" (its question
 * is neutral and the person answers in their own words); no "committed suicide"; no promise of
 * an outcome; hope only briefly. Text lines are GSM-7 (straight quotes, no dashes) and never name
 * a carrier opt-out word. tests/core/safety-plan/content-safety.test.ts reads every line here.
 */
import type { PlanStepId } from '../safety-plan.ts';
import type { Modality } from '../types.ts';

const byModality = (m: Modality, text: string, voice: string): string => (m === 'voice' ? voice : text);

/** How each step is named when the plan is read back, in the person's voice ("my ..."). */
const LABELS: Record<PlanStepId, string> = {
  warningSigns: 'My warning signs',
  onMyOwn: 'Things I can do on my own',
  distractions: 'People and places that take my mind off things',
  helpers: 'People I can ask for help',
  professionals: 'Professionals and services',
  saferSpace: 'Making my space safer',
  reason: 'My reason for living',
};

/** One short question a step. Neutral throughout: "safer" is theirs to say how. */
const QUESTIONS: Record<PlanStepId, string> = {
  warningSigns: 'What tells you a hard time might be starting? Thoughts, moods or situations, in your words.',
  onMyOwn: 'What can you do on your own to feel a little better, even for a while?',
  distractions: 'Which people or places help take your mind off things?',
  helpers: 'Who could you ask for help? Names or roles are fine.',
  // 988 is not suggested here: typed, it always reaches the crisis reply (docs/safety.md), and
  // every plan read back ends with the line anyway (`plan.lineAlways`).
  professionals:
    'Which professionals or services could you contact? For example your therapist or your doctor.',
  saferSpace: 'What could help make your space feel safer when things are hard? In your own words.',
  reason: 'Last one: what is one thing that matters to you and is worth living for?',
};

const VOICE_QUESTIONS: Partial<Record<PlanStepId, string>> = {
  warningSigns: 'What tells you a hard time might be starting?',
  saferSpace: 'What could help make your space feel safer when things are hard?',
};

export const plan = {
  label: (id: PlanStepId) => LABELS[id],

  /** Said once, before the first question of a new plan. */
  intro: (m: Modality) =>
    byModality(
      m,
      'A safety plan is a short list, in your own words, for hard moments. 7 short questions; reply SKIP to any.',
      "A safety plan is a short list for hard moments. There are 7 short questions, and you can say skip to any of them. On Alexa I'll offer a few choices; by text you can use your own words.",
    ),
  /** Coming back to a plan left part way. */
  resumed: (step: number) => `Welcome back to your plan. Picking up at step ${step} of 7.`,

  /** On voice the same question, without "in your words": a speaker offers its choices. */
  question: (id: PlanStepId, m: Modality = 'text') =>
    (m === 'voice' ? VOICE_QUESTIONS[id] : undefined) ?? QUESTIONS[id],
  questionReprompt: (m: Modality) =>
    byModality(m, 'A few words is enough, or reply SKIP.', 'You can pick one of the choices, or say skip.'),
  /** Voice keeps only its choices; own words are for text (a linked phone). */
  voiceChoicesOnly:
    'On Alexa I can keep only one of the choices. To use your own words, text PLAN from your phone.',
  tooLong: `That's a lot for one step. Could you say it in fewer words, up to 200 characters?`,

  /** Kept, on to the next. */
  kept: 'Kept.',
  skipped: 'Skipped.',
  /** The last step answered or skipped. */
  done: (m: Modality) =>
    byModality(
      m,
      'Your plan is saved. Text PLAN any time to see it, CHANGE and a number to rewrite a step.',
      'Your plan is saved. Say "my plan" any time to hear it.',
    ),
  /** Left part way ("later"): every answer so far is already kept. */
  paused: (m: Modality) =>
    byModality(
      m,
      'Your plan is saved so far. Text PLAN any time to pick up where you stopped.',
      'Your plan is saved so far. Say "my plan" any time to pick up where you stopped.',
    ),

  /** Reading it back. */
  heading: 'Your plan:',
  /** Every plan read back ends with the line, so nobody needs to type the number into it. */
  lineAlways: (line: string) => `And any time: ${line}.`,
  continued: 'Your plan, continued:',
  more: 'Reply MORE for the rest.',
  editHint: 'Reply CHANGE 2 to rewrite step 2, CLEAR 2 to remove it, or DELETE PLAN.',
  empty: (m: Modality) =>
    byModality(
      m,
      'Your plan has nothing in it yet. Text PLAN to start it.',
      'Your plan has nothing in it yet. Say "make a safety plan" to start it.',
    ),
  spokenHeading: 'Here is your plan.',
  /** Words typed by text are held back on a shared speaker unless they say yes. */
  typedHeld: 'Some of your plan was typed by text. Do you want me to read those parts aloud?',
  typedHeldReprompt: 'You can say yes to hear the parts you typed, or no.',
  spokenEnd: 'Say "my plan" any time to hear it again.',
  noStep: 'Your plan has steps 1 to 7. Which number?',
  cleared: (n: number) => `Step ${n} is cleared.`,
  changeStep: (n: number) => `Step ${n}.`,
  changed: (n: number) => `Step ${n} is updated.`,

  /** Deleting the whole plan: asked first. */
  confirmDelete: (m: Modality) =>
    byModality(
      m,
      'Delete your whole safety plan? Reply YES to delete it, or NO to keep it.',
      'Should I delete your whole safety plan? Say yes to delete it, or no to keep it.',
    ),
  confirmDeleteReprompt: (m: Modality) =>
    byModality(
      m,
      'Reply YES to delete your plan, or NO to keep it.',
      'Say yes to delete your plan, or no to keep it.',
    ),
  deleted: 'Your safety plan is deleted.',
  keptWhole: 'Okay, your plan stays as it is.',
  nothingToDelete: 'There is no safety plan to delete.',

  /** After a crisis reply, never instead of it: the reply first and unchanged, then this. */
  crisisOffer: (m: Modality) =>
    byModality(m, 'You made a plan. Want to see it? Reply YES.', 'Do you want to hear your plan?'),
  /** The first steps of it, after a yes. */
  forNowHeading: (m: Modality) => byModality(m, 'From your plan:', 'From your plan.'),
  forNowMore: (m: Modality) => byModality(m, 'Text PLAN for all of it.', 'Say "my plan" to hear all of it.'),

  /** Offered once, after a quiet check-in closes: never during or after a crisis. No answer needed. */
  offer: (m: Modality) =>
    byModality(
      m,
      'If it would help some day: a safety plan is a short list, in your own words, for hard moments. Text PLAN any time to write one.',
      'If it would help some day, a safety plan is a short list for hard moments. Say "make a safety plan" any time to write one.',
    ),
};

/**
 * The caring text the day after a crisis reply (Motto's caring contacts): asked once, plainly,
 * when the episode is calmer (see flow/caring-text.ts), sent once, and never referring to what
 * was said.
 */
export const caring = {
  ask: 'Can I text you tomorrow just to check in? Reply YES or NO',
  askReprompt: 'Reply YES or NO: can I text you tomorrow just to check in?',
  askVoice: 'Can I text your phone tomorrow, just to check in? You can say yes or no.',
  askVoiceReprompt: 'Can I text your phone tomorrow, just to check in? Yes or no?',
  yes: (m: Modality) =>
    byModality(
      m,
      "Okay. I'll text you once tomorrow. Take care until then.",
      "Okay. I'll text your phone once tomorrow. Take care until then.",
    ),
  no: "That's okay, I won't.",
  /**
   * The text itself: no reference to what was said, 988 in it. Like every text sent first it
   * opens with the service's name (carriers ask that a text sent first say who it is from).
   */
  text: 'my check in: Thinking of you today. No need to reply. 988 is there any time, by call or text.',
  /** Outside the US and Canada: the place's line ("call Samaritans on 116 123"). */
  textElsewhere: (line: string) =>
    `my check in: Thinking of you today. No need to reply. Help is there any time: ${line}.`,
};
