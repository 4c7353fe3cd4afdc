/**
 * Session prep in the conversation (issue 15), through the pure core: session dates said
 * back in plain words, a date not understood keeps nothing, the summary since the last
 * session, SHARE / UNSHARE / EXPORT, and hard moments only as a day, only after INCLUDE.
 */
import { describe, expect, it } from 'vitest';
import { Conversation } from '../conversation.ts';

/** Tuesday 1 December 2026, 10am in New York. */
const START = '2026-12-01T15:00:00.000Z';

const texting = (): Conversation => {
  const c = new Conversation('sms', 'US', START);
  c.send('hi');
  c.profile = { ...c.profile, timeZone: 'America/New_York' };
  return c;
};

const setsSessions = (effects: { type: string }[]) => effects.some((e) => e.type === 'setSessions');

describe('session dates by text', () => {
  it('keeps "my session is Thursday at 4" and says it back', () => {
    const c = texting();
    const said = c.send('my session is Thursday at 4');
    expect(said.text).toBe(
      'Got it: your next session is Thu Dec 3 at 4pm. Your summary will cover the time since your last one.',
    );
    expect(c.profile.sessions).toEqual({ next: { date: '2026-12-03', minute: 960 } });
    expect(c.send('when is my session?').text).toMatch(/^Your next session: Thu Dec 3 at 4pm\./);
  });

  it('says when a date was not understood, keeps nothing, and offers how to say it', () => {
    const c = texting();
    const said = c.send('next session 13/45');
    expect(said.text).toMatch(
      /^Sorry, I didn't catch a date in that, so I kept nothing\. You can text e\.g\. "next session Thursday at 4"/,
    );
    expect(setsSessions(said.effects)).toBe(false);
    expect(c.profile.sessions).toBeUndefined();
  });

  it('does not move a date that just went by to next year', () => {
    const c = texting();
    const said = c.send('next session 11/30');
    expect(said.text).toMatch(/^That date has already gone by, so I kept nothing\./);
    expect(setsSessions(said.effects)).toBe(false);
  });

  it('reads "my session was hard" as the check-in, not as a date', () => {
    const c = texting();
    const said = c.send('my session was hard');
    expect(setsSessions(said.effects)).toBe(false);
    expect(said.text).not.toMatch(/session is|didn't catch a date/);
  });

  it('keeps "every other Tuesday" and names the next one, with how to change it', () => {
    const c = texting();
    expect(c.send('I see her every other Tuesday').text).toBe(
      'Got it: every other Tuesday, the next one Tue Dec 1. If it\'s the week after, text "next session" and its date.',
    );
    expect(c.send('next session 12/8').text).toMatch(/^Got it: your next session is Tue Dec 8\./);
    expect(c.profile.sessions?.every?.anchor).toBe('2026-12-08');
  });

  it('forgets the dates on "cancel my session"', () => {
    const c = texting();
    c.send('next session 12/9');
    expect(c.send('cancel my session').text).toBe(
      'Okay, I forgot your session dates. Your summary covers the last 14 days again.',
    );
    expect(c.profile.sessions).toBeUndefined();
  });

  it('never reads a date out of an answer to "what set it off?"', () => {
    const c = texting();
    c.state = { v: 1, step: 'journal-trigger', values: { feelings: ['anxious'], family: 'high-unpleasant' } };
    const answer = c.send('my session is thursday at 4');
    expect(setsSessions(answer.effects)).toBe(false);
    expect(answer.text).not.toMatch(/Got it: your next session/);
    expect(c.profile.sessions).toBeUndefined();
  });

  it('answers crisis words beside a date with the crisis reply, and keeps no date', () => {
    const c = texting();
    const said = c.send('my session is thursday at 4 but I want to die');
    expect(said.reply.crisis).toBe(true);
    expect(said.text).toContain('988');
    expect(setsSessions(said.effects)).toBe(false);
  });
});

describe('the summary since the last session', () => {
  it('covers the days since the last session and says so', () => {
    const c = texting();
    c.send('hi');
    c.send('lonely');
    c.advance(24 * 3);
    c.send('I saw my therapist today');
    c.advance(24);
    c.send('hi');
    c.send('hopeful');
    c.advance(1);
    const summary = c.send('SUMMARY').text;
    expect(summary).toMatch(/^For your therapist, since your session on Fri Dec 4: Sat Dec 5: hopeful\./);
    expect(summary).not.toContain('lonely');
  });

  it('without a session date covers 14 days and says so', () => {
    const c = texting();
    c.send('hi');
    c.send('lonely');
    c.advance(2);
    expect(c.send('SUMMARY').text).toMatch(/^For your therapist, from the last 14 days: Tue Dec 1: lonely\./);
  });

  it('says the window on voice too', () => {
    const c = new Conversation('alexa', 'US', START);
    c.profile = { ...c.profile, sessions: { last: '2026-11-24' } };
    c.send({ type: 'intent', intent: 'feeling', value: 'heavy' });
    c.advance(1);
    expect(c.send({ type: 'intent', intent: 'summary' }).text).toMatch(
      /^Here's what you could tell your therapist since your session on Tuesday, November 24th\. Today, you felt heavy\./,
    );
  });
});

describe('SHARE, UNSHARE and EXPORT', () => {
  it('SHARE asks the host for a link for the summary window and texts it', () => {
    const c = texting();
    c.profile = { ...c.profile, sessions: { last: '2026-11-24' } };
    const said = c.send('SHARE');
    expect(c.shareRequests).toEqual([{ kind: 'summary', since: '2026-11-24T05:00:00.000Z' }]);
    expect(said.text).toBe(
      'Your page for your therapist, private and printable, for 24 hours: https://example.test/share/TOKEN Anyone with the link can open it. Reply UNSHARE to turn it off.',
    );
    expect(said.reply.beats.find((b) => b.text.includes('https://'))?.carriesLink).toBe(true);
  });

  it('EXPORT asks for an export link; a link that could not be made is said plainly', () => {
    const c = texting();
    expect(c.send('export my journal').text).toMatch(
      /^Your whole journal, as CSV and JSON, for 24 hours: https:/,
    );
    expect(c.shareRequests.at(-1)?.kind).toBe('export');
    c.shareLink = 'unavailable';
    expect(c.send('SHARE').text).toBe(
      "Sorry, I couldn't make a link just now. Please try again in a little while.",
    );
  });

  it('UNSHARE turns every link off', () => {
    const c = texting();
    const said = c.send('UNSHARE');
    expect(said.effects).toContainEqual({ type: 'revokeShares' });
    expect(said.text).toBe('Done: your links are turned off. Anyone who opens them now sees nothing.');
  });

  it('on a speaker, points to texting instead of reading out a link', () => {
    const c = new Conversation('alexa', 'US', START);
    const said = c.send('share my summary');
    expect(said.text).toMatch(/^Links work by text\./);
    expect(c.shareRequests).toEqual([]);
  });
});

describe('hard moments', () => {
  it('are noted as a day only, left out of the summary, asked about once, and in after INCLUDE', () => {
    const c = texting();
    c.send('I want to kill myself');
    const moment = c.entries.find((e) => e.kind === 'moment');
    expect(moment).toBeDefined();
    expect(Object.keys(moment ?? {}).sort()).toEqual(['at', 'channel', 'id', 'kind']);
    c.advance(24);
    c.send('hi');
    c.send('heavy');
    c.advance(1);

    const first = c.send('SUMMARY').text;
    expect(first).not.toMatch(/Hard moment|A hard moment on/);
    expect(first).toMatch(
      /There was a hard moment on Tue Dec 1\. It's left out unless you want it in\. Reply INCLUDE/,
    );
    const second = c.send('SUMMARY').text;
    expect(second).not.toMatch(/hard moment/i);

    expect(c.send('INCLUDE').text).toMatch(/^Okay: your summary and page will say "a hard moment"/);
    expect(c.send('SUMMARY').text).toContain('A hard moment on Tue Dec 1.');
  });
});

describe('"Anything you want to bring up?"', () => {
  const withNextSession = (): Conversation => {
    const c = texting();
    c.send('hi');
    c.send('heavy');
    c.advance(1);
    c.send('my next session is 12/3 at 4');
    return c;
  };

  it('is asked once before the session, at the end of SUMMARY, and their words join the summary', () => {
    const c = withNextSession();
    const first = c.send('SUMMARY');
    expect(first.text).toMatch(
      /Bring whatever feels most important\. Anything you want to bring up at your session on Thu Dec 3\? Reply with it, or SKIP\.$/,
    );
    expect(first.reply.expectsAnswer).toBe(true);

    const kept = c.send('my sleep, and the new job');
    expect(kept.text).toBe(
      `Noted for your session: "my sleep, and the new job". It's in your summary and your page.`,
    );
    const again = c.send('SUMMARY').text;
    expect(again).toContain('What I want more support with: my sleep, and the new job.');
    expect(again).not.toMatch(/Anything you want to bring up/);
  });

  it('SKIP keeps nothing, and it is not asked again for that session', () => {
    const c = withNextSession();
    c.send('SUMMARY');
    expect(c.send('SKIP').text).toBe('Okay. Bring whatever feels most important.');
    expect(c.entries.some((e) => e.kind === 'bring-up')).toBe(false);
    expect(c.send('SUMMARY').text).not.toMatch(/Anything you want to bring up/);
  });

  it('crisis words as the answer get the crisis reply, and nothing is kept', () => {
    const c = withNextSession();
    c.send('SUMMARY');
    const said = c.send("I don't want to be here anymore");
    expect(said.reply.crisis).toBe(true);
    expect(said.text).toContain('988');
    expect(c.entries.some((e) => e.kind === 'bring-up')).toBe(false);
  });

  it('is never asked without a next session', () => {
    const c = texting();
    c.send('hi');
    c.send('heavy');
    c.advance(1);
    expect(c.send('SUMMARY').reply.expectsAnswer).toBe(false);
  });
});
