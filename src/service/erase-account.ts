/**
 * Erasing an Alexa account when it disables the skill. On a shared Echo each recognised
 * voice keeps a journal of its own, under its own user id, and Alexa's SkillDisabled event
 * names only the account: the account's PERSON# links are the only way to find them.
 */
import type { DataRightsStore, LinkStore, VoiceProfileStore } from '../core/ports.ts';

/** What erasing an account needs of the store. */
export type AccountEraseStore = Pick<DataRightsStore, 'deleteUser'> &
  Pick<VoiceProfileStore, 'linkedPeople'> &
  Partial<Pick<LinkStore, 'eraseVoiceSide'>>;

/**
 * Deletes every recognised voice linked to the account, then the account itself (its links
 * included). The people go first: if one fails, this rejects with the account and its links
 * still in place, so a redelivered event can finish the job. Returns how many items went.
 */
export async function eraseAlexaAccount(store: AccountEraseStore, accountUserId: string): Promise<number> {
  let deleted = 0;
  // A voice (or the account) linked to a phone: what was said on Alexa leaves the shared
  // journal and the link goes; the phone's own texts stay with the phone (issue 13).
  for (const personUserId of await store.linkedPeople(accountUserId)) {
    deleted += (await store.eraseVoiceSide?.(personUserId)) ?? 0;
    deleted += await store.deleteUser(personUserId);
  }
  deleted += (await store.eraseVoiceSide?.(accountUserId)) ?? 0;
  return deleted + (await store.deleteUser(accountUserId));
}
