/**
 * Grounding and breathing by text, as a person meets them: one sense (or one breath) a reply,
 * any reply goes on, "done" / "later" / "done for now" stops at any point, nothing praised
 * before it could have been done, and the crisis gate still reads every reply.
 */
import { describe, expect, it } from 'vitest';
import { smsTexts } from '../../src/channels/sms/render-twiml.ts';
import { Conversation } from './conversation.ts';

const SENSES = [
  /five things you can see/i,
  /four things you can touch/i,
  /three things you can hear/i,
  /two things you can smell/i,
  /one thing you can taste/i,
];
const ALL_SENSES = /\b(see|touch|hear|smell|taste)\b/gi;
/** Praise that only makes sense once something was done. */
const PRAISE = /you did (that|it)|well done|good job|great job|nice work|proud of you/i;
/** Carrier opt-out words: never offered as the answer to a step by text. */
const OPT_OUT_WORD = /\b(stop|stopall|cancel|quit|end|unsubscribe|revoke|optout)\b/i;

/** Someone who has texted before (no first-contact welcome in the way). */
function texter(): Conversation {
  const sms = new Conversation('sms');
  sms.profile = { consentAt: '2026-11-01T09:00:00.000Z' };
  return sms;
}

describe('grounding by text, one sense at a time', () => {
  it('sends one sense a reply, in order, and only then says "You\'re here"', () => {
    const sms = texter();

    const replies = [sms.send('GROUND'), ...['ok', 'k', 'yes', 'next'].map((line) => sms.send(line))];

    replies.forEach((turned, i) => {
      expect(turned.text).toMatch(SENSES[i] as RegExp);
      expect(turned.text.match(ALL_SENSES)).toHaveLength(1);
      expect(turned.text, `round ${i + 1}`).not.toMatch(PRAISE);
      expect(turned.text).not.toMatch(/You're here/);
      expect(turned.reply.end).toBe(false);
    });
    expect(replies[0]?.text).toMatch(/Reply anything for the next one, or DONE to leave it there\./);
    expect(replies.at(-1)?.text).toMatch(/take your time; reply when you're done\./i);
    const after = sms.send('ok');
    expect(after.text).toMatch(/^You're here, right now\. Take care\. I'm here any time\.$/);
    expect(after.reply.end).toBe(true);
  });

  it.each([['idk'], ['1'], ['anxious'], ['a chair, the window, my phone, a mug, the door']])(
    'goes on to the next sense on any reply, here %j, and keeps no feeling from it',
    (answer) => {
      const sms = texter();
      sms.send('GROUND');

      const next = sms.send(answer);

      expect(next.text).toMatch(/four things you can touch/i);
      expect(sms.entries.map((e) => e.kind)).toEqual(['tool']);
    },
  );

  it.each([0, 1, 2, 3])(
    'stops with "done" after %i replies, says that is okay, and sends no further sense',
    (replies) => {
      const sms = texter();
      sms.send('GROUND');
      for (let i = 0; i < replies; i++) sms.send('ok');

      const stopped = sms.send('done');

      expect(stopped.text).toBe(
        "That's okay, we can leave it there. Text GROUND any time to come back to it. Take care. I'm here any time.",
      );
      expect(stopped.reply.end).toBe(true);
      expect(sms.send('ok').text).toMatch(/What's here right now\?/);
    },
  );

  it.each([['later'], ['Later.'], ['maybe later'], ['enough'], ["I'm done"]])('stops with %j', (word) => {
    const sms = texter();
    sms.send('GROUND');
    sms.send('ok');

    const stopped = sms.send(word);

    expect(stopped.text).toMatch(/^That's okay, we can leave it there\./);
    expect(stopped.text).not.toMatch(ALL_SENSES);
  });

  it('"done for now" ends it kindly', () => {
    const sms = texter();
    sms.send('GROUND');

    const stopped = sms.send('done for now');

    expect(stopped.text).toBe("Take care. I'm here any time.");
    expect(stopped.reply.end).toBe(true);
  });

  it('"again" gives the same sense once more', () => {
    const sms = texter();
    sms.send('GROUND');
    sms.send('ok');

    expect(sms.send('again').text).toMatch(/^Now four things you can touch\./);
    expect(sms.send('ok').text).toMatch(/three things you can hear/i);
  });

  it('inside a check-in, finishing goes on to one small goal and stopping leaves the goal up to them', () => {
    const finished = texter();
    finished.send('hi');
    finished.send('on edge');
    finished.send('1');
    for (let i = 0; i < 4; i++) finished.send('ok');
    const goals = finished.send('ok');
    expect(goals.text).toMatch(/^You're here, right now\. Let's pick one small thing for today\./);
    expect(goals.reply.choices).toHaveLength(3);

    const stopped = texter();
    stopped.send('hi');
    stopped.send('on edge');
    stopped.send('1');
    const leftThere = stopped.send('later');
    expect(leftThere.text).toBe(
      "That's okay, we can leave it there. Reply OK when you're ready for one small goal, or LATER to leave it there.",
    );
    const later = stopped.send('later');
    expect(later.text).toBe("Take care. I'm here any time.");
    expect(later.reply.end).toBe(true);
  });

  it('still reads every reply for crisis language in the middle of the exercise', () => {
    const sms = texter();
    sms.send('GROUND');
    sms.send('ok');

    const crisis = sms.send('honestly i want to kill myself');

    expect(crisis.reply.crisis).toBe(true);
    expect(crisis.text).toMatch(/988/);
    expect(crisis.text).not.toMatch(ALL_SENSES);
    expect(sms.state?.step).toBe('crisis');
  });
});

describe('breathing by text, one breath at a time', () => {
  it('sends one breath a reply, three in all, with no praise before they were taken', () => {
    const sms = texter();

    const breaths = [sms.send('BREATHE'), sms.send('ok'), sms.send('ok')];

    for (const breath of breaths) {
      expect(breath.text.match(/in (through your nose )?for four/gi)).toHaveLength(1);
      expect(breath.text.match(/hold/gi)).toHaveLength(1);
      expect(breath.text.match(/out (through your mouth )?for six/gi)).toHaveLength(1);
      expect(breath.text).not.toMatch(PRAISE);
      expect(breath.text).not.toMatch(/Notice how you feel/);
    }
    expect(breaths[0]?.text).toMatch(/^Let's take three slow breaths, one at a time\./);
    expect(sms.send('ok').text).toMatch(/^Notice how you feel now\./);
  });

  it('stops with "later" after the first breath', () => {
    const sms = texter();
    sms.send('BREATHE');

    const stopped = sms.send('later');

    expect(stopped.text).toMatch(/^That's okay, we can leave it there\. Text BREATHE any time/);
  });
});

describe('every exercise reply by text', () => {
  function everyReply(): string[] {
    const seen: string[] = [];
    const runs: string[][] = [
      ['GROUND', 'ok', 'ok', 'ok', 'ok', 'ok'],
      ['BREATHE', 'ok', 'ok', 'ok'],
      ['GROUND', 'later'],
      ['hi', 'on edge', '2', 'no', 'nah'],
      ['hi', 'on edge', '1', 'ok', 'done', 'ok'],
    ];
    for (const run of runs) {
      const sms = texter();
      for (const line of run) {
        const { reply } = sms.send(line);
        seen.push(...reply.beats.map((b) => b.text), reply.reprompt ?? '');
      }
    }
    return seen.filter((text) => text !== '');
  }

  it('never offers a carrier opt-out word as the answer', () => {
    for (const text of everyReply()) expect(text).not.toMatch(OPT_OUT_WORD);
  });

  it('fits in one text within the carrier limits', () => {
    const sms = new Conversation('sms'); // first contact: the welcome comes first
    for (const line of ['GROUND', 'ok', 'ok', 'ok', 'ok', 'ok']) {
      const texts = smsTexts(sms.send(line).reply);
      expect(texts.length).toBeGreaterThanOrEqual(1);
      expect(texts.length).toBeLessThanOrEqual(line === 'GROUND' ? 3 : 1);
    }
  });
});

describe('a stored exercise state', () => {
  it('survives being stored: the next reply picks up at the next sense', () => {
    const sms = texter();
    sms.send('GROUND');
    sms.send('ok');
    sms.state = JSON.parse(JSON.stringify(sms.state));

    expect(sms.send('ok').text).toMatch(/^Three things you can hear\./);
  });

  it('reads a round past the end as the last one, and finishes on the next reply', () => {
    const sms = texter();
    sms.state = {
      v: 1,
      step: 'after-exercise',
      values: { exercise: 'breathing', exerciseRound: 9, standalone: true },
    };

    expect(sms.send('again').text).toMatch(/^One more\. In for four\./);
    expect(sms.send('ok').text).toMatch(/^Notice how you feel now\./);
  });
});
