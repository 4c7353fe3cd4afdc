/**
 * What each channel can do, in one place: the flow asks these questions of `turn` (or of
 * `ctx`), never the channel's name, so a new channel is one row here (or its host passes
 * `ctx.capabilities`).
 */
import type { Capabilities, Channel, Ctx } from './types.ts';

const BY_CHANNEL: Readonly<Record<Channel, Capabilities>> = {
  sms: { modality: 'text', carrierOptOut: true, carrierDisclosure: true, textsFirst: true },
  chat: { modality: 'text', carrierOptOut: false, carrierDisclosure: false },
  alexa: { modality: 'voice', carrierOptOut: false, carrierDisclosure: false },
};

export function capabilitiesOf(ctx: Pick<Ctx, 'channel' | 'capabilities'>): Capabilities {
  return ctx.capabilities ?? BY_CHANNEL[ctx.channel];
}
