/**
 * Words about the service itself: first contact, help, honest answers about what this is,
 * data rights, opting out, honest failures, and the session-prep summary. SMS lines follow
 * carrier rules (HELP, "Msg & data rates may apply") and stay GSM-7.
 *
 * No line offers a carrier opt-out word (STOP, CANCEL, QUIT, END, UNSUBSCRIBE, STOPALL) as
 * an answer: to a carrier each one unsubscribes the number at once, so "reply STOP HERE"
 * would silence someone who only wanted a pause. The gentle close is "later" or "done for
 * now". `optOutExplained` is the one line that names STOP, to say what it does
 * (tests/core/no-opt-out-prompts.test.ts holds every reply to that).
 */
import type { CrisisRegion, Modality } from '../types.ts';
import type { AboutQuestion } from '../understand.ts';

const byModality = (m: Modality, text: string, voice: string): string => (m === 'voice' ? voice : text);

/** The local crisis line in a few words, for lines that mention it in passing (docs/safety.md). */
const SHORT_CRISIS_LINE: Record<CrisisRegion, string> = {
  US: 'call or text 988',
  CA: 'call or text 988',
  GB: 'call Samaritans on 116 123',
  IE: 'call Samaritans on 116 123',
  AU: 'call Lifeline on 13 11 14',
  NZ: 'call or text 1737',
  IN: 'call Tele-MANAS on 14416',
  OTHER: 'call your local emergency number',
};

export const service = {
  shortCrisisLine: (region: CrisisRegion) => SHORT_CRISIS_LINE[region],

  /** After a crisis reply, when the person says they're fine: gentle, and the line once more. */
  crisisStillHere: (line: string) =>
    `I'm glad you're still here with me. Help is there any time: ${line}. Would you like to keep going with a check-in?`,
  crisisStillHereReprompt: 'You can say yes to keep going, or no to leave it there for now.',
  crisisClose: (line: string) => `Take care of yourself. Any time, day or night, ${line}.`,

  /**
   * First contact, once per person, on every channel: what this is, that it is automated and
   * not for emergencies, and the local line. `crisisLine` is the short line ("call or text 988").
   */
  smsWelcome: (crisisLine: string) =>
    `Hi, this is my check in: a short, kind check-in between therapy sessions. It's automated, not a person, and not for emergencies: ${crisisLine}. It texts first only if you ask. Msg & data rates may apply. ${service.optOutDisclosure}`,
  chatWelcome: (crisisLine: string) =>
    `Hi, this is my check in: a short, kind check-in between therapy sessions. It's automated, not a person, and not for emergencies: ${crisisLine}.`,
  voiceWelcome: (crisisLine: string) =>
    `Hi, this is my check in, a short check-in between therapy sessions. I'm automated, not a person, and not for emergencies. If you're in crisis, ${crisisLine}.`,

  helpAbout: (m: Modality) =>
    byModality(
      m,
      'my check in is an automated check-in for the days between therapy sessions, not an emergency service. Text HI to check in, GOAL for one small goal, GROUND to slow down, SUMMARY for what to tell your therapist, LATER to leave it for now, DELETE to erase your data.',
      'You can tell me how you feel, ask for a grounding exercise, ask for a micro goal, or ask what to tell your therapist. Say done for now whenever you like.',
    ),
  /**
   * The one line that names the carrier's opt-out word, to say what it does (SMS HELP, and
   * "stop texting me"). Never an answer a step offers.
   */
  optOutExplained: 'Texting STOP unsubscribes you from this number; texting START brings you back.',
  /**
   * The disclosure carriers require in a first message to a number: how to get help and how
   * to opt out. It says what STOP does; no prompt ever offers STOP as an answer to a step.
   */
  optOutDisclosure: 'Reply HELP for help, STOP to opt out.',
  helpReprompt: 'You can say how you feel, or ask for a grounding exercise.',
  /** Voice help: the crisis line first (docs/safety.md), then the local danger line, then what to say. */
  voiceHelpCrisis: (line: string) => `If you're in crisis, ${line}.`,

  fallback: (crisisLine: string) => `Sorry, I didn't catch that. If you're in crisis, ${crisisLine}.`,

  optedBackIn: "Welcome back. You'll get replies again.",
  /** "leave me alone", "stop texting me": kind, and how to stop for good. */
  leaveAlone: (m: Modality) =>
    byModality(
      m,
      "Okay. I'll be quiet: this number only texts you back. I'm here if you need me.",
      "Okay. I'm here if you need me.",
    ),

  deleteConfirm: (m: Modality) =>
    byModality(
      m,
      "This erases your whole journal and goals, and can't be undone. Reply YES to erase everything, or anything else to keep it.",
      "This erases your whole journal and goals, and it can't be undone. Should I erase everything? Say yes, or no to keep it.",
    ),
  deleteConfirmReprompt: (m: Modality) =>
    byModality(
      m,
      'Reply YES to erase everything, or NO to keep it.',
      'Say yes to erase everything, or no to keep it.',
    ),
  deleteDone: (m: Modality) =>
    byModality(
      m,
      'Done. Everything of yours is erased. Text HI if you ever want to start again.',
      "Done. Everything of yours is erased. I'm here if you ever want to start again.",
    ),
  deleteKept: 'Okay, nothing was erased.',

  /**
   * Honest answers about what this is, at any step. `line` is the short local crisis line.
   * True as built: nobody reads messages as they come, nothing is ever sent to a therapist,
   * voice keeps only enumerated answers (docs/design.md), and DELETE then YES erases it all.
   */
  about: {
    aboutBot: (m: Modality, line: string) =>
      byModality(
        m,
        `No, I'm not a person. I'm an automated check-in, and nobody reads your messages as they come in. I can't help in an emergency: ${line}.`,
        `No, I'm not a person. I'm an automated check-in, and nobody is listening in. I can't help in an emergency. If you're in crisis, ${line}.`,
      ),
    privacy: (m: Modality, _line: string) =>
      byModality(
        m,
        "What you write here is kept in your own journal, on this service's servers. Nobody is sent it, not your therapist either: you choose what to share. Text DELETE any time to erase it all.",
        "What you tell me is kept for you, on this skill's servers. Nobody is sent it, not your therapist either. I keep only short answers, like a feeling word, never your own sentences. Say delete my data any time to erase it all.",
      ),
    tellTherapist: (m: Modality, line: string) =>
      byModality(
        m,
        `I can't contact your therapist, and nothing is sent to them. You can show them your summary: text SUMMARY to see it. If you need someone before your session, ${line}.`,
        `I can't contact your therapist, and nothing is sent to them. You can ask me what to tell your therapist, and share that in your session. If you need someone before then, ${line}.`,
      ),
    deleteHow: (m: Modality, _line: string) =>
      byModality(
        m,
        "Text DELETE. I'll ask you to reply YES first, then everything of yours is erased for good.",
        "Say delete my data. I'll ask you to say yes first, then everything of yours is erased for good.",
      ),
    capabilities: (m: Modality, line: string) =>
      byModality(
        m,
        `I'm an automated check-in for the days between therapy sessions, not for emergencies (${line}). I can help you name a feeling, try grounding or slow breathing, pick one small goal, and keep a journal you can bring to therapy.`,
        `I'm an automated check-in for the days between therapy sessions. I can help you name a feeling, try grounding or slow breathing, pick one small goal, and keep notes you can bring to therapy. I'm not for emergencies: if you're in crisis, ${line}.`,
      ),
    /** Outside a conversation: the way to start one (the delete answer already says what to do). */
    wayOn: (question: AboutQuestion, m: Modality): string[] =>
      question === 'deleteHow'
        ? []
        : [byModality(m, 'Text HI any time to check in.', 'Say check in any time to start one.')],
  } satisfies Record<AboutQuestion, (m: Modality, line: string) => string> & {
    wayOn: (question: AboutQuestion, m: Modality) => string[];
  },

  /** The journal could not be read for a summary: say so, rather than "nothing yet". */
  historyUnavailable: "I couldn't open your journal just now, sorry. Please ask again in a little while.",
  saveFailed: "I couldn't save that just now, sorry. Please try again later.",
  eraseFailed: "I couldn't erase everything just now, sorry. Please reply DELETE again in a little while.",

  /** The summary's words are in summary.ts; these two are read elsewhere too. */
  summary: {
    /** `window`: "from the last 14 days", "since your session on Tue Nov 24". */
    nothingYet: (window: string) =>
      `There's nothing in your journal ${window} yet. That's okay. You could tell your therapist how this week felt, in one word.`,
    /** Also the Alexa answer slot's values for "how much did it help?" (model-sources.ts). */
    helpedLevel: ['not at all', 'a little', 'some', 'a lot'] as const,
  },
} as const;
