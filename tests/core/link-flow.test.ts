/**
 * The linking words in the pure core (flow/link.ts), through the conversation driver: what is
 * read as a request to link, to redeem a code or to unlink, what each answer says, and that
 * the crisis gate still reads these words first.
 */
import { describe, expect, it } from 'vitest';
import { codeFor, linkRequestIn } from '../../src/core/flow/link.ts';
import { Conversation } from './conversation.ts';

describe('linking words', () => {
  it('reads LINK, a code in several ways of saying it, and UNLINK; nothing else', () => {
    expect(linkRequestIn('LINK')).toEqual({ kind: 'issue' });
    expect(linkRequestIn('link my phone')).toEqual({ kind: 'issue' });
    expect(linkRequestIn('Link 482913')).toEqual({ kind: 'redeem', code: '482913' });
    expect(linkRequestIn('link 482 913')).toEqual({ kind: 'redeem', code: '482913' });
    expect(linkRequestIn('my code is 4 8 2 9 1 3')).toEqual({ kind: 'redeem', code: '482913' });
    expect(linkRequestIn('UNLINK')).toEqual({ kind: 'unlink' });
    expect(linkRequestIn('unlink my phone.')).toEqual({ kind: 'unlink' });
    for (const other of ['I feel disconnected', 'the link between us', 'linked in', 'code red', 'heavy']) {
      expect(linkRequestIn(other), other).toBeUndefined();
    }
  });

  it('makes six-digit codes that never start with 0, from the seed and the turn id', () => {
    const codes = new Set<string>();
    for (let i = 0; i < 200; i++) codes.add(codeFor(20_250_101, `turn-${i}`));
    expect([...codes].every((c) => /^[1-9]\d{5}$/.test(c))).toBe(true);
    expect(codes.size).toBeGreaterThan(190);
  });

  it('by text: LINK gives a code to say to Alexa, kept as an effect, and says what linking means', () => {
    const person = new Conversation('sms');
    person.send('hi');
    const turned = person.send('LINK');
    const code = /code is (\d{6})/.exec(turned.text)?.[1];
    expect(turned.effects).toContainEqual({ type: 'issueLinkCode', code });
    expect(turned.text).toContain('DELETE on either erases both');
  });

  it('each answer to a code is said in plain words', () => {
    const person = new Conversation('alexa');
    const said: Record<string, string> = {};
    for (const outcome of [
      'wrong',
      'expired',
      'used',
      'tooMany',
      'sameChannel',
      'linkedElsewhere',
    ] as const) {
      person.linkOutcome = outcome;
      said[outcome] = person.send('my code is 482913').text;
    }
    expect(said.wrong).toContain("That code didn't match.");
    expect(said.expired).toContain('That code has expired');
    expect(said.used).toContain('That code was already used.');
    expect(said.tooMany).toContain("I'll wait a few minutes");
    expect(said.sameChannel).toContain('That code was made on Alexa.');
    expect(said.linkedElsewhere).toContain('This Alexa is linked to another phone.');
    // A code of the wrong length is wrong without asking the host.
    expect(person.send('my code is 4829').text).toContain("That code didn't match.");
  });

  it('the terminal chat cannot link, and UNLINK when nothing is linked says so', () => {
    expect(new Conversation('chat').send('LINK').text).toContain(
      'Linking works between Alexa and text messages',
    );
    const person = new Conversation('sms');
    person.send('hi');
    const turned = person.send('UNLINK');
    expect(turned.text).toContain('This phone is not linked to Alexa.');
    expect(turned.effects).not.toContainEqual({ type: 'unlink' });
    person.profile = { ...person.profile, linked: true };
    expect(person.send('UNLINK').effects).toContainEqual({ type: 'unlink' });
  });

  it('crisis words next to a code are answered as a crisis, with nothing linked', () => {
    const person = new Conversation('sms');
    person.send('hi');
    const turned = person.send('link 482913 i want to kill myself');
    expect(turned.reply.crisis).toBe(true);
    expect(turned.text).toContain('988');
    expect(turned.effects.some((e) => e.type === 'issueLinkCode')).toBe(false);
  });
});
