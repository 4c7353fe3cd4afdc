/**
 * A request a channel route refuses, as an error the host maps to a status
 * (src/local/http-errors.ts). Shaped like body-parser's http-errors (`status`, `type`), so
 * the host has one mapping for both: a route throws or passes it to `next`, it never writes
 * the refusal itself, and no SDK or parser text ever reaches the response.
 */

/** Why a route refused a request: fixed names, logged as the `step` of the refusal. */
export type RefusalType =
  /** The body is not the media type the route reads (an SMS webhook that is not a form). */
  | 'content-type.unsupported'
  /** Amazon's signature or timestamp did not verify. */
  | 'alexa.verification.failed'
  /** A JSON body that is not an Alexa request envelope. */
  | 'alexa.envelope.malformed'
  /** A request for another skill than the one configured. */
  | 'alexa.skill-id.mismatch'
  /** POST /dev/clock without a whole days=N or hours=N (local only). */
  | 'dev-clock.malformed';

const STATUS: Record<RefusalType, number> = {
  'content-type.unsupported': 415,
  'alexa.verification.failed': 400,
  'alexa.envelope.malformed': 400,
  'alexa.skill-id.mismatch': 403,
  'dev-clock.malformed': 400,
};

export class HttpRefusal extends Error {
  readonly status: number;
  readonly type: RefusalType;

  constructor(type: RefusalType) {
    super(`Request refused: ${type}`);
    this.name = 'HttpRefusal';
    this.type = type;
    this.status = STATUS[type];
  }
}
