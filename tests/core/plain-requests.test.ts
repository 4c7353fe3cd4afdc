/**
 * Issue 10, item 8: requests in ordinary words. "grounding please", "help me breathe", "i need
 * to calm down", "give me a goal", "what do I say to my therapist", "can we stop", "be kind to
 * me" used to get the plain greeting or "I'm not sure I caught a feeling there". They are
 * understood at any step; they never swallow a person's answer at the journal, nor crisis words.
 */
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../scripts/lib/crisis-corpus.ts';
import { normalizeMessage, requestOf } from '../../src/core/understand.ts';
import { at, EVERY_STEP } from './steps.ts';

/** [what is asked, in ordinary words; what the person then meets] */
const REQUESTS: ReadonlyArray<readonly [string, readonly string[], RegExp]> = [
  [
    'grounding',
    [
      'grounding please',
      'i need to calm down',
      'can we do grounding?',
      'Help me calm down',
      'a grounding exercise please',
    ],
    /Let's slow down together.*five things you can see\./s,
  ],
  [
    'breathing',
    [
      'help me breathe',
      'breathing please',
      'can we do a breathing exercise',
      "let's breathe",
      'i need to breathe',
    ],
    /Let's take three slow breaths/,
  ],
  [
    'a goal',
    [
      'give me a goal',
      'can i have a small goal',
      'i need a goal',
      'help me pick a goal',
      'give me something to do',
    ],
    /Let's pick one small thing for today\. 1\) /,
  ],
  [
    'a kind word',
    [
      'be kind to me',
      'say something kind',
      'i need a kind word',
      'something kind please',
      'some kindness please',
    ],
    /what would you say to them\?/,
  ],
  [
    'the summary',
    [
      'what do I say to my therapist',
      'what should i bring up in therapy',
      'show me my summary',
      'summary please',
    ],
    /^(?:For your therapist, from the last 14 days:|There's nothing in your journal from the last 14 days yet\.)/,
  ],
  ['help', ['can you help me', 'what do i do'], /988.*my check in is an automated check-in/s],
  [
    'to stop',
    [
      'can we stop',
      "let's stop here",
      'done for now',
      "I'm done for now",
      'later',
      'i have to go',
      'stop for now',
    ],
    // "later" at the connection question is "maybe later", and stops an exercise under way;
    // in the journal what was noted is kept first.
    /^(?:(?:Noted in your journal\. Only you see it\. )?Take care\. I'm here any time\.|Okay\. It can wait until it feels right\. .*|That's okay, we can leave it there\. .*)$/,
  ],
];

/** Steps where a request is read as the request (the journal keeps tool words as answers). */
const ORDINARY_STEPS = EVERY_STEP.filter(
  (s) => !['crisis', 'crisis-check', 'grey-check', 'journal-trigger', 'journal-tried'].includes(s),
);

describe('requests in ordinary words, at every step', () => {
  for (const [what, phrasings, meets] of REQUESTS) {
    it.each(ORDINARY_STEPS)(`${what}, by text, at %s`, (where) => {
      for (const words of phrasings) {
        const { person } = at(where, 'sms');
        const { text } = person.send(words);
        expect(text, `${words} at ${where}`).toMatch(meets);
        expect(text, words).not.toMatch(
          /I'm not sure I caught a feeling there|Sorry, I didn't quite get that/,
        );
      }
    });
  }

  it('keeps the check-in going after a tool asked for mid check-in, and closes after one asked for alone', () => {
    // By text an exercise goes one round a reply (tests/core/paced-exercises.test.ts).
    const inside = at('pick-tool', 'sms').person;
    expect(inside.send('help me breathe').text).toMatch(/slow breaths/);
    let last = inside.send('ok');
    while (last.reply.expectsAnswer && !/one small thing/.test(last.text)) last = inside.send('ok');
    expect(last.text).toMatch(/Let's pick one small thing for today/);
    const alone = at('closed', 'sms').person;
    expect(alone.send('grounding please').text).toMatch(/five things you can see/);
    let end = alone.send('ok');
    while (end.reply.expectsAnswer) end = alone.send('ok');
    expect(end.text).toMatch(/Take care\. I'm here any time\.$/);
    expect(end.reply.end).toBe(true);
  });
});

describe('a journal answer stays an answer', () => {
  it.each(['I tried breathing', 'breathing', 'grounding please', 'help me breathe'])(
    '"%s" at "what did you try?" is kept as what they tried',
    (words) => {
      const { person } = at('journal-tried', 'sms');
      const { text } = person.send(words);
      expect(text).toMatch(/How much did it help\?/);
      expect(text).not.toMatch(/slow breaths|five things/);
      expect(person.send('2').text).toMatch(/Noted in your journal/);
      expect(person.entries.find((e) => e.kind === 'reflection')).toMatchObject({
        kind: 'reflection',
        tried: words,
        helped: 2,
      });
    },
  );

  it('keeps "I need to calm down" as what set it off, when that is the answer to the question', () => {
    const { person } = at('journal-trigger', 'sms');
    expect(person.send('i need to calm down').text).toMatch(/What did you try\?/);
  });
});

describe('requests never swallow crisis words or longer sentences', () => {
  it.each([
    'help me breathe, I want to die',
    'can we stop, i want to kill myself',
    'give me a goal. i want to end it all',
    'grounding please i took all my pills',
  ])('"%s" gets the crisis reply', (words) => {
    const { person } = at('pick-tool', 'sms');
    const { text, reply } = person.send(words);
    expect(reply.crisis).toBe(true);
    expect(text).toMatch(/988/);
  });

  it.each([
    'I tried breathing',
    "i can't breathe",
    "i'm done",
    'i give up',
    'my therapist says grounding helps',
    'can we stop talking about my mom',
    'i need to calm down before i do something',
  ])('"%s" is not read as a request', (words) => {
    expect(requestOf(normalizeMessage(words))).toBeUndefined();
  });

  it('reads no line of the crisis corpus (training split) as a request, except asking for help', () => {
    // HELP always reaches the resources (docs/safety.md): the help reply carries them in full.
    const risk = loadCorpus('train').filter((l) => l.expect !== 'none');
    const read = risk
      .map((l) => [l.text, requestOf(normalizeMessage(l.text))] as const)
      .filter(([, request]) => request !== undefined && request !== 'help');
    expect(risk.length).toBeGreaterThan(3000);
    expect(read).toEqual([]);
  });

  it('answers "help me" and "I need help" with the crisis resources first', () => {
    for (const words of ['help me', 'I need help', 'please help']) {
      const { person } = at('name', 'sms');
      const { text, reply } = person.send(words);
      expect(reply.crisis, words).toBe(true);
      expect(text.indexOf('988'), words).toBeLessThan(text.indexOf('my check in is an automated'));
    }
  });
});
