/**
 * What the local server answers when the client is at fault: the app as `npm start` builds
 * it (the real SMS router and the real /alexa route on dynalite), on a real port, fed
 * requests no Twilio or Alexa would send. Each must be a 4xx with a fixed short body, never
 * a 500, never a parser's or the SDK's text, and never a turn.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { Router } from 'express';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalAlexaRoute } from '../../src/channels/alexa/local-route.ts';
import { createSmsRouter } from '../../src/channels/sms/express-router.ts';
import { userIdFor } from '../../src/identity/user-id.ts';
import { createLocalApp } from '../../src/local/app.ts';
import { createLogger } from '../../src/observability/log.ts';
import { createTurnRunner } from '../../src/service/turn-runner.ts';
import { DynamoCheckInStore } from '../../src/store/dynamo-store.ts';
import { launchRequest, SKILL_ID } from '../channels/alexa/envelopes.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';

const TOKEN = 'client-errors-auth-token-0123456789';
const PUBLIC_URL = 'https://checkin.example.org';
const PEPPER = 'client-errors-pepper';
const PHONE = '+14155550166';
/** Short, so the 408 test does not wait the real 10 s. */
const BODY_TIMEOUT_MS = 300;

let db: TestDynamo;
let store: DynamoCheckInStore;
let server: Server;
let base = '';
const logLines: string[] = [];

beforeAll(async () => {
  db = await startDynalite();
  store = new DynamoCheckInStore({ client: db.client, tableName: db.tableName });
  const logger = createLogger((line) => logLines.push(line));
  const runTurn = createTurnRunner({ store, logger, budgetMs: 10_000 });
  // A route that fails in an unforeseen way, with words in its message.
  const broken = Router();
  broken.post('/', () => {
    throw new Error('failed while reading I feel awful');
  });
  const app = createLocalApp({
    runTurn,
    store,
    pepper: PEPPER,
    logger,
    bodyTimeoutMs: BODY_TIMEOUT_MS,
    mounts: [
      {
        path: '/sms',
        router: createSmsRouter({
          authToken: TOKEN,
          publicUrl: PUBLIC_URL,
          pepper: PEPPER,
          runTurn,
          logger,
        }),
      },
      createLocalAlexaRoute({
        pepper: PEPPER,
        logger,
        store,
        env: { ALEXA_VERIFY_SIGNATURE: 'false', ALEXA_SKILL_ID: SKILL_ID },
      }),
      { path: '/broken', router: broken },
    ],
  });
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await db.close();
});

const FORM = 'application/x-www-form-urlencoded';

function signedForm(params: Record<string, string>): { body: string; signature: string } {
  return {
    body: new URLSearchParams(params).toString(),
    signature: getExpectedTwilioSignature(TOKEN, `${PUBLIC_URL}/sms`, params),
  };
}

async function postSms(body: string | Uint8Array, headers: Record<string, string>) {
  const res = await fetch(`${base}/sms`, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text() };
}

describe('the local server refuses what is not Twilio at /sms', () => {
  it('answers a 1 MB body with 413', async () => {
    const huge = `From=${encodeURIComponent(PHONE)}&Body=${'a'.repeat(1024 * 1024)}`;

    const res = await postSms(huge, { 'content-type': FORM, 'x-twilio-signature': 'sig' });

    expect(res.status).toBe(413);
    expect(JSON.parse(res.text)).toEqual({ status: 'too-large' });
  });

  it('answers a form of 1,001 fields with 400', async () => {
    const fields = Array.from({ length: 1001 }, (_, i) => `f${i}=x`).join('&');

    const res = await postSms(fields, { 'content-type': FORM, 'x-twilio-signature': 'sig' });

    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ status: 'malformed' });
  });

  it('answers a charset it cannot decode with 400', async () => {
    const { body, signature } = signedForm({ From: PHONE, Body: 'hi', MessageSid: 'SMcharset' });

    const res = await postSms(body, {
      'content-type': `${FORM}; charset=klingon-8`,
      'x-twilio-signature': signature,
    });

    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ status: 'malformed' });
  });

  it('answers a gzip body that does not inflate with 400, and an unknown coding with 415', async () => {
    const { body, signature } = signedForm({ From: PHONE, Body: 'hi', MessageSid: 'SMgzip' });
    const truncated = gzipSync(body).subarray(0, 12);

    const badGzip = await postSms(truncated, {
      'content-type': FORM,
      'content-encoding': 'gzip',
      'x-twilio-signature': signature,
    });
    const compress = await postSms(body, {
      'content-type': FORM,
      'content-encoding': 'compress',
      'x-twilio-signature': signature,
    });

    expect(badGzip.status).toBe(400);
    expect(JSON.parse(badGzip.text)).toEqual({ status: 'malformed' });
    expect(compress.status).toBe(415);
  });

  it('answers a body that is not a form with 415, before any signature check', async () => {
    const res = await postSms(JSON.stringify({ From: PHONE, Body: 'hi' }), {
      'content-type': 'application/json',
      'x-twilio-signature': 'sig',
    });

    expect(res.status).toBe(415);
    expect(JSON.parse(res.text)).toEqual({ status: 'unsupported-media-type' });
  });

  it('still answers a good, gzip-compressed signed form with TwiML', async () => {
    // The refusals above are about the request, not about compression or the route.
    const { body, signature } = signedForm({ From: PHONE, Body: 'hi', MessageSid: 'SMgood' });

    const res = await postSms(gzipSync(body), {
      'content-type': FORM,
      'content-encoding': 'gzip',
      'x-twilio-signature': signature,
    });

    expect(res.status).toBe(200);
    expect(res.text).toContain('<Message>');
  });
});

/** Sends headers announcing `declared` body bytes, then only `sent`, and reads the answer. */
function postShortBody(path: string, declared: number, sent: string): Promise<string> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk.toString('utf8');
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: ${FORM}\r\n` +
        `X-Twilio-Signature: sig\r\nContent-Length: ${declared}\r\n\r\n${sent}`,
    );
  });
}

describe('a body shorter than its Content-Length', () => {
  it('is answered 408 and the connection closed, and no turn runs', async () => {
    const phone = '+14155550167';
    const sent = `From=${encodeURIComponent(phone)}&Body=hi`;

    const answer = await postShortBody('/sms', sent.length + 50, sent);

    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
    expect(answer).toMatch(/connection: close/i);
    expect(answer).toContain('{"status":"timeout"}');
    expect(await store.countItems(userIdFor(PEPPER, 'sms', phone))).toBe(0);
  });
});

async function postAlexa(body: string, contentType = 'application/json') {
  const res = await fetch(`${base}/alexa`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe('the local server refuses what is not this skill at /alexa', () => {
  it('answers a body that is not JSON with 400', async () => {
    const res = await postAlexa('{"version": "1.0", "request": ');

    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toEqual({ status: 'malformed' });
  });

  it('answers JSON that is not an Alexa request with 400', async () => {
    const res = await postAlexa('[1, 2, 3]');

    expect(res.status).toBe(400);
  });

  it("answers another skill's request with 403 and a fixed body without the SDK's words", async () => {
    const res = await postAlexa(JSON.stringify(launchRequest({ skillId: 'amzn1.ask.skill.someone-else' })));

    expect(res.status).toBe(403);
    expect(res.text).toBe('{"status":"forbidden"}');
    expect(res.text).not.toMatch(/AskSdk|verification|amzn1/);
  });

  it('answers a body that is not JSON at all with 415', async () => {
    const res = await postAlexa('hello', 'text/plain');

    expect(res.status).toBe(415);
  });

  it('answers a 1 MB body with 413', async () => {
    const res = await postAlexa(JSON.stringify({ pad: 'a'.repeat(1024 * 1024) }));

    expect(res.status).toBe(413);
  });

  it('still answers its own skill', async () => {
    const res = await postAlexa(JSON.stringify(launchRequest()));

    expect(res.status).toBe(200);
    expect(res.text).toMatch(/here right now/i);
  });
});

describe('an unforeseen failure', () => {
  it('is a 500 with a fixed body, and neither the body nor the log quotes the error', async () => {
    const res = await fetch(`${base}/broken`, { method: 'POST' });

    expect(res.status).toBe(500);
    expect(await res.text()).toBe('{"status":"error"}');
    expect(logLines.join('\n')).not.toContain('awful');
    expect(logLines.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ event: 'http-error', status: 500, error: 'Error' }),
    );
  });
});

describe('every refusal', () => {
  it('is logged by status and kind only, never with the words or number sent', () => {
    const refusals = logLines.map((line) => JSON.parse(line)).filter((l) => l.event === 'http-refused');

    expect(refusals.map((r) => r.status)).toEqual(expect.arrayContaining([400, 403, 408, 413, 415]));
    expect(logLines.join('\n')).not.toContain('5550166');
    expect(logLines.join('\n')).not.toContain('klingon');
  });
});
