/**
 * The Alexa function's end of the phone-text relay (src/service/phone-text-relay.ts): a
 * synchronous invoke of the reminders function. Never retried: a retry after a timeout could
 * text the person twice, and the invoked function goes on sending even when this side stops
 * waiting (the turn runner waits CRISIS_TEXT_WAIT_MS for a crisis text, then answers).
 */
import { InvokeCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { PhoneTextAnswer, PhoneTextInvoker, PhoneTextRequest } from './phone-text-relay.ts';

/** The invoked function threw (its error is in its own log). */
export class PhoneTextFunctionError extends Error {
  constructor() {
    super('the phone-text function failed');
    this.name = 'PhoneTextFunctionError';
  }
}

export function createLambdaClient(region: string): LambdaClient {
  return new LambdaClient({
    region,
    maxAttempts: 1,
    requestHandler: new NodeHttpHandler({ connectionTimeout: 500, requestTimeout: 8000 }),
  });
}

export function createLambdaPhoneTextInvoker(client: LambdaClient, functionName: string): PhoneTextInvoker {
  return async (request: PhoneTextRequest): Promise<PhoneTextAnswer> => {
    const answer = await client.send(
      new InvokeCommand({
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
