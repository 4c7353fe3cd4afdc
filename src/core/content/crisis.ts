/**
 * Every word of the crisis, danger-now and grey-zone replies (docs/safety.md is the spec and
 * outranks everything else).
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

/** Someone is in danger right now, in the US: 911 first, the line meant for it, then 988. */
export type DangerConcern = 'violence' | 'overdose' | 'someone-else' | 'harm-others';

const EMERGENCY_OPENING = {
  text: "This is an automated check-in and can't help in an emergency.",
  voice: "I'm an automated check-in, and I can't help in an emergency.",
} satisfies Record<Modality, string>;

/**
 * Danger now (docs/safety.md, "Three replies"). US lines in full; elsewhere the place's
 * emergency number first, then its crisis line (the US hotlines do not serve there). Voice
 * writes phone numbers in digit groups, so they are read one digit at a time with pauses.
 */
export const danger = {
  opening: EMERGENCY_OPENING,
  US: {
    violence: {
      text: [
        "If you're in danger now, call 911.",
        'National Domestic Violence Hotline: 1-800-799-7233, or text START to 88788.',
        'You can also call or text 988 any time.',
      ],
      voice: [
        "If you're in danger now, please call 911.",
        'The National Domestic Violence Hotline is 1 800 799 7233. You can also text START to 88788.',
        'And you can call or text 988 any time.',
      ],
    },
    overdose: {
      text: [
        "If you've taken too much of something, call 911 now.",
        'Poison Control: 1-800-222-1222.',
        'Then call or text 988 any time.',
      ],
      voice: [
        "If you've taken too much of something, please call 911 now.",
        'Poison Control is 1 800 222 1222.',
        'And you can call or text 988 any time.',
      ],
    },
    'someone-else': {
      text: [
        'If someone is in danger right now, call 911.',
        '988 helps people worried about someone else too: call or text 988 any time.',
      ],
      voice: [
        'If someone is in danger right now, please call 911.',
        '988 also helps people who are worried about someone else. Call or text 988, any time.',
      ],
    },
    'harm-others': {
      text: [
        'If anyone is in danger right now, call 911.',
        "If you're afraid you might hurt someone, call or text 988 any time. They help with that too.",
      ],
      voice: [
        'If anyone is in danger right now, please call 911.',
        "If you're afraid you might hurt someone, call or text 988, any time. They help with that too.",
      ],
    },
  } satisfies Record<DangerConcern, Record<Modality, readonly string[]>>,
  /** Outside the US: "If you or someone else is in danger right now, call 999." */
  emergencyFirst: (emergency: string) => `If you or someone else is in danger right now, call ${emergency}.`,
  offerRepeat: 'Would you like me to say the numbers again?',
  reprompt: 'Would you like me to say the numbers again? In danger now, call 911.',
};

/** The emergency number of each place, for danger-now replies outside the US. */
export const EMERGENCY_NUMBER: Record<CrisisRegion, string> = {
  US: '911',
  CA: '911',
  GB: '999',
  IE: '112 or 999',
  AU: '000',
  NZ: '111',
  IN: '112',
  OTHER: 'your local emergency number',
};

/**
 * The grey zone: a weak or uncertain signal gets one direct, kind question with the line in
 * the same breath. Asking directly is what safe-messaging guidance recommends; it does not
 * plant the idea. Yes, or anything unclear, leads to the crisis reply.
 */
export const grey = {
  question: {
    text: (line: string) =>
      `Can I ask you directly: are you thinking about suicide? You can ${line} any time. Reply YES or NO.`,
    voice: (line: string) =>
      `Can I ask you something directly? Are you thinking about suicide? You can ${line}, any time.`,
  },
  /**
   * After a recovery story: thanks first, and the question about now. Nothing in it praises
   * or sums up what they said, in case the story was not what it seemed.
   */
  recovery: {
    text: (line: string) =>
      `Thank you for telling me that. Because it came up, can I ask directly: are you having thoughts of suicide now? You can ${line} any time. Reply YES or NO.`,
    voice: (line: string) =>
      `Thank you for telling me that. Because it came up, can I ask you directly? Are you having any thoughts of suicide now? You can ${line}, any time.`,
  },
  /**
   * After someone else's harm (a worry, or grief): the emergency number and the line for people
   * worried about someone, then the question about them. `line` is left out where it is the
   * emergency number itself.
   */
  someoneElse: {
    text: (emergency: string, line?: string) =>
      `That sounds like a lot to carry. If someone is in danger now, call ${emergency}.${line ? ` You can also ${line}: they help people worried about someone else too.` : ''} Can I ask about you too: are you thinking about suicide? Reply YES or NO.`,
    voice: (emergency: string, line?: string) =>
      `That sounds like a lot to carry. If someone is in danger now, please call ${emergency}.${line ? ` You can also ${line}. They help people who are worried about someone else, too.` : ''} Can I ask about you, too? Are you thinking about suicide?`,
  },
  reprompt: (line: string) => `You can say yes or no. And you can ${line}, any time.`,
  /** "No": thanks, the line once more, and back to where they were. */
  thanks: (line: string) => `Thank you for telling me. If that changes, ${line} any time.`,
};

/**
 * Spanish (US): 988 answers in Spanish (call and press 2, or text AYUDA to 988) and Crisis
 * Text Line in Spanish (text AYUDA to 741741). Accents are folded to GSM-7 by the SMS renderer.
 */
export const spanish = {
  opening: 'Este es un servicio automatizado y no puede ayudar en una crisis.',
  openingNegated:
    'Gracias por decírmelo. Por si acaso: este es un servicio automatizado y no puede ayudar en una crisis.',
  crisis: [
    'Llama al 988 y marca 2 para español, o envía AYUDA al 988, a cualquier hora.',
    'También puedes enviar AYUDA al 741741.',
    'Si estás en peligro inmediato, llama al 911.',
  ],
  hope: 'Hay ayuda, y pedirla es un paso valiente.',
  repeat: 'Llama al 988 y marca 2 para español, a cualquier hora.',
  emergencyOpening: 'Este es un servicio automatizado y no puede ayudar en una emergencia.',
  danger: {
    violence: [
      'Si estás en peligro ahora, llama al 911.',
      'Línea Nacional contra la Violencia Doméstica: 1-800-799-7233 (hablan español), o envía START al 88788.',
      'También puedes llamar al 988 y marcar 2.',
    ],
    overdose: [
      'Si tomaste demasiado de algo, llama al 911 ahora.',
      'Control de Envenenamientos: 1-800-222-1222.',
      'Luego llama al 988 y marca 2, a cualquier hora.',
    ],
    'someone-else': [
      'Si alguien está en peligro ahora, llama al 911.',
      'El 988 también ayuda a quien se preocupa por otra persona: llama al 988 y marca 2.',
    ],
    'harm-others': [
      'Si alguien está en peligro ahora, llama al 911.',
      'Si temes hacerle daño a alguien, llama al 988 y marca 2. También ayudan con eso.',
    ],
  } satisfies Record<DangerConcern, readonly string[]>,
  greyQuestion:
    '¿Puedo preguntarte directamente: estás pensando en el suicidio? Puedes llamar al 988 y marcar 2, a cualquier hora. Responde SI o NO.',
  greyReprompt: 'Puedes decir sí o no. Y puedes llamar al 988 y marcar 2, a cualquier hora.',
  /** After a recovery story, and after someone else's harm, as in English (grey above). */
  greyRecovery:
    'Gracias por contármelo. Ya que salió el tema, ¿puedo preguntarte directamente: estás pensando en el suicidio ahora? Puedes llamar al 988 y marcar 2, a cualquier hora. Responde SI o NO.',
  greySomeoneElse:
    'Eso suena difícil de cargar. Si alguien está en peligro ahora, llama al 911. El 988 también ayuda a quien se preocupa por otra persona: llama al 988 y marca 2. ¿Puedo preguntarte también: estás pensando en el suicidio? Responde SI o NO.',
};

/** Another language: the crisis reply, then one line that 988 can help in their language. */
export const anyLanguage = {
  text: '988 can help by phone in your language: call 988 and ask for an interpreter.',
  voice: '988 can help by phone in your language. Call 988 and ask for an interpreter.',
} satisfies Record<Modality, string>;

/**
 * Text that carries a crisis line: the renderers never drop such a piece to fit a limit.
 * Covers every number above (a test checks each region's lines against it).
 */
export const CRISIS_NUMBER =
  /\b(988|741741|911|999|112|000|111|116 123|13 11 14|1737|14416|88788)\b|1.800.799.7233|1.800.222.1222|emergency number|find ?a ?helpline/i;
