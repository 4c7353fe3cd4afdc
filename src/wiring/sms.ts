/**
 * The SMS webhook's wiring, shared by its two composition roots (lambda/sms.ts and
 * src/local/main.ts): a store and a logger in, the webhook's dependencies out. The roots only
 * say where the store, the secrets and the public URL come from.
 */
import { DEFAULT_BUDGET_MS, type SecretSource, type SmsWebhookDeps } from '../channels/sms/sms-webhook.ts';
import type { CheckInStore, ContactVault } from '../core/ports.ts';
import type { Logger } from '../observability/log.ts';
import { createTurnRunner } from '../service/turn-runner.ts';
import type { ShareLinkIssuer } from '../share/links.ts';

export interface SmsWiring {
  store: CheckInStore;
  logger: Logger;
  authToken: SecretSource;
  pepper: SecretSource<string | Buffer>;
  publicUrl: string;
  /** The whole request's budget, from its arrival; the turn ends inside it. */
  budgetMs?: number;
  /** Seals the numbers of people who ask for reminders; without it, no reminder can be set. */
  vault?: ContactVault;
  /** The turn's clock (locally, the development clock that POST /dev/clock moves). */
  clock?: () => Date;
  /** SHARE / EXPORT links (src/share/links.ts); without it, the reply says none could be made. */
  shareLinks?: ShareLinkIssuer;
}

export function wireSmsWebhook(wiring: SmsWiring): SmsWebhookDeps {
  const budgetMs = wiring.budgetMs ?? DEFAULT_BUDGET_MS;
  return {
    authToken: wiring.authToken,
    pepper: wiring.pepper,
    publicUrl: wiring.publicUrl,
    logger: wiring.logger,
    budgetMs,
    // The webhook hands each turn its own deadline, inside this budget.
    runTurn: createTurnRunner({
      store: wiring.store,
      logger: wiring.logger,
      budgetMs,
      ...(wiring.vault ? { vault: wiring.vault } : {}),
      ...(wiring.clock ? { clock: wiring.clock } : {}),
      ...(wiring.shareLinks ? { shareLinks: wiring.shareLinks } : {}),
    }),
  };
}
