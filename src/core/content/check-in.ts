/**
 * Every word of the check-in itself, in the order a person meets them.
 *
 * House rules for these lines: short, warm, concrete; one step at a time; never clinical,
 * never a score, never "you should". Text lines must stay GSM-7 (straight quotes, no
 * emoji, no long dashes). `voice` variants are for Alexa, where the person cannot see a list.
 */
import type { Modality } from '../types.ts';

const byModality = (m: Modality, text: string, voice: string): string => (m === 'voice' ? voice : text);

export const checkIn = {
  greeting: 'Hi. This is your check-in.',
  restart: "Let's start fresh.",

  // Follow-up on last time's micro-goal.
  followUp: (goal: string) => `Last time you picked: ${goal}. Did it happen? Either answer is OK.`,
  followUpReprompt: (m: Modality) =>
    byModality(m, 'Reply DONE, NOT YET or SKIP.', 'You can say done, not yet, or skip.'),
  followUpChoices: ['done', 'not yet', 'skip'] as const,
  outcomeDone: 'That counts. Small wins are real wins.',
  outcomeNotYet: "That's okay. It will keep.",
  outcomeSkipped: "Okay, we'll leave it there.",
  noOpenGoal: (m: Modality) =>
    byModality(
      m,
      "There's no goal open right now. Text GOAL to pick one.",
      "There's no goal open right now. You can say: give me a micro goal.",
    ),

  // Name it.
  askFeeling: "What's here right now? A word is enough.",
  askFeelingReprompt: (m: Modality) =>
    byModality(
      m,
      'Any word works, like heavy, wired or okay. Or reply NOT SURE.',
      'Any word works, like heavy, wired, or okay. Or say: not sure.',
    ),
  notAFeeling: "I'm not sure I caught a feeling there, and that's okay.",
  noWordYet: "That's okay. Let's find it together.",
  /** When narrowing does not land either: naming is optional. */
  noWordNeeded: "That's okay. Not every feeling needs a word.",
  askEnergy: 'Right now, do you feel more drained or more wired?',
  energyChoices: ['drained', 'wired'] as const,
  askEnergyReprompt: (m: Modality) =>
    byModality(m, 'Reply 1 for drained or 2 for wired.', 'Just say drained, or wired.'),
  askPleasantness: 'And is it more unpleasant, or more okay?',
  pleasantnessChoices: ['unpleasant', 'okay'] as const,
  askPleasantnessReprompt: (m: Modality) =>
    byModality(m, 'Reply 1 for unpleasant or 2 for okay.', 'Just say unpleasant, or okay.'),
  offerWords: 'Do any of these fit?',
  offerWordsReprompt: (m: Modality) =>
    byModality(
      m,
      'Reply 1, 2 or 3, or NONE if none of them fit.',
      'Say the first, the second, or the third. Or say none of them.',
    ),
  /** Said when none of the offered words fit; the feeling is kept by its family. */
  familyWords: {
    'low-unpleasant': 'drained and unpleasant',
    'high-unpleasant': 'wired and unpleasant',
    'low-pleasant': 'low-key and okay',
    'high-pleasant': 'lively and okay',
  } as const,

  // Reflect: one sentence back, no judgment.
  reflect: {
    'low-unpleasant': (words: string) => `${words}. That makes sense, and naming it is already a step.`,
    'high-unpleasant': (words: string) => `${words}. That's a lot to hold. Naming it is already a step.`,
    'low-pleasant': (words: string) => `${words}. That's worth noticing.`,
    'high-pleasant': (words: string) => `${words}. It's good to notice that.`,
  } as const,

  // A tool.
  offerTool: 'Want to try something for a minute?',
  offerToolReprompt: (m: Modality) =>
    byModality(
      m,
      'Reply 1, 2 or 3. You can also text GROUND, BREATHE, KIND or PARTS.',
      'Say the first, the second, or the third. Or ask for grounding, breathing, or parts.',
    ),
  toolLabels: {
    grounding: 'a grounding exercise',
    breathing: 'slow breathing',
    'self-compassion': 'a kind word to yourself',
    'small-action': 'one small action',
    parts: 'check in with a part of you',
  } as const,
  skipToGoal: 'skip to one small goal',

  grounding: [
    "Let's slow down together.",
    'Look around and find five things you can see.',
    'Four things you can touch.',
    'Three things you can hear.',
    'Two things you can smell.',
    'One thing you can taste, or one slow breath.',
    "You did that. You're here, right now.",
  ],
  breathing: [
    "Let's take three slow breaths.",
    'Breathe in through your nose for four.',
    'Hold it gently.',
    'Now out through your mouth for six.',
    'Again. In for four, and out for six.',
    'One more. In, and slowly out.',
    'Well done.',
  ],
  afterExercise: (m: Modality) =>
    byModality(
      m,
      "Reply OK when you're ready for one small goal, or LATER to leave it there.",
      'When you are ready, say okay.',
    ),
  afterExerciseReprompt: (m: Modality) =>
    // Never "STOP HERE": to a carrier STOP unsubscribes the number (content/service.ts).
    byModality(
      m,
      'Reply OK for one small goal, or LATER to leave it there.',
      'Say okay for one small goal, or say done for now.',
    ),
  compassionAsk: (feeling: string) => `If a friend felt ${feeling}, what would you say to them?`,
  compassionAskPlain: 'If a friend felt this way, what would you say to them?',
  compassionReprompt: 'Even one kind line is enough.',
  compassionReflect: 'Could you say that to yourself, too? You deserve the same kindness.',
  partsAsk: 'Which part of you is loudest right now? What is it worried about?',
  partsReprompt: 'Maybe a worried part, a tired part, or a critical part. Any answer is okay.',
  partsReflect: 'Thank you. That part is trying to look after you. It can be heard without being in charge.',
  smallAction: 'One small action can shift things a little.',

  // One micro-goal.
  offerGoals: "Let's pick one small thing for today.",
  offerGoalsReprompt: (m: Modality) =>
    byModality(
      m,
      'Reply 1, 2 or 3, or text your own.',
      'Say the first, the second, or the third. Or say: something else.',
    ),
  goalNotUnderstood: "I didn't catch which one.",
  pickWhichOne: 'Which one?',
  goalSet: (goal: string) => `Your goal: ${goal}.`,
  smallWinsCount: 'Small wins count.',
  goalFollowUpPromise: "I'll ask how it went next time.",
  goalStandaloneClose: (m: Modality) =>
    byModality(
      m,
      "Text DONE when it's done, or HI to check in.",
      "Next time, tell me if it happened. I'm here any time.",
    ),

  // Journal, optional.
  journalAskTrigger: (m: Modality) =>
    byModality(
      m,
      'A quick note for your journal? What set this off today? Or reply SKIP.',
      'Want to note what set this off? Like work, sleep, or family. Or say skip.',
    ),
  journalTriggerReprompt: (m: Modality) =>
    byModality(
      m,
      'A few words is plenty. Or reply SKIP.',
      'You can say things like work, money, or nothing in particular. Or skip.',
    ),
  journalAskTried: (m: Modality) =>
    byModality(m, 'What did you try?', 'What did you try? Like rest, a walk, or talking to someone.'),
  journalTriedReprompt: (m: Modality) =>
    byModality(
      m,
      'Anything counts, even "nothing yet". Or reply SKIP.',
      'Anything counts, even nothing yet. Or say skip.',
    ),
  journalAskHelped: (m: Modality) =>
    byModality(
      m,
      'How much did it help? 0 is not at all, 3 is a lot.',
      'How much did it help? Not at all, a little, some, or a lot?',
    ),
  journalHelpedReprompt: (m: Modality) =>
    byModality(m, 'Reply 0, 1, 2 or 3, or SKIP.', 'Say not at all, a little, some, or a lot.'),
  /**
   * Nothing is ever sent to a therapist: the journal is the person's own. On voice the
   * journal belongs to the recognised voice or to the whole account, so it promises no "only you".
   */
  journalSaved: (m: Modality) =>
    byModality(m, 'Noted in your journal. Only you see it.', 'Noted in your journal.'),

  // Connection and close.
  connection: (m: Modality) =>
    byModality(
      m,
      'One more small thing: is there someone you could text today? Something like: "Thinking of you. No need to reply."',
      'One more small thing. Is there someone you could send a quick message today? Something like: thinking of you, no need to reply.',
    ),
  close: "Thanks for checking in. A hard day doesn't mean therapy isn't working. I'm here any time.",
  closeShort: "Take care. I'm here any time.",

  // Not understood mid-step.
  notUnderstood: "Sorry, I didn't quite get that.",
} as const;
