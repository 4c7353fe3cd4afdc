/**
 * Name it: free words first; when no word comes, two narrowing questions and three words
 * to pick from. Then one sentence back, without judgment, and the offer of a tool.
 */
import { checkIn } from '../content/check-in.ts';
import { matchFeelings, matchIntensity, namedFeelings, suggestWords } from '../feelings/match.ts';
import { readsAfterFeeling, sayBack } from '../feelings/said-back.ts';
import { type Feeling, familyOf, feelingByWord } from '../feelings/vocabulary.ts';
import { ask, joinWords, sentenceCase } from '../reply.ts';
import { ENERGY_WORDS, PLEASANTNESS_WORDS } from '../short-answers.ts';
import type { Values } from '../state.ts';
import { leadWith, type Outcome, type Turn } from '../turn.ts';
import type { FeelingFamily } from '../types.ts';
import type { Said } from '../understand.ts';
import { offerTools } from './tools.ts';

export function askFeeling(turn: Turn, values: Values = {}): Outcome {
  return {
    state: { step: 'name', values },
    reply: ask([checkIn.askFeeling], checkIn.askFeelingReprompt(turn.modality)),
  };
}

function askEnergy(turn: Turn, values: Values): Outcome {
  return {
    state: { step: 'narrow-energy', values },
    reply: ask([checkIn.askEnergy], checkIn.askEnergyReprompt(turn.modality), {
      choices: checkIn.energyChoices,
    }),
  };
}

function askPleasantness(turn: Turn, values: Values): Outcome {
  return {
    state: { step: 'narrow-pleasantness', values },
    reply: ask([checkIn.askPleasantness], checkIn.askPleasantnessReprompt(turn.modality), {
      choices: checkIn.pleasantnessChoices,
    }),
  };
}

function offerWords(turn: Turn, values: Values, family: FeelingFamily): Outcome {
  const words = suggestWords(family, turn.ctx.seed).map((f) => f.word);
  return {
    state: { step: 'pick-word', values: { ...values, family, offeredWords: words } },
    reply: ask([checkIn.offerWords], checkIn.offerWordsReprompt(turn.modality), { choices: words }),
  };
}

/** The prompt of a naming step, again (for "repeat"). */
export function repeatNaming(turn: Turn, step: string, values: Values): Outcome {
  if (step === 'narrow-energy') return askEnergy(turn, values);
  if (step === 'narrow-pleasantness') return askPleasantness(turn, values);
  if (step === 'pick-word' && values.offeredWords && values.family) {
    return {
      state: { step: 'pick-word', values },
      reply: ask([checkIn.offerWords], checkIn.offerWordsReprompt(turn.modality), {
        choices: values.offeredWords,
      }),
    };
  }
  return askFeeling(turn, values);
}

/** Feelings found in what was said, from free words or a resolved voice value. */
export function feelingsIn(said: Said, raw: string | undefined): Feeling[] {
  if (said.kind === 'pick') {
    const known = feelingByWord(said.value);
    return known ? [known] : matchFeelings(said.value);
  }
  return raw === undefined ? [] : matchFeelings(raw);
}

/**
 * Records named feelings, reflects them back in the person's own words, and offers a tool.
 * The journal keeps the canonical words; the reply says the phrases they used (`said-back.ts`).
 */
export function acceptFeelings(turn: Turn, values: Values, feelings: Feeling[], raw?: string): Outcome {
  const [first] = feelings;
  if (!first) return askFeeling(turn, values);
  const family = familyOf(first);
  const words = feelings.map((f) => f.word);
  const heard = raw === undefined ? [] : namedFeelings(raw);
  const saidBack = feelings.map((f) => sayBack(f, heard.find((h) => h.feeling === f)?.phrase));
  const intensity = raw === undefined ? undefined : matchIntensity(raw);
  for (const feeling of feelings) {
    turn.addEntry({
      kind: 'feeling',
      word: feeling.word,
      family: familyOf(feeling),
      ...(intensity === undefined || feeling !== first ? {} : { intensity }),
    });
  }
  return leadWith(
    [reflection(first, saidBack)],
    offerTools(turn, { ...values, feelings: words, family, offeredWords: undefined, energy: undefined }),
  );
}

/**
 * One sentence back. A judgement of oneself is met with warmth, never "that makes sense"
 * (which would agree with it); a heavy feeling gently; any other by its family.
 */
function reflection(first: Feeling, saidBack: readonly string[]): string {
  const words = joinWords(saidBack);
  if (first.judgesSelf) return checkIn.reflectJudgesSelf(words);
  if (first.heavy) return checkIn.reflectHeavy(words);
  const spoken = readsAfterFeeling(first, saidBack[0] ?? '') ? `feeling ${words}` : words;
  return checkIn.reflect[familyOf(first)](sentenceCase(spoken));
}

function reflectAndOffer(turn: Turn, values: Values, words: string[], family: FeelingFamily): Outcome {
  const sentence = checkIn.reflect[family](sentenceCase(joinWords(words)));
  return leadWith([sentence], offerTools(turn, { ...values, offeredWords: undefined, energy: undefined }));
}

/** Naming is optional: when it does not land, go on to a tool without a word. */
function noWordNeeded(turn: Turn, values: Values): Outcome {
  return leadWith([checkIn.noWordNeeded], offerTools(turn, { ...values, energy: undefined }));
}

/** "not sure", "both", "neither", "skip" while narrowing: no more questions about it. */
function givesUpNaming(said: Said, raw: string | undefined): boolean {
  if (said.kind === 'answer') return ['notSure', 'none', 'skip', 'no'].includes(said.answer);
  return /^\s*(both|either|a bit of both|kind of both|mixed)\W*$/i.test(raw ?? '');
}

/** When none of the offered words fit: keep the feeling by its family, honestly. */
function acceptFamily(turn: Turn, values: Values, family: FeelingFamily): Outcome {
  const phrase = checkIn.familyWords[family];
  turn.addEntry({ kind: 'feeling', word: phrase, family });
  return reflectAndOffer(turn, { ...values, feelings: [phrase], family }, [phrase], family);
}

/** The answer to "What's here right now?". */
export function handleName(
  turn: Turn,
  values: Values,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  const feelings = feelingsIn(said, raw);
  if (feelings.length > 0) return acceptFeelings(turn, values, feelings, raw);
  if (
    said.kind === 'answer' &&
    (said.answer === 'notSure' || said.answer === 'none' || said.answer === 'no')
  ) {
    return leadWith([checkIn.noWordYet], askEnergy(turn, values));
  }
  if (said.kind === 'answer' && said.answer === 'skip') return noWordNeeded(turn, values);
  if (said.kind === 'text' || said.kind === 'pick') {
    return leadWith([checkIn.notAFeeling], askEnergy(turn, values));
  }
  return undefined;
}

const { low: DRAINED, high: WIRED } = ENERGY_WORDS;
const { unpleasant: UNPLEASANT, okay: OKAY } = PLEASANTNESS_WORDS;

function inList(list: readonly string[], said: Said, raw: string | undefined): boolean {
  const value =
    said.kind === 'pick'
      ? said.value
      : (raw ?? '')
          .toLowerCase()
          .trim()
          .replace(/[.!?]+$/, '');
  return list.includes(value);
}

export function handleNarrowEnergy(
  turn: Turn,
  values: Values,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  if ((said.kind === 'choice' && said.index === 0) || inList(DRAINED, said, raw)) {
    return askPleasantness(turn, { ...values, energy: 'low' });
  }
  if ((said.kind === 'choice' && said.index === 1) || inList(WIRED, said, raw)) {
    return askPleasantness(turn, { ...values, energy: 'high' });
  }
  const feelings = feelingsIn(said, raw);
  if (feelings.length > 0) return acceptFeelings(turn, values, feelings, raw);
  if (givesUpNaming(said, raw)) return noWordNeeded(turn, values);
  return undefined;
}

export function handleNarrowPleasantness(
  turn: Turn,
  values: Values,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  const energy = values.energy ?? 'low';
  const saidOkay =
    (said.kind === 'choice' && said.index === 1) ||
    (said.kind === 'answer' && (said.answer === 'ok' || said.answer === 'fine')) ||
    inList(OKAY, said, raw);
  const saidUnpleasant = (said.kind === 'choice' && said.index === 0) || inList(UNPLEASANT, said, raw);
  if (saidUnpleasant) return offerWords(turn, values, `${energy}-unpleasant`);
  if (saidOkay) return offerWords(turn, values, `${energy}-pleasant`);
  const feelings = feelingsIn(said, raw);
  if (feelings.length > 0) return acceptFeelings(turn, values, feelings, raw);
  if (givesUpNaming(said, raw)) return noWordNeeded(turn, values);
  return undefined;
}

export function handlePickWord(
  turn: Turn,
  values: Values,
  said: Said,
  raw: string | undefined,
): Outcome | undefined {
  const offered = values.offeredWords ?? [];
  if (said.kind === 'choice') {
    const word = offered[said.index];
    const feeling = word === undefined ? undefined : feelingByWord(word);
    if (feeling) return acceptFeelings(turn, values, [feeling]);
    return undefined;
  }
  if (
    said.kind === 'answer' &&
    (said.answer === 'none' || said.answer === 'no' || said.answer === 'notSure')
  ) {
    return values.family ? acceptFamily(turn, values, values.family) : askFeeling(turn, values);
  }
  if (said.kind === 'answer' && (said.answer === 'yes' || said.answer === 'ok')) {
    return {
      state: { step: 'pick-word', values },
      reply: ask([checkIn.pickWhichOne], checkIn.offerWordsReprompt(turn.modality), { choices: offered }),
    };
  }
  const feelings = feelingsIn(said, raw);
  if (feelings.length > 0) return acceptFeelings(turn, values, feelings, raw);
  return undefined;
}
