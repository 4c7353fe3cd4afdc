import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createLocalAlexaRoute, localAlexaSettings } from '../../../src/channels/alexa/local-route.ts';
import { createLocalApp } from '../../../src/local/app.ts';
import { createLogger, silentLogger } from '../../../src/observability/log.ts';
import { createTurnRunner } from '../../../src/service/turn-runner.ts';
import { MemoryCheckInStore } from '../../../src/store/memory-store.ts';
import { launchRequest, SKILL_ID, skillDisabledEvent } from './envelopes.ts';
import { PEPPER, startHarness } from './harness.ts';

describe('the local /alexa settings', () => {
  it("verifies Amazon's signature unless told false, and enforces a skill id only when set", () => {
    expect(localAlexaSettings({})).toEqual({ verifySignature: true });
    expect(
      localAlexaSettings({ ALEXA_VERIFY_SIGNATURE: 'false', ALEXA_SKILL_ID: 'amzn1.ask.skill.x' }),
    ).toEqual({
      verifySignature: false,
      skillId: 'amzn1.ask.skill.x',
    });
  });

  it('refuses a value it cannot read rather than guess', () => {
    expect(() => localAlexaSettings({ ALEXA_VERIFY_SIGNATURE: 'no' })).toThrow(/ALEXA_VERIFY_SIGNATURE/);
  });

  it('warns at start-up when verification is off, and stays quiet when it is on', () => {
    // Prepare
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));

    // Act
    createLocalAlexaRoute({ store: new MemoryCheckInStore(), pepper: 'p', logger, env: {} });
    const quiet = lines.length;
    createLocalAlexaRoute({
      store: new MemoryCheckInStore(),
      pepper: 'p',
      logger,
      env: { ALEXA_VERIFY_SIGNATURE: 'false' },
    });

    // Assess
    expect(quiet).toBe(0);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { level: 'warn', event: 'alexa-signature-check-off', channel: 'alexa' },
    ]);
  });
});

describe('the local /alexa route with a store', () => {
  it('erases an account that disables the skill, and its recognised voice', async () => {
    // Prepare: the route as `npm start` mounts it, over real HTTP, on dynalite.
    const h = await startHarness();
    const runTurn = createTurnRunner({ store: h.store, logger: silentLogger, budgetMs: 10_000 });
    const route = createLocalAlexaRoute({
      turnBudgetMs: 10_000,
      pepper: PEPPER,
      logger: silentLogger,
      store: h.store,
      env: { ALEXA_VERIFY_SIGNATURE: 'false', ALEXA_SKILL_ID: SKILL_ID },
    });
    const app = createLocalApp({
      runTurn,
      store: h.store,
      pepper: PEPPER,
      logger: silentLogger,
      mounts: [route],
    });
    const server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alexa`;
    const post = (body: unknown) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const userId = 'amzn1.ask.account.LOCALROUTEEXAMPLE';
    const personId = 'amzn1.ask.person.LOCALROUTEEXAMPLE';
    try {
      await post(launchRequest({ userId }));
      await post(launchRequest({ userId, personId }));
      expect(await h.store.countItems(h.userIdOf(userId))).toBeGreaterThan(0);
      expect(await h.store.countItems(h.userIdOf(personId))).toBeGreaterThan(0);

      // Act
      const res = await post(skillDisabledEvent({ userId }));

      // Assess
      expect(res.status).toBe(200);
      expect(await h.store.countItems(h.userIdOf(userId))).toBe(0);
      expect(await h.store.countItems(h.userIdOf(personId))).toBe(0);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await h.close();
    }
  });
});
