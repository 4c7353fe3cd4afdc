/**
 * Erasing an Alexa account when it disables the skill. On a shared Echo each recognised
 * voice keeps a journal of its own, under its own user id, and Alexa's SkillDisabled event
 * names only the account: the account's PERSON# links are the only way to find them.
 */
import type { DataRightsStore, VoiceProfileStore } from '../core/ports.ts';

/** What erasing an account needs of the store. */
export type AccountEraseStore = Pick<DataRightsStore, 'deleteUser'> & Pick<VoiceProfileStore, 'linkedPeople'>;

/**
 * Deletes every recognised voice linked to the account, then the account itself (its links
 * included). The people go first: if one fails, this rejects with the account and its links
 * still in place, so a redelivered event can finish the job. Returns how many items went.
 */
export async function eraseAlexaAccount(store: AccountEraseStore, accountUserId: string): Promise<number> {
  let deleted = 0;
  for (const personUserId of await store.linkedPeople(accountUserId)) {
    deleted += await store.deleteUser(personUserId);
  }
  return deleted + (await store.deleteUser(accountUserId));
}
