/**
 * The one place a turn runs, for every channel: read once, let the core decide, commit.
 * Channels parse input and render the reply; they never touch the store for a turn.
 *
 * Promises this file keeps (docs/design.md, "A turn"):
 * - the reply comes within the deadline even when the store hangs, and the crisis gate runs
 *   even when the store is down (the core needs no store for it);
 * - exactly once: a provider message (Twilio's MessageSid) already answered is answered
 *   again with the same reply and nothing is run or written; however many deliveries race,
 *   one commit wins and the others replay its reply;
 * - a turn's journal entries and profile changes are written only with the state write that
 *   won (the store commits them together), so a re-applied attempt leaves nothing of its own;
 * - a write that failed is never told to the person as saved (`withSaveFailure`);
 * - no store promise is left to reject unhandled, even one that settles after its deadline.
 *
 * The steps, in order: `read` (one bounded read), `decide` (the core, with history when it
 * asks), then `erase` or `commit` (with one re-apply on a conflict), then `finish` (honesty
 * and the log lines).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { link } from '../core/content/link.ts';
import { service } from '../core/content/service.ts';
import { sessionPrep } from '../core/content/session-prep.ts';
import type { CheckInStore, ContactVault, HostEffect, TurnSnapshot, TurnWrite } from '../core/ports.ts';
import { hardMomentOf } from '../core/sessions/hard-moments.ts';
import { step, withSaveFailure } from '../core/step.ts';
import type {
  Channel,
  ConversationState,
  CrisisRegion,
  Ctx,
  Effect,
  Input,
  LinkOutcome,
  ProfileView,
  Reply,
  ShareRequest,
  StepResult,
} from '../core/types.ts';
import { errorName, type Logger } from '../observability/log.ts';
import type { ShareLinkIssuer } from '../share/links.ts';
import { PartialCommitError } from '../store/errors.ts';
import type { CrisisTexter, PhoneTexter } from './crisis-text.ts';
import { type Deadline, DeadlineError, deadlineIn, withDeadline } from './deadline.ts';

export interface TurnRequest {
  /** HMAC user id (see `userIdFor`), never a raw phone number or Alexa id. */
  userId: string;
  channel: Channel;
  region: CrisisRegion;
  input: Input;
  /** The provider's id for this message (Twilio MessageSid), so a redelivery is answered once. */
  messageId?: string;
  /** The request's own deadline; the turn ends by it or by its budget, whichever comes first. */
  deadline?: Deadline;
  /**
   * SMS only: the sender's number, sealed and kept only if this turn sets up a reminder (and
   * none is kept yet). Never logged, never handed to the core.
   */
  phone?: string;
  /** The channel's first guess of the person's time zone (from the number, on SMS). */
  timeZoneGuess?: string;
  /** Alexa: the speaker is a recognised voice with a journal of its own (said when linking). */
  recognisedVoice?: boolean;
}

export interface TurnOutcome {
  reply: Reply;
  /** Everything the turn had to read and write went through. False: the reply is honest about it. */
  saved: boolean;
  /** The reply carries crisis resources. */
  crisis: boolean;
  /** Everything of the person was erased this turn (channels must not write anything after it). */
  erased: boolean;
  /** This message had been answered already: its reply, sent again, with nothing run. */
  replayed?: boolean;
}

export interface TurnRunnerDeps {
  store: CheckInStore;
  /** Defaults to the system clock. */
  clock?: () => Date;
  /** A fresh id per turn; defaults to a random UUID. */
  newId?: () => string;
  /** A 32-bit seed per turn; defaults to crypto randomness. */
  seed?: () => number;
  logger: Logger;
  /** Time the whole turn may take, store included. Alexa must answer within about 3 s. */
  budgetMs?: number;
  /** Seals a phone number for a reminder; without it no number is ever kept (and no reminder set). */
  vault?: ContactVault;
  /**
   * Alexa linked to a phone: texts the crisis numbers to it (src/service/crisis-text.ts).
   * Without it nothing is texted, and the skill never says it was.
   */
  crisisTexter?: CrisisTexter;
  /** Alexa linked to a phone: texts "text me my summary" to it. Without it, the reply says it could not. */
  phoneTexter?: PhoneTexter;
  /** SHARE / EXPORT: makes a private link (src/share/links.ts). Without it, the reply says none could be made. */
  shareLinks?: ShareLinkIssuer;
}

/**
 * How long a crisis reply on Alexa waits for the text to the linked phone to be accepted
 * before answering without saying so (the text may still go). Alexa waits about 3 s.
 */
export const CRISIS_TEXT_WAIT_MS = 1200;

export type RunTurn = (req: TurnRequest) => Promise<TurnOutcome>;

/** Default whole-turn budget: leaves Alexa's ~3 s answer window some room for rendering. */
export const DEFAULT_TURN_BUDGET_MS = 2500;

const EMPTY_SNAPSHOT: TurnSnapshot = { profile: null, session: null };

type Attempt<T> = { ok: true; value: T } | { ok: false; error?: unknown };

/** What the core decided, and whether the history it asked for could be read. */
interface Decision {
  result: StepResult;
  historyFailed: boolean;
}

/** What went wrong, kept apart: a lost state write is not a lost journal entry. */
interface Losses {
  read: boolean;
  state: boolean;
  writes: boolean;
}

/** Builds the turn runner shared by SMS, Alexa and the terminal chat. */
export function createTurnRunner(deps: TurnRunnerDeps): RunTurn {
  const { store, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? (() => randomUUID());
  const nextSeed = deps.seed ?? (() => randomInt(0, 2 ** 32));
  const budgetMs = deps.budgetMs ?? DEFAULT_TURN_BUDGET_MS;

  return async function runTurn(req: TurnRequest): Promise<TurnOutcome> {
    const started = performance.now();
    const deadline = deadlineIn(budgetMs, req.deadline);
    const now = clock().toISOString();
    const turn = new Turn(
      req,
      store,
      logger,
      deadline,
      { now, id: newId(), seed: nextSeed() },
      deps.vault,
      deps.phoneTexter,
      deps.shareLinks,
    );
    let outcome = await turn.run();
    if (deps.crisisTexter) outcome = await turn.alsoText(outcome, deps.crisisTexter);
    turn.logOutcome(outcome, Math.round(performance.now() - started));
    return outcome;
  };
}

/** One turn's steps; each store call is bounded by the turn's deadline. */
class Turn {
  readonly #losses: Losses = { read: false, state: false, writes: false };
  readonly #log: { user: string; channel: Channel };
  /** The conversation step the turn ended on, for the log line. */
  #step = 'replay';
  /** The sealed number, when this turn sets up someone's first reminder. */
  #contactWrites: TurnWrite[] = [];
  /**
   * Whose journal this turn reads and writes: the channel identity, or the person it is
   * linked to (an Alexa identity linked to a phone resolves to the phone's user id).
   */
  #person: string;
  /** What redeeming this turn's link code came to; redeemed once even if the turn is decided again. */
  #linkOutcome: LinkOutcome | undefined;
  /** What the turn read: whether a crisis reply may be texted to a linked phone too. */
  #read: TurnSnapshot | undefined;
  /** The link made for SHARE / EXPORT this turn; made once even if the turn is decided again. */
  #share: { url: string } | 'unavailable' | undefined;

  constructor(
    private readonly req: TurnRequest,
    private readonly store: CheckInStore,
    private readonly logger: Logger,
    private readonly deadline: Deadline,
    private readonly base: { now: string; id: string; seed: number },
    private readonly vault?: ContactVault,
    private readonly phoneTexter?: PhoneTexter,
    private readonly shareLinks?: ShareLinkIssuer,
  ) {
    this.#log = { user: req.userId, channel: req.channel };
    this.#person = req.userId;
  }

  async run(): Promise<TurnOutcome> {
    const { userId, channel, messageId } = this.req;
    const loaded = await this.#bounded('load-turn', () =>
      this.store.loadTurn(userId, channel, this.base.now, messageId),
    );
    if (loaded.ok && loaded.value.replay) return this.#replay(loaded.value.replay);
    if (loaded.ok && loaded.value.personId) this.#person = loaded.value.personId;
    if (loaded.ok) this.#read = loaded.value;

    let decision = await this.#decide(loaded.ok ? loaded.value : EMPTY_SNAPSHOT, !loaded.ok);
    let erased = false;
    if (!loaded.ok || decision.historyFailed) {
      // Without the version read, a state write could clobber a newer one: answer, write nothing.
      this.#losses.read = true;
      this.#losses.writes = decision.result.effects.length > 0;
    } else if (decision.result.effects.some((effect) => effect.type === 'deleteUser')) {
      erased = await this.#erase(decision.result, loaded.value);
    } else {
      decision = await this.#sealContact(decision, loaded.value);
      decision = await this.#linkEffects(decision);
      const committed = await this.#commit(decision, loaded.value);
      if ('replay' in committed) return this.#replay(committed.replay);
      decision = committed;
    }
    return this.#finish(decision, erased);
  }

  /**
   * A crisis spoken to Alexa by someone linked to a phone that may be texted (a number kept,
   * not opted out): the numbers go to the phone as well, once an episode (not again while the
   * conversation stays in the crisis step), and the reply says so only if the text went. The
   * crisis reply itself is never changed or delayed beyond CRISIS_TEXT_WAIT_MS.
   */
  async alsoText(outcome: TurnOutcome, texter: CrisisTexter): Promise<TurnOutcome> {
    const read = this.#read;
    if (!outcome.crisis || this.req.channel !== 'alexa' || !read?.personId) return outcome;
    if (!read.profile?.hasContact || read.profile.optedOut) return outcome;
    const before = read.session?.state.step;
    if (before === 'crisis' || before === 'crisis-check') return outcome;
    const sending = texter(this.#person, this.req.region, this.base.now).catch(() => false);
    const sent = await Promise.race([
      sending,
      new Promise<false>((resolve) => setTimeout(() => resolve(false), CRISIS_TEXT_WAIT_MS).unref?.()),
    ]);
    if (!sent) return outcome;
    const beats = [...outcome.reply.beats];
    // Before the closing offer to say the number again, so the question stays last.
    beats.splice(Math.max(beats.length - 1, 0), 0, { text: link.crisisTexted });
    return { ...outcome, reply: { ...outcome.reply, beats } };
  }

  logOutcome(outcome: TurnOutcome, ms: number): void {
    // The logger drops the user id from any line about a crisis (observability/log.ts).
    const fields = { event: 'turn', ...this.#log, step: this.#step, crisis: outcome.crisis, ms };
    if (!outcome.saved) this.logger.warn({ ...fields, event: 'save-failed' });
    this.logger.info(fields);
    if (outcome.crisis) {
      // Counted, never with text, and never in the reply's way.
      queueMicrotask(() => this.logger.warn({ event: 'crisis-reply', channel: this.req.channel }));
    }
  }

  /** One store call within what is left of the deadline; failures become values. */
  async #bounded<T>(label: string, call: () => Promise<T>): Promise<Attempt<T>> {
    try {
      return { ok: true, value: await withDeadline(call, this.deadline, label) };
    } catch (error) {
      if (error instanceof DeadlineError) {
        this.logger.warn({ event: 'store-timeout', ...this.#log, step: label });
      } else if (!(error instanceof PartialCommitError)) {
        this.logger.warn({ event: 'store-failed', ...this.#log, step: label, error: errorName(error) });
      }
      return { ok: false, error };
    }
  }

  /**
   * A turn that sets up a reminder for someone whose number is not kept yet: the number is
   * sealed (KMS or the local key) and written with the turn. If it cannot be sealed, the
   * reminder is not set either (nothing could text them), and the reply says it was not saved.
   */
  async #sealContact(decision: Decision, snapshot: TurnSnapshot): Promise<Decision> {
    // A reminder, or a yes to the caring text after a crisis reply: both need the number.
    const wantsContact = decision.result.effects.some(
      (e) => e.type === 'setReminder' || (e.type === 'setCaringText' && e.caring.answer === 'yes'),
    );
    const clears = decision.result.effects.some((e) => e.type === 'clearReminder');
    if (!wantsContact || clears || snapshot.profile?.hasContact) return decision;
    const { phone } = this.req;
    const userId = this.#person;
    const sealed =
      phone === undefined || this.vault === undefined
        ? ({ ok: false } as const)
        : await this.#bounded('seal-contact', () => (this.vault as ContactVault).seal(userId, phone));
    if (sealed.ok) {
      this.#contactWrites = [{ type: 'storeContact', sealed: sealed.value }];
      return decision;
    }
    this.#losses.writes = true;
    const effects = decision.result.effects.filter(
      (e) => e.type !== 'setReminder' && !(e.type === 'setCaringText' && e.caring.answer === 'yes'),
    );
    return { ...decision, result: { ...decision.result, effects } };
  }

  /**
   * A link code made this turn is kept (its hash, ten minutes); UNLINK separates the sides.
   * Both act on the channel identity itself, not the person it resolves to. If either fails,
   * the reply says it was not saved (the code beat claims it was, so it is swapped).
   */
  async #linkEffects(decision: Decision): Promise<Decision> {
    const { userId, channel } = this.req;
    const now = this.base.now;
    let result = decision.result;
    for (const effect of decision.result.effects) {
      if (effect.type === 'textPhone') {
        const texter = this.phoneTexter;
        const reply = await this.#withShareLink(effect.reply, effect.share);
        const sent = texter
          ? await this.#bounded('text-phone', () => texter(this.#person, reply, now))
          : ({ ok: false } as const);
        if (!sent.ok || !sent.value) {
          // Never "I've texted" for a text that did not go.
          const beats = result.reply.beats.map((b) =>
            b.text === link.summaryTexted ? { text: link.summaryNotTexted } : b,
          );
          result = { ...result, reply: { ...result.reply, beats } };
        }
        continue;
      }
      if (effect.type === 'revokeShares') {
        const revoked = await this.#bounded('revoke-shares', () => this.store.revokeShareLinks(this.#person));
        if (!revoked.ok) this.#losses.writes = true;
        continue;
      }
      if (effect.type !== 'issueLinkCode' && effect.type !== 'unlink') continue;
      const done =
        effect.type === 'issueLinkCode'
          ? await this.#bounded('link-code', () =>
              this.store.createLinkCode(effect.code, { userId, channel }, now),
            )
          : await this.#bounded('unlink', () => this.store.unlink(userId, now));
      if (!done.ok || (effect.type === 'issueLinkCode' && done.value === false)) this.#losses.writes = true;
    }
    return { ...decision, result };
  }

  /**
   * The summary texted from Alexa, with a private page link for its window as its last beat,
   * as SHARE by text gives. Without a link maker, or if one cannot be made, the summary goes
   * without it: the text is still what was asked for. The URL is never logged.
   */
  async #withShareLink(reply: Reply, request: ShareRequest | undefined): Promise<Reply> {
    const issuer = this.shareLinks;
    if (!request || !issuer) return reply;
    const made = await this.#bounded('share-link', () => issuer(this.#person, request, this.base.now));
    if (!made.ok) return reply;
    this.logger.info({ event: 'share-link', channel: this.req.channel, step: request.kind });
    return {
      ...reply,
      beats: [...reply.beats, { text: sessionPrep.links.share(made.value), carriesLink: true }],
    };
  }

  /** Runs the core, fetching journal history (or redeeming a link code) once if it asks. */
  async #decide(snapshot: TurnSnapshot, unavailable = false): Promise<Decision> {
    const { channel, region, input } = this.req;
    const userId = this.#person;
    const profile = unavailable ? { unavailable: true } : profileView(snapshot);
    const ctx: Ctx = {
      ...this.base,
      channel,
      region,
      profile,
      ...(this.req.timeZoneGuess ? { timeZoneGuess: this.req.timeZoneGuess } : {}),
      ...(this.req.recognisedVoice ? { recognisedVoice: true } : {}),
    };
    const state = snapshot.session?.state ?? null;
    const first = step(state, input, ctx);
    const needs = first.needs;
    if (!needs) return { result: first, historyFailed: false };
    if (needs.share !== undefined) {
      const request = needs.share;
      const issuer = this.shareLinks;
      if (this.#share === undefined) {
        const made = issuer
          ? await this.#bounded('share-link', () => issuer(userId, request, this.base.now))
          : ({ ok: false } as const);
        // The URL is the credential: it goes into the reply only, never into a log line.
        this.#share = made.ok ? { url: made.value } : 'unavailable';
        if (made.ok) this.logger.info({ event: 'share-link', channel, step: request.kind });
      }
      return { result: step(state, input, { ...ctx, share: this.#share }), historyFailed: false };
    }
    if (needs.linkCode !== undefined) {
      const code = needs.linkCode;
      if (this.#linkOutcome === undefined) {
        const redeemed = await this.#bounded('redeem-link-code', () =>
          this.store.redeemLinkCode(code, { userId: this.req.userId, channel }, this.base.now),
        );
        this.#linkOutcome = redeemed.ok ? redeemed.value : 'unavailable';
        if (this.#linkOutcome === 'linked') this.logger.info({ event: 'linked', channel });
      }
      return { result: step(state, input, { ...ctx, link: this.#linkOutcome }), historyFailed: false };
    }
    const since = needs.historySince ?? this.base.now;
    const history = await this.#bounded('entries-since', () => this.store.entriesSince(userId, since));
    if (!history.ok) {
      // A summary from an empty history would say "nothing yet": a lie. Say what happened.
      const reply: Reply = { beats: [{ text: service.historyUnavailable }], expectsAnswer: false, end: true };
      return { result: { state: first.state, reply, effects: [] }, historyFailed: true };
    }
    return { result: step(state, input, { ...ctx, history: history.value }), historyFailed: false };
  }

  /**
   * Commits the decision with its state; on a conflict, re-reads once: a delivery that lost
   * to its own twin replays the twin's reply, anything else is decided again on top.
   */
  async #commit(first: Decision, snapshot: TurnSnapshot): Promise<Decision | { replay: Reply }> {
    const { channel, messageId } = this.req;
    const userId = this.#person;
    const once = async (decision: Decision, read: TurnSnapshot) => {
      const { result } = decision;
      const deliveries = read.session?.deliveries;
      return this.#bounded('commit-turn', () =>
        this.store.commitTurn(userId, channel, {
          state: result.state,
          expectedVersion: read.session?.version ?? null,
          writes: [
            ...result.effects.filter(
              (e): e is Exclude<Effect, { type: HostEffect }> => !HOST_EFFECTS.has(e.type),
            ),
            // A crisis reply is noted as a hard moment (only its time): the host's write, so the
            // core's crisis turn stays effect-free and a lost write never changes the reply.
            ...hardMomentWrites(read.session?.state ?? null, result, this.base, this.req.channel),
            ...this.#contactWrites,
          ],
          ...(messageId === undefined ? {} : { delivery: { messageId, reply: withoutLinks(result.reply) } }),
          ...(deliveries ? { keptDeliveries: deliveries } : {}),
          now: this.base.now,
        }),
      );
    };
    const settle = (attempt: Attempt<number | 'conflict'>, decision: Decision) => {
      if (attempt.ok) return;
      if (attempt.error instanceof PartialCommitError) {
        this.logger.warn({ event: 'store-failed', ...this.#log, step: 'commit-writes' });
        // Only the host's own note of a hard moment lost: nothing the person was told is untrue.
        this.#losses.writes = decision.result.effects.length > 0 || this.#contactWrites.length > 0;
      } else {
        this.#losses.state = true;
        this.#losses.writes = decision.result.effects.length > 0;
      }
    };

    const attempt = await once(first, snapshot);
    settle(attempt, first);
    if (!attempt.ok || attempt.value !== 'conflict') return first;

    this.logger.info({ event: 'state-conflict', ...this.#log, count: 1 });
    const reread = await this.#bounded('load-turn', () =>
      this.store.loadTurn(this.req.userId, channel, this.base.now, messageId),
    );
    if (reread.ok && reread.value.replay) return { replay: reread.value.replay };
    const again = reread.ok ? await this.#decide(reread.value) : undefined;
    if (!reread.ok || !again || again.historyFailed) {
      this.#losses.state = true;
      this.#losses.writes = first.result.effects.length > 0;
      return first;
    }
    const second = await once(again, reread.value);
    settle(second, again);
    if (second.ok && second.value === 'conflict') {
      // Nothing of this turn was kept: the reply says so.
      this.logger.warn({ event: 'state-dropped', ...this.#log, count: 2 });
      this.#losses.state = true;
      this.#losses.writes = again.result.effects.length > 0;
    }
    return again;
  }

  /**
   * Erases the person, then remembers (outside their partition, for a day) that this message
   * and the last ones were answered, so a redelivery cannot bring them back.
   */
  async #erase(result: StepResult, snapshot: TurnSnapshot): Promise<boolean> {
    const { messageId } = this.req;
    const userId = this.#person;
    for (const effect of result.effects) {
      const done = await this.#bounded(`effect-${effect.type}`, () => this.#applyAlone(effect));
      if (!done.ok) {
        this.#losses.writes = true;
        // After a failed delete, later effects would act on a half-deleted person.
        return false;
      }
    }
    if (messageId !== undefined) {
      const remembered = await this.#bounded('remember-erasure', () =>
        this.store.rememberErasure(
          userId,
          { messageId, reply: result.reply },
          snapshot.session?.deliveries ?? [],
          this.base.now,
        ),
      );
      // The erase itself held; a lost tombstone only risks a redelivery being answered anew.
      if (!remembered.ok)
        this.logger.warn({ event: 'store-failed', channel: this.req.channel, step: 'tombstone' });
    }
    return true;
  }

  /** An effect on its own, outside a turn commit (only the erase turn needs this). */
  async #applyAlone(effect: Effect): Promise<unknown> {
    // The person: erasing a linked Alexa identity erases the phone's journal and every link.
    const userId = this.#person;
    const now = this.base.now;
    switch (effect.type) {
      case 'deleteUser': {
        const count = await this.store.deleteUser(userId);
        this.logger.info({ event: 'user-deleted', channel: this.req.channel, count });
        return count;
      }
      case 'appendEntry':
        return this.store.appendEntry(userId, effect.entry);
      case 'setOpenGoal':
        return this.store.setOpenGoal(userId, effect.goal, now);
      case 'clearOpenGoal':
        return this.store.setOpenGoal(userId, null, now);
      case 'recordConsent':
        return this.store.recordConsent(userId, effect.at);
      case 'setOptOut':
        return this.store.setOptOut(userId, effect.optedOut, now);
      default:
        // Reminder changes never share a turn with an erase, which removes them anyway.
        return undefined;
    }
  }

  /** The reply, honest about anything of theirs that was not kept. */
  #finish({ result, historyFailed }: Decision, erased: boolean): TurnOutcome {
    this.#step = result.state.step;
    const crisis = result.reply.crisis === true;
    const lost = this.#losses;
    const saved = !lost.writes && !lost.state && !lost.read;
    // A crisis reply whose only loss is its place in the conversation stays exactly as the
    // core wrote it.
    const honest = lost.writes || (lost.state && !crisis) || (lost.read && !crisis && !historyFailed);
    const reply = honest ? withSaveFailure(result.reply) : result.reply;
    return { reply, saved, crisis, erased, replayed: false };
  }

  #replay(reply: Reply): TurnOutcome {
    return { reply, saved: true, crisis: reply.crisis === true, erased: false, replayed: true };
  }
}

function hardMomentWrites(
  before: ConversationState | null,
  result: StepResult,
  base: { now: string; id: string },
  channel: Channel,
): TurnWrite[] {
  const entry = hardMomentOf(before, result, { ...base, channel });
  return entry ? [{ type: 'appendEntry', entry }] : [];
}

const HOST_EFFECTS: ReadonlySet<string> = new Set<HostEffect>([
  'deleteUser',
  'issueLinkCode',
  'unlink',
  'textPhone',
  'revokeShares',
]);

/**
 * The reply as the session remembers it for a redelivered message: a private link is never
 * stored in the clear, so a line takes its place (Reply SHARE for a new one).
 */
function withoutLinks(reply: Reply): Reply {
  if (!reply.beats.some((b) => b.carriesLink)) return reply;
  return {
    ...reply,
    beats: reply.beats.map((b) => (b.carriesLink ? { text: sessionPrep.links.sentAlready } : b)),
  };
}

function profileView(snapshot: TurnSnapshot): ProfileView {
  const { profile } = snapshot;
  const view: ProfileView = {};
  if (snapshot.personId || (profile?.linkedIds?.length ?? 0) > 0) view.linked = true;
  if (profile?.openGoal) view.openGoal = profile.openGoal;
  if (profile?.consentAt) view.consentAt = profile.consentAt;
  if (profile?.optedOut !== undefined) view.optedOut = profile.optedOut;
  if (profile?.timeZone) view.timeZone = profile.timeZone;
  // A reminder without a number to text is no reminder: the core sees it only with one.
  if (profile?.reminder && profile.hasContact) view.reminder = profile.reminder;
  if (profile?.reminderOfferedAt) view.reminderOfferedAt = profile.reminderOfferedAt;
  if (profile?.planOfferedAt) view.planOfferedAt = profile.planOfferedAt;
  if (profile?.safetyPlan) view.safetyPlan = profile.safetyPlan;
  if (profile?.caringText) view.caringText = profile.caringText;
  if (profile?.sessions) view.sessions = profile.sessions;
  if (profile?.includeHardMomentsAt) view.includeHardMoments = true;
  if (profile?.hardMomentsAskedAt) view.hardMomentsAsked = true;
  return view;
}
