/**
 * Free speech spoken through our interaction model: virtual-alexa resolves each sentence to
 * one of our intents, the skill's one bridge turns the request into the core's Input, and a
 * recording turn runner keeps what the core was handed. Whichever carrier Alexa matched, the
 * core must read the whole sentence, every word in order: half a sentence is what the crisis
 * gate would otherwise read ("to wake up" from "I don't want to wake up").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MODEL_PATH } from '../../../scripts/generate-interaction-model.ts';
import { FREE_SPEECH_CARRIERS } from '../../../src/channels/alexa/intents.ts';
import type { InteractionModel } from '../../../src/channels/alexa/interaction-model.ts';
import type { Input } from '../../../src/core/types.ts';
import { listener } from './listener.ts';
import { sameWords as words } from './same-words.ts';

const hear = listener();

/**
 * Sentences as people start them aloud, crisis-like and ordinary, at least one for every
 * carrier phrase: written for this test, independent of any evaluation set.
 */
const SENTENCES: readonly string[] = [
  // I + a verb or an auxiliary.
  'i feel so far away from everyone',
  'i feel like a ghost in my own house',
  "i'm not sure i can keep doing this",
  "i'm scared of what i might do",
  'i want it all to stop',
  'i wanna go to sleep and not wake up',
  "i don't see the point anymore",
  "i can't take this anymore",
  "i've been giving my things away",
  "i won't be around much longer",
  "i'll be gone by the morning",
  'i think about dying every day',
  'i have a plan',
  "i've got a rope in the garage",
  "i've had enough of everything",
  'i need it to be over',
  "i just can't do it anymore",
  'i cut myself again last night',
  'i gave my dog to my neighbor',
  'i wish i could just disappear forever',
  'i took a lot of my pills',
  'i tried to hang myself last year',
  "i've decided to end my life",
  'i have decided tonight is the night',
  "i decided i'm done fighting",
  'i keep thinking about jumping off the bridge',
  "i hope i don't wake up tomorrow",
  'i hate being alive',
  'i know how i would do it',
  'i should just kill myself',
  "i shouldn't be here anymore",
  'i should not have been born',
  'i would rather be dead',
  "i'd be better off dead",
  'i could drive off the road and no one would care',
  'i was going to jump',
  'i had the pills in my hand',
  "i haven't eaten in three days",
  "i didn't want to wake up this morning",
  'i never want to feel like this again',
  'i used to think things would get better',
  "i'm going to end it tonight",
  "i'm gonna jump off the roof",
  'i swallowed a whole bottle of pills',
  'i wrote a note for my family',
  'i bought a gun last week',
  'i got a rope',
  'i said goodbye to my mom today',
  'i miss my brother so much it hurts',
  "i love my kids but i can't go on",
  'i see no way out of this',
  // Other people.
  'he hits me when he drinks',
  "he's going to kill me",
  "he'll hurt me if i leave",
  'she says the world would be better without me',
  "she's been hurting herself",
  "she'll never forgive me",
  'they would be better off without me',
  "they're all against me",
  "you can't help me",
  "you're the only one i talk to",
  "we broke up and i can't cope",
  'my life is falling apart',
  'my mother said she wishes i was never born',
  'my husband threatened to kill me',
  'my wife left and took the kids',
  'my boyfriend said he would hurt me',
  'my girlfriend keeps telling me to kill myself',
  'my partner locks me in the house',
  'my ex keeps following me',
  'my dad hits me',
  "my mom doesn't know i'm cutting",
  'my friend killed herself last month',
  "my son won't talk to me anymore",
  'my daughter is in the hospital',
  'my brother died in march',
  'my sister found my note',
  'somebody is following me home',
  'someone told me to go die',
  'people would be relieved if i was gone',
  'everybody would be happier if i was gone',
  'no one would notice if i disappeared',
  // It, this, that, there, everything, nothing.
  "it's hopeless and it always will be",
  'it hurts too much to keep going',
  "it'd be better for everyone if i died",
  "it would be easier if i wasn't here",
  'this pain will never end',
  'this is my last night',
  "that's it i'm done",
  'that it makes sense to feel this way',
  'there was a time I was happy',
  'that is the last time i try',
  "there's no way out",
  'there is no reason to keep going',
  'everything is my fault',
  'nothing is ever going to change',
  'nothing will ever get better',
  'nothing matters anymore',
  'all i want is for the pain to stop',
  "everything's too heavy to carry",
  "it'll be over soon",
  'every night i pray i will not wake up',
  'at least my family would get the insurance',
  'tell my sister i am sorry for everything',
  'can i tell you something i have never said out loud',
  // When.
  'tonight is the night',
  "today i'm going to do it",
  "tomorrow i won't be here",
  'tomorrow is the day i end it',
  "tomorrow i'm giving my cat to my neighbor",
  "tonight's the night it stops",
  'after the wedding i am going to end it',
  'once the kids are asleep i will do it',
  'since the funeral i have wanted to die',
  'soon nobody will have to worry about me',
  'by friday i will be gone',
  'as soon as the semester ends i am done',
  'last night i almost jumped',
  'right now i have the knife with me',
  "lately i can't stop thinking about death",
  'sometimes i want to disappear',
  "perhaps it's time to say goodbye",
  // Questions and asks.
  'what would happen if i took all my pills',
  'what if i just stopped eating',
  "what's the point of living",
  "what's the point in trying anymore",
  'why should i keep living',
  'how many pills would it take',
  "when i'm gone they'll be happy",
  'if i died nobody would notice',
  'can you tell me how to end it',
  "will you remember me when i'm gone",
  'do you think my family would miss me',
  'is it normal to want to die',
  'am i a burden to everyone',
  'should i just give up',
  "please help me i'm scared",
  // Death and life.
  'death would be a relief',
  'dying seems easier than this',
  "life isn't worth living",
  'living hurts too much',
  // Yes, no, not, never, and joining words.
  'yes i want to die',
  'yeah i have a plan',
  "no i'm not okay",
  "no i don't want to be here",
  'no way out of this',
  'no point in going on',
  'no reason to live anymore',
  'not worth the air i breathe',
  'not going to be here much longer',
  'not gonna make it through the night',
  'not sure i want to be alive',
  'never going to get better',
  'never gonna be happy again',
  "and then i'll be free",
  "but i don't want to live anymore",
  'because nobody cares about me',
  "cause i can't do this anymore",
  'the last time i saw my dad i wanted to die',
  'the urge to cut is really bad tonight',
  'the only reason i am still here is my dog',
  'the pills are in the drawer and i counted them',
  'the kids would be better off without me',
  'the thought of dying is the only thing that calms me',
  'keep thinking about ending it',
  'last time i saw her i said goodbye for good',
  'got the rope today',
  'took a whole bottle of pills',
  'thinking about ending it all',
  'giving away my stuff because i will not need it',
  'made a plan to end it',
  'found the gun in the closet and i want to use it on myself',
  'did it again and cut myself',
  'went to the bridge to jump',
  'survived two attempts and i still want to die',
  'started self harming again',
  'stopped eating because i want to die',
  'gave my guitar away because i will not need it where i am going',
  'paid everything off before i end it',
  'called my mom to say goodbye for the last time',
  'decided i am going to end it this weekend',
  'wrote letters to everyone for after i am gone',
  'tried to kill myself in march',
  'wearing long sleeves so nobody sees where i cut myself',
  // Ordinary days.
  "my dog is sick and i'm worried",
  'today was a good day',
  'i took a walk after lunch',
  'i wrote in my journal',
  'my sister is getting married',
  'i love my new job',
  "she's coming to visit this weekend",
  'we went to the beach',
  'it rained all day',
  'i got a promotion at work',
  'i had pasta for dinner',
];

/** Filler words before the sentence: the core reads the sentence that follows them. */
const FILLED: ReadonlyArray<[string, string]> = [
  ['well i took too many pills', 'i took too many pills'],
  ['um i have a plan', 'i have a plan'],
  ['uh my ex is outside', 'my ex is outside'],
  ['honestly tonight is the night', 'tonight is the night'],
  ['to be honest nothing matters anymore', 'nothing matters anymore'],
  ['the thing is i bought a gun', 'i bought a gun'],
  ['alexa i want to die', 'i want to die'],
  ['anyway i hate this', 'i hate this'],
  ['hey i do not want to be alive', 'i do not want to be alive'],
  ['bro i am done with life', 'i am done with life'],
  ['listen i wrote my note', 'i wrote my note'],
];

describe('free speech spoken to the skill', () => {
  it('has at least eighty sentences to speak', () => {
    expect(new Set(SENTENCES).size).toBe(SENTENCES.length);
    expect(SENTENCES.length).toBeGreaterThanOrEqual(80);
  });

  it.each(SENTENCES)('"%s" reaches the core whole, every word in order', async (sentence) => {
    // Act
    const { intent, input } = await hear(sentence);

    // Assess
    expect(intent).toMatch(/^FreeSpeech/);
    expect(input?.type).toBe('text');
    expect(words(input?.type === 'text' ? input.text : '')).toBe(words(sentence));
  });

  it.each(FILLED)('"%s" hands the core the sentence after the filler', async (said, sentence) => {
    // Act
    const { intent, input } = await hear(said);

    // Assess
    expect(intent).toBe('FreeSpeechIntent');
    expect(input).toEqual({ type: 'text', text: expect.any(String) });
    expect(words(input?.type === 'text' ? input.text : '')).toBe(words(sentence));
  });

  it('reaches every carrier intent with one of these sentences', async () => {
    // Prepare
    const reached = new Set<string>();

    // Act
    for (const sentence of [...SENTENCES, ...FILLED.map(([said]) => said)]) {
      reached.add((await hear(sentence)).intent);
    }

    // Assess
    const unreached = FREE_SPEECH_CARRIERS.map((c) => c.intent).filter((name) => !reached.has(name));
    expect(unreached).toEqual([]);
  });
});

describe('what the carriers leave to the other intents', () => {
  const OWN: ReadonlyArray<[string, Input]> = [
    ['I feel heavy', { type: 'intent', intent: 'feeling', value: 'heavy' }],
    ['I am feeling heavy', { type: 'intent', intent: 'feeling', value: 'heavy' }],
    ["I'm scared", { type: 'intent', intent: 'feeling', value: 'scared' }],
    ["I'm not okay", { type: 'intent', intent: 'feeling', value: 'not okay' }],
    ["I'm going nowhere", { type: 'intent', intent: 'feeling', value: 'stuck' }],
    ['not good', { type: 'intent', intent: 'feeling', value: 'not okay' }],
    ['no motivation', { type: 'intent', intent: 'feeling', value: 'unmotivated' }],
    ['never better', { type: 'intent', intent: 'feeling', value: 'great' }],
    ['nothing much', { type: 'intent', intent: 'feeling', value: 'neutral' }],
    ["I'll take the first one", { type: 'intent', intent: 'choose', value: '1' }],
    ['I will do the second one', { type: 'intent', intent: 'choose', value: '2' }],
    ["I'll drink a glass of water", { type: 'intent', intent: 'choose', value: 'drink-water' }],
    ['tomorrow', { type: 'intent', intent: 'choose', value: 'tomorrow-first-step' }],
    ['no phone', { type: 'intent', intent: 'choose', value: 'phone-down' }],
    ['yes', { type: 'intent', intent: 'yes' }],
    ['yeah', { type: 'intent', intent: 'yes' }],
    ['no', { type: 'intent', intent: 'no' }],
    ['no thanks', { type: 'intent', intent: 'no' }],
    ['not really', { type: 'intent', intent: 'no' }],
    ['help me calm down', { type: 'intent', intent: 'grounding' }],
    ['I did it', { type: 'intent', intent: 'done' }],
    ['I did', { type: 'intent', intent: 'done' }],
    ["I didn't", { type: 'intent', intent: 'notYet' }],
    ["I haven't done it", { type: 'intent', intent: 'notYet' }],
    ['not yet', { type: 'intent', intent: 'notYet' }],
    ["I'd rather not say", { type: 'intent', intent: 'skip' }],
    ['what should I tell my therapist', { type: 'intent', intent: 'summary' }],
    ['how was my week', { type: 'intent', intent: 'summary' }],
    ['what should I do today', { type: 'intent', intent: 'goal' }],
    ['what can I say', { type: 'intent', intent: 'help' }],
    ["that's all", { type: 'intent', intent: 'stop' }],
    ['never mind', { type: 'intent', intent: 'stop' }],
    ['delete my data', { type: 'intent', intent: 'delete' }],
    ['it was work', { type: 'text', text: 'work' }],
    ['no idea', { type: 'text', text: 'no idea' }],
  ];

  it.each(OWN)('"%s" stays with its own intent', async (phrase, expected) => {
    // Act
    const { intent, input } = await hear(phrase);

    // Assess
    expect(intent).not.toMatch(/^FreeSpeech/);
    expect(input).toEqual(expected);
  });

  /**
   * Taken by a carrier before this list of carriers grew, each still reaching the core as
   * text: virtual-alexa prefers the sample with the most words of its own, and a bare slot has
   * none. The fillers drop a word ("so much" becomes "much").
   */
  const TAKEN_BEFORE = new Set([
    'nobody gets me',
    "it's too much",
    "it's all too much",
    'so so',
    'well rested',
    'so much',
    'i feel like crap',
    'i feel like shit',
    'i feel like a failure',
    'i feel like i belong',
    "i'm feeling blue",
    "i'm feeling nothing",
    'i am feeling blue',
    'i am feeling nothing',
  ]);

  it('takes no phrase, feeling, goal or ordinal another intent owns, and hands short answers over whole', async () => {
    // Prepare: every phrase another intent owns that some carrier phrase begins, in full.
    const model = (JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as InteractionModel).interactionModel
      .languageModel;
    const formsOf = (type: string) =>
      (model.types.find((t) => t.name === type)?.values ?? []).flatMap((v) => [
        v.name.value,
        ...(v.name.synonyms ?? []),
      ]);
    const carrierPhrases = FREE_SPEECH_CARRIERS.flatMap((c) =>
      c.samples.map((sample) => sample.replace('{query}', '').trim().toLowerCase()),
    );
    const owned: Array<{ phrase: string; type: string }> = [];
    for (const intent of model.intents.filter((i) => !i.name.startsWith('FreeSpeech'))) {
      for (const sample of intent.samples) {
        const slot = /\{(\w+)\}/.exec(sample);
        if (!slot) {
          owned.push({ phrase: sample, type: '' });
          continue;
        }
        // A carrier outscores a slot sample only when its own phrase is longer and begins it.
        const own = sample.replace(slot[0], '').trim().toLowerCase();
        if (!carrierPhrases.some((phrase) => own === '' || phrase.startsWith(`${own} `))) continue;
        const type = intent.slots?.find((s) => s.name === slot[1])?.type ?? '';
        for (const form of formsOf(type)) owned.push({ phrase: sample.replace(slot[0], form), type });
      }
    }
    const taken: string[] = [];

    // Act
    for (const { phrase, type } of owned) {
      const { intent, input } = await hear(phrase);
      if (!intent.startsWith('FreeSpeech') || TAKEN_BEFORE.has(phrase.toLowerCase())) continue;
      const whole = input?.type === 'text' && words(input.text) === words(phrase);
      // A short answer reaches the core as its words either way (see request-to-input.ts).
      if (type === 'ANSWER' && whole) continue;
      taken.push(`${phrase} -> ${intent}`);
    }

    // Assess
    expect(owned.length).toBeGreaterThan(1000);
    expect(taken).toEqual([]);
  }, 120_000);
});
