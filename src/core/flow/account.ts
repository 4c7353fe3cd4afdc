/**
 * The service around the check-in: first contact, help, opting out and back in, and
 * erasing everything. SMS rules (HELP, STOP, consent) live here as plain flow.
 */
import { service } from '../content/service.ts';
import { crisisReply } from '../crisis/crisis-reply.ts';
import { ask, beat, finish } from '../reply.ts';
import type { Outcome, Turn } from '../turn.ts';
import type { Reply } from '../types.ts';

/** True on a person's first SMS: they have never been told what this is. */
export const needsWelcome = (turn: Turn): boolean =>
  turn.ctx.channel === 'sms' && turn.ctx.profile.consentAt === undefined && !turn.ctx.profile.unavailable;

/** The first-contact welcome, recorded as a consent entry with its time. */
export function welcome(turn: Turn): string {
  turn.effects.push({ type: 'recordConsent', at: turn.ctx.now });
  turn.addEntry({ kind: 'consent', terms: 'sms-welcome' });
  return service.smsWelcome(service.shortCrisisLine(turn.ctx.region));
}

/**
 * Help. On text (HELP, INFO) the crisis resources come first, then what this number is and
 * how to stop it; on voice, what to say, with the crisis line.
 */
export function help(turn: Turn): Outcome {
  if (turn.modality === 'text') {
    const resources = crisisReply({ region: turn.ctx.region, modality: 'text', negated: false });
    return {
      state: { step: 'crisis', values: {} },
      reply: { ...resources, beats: [...resources.beats, beat(service.helpAbout('text'))] },
    };
  }
  return {
    state: { step: 'closed', values: {} },
    reply: ask(
      [service.helpAbout('voice'), `If you're in crisis, ${service.shortCrisisLine(turn.ctx.region)}.`],
      service.helpReprompt,
    ),
  };
}

/** STOP: recorded, and nothing sent (the carrier sends its own confirmation). */
export function optOut(turn: Turn): Outcome {
  turn.effects.push({ type: 'setOptOut', optedOut: true });
  const silent: Reply = { beats: [], expectsAnswer: false, end: true, silent: true };
  return { state: { step: 'closed', values: {} }, reply: silent };
}

export function optIn(turn: Turn): string {
  turn.effects.push({ type: 'setOptOut', optedOut: false });
  return service.optedBackIn;
}

export function confirmDelete(): Outcome {
  return {
    state: { step: 'confirm-delete', values: {} },
    reply: ask([service.deleteConfirm], service.deleteConfirm),
  };
}

/** YES erases every item; anything else keeps everything. */
export function handleConfirmDelete(turn: Turn, confirmed: boolean): Outcome {
  if (!confirmed) return { state: { step: 'closed', values: {} }, reply: finish([service.deleteKept]) };
  turn.effects.push({ type: 'deleteUser' });
  return {
    state: { step: 'closed', values: {} },
    reply: finish([beat(service.deleteDone, { claimsErased: true })]),
  };
}
