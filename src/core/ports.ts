/**
 * Ports: the storage the check-in needs, named by role and owned by the core.
 * Adapters live in `src/store/*` (DynamoDB for real, memory for unit tests).
 * `userId` is always the HMAC of a channel identity, never a phone number or Alexa id.
 */
import type {
  CaringText,
  Channel,
  ConversationState,
  Effect,
  JournalEntry,
  LinkOutcome,
  OpenGoal,
  Reminder,
  Reply,
  SafetyPlan,
  SessionPlan,
} from './types.ts';

export interface Profile {
  createdAt: string;
  consentAt?: string;
  optedOut?: boolean;
  /** IANA zone, when known. */
  timeZone?: string;
  openGoal?: OpenGoal;
  /** Their reminder, when they asked to be texted first. */
  reminder?: Reminder;
  reminderOfferedAt?: string;
  /** When writing a safety plan was offered after a quiet check-in: once. */
  planOfferedAt?: string;
  /** Whether a (sealed) number is kept for the reminder. The number itself never leaves the store's reminder port. */
  hasContact?: boolean;
  /** Alexa identities linked to this person (their user ids): one journal (LinkStore). */
  linkedIds?: string[];
  /** Their safety plan (src/core/safety-plan.ts): in the export, gone with DELETE. */
  safetyPlan?: SafetyPlan;
  /** The caring text after a crisis reply: asked, answered, due, sent. */
  caringText?: CaringText;
  /** Their therapy sessions as dates (core/sessions/dates.ts): the summary's window. */
  sessions?: SessionPlan;
  /** When they replied INCLUDE: hard moments go into the summary and page, as a day only. */
  includeHardMomentsAt?: string;
  /** When they were asked whether to include hard moments: asked once. */
  hardMomentsAskedAt?: string;
}

export interface StoredSession {
  state: ConversationState;
  /** Version read; a save must name it (optimistic locking). */
  version: number;
  /**
   * The last few provider messages this conversation answered, as the store keeps them
   * (an opaque hash of the person and the message id, never the raw id), with their replies.
   */
  deliveries?: DeliveryRecord[];
}

/** A provider message already answered: the store's key for it and the reply it got. */
export interface DeliveryRecord {
  key: string;
  reply: Reply;
}

/** What one ordinary turn reads, in a single request. */
export interface TurnSnapshot {
  profile: Profile | null;
  session: StoredSession | null;
  /**
   * Set when this provider message was already answered (or its person erased since): the
   * reply to send again, with nothing run and nothing written.
   */
  replay?: Reply;
  /**
   * The person this channel identity resolves to, when it is linked to another (an Alexa
   * identity linked to a phone): every read and write of the turn goes to this user id.
   */
  personId?: string;
}

/** Effects the host performs itself, outside the turn's commit. */
export type HostEffect = 'deleteUser' | 'issueLinkCode' | 'unlink' | 'textPhone' | 'revokeShares';

/** What a turn may write besides its state: journal entries and profile changes. */
export type TurnWrite =
  | Exclude<Effect, { type: HostEffect }>
  /**
   * Host only, never from the core: the person's number sealed by a `ContactVault`, kept on
   * the profile for their reminder (erased by `clearReminder`).
   */
  | { type: 'storeContact'; sealed: string };

/** One turn's writes, committed together with its state or not at all. */
export interface TurnCommit {
  state: ConversationState;
  /** The version the turn read; null when there was none (or it had expired). */
  expectedVersion: number | null;
  writes: TurnWrite[];
  /** The provider's message id and the reply to it, remembered with the state. */
  delivery?: { messageId: string; reply: Reply };
  /** The records read with the state, kept alongside the new one. */
  keptDeliveries?: DeliveryRecord[];
  now: string;
}

export interface ConversationStore {
  /**
   * Profile and this channel's session, in one read. Expired sessions read as null. With a
   * provider `messageId`, also whether that message was answered already (`replay`).
   */
  loadTurn(userId: string, channel: Channel, now: string, messageId?: string): Promise<TurnSnapshot>;
  /**
   * Writes the turn's state if the stored version still equals `expectedVersion`, and its
   * entries and profile changes only then: a turn that lost the race writes none of its own.
   * Returns the new version, or 'conflict'. Throws `PartialCommitError` when the state was
   * saved but some of its other writes were not (stores without transactions).
   */
  commitTurn(userId: string, channel: Channel, commit: TurnCommit): Promise<number | 'conflict'>;
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

/**
 * What outlives an erase, outside the person's partition and for a day: only that these
 * messages were answered (keyed by the same opaque hashes), so a redelivered YES or DELETE
 * cannot bring the person back.
 */
export interface ErasureStore {
  rememberErasure(
    userId: string,
    erasing: { messageId: string; reply: Reply },
    earlier: readonly DeliveryRecord[],
    now: string,
  ): Promise<void>;
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

/**
 * The phone number, only for people who asked to be texted first, sealed at field level: on
 * AWS with KMS (encryption context: the user id), locally with AES-256-GCM and a key in
 * DATA_DIR. The core never sees it; logs never carry it. Only the sender opens it.
 */
export interface ContactVault {
  seal(userId: string, phone: string): Promise<string>;
  open(userId: string, sealed: string): Promise<string>;
}

export interface DueReminder {
  userId: string;
  dueAt: string;
}

/** What the sender reads before texting someone first. */
export interface ReminderTarget {
  profile: Profile;
  /** The sealed number; absent when none is kept (nothing is sent then). */
  contact?: string;
  /** The SMS conversation, to place the reminder's question in it. */
  session: StoredSession | null;
  /** When they last wrote by text (the session's last turn), if the session is live. */
  sessionUpdatedAt?: string;
}

/** The sender's claim on one day's reminder, written before anything is sent. */
export interface ReminderClaim {
  /** The due time it read; the claim fails if the reminder changed since. */
  expectedDueAt: string;
  /** "sent for <local date>": a second claim for the same date fails, so a retried tick never texts twice. */
  localDate: string;
  /** The reminder after this send (counted, next one due). */
  reminder: Reminder;
  /** The SMS conversation after it, or undefined to leave the conversation as it is. */
  state?: ConversationState;
  expectedVersion: number | null;
  now: string;
}

export interface ReminderStore {
  /** People whose reminder is due at or before `now`, earliest first, at most `limit`. */
  dueReminders(now: string, limit: number): Promise<DueReminder[]>;
  loadReminderTarget(userId: string, now: string): Promise<ReminderTarget | null>;
  /** True only for the one caller whose conditional write won. */
  claimReminder(userId: string, claim: ReminderClaim): Promise<boolean>;
  /** Moves the reminder on without sending (they wrote just now), conditional on the due time read. */
  rescheduleReminder(
    userId: string,
    expectedDueAt: string,
    reminder: Reminder,
    now: string,
  ): Promise<boolean>;
  /**
   * The carrier says the number has opted out (Twilio 21610): as STOP, the reminder and the
   * kept number go, and the person is marked opted out until they text START.
   */
  endRemindersOptedOut(userId: string, now: string): Promise<void>;
  /** People whose caring text (after a crisis reply, issue 14) is due at or before `now`. */
  dueCaringTexts(now: string, limit: number): Promise<DueReminder[]>;
  /**
   * Claims a caring text before it is sent, conditional on the due time read: true only for the
   * one caller that won. It is then marked sent on the profile (never a second), and the number
   * is erased unless a reminder still needs it.
   */
  claimCaringText(userId: string, expectedDueAt: string, now: string): Promise<boolean>;
}

/** Who made a link code: the channel identity (its user id, unresolved) and its channel. */
export interface LinkParty {
  userId: string;
  channel: Channel;
}

/**
 * Linking Alexa and a phone (issue 13). The phone's user id is the person: an Alexa identity
 * linked to it resolves to it in `loadTurn` (an ALIAS item), so every read and write goes to
 * one journal; the phone keeps its sealed number, reminders and due index unchanged.
 */
export interface LinkStore {
  /** Keeps a code's hash for ten minutes, single use; false if that code is live for someone else. */
  createLinkCode(code: string, issuer: LinkParty, now: string): Promise<boolean>;
  /**
   * Redeems a code said on the other side: counts wrong tries, refuses expired and used codes,
   * and on success merges the Alexa side's journal into the phone's once (entries by id, the
   * open goal from the most recent) and links them.
   */
  redeemLinkCode(code: string, redeemer: LinkParty, now: string): Promise<LinkOutcome>;
  /** Separates them from now on; the phone keeps the journal. False when nothing was linked. */
  unlink(userId: string, now: string): Promise<boolean>;
  /**
   * The Alexa side goes (the skill was disabled): the link, and what was said on Alexa in the
   * phone's journal. The phone's own texts stay.
   */
  eraseVoiceSide(alexaUserId: string): Promise<number>;
}

/** A share or export link as the store keeps it: never the token, only what the page needs. */
export interface ShareLinkRecord {
  kind: 'summary' | 'export';
  /** The summary's window start (ISO); the page is made from the journal since then. */
  since: string;
  createdAt: string;
}

/**
 * SHARE / EXPORT links (issue 15). The token lives only in the URL; the store keeps its hash,
 * for 24 hours, twice: under the person (so DELETE and UNSHARE find it) and in an item of its
 * own (so a page request finds the person). A link works only while both are live.
 */
export interface ShareStore {
  /** Keeps a new link; the person's earlier link of the same kind stops working. */
  createShareLink(userId: string, tokenHash: string, record: ShareLinkRecord, now: string): Promise<void>;
  /** Whose link this is and what it shows; undefined when wrong, expired or revoked. */
  findShareLink(
    tokenHash: string,
    now: string,
  ): Promise<{ userId: string; record: ShareLinkRecord } | undefined>;
  /** Every link of the person stops working; returns how many there were. */
  revokeShareLinks(userId: string): Promise<number>;
}

export type CheckInStore = ConversationStore &
  ShareStore &
  LinkStore &
  ReminderStore &
  JournalStore &
  ProfileStore &
  ErasureStore &
  DataRightsStore &
  VoiceProfileStore;
