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
  /**
   * A judgement of oneself ("useless", "like a failure"): never "that makes sense", which
   * would agree with it; warmth, then a kind word to yourself is the first tool offered.
   */
  reflectJudgesSelf: (words: string) =>
    `Feeling ${words}. That's a hard thing to carry, and you deserve some kindness with it.`,
  /** A heavy place ("like nothing matters", "heartbroken"): met gently, never explained away. */
  reflectHeavy: (words: string) => `Feeling ${words}. That's a lot to carry, and I'm glad you told me.`,

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

  // Grounding and breathing, paced. An exercise is rounds of steps. Spoken, each step is
  // followed by the seconds of quiet it asks for ("in for four" gets four seconds), all in one
  // response. By text each round is its own message, sent when the person replies, so the
  // next sense comes only when they are ready and nothing is praised before it could be done.
  // Any reply goes on; "done", "later" or "done for now" stops. The hints never offer STOP,
  // END or other carrier opt-out words as the answer: by text those unsubscribe.
  grounding: {
    intro: "Let's slow down together, one sense at a time.",
    rounds: [
      // Five things take longer than one: about two seconds each, spoken.
      [{ text: 'Look around and find five things you can see.', seconds: 12 }],
      [{ text: 'Now four things you can touch.', seconds: 9 }],
      [{ text: 'Three things you can hear.', seconds: 8 }],
      [{ text: 'Two things you can smell.', seconds: 6 }],
      [{ text: 'One thing you can taste, or one slow breath.', seconds: 5 }],
    ],
    end: "You're here, right now.",
  },
  breathing: {
    intro: "Let's take three slow breaths, one at a time.",
    rounds: [
      [
        { text: 'Breathe in through your nose for four.', seconds: 4 },
        { text: 'Hold it gently for four.', seconds: 4 },
        { text: 'Now out through your mouth for six.', seconds: 6 },
      ],
      [
        { text: 'Again. In for four.', seconds: 4 },
        { text: 'Hold for four.', seconds: 4 },
        { text: 'And out for six.', seconds: 6 },
      ],
      [
        { text: 'One more. In for four.', seconds: 4 },
        { text: 'Hold for four.', seconds: 4 },
        { text: 'And slowly out for six.', seconds: 6 },
      ],
    ],
    end: 'Notice how you feel now.',
  },
  /** By text, under the first round: how to go on and how to stop. */
  exerciseFirstHint: 'Take your time. Reply anything for the next one, or DONE to leave it there.',
  exerciseNextHint: 'Reply for the next one, or DONE to leave it there.',
  /** Under the last round: any reply now finishes it, "done" included. */
  exerciseLastHint: "Take your time; reply when you're done.",
  exerciseStopped: "That's okay, we can leave it there.",
  exerciseComeBack: (keyword: string) => `Text ${keyword} any time to come back to it.`,
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
  /** Meeting the part the person named, with curiosity ("I see you, hopeless part"). */
  partsAskFor: (feeling: string) =>
    `Let's meet the part of you that feels ${feeling}, with curiosity. What would it want you to know?`,
  partsReprompt: 'Maybe a worried part, a tired part, or a critical part. Any answer is okay.',
  partsReflect: 'Thank you. That part is trying to look after you. It can be heard without being in charge.',
  /** "not sure" at the tool menu: a gentle default rather than the menu again. */
  toolDefault: "Let's try this one together.",
  /** "idk" when asked what they would say to a friend: one they can borrow. */
  compassionDefault: "That's okay. Here's one you could borrow: this is hard, and I'm doing what I can.",
  /** "idk" when asked which part is loudest: curiosity, no name needed. */
  partsDefault: "That's okay. You can just notice that some part of you is here. It doesn't need a name.",
  smallAction: "Let's do one small thing right now. It takes about a minute.",
  /** One of these, to do now; the goal that follows is for later today. */
  smallActions: [
    'Stand up, stretch your arms over your head, and let them drop slowly.',
    'Get a glass of water and drink it slowly.',
    'Open a window or step outside, and take one slow breath of the air.',
    'Put both feet flat on the floor and press them down gently for a few breaths.',
  ],
  smallActionDone: (m: Modality) =>
    byModality(
      m,
      "Take your time. Reply when you're done, or SKIP.",
      "Take your time. Say okay when you're done.",
    ),

  // One micro-goal.
  offerGoals: "Let's pick one small thing for today.",
  offerGoalsReprompt: (m: Modality) =>
    byModality(
      m,
      'Reply 1, 2 or 3, or text your own.',
      'Say the first, the second, or the third. Or say: something else.',
    ),
  goalNotUnderstood: "I didn't catch which one.",
  otherGoals: 'Here are three others.',
  /** After a second "no" at the goal list, or "not sure": declining is an answer too. */
  noGoalToday: 'No goal today is fine too.',
  /** Own words at the goal list that read like what happened, not something to do. */
  confirmOwnGoal: (text: string) => `Keep "${text}" as your goal?`,
  confirmOwnGoalReprompt: 'Reply YES to keep it, or NO to pick again.',
  ownGoalDeclined: 'Okay. Pick one, or type a small thing to do in your own words.',
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
  /** "yes" to "a quick note? what set this off?": the question alone, in plain words. */
  journalTriggerPlain: (m: Modality) =>
    byModality(
      m,
      'Okay. What set it off? A few words is plenty.',
      'Okay. What set it off? Like work, sleep, or family.',
    ),
  /** On a good day the journal asks what helped, not what set it off. */
  journalAskGood: (m: Modality) =>
    byModality(
      m,
      'What helped today? It could be worth telling your therapist. Or reply SKIP.',
      'What helped today? Like rest, a walk, or talking to someone. It could be worth telling your therapist. Or say skip.',
    ),
  journalAskTried: (m: Modality) =>
    byModality(m, 'What did you try?', 'What did you try? Like rest, a walk, or talking to someone.'),
  journalTriedReprompt: (m: Modality) =>
    byModality(m, 'Anything counts, a few words is plenty. Or reply SKIP.', 'Anything counts. Or say skip.'),
  /** "yes" to "what did you try?" or "what helped today?": what it was, in a few words. */
  journalTriedPlain: (m: Modality) =>
    byModality(
      m,
      'What was it? A few words is plenty.',
      'What was it? Like rest, a walk, or talking to someone.',
    ),
  /** "nothing" or "not sure" at a journal question: nothing is kept, and that's fine. */
  journalNothing: "That's okay.",
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

  // Connection, its own question, and then the close, which asks nothing.
  connection: (m: Modality) =>
    byModality(
      m,
      'One more small thing: is there someone you could text today? Something like: "Thinking of you. No need to reply."',
      'One more small thing. Is there someone you could send a quick message today? Something like: thinking of you, no need to reply. Yes, maybe later, or not today?',
    ),
  connectionChoices: ['yes', 'maybe later', 'not today'] as const,
  connectionReprompt: (m: Modality) =>
    byModality(m, 'Reply 1, 2 or 3.', 'You can say yes, maybe later, or not today.'),
  /** What they said about reaching out is kept (never who). */
  connectionAnswered: {
    yes: 'Good. A small message can mean a lot.',
    maybe: 'Okay. It can wait until it feels right.',
    no: "That's okay too.",
  } as const,
  close: "Thanks for checking in. A hard day doesn't mean therapy isn't working. I'm here any time.",
  closeGladDay: "Thanks for checking in. I'm glad today has some good in it. I'm here any time.",
  closeShort: "Take care. I'm here any time.",
  /** After the same question twice with no answer that fits: a way out, never a third time. */
  wayOut: (m: Modality) =>
    byModality(
      m,
      "We can leave it here, that's okay. Text GROUND for a short grounding exercise, or HI any time.",
      "We can leave it here, and that's okay. You can ask me for a grounding exercise, or come back any time.",
    ),

  // Not understood mid-step.
  notUnderstood: "Sorry, I didn't quite get that.",
} as const;
