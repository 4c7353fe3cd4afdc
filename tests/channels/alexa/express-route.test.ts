/**
 * POST /alexa on the local server: ask-sdk-express-adapter in front of the skill, on a real
 * HTTP port, with Amazon's signature check on (the default) or off (local emulators only).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ResponseEnvelope } from 'ask-sdk-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlexaRouter } from '../../../src/channels/alexa/express-route.ts';
import { createLocalApp } from '../../../src/local/app.ts';
import { launchRequest } from './envelopes.ts';
import { type Harness, PEPPER, startHarness } from './harness.ts';
import { createEmulator } from './virtual-alexa.ts';

let h: Harness;
const servers: Server[] = [];

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await h?.close();
});

/** The local app with /alexa mounted, listening on a free port; returns the route's URL. */
async function serve(verifySignature: boolean): Promise<string> {
  const router = createAlexaRouter({ skill: h.skill, verifySignature, logger: h.logger });
  const app = createLocalApp({
    runTurn: async () => {
      throw new Error('the Alexa route goes through the skill, not here');
    },
    store: h.store,
    pepper: PEPPER,
    logger: h.logger,
    mounts: [{ path: '/alexa', router }],
  });
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/alexa`;
}

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('POST /alexa', () => {
  it("refuses a request without Amazon's signature when verification is on", async () => {
    // Prepare
    const url = await serve(true);

    // Act
    const unsigned = await post(url, launchRequest());
    const forged = await post(url, launchRequest(), {
      signaturecertchainurl: 'https://example.com/echo.api/echo-api-cert.pem',
      'signature-256': 'Zm9yZ2Vk',
    });

    // Assess
    expect(unsigned.status).toBe(400);
    expect(forged.status).toBe(400);
    expect(h.logs).toContainEqual(expect.objectContaining({ event: 'alexa-http-refused', status: 400 }));
  });

  it('answers an emulator when verification is off', async () => {
    // Prepare
    const url = await serve(false);

    // Act
    const res = await post(url, launchRequest({ userId: 'amzn1.ask.account.route-test' }));
    const envelope = (await res.json()) as ResponseEnvelope;

    // Assess
    expect(res.status).toBe(200);
    expect(envelope.response.shouldEndSession).toBe(false);
    expect(JSON.stringify(envelope.response.outputSpeech)).toMatch(/what&apos;s here right now/i);
  });

  it("still refuses another skill's requests when a skill id is set", async () => {
    // Prepare
    const url = await serve(false);

    // Act
    const res = await post(url, launchRequest({ skillId: 'amzn1.ask.skill.someone-else' }));

    // Assess
    expect(res.status).not.toBe(200);
  });

  it('holds a whole spoken check-in for an emulator, and meets a crisis phrase with 988', async () => {
    // Prepare
    const url = await serve(false);
    const alexa = createEmulator({ url });

    // Act
    const open = await alexa.say('open my check in');
    const named = await alexa.say('I feel heavy');
    const toGoals = await alexa.say('the third one');
    const goal = await alexa.say('the first one');
    await alexa.say('skip');
    const closed = await alexa.say('not today');
    await alexa.say('open my check in');
    const crisis = await alexa.say('I want to die');
    const grounding = await createEmulator({ url }).say('ask my check in for a grounding exercise');

    // Assess
    expect(open.speech).toMatch(/what's here right now/i);
    expect(named.speech).toMatch(/^Heavy\./);
    expect(toGoals.speech).toMatch(/pick one small thing/i);
    expect(goal.speech).toMatch(/^Your goal: /);
    expect(closed.speech).toMatch(/thanks for checking in/i);
    expect(closed.open).toBe(false);
    expect(crisis.ssml).toContain('<say-as interpret-as="digits">988</say-as>');
    expect(grounding.speech).toMatch(/five things you can see/i);
  });
});
