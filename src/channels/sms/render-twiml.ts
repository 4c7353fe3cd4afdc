/**
 * Reply -> TwiML, enforcing what carriers allow: GSM-7 only, at most 320 septets a message,
 * at most three messages. Limits are enforced here, whatever the core hands over, so a long
 * summary or an emoji in a label can never turn into a wall of UCS-2 fragments.
 */

import { channelWords } from '../../core/content/channels.ts';
import { CRISIS_NUMBER } from '../../core/content/crisis.ts';
import type { Beat, Reply } from '../../core/types.ts';
import { escapeXml } from '../escape-xml.ts';
import { gsm7Length, isGsm7, toGsm7 } from './gsm7.ts';

export { gsm7Length, isGsm7, toGsm7 };

/** Longest text per `<Message>`, in septets: two concatenated segments. */
export const MAX_MESSAGE_SEPTETS = 320;
/** Most `<Message>`s one reply may become. */
export const MAX_MESSAGES = 3;

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** TwiML that sends nothing (STOP: the carrier sends its own confirmation). */
export const EMPTY_TWIML = `${XML_DECLARATION}<Response/>`;

/**
 * Crisis lines (docs/safety.md). A piece carrying one is never dropped when a reply has to be
 * shortened.
 */

interface Piece {
  text: string;
  /** What joins it to the piece before it within one message. */
  joiner: ' ' | '\n';
  /** Never dropped to make the reply fit. */
  keep: boolean;
}

/**
 * The texts a reply becomes, in order: each GSM-7, each at most {@link MAX_MESSAGE_SEPTETS}
 * septets, at most {@link MAX_MESSAGES} of them. Empty for a silent reply.
 */
export function smsTexts(reply: Reply): string[] {
  if (reply.silent) return [];
  let pieces = toPieces(reply);
  let messages = pack(pieces);
  if (messages.length <= MAX_MESSAGES) return messages;
  // Say that something was left out, and how to see it (the long replies are summaries).
  pieces = [...pieces, { text: toGsm7(channelWords.sms.shortened), joiner: ' ', keep: true }];
  messages = pack(pieces);
  while (messages.length > MAX_MESSAGES) {
    const drop = droppableIndex(pieces);
    if (drop === -1) return messages.slice(0, MAX_MESSAGES);
    pieces = pieces.filter((_, i) => i !== drop);
    messages = pack(pieces);
  }
  return messages;
}

/** TwiML for a reply: one `<Message>` per text of {@link smsTexts}, or an empty `<Response/>`. */
export function renderTwiml(reply: Reply): string {
  return twimlFor(smsTexts(reply));
}

/** TwiML sending `texts` as they are (already GSM-7 and within limits). */
export function twimlFor(texts: readonly string[]): string {
  if (texts.length === 0) return EMPTY_TWIML;
  const messages = texts.map((text) => `<Message>${escapeXml(text)}</Message>`).join('');
  return `${XML_DECLARATION}<Response>${messages}</Response>`;
}

function toPieces(reply: Reply): Piece[] {
  const pieces: Piece[] = [];
  let previous: Beat | undefined;
  for (const beat of reply.beats) {
    const text = toGsm7(beat.text);
    if (text === '') continue;
    // Slow beats (grounding, breathing) and long pauses read best on their own line.
    const ownLine = beat.slow || previous?.slow || previous?.pauseAfter === 'long';
    pieces.push(...splitLong(text, ownLine ? '\n' : ' ', CRISIS_NUMBER.test(text)));
    previous = beat;
  }
  if (reply.choices && reply.choices.length > 0) {
    const lines = reply.choices.map((choice, i) => `${i + 1}) ${toGsm7(choice.label)}`);
    lines.push(toGsm7(channelWords.sms.pickPrompt(reply.choices.length, reply.acceptsOwnWords ?? false)));
    pieces.push(...splitLong(lines.join('\n'), '\n', true));
  }
  return pieces;
}

/** A piece too long for one message, cut at sentence, then word, then character boundaries. */
function splitLong(text: string, joiner: Piece['joiner'], keep: boolean): Piece[] {
  if (gsm7Length(text) <= MAX_MESSAGE_SEPTETS) return [{ text, joiner, keep }];
  const sentences = text.split(/(?<=[.!?])\s+/);
  const units = sentences.length > 1 ? sentences : text.split(/\s+/);
  const parts = units.length > 1 ? units : cutHard(text);
  return parts.flatMap((part, i) => splitLong(part, i === 0 ? joiner : ' ', keep));
}

function cutHard(text: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const ch of text) {
    if (gsm7Length(current + ch) > MAX_MESSAGE_SEPTETS) {
      out.push(current);
      current = '';
    }
    current += ch;
  }
  out.push(current);
  return out;
}

/** Pieces joined greedily into as few messages as fit. */
function pack(pieces: readonly Piece[]): string[] {
  const messages: string[] = [];
  let current = '';
  for (const piece of pieces) {
    const joined = current === '' ? piece.text : `${current}${piece.joiner}${piece.text}`;
    if (gsm7Length(joined) <= MAX_MESSAGE_SEPTETS) {
      current = joined;
    } else {
      if (current !== '') messages.push(current);
      current = piece.text;
    }
  }
  if (current !== '') messages.push(current);
  return messages;
}

/**
 * Which piece to give up when a reply is too long: the opening line and the closing one
 * stay as long as anything else can go, so the middle thins out from its end. Pieces that
 * must stay (crisis lines, choices) are never picked; -1 when only those are left.
 */
function droppableIndex(pieces: readonly Piece[]): number {
  const optional = pieces.flatMap((piece, i) => (piece.keep ? [] : [i]));
  const pick = optional.length > 2 ? optional[optional.length - 2] : optional[optional.length - 1];
  return pick ?? -1;
}
