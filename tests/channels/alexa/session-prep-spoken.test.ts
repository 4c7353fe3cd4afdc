/**
 * Session prep on a speaker (issue 15), through our interaction model (virtual-alexa) and the
 * real turn runner on dynalite: a session date said aloud and said back, the spoken summary
 * of a fortnight of entries under 90 seconds and naming its window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../../src/core/types.ts';
import { type Harness, startHarness } from './harness.ts';
import { parseSsml } from './ssml.ts';
import { createEmulator, type Heard } from './virtual-alexa.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Seconds to say it at about 150 words a minute, with every break the SSML asks for. */
function secondsToSay(heard: Heard): number {
  const words = parseSsml(heard.ssml)
    .text.split(/\s+/)
    .filter((w) => /\w/.test(w)).length;
  const breaks = [...heard.ssml.matchAll(/<break time="(\d+)(ms|s)"\/>/g)].reduce(
    (sum, [, n, unit]) => sum + Number(n) / (unit === 'ms' ? 1000 : 1),
    0,
  );
  return (words * 60) / 150 + breaks;
}

const FEELINGS = ['heavy', 'anxious', 'tired', 'calm', 'lonely', 'hopeful', 'overwhelmed', 'stressed'];
const TRIGGERS = ['work', 'family', 'sleep', 'partner', 'money', 'health'];

/** A fortnight of spoken check-ins (enumerated values only, as voice stores them). */
function fortnight(now: number): JournalEntry[] {
  const entries: JournalEntry[] = [];
  for (let day = 13; day >= 1; day--) {
    const at = (minutes: number) => new Date(now - day * 86_400_000 + minutes * 60_000).toISOString();
    const word = FEELINGS[day % FEELINGS.length] as string;
    entries.push({
      id: `f${day}`,
      at: at(0),
      channel: 'alexa',
      kind: 'feeling',
      word,
      family: 'low-unpleasant',
    });
    entries.push({
      id: `t${day}`,
      at: at(2),
      channel: 'alexa',
      kind: 'tool',
      tool: day % 2 ? 'grounding' : 'breathing',
    });
    entries.push({
      id: `r${day}`,
      at: at(5),
      channel: 'alexa',
      kind: 'reflection',
      trigger: TRIGGERS[day % TRIGGERS.length] as string,
      tried: 'a-walk',
      helped: (day % 4) as 0 | 1 | 2 | 3,
    });
  }
  return entries;
}

describe('session prep on a speaker', () => {
  it('keeps a session date said aloud and says it back as speech', async () => {
    const alexa = createEmulator({ skill: h.skill });
    await alexa.say('open my check in');
    const said = await alexa.say('my next session is thursday at four');
    expect(said.speech).toMatch(
      /^Got it: your next session is Thursday, [A-Z][a-z]+ \d+(st|nd|rd|th) at 4pm\. Your summary will cover the time since your last one\./,
    );
    const { profile } = await h.store.loadTurn(
      h.userIdOf(alexa.alexaUserId()),
      'alexa',
      new Date().toISOString(),
    );
    expect(profile?.sessions?.next?.minute).toBe(16 * 60);
  });

  it('says when a date was not understood, and keeps nothing', async () => {
    const alexa = createEmulator({ skill: h.skill });
    await alexa.say('open my check in');
    const said = await alexa.say('my next session is sometime in december');
    expect(said.speech).toMatch(/^Sorry, I didn't catch a date in that, so I haven't saved anything\./);
    const { profile } = await h.store.loadTurn(
      h.userIdOf(alexa.alexaUserId()),
      'alexa',
      new Date().toISOString(),
    );
    expect(profile?.sessions).toBeUndefined();
  });

  it('says a fortnight in under 90 seconds, naming the window, newest days kept', async () => {
    const alexa = createEmulator({ skill: h.skill });
    await alexa.say('open my check in');
    const userId = h.userIdOf(alexa.alexaUserId());
    for (const entry of fortnight(Date.now())) await h.store.appendEntry(userId, entry);

    const summary = await alexa.say('what should I tell my therapist');

    expect(summary.speech).toMatch(/^Here's what you could tell your therapist about the last 14 days\./);
    expect(summary.speech).toMatch(/Yesterday, you felt \w+, /);
    expect(summary.speech).toMatch(/Would you like to hear that again\?$/);
    expect(secondsToSay(summary)).toBeLessThan(90);
    // Sounds like speech: sentences, no list marks, no dates written as numbers.
    expect(summary.speech).not.toMatch(/\d+\/\d+|[;:] |\n/);
  });
});
