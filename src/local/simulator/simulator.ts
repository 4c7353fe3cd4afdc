/**
 * The simulator of `npm start` (issue 16; docs/design.md, local-only routes): `GET /` serves a
 * page with a phone and an Echo side by side, and `/simulator/...` gives that page a
 * "person" with a fake phone number and an emulated Echo. Local only, never in Lambda
 * (tests/bundle holds the bundles to that), answering this machine only.
 *
 * Nothing is short-circuited: a text typed on the phone is signed with the SMS webhook's
 * token by Twilio's own library and posted to this server's real POST /sms; words typed or
 * spoken to the Echo become Alexa envelopes (echo.ts) for the same skill as POST /alexa.
 *
 * What is kept: per person, a random id, a clearly fake number (+1 555 0100 NNN, the
 * fictional range), the emulator's random Alexa id, and the texts the service sent first to
 * that fake number (for the phone's thread). Never a real number; nothing is logged, and
 * message text is never logged.
 */
import { randomBytes, randomInt } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import type { TextSender } from '../../channels/sms/outbound.ts';
import type { DataRightsStore } from '../../core/ports.ts';
import type { JournalEntry } from '../../core/types.ts';
import { userIdFor } from '../../identity/user-id.ts';
import { isLoopbackHost } from '../config.ts';
import { createSimulatedEcho, type EchoTarget, SIMULATOR_SKILL_ID, type SimulatedEcho } from './echo.ts';
import { pageAssets } from './page-assets.ts';

export interface SimulatorDeps {
  /** PUBLIC_URL: the SMS webhook checks signatures against `${publicUrl}/sms`. */
  publicUrl: string;
  /** The token the SMS webhook verifies with (locally the development token). */
  twilioAuthToken: string;
  pepper: string;
  store: Pick<DataRightsStore, 'exportUser' | 'countItems'>;
  /** ALEXA_SKILL_ID when set; else the simulator's own id (any id is then accepted). */
  skillId?: string | undefined;
  /** The development clock, to stamp texts in a phone's thread as the outbox does. */
  clock: () => Date;
}

/** A text the service sent first (a reminder, a caring text, a crisis text from the Echo). */
export interface InboxText {
  time: string;
  text: string;
}

interface Person {
  id: string;
  phone: string;
  echo: SimulatedEcho;
  /** Texts sent first to this fake number, oldest first. */
  inbox: InboxText[];
}

export interface Simulator {
  /** Mount at `/`: `GET /` and `/simulator/...`. */
  router: Router;
  /**
   * Wraps the local outbox's sender: texts to a simulated phone also land in its thread.
   * (Only the simulator's own fake numbers are recorded.)
   */
  watchTexts<T extends TextSender>(sender: T): T;
  /** Where the Echo's envelopes go (echo.ts); set once the skill exists. */
  connectEcho(target: EchoTarget): void;
  /** This server's own base URL on loopback, once it listens. */
  listeningAt(base: string): void;
}

/** People kept at once (in memory only); the oldest goes first. */
const MAX_PEOPLE = 50;
const MAX_INBOX = 50;
/** A text or an utterance; far more than one SMS or one breath. */
const MAX_WORDS = 1000;
/** The fictional range (NANPA: 555-0100 to 555-0199), under area code 555 as well. */
const fakePhone = (): string => `+15550100${String(randomInt(0, 1000)).padStart(3, '0')}`;

export function createSimulator(deps: SimulatorDeps): Simulator {
  const people = new Map<string, Person>();
  let echoTarget: EchoTarget | undefined;
  let base: string | undefined;

  const forget = (): void => {
    while (people.size > MAX_PEOPLE) {
      const oldest = people.keys().next().value;
      if (oldest === undefined) break;
      people.delete(oldest);
    }
  };

  const newPerson = async (): Promise<Person> => {
    if (!echoTarget) throw new Error('the Echo is not connected');
    // A number with nothing stored and not in use here, so "new person" truly starts afresh.
    let phone = fakePhone();
    for (let tries = 0; tries < 20; tries++) {
      const inUse = [...people.values()].some((p) => p.phone === phone);
      const stored = await deps.store.countItems(userIdFor(deps.pepper, 'sms', phone));
      if (!inUse && stored === 0) break;
      phone = fakePhone();
    }
    const person: Person = {
      id: randomBytes(16).toString('hex'),
      phone,
      echo: await createSimulatedEcho(echoTarget, deps.skillId ?? SIMULATOR_SKILL_ID),
      inbox: [],
    };
    people.set(person.id, person);
    forget();
    return person;
  };

  const text = async (person: Person, body: string): Promise<string[]> => {
    if (!base) throw new Error('not listening yet');
    const sid = `SM${randomBytes(16).toString('hex')}`;
    // The form Twilio posts for an inbound text.
    const params: Record<string, string> = {
      ToCountry: 'US',
      SmsMessageSid: sid,
      NumMedia: '0',
      SmsSid: sid,
      SmsStatus: 'received',
      Body: body,
      To: '+15550100999',
      NumSegments: '1',
      MessageSid: sid,
      AccountSid: `AC${'0'.repeat(32)}`,
      From: person.phone,
      ApiVersion: '2010-04-01',
    };
    const signature = getExpectedTwilioSignature(deps.twilioAuthToken, `${deps.publicUrl}/sms`, params);
    const res = await fetch(`${base}/sms`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    if (!res.ok) throw new Error(`POST /sms answered ${res.status}`);
    return textsOfTwiml(await res.text());
  };

  const journal = async (person: Person) => {
    const smsId = userIdFor(deps.pepper, 'sms', person.phone);
    const alexaId = userIdFor(deps.pepper, 'alexa', person.echo.userId());
    const [phoneSide, echoSide, phoneItems, echoItems] = await Promise.all([
      deps.store.exportUser(smsId),
      deps.store.exportUser(alexaId),
      deps.store.countItems(smsId),
      deps.store.countItems(alexaId),
    ]);
    const linked = phoneSide.profile?.linkedIds?.includes(alexaId) ?? false;
    const seen = new Set<string>();
    const entries: JournalEntry[] = [];
    for (const entry of [...phoneSide.entries, ...echoSide.entries]) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      entries.push(entry);
    }
    entries.sort((a, b) => a.at.localeCompare(b.at));
    // Entries as the export stores them; the profile is left out (it holds the sealed number).
    return { entries, linked, itemsStored: phoneItems + echoItems };
  };

  const router = Router();
  // Mounted at `/` after every other route: only its own paths are guarded here.
  router.use('/simulator', localOnly);
  router.get('/', localOnly, (_req, res) => {
    res.set(PAGE_HEADERS).type('html').send(pageAssets.html());
  });
  router.get('/simulator/page.css', (_req, res) => {
    res.set(PAGE_HEADERS).type('css').send(pageAssets.css());
  });
  router.get('/simulator/page.js', async (_req, res) => {
    res
      .set(PAGE_HEADERS)
      .type('js')
      .send(await pageAssets.js());
  });

  const json = express.json({ limit: '8kb', type: 'application/json' });
  const personOf = (req: Request, res: Response): Person | undefined => {
    const person = people.get(String(req.params.id));
    if (!person) res.status(404).json({ status: 'unknown-person' });
    return person;
  };
  const wordsOf = (req: Request, res: Response): string | undefined => {
    const words = (req.body as { text?: unknown } | undefined)?.text;
    if (typeof words !== 'string' || words.trim() === '' || words.length > MAX_WORDS) {
      res.status(400).json({ status: 'bad-request' });
      return undefined;
    }
    return words;
  };

  router.post('/simulator/people', jsonOnly, async (_req, res) => {
    const person = await newPerson();
    res.set('Cache-Control', 'no-store').json({ id: person.id, phone: person.phone });
  });
  router.post('/simulator/people/:id/sms', jsonOnly, json, async (req, res) => {
    const person = personOf(req, res);
    const words = person && wordsOf(req, res);
    if (!person || words === undefined) return;
    res.set('Cache-Control', 'no-store').json({ texts: await text(person, words) });
  });
  router.post('/simulator/people/:id/echo', jsonOnly, json, async (req, res) => {
    const person = personOf(req, res);
    const words = person && wordsOf(req, res);
    if (!person || words === undefined) return;
    res.set('Cache-Control', 'no-store').json(await person.echo.say(words));
  });
  router.get('/simulator/people/:id/journal', async (req, res) => {
    const person = personOf(req, res);
    if (!person) return;
    res.set('Cache-Control', 'no-store').json(await journal(person));
  });
  router.get('/simulator/people/:id/inbox', (req, res) => {
    const person = personOf(req, res);
    if (!person) return;
    res.set('Cache-Control', 'no-store').json({ texts: person.inbox });
  });

  return {
    router,
    watchTexts(sender) {
      const send: TextSender['send'] = async (to, body) => {
        await sender.send(to, body);
        for (const person of people.values()) {
          if (person.phone !== to) continue;
          person.inbox.push({ time: deps.clock().toISOString(), text: body });
          if (person.inbox.length > MAX_INBOX) person.inbox.shift();
        }
      };
      return { ...sender, send };
    },
    connectEcho(target) {
      echoTarget = target;
    },
    listeningAt(url) {
      base = url.replace(/\/+$/, '');
    },
  };
}

/**
 * Where this server answers itself: loopback when it listens there (or everywhere), else the
 * address it listens on.
 */
export function selfUrlFor(host: string, port: number): string {
  if (host === '::' || host === '::1') return `http://[::1]:${port}`;
  if (host === '0.0.0.0' || isLoopbackHost(host)) return `http://127.0.0.1:${port}`;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** What `npm start` says about the simulator: where, local only, and how the Echo gets in. */
export function simulatorNotice(pageUrl: string, alexaVerifySignature: boolean): string {
  const echo = alexaVerifySignature
    ? "its Echo's envelopes go straight to the skill without Amazon's certificate check, inside the simulator only; POST /alexa keeps the check on"
    : "its Echo's envelopes go through POST /alexa, whose signature check is off (ALEXA_VERIFY_SIGNATURE=false)";
  return [
    `Try it in a browser: ${pageUrl} (the simulator: a phone and an Echo; local only, this machine only, never in Lambda)`,
    `  its phone signs each text with this server's TWILIO_AUTH_TOKEN and posts it to POST /sms; ${echo}`,
  ].join('\n');
}

/** The page and its assets: this origin only, no caching of a person's words. */
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/**
 * This machine only: a loopback peer (whatever HOST says) and a loopback Host header, so a
 * web page elsewhere cannot reach it by DNS rebinding. Anything else is a 404.
 */
function localOnly(req: Request, res: Response, next: NextFunction): void {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
  if (isLoopbackHost(req.socket.remoteAddress ?? '') && isLoopbackHost(host)) {
    next();
    return;
  }
  res.status(404).json({ status: 'not-found' });
}

/**
 * Every POST is JSON from this page: another site's form cannot send that without a CORS
 * preflight, which nothing here answers; and an Origin, when sent, must be this one.
 */
function jsonOnly(req: Request, res: Response, next: NextFunction): void {
  const origin = req.headers.origin;
  const sameOrigin = origin === undefined || origin === `http://${req.headers.host ?? ''}`;
  if (req.is('application/json') && sameOrigin) {
    next();
    return;
  }
  res.status(sameOrigin ? 415 : 403).json({ status: 'refused' });
}

/** The texts inside a TwiML response, XML entities undone. */
export function textsOfTwiml(twiml: string): string[] {
  return [...twiml.matchAll(/<Message>([\s\S]*?)<\/Message>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}
