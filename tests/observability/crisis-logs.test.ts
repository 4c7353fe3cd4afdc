/**
 * Logs are kept for months: no line that speaks of a crisis may carry the person's id, on
 * any channel, whoever writes the line. The logger itself enforces it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/log.ts';
import { intentRequest, launchRequest } from '../channels/alexa/envelopes.ts';
import { type Harness, startHarness } from '../channels/alexa/harness.ts';
import { startSmsHarness } from '../channels/sms/sms-harness.ts';
import { startDynalite, type TestDynamo } from '../helpers/dynalite.ts';

const USER = 'a'.repeat(64);

/** Lines about a crisis: marked, or naming one in their event or step. */
const aboutACrisis = (line: Record<string, unknown>) =>
  line.crisis === true || /crisis|danger|grey/.test(`${line.event} ${line.step ?? ''}`);

describe('the logger', () => {
  it('drops the user id from any line about a crisis, and keeps it on every other line', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger((line) => lines.push(JSON.parse(line)));

    logger.info({ event: 'turn', user: USER, step: 'name', crisis: true });
    logger.warn({ event: 'crisis-reply', user: USER });
    logger.info({ event: 'sms-webhook', user: USER, step: 'crisis' });
    logger.info({ event: 'turn', user: USER, step: 'grey-check' });
    logger.info({ event: 'turn', user: USER, step: 'name' });

    expect(lines.map((line) => 'user' in line)).toEqual([false, false, false, false, true]);
    expect(lines[4]?.user).toBe(USER.slice(0, 12));
  });
});

describe('a crisis turn, as logged', () => {
  let db: TestDynamo;
  let alexa: Harness;
  beforeAll(async () => {
    db = await startDynalite();
    alexa = await startHarness();
  });
  afterAll(async () => {
    await db?.close();
    await alexa?.close();
  });

  it('by SMS, carries no user id on any line about it', async () => {
    // Prepare
    const h = await startSmsHarness({ db, phone: '+14155550166' });
    await h.send('hi');
    const before = h.lines.length;

    // Act
    const reply = await h.send('i want to kill myself');

    // Assess
    const lines = h.lines.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(reply.all).toContain('988');
    expect(lines.filter(aboutACrisis).length).toBeGreaterThanOrEqual(2);
    expect(lines.filter(aboutACrisis).filter((line) => 'user' in line)).toEqual([]);
    expect(lines.find((line) => line.event === 'sms-webhook')).toMatchObject({ step: 'crisis' });
  });

  it('by voice, carries no user id on any line about it', async () => {
    // Prepare
    await alexa.skill.invoke(launchRequest());
    const before = alexa.logs.length;

    // Act
    const response = await alexa.skill.invoke(
      intentRequest('FreeSpeechIntent', { query: { value: 'i want to kill myself' } }),
    );

    // Assess
    const lines = alexa.logs.slice(before);
    expect(JSON.stringify(response)).toContain('988');
    expect(lines.filter(aboutACrisis).length).toBeGreaterThanOrEqual(1);
    expect(lines.filter(aboutACrisis).filter((line) => 'user' in line)).toEqual([]);
  });
});
