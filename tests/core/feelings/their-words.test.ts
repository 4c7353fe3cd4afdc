/**
 * Their words, never harsher (issue 10, item 2): a self-judgement is said back as the person
 * said it and leads to a kind word to oneself; no word is ever upgraded to a harsher or a
 * clinical one, in the vocabulary (what voice says back and the journal keeps) or in a reply.
 */
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/core/crisis/gate.ts';
import { matchFeelings } from '../../../src/core/feelings/match.ts';
import { SAID_BACK_AS_WORD, toThem, toYou } from '../../../src/core/feelings/said-back.ts';
import {
  FEELINGS,
  type Feeling,
  familyOf,
  feelingPhrases,
  SPOKEN_FEELINGS,
} from '../../../src/core/feelings/vocabulary.ts';
import type { Input } from '../../../src/core/types.ts';
import { Conversation } from '../conversation.ts';

/** Slang for a label, which is the person saying the label: "depresso" is "depressed". */
const SAYS_THE_LABEL: Readonly<Record<string, string>> = { depresso: 'depressed' };
const said = (phrase: string): string => SAYS_THE_LABEL[phrase] ?? phrase;

/** Labels from a clinic, never said to a person who did not say them first. */
const CLINICAL_LABELS = [
  'apathetic',
  'apathy',
  'anhedonic',
  'anhedonia',
  'dysphoric',
  'dysphoria',
  'dysthymic',
  'depressive',
  'depressed',
  'manic',
  'hypomanic',
  'catatonic',
  'dissociative',
  'dissociated',
  'psychotic',
  'paranoid',
  'antisocial',
  'borderline',
  'neurotic',
  'obsessive',
  'traumatized',
  'suicidal',
];

/**
 * Harsh words, each with every way of saying it that is reviewed as at least as strong (so
 * keeping it as this word is no upgrade). A new synonym of a harsh word fails here until a
 * person has judged it: milder words get a word of their own.
 */
const HARSH_WORDS: Readonly<Record<string, readonly string[]>> = {
  worthless: [],
  useless: ['so useless', 'good for nothing'],
  'like a failure': ['a failure', 'failure', 'such a failure', 'a total failure'],
  'like a loser': ['a loser', 'loser', 'such a loser'],
  'like a mess': ['a mess', 'a hot mess', 'hot mess', 'such a mess', 'a wreck', 'falling apart'],
  broken: ['broken inside', 'damaged'],
  pathetic: ['so pathetic'],
  unlovable: ['unloveable'],
  'like i hate myself': [
    'i hate myself',
    'hate myself',
    'hating myself',
    'self hatred',
    'self hate',
    'hate who i am',
    'disgusted with myself',
  ],
  hopeless: ['despairing', 'despair'],
  'like nothing matters': ['nothing matters', 'nothing really matters'],
  helpless: ['powerless'],
  miserable: ['wretched', 'misery', 'in misery'],
  heartbroken: ['broken hearted', 'brokenhearted', 'devastated'],
  rejected: ['unwanted'],
  terrified: ['petrified'],
  hangry: [],
  depressed: ['depresso'],
  'not good enough': ['never good enough', 'not enough', 'inadequate'],
  'like a burden': ['a burden', 'burden', 'such a burden'],
  stupid: ['so stupid', 'dumb', 'so dumb', 'an idiot', 'idiot', 'like an idiot'],
  lazy: ['so lazy'],
  ashamed: ['shame', 'shameful', 'humiliated'],
};

/** [what the person says, the vocabulary word it must be kept as: their own word or closest]. */
const SELF_JUDGEMENTS: ReadonlyArray<readonly [string, string]> = [
  ['I feel like a failure', 'like a failure'],
  ["I'm a failure", 'like a failure'],
  ['useless', 'useless'],
  ["I'm so useless", 'useless'],
  ['a loser', 'like a loser'],
  ['such a loser', 'like a loser'],
  ['feel like a burden', 'like a burden'],
  ['not good enough', 'not good enough'],
  ["I'm never good enough", 'not good enough'],
  ['I hate myself', 'like i hate myself'],
  ["i'm a mess", 'like a mess'],
  ["I'm broken", 'broken'],
  ['i feel so stupid', 'stupid'],
  ["I'm pathetic", 'pathetic'],
  ['worthless', 'worthless'],
  ["I'm unlovable", 'unlovable'],
  ["i'm so lazy", 'lazy'],
  ['ashamed', 'ashamed'],
];

/** Pairs once upgraded, each kept as data: [said, the word it must never become]. */
const ONCE_UPGRADED: ReadonlyArray<readonly [string, string]> = [
  ['useless', 'worthless'],
  ['not good enough', 'worthless'],
  ['a failure', 'worthless'],
  ["i don't care", 'apathetic'],
  ["couldn't care less", 'apathetic'],
  ['nothing matters', 'hopeless'],
  ['at a loss', 'helpless'],
  ['left out', 'rejected'],
  ['unlovable', 'unloved'],
  ['freaked out', 'terrified'],
  ['horrified', 'terrified'],
  ['uneasy', 'anxious'],
  ['hungry', 'hangry'],
  ['suspicious', 'paranoid'],
  ['depressing', 'depressed'],
  ['crushed', 'heartbroken'],
  ['inadequate', 'insecure'],
  ['lazy', 'unmotivated'],
];

const phrasesOf = (feeling: Feeling): string[] => [feeling.word, ...feeling.synonyms];
const hasWord = (text: string, word: string): boolean =>
  new RegExp(`\\b${word.replace(/ /g, '\\s+')}\\b`, 'i').test(text);

describe('self-judgements', () => {
  it.each(SELF_JUDGEMENTS)('"%s" is kept as "%s", a judgement of oneself', (said, word) => {
    // Act
    const [feeling] = matchFeelings(said);

    // Assess
    expect(feeling?.word).toBe(word);
    expect(feeling?.judgesSelf).toBe(true);
  });

  it('all lead to a kind word to oneself: every one is low-energy and unpleasant', () => {
    // Act
    const elsewhere = FEELINGS.filter((f) => f.judgesSelf && familyOf(f) !== 'low-unpleasant');

    // Assess
    expect(elsewhere.map((f) => f.word)).toEqual([]);
  });

  it('are never kept as a harsher word than any way of saying them', () => {
    // Act: every synonym of a harsh word must be one reviewed as at least as strong
    const upgraded = FEELINGS.filter((f) => f.judgesSelf || HARSH_WORDS[f.word]).flatMap((feeling) =>
      feeling.synonyms
        .filter((s) => !(HARSH_WORDS[feeling.word] ?? []).includes(s))
        .map((s) => `${s} -> ${feeling.word}`),
    );

    // Assess
    expect(upgraded).toEqual([]);
  });

  it.each(['this is useless', "you're stupid", 'the plan was a failure', 'what a mess', 'that is so dumb'])(
    'are not read into "%s", which is about something or someone else',
    (text) => {
      // Act
      const found = matchFeelings(text).filter((f) => f.judgesSelf);

      // Assess
      expect(found).toEqual([]);
    },
  );
});

describe('the whole vocabulary', () => {
  it.each(ONCE_UPGRADED)('keeps "%s" from becoming "%s"', (said, harsher) => {
    // Act
    const words = matchFeelings(said).map((f) => f.word);

    // Assess
    expect(words.length).toBeGreaterThan(0);
    expect(words).not.toContain(harsher);
  });

  it('keeps no clinical label as a word for a phrase that did not say it', () => {
    // Act
    const labelled = FEELINGS.flatMap((feeling) =>
      CLINICAL_LABELS.filter((label) => hasWord(feeling.word, label)).flatMap((label) =>
        feeling.synonyms.filter((s) => !hasWord(said(s), label)).map((s) => `${s} -> ${feeling.word}`),
      ),
    );

    // Assess
    expect(labelled).toEqual([]);
  });

  it('never says a clinical label back to anyone who did not say it, for every word and synonym', () => {
    // Act: each phrase as the answer to "What's here right now?", typed
    const saidBack: string[] = [];
    for (const phrase of feelingPhrases().keys()) {
      const c = new Conversation('chat');
      c.send('hi');
      const reply = c.send(phrase).text;
      for (const label of CLINICAL_LABELS) {
        if (hasWord(reply, label) && !hasWord(said(phrase), label)) saidBack.push(`${phrase}: ${reply}`);
      }
    }

    // Assess
    expect(saidBack).toEqual([]);
  });

  it('never says "that makes sense" to a judgement of oneself, typed or resolved by voice', () => {
    // Act
    const agreed: string[] = [];
    for (const feeling of FEELINGS.filter((f) => f.judgesSelf)) {
      for (const input of [
        ...phrasesOf(feeling).map((text): Input => ({ type: 'text', text })),
        { type: 'intent', intent: 'feeling', value: feeling.word } satisfies Input,
      ]) {
        const c = new Conversation(input.type === 'intent' ? 'alexa' : 'chat');
        c.send(input.type === 'intent' ? { type: 'open' } : 'hi');
        const reply = c.send(input).text;
        if (/makes sense/i.test(reply) || !/kindness/.test(reply)) agreed.push(`${feeling.word}: ${reply}`);
      }
    }

    // Assess
    expect(agreed).toEqual([]);
  });

  it('lists only real vocabulary phrases as said back by their word', () => {
    // Act
    const unknown = [...SAID_BACK_AS_WORD].filter((p) => feelingPhrases().get(p) === undefined);

    // Assess
    expect(unknown).toEqual([]);
  });

  it('hides no phrase the crisis gate hears, said as a sentence, behind a slot word it does not hear', () => {
    // Prepare: everyday phrases the gate raises a false alarm on; a word for them loses nothing real
    const KNOWN_FALSE_ALARMS = new Set([
      'proud of myself',
      'sure of myself',
      'unsure of myself',
      'close to someone',
      'on top of the world',
      'nobody gets me',
      'burnt',
      // The classifier's grey band (6% of everyday lines, out of fold) asks about these short ones.
      'looked after',
      'into it',
    ]);

    const heardAsSaid = (phrase: string): boolean =>
      [phrase, `i'm ${phrase}`, `i feel ${phrase}`].some((text) => {
        const heard = assess(text);
        return heard !== null && !heard.mentionOnly;
      });

    // Act: on voice a resolved slot hands the gate only the canonical word
    const hidden = SPOKEN_FEELINGS.flatMap((feeling) =>
      heardAsSaid(feeling.word)
        ? []
        : feeling.synonyms.filter((s) => heardAsSaid(s) && !KNOWN_FALSE_ALARMS.has(s)),
    );

    // Assess
    expect(hidden).toEqual([]);
  });
});

describe('saying it back', () => {
  it.each([
    ['in over my head', 'in over your head', 'in over their head'],
    ['like i hate myself', 'like you hate yourself', 'like they hate themselves'],
    ["like i don't care", "like you don't care", "like they don't care"],
    ['tired', 'tired', 'tired'],
  ])('turns "%s" to "%s" for the person and "%s" for a friend', (phrase, you, them) => {
    // Act
    const said = [toYou(phrase), toThem(phrase)];

    // Assess
    expect(said).toEqual([you, them]);
  });
});
