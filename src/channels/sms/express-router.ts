/**
 * The SMS webhook on express (the local server mounts it at /sms). A thin shell: parse the
 * form, pass the signature header, send back what the webhook answers.
 */
import express, { type Router } from 'express';
import { handleSmsWebhook, type SmsWebhookDeps } from './sms-webhook.ts';

/** Twilio's form posts are a few kilobytes at most; anything bigger is not Twilio. */
const BODY_LIMIT = '64kb';

/** A router answering POST / with the webhook; mount it at `/sms`. */
export function createSmsRouter(deps: SmsWebhookDeps): Router {
  const router = express.Router();
  router.post('/', express.urlencoded({ extended: false, limit: BODY_LIMIT }), async (req, res) => {
    const signature = req.header('X-Twilio-Signature');
    const result = await handleSmsWebhook(
      { params: formParams(req.body), ...(signature === undefined ? {} : { signature }) },
      deps,
    );
    res.status(result.status).type(result.contentType).send(result.body);
  });
  return router;
}

/** The parsed form as single strings; a repeated field keeps its first value (Twilio never repeats one). */
function formParams(body: unknown): Record<string, string> {
  const params: Record<string, string> = {};
  if (typeof body !== 'object' || body === null) return params;
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') params[key] = first;
  }
  return params;
}
