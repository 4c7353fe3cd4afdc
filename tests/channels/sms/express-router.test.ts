import type { AddressInfo } from 'node:net';
import express from 'express';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmsRouter } from '../../../src/channels/sms/express-router.ts';
import type { Reply } from '../../../src/core/types.ts';
import { silentLogger } from '../../../src/observability/log.ts';
import type { TurnRequest } from '../../../src/service/turn-runner.ts';

const TOKEN = 'test-auth-token-0123456789abcdef';
const PUBLIC_URL = 'https://checkin.example.org';

const seen: TurnRequest[] = [];
let base = '';
let close: () => void = () => {};

beforeAll(async () => {
  const app = express();
  app.use(
    '/sms',
    createSmsRouter({
      authToken: TOKEN,
      publicUrl: PUBLIC_URL,
      pepper: 'test-pepper',
      logger: silentLogger,
      runTurn: async (req) => {
        seen.push(req);
        const reply: Reply = { beats: [{ text: 'Got it & thanks.' }], expectsAnswer: true, end: false };
        return { reply, saved: true, crisis: false, erased: false };
      },
    }),
  );
  const server = app.listen(0);
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});

afterAll(() => close());

function post(params: Record<string, string>, signature?: string) {
  return fetch(`${base}/sms`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      // A proxy's forwarded host must not change which URL is verified.
      'x-forwarded-host': 'evil.example.com',
      ...(signature ? { 'x-twilio-signature': signature } : {}),
    },
    body: new URLSearchParams(params).toString(),
  });
}

describe('createSmsRouter', () => {
  it('answers a Twilio-signed form post with TwiML', async () => {
    const params = { From: '+14155550123', Body: 'I feel heavy + tired', MessageSid: 'SMr1' };

    const res = await post(params, getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/sms`, params));

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/xml/);
    expect(await res.text()).toContain('<Message>Got it &amp; thanks.</Message>');
    expect(seen.at(-1)?.input).toEqual({ type: 'text', text: 'I feel heavy + tired' });
  });

  it('refuses an unsigned post with 400 and a badly signed one with 403', async () => {
    const params = { From: '+14155550123', Body: 'hi', MessageSid: 'SMr2' };
    const before = seen.length;

    const unsigned = await post(params);
    const forged = await post(params, getExpectedTwilioSignature('guess', `${PUBLIC_URL}/sms`, params));

    expect(unsigned.status).toBe(400);
    expect(forged.status).toBe(403);
    expect(seen.length).toBe(before);
  });
});
