/**
 * The feelings vocabulary: plain everyday words people actually say, each placed on
 * energy (drained .. wired) and pleasantness (unpleasant .. pleasant), with the slang
 * and phrasings that mean the same thing. Voice stores only these canonical words, and
 * the Alexa slot type is generated from this list, so every word and synonym is a valid
 * slot value (letters, spaces, apostrophes) and appears once in the whole vocabulary.
 */
import type { FeelingFamily } from '../types.ts';
import { once } from './once.ts';
import { PhraseIndex } from './text.ts';

/** A place on one axis: -2 (drained / very unpleasant) .. +2 (wired / very pleasant). */
export type Level = -2 | -1 | 0 | 1 | 2;

export interface Feeling {
  /** The canonical word, stored in the journal and spoken back. */
  word: string;
  /** Other ways of saying it; they resolve to `word`. */
  synonyms: readonly string[];
  /** -2 drained .. +2 wired. */
  energy: Level;
  /** -2 unpleasant .. +2 pleasant. */
  pleasantness: Level;
  /**
   * A judgement of oneself ("useless", "a failure", "I hate myself"): met with warmth and a
   * way to self-compassion, never agreed with ("Useless. That makes sense" would agree).
   * Its `word` is said back after "Feeling" and "If a friend felt", so it reads that way.
   */
  judgesSelf?: true;
  /** A heavy place ("like nothing matters", "heartbroken"): met gently, never with "that makes sense". */
  heavy?: true;
  /**
   * Read in typed words only, never an Alexa slot value. Said aloud ("I feel like a burden")
   * the crisis gate must hear the sentence; a resolved slot would hand the core only our word.
   */
  textOnly?: true;
}

type Marks = Pick<Feeling, 'judgesSelf' | 'heavy' | 'textOnly'>;

function f(
  word: string,
  energy: Level,
  pleasantness: Level,
  synonyms: readonly string[] = [],
  marks: Marks = {},
): Feeling {
  return { word, synonyms, energy, pleasantness, ...marks };
}

const JUDGES_SELF: Marks = { judgesSelf: true };
const HEAVY: Marks = { heavy: true };
/**
 * Read in typed words only: the gate hears it in a sentence ("I feel like a burden"), or one of
 * the skill's free-speech carriers ("I feel like", "I hate", "I don't", "nothing matters")
 * hands the whole sentence to the gate and the core, which read it as typed.
 */
const TEXT_ONLY: Marks = { textOnly: true };
const JUDGES_SELF_TEXT_ONLY: Marks = { judgesSelf: true, textOnly: true };
const HEAVY_TEXT_ONLY: Marks = { heavy: true, textOnly: true };

/** Every feeling word, grouped by family for the reader (the order carries no meaning). */
export const FEELINGS: readonly Feeling[] = [
  // Low energy, unpleasant.
  f('sad', -1, -2, ['unhappy', 'feeling blue', 'sorrowful', 'sad af']),
  f('down', -1, -1, ['kinda down', 'down in the dumps', 'downcast']),
  f('low', -1, -1, ['low mood', 'in a low place']),
  f('heavy', -1, -1, ['heavy hearted', 'heavy heart', 'weighed down']),
  f('numb', -1, -1, [
    'dead inside',
    'feel nothing',
    'feeling nothing',
    "can't feel anything",
    'not feeling anything',
    'shut down',
    'emotionless',
  ]),
  f('empty', -1, -1, ['hollow', 'empty inside', 'void']),
  f('lonely', -1, -2, ['alone', 'lonesome', 'all alone', 'lonely af']),
  f('isolated', -1, -1, ['cut off', 'shut in', 'isolating']),
  f('disconnected', -1, -1, ['detached', 'distant', 'out of touch', 'checked out']),
  f('exhausted', -2, -1, [
    'wiped out',
    'knackered',
    'dead tired',
    'worn out',
    'pooped',
    'shattered',
    'zonked',
  ]),
  f('drained', -2, -1, [
    'no energy',
    'out of energy',
    'running on empty',
    'low energy',
    'zapped',
    'depleted',
  ]),
  f('tired', -1, -1, ['weary', 'worn down', 'tired af']),
  f('burnt out', -2, -2, ['burned out', 'burnout', 'burnt', 'fried', 'running on fumes']),
  f('flat', -1, -1, ['meh', 'blah', 'bleh']),
  // Not "pointless", "no point" or "no hope": the crisis gate hears those (the grey-zone
  // question), and on voice it hears only the resolved word, so they stay out of the slot.
  f('hopeless', -1, -2, ['despairing', 'despair'], HEAVY),
  f('like nothing matters', -1, -2, ['nothing matters', 'nothing really matters'], HEAVY_TEXT_ONLY),
  f('helpless', -1, -2, ['powerless'], HEAVY),
  f('stuck', -1, -1, ['trapped', 'in a rut', 'going nowhere']),
  f('bored', -1, -1, ['boredom', 'bored stiff', 'uninterested']),
  f('unmotivated', -1, -1, ['no motivation', "can't be bothered", 'unproductive']),
  f('sluggish', -1, -1, ['lethargic', 'slow', 'groggy']),
  f('foggy', -1, -1, ['brain fog', 'foggy headed', 'spaced out', 'out of it', 'zoned out', 'fuzzy']),
  f('lost', -1, -1, ['directionless', 'aimless', 'adrift', 'at a loss']),
  f('depressed', -1, -2, ['depresso']),
  f('gloomy', -1, -1, ['dreary', 'glum', 'in a funk', 'depressing']),
  f('miserable', -1, -2, ['wretched', 'misery', 'in misery']),
  f('bad', 0, -1, [
    'shitty',
    'crappy',
    'like crap',
    'like shit',
    'rubbish',
    'lousy',
    'rough',
    'bad day',
    'rough day',
    'hard day',
    'tough day',
    'shit day',
    'crap day',
  ]),
  f('awful', 0, -2, ['terrible', 'horrible', 'dreadful', 'the worst', 'horrid']),
  f('not okay', 0, -1, [
    'not ok',
    'not good',
    'not great',
    'not so great',
    'not fine',
    'not alright',
    'not all right',
    'not well',
    'not so good',
    'not too good',
    'not doing well',
    'not doing good',
    'not doing great',
  ]),
  f('hurt', 0, -2, ['hurting', 'wounded', 'stung']),
  f('heartbroken', -1, -2, ['broken hearted', 'brokenhearted', 'devastated'], HEAVY),
  f('grieving', -1, -2, ['grief', 'mourning', 'bereaved'], HEAVY),
  f('disappointed', -1, -1, ['let down', 'bummed', 'bummed out', 'gutted', 'crushed']),
  f('discouraged', -1, -1, [
    'defeated',
    'deflated',
    'demoralized',
    'demoralised',
    'dejected',
    'disheartened',
  ]),
  f('rejected', 0, -2, ['unwanted']),
  f('left out', 0, -1, ['excluded']),
  f('unloved', -1, -2, ['uncared for', 'not loved']),
  // Judgements of oneself: each keeps the person's own word (never "useless" -> "worthless"),
  // and each leads to a kind word to oneself (low energy, unpleasant: see flow/tools.ts).
  f('worthless', -1, -2, [], JUDGES_SELF),
  f('useless', -1, -2, ['so useless', 'good for nothing'], JUDGES_SELF),
  f('like a failure', -1, -2, ['a failure', 'failure', 'such a failure', 'a total failure'], JUDGES_SELF),
  f('not good enough', -1, -2, ['never good enough', 'not enough', 'inadequate'], JUDGES_SELF),
  f('like a loser', -1, -2, ['a loser', 'loser', 'such a loser'], JUDGES_SELF_TEXT_ONLY),
  f('like a burden', -1, -2, ['a burden', 'burden', 'such a burden'], JUDGES_SELF_TEXT_ONLY),
  f(
    'like a mess',
    -1,
    -2,
    ['a mess', 'a hot mess', 'hot mess', 'such a mess', 'a wreck', 'falling apart'],
    JUDGES_SELF_TEXT_ONLY,
  ),
  f('broken', -1, -2, ['broken inside', 'damaged'], JUDGES_SELF),
  f('stupid', -1, -2, ['so stupid', 'dumb', 'so dumb', 'an idiot', 'idiot', 'like an idiot'], JUDGES_SELF),
  f('pathetic', -1, -2, ['so pathetic'], JUDGES_SELF),
  f('unlovable', -1, -2, ['unloveable'], JUDGES_SELF),
  f('lazy', -1, -1, ['so lazy'], JUDGES_SELF),
  f(
    'like i hate myself',
    -1,
    -2,
    [
      'i hate myself',
      'hate myself',
      'hating myself',
      'self hatred',
      'self hate',
      'hate who i am',
      'disgusted with myself',
    ],
    JUDGES_SELF_TEXT_ONLY,
  ),
  f('ashamed', -1, -2, ['shame', 'shameful', 'humiliated'], JUDGES_SELF),
  f('guilty', -1, -1, ['guilt', 'regretful', 'regret', 'remorseful']),
  f('insecure', 0, -1, ['self conscious', 'unsure of myself']),
  f('vulnerable', -1, -1, ['exposed', 'fragile', 'raw']),
  f('sensitive', 0, -1, ['tender', 'thin skinned']),
  f('tearful', -1, -2, ['teary', 'weepy', 'crying', 'cried', 'close to tears', 'in tears', 'teary eyed']),
  f('withdrawn', -1, -1, ['closed off', 'antisocial', 'want to hide', 'hiding']),
  // Never "apathetic": a clinical label. Said back in their words ("Feeling like you don't care").
  f(
    "like i don't care",
    -1,
    -1,
    ["i don't care", "don't care", "couldn't care less", 'indifferent', 'apathetic'],
    TEXT_ONLY,
  ),
  f('unsettled', 0, -1, [
    'off',
    'feeling off',
    'not myself',
    'out of sorts',
    'off kilter',
    'weird',
    'strange',
  ]),
  f('confused', 0, -1, ['unsure', 'mixed up', 'puzzled']),
  f('conflicted', 0, -1, ['torn', 'mixed feelings', 'ambivalent', 'in two minds', 'of two minds']),
  f('unwell', -1, -1, ['sick', 'ill', 'under the weather', 'poorly', 'run down', 'nauseous', 'queasy']),
  f('invisible', -1, -1, ['unseen', 'ignored', 'overlooked', 'unheard', 'forgotten']),
  f('misunderstood', 0, -1, ['not understood', 'nobody gets me']),
  f('melancholy', -1, -1, ['melancholic', 'wistful', 'bittersweet']),
  f('homesick', -1, -1, ['missing home']),

  // High energy, unpleasant.
  f('anxious', 1, -2, ['anxiety', 'anxy']),
  f('worried', 1, -1, ['worrying', 'worry', 'concerned', 'fretting', 'worried sick']),
  f('nervous', 1, -1, ['nervy', 'butterflies', 'jumpy', 'nerves', 'uneasy', 'apprehensive']),
  f('stressed', 1, -2, [
    'stressed out',
    'stressed af',
    'stress',
    'stressy',
    'stressful',
    'under pressure',
    'pressured',
  ]),
  f('overwhelmed', 1, -2, [
    'swamped',
    'snowed under',
    'drowning',
    'in over my head',
    'overloaded',
    'overwhelming',
    "it's too much",
    "it's all too much",
    'too much going on',
    'out of control',
  ]),
  f('on edge', 1, -1, ['edgy', 'keyed up', 'wound up', 'on tenterhooks']),
  f('tense', 1, -1, ['tight', 'uptight', 'tensed up', 'clenched', 'tension']),
  f('wired', 2, -1, ['hyper', 'amped up', 'overstimulated', 'too much caffeine']),
  f('restless', 1, -1, ['antsy', 'fidgety', "can't settle", "can't sleep", "can't sit still"]),
  f('irritable', 1, -1, [
    'irritated',
    'cranky',
    'grumpy',
    'snappy',
    'prickly',
    'short tempered',
    'tetchy',
    'crabby',
    'moody',
    'touchy',
    'in a mood',
    'grouchy',
  ]),
  f('annoyed', 1, -1, ['irked', 'bothered', 'peeved', 'bugged', 'on my nerves', 'annoying', 'miffed']),
  f('angry', 2, -2, ['mad', 'pissed', 'pissed off', 'angry af', 'angery']),
  f('furious', 2, -2, ['livid', 'fuming', 'enraged', 'raging', 'seething', 'rage']),
  f('frustrated', 1, -2, ['frustrating', 'exasperated', 'frustration']),
  f('fed up', 1, -1, [
    'sick of it',
    'sick and tired',
    'had enough',
    'over it',
    'done with it',
    'sick of everything',
  ]),
  f('resentful', 1, -1, ['bitter', 'resentment', 'salty']),
  f('jealous', 1, -1, ['envious', 'envy', 'jealousy']),
  f('scared', 1, -2, ['afraid', 'frightened', 'fearful', 'shook', 'scared af', 'fear']),
  f('terrified', 2, -2, ['petrified']),
  f('panicky', 2, -2, [
    'panicking',
    'panic',
    'panicked',
    'freaking out',
    'freaked out',
    'panic attack',
    'spiraling',
    'spiralling',
  ]),
  f('upset', 1, -2, ['distressed', 'troubled', 'in a state', 'upsetting']),
  f('agitated', 1, -1, ['riled up', 'worked up', 'churned up', 'stirred up']),
  f('shaken', 1, -2, ['rattled', 'shaken up', 'unnerved', 'thrown', 'in shock', 'horrified']),
  f('jittery', 1, -1, ['shaky', 'trembly', 'jitters', 'the jitters']),
  f('betrayed', 1, -2, ['backstabbed', 'stabbed in the back', 'deceived', 'lied to']),
  f('disgusted', 1, -2, ['grossed out', 'repulsed', 'sickened', 'disgusting']),
  f('impatient', 1, -1, ['out of patience', 'no patience', 'impatience']),
  f('frazzled', 1, -1, ['rushed', 'harried', 'scattered', 'all over the place', 'frantic', 'hectic']),
  f('embarrassed', 1, -1, ['mortified', 'cringe', 'cringey', 'cringing', 'awkward']),
  f('dreading', 1, -2, ['dread', 'filled with dread', 'doom', 'impending doom']),
  f('defensive', 1, -1, ['guarded', 'on guard']),
  f('hungry', 0, -1, ['starving']),
  f('hangry', 1, -1),
  f('suspicious', 1, -1, ['distrustful']),
  f('paranoid', 1, -1),

  // Low energy, pleasant (or neutral).
  f('calm', -1, 1, ['chill', 'chilled', 'chilled out', 'at ease', 'calmer']),
  f('okay', 0, 0, [
    'ok',
    'alright',
    'all right',
    'not bad',
    'not too bad',
    'not that bad',
    'not so bad',
    'so so',
    "can't complain",
    'okayish',
  ]),
  f('fine', 0, 0, ['decent', 'not terrible']),
  f('neutral', 0, 0, ['normal', 'in between', 'middling', 'average', 'nothing much']),
  f('content', 0, 1, ['satisfied', 'contented', 'fulfilled']),
  f('relieved', 0, 1, ['relief', 'phew', 'a weight off', 'weight off my shoulders']),
  f('peaceful', -1, 2, ['at peace', 'serene', 'tranquil', 'zen', 'peace']),
  f('relaxed', -1, 1, ['laid back', 'relaxing', 'unwound']),
  f('rested', -1, 1, ['refreshed', 'well rested', 'recharged']),
  f('cozy', -1, 1, ['cosy', 'snug', 'comfy', 'comfortable']),
  f('safe', 0, 1, ['secure', 'protected', 'sheltered']),
  f('grateful', 0, 2, ['thankful', 'blessed', 'appreciative', 'gratitude', 'thankfulness']),
  f('hopeful', 0, 1, ['optimistic', 'things are looking up', 'looking up']),
  f('sleepy', -2, 0, ['drowsy', 'dozy', 'yawning', 'ready for bed']),
  f('mellow', -1, 1, ['mellowed out', 'easygoing', 'easy going']),
  f('thoughtful', -1, 0, ['reflective', 'pensive', 'contemplative']),
  f('nostalgic', -1, 0, ['sentimental', 'reminiscing']),
  f('comforted', -1, 1, ['soothed', 'reassured']),
  f('accepted', 0, 1, ['included', 'belonging', 'like i belong']),
  f('loved', 0, 2, ['cared for', 'cherished']),
  f('supported', 0, 1, ['held', 'backed', 'looked after']),
  f('connected', 0, 1, ['close to someone', 'in touch', 'bonded']),
  f('good', 0, 1, ['all good', 'gucci', 'not too shabby', 'doing good']),
  f('better', 0, 1, ['improving', 'on the mend', 'getting there']),
  f('steady', 0, 1, [
    'stable',
    'level headed',
    'on an even keel',
    'balanced',
    'centered',
    'centred',
    'grounded',
  ]),
  f('present', 0, 1, ['mindful', 'in the moment']),
  f('lighter', 0, 1, ['unburdened', 'less heavy', 'light hearted', 'lighthearted']),
  f('patient', -1, 1, ['unhurried']),

  // High energy, pleasant.
  f('happy', 1, 2, ['glad', 'cheerful', 'chuffed', 'happy af', 'good mood', 'in a good mood', 'jolly']),
  f('excited', 2, 2, ['pumped', 'stoked', 'psyched', 'hyped', 'buzzing', "can't wait", 'thrilled']),
  f('energized', 2, 1, ['energised', 'energetic', 'full of energy', 'lively', 'peppy', 'charged up']),
  f('proud', 1, 2, ['accomplished', 'proud of myself', 'crushed it', 'killed it', 'nailed it', 'smashed it']),
  f('confident', 1, 1, ['self assured', 'sure of myself', 'capable', 'empowered']),
  f('motivated', 1, 1, ['driven', 'determined', 'fired up', 'ready to go']),
  f('inspired', 1, 2, ['creative', 'inspiration']),
  f('joyful', 2, 2, ['joy', 'elated', 'overjoyed', 'ecstatic', 'on cloud nine', 'over the moon']),
  f('playful', 1, 1, ['silly', 'goofy', 'cheeky']),
  f('curious', 1, 1, ['interested', 'intrigued']),
  f('focused', 1, 1, ['productive', 'in the zone', 'dialed in', 'dialled in', 'focussed']),
  f('alive', 1, 2, ['alert', 'vibrant']),
  f('amused', 1, 1, ['entertained', 'tickled']),
  f('eager', 1, 1, ['keen', 'raring to go', 'up for it']),
  f('enthusiastic', 2, 2, ['enthused', 'into it']),
  f('brave', 1, 1, ['courageous', 'bold', 'daring']),
  f('great', 1, 2, [
    'amazing',
    'awesome',
    'fantastic',
    'brilliant',
    'wonderful',
    'fab',
    'terrific',
    'incredible',
    'never better',
    'never felt better',
    'never been better',
    'on top of the world',
  ]),
  f('lucky', 1, 1, ['fortunate']),
  f('social', 1, 1, ['chatty', 'outgoing', 'sociable']),
  f('giddy', 2, 2, ['giggly', 'bubbly']),
  f('loving', 1, 2, ['affectionate', 'loved up']),
  f('strong', 1, 1, ['resilient', 'powerful']),
];

/**
 * Synonyms read in typed words only, never Alexa slot values. Said as a sentence some are
 * heard by the crisis gate ("I'm dead inside", "I'm ready to go": its grey-zone question), and a
 * resolved slot would hand it only our word ("numb"); others are taken by one of the skill's
 * free-speech carriers, which hands the whole sentence to the gate and the core. Either way
 * the core reads them as typed.
 */
export const TEXT_ONLY_SYNONYMS: ReadonlySet<string> = new Set([
  // The gate hears these in a sentence.
  'dead inside',
  'not myself',
  'want to hide',
  'ready for bed',
  'ready to go',
  // A carrier takes these ("I'm so {query}", "I feel like {query}").
  'so useless',
  'so stupid',
  'so dumb',
  'so pathetic',
  'so lazy',
  'like an idiot',
]);

/** The feelings an Alexa slot may resolve to: all but the text-only ones and phrases. */
export const SPOKEN_FEELINGS: readonly Feeling[] = FEELINGS.filter((feeling) => !feeling.textOnly).map(
  (feeling) => ({ ...feeling, synonyms: feeling.synonyms.filter((s) => !TEXT_ONLY_SYNONYMS.has(s)) }),
);

/**
 * The quadrant of a feeling. Energy 0 counts as low (a plain "sad" or "okay" is not
 * wired) and pleasantness 0 counts as pleasant (neutral is "okay", not "unpleasant").
 */
export function familyOf(feeling: Feeling): FeelingFamily {
  const energy = feeling.energy > 0 ? 'high' : 'low';
  const tone = feeling.pleasantness < 0 ? 'unpleasant' : 'pleasant';
  return `${energy}-${tone}`;
}

/**
 * Every word and synonym, normalised, resolving to its canonical feeling (for matchers).
 * Built on the first call, not at load (see `once`).
 */
export const feelingPhrases: () => PhraseIndex<Feeling> = once(() => {
  const index = new PhraseIndex<Feeling>();
  for (const feeling of FEELINGS) index.add(feeling.word, feeling);
  for (const feeling of FEELINGS) for (const synonym of feeling.synonyms) index.add(synonym, feeling);
  return index;
});

/**
 * The canonical feeling for a word or synonym, ignoring case, spacing and punctuation
 * ("Burned-Out" -> burnt out). Exact phrases only: free text goes through `matchFeelings`.
 */
export function feelingByWord(word: string): Feeling | undefined {
  return feelingPhrases().get(word);
}
