/**
 * GET /share/<token>, /export/<token>, /export/<token>/journal.csv|json: plain code shared by
 * the express route of `npm start` and a Lambda handler (lambda/share.ts).
 *
 * The token is checked against its hash in the store (24 h, single purpose: a summary link
 * never opens the export). A wrong, expired, revoked or malformed token, a link of another
 * kind, or anything that fails, is the same 404 with the same body: nothing tells one from
 * another. The page is made at request time from the person's own items only, and never
 * cached (no-store) or indexed (noindex). Log lines carry the status and timing, never the
 * path, the token or a word of the page.
 */
import type { ConversationStore, DataRightsStore, JournalStore, ShareStore } from '../core/ports.ts';
import { prepPage } from '../core/sessions/prep-page.ts';
import { windowOf, zoneFor } from '../core/sessions/window.ts';
import type { ProfileView } from '../core/types.ts';
import type { Logger } from '../observability/log.ts';
import { toCsv, toJson } from '../store/export-format.ts';
import { EXPORT_PATH, SHARE_PATH, shareTokenHash, TOKEN_PATTERN } from './links.ts';
import { PAGE_HEADERS, renderExportPage, renderNotFound, renderPrepPage } from './page.ts';

export interface ShareResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ShareHandlerDeps {
  store: ShareStore & JournalStore & DataRightsStore & Pick<ConversationStore, 'loadTurn'>;
  logger: Logger;
  clock?: () => Date;
}

type Route = { kind: 'summary'; token: string } | { kind: 'export'; token: string; file?: 'csv' | 'json' };

function routeOf(path: string): Route | undefined {
  const parts = path.split('/').filter(Boolean);
  const [root, token, file] = parts;
  if (token === undefined || !TOKEN_PATTERN.test(token)) return undefined;
  if (`/${root}` === SHARE_PATH && parts.length === 2) return { kind: 'summary', token };
  if (`/${root}` !== EXPORT_PATH) return undefined;
  if (parts.length === 2) return { kind: 'export', token };
  if (parts.length === 3 && file === 'journal.csv') return { kind: 'export', token, file: 'csv' };
  if (parts.length === 3 && file === 'journal.json') return { kind: 'export', token, file: 'json' };
  return undefined;
}

const notFound = (): ShareResponse => ({ status: 404, headers: { ...PAGE_HEADERS }, body: renderNotFound() });

export function createShareHandler(deps: ShareHandlerDeps) {
  const clock = deps.clock ?? (() => new Date());
  return async function handleShareRequest(method: string, path: string): Promise<ShareResponse> {
    const started = performance.now();
    let response: ShareResponse;
    try {
      response = method === 'GET' || method === 'HEAD' ? await answer(path) : notFound();
    } catch {
      // A store that fails reveals nothing either: the same 404.
      response = notFound();
      deps.logger.warn({ event: 'store-failed', step: 'share-page' });
    }
    deps.logger.info({
      event: 'share-page',
      status: response.status,
      ms: Math.round(performance.now() - started),
    });
    return method === 'HEAD' ? { ...response, body: '' } : response;
  };

  async function answer(path: string): Promise<ShareResponse> {
    const route = routeOf(path);
    if (!route) return notFound();
    const now = clock().toISOString();
    const found = await deps.store.findShareLink(shareTokenHash(route.token), now);
    if (!found || found.record.kind !== route.kind) return notFound();
    const { userId, record } = found;

    if (route.kind === 'export') {
      if (!route.file)
        return { status: 200, headers: { ...PAGE_HEADERS }, body: renderExportPage(route.token) };
      const exported = await deps.store.exportUser(userId);
      // The journal, and of the profile only what is theirs to read: no ids, no number, no keys.
      const profile = exported.profile
        ? {
            createdAt: exported.profile.createdAt,
            ...(exported.profile.timeZone ? { timeZone: exported.profile.timeZone } : {}),
            ...(exported.profile.sessions ? { sessions: exported.profile.sessions } : {}),
          }
        : null;
      const files = { profile, entries: exported.entries };
      const csv = route.file === 'csv';
      return {
        status: 200,
        headers: {
          ...PAGE_HEADERS,
          'Content-Type': csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
          'Content-Disposition': `attachment; filename="my-check-in-journal.${route.file}"`,
        },
        body: csv ? toCsv(files) : toJson(files),
      };
    }

    const snapshot = await deps.store.loadTurn(userId, 'sms', now);
    const view: ProfileView = {};
    if (snapshot.profile?.timeZone) view.timeZone = snapshot.profile.timeZone;
    if (snapshot.profile?.sessions) view.sessions = snapshot.profile.sessions;
    const entries = await deps.store.entriesSince(userId, record.since);
    const page = prepPage({
      entries,
      now,
      timeZone: zoneFor(view),
      window: windowOf(record.since, now, view),
      includeHardMoments: snapshot.profile?.includeHardMomentsAt !== undefined,
    });
    return { status: 200, headers: { ...PAGE_HEADERS }, body: renderPrepPage(page) };
  }
}

export type ShareHandler = ReturnType<typeof createShareHandler>;
