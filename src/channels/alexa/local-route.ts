/**
 * POST /alexa for `npm start`, configured from the environment (docs/design.md, "Contract points"):
 * ALEXA_SKILL_ID, enforced when set; ALEXA_VERIFY_SIGNATURE=false switches Amazon's
 * signature and timestamp checks off for local emulators only, announced at start-up.
 */
import type { Skill } from 'ask-sdk-core';
import type { Router } from 'express';
import { ConfigError, type Env, optionalEnv } from '../../config/env.ts';
import type { CheckInStore } from '../../core/ports.ts';
import type { Logger } from '../../observability/log.ts';
import type { CrisisTexter, PhoneTexter } from '../../service/crisis-text.ts';
import { DEFAULT_TURN_BUDGET_MS } from '../../service/turn-runner.ts';
import type { ShareLinkIssuer } from '../../share/links.ts';
import { wireAlexaSkill } from '../../wiring/alexa.ts';
import { createAlexaRouter } from './express-route.ts';

export interface LocalAlexaSettings {
  skillId?: string;
  verifySignature: boolean;
}

/** Reads ALEXA_SKILL_ID and ALEXA_VERIFY_SIGNATURE ("true" by default, or "false"). */
export function localAlexaSettings(env: Env = process.env): LocalAlexaSettings {
  const verify = optionalEnv('ALEXA_VERIFY_SIGNATURE', env)?.toLowerCase() ?? 'true';
  if (verify !== 'true' && verify !== 'false') {
    throw new ConfigError('ALEXA_VERIFY_SIGNATURE must be true or false');
  }
  const skillId = optionalEnv('ALEXA_SKILL_ID', env);
  return { verifySignature: verify === 'true', ...(skillId ? { skillId } : {}) };
}

export interface LocalAlexaRouteDeps {
  /** Holds the turns, and erases the account and its voices when it disables the skill. */
  store: CheckInStore;
  pepper: string;
  logger: Logger;
  env?: Env;
  /** Texts the crisis numbers to a linked phone (locally to the outbox). */
  crisisTexter?: CrisisTexter;
  /** Texts "text me my summary" to a linked phone (locally to the outbox). */
  phoneTexter?: PhoneTexter;
  /** The page link added to "text me my summary" (src/share/links.ts). */
  shareLinks?: ShareLinkIssuer;
  /** The development clock, so a code made by text and said to Alexa read one time. */
  clock?: () => Date;
  /** The turn's budget, store included; defaults to the runner's. */
  turnBudgetMs?: number;
}

/**
 * The skill behind POST /alexa, ready to mount: `{ path: '/alexa', router }`, and the skill
 * itself for the local simulator (src/local/simulator/echo.ts).
 */
export function createLocalAlexaRoute(deps: LocalAlexaRouteDeps): {
  path: '/alexa';
  router: Router;
  skill: Skill;
} {
  const settings = localAlexaSettings(deps.env);
  if (!settings.verifySignature) {
    // Anyone who can reach this port can now speak as any Alexa user: say so plainly.
    deps.logger.warn({ event: 'alexa-signature-check-off', channel: 'alexa' });
  }
  const skill = wireAlexaSkill({
    store: deps.store,
    logger: deps.logger,
    pepper: deps.pepper,
    turnBudgetMs: deps.turnBudgetMs ?? DEFAULT_TURN_BUDGET_MS,
    ...(deps.crisisTexter ? { crisisTexter: deps.crisisTexter } : {}),
    ...(deps.phoneTexter ? { phoneTexter: deps.phoneTexter } : {}),
    ...(deps.shareLinks ? { shareLinks: deps.shareLinks } : {}),
    ...(deps.clock ? { clock: deps.clock } : {}),
    ...(settings.skillId ? { skillId: settings.skillId } : {}),
  });
  return {
    path: '/alexa',
    router: createAlexaRouter({ skill, verifySignature: settings.verifySignature, logger: deps.logger }),
    skill,
  };
}
