/**
 * Composition root of Twilio's fallback URL (POST /sms/fallback on the same HTTP API).
 * Twilio calls it only when the primary webhook failed; it answers the same fixed TwiML to
 * every request, so it needs no secret, no table and no configuration, and has nothing to
 * fail on. docs/operations.md gives the Twilio console setting.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { FALLBACK_TWIML } from '../src/channels/sms/fallback-twiml.ts';

export async function handler(): Promise<APIGatewayProxyStructuredResultV2> {
  return { statusCode: 200, headers: { 'content-type': 'text/xml' }, body: FALLBACK_TWIML };
}
