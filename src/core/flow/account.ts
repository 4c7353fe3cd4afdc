/**
 * The service around the check-in: first contact, help, opting out and back in, and
 * erasing everything. SMS rules (HELP, STOP, consent) live here as plain flow.
 */
import { crisis } from '../content/crisis.ts';
import { service } from '../content/service.ts';
import { crisisReply } from '../crisis/crisis-reply.ts';
import { ask, beat, finish } from '../reply.ts';
import type { FlowState } from '../state.ts';
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
export function help(turn: Turn, current: FlowState): Outcome {
  // Asking what this is is not a crisis: the person keeps their place in the check-in.
  if (turn.modality === 'text') {
    const resources = crisisReply({ region: turn.ctx.region, modality: 'text', negated: false });
    return {
      state: current,
      reply: { ...resources, beats: [...resources.beats, beat(service.helpAbout('text'))] },
    };
  }
  const { region } = turn.ctx;
  const line = service.voiceHelpCrisis(service.shortCrisisLine(region));
  // The region's own emergency line (911, 999, 000...), as the full crisis reply says it.
  const danger = crisis.regions[region].lines.voice.filter((l) => /immediate danger/.test(l));
  return {
    state: current,
    reply: { ...ask([line, ...danger, service.helpAbout('voice')], service.helpReprompt), crisis: true },
  };
}

/** "leave me alone": quiet now, without opting out (only the carrier's STOP does that). */
export function leaveAlone(turn: Turn): Outcome {
  return { state: { step: 'closed', values: {} }, reply: finish([service.leaveAlone(turn.modality)]) };
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

export function confirmDelete(turn: Turn): Outcome {
  return {
    state: { step: 'confirm-delete', values: {} },
    reply: ask([service.deleteConfirm(turn.modality)], service.deleteConfirmReprompt(turn.modality)),
  };
}

/** YES erases every item; anything else keeps everything. */
export function handleConfirmDelete(turn: Turn, confirmed: boolean): Outcome {
  if (!confirmed) return { state: { step: 'closed', values: {} }, reply: finish([service.deleteKept]) };
  turn.effects.push({ type: 'deleteUser' });
  return {
    state: { step: 'closed', values: {} },
    reply: finish([beat(service.deleteDone(turn.modality), { claimsErased: true })]),
  };
}
