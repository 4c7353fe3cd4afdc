/**
 * Words of linking Alexa and a phone (flow/link.ts): the code, what linking means, and every
 * answer to a code. What linking means is said on both sides before and after, in plain words:
 * one journal, summaries include both, DELETE on either erases both. SMS words are GSM-7
 * (straight quotes, no dashes).
 */
import type { LinkOutcome, Modality } from '../types.ts';

const byModality = (m: Modality, text: string, voice: string): string => (m === 'voice' ? voice : text);

/** "4, 8, 2, 9, 1, 3": a code said digit by digit, slowly enough to write down. */
export const digitByDigit = (code: string): string => code.split('').join(', ');

/** How long a code lasts, in words; the store keeps it exactly that long (LINK_CODE_TTL_SECONDS). */
const VALID_FOR = '10 minutes';

const MEANS = {
  text: 'Linking makes one journal: summaries include both, and DELETE on either erases both.',
  voice: 'Linking makes one journal: summaries include both sides, and deleting on either side erases both.',
};

export const link = {
  /** The code, with what to do with it and what linking means. */
  code: (m: Modality, code: string) =>
    byModality(
      m,
      `Your code is ${code}. Within ${VALID_FOR}, say to Alexa: "ask my check in, my code is ${code}". ${MEANS.text}`,
      `Here is your code: ${digitByDigit(code)}. Once more: ${digitByDigit(code)}. Within ${VALID_FOR}, text LINK and those six digits to my check in's number. ${MEANS.voice}`,
    ),
  codeReprompt: (code: string) => `Your code is ${digitByDigit(code)}.`,
  /** Linking is only between Alexa and text messages. */
  notHere: 'Linking works between Alexa and text messages: text LINK, or say "link my phone" to Alexa.',

  outcome: (m: Modality, outcome: LinkOutcome, voiceScope?: 'own' | 'account'): string => {
    switch (outcome) {
      case 'linked':
        return byModality(
          m,
          `Linked. Alexa and this phone now keep one journal. ${MEANS.text} Text UNLINK to separate them.`,
          `Linked. ${voiceScope === 'own' ? "I recognise your voice, so it's your own journal that's linked" : voiceScope === 'account' ? "I didn't recognise a voice, so it's this Echo account's journal that's linked" : 'Alexa and your phone now keep one journal'}. ${MEANS.voice} Say "unlink my phone" to separate them.`,
        );
      case 'wrong':
        return byModality(
          m,
          "That code didn't match. Check the six digits and try again, or ask for a new one.",
          "That code didn't match. Check the six digits and try again, or ask for a new one.",
        );
      case 'expired':
        return byModality(
          m,
          `That code has expired: codes last ${VALID_FOR}. Say "link my phone" to Alexa for a new one.`,
          `That code has expired: codes last ${VALID_FOR}. Text LINK to get a new one.`,
        );
      case 'used':
        return 'That code was already used. Codes work once: ask for a new one.';
      case 'tooMany':
        return "That's a few codes that didn't match, so I'll wait a few minutes before trying again. Then ask for a new code.";
      case 'sameChannel':
        return byModality(
          m,
          'That code was made by text. Say it to Alexa instead: "ask my check in, my code is" and the digits.',
          'That code was made on Alexa. Text LINK and the digits from your phone instead.',
        );
      case 'alreadyLinked':
        return 'These two are already linked: one journal already.';
      case 'linkedElsewhere':
        return byModality(
          m,
          'That Alexa is linked to another phone. Say "unlink my phone" to it first.',
          'This Alexa is linked to another phone. Say "unlink my phone" first.',
        );
      case 'unavailable':
        return "I couldn't link them just now, nothing changed. Please try again in a little while.";
    }
  },

  unlinked: (m: Modality) =>
    byModality(
      m,
      'Unlinked. Your phone keeps the journal so far; Alexa starts fresh from now. Text LINK to link again.',
      'Unlinked. Your phone keeps the journal so far, and Alexa starts fresh from now. Say "link my phone" to link again.',
    ),
  notLinked: (m: Modality) =>
    byModality(
      m,
      'This phone is not linked to Alexa. Text LINK if you want to link them.',
      'Alexa is not linked to a phone. Say "link my phone" if you want to link them.',
    ),

  /** The text a linked phone gets when a crisis is spoken to Alexa (GSM-7), before the numbers. */
  crisisTextIntro: 'my check in: the numbers from Alexa just now, to have on your phone.',
  /** Said on Alexa only once that text was accepted for sending. */
  crisisTexted: "I've also texted you the numbers.",

  /** "text me my summary" on Alexa. */
  summaryTexted: "I've texted your summary to your phone.",
  summaryNotTexted:
    "I couldn't text your phone just now. You can text SUMMARY from it any time: it's the same journal.",
  summaryNeedsLink:
    'I can text your summary once Alexa is linked to your phone. Say "link my phone" to start.',
  summaryNoTexts:
    "Your phone hasn't asked to be texted first, so I won't text it. You can text SUMMARY from it any time: it's the same journal.",
  /** The first line of the summary texted to the phone. */
  summaryTextIntro: 'my check in: your summary, as asked on Alexa.',

  /** DELETE on a linked person: both sides go, and they are told so before they say yes. */
  deleteBoth: (m: Modality) =>
    byModality(
      m,
      "Alexa and this phone are linked, so this erases both: the whole journal and goals, and it can't be undone. Reply YES to erase everything, or anything else to keep it.",
      "Alexa and your phone are linked, so this erases both: the whole journal and goals, and it can't be undone. Should I erase everything? Say yes, or no to keep it.",
    ),
};
