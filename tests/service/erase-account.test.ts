import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/core/types.ts';
import { eraseAlexaAccount } from '../../src/service/erase-account.ts';
import { MemoryCheckInStore } from '../../src/store/memory-store.ts';

const T0 = '2025-03-04T09:00:00.000Z';
const heavy = (id: string): JournalEntry => ({
  id,
  at: T0,
  channel: 'alexa',
  kind: 'feeling',
  word: 'heavy',
  family: 'low-unpleasant',
});

/** An account whose household has two recognised voices, each with a journal. */
async function household(store: MemoryCheckInStore): Promise<void> {
  await store.appendEntry('account', heavy('a'));
  await store.appendEntry('ana', heavy('b'));
  await store.appendEntry('ben', heavy('c'));
  await store.linkPerson('account', 'ana', T0);
  await store.linkPerson('account', 'ben', T0);
}

describe('eraseAlexaAccount', () => {
  it("erases the account and every recognised voice's journal, and no one else's", async () => {
    // Prepare
    const store = new MemoryCheckInStore();
    await household(store);
    await store.appendEntry('neighbour', heavy('n'));

    // Act
    const deleted = await eraseAlexaAccount(store, 'account');

    // Assess: three journal entries and two links.
    expect(deleted).toBe(5);
    for (const who of ['account', 'ana', 'ben']) expect(await store.countItems(who), who).toBe(0);
    expect(await store.countItems('neighbour')).toBe(1);
  });

  it('keeps the account and its links when a voice cannot be erased, so a retry finds them', async () => {
    // Prepare: a fault no real store makes on demand, one delete refused.
    const store = new MemoryCheckInStore();
    await household(store);
    const refusing = {
      linkedPeople: (account: string) => store.linkedPeople(account),
      deleteUser: async (userId: string) => {
        if (userId === 'ben') throw new Error('table unavailable');
        return store.deleteUser(userId);
      },
    };

    // Act
    const attempt = eraseAlexaAccount(refusing, 'account');

    // Assess: Ben's journal and the link to it are still there for the retry.
    await expect(attempt).rejects.toThrow(/table unavailable/);
    expect(await store.linkedPeople('account')).toContain('ben');
    expect(await store.countItems('ben')).toBe(1);
  });
});
