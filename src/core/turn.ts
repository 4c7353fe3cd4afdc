/** One turn's working context: what came in, and the effects it is collecting. */
import { capabilitiesOf } from './capabilities.ts';
import { prepend } from './reply.ts';
import type { FlowState } from './state.ts';
import type { Beat, Ctx, Effect, JournalEntry, Modality, Reply } from './types.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EntryFields = DistributiveOmit<JournalEntry, 'id' | 'at' | 'channel'>;

export interface Turn {
  readonly ctx: Ctx;
  readonly modality: Modality;
  readonly effects: Effect[];
  /** Queues a journal entry and returns its id (unique per turn, derived from ctx.id). */
  addEntry(fields: EntryFields): string;
}

/** What a flow handler decides: the next state and what to say. */
export interface Outcome {
  state: FlowState;
  reply: Reply;
}

export function startTurn(ctx: Ctx): Turn {
  const effects: Effect[] = [];
  let entries = 0;
  return {
    ctx,
    modality: capabilitiesOf(ctx).modality,
    effects,
    addEntry(fields) {
      entries += 1;
      const id = entries === 1 ? ctx.id : `${ctx.id}-${entries}`;
      effects.push({
        type: 'appendEntry',
        entry: { ...fields, id, at: ctx.now, channel: ctx.channel } as JournalEntry,
      });
      return id;
    },
  };
}

/** Puts lines in front of an outcome's reply (an acknowledgement before the next question). */
export function leadWith(parts: ReadonlyArray<string | Beat>, outcome: Outcome): Outcome {
  return { ...outcome, reply: prepend(parts, outcome.reply) };
}
