/**
 * What the gate's layers say about a message. Each layer reads the folded text on its own
 * and reports signals; the gate (gate.ts) decides the reply from all of them. No layer sees
 * another's signals, so none can suppress another.
 */

/** Which layer spoke. */
export type Layer = 'lexicon' | 'frames' | 'classifier' | 'languages' | 'memory';

/**
 * Whose safety the signal is about, which decides the reply:
 * - self: the person may harm themselves or wants to die -> the crisis reply;
 * - violence: someone is hurting, threatening or trapping them -> 911, then the domestic
 *   violence hotline, then 988;
 * - overdose: something already taken, or under way -> 911 and Poison Control, then 988;
 * - someone-else: another person is in danger right now -> 911, and 988 for them;
 * - harm-others: the person fears they will hurt someone -> 911, and 988.
 */
export type Concern = 'self' | 'violence' | 'overdose' | 'someone-else' | 'harm-others';

export interface Signal {
  layer: Layer;
  concern: Concern;
  /**
   * sure: give the resources; weak: ask the grey-zone question; support: ask nothing alone,
   * but make another layer's weak signal sure (the classifier's middle band).
   */
  strength: 'sure' | 'weak' | 'support';
  /** Every phrase behind it was negated in its own clause ("I'm not suicidal"). */
  negated: boolean;
  /** What fired, for the eval and for growing the corpus: a lexicon tier, a frame id, a score. */
  rule: string;
  /**
   * A weak signal that stands alone: the message only speaks of death, harm or pills. It asks
   * the grey-zone question (a miss must never be reflected back as a feeling) but never turns
   * another weak signal into a sure one.
   */
  alone?: true;
  /** The everyday telling that lowered it (gate.ts): the grey-zone question is worded for it. */
  told?: Telling;
}

/**
 * Everyday tellings a whole message sets (frames.json `contexts`), which lower what it can ask:
 * a recovery story, a joke about a petty trouble, an absence with its reason, someone else's
 * harm, a petty quarrel.
 */
export type Telling =
  | 'recovery-story'
  | 'said-in-jest'
  | 'away-for-a-reason'
  | 'about-someone-else'
  | 'petty-quarrel';

/** Danger concerns, most urgent first: the reply names the first one present. */
export const DANGER_ORDER: readonly Concern[] = ['overdose', 'violence', 'someone-else', 'harm-others'];
