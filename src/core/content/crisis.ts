/**
 * Every word of the crisis reply (SAFETY.md is the spec and outranks everything else).
 *
 * Rules for these lines: say plainly this is an automated check-in that cannot help in a
 * crisis; give a number, never a vague "reach out to someone"; never describe or ask about
 * methods; never "committed suicide"; promise no outcome; no "Press 3" (988's veterans
 * option ended in July 2025). Text lines are GSM-7 (straight quotes, no long dashes) and
 * the whole text reply stays within 320 characters. Voice writes numbers as digits
 * ("988"); the Alexa renderer reads them digit by digit.
 */
import type { CrisisRegion, Modality } from '../types.ts';

/** The lines for one place: who to call, and what to say when asked to repeat. */
export interface CrisisLines {
  /** First the line to call (the one repeated on request), then any others, then danger. */
  lines: Record<Modality, readonly string[]>;
  /** The number line alone, for "repeat" / "say it again". */
  repeat: Record<Modality, string>;
  /** Said when the person is silent after the voice reply: offers the number again. */
  reprompt: string;
}

const US_CA_REPROMPT = "Would you like me to say the number again? It's 988.";

export const crisis = {
  opening: {
    text: "This is an automated check-in and can't help in a crisis.",
    voice: "I'm an automated check-in, and I can't help in a crisis.",
  } satisfies Record<Modality, string>,

  /** For "I'm not suicidal" and the like: softer, and the resources still follow in full. */
  openingNegated: {
    text: "Thank you for telling me. Just in case: this is an automated check-in and can't help in a crisis.",
    voice: "Thank you for telling me. Just in case, I'm an automated check-in, and I can't help in a crisis.",
  } satisfies Record<Modality, string>,

  hope: 'Help is available, and reaching out is a brave step.',

  /** Voice only: the last beat, so the number can be heard twice. */
  offerRepeat: 'Would you like me to say the number again?',

  regions: {
    US: {
      lines: {
        text: [
          'Call or text 988 (Suicide & Crisis Lifeline) any time, or chat at 988lifeline.org.',
          'Or text HOME to 741741 (Crisis Text Line).',
          "If you're in immediate danger, call 911.",
        ],
        voice: [
          'Please call or text 988, the Suicide and Crisis Lifeline, any time.',
          'You can also chat at 988lifeline.org, or text HOME to 741741.',
          "If you're in immediate danger, call 911.",
        ],
      },
      repeat: {
        text: 'Call or text 988 (Suicide & Crisis Lifeline) any time.',
        voice: 'The number is 988. Call or text 988, any time.',
      },
      reprompt: US_CA_REPROMPT,
    },
    // Canada's 988 is its own service; the US chat site and 741741 are not given there.
    CA: {
      lines: {
        text: [
          'Call or text 988 (Suicide Crisis Helpline) any time.',
          "If you're in immediate danger, call 911.",
        ],
        voice: [
          'Please call or text 988, the Suicide Crisis Helpline, any time.',
          "If you're in immediate danger, call 911.",
        ],
      },
      repeat: {
        text: 'Call or text 988 (Suicide Crisis Helpline) any time.',
        voice: 'The number is 988. Call or text 988, any time.',
      },
      reprompt: US_CA_REPROMPT,
    },
    GB: {
      lines: {
        text: ['Call Samaritans free on 116 123, any time.', "If you're in immediate danger, call 999."],
        voice: [
          'Please call Samaritans, free, on 116 123, any time.',
          "If you're in immediate danger, call 999.",
        ],
      },
      repeat: {
        text: 'Call Samaritans free on 116 123, any time.',
        voice: 'The number is 116 123. Samaritans, free, any time.',
      },
      reprompt: "Would you like me to say the number again? It's 116 123.",
    },
    IE: {
      lines: {
        text: [
          'Call Samaritans free on 116 123, any time.',
          "If you're in immediate danger, call 112 or 999.",
        ],
        voice: [
          'Please call Samaritans, free, on 116 123, any time.',
          "If you're in immediate danger, call 112 or 999.",
        ],
      },
      repeat: {
        text: 'Call Samaritans free on 116 123, any time.',
        voice: 'The number is 116 123. Samaritans, free, any time.',
      },
      reprompt: "Would you like me to say the number again? It's 116 123.",
    },
    AU: {
      lines: {
        text: ['Call Lifeline on 13 11 14, any time.', "If you're in immediate danger, call 000."],
        voice: ['Please call Lifeline on 13 11 14, any time.', "If you're in immediate danger, call 000."],
      },
      repeat: {
        text: 'Call Lifeline on 13 11 14, any time.',
        voice: 'The number is 13 11 14. Lifeline, any time.',
      },
      reprompt: "Would you like me to say the number again? It's 13 11 14.",
    },
    NZ: {
      lines: {
        text: ['Call or text 1737 any time, free.', "If you're in immediate danger, call 111."],
        voice: ['Please call or text 1737, free, any time.', "If you're in immediate danger, call 111."],
      },
      repeat: {
        text: 'Call or text 1737 any time, free.',
        voice: 'The number is 1737. Call or text 1737, free, any time.',
      },
      reprompt: "Would you like me to say the number again? It's 1737.",
    },
    IN: {
      lines: {
        text: ['Call Tele-MANAS free on 14416, any time.', "If you're in immediate danger, call 112."],
        voice: [
          'Please call Tele MANAS, free, on 14416, any time.',
          "If you're in immediate danger, call 112.",
        ],
      },
      repeat: {
        text: 'Call Tele-MANAS free on 14416, any time.',
        voice: 'The number is 14416. Tele MANAS, free, any time.',
      },
      reprompt: "Would you like me to say the number again? It's 14416.",
    },
    // No one line covers everywhere: the local emergency number, and a directory of free lines.
    OTHER: {
      lines: {
        text: [
          'Please call your local emergency number now.',
          'You can find a free helpline near you at findahelpline.com.',
        ],
        voice: [
          'Please call your local emergency number now.',
          'You can find a free helpline near you at find a helpline dot com.',
        ],
      },
      repeat: {
        text: 'Please call your local emergency number now.',
        voice: 'Please call your local emergency number now.',
      },
      reprompt: 'Would you like me to say that again? Please call your local emergency number.',
    },
  } satisfies Record<CrisisRegion, CrisisLines>,
};

/**
 * Text that carries a crisis line: the renderers never drop such a piece to fit a limit.
 * Covers every number above (a test checks each region's lines against it).
 */
export const CRISIS_NUMBER =
  /\b(988|741741|911|999|112|000|111|116 123|13 11 14|1737|14416)\b|emergency number|find ?a ?helpline/i;
