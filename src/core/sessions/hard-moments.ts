/**
 * Hard moments (issue 15): a crisis reply is noted in the journal as a `moment` entry, only its
 * time, once an episode, never a word of what was said. The summary and the page name it ("a
 * hard moment on Tue") only after the person replies INCLUDE.
 *
 * The core's crisis turn stays free of effects (tests/core/safety-flow.test.ts), so nothing it
 * writes can fail and change the crisis reply. The host adds this entry to the turn's commit
 * instead (src/service/turn-runner.ts), and a lost write is never said to the person.
 */
import type { ConversationState, Ctx, JournalEntry, StepResult } from '../types.ts';

const IN_EPISODE: ReadonlySet<string> = new Set(['crisis', 'crisis-check']);

/** The entry to note for this turn, or undefined when it gave no crisis reply (or one was given just before). */
export function hardMomentOf(
  before: ConversationState | null,
  result: StepResult,
  ctx: Pick<Ctx, 'now' | 'id' | 'channel'>,
): JournalEntry | undefined {
  if (result.reply.crisis !== true) return undefined;
  if (before && IN_EPISODE.has(before.step)) return undefined;
  return { id: `${ctx.id}-moment`, at: ctx.now, channel: ctx.channel, kind: 'moment' };
}
