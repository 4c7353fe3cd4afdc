/**
 * The flow asks what a channel can do, never its name: a host can say so in ctx.
 */
import { describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../../src/core/capabilities.ts';
import { step } from '../../src/core/step.ts';
import type { Ctx } from '../../src/core/types.ts';

const ctx = (overrides: Partial<Ctx>): Ctx => ({
  now: '2026-11-20T09:00:00.000Z',
  id: 't1',
  seed: 7,
  channel: 'chat',
  region: 'US',
  profile: { consentAt: '2026-11-01T00:00:00.000Z' },
  ...overrides,
});

describe('channel capabilities', () => {
  it('gives each channel its defaults: SMS has a carrier, Alexa is heard, the chat neither', () => {
    expect(capabilitiesOf({ channel: 'sms' })).toMatchObject({ modality: 'text', carrierOptOut: true });
    expect(capabilitiesOf({ channel: 'alexa' })).toMatchObject({ modality: 'voice', carrierOptOut: false });
    expect(capabilitiesOf({ channel: 'chat' })).toMatchObject({ modality: 'text', carrierOptOut: false });
  });

  it('reads STOP as the carrier does only where the host says a carrier listens', () => {
    const plain = step(null, { type: 'text', text: 'STOP' }, ctx({}));
    const carried = step(
      null,
      { type: 'text', text: 'STOP' },
      ctx({ capabilities: { modality: 'text', carrierOptOut: true, carrierDisclosure: true } }),
    );

    expect(plain.effects).not.toContainEqual({ type: 'setOptOut', optedOut: true });
    expect(plain.reply.beats.map((b) => b.text).join(' ')).toMatch(/I'm here any time/);
    expect(carried.effects).toContainEqual({ type: 'setOptOut', optedOut: true });
  });
});
