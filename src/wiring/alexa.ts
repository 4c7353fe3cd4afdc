/**
 * The Alexa skill's wiring, shared by its two composition roots (lambda/alexa.ts and the
 * local POST /alexa route): a store and a logger in, the skill out, with account erasure and
 * voice links bound to the store.
 */
import type { Skill } from 'ask-sdk-core';
import { buildSkill } from '../channels/alexa/skill.ts';
import type { CheckInStore } from '../core/ports.ts';
import type { Logger } from '../observability/log.ts';
import type { CrisisTexter, PhoneTexter } from '../service/crisis-text.ts';
import { eraseAlexaAccount } from '../service/erase-account.ts';
import { createTurnRunner } from '../service/turn-runner.ts';
import type { ShareLinkIssuer } from '../share/links.ts';

export interface AlexaWiring {
  store: CheckInStore;
  logger: Logger;
  /** The identity pepper, or a read of it bounded by the caller (Secrets Manager on Lambda). */
  pepper: string | (() => Promise<string>);
  /** Requests for any other skill are refused. */
  skillId?: string;
  /** The turn's budget, store included: Alexa waits about 3 s for an answer. */
  turnBudgetMs: number;
  /** Texts the crisis numbers to a linked phone as well (issue 13); without it, nothing is texted. */
  crisisTexter?: CrisisTexter;
  /** Texts "text me my summary" to a linked phone; without it, the skill says it could not. */
  phoneTexter?: PhoneTexter;
  /** Makes the private page link added to "text me my summary" (src/share); without it, no link. */
  shareLinks?: ShareLinkIssuer;
  /** The turns' clock (locally the development clock, shared with SMS and the reminders). */
  clock?: () => Date;
}

export function wireAlexaSkill(wiring: AlexaWiring): Skill {
  const { store, logger } = wiring;
  return buildSkill({
    runTurn: createTurnRunner({
      store,
      logger,
      budgetMs: wiring.turnBudgetMs,
      ...(wiring.crisisTexter ? { crisisTexter: wiring.crisisTexter } : {}),
      ...(wiring.phoneTexter ? { phoneTexter: wiring.phoneTexter } : {}),
      ...(wiring.shareLinks ? { shareLinks: wiring.shareLinks } : {}),
      ...(wiring.clock ? { clock: wiring.clock } : {}),
    }),
    pepper: wiring.pepper,
    logger,
    ...(wiring.skillId ? { skillId: wiring.skillId } : {}),
    // AlexaSkillEvent.SkillDisabled: the account's journal, and each recognised voice's, go
    // with the skill.
    eraseUser: async (userId) => {
      await eraseAlexaAccount(store, userId);
    },
    linkPerson: (accountUserId, personUserId) =>
      store.linkPerson(accountUserId, personUserId, new Date().toISOString()),
  });
}
