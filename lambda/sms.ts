/**
 * Composition root of the SMS webhook on AWS Lambda (API Gateway HTTP API, payload v2).
 * Wiring only: clients and config once per container, then each event goes to the shared
 * webhook. No business rule lives here.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { requestFromEvent, resultFromResponse } from '../src/channels/sms/api-gateway-event.ts';
import { DEDUP_BUDGET_MS, DEFAULT_BUDGET_MS, handleSmsWebhook } from '../src/channels/sms/sms-webhook.ts';
import { requireEnv } from '../src/config/env.ts';
import {
  ID_PEPPER_SECRET_ARN,
  PUBLIC_URL,
  TABLE_NAME,
  TWILIO_AUTH_TOKEN_SECRET_ARN,
} from '../src/config/lambda-env.ts';
import { createSecretReader } from '../src/config/secrets.ts';
import { createLogger, errorName } from '../src/observability/log.ts';
import { createTurnRunner } from '../src/service/turn-runner.ts';
import { createDynamoDocumentClient } from '../src/store/dynamo-client.ts';
import { DynamoCheckInStore } from '../src/store/dynamo-store.ts';

/** Whole turn, store included: what the webhook's budget leaves after the MessageSid lookup, less 1 s to render and reply. */
const TURN_BUDGET_MS = DEFAULT_BUDGET_MS - DEDUP_BUDGET_MS - 1000;

// Read once and fail fast: a missing setting stops the container at init, by name.
const config = {
  region: requireEnv('AWS_REGION'),
  tableName: requireEnv(TABLE_NAME),
  publicUrl: requireEnv(PUBLIC_URL),
  authTokenSecretArn: requireEnv(TWILIO_AUTH_TOKEN_SECRET_ARN),
  pepperSecretArn: requireEnv(ID_PEPPER_SECRET_ARN),
};

const logger = createLogger();
const readSecret = createSecretReader();
const store = new DynamoCheckInStore({
  client: createDynamoDocumentClient({ region: config.region, requestTimeoutMs: 2000, maxAttempts: 3 }),
  tableName: config.tableName,
});
const runTurn = createTurnRunner({ store, logger, budgetMs: TURN_BUDGET_MS });

/** A secret, or undefined when it cannot be read; the webhook then fails closed. */
async function secretOrUndefined(arn: string, step: string): Promise<string | undefined> {
  try {
    return await readSecret(arn);
  } catch (error) {
    logger.error({ event: 'secret-unavailable', channel: 'sms', step, error: errorName(error) });
    return undefined;
  }
}

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const [authToken, pepper] = await Promise.all([
    secretOrUndefined(config.authTokenSecretArn, 'twilio-auth-token'),
    secretOrUndefined(config.pepperSecretArn, 'id-pepper'),
  ]);
  const response = await handleSmsWebhook(requestFromEvent(event), {
    authToken,
    pepper,
    publicUrl: config.publicUrl,
    runTurn,
    store,
    logger,
  });
  return resultFromResponse(response);
}
