/**
 * Issue 14 on an emulated Echo (virtual-alexa through our interaction model, the real turn
 * runner on dynalite): a safety plan said by choices, paused and resumed, heard back, changed
 * and cleared by voice; after a crisis reply, first and unchanged, "Do you want to hear your
 * plan?"; and the crisis numbers on a simple card, with nothing the person said.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CRISIS_CARD_TITLE } from '../../../src/channels/alexa/crisis-card.ts';
import { renderSsml } from '../../../src/channels/alexa/render-ssml.ts';
import { crisisReply } from '../../../src/core/crisis/crisis-reply.ts';
import { type Harness, startHarness } from './harness.ts';
import { parseSsml } from './ssml.ts';
import { createEmulator, type Emulator, type Heard } from './virtual-alexa.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function say(alexa: Emulator, ...lines: string[]): Promise<Heard[]> {
  const heard: Heard[] = [];
  for (const line of lines) heard.push(await alexa.say(line));
  return heard;
}

const cardOf = (heard: Heard) =>
  (heard.envelope.response as { card?: { type: string; title?: string; content?: string } }).card;

describe('the safety plan on Alexa', () => {
  it('is said by choices one question at a time, paused, resumed with "my plan", and heard back', async () => {
    // Arrange
    const alexa = createEmulator({ skill: h.skill });
    await say(alexa, 'open my check in', 'done for now');

    // Act
    const [, opened, second, , skipped, , paused] = await say(
      alexa,
      'open my check in',
      'make a safety plan',
      'the second one',
      'the first one',
      'skip',
      'the first one',
      'done for now',
    );
    const [, resumed] = await say(alexa, 'open my check in', 'my plan');
    await say(alexa, 'the third one', 'the second one', 'the first one');
    const [, heard] = await say(alexa, 'open my check in', 'read my plan');

    // Assert
    expect(opened?.speech).toContain('There are 7 short questions, and you can say skip to any of them.');
    expect(opened?.speech).toContain(
      'What tells you a hard time might be starting? the first, trouble sleeping; the second, pulling away from people; or the third, feeling hopeless.',
    );
    expect(second?.speech).toMatch(/^Kept\. What can you do on your own/);
    expect(skipped?.speech).toMatch(/^Skipped\. Who could you ask for help\?/);
    expect(paused?.speech).toBe(
      'Your plan is saved so far. Say "my plan" any time to pick up where you stopped.',
    );
    expect(paused?.open).toBe(false);
    expect(resumed?.speech).toMatch(/^Welcome back to your plan\. Picking up at step 5 of 7\./);
    expect(heard?.speech).toBe(
      'Here is your plan. My warning signs: pulling away from people. Things I can do on my own: go for a walk. People I can ask for help: a friend. Professionals and services: a counselor. Making my space safer: be around other people. My reason for living: the people I love. And any time: call or text 988. Say "my plan" any time to hear it again.',
    );
  });

  it('changes a step and clears one by voice', async () => {
    // Arrange
    const alexa = createEmulator({ skill: h.skill });
    await say(
      alexa,
      'open my check in',
      'my safety plan',
      'the first one',
      'the first one',
      'the first one',
      'done for now',
    );

    // Act
    const [, asked, changed] = await say(alexa, 'open my check in', 'change step two', 'the third one');
    const [, cleared] = await say(alexa, 'open my check in', 'clear step three');
    const [, heard] = await say(alexa, 'open my check in', 'read my plan');

    // Assert
    expect(asked?.speech).toMatch(/^Step 2\. What can you do on your own/);
    expect(changed?.speech).toBe('Step 2 is updated.');
    expect(cleared?.speech).toBe('Step 3 is cleared.');
    expect(heard?.speech).toBe(
      'Here is your plan. My warning signs: trouble sleeping. Things I can do on my own: slow breathing. And any time: call or text 988. Say "my plan" any time to hear it again.',
    );
  });

  it('deletes the whole plan by voice, only after a yes', async () => {
    // Arrange
    const alexa = createEmulator({ skill: h.skill });
    await say(alexa, 'open my check in', 'my safety plan', 'the first one', 'done for now');

    // Act
    const [, asked, kept] = await say(alexa, 'open my check in', 'delete my safety plan', 'no');
    // Said plainly, it is the product's own command, never the crisis reply.
    const [, askedPlainly] = await say(alexa, 'open my check in', 'delete my plan', 'no');
    const [, , deleted] = await say(alexa, 'open my check in', 'erase my plan', 'yes');
    const [, heard] = await say(alexa, 'open my check in', 'read my plan');

    // Assert
    expect(asked?.speech).toBe(
      'Should I delete your whole safety plan? Say yes to delete it, or no to keep it.',
    );
    expect(kept?.speech).toBe('Okay, your plan stays as it is.');
    expect(askedPlainly?.speech).toBe(asked?.speech);
    expect(deleted?.speech).toBe('Your safety plan is deleted.');
    expect(heard?.speech).toBe('Your plan has nothing in it yet. Say "make a safety plan" to start it.');
  });

  it('after a crisis reply, first and unchanged, asks "Do you want to hear your plan?"; yes reads its first steps and the number', async () => {
    // Arrange
    const alexa = createEmulator({ skill: h.skill });
    await say(
      alexa,
      'open my check in',
      'my safety plan',
      'the first one',
      'the second one',
      'skip',
      'the first one',
      'done for now',
    );
    const unchanged = parseSsml(
      renderSsml(crisisReply({ region: 'US', modality: 'voice', negated: false })).speech,
    ).text;

    // Act
    const [, crisis, yes] = await say(alexa, 'open my check in', 'I want to die', 'yes');

    // Assert
    expect(crisis?.speech.startsWith(unchanged)).toBe(true);
    expect(crisis?.speech.slice(unchanged.length).trim()).toBe('Do you want to hear your plan?');
    expect(yes?.speech).toBe(
      'From your plan. Things I can do on my own: listen to music. People I can ask for help: a friend. The number is 988. Call or text 988, any time.',
    );
    expect(yes?.speech).not.toContain('trouble sleeping');
    expect(yes?.open).toBe(true);
  });
});

describe('the crisis card', () => {
  it('puts the crisis numbers on a simple card in the Alexa app, and nothing the person said', async () => {
    // Arrange
    const alexa = createEmulator({ skill: h.skill });
    await say(alexa, 'open my check in');

    // Act
    const heard = await alexa.say('I want to die tonight, my name is Robin');
    const card = cardOf(heard);

    // Assert
    expect(card?.type).toBe('Simple');
    expect(card?.title).toBe(CRISIS_CARD_TITLE);
    expect(card?.content).toBe(
      [
        'Please call or text 988, the Suicide and Crisis Lifeline, any time.',
        'You can also chat at 988lifeline.org, or text HOME to 741741.',
        "If you're in immediate danger, call 911.",
      ].join('\n'),
    );
    expect(card?.content).not.toMatch(/Robin|tonight|die/i);
  });

  it('shows no card on an ordinary reply', async () => {
    // Arrange
    const alexa = createEmulator({ skill: h.skill });

    // Act
    const [, heard] = await say(alexa, 'open my check in', 'I feel heavy');

    // Assert
    expect(cardOf(heard as Heard)).toBeUndefined();
  });
});
