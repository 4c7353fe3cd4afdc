/**
 * The service around the check-in: first contact, help, honest answers about itself, opting
 * out and back in, and erasing everything. SMS rules (HELP, STOP, consent) live here as plain
 * flow.
 */

import { capabilitiesOf } from '../capabilities.ts';
import { crisis } from '../content/crisis.ts';
import { link } from '../content/link.ts';
import { service } from '../content/service.ts';
import { crisisReply } from '../crisis/crisis-reply.ts';
import { ask, beat, finish } from '../reply.ts';
import type { FlowState } from '../state.ts';
import { leadWith, type Outcome, type Turn } from '../turn.ts';
import type { Channel, Reply } from '../types.ts';
import type { AboutQuestion } from '../understand.ts';

/**
 * True on a person's first contact on any channel (a first text, a first launch of the skill,
 * a first chat): they have never been told that this is automated and not for emergencies.
 * The profile's `consentAt` makes it once per person; when the profile could not be read
 * nothing is known, so they are not welcomed again.
 */
export const needsWelcome = (turn: Turn): boolean =>
  turn.ctx.profile.consentAt === undefined && !turn.ctx.profile.unavailable;

const WELCOME_TERMS = {
  sms: 'sms-welcome',
  alexa: 'alexa-welcome',
  chat: 'chat-welcome',
} as const satisfies Record<Channel, string>;

/** The first-contact welcome, recorded as a consent entry with its time. */
export function welcome(turn: Turn): string {
  turn.effects.push({ type: 'recordConsent', at: turn.ctx.now });
  turn.addEntry({ kind: 'consent', terms: WELCOME_TERMS[turn.ctx.channel] });
  const line = service.shortCrisisLine(turn.ctx.region);
  if (capabilitiesOf(turn.ctx).carrierDisclosure) return service.smsWelcome(line);
  return turn.modality === 'voice' ? service.voiceWelcome(line) : service.chatWelcome(line);
}

/**
 * Whether a carrier reads STOP and its kin as "unsubscribe" on this channel (SMS: Twilio
 * and the carriers do, whatever the core says). Elsewhere those words are a gentle close.
 */
export const hasCarrierOptOut = (turn: Turn): boolean => capabilitiesOf(turn.ctx).carrierOptOut;

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
      reply: {
        ...resources,
        beats: [
          ...resources.beats,
          beat(service.helpAbout('text')),
          // The one place a prompt names STOP: what it does, never as an answer to a step.
          ...(hasCarrierOptOut(turn) ? [beat(service.optOutExplained)] : []),
        ],
      },
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
  const lines = [service.leaveAlone(turn.modality)];
  // They asked for quiet: say plainly how texts stop for good, as HELP does.
  if (hasCarrierOptOut(turn)) lines.push(service.optOutExplained);
  return { state: { step: 'closed', values: {} }, reply: finish(lines) };
}

/**
 * "Are you a real person?", "who sees this?", "can you tell my therapist?", "how do I delete
 * my data?", "what can you do?": answered honestly at any step. Inside a conversation the
 * person keeps their place (the open question follows); outside one, the answer stands alone
 * with the way to start.
 */
export function answerAbout(
  turn: Turn,
  current: FlowState,
  question: AboutQuestion,
  resume: (kept: FlowState) => Outcome,
): Outcome {
  const answer = service.about[question](turn.modality, service.shortCrisisLine(turn.ctx.region));
  if (current.step === 'closed') {
    return { state: current, reply: finish([answer, ...service.about.wayOn(question, turn.modality)]) };
  }
  return leadWith([answer], resume(current));
}

/** STOP: recorded, and nothing sent (the carrier sends its own confirmation). */
export function optOut(turn: Turn): Outcome {
  turn.effects.push({ type: 'setOptOut', optedOut: true });
  // Every reminder ends at once, and the number kept for them is erased.
  if (turn.ctx.profile.reminder) turn.effects.push({ type: 'clearReminder' });
  const silent: Reply = { beats: [], expectsAnswer: false, end: true, silent: true };
  return { state: { step: 'closed', values: {} }, reply: silent };
}

export function optIn(turn: Turn): string {
  turn.effects.push({ type: 'setOptOut', optedOut: false });
  return service.optedBackIn;
}

export function confirmDelete(turn: Turn): Outcome {
  // Linked to Alexa or a phone: the other side's journal is the same one, and goes too.
  const question = turn.ctx.profile.linked
    ? link.deleteBoth(turn.modality)
    : service.deleteConfirm(turn.modality);
  return {
    state: { step: 'confirm-delete', values: {} },
    reply: ask([question], service.deleteConfirmReprompt(turn.modality)),
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
