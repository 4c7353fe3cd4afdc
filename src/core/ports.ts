/**
 * Ports: the storage the check-in needs, named by role and owned by the core.
 * Adapters live in `src/store/*` (DynamoDB for real, memory for unit tests).
 * `userId` is always the HMAC of a channel identity, never a phone number or Alexa id.
 */
import type { Channel, ConversationState, JournalEntry, OpenGoal } from './types.ts';

export interface Profile {
  createdAt: string;
  consentAt?: string;
  optedOut?: boolean;
  /** IANA zone, when known. */
  timeZone?: string;
  openGoal?: OpenGoal;
}

export interface StoredSession {
  state: ConversationState;
  /** Version read; a save must name it (optimistic locking). */
  version: number;
}

/** What one ordinary turn reads, in a single request. */
export interface TurnSnapshot {
  profile: Profile | null;
  session: StoredSession | null;
}

export interface ConversationStore {
  /** Profile and this channel's session, in one read. Expired sessions read as null. */
  loadTurn(userId: string, channel: Channel, now: string): Promise<TurnSnapshot>;
  /**
   * Saves state if the stored version still equals `expectedVersion` (null: none stored yet).
   * Returns the new version, or 'conflict' when someone else saved first.
   */
  saveSession(
    userId: string,
    channel: Channel,
    state: ConversationState,
    expectedVersion: number | null,
    now: string,
  ): Promise<number | 'conflict'>;
}

export interface JournalStore {
  appendEntry(userId: string, entry: JournalEntry): Promise<void>;
  /** Entries at or after `since` (ISO), oldest first. */
  entriesSince(userId: string, since: string): Promise<JournalEntry[]>;
}

export interface ProfileStore {
  setOpenGoal(userId: string, goal: OpenGoal | null, now: string): Promise<void>;
  recordConsent(userId: string, at: string): Promise<void>;
  setOptOut(userId: string, optedOut: boolean, now: string): Promise<void>;
}

/** A delivered provider message (Twilio MessageSid), so a redelivery gets the same reply. */
export interface DeliveryStore {
  /** The reply already sent for this message, or null if it is new. */
  deliveredReply(userId: string, messageId: string, now: string): Promise<string | null>;
  rememberDelivery(userId: string, messageId: string, reply: string, now: string): Promise<void>;
}

export interface UserExport {
  profile: Profile | null;
  entries: JournalEntry[];
}

export interface DataRightsStore {
  exportUser(userId: string): Promise<UserExport>;
  /** Deletes every item of the person and verifies none is left; returns how many went. */
  deleteUser(userId: string): Promise<number>;
  /** Items of any kind still stored for the person (expired or not). */
  countItems(userId: string): Promise<number>;
}

/**
 * Which recognised voices (Alexa voice profiles) have spoken under an account. Each voice
 * keeps its own journal, and Alexa's SkillDisabled event names only the account, so the
 * account keeps a link to each voice's user id to erase them too. A link holds nothing
 * but that id (an HMAC), and lives under the account, so deleting the account drops it.
 */
export interface VoiceProfileStore {
  /** Records that `personUserId` spoke under `accountUserId`; idempotent. */
  linkPerson(accountUserId: string, personUserId: string, now: string): Promise<void>;
  /** The user ids of every voice linked to the account, in no promised order. */
  linkedPeople(accountUserId: string): Promise<string[]>;
}

export type CheckInStore = ConversationStore &
  JournalStore &
  ProfileStore &
  DeliveryStore &
  DataRightsStore &
  VoiceProfileStore;
