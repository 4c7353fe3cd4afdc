/**
 * Getting ready for the next session (issue 15): session dates in the person's words, SHARE /
 * UNSHARE / EXPORT (a private link made by the host), and INCLUDE (hard moments in the
 * summary, as a day only). The crisis gate has read every message before this runs (step.ts).
 *
 * A miss is safe: a date not understood keeps nothing and says how to say it; every date kept
 * is said back in plain words, so a wrong guess shows at once.
 */
import { capabilitiesOf } from '../capabilities.ts';
import { sessionPrep as words } from '../content/session-prep.ts';
import { summaryWords } from '../content/summary.ts';
import { ask, beat, finish } from '../reply.ts';
import { applySessionWords, type SessionWords, sessionWordsOf } from '../sessions/dates.ts';
import { localToday, nextSessionFrom, summaryWindow } from '../sessions/window.ts';
import type { FlowState, Step } from '../state.ts';
import type { Outcome, Turn } from '../turn.ts';
import type { ShareRequest } from '../types.ts';
import { normalizeMessage, type Said } from '../understand.ts';
import { isNonAnswer } from './summary.ts';

const closed: FlowState = { step: 'closed', values: {} };

/**
 * Steps whose open question takes free words (what set it off, a kind word, an own goal, the
 * safety questions): a session date is never read out of an answer there.
 */
const FREE_WORD_STEPS: ReadonlySet<Step> = new Set<Step>([
  'journal-trigger',
  'journal-tried',
  'journal-helped',
  'compassion',
  'parts',
  'pick-goal',
  'confirm-goal',
  'connect',
  'crisis',
  'crisis-check',
  'grey-check',
  'confirm-delete',
  'reminder-time',
  'bring-up',
]);

type LinkCommand = 'share' | 'unshare' | 'export' | 'include';

const LINK_WORDS: Record<LinkCommand, RegExp> = {
  share:
    /^(?:please )?(?:share|share (?:my |the )?(?:summary|page|notes|journal)|(?:send|give|text) me (?:a |my |the )?(?:link|page|share link|summary link|summary page)|page|summary page|make (?:me )?a page)(?: please)?$/,
  unshare:
    /^(?:please )?(?:unshare|un-share|stop sharing|turn off (?:my |the )?links?|delete (?:my |the )?links?|revoke(?: (?:my |the )?links?)?|cancel (?:my |the )?links?)(?: please)?$/,
  export:
    /^(?:please )?(?:export|export (?:my )?(?:journal|data|notes|everything)|download (?:my )?(?:journal|data|notes|everything)|(?:send|give) me (?:my |all my )?(?:data|journal)|my data)(?: please)?$/,
  include: /^(?:include|include it|include them|yes include|include hard moments?)$/,
};

function linkCommandOf(raw: string): LinkCommand | undefined {
  const message = raw
    .toLowerCase()
    .replace(/[!?'".,]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return (Object.keys(LINK_WORDS) as LinkCommand[]).find((command) => LINK_WORDS[command].test(message));
}

export type PrepTurn = Outcome | { share: ShareRequest };

/** The session-prep turn, or undefined when the words are about something else. */
export function sessionPrepTurn(
  turn: Turn,
  current: FlowState,
  raw: string | undefined,
): PrepTurn | undefined {
  if (raw === undefined) return undefined;
  const command = linkCommandOf(raw);
  if (command) return linkTurn(turn, command);
  if (FREE_WORD_STEPS.has(current.step)) return undefined;
  const today = localToday(turn.ctx.now, turn.ctx.profile);
  const said = sessionWordsOf(raw, today);
  return said ? sessionDateTurn(turn, said, today) : undefined;
}

function sessionDateTurn(turn: Turn, said: SessionWords, today: string): Outcome {
  const m = turn.modality;
  const plan = turn.ctx.profile.sessions;
  switch (said.kind) {
    case 'unclear':
      return { state: closed, reply: finish([said.passed ? words.dates.passed(m) : words.dates.unclear(m)]) };
    case 'ask': {
      const next = nextSessionFrom(plan, today);
      const last = summaryWindow(turn.ctx.now, turn.ctx.profile).sessionDate;
      if (!next && !last) return { state: closed, reply: finish([words.dates.none(m)]) };
      return { state: closed, reply: finish([words.dates.known(m, next, last)]) };
    }
    case 'clear':
      if (!plan) return { state: closed, reply: finish([words.dates.noneToClear]) };
      turn.effects.push({ type: 'setSessions', sessions: null });
      return { state: closed, reply: finish([beat(words.dates.cleared, { claimsSaved: true })]) };
    default: {
      const updated = applySessionWords(plan, said, today);
      turn.effects.push({ type: 'setSessions', sessions: updated });
      let line: string;
      if (said.kind === 'next') line = words.dates.keptNext(m, said.date, said.minute);
      else if (said.kind === 'last') line = words.dates.keptLast(m, said.date, said.date === today);
      else {
        const next = nextSessionFrom({ every: updated.every }, today);
        line = words.dates.keptEvery(m, said.weekday, said.weeks, next?.date ?? today, said.minute);
      }
      return { state: closed, reply: finish([beat(line, { claimsSaved: true })]) };
    }
  }
}

function linkTurn(turn: Turn, command: LinkCommand): PrepTurn {
  const { ctx } = turn;
  if (command === 'include') {
    turn.effects.push({ type: 'includeHardMoments', at: ctx.now });
    return { state: closed, reply: finish([beat(words.hard.included, { claimsSaved: true })]) };
  }
  // Links are read on a screen: by text. On a speaker, "text me my summary" (flow/link.ts).
  if (capabilitiesOf(ctx).modality !== 'text') return { state: closed, reply: finish([words.links.notHere]) };
  if (command === 'unshare') {
    turn.effects.push({ type: 'revokeShares' });
    return { state: closed, reply: finish([beat(words.links.unshared, { claimsSaved: true })]) };
  }
  const kind = command === 'export' ? 'export' : 'summary';
  if (ctx.share === undefined) return { share: { kind, since: summaryWindow(ctx.now, ctx.profile).since } };
  if (ctx.share === 'unavailable') return { state: closed, reply: finish([words.links.unavailable]) };
  const line = kind === 'export' ? words.links.export(ctx.share.url) : words.links.share(ctx.share.url);
  return { state: closed, reply: finish([beat(line, { carriesLink: true })]) };
}

/** Most characters of own words kept for "what I want to bring up" (as the journal's other notes). */
const MAX_BRING_UP = 200;

/**
 * The answer to "Anything you want to bring up at your session?": their own words are kept for
 * the summary and the page; SKIP, no, none or "not sure" keep nothing. Commands (HI, SUMMARY,
 * MORE...) never get here (step.ts answers them first). Undefined when it does not fit.
 */
export function handleBringUp(turn: Turn, said: Said, raw: string | undefined): Outcome | undefined {
  if (said.kind === 'answer')
    return said.answer === 'yes' ? undefined : { state: closed, reply: finish([words.bringUp.skipped]) };
  if (said.kind !== 'text' || raw === undefined) return undefined;
  // MORE after the last page is not something to bring up.
  if (normalizeMessage(raw) === 'more') return { state: closed, reply: finish([summaryWords.text.allShown]) };
  const text = raw.replace(/\s+/g, ' ').trim().slice(0, MAX_BRING_UP);
  if (text === '' || isNonAnswer(text)) return { state: closed, reply: finish([words.bringUp.skipped]) };
  turn.addEntry({ kind: 'bring-up', text });
  return { state: closed, reply: finish([beat(words.bringUp.kept(text), { claimsSaved: true })]) };
}

export function repeatBringUp(turn: Turn): Outcome {
  const next = nextSessionFrom(turn.ctx.profile.sessions, localToday(turn.ctx.now, turn.ctx.profile));
  if (!next) return { state: closed, reply: finish([words.bringUp.skipped]) };
  return {
    state: { step: 'bring-up', values: {} },
    reply: ask([words.bringUp.ask(next.date)], words.bringUp.reprompt),
  };
}
