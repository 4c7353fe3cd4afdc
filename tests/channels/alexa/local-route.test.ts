import { describe, expect, it } from 'vitest';
import { createLocalAlexaRoute, localAlexaSettings } from '../../../src/channels/alexa/local-route.ts';
import { createLogger } from '../../../src/observability/log.ts';

const runTurn = async () => {
  throw new Error('not reached');
};

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
    createLocalAlexaRoute({ runTurn, pepper: 'p', logger, env: {} });
    const quiet = lines.length;
    createLocalAlexaRoute({ runTurn, pepper: 'p', logger, env: { ALEXA_VERIFY_SIGNATURE: 'false' } });

    // Assess
    expect(quiet).toBe(0);
    expect(lines.map((l) => JSON.parse(l))).toEqual([
      { level: 'warn', event: 'alexa-signature-check-off', channel: 'alexa' },
    ]);
  });
});
