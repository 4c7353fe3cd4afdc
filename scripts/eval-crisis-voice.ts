/**
 * `npm run eval:crisis:voice`: the spoken-style lines of the crisis corpus said to the skill
 * through our own interaction model (virtual-alexa), as an Echo would hear them. For each
 * line: did the words reach the crisis gate whole (a carrier intent), and what did the gate
 * answer? An utterance no intent matches is Alexa's fallback, which asks the grey-zone
 * question. Held-out fifth and everything, as `npm run eval:crisis` reports them.
 */
import { assess } from '../src/core/crisis/gate.ts';
import type { Input } from '../src/core/types.ts';
import { listener } from '../tests/channels/alexa/listener.ts';
import { type CorpusLine, loadCorpus } from './lib/crisis-corpus.ts';

/** An Echo through our model whose turn runner only records what reaches the core. */
const heardBySkill = listener();

type Heard = 'resources' | 'grey' | 'nothing';

/**
 * "Alexa, tell my check in ...": a one-shot invocation. Alexa opens the skill and hands it
 * only what follows the invocation name, so that is what the model must match.
 */
const ONE_SHOT = /^(?:alexa,? )?(?:tell|ask) my check ?in,? (?:that |to )?/i;

/**
 * Some writers typed spoken lines without apostrophes ("im", "ive"); Alexa's speech
 * recognition writes contractions with them, and the model's samples are written that way.
 */
const CONTRACTIONS: Record<string, string> = {
  im: "i'm",
  ive: "i've",
  its: "it's",
  dont: "don't",
  cant: "can't",
  theres: "there's",
  thats: "that's",
  whats: "what's",
  everyones: "everyone's",
  didnt: "didn't",
  wont: "won't",
  id: "i'd",
};
const asRecognised = (text: string) =>
  text.replace(ONE_SHOT, '').replace(/\b[a-z]+\b/g, (w) => CONTRACTIONS[w] ?? w);

async function hear(line: CorpusLine): Promise<{ whole: boolean; heard: Heard }> {
  let got: Input | undefined;
  try {
    got = (await heardBySkill(asRecognised(line.text))).input;
  } catch {
    // No intent matched: on a real Echo, AMAZON.FallbackIntent, answered with the grey question.
    return { whole: false, heard: 'grey' };
  }
  if (got?.type === 'intent' && got.intent === 'fallback') return { whole: false, heard: 'grey' };
  if (got?.type !== 'text') return { whole: false, heard: 'nothing' };
  const a = assess(got.text);
  const heard: Heard = a && !a.mentionOnly ? (a.reply === 'grey' ? 'grey' : 'resources') : 'nothing';
  return { whole: true, heard };
}

for (const split of ['held-out', 'train'] as const) {
  const lines = loadCorpus(split).filter((l) => l.style === 'spoken' && l.lang === 'en');
  const risk = { lines: 0, whole: 0, resources: 0, grey: 0 };
  const everyday = { lines: 0, alarms: 0, grey: 0 };
  for (const line of lines) {
    const { whole, heard } = await hear(line);
    if (line.expect === 'none') {
      everyday.lines++;
      if (heard === 'resources') everyday.alarms++;
      if (heard === 'grey') everyday.grey++;
    } else {
      risk.lines++;
      if (whole) risk.whole++;
      if (heard === 'resources') risk.resources++;
      if (heard === 'grey') risk.grey++;
    }
  }
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(1)}%`;
  console.log(
    `${split}: ${risk.lines} spoken risk lines: reached the gate whole ${pct(risk.whole, risk.lines)}, resources ${pct(risk.resources, risk.lines)}, grey question only ${pct(risk.grey, risk.lines)}; ${everyday.lines} everyday: false alarms ${pct(everyday.alarms, everyday.lines)}, grey ${pct(everyday.grey, everyday.lines)}`,
  );
}
