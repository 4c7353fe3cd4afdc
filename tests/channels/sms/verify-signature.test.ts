import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { describe, expect, it } from 'vitest';
import { SignatureError, verifySignature, webhookUrl } from '../../../src/channels/sms/verify-signature.ts';

const TOKEN = 'test-auth-token-0123456789abcdef';
const URL = 'https://checkin.example.org/sms';
const PARAMS = { From: '+14155550100', To: '+14155550199', Body: 'hi', MessageSid: 'SM0001' };

function problemOf(act: () => void): string | undefined {
  try {
    act();
    return undefined;
  } catch (error) {
    if (error instanceof SignatureError) return error.problem;
    throw error;
  }
}

describe('verifySignature', () => {
  it('accepts a request Twilio signed for this URL and body', () => {
    // Prepare
    const signature = getExpectedTwilioSignature(TOKEN, URL, PARAMS);

    // Act
    const problem = problemOf(() => verifySignature(TOKEN, signature, URL, PARAMS));

    // Assess
    expect(problem).toBeUndefined();
  });

  it('refuses a request without a signature as missing', () => {
    expect(problemOf(() => verifySignature(TOKEN, undefined, URL, PARAMS))).toBe('missing');
    expect(problemOf(() => verifySignature(TOKEN, '', URL, PARAMS))).toBe('missing');
  });

  it('refuses a signature made with another token', () => {
    const signature = getExpectedTwilioSignature('someone-elses-token', URL, PARAMS);

    expect(problemOf(() => verifySignature(TOKEN, signature, URL, PARAMS))).toBe('invalid');
  });

  it('refuses a body changed after signing', () => {
    const signature = getExpectedTwilioSignature(TOKEN, URL, PARAMS);
    const tampered = { ...PARAMS, Body: 'DELETE' };

    expect(problemOf(() => verifySignature(TOKEN, signature, URL, tampered))).toBe('invalid');
  });

  it('refuses a parameter added after signing', () => {
    const signature = getExpectedTwilioSignature(TOKEN, URL, PARAMS);

    expect(problemOf(() => verifySignature(TOKEN, signature, URL, { ...PARAMS, Extra: '1' }))).toBe(
      'invalid',
    );
  });

  it('refuses a signature made for another URL', () => {
    const signature = getExpectedTwilioSignature(TOKEN, 'https://attacker.example.com/sms', PARAMS);

    expect(problemOf(() => verifySignature(TOKEN, signature, URL, PARAMS))).toBe('invalid');
  });

  it('accepts a signature over the URL with the default :443 port, as Twilio sometimes signs', () => {
    const signature = getExpectedTwilioSignature(TOKEN, 'https://checkin.example.org:443/sms', PARAMS);

    expect(problemOf(() => verifySignature(TOKEN, signature, URL, PARAMS))).toBeUndefined();
  });

  it('accepts a signature without the port when the configured URL names :443', () => {
    const signature = getExpectedTwilioSignature(TOKEN, URL, PARAMS);

    expect(
      problemOf(() => verifySignature(TOKEN, signature, 'https://checkin.example.org:443/sms', PARAMS)),
    ).toBeUndefined();
  });

  it('refuses a signature over a different port', () => {
    const signature = getExpectedTwilioSignature(TOKEN, 'https://checkin.example.org:8443/sms', PARAMS);

    expect(problemOf(() => verifySignature(TOKEN, signature, URL, PARAMS))).toBe('invalid');
  });

  it('refuses everything when no token is configured, even a well-formed signature', () => {
    const signature = getExpectedTwilioSignature('', URL, PARAMS);

    expect(problemOf(() => verifySignature(undefined, signature, URL, PARAMS))).toBe('no-token');
    expect(problemOf(() => verifySignature('', signature, URL, PARAMS))).toBe('no-token');
  });
});

describe('webhookUrl', () => {
  it('is the public URL plus /sms, whatever trailing slash the setting has', () => {
    expect(webhookUrl('https://checkin.example.org')).toBe(URL);
    expect(webhookUrl('https://checkin.example.org/')).toBe(URL);
    expect(webhookUrl('http://localhost:3000')).toBe('http://localhost:3000/sms');
  });
});

describe('verifySignature with a broken public URL', () => {
  it('refuses rather than failing open', () => {
    const signature = getExpectedTwilioSignature(TOKEN, URL, PARAMS);

    expect(problemOf(() => verifySignature(TOKEN, signature, 'not a url/sms', PARAMS))).toBe('invalid');
  });
});
