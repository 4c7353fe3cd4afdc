/**
 * SHARE and EXPORT links (issue 15). The token is the only credential: 32 random bytes,
 * base64url (43 characters), carrying nothing about the person. It lives only in the URL that
 * is texted to them; the store keeps its SHA-256, for 24 hours (src/store/table.ts). Neither
 * the token nor the URL is ever logged.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ShareStore } from '../core/ports.ts';
import type { ShareRequest } from '../core/types.ts';

/** Bytes of randomness in a token: 256 bits, far beyond guessing. */
export const TOKEN_BYTES = 32;
/** What a token looks like in a URL: base64url of 32 bytes. Anything else is a 404 at once. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** Where the page and the export live, under the public base URL. */
export const SHARE_PATH = '/share';
export const EXPORT_PATH = '/export';

export function shareTokenHash(token: string): string {
  return createHash('sha256').update(`share-link:${token}`).digest('hex');
}

/** Makes a link for SHARE or EXPORT and returns its absolute URL. */
export type ShareLinkIssuer = (userId: string, request: ShareRequest, now: string) => Promise<string>;

export interface ShareLinkDeps {
  store: Pick<ShareStore, 'createShareLink'>;
  /**
   * PUBLIC_URL: locally the server's own address once it listens (src/local/main.ts), on AWS
   * the HTTP API's. A function, read per link, because the local port is known only then.
   */
  baseUrl: string | (() => string);
  /** For tests; defaults to crypto randomness. */
  randomToken?: () => string;
}

export function createShareLinkIssuer(deps: ShareLinkDeps): ShareLinkIssuer {
  const base = (): string =>
    (typeof deps.baseUrl === 'function' ? deps.baseUrl() : deps.baseUrl).replace(/\/+$/, '');
  const newToken = deps.randomToken ?? (() => randomBytes(TOKEN_BYTES).toString('base64url'));
  return async (userId, request, now) => {
    const token = newToken();
    await deps.store.createShareLink(
      userId,
      shareTokenHash(token),
      { kind: request.kind, since: request.since, createdAt: now },
      now,
    );
    return `${base()}${request.kind === 'export' ? EXPORT_PATH : SHARE_PATH}/${token}`;
  };
}
