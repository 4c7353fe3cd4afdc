/**
 * The reminder tick: every few minutes, read who is due from the sparse index and text each
 * of them once. The same function runs on AWS (lambda/reminders.ts, on an EventBridge
 * Scheduler schedule) and in `npm start` (src/local/main.ts, on an interval and the
 * development clock).
 *
 * Promises:
 * - never twice: a conditional write of "sent for <local date>" comes before the text, so a
 *   retried or overlapping tick finds it claimed and sends nothing (at most once: a text whose
 *   send fails after its claim is not retried that day; the failure is logged and alarmed);
 * - never to someone opted out or without a kept number (the claim checks both); a number the
 *   carrier has as unsubscribed (Twilio 21610) ends the reminder and erases the number, as STOP;
 * - bounded: at most `maxSends` a tick, `minIntervalMs` apart (the Messaging Service's
 *   throughput); whoever is left is due at the next tick;
 * - no numbers in logs: lines carry the HMAC user id, the kind of text and error names.
 */

import { randomInt } from 'node:crypto';
import { RecipientOptedOutError, type TextSender } from '../channels/sms/outbound.ts';
import { regionForPhone } from '../channels/sms/region.ts';
import { smsTexts } from '../channels/sms/render-twiml.ts';
import type { ContactVault, ReminderStore } from '../core/ports.ts';
import { caringTextFor } from '../core/reminders/caring-text.ts';
import { composeReminder, scheduled } from '../core/reminders/reminder.ts';
import { localTime } from '../core/reminders/schedule.ts';
import { finish } from '../core/reply.ts';
import { errorName, type Logger } from '../observability/log.ts';

export interface ReminderTickDeps {
  store: ReminderStore;
  vault: ContactVault;
  sender: TextSender;
  logger: Logger;
  clock?: () => Date;
  seed?: () => number;
  /** Most texts one tick sends. */
  maxSends?: number;
  /** Gap between two texts (rate bound). */
  minIntervalMs?: number;
  /** Someone who wrote this recently is in touch already: no reminder today. */
  recentMinutes?: number;
}

export interface TickResult {
  due: number;
  sent: number;
  skipped: number;
  failed: number;
}

export const DEFAULT_MAX_SENDS = 200;
export const DEFAULT_MIN_INTERVAL_MS = 100;
const DEFAULT_RECENT_MINUTES = 60;

export async function runReminderTick(deps: ReminderTickDeps): Promise<TickResult> {
  const clock = deps.clock ?? (() => new Date());
  const nextSeed = deps.seed ?? (() => randomInt(0, 2 ** 31));
  const maxSends = deps.maxSends ?? DEFAULT_MAX_SENDS;
  const interval = deps.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS;
  const recentMs = (deps.recentMinutes ?? DEFAULT_RECENT_MINUTES) * 60_000;
  const result: TickResult = { due: 0, sent: 0, skipped: 0, failed: 0 };
  const due = await deps.store.dueReminders(clock().toISOString(), maxSends);
  result.due = due.length;
  for (const { userId, dueAt } of due) {
    const now = clock().toISOString();
    const log = { user: userId, channel: 'sms' };
    try {
      const target = await deps.store.loadReminderTarget(userId, now);
      const reminder = target?.profile.reminder;
      if (!target || !reminder || reminder.dueAt !== dueAt || target.profile.optedOut || !target.contact) {
        result.skipped += 1;
        deps.logger.info({ event: 'reminder-skipped', ...log, step: 'not-due' });
        continue;
      }
      const wrote = target.sessionUpdatedAt
        ? Date.parse(now) - Date.parse(target.sessionUpdatedAt)
        : Infinity;
      if (wrote < recentMs) {
        // In touch already: today needs no text, and nothing counts as unanswered.
        const today = localTime(now, reminder.timeZone).date;
        await deps.store.rescheduleReminder(
          userId,
          dueAt,
          scheduled({ ...reminder, lastSentFor: today }, now),
          now,
        );
        result.skipped += 1;
        deps.logger.info({ event: 'reminder-skipped', ...log, step: 'wrote-recently' });
        continue;
      }
      const composed = composeReminder({
        reminder,
        openGoal: target.profile.openGoal,
        sessions: target.profile.sessions,
        now,
        seed: nextSeed(),
      });
      const claimed = await deps.store.claimReminder(userId, {
        expectedDueAt: dueAt,
        localDate: composed.localDate,
        reminder: composed.reminder,
        state: composed.state,
        expectedVersion: target.session?.version ?? null,
        now,
      });
      if (!claimed) {
        result.skipped += 1;
        deps.logger.info({ event: 'reminder-skipped', ...log, step: 'claimed' });
        continue;
      }
      const phone = await deps.vault.open(userId, target.contact);
      for (const text of smsTexts(composed.reply)) await deps.sender.send(phone, text);
      result.sent += 1;
      deps.logger.info({ event: 'reminder-sent', ...log, step: composed.kind });
      if (interval > 0 && result.sent < due.length) await sleep(interval);
    } catch (error) {
      if (error instanceof RecipientOptedOutError) {
        // Opted out at the carrier, not here: as STOP, the reminder and the number go now.
        await deps.store.endRemindersOptedOut(userId, now).catch(() => undefined);
        result.skipped += 1;
        deps.logger.info({ event: 'reminder-ended', ...log, step: 'carrier-opt-out' });
        continue;
      }
      result.failed += 1;
      // Alarmed (cdk/log-alarms.ts). The claim stands: better one missed text than two.
      deps.logger.error({ event: 'reminder-failed', ...log, error: errorName(error) });
    }
  }
  await sendCaringTexts(deps, clock, result, maxSends - result.sent, interval);
  deps.logger.info({ event: 'reminder-tick', count: result.sent, status: result.failed > 0 ? 500 : 200 });
  return result;
}

/**
 * The caring texts due (issue 14): one short text the day after a crisis reply, to someone who
 * said yes. Claimed before it is sent (a conditional delete of its CARING item), so never two;
 * never to someone opted out or without a kept number (then it is dropped, not sent); the text
 * says nothing of what was said, and no question is placed in the conversation ("no need to
 * reply"): an answer is an ordinary inbound text, read by the crisis gate first.
 */
async function sendCaringTexts(
  deps: ReminderTickDeps,
  clock: () => Date,
  result: TickResult,
  room: number,
  interval: number,
): Promise<void> {
  if (room <= 0) return;
  const due = await deps.store.dueCaringTexts(clock().toISOString(), room);
  result.due += due.length;
  for (const { userId, dueAt } of due) {
    const now = clock().toISOString();
    // No user id: a caring text follows a crisis reply, and no user id is ever logged beside
    // a crisis (docs/operations.md, "Logs").
    const log = { channel: 'sms', step: 'caring-text' };
    try {
      const target = await deps.store.loadReminderTarget(userId, now);
      const caring = target?.profile.caringText;
      const sendable =
        target !== null &&
        caring?.answer === 'yes' &&
        !caring.sentAt &&
        !target.profile.optedOut &&
        target.contact;
      const claimed = await deps.store.claimCaringText(userId, dueAt, now);
      if (!claimed || !sendable || !target?.contact) {
        result.skipped += 1;
        deps.logger.info({ event: 'reminder-skipped', ...log });
        continue;
      }
      const phone = await deps.vault.open(userId, target.contact);
      const text = caringTextFor(regionForPhone(phone));
      for (const part of smsTexts(finish([text]))) await deps.sender.send(phone, part);
      result.sent += 1;
      deps.logger.info({ event: 'reminder-sent', ...log });
      if (interval > 0) await sleep(interval);
    } catch (error) {
      if (error instanceof RecipientOptedOutError) {
        await deps.store.endRemindersOptedOut(userId, now).catch(() => undefined);
        result.skipped += 1;
        deps.logger.info({ event: 'reminder-ended', ...log });
        continue;
      }
      result.failed += 1;
      // Alarmed with the reminders (cdk/log-alarms.ts). The claim stands: never a second one.
      deps.logger.error({ event: 'reminder-failed', ...log, error: errorName(error) });
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
