import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../../scripts/lib/crisis-corpus.ts';
import { type Assessment, assess } from '../../../src/core/crisis/gate.ts';

/** The lines written against the lists (train split only): every one must behave. */
const regression = loadCorpus('train').filter(
  (l) => l.source === 'regression' || l.source === 'check-in-answers',
);
const riskLines = regression.filter((l) => l.expect !== 'none').map((l) => l.text);
const everydayLines = regression.filter((l) => l.expect === 'none').map((l) => l.text);

const resources = (a: Assessment | null) => a !== null && a.reply !== 'grey';

/** Negated statements: they still reach the reply, with the softer opening. */
const negated = [
  "I'm not suicidal",
  "I'm not suicidal, just tired",
  "I don't want to kill myself",
  "I'm not going to hurt myself",
  'I would never kill myself',
  "I'm not having thoughts of suicide",
  "I don't want to die",
  "I'm not going to end my life",
  'nope, not going to hurt myself',
];

/** Negation elsewhere in the message, an answer "no", or a hedge, softens nothing. */
const notNegated = [
  "I'm not ok, I want to die",
  "I'm not suicidal but I want to die",
  'no, I want to kill myself',
  'nobody would care if I killed myself',
  "I don't know, I want to die",
  'no i just want to die',
  "I can't promise I won't hurt myself tonight",
  'im not sure i wont hurt myself',
  'I cant say I wont kill myself',
];

describe('the crisis gate: its regression lines', () => {
  it('holds the lines it was written against', () => {
    expect(riskLines.length).toBeGreaterThanOrEqual(300);
    expect(everydayLines.length).toBeGreaterThanOrEqual(200);
  });

  it.each(riskLines)('gives the resources for %j', (text) => {
    expect(resources(assess(text))).toBe(true);
  });

  it.each(everydayLines)('raises no alarm for the everyday %j', (text) => {
    expect(resources(assess(text))).toBe(false);
  });
});

describe('the crisis gate: negation', () => {
  it.each(negated)('still gives the resources for %j, with the softer opening', (text) => {
    expect(assess(text)).toMatchObject({ reply: 'crisis', negated: true });
  });

  it.each(notNegated)('does not soften %j because of a negation elsewhere', (text) => {
    expect(assess(text)).toMatchObject({ reply: 'crisis', negated: false });
  });
});

describe('the crisis gate: three replies', () => {
  it.each([
    ['my boyfriend just choked me and he is still in the house', 'violence'],
    ['my husband said he would kill me if i leave', 'violence'],
    ["i'm hiding in the bathroom, he's banging on the door", 'violence'],
    ['I took all my pills an hour ago', 'overdose'],
    ['i swallowed a whole bottle of tylenol', 'overdose'],
    ['my friend sent me a goodbye text and she is not answering', 'someone-else'],
    ["my brother took pills and he won't wake up", 'someone-else'],
    ["i'm scared i'm going to hurt my baby", 'harm-others'],
  ])('answers %j with danger now (%s)', (text, concern) => {
    expect(assess(text)).toMatchObject({ reply: 'danger', concern });
  });

  it('answers a plain crisis with the crisis reply, not danger now', () => {
    expect(assess('i want to kill myself tonight')).toMatchObject({ reply: 'crisis', concern: 'self' });
  });

  it('asks the grey-zone question on a weak signal alone', () => {
    expect(assess("what's the point")).toMatchObject({ reply: 'grey' });
  });

  it.each([
    "I'm walking in a suicide prevention 5k on Saturday",
    'watched a documentary about the crisis line last night',
  ])('gives no full crisis reply to talk about the topic: %j', (text) => {
    expect(resources(assess(text))).toBe(false);
  });

  it('hears being a burden as a crisis, and asks when it is said of one everyday thing', () => {
    expect(resources(assess("i'm a burden to everyone"))).toBe(true);
    expect(resources(assess('being a burden is all i am anymore'))).toBe(true);
    expect(assess('i feel like a burden on my mom with all the rides to physio')?.reply).toBe('grey');
  });

  it('hears unalive said of oneself, not of a bank balance or a boss in a game', () => {
    expect(resources(assess('i unalived my self once and i want to again'))).toBe(true);
    expect(resources(assess('thinking about how to unalive'))).toBe(true);
    expect(assess('lol just unalived my savings on concert tickets')).toBeNull();
    expect(assess('finally unalived the dragon boss after six tries')).toBeNull();
  });

  it('reads dying of shame as the idiom, spelled out or not', () => {
    expect(assess('i want to die of embarrassment, i waved at someone who wasnt waving at me')).toBeNull();
    expect(resources(assess('i want to die'))).toBe(true);
  });

  it('hears a wish to be deleted, but not a wish to be deleted from a list', () => {
    expect(resources(assess('honestly i just want to be deleted'))).toBe(true);
    expect(assess('i want to be deleted from your mailing list')).toBeNull();
  });

  it('marks a message that only speaks of death, so no word of it is reflected back as a feeling', () => {
    expect(assess('my grandpa died last spring and I miss him')).toMatchObject({ mentionOnly: true });
    expect(assess('this traffic is killing me')).toBeNull();
  });
});

describe('the crisis gate: every layer can fire on its own', () => {
  it('hears the lexicon alone (slang)', () => {
    const a = assess('kms');
    expect(resources(a)).toBe(true);
    expect(a?.signals.map((s) => s.layer)).toContain('lexicon');
  });

  it('hears a semantic frame the lexicon has no phrase for', () => {
    const a = assess('honestly being dead sounds peaceful right now');
    expect(a?.signals.some((s) => s.layer === 'frames' && s.strength === 'sure')).toBe(true);
    expect(resources(a)).toBe(true);
  });

  it('hears other languages, and answers in Spanish when the message is Spanish', () => {
    expect(assess('我真的不想活了')).toMatchObject({ reply: 'crisis', language: 'other' });
    expect(assess('je veux mourir')).toMatchObject({ reply: 'crisis', language: 'other' });
    expect(assess('ya no quiero vivir, me quiero morir')).toMatchObject({ reply: 'crisis', language: 'es' });
  });

  it('lets no benign words around a crisis message take its resources away', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...everydayLines),
        fc.constantFrom(...riskLines),
        fc.constantFrom(...everydayLines),
        (before, risk, after) => {
          expect(resources(assess(`${before}\n${risk}\n${after}`))).toBe(true);
        },
      ),
      { numRuns: 300, seed: 20261201 },
    );
  });
});

describe('the crisis gate: memory across turns', () => {
  it('reads a short follow-up in the context of the turn before', () => {
    expect(assess('tonight')).toBeNull();
    expect(assess('tonight', { watchful: true })).toMatchObject({ reply: 'crisis' });
    expect(assess('the pills', { watchful: true })).toMatchObject({ reply: 'crisis' });
  });

  it('hears "I\'m ok now" after a crisis reply as the answer it hoped for, and "not ok now" as before', () => {
    // It used to be the timing of a plan ("now"), so "I'm safe now" got the crisis reply again.
    for (const text of ["i'm ok now", "I'm safe now", 'feeling better now', 'ok now', 'estoy bien ahora']) {
      expect(assess(text, { watchful: true }), text).toBeNull();
    }
    for (const text of [
      "i'm not ok now",
      'not safe now',
      "i'll be fine soon",
      "i'll be ok now",
      "i'm fine now, i have the pills",
      "i'm fine today but tonight i'll do it",
      'no estoy bien ahora',
      'now',
    ]) {
      expect(resources(assess(text, { watchful: true })), text).toBe(true);
    }
  });

  it('reads "I already did" after the safety question as an overdose may be under way', () => {
    expect(assess('i already took them', { watchful: true, askedAboutSafety: true })).toMatchObject({
      reply: 'danger',
      concern: 'overdose',
    });
  });

  it('lowers the classifier bar while watchful, and never raises it', () => {
    for (const text of [...riskLines.slice(0, 50), ...everydayLines.slice(0, 50)]) {
      if (resources(assess(text))) expect(resources(assess(text, { watchful: true }))).toBe(true);
    }
  });
});

describe('the crisis gate: any input at all', () => {
  const valid = (a: Assessment | null) =>
    a === null ||
    (['crisis', 'danger', 'grey'].includes(a.reply) &&
      typeof a.negated === 'boolean' &&
      Array.isArray(a.signals));

  it('answers null or a valid assessment for any unicode string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        expect(valid(assess(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('answers null or a valid assessment for 5,000-character strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 5000, maxLength: 5000 }), (text) => {
        expect(valid(assess(text))).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('hears a crisis phrase at the end of a long message', () => {
    const text = `${'Today was long and I did my laundry. '.repeat(130)}I want to kill myself.`;
    expect(assess(text)).toMatchObject({ reply: 'crisis', negated: false });
  });

  it('answers null for empty text, emoji and control characters alone', () => {
    expect(assess('')).toBeNull();
    expect(assess('\u0000\u0007\u001b[2J')).toBeNull();
    expect(assess('\u{1F600}\u{1F622}\u{1F3B5}')).toBeNull();
  });
});

describe('everyday contexts a whole message sets (frames.json contexts)', () => {
  const expectGreyAtMost = (text: string) => {
    const a = assess(text);
    expect(a === null || a.reply === 'grey', text).toBe(true);
  };
  /** The telling lowers the first lines to the question at most; the second keep the full reply. */
  const loweredUnless = (lowered: readonly string[], kept: readonly string[]) => {
    for (const text of lowered) expectGreyAtMost(text);
    for (const text of kept) expect(resources(assess(text)), text).toBe(true);
  };

  it('asks a story told from a safe place the grey-zone question at most', () => {
    for (const text of [
      'i used to want to die every day and now i actually look forward to things',
      'two years since i stopped self harming and i am so proud',
      'I was suicidal in college. I am doing great now',
    ])
      expectGreyAtMost(text);
  });

  it('keeps the full reply when the story turns to now', () => {
    for (const text of [
      'i used to cut in high school and i picked up a razor again tonight',
      'i was clean for two years and proud of it but lately the urge is back',
      'I used to want to die and now I want to die again',
    ])
      expect(resources(assess(text)), text).toBe(true);
  });

  it('asks a harm avoided, told as a coping win, the grey-zone question at most', () => {
    for (const text of [
      'went for a run instead of hurting myself and honestly it worked',
      'ninety days without cutting, my counselor gave me a bracelet',
    ])
      expectGreyAtMost(text);
  });

  it('asks an urge resisted and passed the grey-zone question at most, unless a death wish or a relapse is in it', () => {
    loweredUnless(
      [
        'i had the urge to hurt myself and i held ice instead and it passed',
        'The suicidal thoughts came back in the autumn and I used my safety plan. It worked.',
      ],
      [
        'the urge to cut came back, held ice instead and it passed but honestly I want to die',
        'had the urge to hurt myself, it passed, but i have the pills ready',
        'the urge came and i held ice but i gave in and cut again',
      ],
    );
  });

  it('keeps the full reply when the harm avoided is still a fight', () => {
    for (const text of [
      'trying to get through tonight without cutting but i cant stop thinking about it',
      'i cant go a day without hurting myself',
    ])
      expect(resources(assess(text)), text).toBe(true);
  });

  it('asks a joke about a petty trouble the grey-zone question at most', () => {
    for (const text of [
      'kms lol the printer jammed right before my presentation',
      "i'd rather die than sit through this zoom meeting lmao",
    ])
      expectGreyAtMost(text);
  });

  it("asks a joke's shape with a subject the grey-zone question at most, but not the phrase and a laugh alone", () => {
    expectGreyAtMost('if I have to sit through one more all-hands meeting I will literally die');
    expectGreyAtMost('omg I’m gonna die my cousin just sent the video of me singing at karaoke');
    expect(resources(assess('ugh kms lol'))).toBe(true);
    expect(resources(assess('lol I want to die, nobody would even notice'))).toBe(true);
  });

  it('keeps the full reply for a petty trouble said in earnest, or with a way or a time', () => {
    for (const text of [
      'another zoom meeting lol and i want to kill myself for real',
      'one more meeting and i swear i will take all the pills tonight lol',
    ])
      expect(resources(assess(text)), text).toBe(true);
  });

  it('never lowers HELP or 988 in a recovery story or a joke', () => {
    for (const text of ['i used to cut but i am proud i stopped, i need help', 'kms lol this meeting. 988'])
      expect(resources(assess(text)), text).toBe(true);
  });

  it("asks someone else's harm, or the topic of self-harm, the grey-zone question at most", () => {
    for (const text of [
      'my cousin overdosed two winters ago and christmas is hard without him',
      'my little sister is self harming and i dont know how to bring it up with my parents',
      'our book club picked a memoir about self harm, heavy but good',
    ])
      expectGreyAtMost(text);
  });

  it('keeps the full reply when the harm is also their own', () => {
    for (const text of [
      'my brother overdosed last year and now i want to die too',
      'i have been self harming since my friend did',
    ])
      expect(resources(assess(text)), text).toBe(true);
  });

  it('lowers nothing when another sentence of the message is sure on its own', () => {
    for (const text of [
      'Ninety days without cutting and I am proud. I bought a rope today.',
      'kms lol this zoom meeting\ni wrote the note last night',
      'my cousin overdosed two winters ago. i have been self harming every night',
    ])
      expect(resources(assess(text)), text).toBe(true);
    expectGreyAtMost("I'm going to kill my brother, he ate my leftovers");
  });

  it('asks a petty quarrel the grey-zone question at most, unless a weapon or "I mean it" is in it', () => {
    const petty = assess("i'm going to kill my brother he ate my leftovers");
    expect(petty === null || petty.reply === 'grey').toBe(true);
    expect(assess("i'm going to kill my brother, he ate my leftovers and i have the knife")?.reply).toBe(
      'danger',
    );
  });

  it('asks an absence with its everyday reason the grey-zone question at most, but not one with despair', () => {
    loweredUnless(
      ["i won't be here tomorrow, i have work", "won't be here tomorrow, i have a dentist appointment"],
      [
        "i won't be here tomorrow",
        "i won't be here next week, nobody will notice, i have work anyway",
        "I won't be here tomorrow. I'm on a trip.\nThe pills are ready",
      ],
    );
  });
});

describe('meanings the new writers showed (frames.json)', () => {
  it("hears someone else's plan to die as someone else in danger now", () => {
    expect(assess("my son said he's going to take his own life this weekend")).toMatchObject({
      reply: 'danger',
      concern: 'someone-else',
    });
  });

  it('hears a past attempt said with the weight of now, and asks about one told alone at least', () => {
    expect(resources(assess('survived three attempts and some days i wish it had worked'))).toBe(true);
    expect(assess('I survived an attempt when I was 19')).not.toBeNull();
  });

  it('hears means counted or calling, but not medicine counted for the week', () => {
    expect(resources(assess('my mums meds are in the drawer and i counted them today'))).toBe(true);
    expect(resources(assess('the knives in the kitchen keep calling to me'))).toBe(true);
    expect(resources(assess('I counted them twice, my meds for the week are all in the organiser'))).toBe(
      false,
    );
  });

  it('asks about an injury explained away, and names 911 when someone else may be in danger', () => {
    expect(assess('Had to get stitches. Told A&E it was a kitchen accident.')?.reply).toMatch(/grey|crisis/);
    expect(assess('my dad has chest pains and he has gone grey')?.reply).toBe('danger');
    const missing = assess('my brother went missing after the party');
    expect(missing?.reply === 'danger' || missing?.framing === 'someone-else').toBe(true);
    expect(assess('my friend is not responding to my texts')?.reply).not.toBe('danger');
  });
});

describe('the words themselves (the lexicon mention tier)', () => {
  it('gives the resources for the word said alone or said of oneself', () => {
    for (const text of [
      'suicidal. again.',
      'sucidal agian',
      'razor blade',
      "I'm in crisis at work",
      'I think about suicide a lot',
    ])
      expect(resources(assess(text)), text).toBe(true);
  });

  it("asks the grey-zone question when the word is the news's, a job's or a class's", () => {
    for (const text of [
      'tough overdose case at work',
      'did tiktok ban the word suicide in captions or smth?',
      'Reading about how suicide was a crime in England until 1961',
    ]) {
      const a = assess(text);
      expect(a?.reply, text).toBe('grey');
    }
  });
});
