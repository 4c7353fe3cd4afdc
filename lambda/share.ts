/**
 * Composition root of the SHARE and EXPORT pages on AWS Lambda (API Gateway HTTP API,
 * payload v2): GET /share/{token} and GET /export/{token}, /export/{token}/{file}, on the same
 * HTTP API as POST /sms. Wiring only; src/share/handler.ts decides everything. The function
 * needs GetItem and Query on the table (and nothing else: no secret, no key). Its log lines
 * carry the status and timing, never the path: keep API Gateway access logs from logging
 * `$context.path` or `$context.routeKey` values with the token for these routes.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { requireEnv } from '../src/config/env.ts';
import { TABLE_NAME } from '../src/config/lambda-env.ts';
import { createLogger } from '../src/observability/log.ts';
import { createShareHandler } from '../src/share/handler.ts';
import { createDynamoDocumentClient } from '../src/store/dynamo-client.ts';
import { DynamoCheckInStore } from '../src/store/dynamo-store.ts';

const config = { region: requireEnv('AWS_REGION'), tableName: requireEnv(TABLE_NAME) };

const handle = createShareHandler({
  store: new DynamoCheckInStore({
    client: createDynamoDocumentClient({ region: config.region, requestTimeoutMs: 2000, maxAttempts: 3 }),
    tableName: config.tableName,
  }),
  logger: createLogger(),
});

export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const answer = await handle(event.requestContext.http.method, event.rawPath);
  return { statusCode: answer.status, headers: answer.headers, body: answer.body };
}
