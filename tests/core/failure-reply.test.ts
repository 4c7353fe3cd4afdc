import { describe, expect, it } from 'vitest';
import { failureReply } from '../../src/core/failure-reply.ts';

const said = (reply: { beats: { text: string }[] }) => reply.beats.map((b) => b.text).join(' ');

describe('the reply when something on our side failed', () => {
  it('still gives the full crisis reply to crisis language', () => {
    const reply = failureReply('i have pills saved up', 'US', 'text');
    expect(reply.crisis).toBe(true);
    expect(said(reply)).toMatch(/741741/);
    expect(said(reply)).toMatch(/911/);
  });

  it('apologises with the local crisis line otherwise', () => {
    const reply = failureReply('heavy', 'AU', 'text');
    expect(said(reply)).toMatch(/Sorry, something went wrong on my side/);
    expect(said(reply)).toMatch(/13 11 14/);
  });

  it('keeps a voice session open with a reprompt that carries the line', () => {
    const reply = failureReply(undefined, 'US', 'voice');
    expect(reply.end).toBe(false);
    expect(reply.reprompt).toMatch(/988/);
  });
});
