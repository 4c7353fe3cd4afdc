/**
 * Their words, never harsher, by text end to end (issue 10, item 2): signed Twilio requests
 * into the real webhook on dynalite. Each reply is checked against carrier limits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { expectCarrierSafe, startSmsHarness } from './sms-harness.ts';

let db: TestDynamo;
beforeAll(async () => {
  db = await startDynalite();
});
afterAll(async () => {
  await db.close();
});

const NEVER_SAID = /\b(worthless|hopeless|apathetic|anhedonic|dysphoric|depressed)\b/i;
const NOT_CAUGHT = /not sure I caught a feeling/i;
let phone = 14155550300;

/** Texts HI, then `lines`; every reply within carrier limits. */
async function texts(lines: readonly string[]): Promise<string[]> {
  phone += 1;
  const h = await startSmsHarness({ db, phone: `+${phone}` });
  try {
    await h.send('HI');
    const replies: string[] = [];
    for (const line of lines) {
      const exchange = await h.send(line);
      expectCarrierSafe(exchange.texts);
      replies.push(exchange.all);
    }
    return replies;
  } finally {
    await h.close();
  }
}

describe('their words, by text', () => {
  it.each([
    ['I feel like a failure', 'Feeling like a failure.', 'If a friend felt like a failure,'],
    ['useless', 'Feeling useless.', 'If a friend felt useless,'],
    ['not good enough', 'Feeling not good enough.', 'If a friend felt not good enough,'],
    ['a loser', 'Feeling like a loser.', 'If a friend felt like a loser,'],
    ['a burden', 'Feeling like a burden.', 'If a friend felt like a burden,'],
    ['I hate myself', 'Feeling like you hate yourself.', 'If a friend felt like they hate themselves,'],
    ["i'm a mess", 'Feeling like a mess.', 'If a friend felt like a mess,'],
    ["I'm broken", 'Feeling broken.', 'If a friend felt broken,'],
    ['stupid', 'Feeling stupid.', 'If a friend felt stupid,'],
    ['pathetic', 'Feeling pathetic.', 'If a friend felt pathetic,'],
  ])('says "%s" back as theirs, kindly, then offers a kind word first', async (said, back, friend) => {
    // Act
    const [reflected, kindWord] = await texts([said, '1']);

    // Assess
    expect(reflected).toContain(back);
    expect(reflected).toContain('you deserve some kindness');
    expect(reflected).not.toMatch(/makes sense/i);
    expect(reflected).not.toMatch(NEVER_SAID);
    expect(reflected).toMatch(/1\) a kind word to yourself/);
    expect(kindWord).toContain(friend);
  });

  it.each([
    ["i don't care", /^Feeling like you don't care\./],
    ['nothing matters', /^Feeling like nothing matters\. That's a lot to carry/],
    ['\u{1F622}', /^Teary\. That makes sense/],
    ['\u{1F494}', /^Feeling heartbroken\. That's a lot to carry/],
  ])('meets "%s" with a fitting reflection and a way on', async (said, reflection) => {
    // Act
    const [reply] = await texts([said]);

    // Assess
    expect(reply).toMatch(reflection);
    expect(reply).not.toMatch(NEVER_SAID);
    expect(reply).not.toMatch(NOT_CAUGHT);
    expect(reply).toMatch(/1\) .+\n2\) .+\n3\) /);
  });

  it('asks the grey-zone question at "whats the point", and never says "hopeless"', async () => {
    // Act
    const [asked, afterNo] = await texts(['whats the point', 'no']);

    // Assess
    expect(asked).toMatch(/are you thinking about suicide\?.*988/s);
    expect(`${asked}\n${afterNo}`).not.toMatch(NEVER_SAID);
  });
});
