/**
 * Reply -> plain text for the terminal chat: one beat a line, numbered choices, and the
 * same "Reply 1, 2 or 3" words a text message shows.
 */
import { channelWords } from '../../core/content/channels.ts';
import type { Reply } from '../../core/types.ts';

/** The reply as terminal text; empty for a silent reply. */
export function renderPlainText(reply: Reply): string {
  if (reply.silent) return '';
  const lines = reply.beats.map((beat) => beat.text.trim()).filter((text) => text !== '');
  const choices = reply.choices ?? [];
  if (choices.length > 0) {
    lines.push(...choices.map((choice, i) => `${i + 1}) ${choice.label}`));
    lines.push(channelWords.sms.pickPrompt(choices.length, reply.acceptsOwnWords ?? false));
  }
  return lines.join('\n');
}
