/**
 * Is this request really from Twilio? Checked with Twilio's own `validateRequest`.
 *
 * Deep import on purpose: the `twilio` package entry pulls in the whole REST client
 * (about 3.7 MB and 230 ms of Lambda cold start) for one HMAC.
 */
import { validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import { SMS_PATH } from '../../config/lambda-env.ts';

/** Why a request was refused; the webhook maps each to one HTTP status. */
export type SignatureProblem =
  /** No auth token configured: nothing can be verified, so everything is refused. */
  | 'no-token'
  /** No X-Twilio-Signature header. */
  | 'missing'
  /** A signature that does not match this URL and these parameters. */
  | 'invalid';

/** A request that did not pass signature verification. */
export class SignatureError extends Error {
  readonly problem: SignatureProblem;

  constructor(problem: SignatureProblem) {
    super(`Twilio signature check failed: ${problem}`);
    this.name = 'SignatureError';
    this.problem = problem;
  }
}

/**
 * The URL Twilio signs: the configured public base URL + `/sms`. It is always configured,
 * never rebuilt from Host or X-Forwarded-* headers, which a caller controls.
 */
export function webhookUrl(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}${SMS_PATH}`;
}

/**
 * Throws {@link SignatureError} unless `signature` is Twilio's signature of `url` and `params`
 * under `authToken`. Fails closed: without a token nothing passes.
 *
 * Ports: Twilio signs the URL as configured on the number, and some of its services add or
 * leave out the default `:443`/`:80`. `validateRequest` already accepts both forms of the
 * URL, so `https://host/sms` and `https://host:443/sms` verify against each other.
 */
export function verifySignature(
  authToken: string | undefined,
  signature: string | undefined,
  url: string,
  params: Readonly<Record<string, string>>,
): void {
  if (!authToken) throw new SignatureError('no-token');
  if (!signature) throw new SignatureError('missing');
  let valid = false;
  try {
    valid = validateRequest(authToken, signature, url, { ...params });
  } catch {
    // validateRequest parses the URL when its first comparison fails; a URL it cannot parse
    // verifies nothing, so it refuses like any other mismatch.
    valid = false;
  }
  if (!valid) throw new SignatureError('invalid');
}
