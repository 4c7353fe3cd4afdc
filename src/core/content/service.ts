/**
 * Words about the service itself: first contact, help, data rights, opting out, honest
 * failures, and the session-prep summary. SMS lines follow carrier rules (HELP, STOP,
 * "Msg & data rates may apply") and stay GSM-7.
 */
import type { CrisisRegion, Modality } from '../types.ts';

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
  crisisStillHereReprompt: 'You can say yes to keep going, or no to stop here.',
  crisisClose: (line: string) => `Take care of yourself. Any time, day or night, ${line}.`,

  /** First SMS from a new number. `crisisLine` is the short local line, e.g. "call or text 988". */
  smsWelcome: (crisisLine: string) =>
    `Hi, this is my check in: a short, kind check-in between therapy sessions. It's automated and not for emergencies: ${crisisLine}. It only texts you back. Msg & data rates may apply. Reply HELP for help, STOP to opt out.`,

  helpAbout: (m: Modality) =>
    byModality(
      m,
      'my check in is an automated check-in for the days between therapy sessions, not an emergency service. Text HI to check in, GOAL for one small goal, GROUND to slow down, SUMMARY for your therapist. Reply STOP to opt out, DELETE to erase your data.',
      'You can tell me how you feel, ask for a grounding exercise, ask for a micro goal, or ask what to tell your therapist.',
    ),
  helpReprompt: 'You can say how you feel, or ask for a grounding exercise.',
  /** Voice help: the crisis line first (docs/safety.md), then the local danger line, then what to say. */
  voiceHelpCrisis: (line: string) => `If you're in crisis, ${line}.`,

  fallback: (crisisLine: string) => `Sorry, I didn't catch that. If you're in crisis, ${crisisLine}.`,

  optedBackIn: "Welcome back. You'll get replies again.",
  /** "leave me alone", "stop texting me": kind, and how to stop for good. */
  leaveAlone: (m: Modality) =>
    byModality(
      m,
      "Okay. I'll be quiet. To stop all texts from this number, reply STOP. I'm here if you need me.",
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

  /** The journal could not be read for a summary: say so, rather than "nothing yet". */
  historyUnavailable: "I couldn't open your journal just now, sorry. Please ask again in a little while.",
  saveFailed: "I couldn't save that just now, sorry. Please try again later.",
  eraseFailed: "I couldn't erase everything just now, sorry. Please reply DELETE again in a little while.",

  /** The summary's words are in summary.ts; these two are read elsewhere too. */
  summary: {
    nothingYet: (days: number) =>
      `There's nothing in your journal from the last ${days} days yet. That's okay. You could tell your therapist how this week felt, in one word.`,
    /** Also the Alexa answer slot's values for "how much did it help?" (model-sources.ts). */
    helpedLevel: ['not at all', 'a little', 'some', 'a lot'] as const,
  },
} as const;
