/**
 * API Gateway HTTP API (payload v2) <-> the webhook's plain request and response.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { SmsWebhookRequest, SmsWebhookResponse } from './sms-webhook.ts';

/**
 * The form parameters and Twilio signature of an HTTP API event. The body may arrive
 * base64-encoded; header names arrive lower-cased in payload v2, but are matched without
 * regard to case anyway. A repeated parameter keeps its first value (Twilio never repeats one).
 *
 * The parameters live in a null-prototype object and "seen" is `Object.hasOwn`: with a plain
 * object, `key in params` is already true for `constructor` or `toString` (inherited), so
 * such a field was dropped, and `__proto__` was swallowed by the prototype setter. Twilio
 * signs every field it sends, so a dropped field turned a genuine request into a 403.
 */
export function requestFromEvent(event: APIGatewayProxyEventV2): SmsWebhookRequest {
  const raw = event.body ?? '';
  const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  const params: Record<string, string> = Object.create(null);
  for (const [key, value] of new URLSearchParams(body)) {
    if (!Object.hasOwn(params, key)) params[key] = value;
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
