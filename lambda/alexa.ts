/**
 * Composition root of the Alexa skill on AWS Lambda. Wiring only: config, clients and the
 * skill are built once per container; each request goes to the skill. No business rule
 * lives here.
 *
 * Alexa waits about 3 s for an answer (8 s at most), so every slow part is bounded: the
 * turn (store included) by the runner's budget, the pepper read by its own timeout; past
 * either, the skill still answers, and its error reply keeps the crisis line.
 *
 * A person linked to a phone gets the crisis numbers (and "text me my summary") by text:
 * this function asks the reminders function, which alone may decrypt the number
 * (src/service/phone-text-relay.ts).
 */

import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Context } from 'aws-lambda';
import { requireEnv } from '../src/config/env.ts';
import {
  ALEXA_SKILL_ID,
  ID_PEPPER_SECRET_ARN,
  PHONE_TEXT_FUNCTION_NAME,
  PUBLIC_URL,
  TABLE_NAME,
} from '../src/config/lambda-env.ts';
import { createSecretReader } from '../src/config/secrets.ts';
import { createLogger } from '../src/observability/log.ts';
import { deadlineIn, withDeadline } from '../src/service/deadline.ts';
import { createLambdaPhoneTextInvoker } from '../src/service/phone-text-invoke.ts';
import { createRelayedTexters } from '../src/service/phone-text-relay.ts';
import { createShareLinkIssuer } from '../src/share/links.ts';
import { createDynamoDocumentClient } from '../src/store/dynamo-client.ts';
import { DynamoCheckInStore } from '../src/store/dynamo-store.ts';
import { wireAlexaSkill } from '../src/wiring/alexa.ts';

/** Whole turn, store included: leaves room in Alexa's ~3 s for the pepper read and the SSML. */
const TURN_BUDGET_MS = 2000;
/** A cold Secrets Manager read; warm reads come from the reader's cache at once. */
const PEPPER_BUDGET_MS = 800;

// Read once and fail closed: without ALEXA_SKILL_ID any skill could call this function,
// so the container refuses to start (ConfigError naming the variable).
const config = {
  region: requireEnv('AWS_REGION'),
  skillId: requireEnv(ALEXA_SKILL_ID),
  tableName: requireEnv(TABLE_NAME),
  pepperSecretArn: requireEnv(ID_PEPPER_SECRET_ARN),
  phoneTextFunction: requireEnv(PHONE_TEXT_FUNCTION_NAME),
  // The HTTP API's base URL: "text me my summary" adds a page link under it (lambda/share.ts).
  publicUrl: requireEnv(PUBLIC_URL),
};

const logger = createLogger();
const readSecret = createSecretReader();
const phoneTexts = createRelayedTexters(
  createLambdaPhoneTextInvoker(config.region, config.phoneTextFunction),
  logger,
);
const store = new DynamoCheckInStore({
  client: createDynamoDocumentClient({ region: config.region, requestTimeoutMs: 800, maxAttempts: 2 }),
  tableName: config.tableName,
});
const skill = wireAlexaSkill({
  store,
  logger,
  // Past its budget the skill's error handler still answers, with the crisis line.
  pepper: () =>
    withDeadline(() => readSecret(config.pepperSecretArn), deadlineIn(PEPPER_BUDGET_MS), 'id-pepper'),
  skillId: config.skillId,
  turnBudgetMs: TURN_BUDGET_MS,
  ...phoneTexts,
  shareLinks: createShareLinkIssuer({ store, baseUrl: config.publicUrl }),
});

/** Lambda entry point: one Alexa request envelope in, one response envelope out. */
export async function handler(event: RequestEnvelope, context?: Context): Promise<ResponseEnvelope> {
  return skill.invoke(event, context);
}
