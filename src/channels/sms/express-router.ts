/**
 * The SMS webhook on express (the local server mounts it at /sms). A thin shell: parse the
 * form, pass the signature header, send back what the webhook answers. Parser failures and
 * a body that is not a form are handed to the host's error mapping (src/local/http-errors.ts):
 * 413 too large, 400 malformed, 415 not a form.
 */
import express, { type Router } from 'express';
import { HttpRefusal } from '../http-refusal.ts';
import { handleSmsWebhook, type SmsWebhookDeps } from './sms-webhook.ts';

/** Twilio's form posts are a few kilobytes at most; anything bigger is not Twilio. */
const BODY_LIMIT = '64kb';
const FORM = 'application/x-www-form-urlencoded';

/** A router answering POST / with the webhook; mount it at `/sms`. */
export function createSmsRouter(deps: SmsWebhookDeps): Router {
  const router = express.Router();
  router.post(
    '/',
    (req, _res, next) => {
      // Twilio always posts a form. Anything else would otherwise reach the signature check
      // with no parameters and be refused as forged (403), which hides what was wrong.
      next(req.is(FORM) ? undefined : new HttpRefusal('content-type.unsupported'));
    },
    express.urlencoded({ extended: false, limit: BODY_LIMIT }),
    async (req, res) => {
      const signature = req.header('X-Twilio-Signature');
      const result = await handleSmsWebhook(
        { params: formParams(req.body), ...(signature === undefined ? {} : { signature }) },
        deps,
      );
      res.status(result.status).type(result.contentType).send(result.body);
    },
  );
  return router;
}

/**
 * The parsed form as single strings; a repeated field keeps its first value (Twilio never
 * repeats one). A null-prototype object, so a field named `constructor` or `toString` is
 * kept as the field it is, and the signature still covers it.
 */
function formParams(body: unknown): Record<string, string> {
  const params: Record<string, string> = Object.create(null);
  if (typeof body !== 'object' || body === null) return params;
  for (const [key, value] of Object.entries(body)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === 'string') params[key] = first;
  }
  return params;
}
