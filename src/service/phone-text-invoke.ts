/**
 * The Alexa function's end of the phone-text relay (src/service/phone-text-relay.ts): a
 * synchronous invoke of the reminders function. Never retried: a retry after a timeout could
 * text the person twice, and the invoked function goes on sending even when this side stops
 * waiting (the turn runner waits CRISIS_TEXT_WAIT_MS for a crisis text, then answers).
 *
 * The Lambda client is loaded on the first text, not at cold start: most turns never text a
 * phone, and every Alexa request pays for what the container loads (npm run bench:cold).
 */
import type { LambdaClient } from '@aws-sdk/client-lambda';
// Already loaded for DynamoDB: only the Lambda client itself waits for the first text.
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { PhoneTextAnswer, PhoneTextInvoker, PhoneTextRequest } from './phone-text-relay.ts';

/** The invoked function threw (its error is in its own log). */
export class PhoneTextFunctionError extends Error {
  constructor() {
    super('the phone-text function failed');
    this.name = 'PhoneTextFunctionError';
  }
}

export function createLambdaPhoneTextInvoker(region: string, functionName: string): PhoneTextInvoker {
  let ready: Promise<{ client: LambdaClient; sdk: typeof import('./lambda-sdk.ts') }> | undefined;
  const load = async () => {
    const sdk = await import('./lambda-sdk.ts');
    const client = new sdk.LambdaClient({
      region,
      maxAttempts: 1,
      requestHandler: new NodeHttpHandler({ connectionTimeout: 500, requestTimeout: 8000 }),
    });
    return { client, sdk };
  };
  return async (request: PhoneTextRequest): Promise<PhoneTextAnswer> => {
    ready ??= load().catch((error: unknown) => {
      ready = undefined;
      throw error;
    });
    const { client, sdk } = await ready;
    const answer = await client.send(
      new sdk.InvokeCommand({
        FunctionName: functionName,
        InvocationType: 'RequestResponse',
        Payload: new TextEncoder().encode(JSON.stringify(request)),
      }),
    );
    if (answer.FunctionError || !answer.Payload) throw new PhoneTextFunctionError();
    const body = JSON.parse(new TextDecoder().decode(answer.Payload)) as { sent?: unknown };
    return { sent: body.sent === true };
  };
}
