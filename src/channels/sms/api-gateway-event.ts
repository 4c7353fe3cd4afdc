/**
 * API Gateway HTTP API (payload v2) <-> the webhook's plain request and response.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { SmsWebhookRequest, SmsWebhookResponse } from './sms-webhook.ts';

/**
 * The form parameters and Twilio signature of an HTTP API event. The body may arrive
 * base64-encoded; header names arrive lower-cased in payload v2, but are matched without
 * regard to case anyway. A repeated parameter keeps its first value (Twilio never repeats one).
 */
export function requestFromEvent(event: APIGatewayProxyEventV2): SmsWebhookRequest {
  const raw = event.body ?? '';
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(body)) {
    if (!(key in params)) params[key] = value;
  }
  const signature = Object.entries(event.headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'x-twilio-signature',
  )?.[1];
  return signature === undefined ? { params } : { params, signature };
}

/** The webhook's answer as an HTTP API result. */
export function resultFromResponse(response: SmsWebhookResponse): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: response.status,
    headers: { 'content-type': response.contentType },
    body: response.body,
  };
}
