/**
 * Composition root of the SMS webhook on AWS Lambda (API Gateway HTTP API, payload v2).
 * Wiring only: clients and config once per container, then each event goes to the shared
 * webhook. No business rule lives here.
 *
 * The secrets are read inside each request's deadline (src/channels/sms/sms-webhook.ts):
 * a cold container whose Secrets Manager read is slow or fails still answers in time, with
 * the kind static reply that carries 988; a warm one serves the last good value while it
 * refreshes (src/config/secrets.ts).
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { requestFromEvent, resultFromResponse } from '../src/channels/sms/api-gateway-event.ts';
import { handleSmsWebhook } from '../src/channels/sms/sms-webhook.ts';
import { requireEnv } from '../src/config/env.ts';
import {
  CONTACT_KEY_ID,
  ID_PEPPER_SECRET_ARN,
  PUBLIC_URL,
  TABLE_NAME,
  TWILIO_AUTH_TOKEN_SECRET_ARN,
} from '../src/config/lambda-env.ts';
import { createSecretReader } from '../src/config/secrets.ts';
import { createKmsContactVault } from '../src/identity/contact-vault.ts';
import { createKmsClient } from '../src/identity/kms-client.ts';
import { createLogger } from '../src/observability/log.ts';
import { createShareLinkIssuer } from '../src/share/links.ts';
import { createDynamoDocumentClient } from '../src/store/dynamo-client.ts';
import { DynamoCheckInStore } from '../src/store/dynamo-store.ts';
import { wireSmsWebhook } from '../src/wiring/sms.ts';

// Read once and fail fast: a missing setting stops the container at init, by name.
const config = {
  region: requireEnv('AWS_REGION'),
  tableName: requireEnv(TABLE_NAME),
  publicUrl: requireEnv(PUBLIC_URL),
  authTokenSecretArn: requireEnv(TWILIO_AUTH_TOKEN_SECRET_ARN),
  pepperSecretArn: requireEnv(ID_PEPPER_SECRET_ARN),
  contactKeyId: requireEnv(CONTACT_KEY_ID),
};

const logger = createLogger();
const readSecret = createSecretReader();
const store = new DynamoCheckInStore({
  client: createDynamoDocumentClient({ region: config.region, requestTimeoutMs: 2000, maxAttempts: 3 }),
  tableName: config.tableName,
});
const webhook = wireSmsWebhook({
  store,
  logger,
  authToken: () => readSecret(config.authTokenSecretArn),
  pepper: () => readSecret(config.pepperSecretArn),
  publicUrl: config.publicUrl,
  // Seals the number of someone who asks for reminders (this role may Encrypt, never Decrypt).
  vault: createKmsContactVault(
    createKmsClient({ region: config.region, timeoutMs: 1500 }),
    config.contactKeyId,
  ),
  // SHARE / EXPORT: a private link under the same base URL, served by lambda/share.ts.
  shareLinks: createShareLinkIssuer({ store, baseUrl: config.publicUrl }),
});

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  return resultFromResponse(await handleSmsWebhook(requestFromEvent(event), webhook));
}
