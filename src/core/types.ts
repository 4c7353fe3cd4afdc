/**
 * The shapes the check-in core speaks in. Channels translate to and from these;
 * the store persists them. Everything here is plain data (JSON-safe).
 */
import type { Reminder } from './reminders/reminder.ts';
import type { SafetyPlan } from './safety-plan.ts';
import type { SessionPlan } from './sessions/dates.ts';

export type { Reminder, SafetyPlan, SessionPlan };

/** Where a turn came from. `chat` is the terminal check-in (`npm run chat`). */
export type Channel = 'sms' | 'alexa' | 'chat';

/** How the person meets the reply: read on a screen, or heard. Voice stores enumerated values only. */
export type Modality = 'text' | 'voice';

/** Which crisis line to give: from the phone's country code on SMS, the locale on Alexa. */
export type CrisisRegion = 'US' | 'CA' | 'GB' | 'IE' | 'AU' | 'NZ' | 'IN' | 'OTHER';

/** Energy x pleasantness quadrant of a feeling ("drained or wired? unpleasant or okay?"). */
export type FeelingFamily = 'low-unpleasant' | 'high-unpleasant' | 'low-pleasant' | 'high-pleasant';

export type ToolId = 'grounding' | 'breathing' | 'self-compassion' | 'small-action' | 'parts';

export type GoalOutcome = 'done' | 'not-yet' | 'skipped';

/** A micro-goal: a catalogue id, or (text channels only) the person's own words. */
export type GoalRef = { catalogueId: string; text?: undefined } | { text: string; catalogueId?: undefined };

/** The micro-goal picked last time, kept on the profile until its outcome is recorded. */
export interface OpenGoal {
  goal: GoalRef;
  /** Id of the journal entry that set it. */
  entryId: string;
  setAt: string;
}

/** What the core may know of a person's profile (loaded by the host before each turn). */
export interface ProfileView {
  openGoal?: OpenGoal;
  /** When they were told what this is (first SMS contact). Absent: never welcomed. */
  consentAt?: string;
  optedOut?: boolean;
  /** IANA time zone, when known: the summary's days are the person's days (else UTC). */
  timeZone?: string;
  /** The store could not be read this turn: nothing is known of this person (do not welcome them again). */
  unavailable?: boolean;
  /** Their reminder, when they asked to be texted first (src/core/reminders/reminder.ts). */
  reminder?: Reminder;
  /** When reminders were offered after a check-in: offered once, never again unasked. */
  reminderOfferedAt?: string;
  /** When writing a safety plan was offered after a quiet check-in: offered once, never again. */
  planOfferedAt?: string;
  /** Alexa and a phone are linked: one journal, one person (flow/link.ts). */
  linked?: boolean;
  /** Their safety plan, when they have begun one (src/core/safety-plan.ts). */
  safetyPlan?: SafetyPlan;
  /** The caring text after a crisis reply: asked, and what they said (flow/caring-text.ts). */
  caringText?: CaringText;
  /** Their therapy sessions as dates, when they said (sessions/dates.ts): the summary's window. */
  sessions?: SessionPlan;
  /** Hard moments (crisis replies) go into the summary and page, as a day only: they chose it. */
  includeHardMoments?: boolean;
  /** Whether to include hard moments was asked already: it is asked once, never again. */
  hardMomentsAsked?: boolean;
}

/**
 * The caring text the day after a crisis reply: when it was asked and the answer. `yes` carries
 * when it is due; `sentAt` once it went. Asked again only after one was sent, never after a no.
 */
export interface CaringText {
  answer: 'yes' | 'no';
  at: string;
  dueAt?: string;
  sentAt?: string;
}

interface EntryBase {
  /** Unique within the person; comes from `ctx.id`. */
  id: string;
  /** ISO 8601 time the entry was made. */
  at: string;
  channel: Channel;
}

/**
 * One journal entry. Small events rather than one record per check-in, so a check-in
 * abandoned halfway (common on a bad day) still leaves what was said.
 * On voice every string field holds an enumerated value (vocabulary word, catalogue id).
 */
export type JournalEntry = EntryBase &
  (
    | { kind: 'feeling'; word: string; family: FeelingFamily; intensity?: number }
    | { kind: 'tool'; tool: ToolId }
    | { kind: 'goal'; goal: GoalRef }
    | { kind: 'outcome'; goal: GoalRef; goalEntryId: string; outcome: GoalOutcome }
    | { kind: 'reflection'; trigger?: string; tried?: string; helped?: 0 | 1 | 2 | 3 }
    /** The connection question: whether they might reach out to someone today (never who). */
    | { kind: 'connection'; reachOut?: ReachOut }
    | { kind: 'consent'; terms: 'sms-welcome' | 'alexa-welcome' | 'chat-welcome' | 'sms-reminders' }
    /**
     * A hard moment: the crisis reply was given. Only that it happened and when, never a word
     * of what was said; the summary names it ("a hard moment on Tue") only if they chose to.
     */
    | { kind: 'moment' }
    /** "Anything you want to bring up?" before a session: their own words (text channels only). */
    | { kind: 'bring-up'; text: string }
  );

/**
 * Everything a turn needs from the outside world, passed in so the core stays pure:
 * no clock, no randomness, no env, no I/O inside `src/core`.
 */
export interface Ctx {
  /** ISO 8601 time of this turn. */
  now: string;
  /** A fresh unique id for this turn; entries made this turn derive their ids from it. */
  id: string;
  /** A 32-bit seed for anything that varies (which goals are offered). */
  seed: number;
  channel: Channel;
  region: CrisisRegion;
  profile: ProfileView;
  /**
   * What the channel can do, when the host says so; otherwise the channel's defaults
   * (`capabilitiesOf` in src/core/capabilities.ts). The flow reads these, never the name.
   */
  capabilities?: Capabilities;
  /**
   * Journal entries since `needs.historySince`, present only on the second call after
   * `step` answered with `needs` (see StepResult).
   */
  history?: JournalEntry[];
  /**
   * A first guess of the person's IANA time zone from their number's country and area code
   * (SMS), made by the channel; the core never sees the number.
   */
  timeZoneGuess?: string;
  /**
   * What redeeming a link code did, present only on the second call after `step` answered
   * with `needs.linkCode` (the host redeems it: src/store, `redeemLinkCode`).
   */
  link?: LinkOutcome;
  /** Alexa only: the speaker is a recognised voice (their own journal), not the shared account. */
  recognisedVoice?: boolean;
  /**
   * The link the host made for SHARE or EXPORT, present only on the second call after `step`
   * answered with `needs.share`; 'unavailable' when none could be made.
   */
  share?: { url: string } | 'unavailable';
}

/**
 * What redeeming a link code came to. `linked`: one journal now; `wrong`: no such code;
 * `expired`, `used`: it was one, no longer; `tooMany`: too many wrong codes lately;
 * `sameChannel`: the code was made on this side (say it on the other); `alreadyLinked`:
 * these two are linked already; `linkedElsewhere`: this Alexa is linked to another phone;
 * `unavailable`: the store could not be reached.
 */
export type LinkOutcome =
  | 'linked'
  | 'wrong'
  | 'expired'
  | 'used'
  | 'tooMany'
  | 'sameChannel'
  | 'alreadyLinked'
  | 'linkedElsewhere'
  | 'unavailable';

/** What a channel can do, as the flow needs to know it. */
export interface Capabilities {
  /** How replies reach the person: read on a screen, or heard. */
  modality: Modality;
  /** A carrier reads STOP and its kin as "unsubscribe" whatever the core says (SMS). */
  carrierOptOut: boolean;
  /** The first message must carry the carrier's disclosure (rates, HELP, STOP). */
  carrierDisclosure: boolean;
  /** The service can text the person first (reminders): SMS, where the host keeps the number. */
  textsFirst?: boolean;
}

/**
 * A structured input from a channel that already understood the request (an Alexa intent,
 * an SMS keyword is NOT one of these: keywords arrive as text and the core reads them).
 */
export type IntentName =
  | 'checkin'
  | 'feeling'
  | 'choose'
  | 'answer'
  | 'grounding'
  | 'compassion'
  | 'goal'
  | 'summary'
  | 'done'
  | 'notYet'
  | 'skip'
  | 'yes'
  | 'no'
  | 'help'
  | 'repeat'
  | 'stop'
  | 'delete'
  | 'fallback';

export type Input =
  /** The person opened the conversation without words (Alexa launch, chat start). */
  | { type: 'open' }
  /** Free words: an SMS body, a chat line, free speech caught by Alexa's catch-all. */
  | { type: 'text'; text: string }
  /**
   * An understood request. `value`: for `feeling`, a vocabulary word; for `choose`,
   * "1" | "2" | "3" or a catalogue id; for `answer`, a resolved short answer to the open
   * question (a journal option, "a little", "drained"); for others, absent.
   */
  | { type: 'intent'; intent: IntentName; value?: string };

/** One short piece of speech or text. Channels join beats; voice pauses between them. */
export interface Beat {
  text: string;
  /** A pause after this beat when spoken. */
  pauseAfter?: 'short' | 'long';
  /**
   * Seconds of quiet after this beat when spoken, for a step that asks for time ("in for
   * four" gets 4). Takes the place of `pauseAfter`; text channels ignore it.
   */
  pauseSeconds?: number;
  /** Read slowly (grounding and breathing). */
  slow?: boolean;
  /**
   * This beat tells the person something was saved. When the host could not save,
   * it swaps such beats for an honest line (see `withSaveFailure`).
   */
  claimsSaved?: boolean;
  /** Like `claimsSaved`, for "everything is erased". */
  claimsErased?: boolean;
  /**
   * This beat carries a private link (SHARE, EXPORT): it is never stored or logged, so a
   * redelivered message gets a line in its place (src/service/turn-runner.ts).
   */
  carriesLink?: boolean;
}

export interface Choice {
  /** What comes back as the `choose` value or typed number: "1", "2", "3" or an id. */
  id: string;
  /** Short words for the option, e.g. "open the curtains". */
  label: string;
}

/** A channel-neutral reply. Renderers turn it into TwiML or SSML and enforce their limits. */
export interface Reply {
  beats: Beat[];
  /** Numbered options, rendered "1) ..." on SMS and "the first, ..." on voice. */
  choices?: Choice[];
  /** Besides the choices, the person may answer in their own words (text channels: "or text your own"). */
  acceptsOwnWords?: boolean;
  /** Whether the person is expected to answer (keeps an Alexa session open). */
  expectsAnswer: boolean;
  /** Said when the person stays silent: adds help rather than repeating. */
  reprompt?: string;
  /** The conversation is over for now. */
  end: boolean;
  /** This reply carries crisis resources. Hosts count it (never with text) and must not delay it. */
  crisis?: boolean;
  /** Send nothing at all (SMS STOP: the carrier sends its own confirmation). */
  silent?: boolean;
}

/** Work the host performs through the store after a turn. */
export type Effect =
  | { type: 'appendEntry'; entry: JournalEntry }
  | { type: 'setOpenGoal'; goal: OpenGoal }
  | { type: 'clearOpenGoal' }
  | { type: 'recordConsent'; at: string }
  | { type: 'setOptOut'; optedOut: boolean }
  /** Sets or changes the reminder; the host keeps the number (sealed) when it has none. */
  | { type: 'setReminder'; reminder: Reminder }
  /** Ends every reminder and erases the number kept for them (NO, "no more reminders", STOP). */
  | { type: 'clearReminder' }
  | { type: 'setTimeZone'; timeZone: string }
  | { type: 'markReminderOffered'; at: string }
  /** The safety plan was offered after a quiet check-in (flow/safety-plan.ts): once. */
  | { type: 'markPlanOffered'; at: string }
  /**
   * A link code was spoken or texted to this person: the host keeps its hash for ten minutes
   * (single use), outside the person's partition. Never part of the journal.
   */
  | { type: 'issueLinkCode'; code: string }
  /** Separates Alexa and the phone from now on; the phone keeps the journal so far. */
  | { type: 'unlink' }
  /**
   * "text me my summary" on Alexa: the host texts this reply to the linked phone (only to a
   * number kept because they asked to be texted, never after STOP) and says so only if it went.
   */
  /**
   * Text this reply to the linked phone (Alexa's "text me my summary"); with `share`, the host
   * first makes a private page link for that window and adds it as the reply's last beat.
   */
  | { type: 'textPhone'; reply: Reply; share?: ShareRequest }
  /** The whole safety plan as it now stands (each turn writes it whole; the profile holds it). */
  | { type: 'setSafetyPlan'; plan: SafetyPlan }
  | { type: 'clearSafetyPlan' }
  /** The answer to "Can I text you tomorrow just to check in?", and on yes when it is due. */
  | { type: 'setCaringText'; caring: CaringText }
  /** Their session dates changed (sessions/dates.ts); null forgets them. */
  | { type: 'setSessions'; sessions: SessionPlan | null }
  /** Hard moments go into their summary and page, as a day only (they replied INCLUDE). */
  | { type: 'includeHardMoments'; at: string }
  /** The question whether to include hard moments was asked: once. */
  | { type: 'markHardMomentsAsked'; at: string }
  /** UNSHARE: every share and export link of theirs stops working now (src/share). */
  | { type: 'revokeShares' }
  | { type: 'deleteUser' };

/**
 * SHARE or EXPORT: the host makes a link (a long random token; the store keeps only its hash,
 * for 24 hours) and gives its URL back as `ctx.share`. `since` is the summary's window.
 */
export interface ShareRequest {
  kind: 'summary' | 'export';
  since: string;
}

/** An answer to "is there someone you could text today?": yes, maybe later, or not today. */
export type ReachOut = 'yes' | 'maybe' | 'no';

/** Conversation state, stored as versioned data while the flow stays code. */
export interface ConversationState {
  v: 1;
  step: string;
  values: Record<string, unknown>;
  /** Turns the crisis gate stays watchful after a signal (see crisis/memory.ts). */
  watch?: number;
  /** The question last asked and how many times in a row (see step.ts, "never a third time"). */
  asked?: { key: string; times: number };
}

export interface StepResult {
  state: ConversationState;
  reply: Reply;
  effects: Effect[];
  /**
   * Set when the core needs journal history it was not given. The host loads entries
   * since that ISO date into `ctx.history` and calls `step` again with the same input;
   * the first result must then be discarded.
   */
  needs?:
    | { historySince: string; linkCode?: undefined; share?: undefined }
    | { linkCode: string; historySince?: undefined; share?: undefined }
    | { share: ShareRequest; historySince?: undefined; linkCode?: undefined };
}
