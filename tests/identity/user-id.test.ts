import { describe, expect, it } from 'vitest';
import { userIdFor } from '../../src/identity/user-id.ts';

describe('userIdFor', () => {
  it('gives the same person the same id however their number is written', () => {
    // Act
    const plain = userIdFor('pepper', 'sms', '+15550100000');
    const spaced = userIdFor('pepper', 'sms', ' +1 (555) 010-0000 ');

    // Assess
    expect(spaced).toBe(plain);
  });

  it('is a 64-character hex id that does not contain the number', () => {
    // Act
    const id = userIdFor('pepper', 'sms', '+15550100000');

    // Assess
    expect(id).toMatch(/^[0-9a-f]{64}$/);
    expect(id).not.toContain('5550100000');
  });

  it('keeps channels and peppers apart', () => {
    // Act
    const sms = userIdFor('pepper', 'sms', '+15550100000');
    const chat = userIdFor('pepper', 'chat', '+15550100000');
    const otherPepper = userIdFor(Buffer.from('another pepper'), 'sms', '+15550100000');

    // Assess
    expect(new Set([sms, chat, otherPepper]).size).toBe(3);
  });

  it('matches HMAC-SHA256 of channel and identity', async () => {
    // Prepare
    const { createHmac } = await import('node:crypto');
    const expected = createHmac('sha256', 'pepper').update('alexa:amzn1.ask.account.ABC').digest('hex');

    // Act
    const id = userIdFor('pepper', 'alexa', 'amzn1.ask.account.ABC');

    // Assess
    expect(id).toBe(expected);
  });
});
