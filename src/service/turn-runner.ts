/**
 * The one place a turn runs, for every channel: read once, let the core decide, write
 * back. Channels parse input and render the reply; they never touch the store for a turn.
 *
 * Promises this file keeps (docs/safety.md, issue "DynamoDB store"):
 * - the reply comes within the time budget even when the store hangs, and the crisis
 *   gate runs even when the store is down (the core needs no store for it);
 * - a write that failed is never told to the person as saved (`withSaveFailure`);
 * - two messages at the same moment both reach the journal (appends are commutative;
 *   only the state write is conditional);
 * - no store promise is left to reject unhandled, even one that settles after its timeout.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { service } from '../core/content/service.ts';
import type { CheckInStore, Profile, TurnSnapshot } from '../core/ports.ts';
import { step, withSaveFailure } from '../core/step.ts';
import type {
  Channel,
  CrisisRegion,
  Ctx,
  Effect,
  Input,
  JournalEntry,
  ProfileView,
  Reply,
  StepResult,
} from '../core/types.ts';
import { errorName, type Logger } from '../observability/log.ts';

export interface TurnRequest {
  /** HMAC user id (see `userIdFor`), never a raw phone number or Alexa id. */
  userId: string;
  channel: Channel;
  region: CrisisRegion;
  input: Input;
}

export interface TurnOutcome {
  reply: Reply;
  /** Everything the turn had to read and write went through. False: the reply is honest about it. */
  saved: boolean;
  /** The reply carries crisis resources. */
  crisis: boolean;
  /** Everything of the person was erased this turn (channels must not write anything after it). */
  erased: boolean;
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
}

export type RunTurn = (req: TurnRequest) => Promise<TurnOutcome>;

/** Default whole-turn budget: leaves Alexa's ~3 s answer window some room for rendering. */
export const DEFAULT_TURN_BUDGET_MS = 2500;

const EMPTY_SNAPSHOT: TurnSnapshot = { profile: null, session: null };

type Attempt<T> = { ok: true; value: T } | { ok: false };

/** What the core decided, and whether the history it asked for could be read. */
interface Decision {
  result: StepResult;
  historyFailed: boolean;
}

/** Builds the turn runner shared by SMS, Alexa and the terminal chat. */
export function createTurnRunner(deps: TurnRunnerDeps): RunTurn {
  const { store, logger } = deps;
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? (() => randomUUID());
  const nextSeed = deps.seed ?? (() => randomInt(0, 2 ** 32));
  const budgetMs = deps.budgetMs ?? DEFAULT_TURN_BUDGET_MS;

  return async function runTurn(req: TurnRequest): Promise<TurnOutcome> {
    const { userId, channel, region, input } = req;
    const started = performance.now();
    const deadline = started + budgetMs;
    const now = clock().toISOString();
    const base = { now, id: newId(), seed: nextSeed(), channel, region };
    const log = { user: userId, channel };

    /** One store call, bounded by what is left of the budget; failures become values. */
    const attempt = async <T>(label: string, call: () => Promise<T>): Promise<Attempt<T>> => {
      const left = deadline - performance.now();
      if (left <= 0) {
        logger.warn({ event: 'store-skipped', ...log, step: label });
        return { ok: false };
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        const pending = call();
        // Attached now, so a call that rejects after we stopped waiting is still handled.
        pending.catch(() => {});
        const timedOut = new Promise<'timeout'>((resolve) => {
          timer = setTimeout(() => resolve('timeout'), left);
        });
        const settled = await Promise.race([pending.then((value) => ({ value })), timedOut]);
        if (settled === 'timeout') {
          logger.warn({ event: 'store-timeout', ...log, step: label, ms: Math.round(left) });
          return { ok: false };
        }
        return { ok: true, value: settled.value };
      } catch (error) {
        logger.warn({ event: 'store-failed', ...log, step: label, error: errorName(error) });
        return { ok: false };
      } finally {
        clearTimeout(timer);
      }
    };

    /** Runs the core, fetching journal history once if it asks for it. */
    const decide = async (snapshot: TurnSnapshot, unavailable = false): Promise<Decision> => {
      const profile = unavailable ? { unavailable: true } : profileView(snapshot.profile);
      const ctx: Ctx = { ...base, profile };
      const state = snapshot.session?.state ?? null;
      const first = step(state, input, ctx);
      const needs = first.needs;
      if (!needs) return { result: first, historyFailed: false };
      const history = await attempt('entries-since', () => store.entriesSince(userId, needs.historySince));
      if (!history.ok) {
        // A summary from an empty history would say "nothing yet": a lie. Say what happened.
        const reply: Reply = {
          beats: [{ text: service.historyUnavailable }],
          expectsAnswer: false,
          end: true,
        };
        return { result: { state: first.state, reply, effects: [] }, historyFailed: true };
      }
      return { result: step(state, input, { ...ctx, history: history.value }), historyFailed: false };
    };

    /** Profile and data-rights effects, in the order the core gave them. True if all held. */
    const performEffects = async (effects: Effect[]): Promise<boolean> => {
      let ok = true;
      for (const effect of effects) {
        const done = await attempt(`effect-${effect.type}`, () => applyEffect(effect));
        if (!done.ok) ok = false;
        // After a failed delete, later effects would act on a half-deleted person.
        if (!done.ok && effect.type === 'deleteUser') break;
      }
      return ok;
    };

    const applyEffect = async (effect: Effect): Promise<unknown> => {
      switch (effect.type) {
        case 'appendEntry':
          return store.appendEntry(userId, effect.entry);
        case 'setOpenGoal':
          return store.setOpenGoal(userId, effect.goal, now);
        case 'clearOpenGoal':
          return store.setOpenGoal(userId, null, now);
        case 'recordConsent':
          return store.recordConsent(userId, effect.at);
        case 'setOptOut':
          return store.setOptOut(userId, effect.optedOut, now);
        case 'deleteUser': {
          const count = await store.deleteUser(userId);
          logger.info({ event: 'user-deleted', ...log, count });
          return count;
        }
      }
    };

    // What went wrong, kept apart: a lost state write is not a lost journal entry.
    let effectsFailed = false;
    let stateFailed = false;
    let readFailed = false;
    let erased = false;

    const loaded = await attempt('load-turn', () => store.loadTurn(userId, channel, now));
    let decision = await decide(loaded.ok ? loaded.value : EMPTY_SNAPSHOT, !loaded.ok);

    if (!loaded.ok || decision.historyFailed) {
      // Without the version read, a state write could clobber a newer one: answer, write nothing.
      readFailed = true;
      effectsFailed = decision.result.effects.length > 0;
    } else if (decision.result.effects.some((effect) => effect.type === 'deleteUser')) {
      // The session goes with everything else; saving it afterwards would bring the person back.
      effectsFailed = !(await performEffects(decision.result.effects));
      erased = !effectsFailed;
    } else {
      const snapshot = loaded.value;
      const written = new Set<string>();
      const appendAll = async (entries: JournalEntry[]): Promise<boolean> => {
        const fresh = entries.filter((entry) => !written.has(entry.id));
        for (const entry of fresh) written.add(entry.id);
        const results = await Promise.all(
          fresh.map((entry) => attempt('append-entry', () => store.appendEntry(userId, entry))),
        );
        return results.every((r) => r.ok);
      };
      const save = (result: StepResult, expected: number | null) =>
        attempt('save-session', () => store.saveSession(userId, channel, result.state, expected, now));

      // Entries are never conditional, so they go out alongside the state write.
      const [appended, firstSave] = await Promise.all([
        appendAll(entriesOf(decision.result)),
        save(decision.result, snapshot.session?.version ?? null),
      ]);
      if (!appended) effectsFailed = true;
      if (!firstSave.ok) stateFailed = true;

      if (firstSave.ok && firstSave.value === 'conflict') {
        // Another turn saved first: re-read and re-apply this input once, on top of it.
        logger.info({ event: 'state-conflict', ...log, count: 1 });
        const reloaded = await attempt('load-turn', () => store.loadTurn(userId, channel, now));
        const again = reloaded.ok ? await decide(reloaded.value) : undefined;
        if (reloaded.ok && again && !again.historyFailed) {
          decision = again;
          const [appendedAgain, secondSave] = await Promise.all([
            appendAll(entriesOf(decision.result)),
            save(decision.result, reloaded.value.session?.version ?? null),
          ]);
          if (!appendedAgain) effectsFailed = true;
          if (!secondSave.ok) stateFailed = true;
          if (secondSave.ok && secondSave.value === 'conflict') {
            // The journal entries stay; only this turn's place in the conversation is dropped.
            logger.warn({ event: 'state-dropped', ...log, count: 2 });
          }
        } else {
          stateFailed = true;
        }
      }
      const rest = decision.result.effects.filter((effect) => effect.type !== 'appendEntry');
      if (!(await performEffects(rest))) effectsFailed = true;
    }

    const { result } = decision;
    const crisis = result.reply.crisis === true;
    const saved = !effectsFailed && !stateFailed && !readFailed;
    // Honest about anything of theirs that was not kept. A crisis reply whose only loss is
    // its place in the conversation stays exactly as the core wrote it.
    const honest =
      effectsFailed || (stateFailed && !crisis) || (readFailed && !crisis && !decision.historyFailed);
    const reply = honest ? withSaveFailure(result.reply) : result.reply;

    const ms = Math.round(performance.now() - started);
    if (crisis) {
      // Counted, never with text, and never in the reply's way.
      queueMicrotask(() => {
        try {
          // No user id: a months-long log should not tie a person to a crisis.
          logger.warn({ event: 'crisis-reply', channel });
        } catch {
          // A log failure must not touch the reply.
        }
      });
    }
    // A crisis turn is logged without the user id, for the same reason as above.
    const turnLog = crisis ? { channel } : log;
    if (!saved) logger.warn({ event: 'save-failed', ...turnLog, step: result.state.step, ms });
    logger.info({ event: 'turn', ...turnLog, step: result.state.step, ms });
    return { reply, saved, crisis, erased };
  };
}

function entriesOf(result: StepResult): JournalEntry[] {
  return result.effects.flatMap((effect) => (effect.type === 'appendEntry' ? [effect.entry] : []));
}

function profileView(profile: Profile | null): ProfileView {
  const view: ProfileView = {};
  if (profile?.openGoal) view.openGoal = profile.openGoal;
  if (profile?.consentAt) view.consentAt = profile.consentAt;
  if (profile?.optedOut !== undefined) view.optedOut = profile.optedOut;
  return view;
}
