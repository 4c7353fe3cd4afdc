/**
 * A tiny in-memory host for transcript tests of the pure core: it keeps state and profile
 * between turns and applies effects the way the real turn runner does, without I/O.
 */
import { hardMomentOf } from '../../src/core/sessions/hard-moments.ts';
import { step } from '../../src/core/step.ts';
import type {
  Channel,
  ConversationState,
  CrisisRegion,
  Ctx,
  Effect,
  Input,
  JournalEntry,
  LinkOutcome,
  ProfileView,
  Reply,
} from '../../src/core/types.ts';

export interface Turned {
  reply: Reply;
  /** Every beat joined, as a person would read it (choices appended as "1) label"). */
  text: string;
  effects: Effect[];
}

export class Conversation {
  state: ConversationState | null = null;
  profile: ProfileView = {};
  /** What redeeming a link code comes to in this driver (the store decides it for real). */
  linkOutcome: LinkOutcome = 'wrong';
  /** The link the host would make for SHARE / EXPORT ('unavailable': none could be made). */
  shareLink: { url: string } | 'unavailable' = { url: 'https://example.test/share/TOKEN' };
  /** What SHARE / EXPORT asked the host for, last. */
  shareRequests: Array<{ kind: string; since: string }> = [];
  entries: JournalEntry[] = [];
  deleted = false;
  private turns = 0;
  private clock: number;
  /** What the SMS channel guesses from the number (src/channels/sms/time-zone-guess.ts). */
  timeZoneGuess: string | undefined;

  /**
   * A person on `channel`. On SMS they are new (their first text is welcomed); on the chat and
   * Alexa they were welcomed before, so a transcript reads from their second contact on.
   * `firstContact: true` makes anyone new: the welcome comes first, once (flow/account.ts).
   */
  constructor(
    readonly channel: Channel = 'chat',
    readonly region: CrisisRegion = 'US',
    start = '2026-11-20T09:00:00.000Z',
    options: { firstContact?: boolean } = {},
  ) {
    this.clock = Date.parse(start);
    const isNew = channel === 'sms' || options.firstContact === true;
    this.profile = isNew ? {} : { consentAt: new Date(this.clock - 86_400_000).toISOString() };
  }

  /** Moves the clock forward, e.g. to the next day. */
  advance(hours: number): this {
    this.clock += hours * 3_600_000;
    return this;
  }

  ctx(): Ctx {
    this.turns += 1;
    return {
      now: new Date(this.clock + this.turns * 1000).toISOString(),
      id: `t${this.turns}`,
      seed: this.turns * 7919,
      channel: this.channel,
      region: this.region,
      profile: this.profile,
      ...(this.timeZoneGuess ? { timeZoneGuess: this.timeZoneGuess } : {}),
    };
  }

  send(input: Input | string): Turned {
    const message: Input = typeof input === 'string' ? { type: 'text', text: input } : input;
    const ctx = this.ctx();
    let result = step(this.state, message, ctx);
    if (result.needs?.historySince !== undefined) {
      const since = result.needs.historySince;
      result = step(this.state, message, { ...ctx, history: this.entries.filter((e) => e.at >= since) });
    } else if (result.needs?.share !== undefined) {
      this.shareRequests.push(result.needs.share);
      result = step(this.state, message, { ...ctx, share: this.shareLink });
    } else if (result.needs?.linkCode !== undefined) {
      // A pure driver has no other side to link with: the code it was given is the one it knows.
      result = step(this.state, message, { ...ctx, link: this.linkOutcome });
    }
    for (const effect of result.effects) this.apply(effect);
    // As the turn runner does: a crisis reply is noted as a hard moment (its time only).
    const moment = hardMomentOf(this.state, result, ctx);
    if (moment) this.entries.push(moment);
    this.state = result.state;
    return { reply: result.reply, text: render(result.reply), effects: result.effects };
  }

  private apply(effect: Effect): void {
    switch (effect.type) {
      case 'appendEntry':
        this.entries.push(effect.entry);
        break;
      case 'setOpenGoal':
        this.profile = { ...this.profile, openGoal: effect.goal };
        break;
      case 'clearOpenGoal': {
        const { openGoal: _, ...rest } = this.profile;
        this.profile = rest;
        break;
      }
      case 'recordConsent':
        this.profile = { ...this.profile, consentAt: effect.at };
        break;
      case 'setOptOut':
        this.profile = { ...this.profile, optedOut: effect.optedOut };
        break;
      case 'setReminder':
        this.profile = { ...this.profile, reminder: structuredClone(effect.reminder) };
        break;
      case 'clearReminder': {
        const { reminder: _, ...rest } = this.profile;
        this.profile = rest;
        break;
      }
      case 'setTimeZone':
        this.profile = { ...this.profile, timeZone: effect.timeZone };
        break;
      case 'markReminderOffered':
        this.profile = { ...this.profile, reminderOfferedAt: effect.at };
        break;
      case 'markPlanOffered':
        this.profile = { ...this.profile, planOfferedAt: effect.at };
        break;
      case 'setSafetyPlan':
        this.profile = { ...this.profile, safetyPlan: structuredClone(effect.plan) };
        break;
      case 'clearSafetyPlan': {
        const { safetyPlan: _, ...rest } = this.profile;
        this.profile = rest;
        break;
      }
      case 'setCaringText':
        this.profile = { ...this.profile, caringText: { ...effect.caring } };
        break;
      case 'setSessions': {
        const { sessions: _, ...rest } = this.profile;
        this.profile = effect.sessions ? { ...rest, sessions: structuredClone(effect.sessions) } : rest;
        break;
      }
      case 'includeHardMoments':
        this.profile = { ...this.profile, includeHardMoments: true };
        break;
      case 'markHardMomentsAsked':
        this.profile = { ...this.profile, hardMomentsAsked: true };
        break;
      case 'deleteUser':
        this.entries = [];
        this.profile = {};
        this.deleted = true;
        break;
    }
  }
}

export function render(reply: Reply): string {
  const lines = reply.beats.map((b) => b.text);
  if (reply.choices) lines.push(reply.choices.map((c) => `${c.id}) ${c.label}`).join(' '));
  return lines.join(' ');
}
