/**
 * The SHARE page's words and HTML (issue 15), and the handler on the memory store: a fortnight
 * of varied entries reads as a page a therapist can scan; own words are escaped, never markup;
 * what they want to bring up comes first; the page names nobody; a wrong, expired, revoked or
 * other-kind token is one 404.
 */
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../src/core/types.ts';
import { silentLogger } from '../../src/observability/log.ts';
import { createShareHandler } from '../../src/share/handler.ts';
import { createShareLinkIssuer } from '../../src/share/links.ts';
import { MemoryCheckInStore } from '../../src/store/memory-store.ts';

const NOW = '2026-12-15T17:00:00.000Z';
const USER = 'a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6abcd';
const day = (n: number, minutes = 0): string =>
  new Date(Date.parse('2026-12-01T23:00:00.000Z') + n * 86_400_000 + minutes * 60_000).toISOString();

/** Two weeks of a person's texts: feelings with what set them off, goals, tools, a hard moment. */
const FORTNIGHT: JournalEntry[] = [
  { id: 'a1', at: day(0), channel: 'sms', kind: 'feeling', word: 'heavy', family: 'low-unpleasant' },
  { id: 'a2', at: day(0, 3), channel: 'sms', kind: 'tool', tool: 'self-compassion' },
  { id: 'a3', at: day(0, 5), channel: 'sms', kind: 'goal', goal: { text: 'text my brother' } },
  {
    id: 'a4',
    at: day(0, 6),
    channel: 'sms',
    kind: 'reflection',
    trigger: 'an argument with my partner',
    tried: 'a walk round the block',
    helped: 3,
  },
  { id: 'b1', at: day(2), channel: 'sms', kind: 'feeling', word: 'anxious', family: 'high-unpleasant' },
  {
    id: 'b2',
    at: day(2, 4),
    channel: 'sms',
    kind: 'reflection',
    trigger: 'work',
    tried: 'breathing',
    helped: 0,
  },
  {
    id: 'c1',
    at: day(3),
    channel: 'sms',
    kind: 'outcome',
    goal: { text: 'text my brother' },
    goalEntryId: 'a3',
    outcome: 'done',
  },
  { id: 'd1', at: day(5), channel: 'sms', kind: 'moment' },
  { id: 'e1', at: day(7), channel: 'alexa', kind: 'feeling', word: 'tired', family: 'low-unpleasant' },
  { id: 'e2', at: day(7, 2), channel: 'alexa', kind: 'tool', tool: 'grounding' },
  { id: 'e3', at: day(7, 4), channel: 'alexa', kind: 'goal', goal: { catalogueId: 'open-curtains' } },
  {
    id: 'f1',
    at: day(9),
    channel: 'sms',
    kind: 'outcome',
    goal: { catalogueId: 'open-curtains' },
    goalEntryId: 'e3',
    outcome: 'not-yet',
  },
  { id: 'g1', at: day(11), channel: 'sms', kind: 'feeling', word: 'hopeful', family: 'high-pleasant' },
  { id: 'g2', at: day(11, 2), channel: 'sms', kind: 'reflection', trigger: '<b>my boss</b> & "the review"' },
  { id: 'h1', at: day(13), channel: 'sms', kind: 'feeling', word: 'calm', family: 'low-pleasant' },
  { id: 'h2', at: day(13, 10), channel: 'sms', kind: 'bring-up', text: 'sleep, and the new job' },
];

const TOKEN = 'Q2hlY2tJblRva2VuRm9yVGVzdHNPbmx5MDEyMzQ1Njc';

async function setUp(options: { includeHard?: boolean } = {}) {
  const store = new MemoryCheckInStore();
  for (const entry of FORTNIGHT) await store.appendEntry(USER, entry);
  const writes = [
    { type: 'setTimeZone' as const, timeZone: 'America/New_York' },
    {
      type: 'setSessions' as const,
      sessions: { last: '2026-12-01', next: { date: '2026-12-16', minute: 960 } },
    },
    ...(options.includeHard ? [{ type: 'includeHardMoments' as const, at: NOW }] : []),
  ];
  await store.commitTurn(USER, 'sms', {
    state: { v: 1, step: 'closed', values: {} },
    expectedVersion: null,
    writes,
    now: NOW,
  });
  let now = NOW;
  const issue = createShareLinkIssuer({
    store,
    baseUrl: 'https://checkin.example.org/',
    randomToken: () => TOKEN,
  });
  const handle = createShareHandler({ store, logger: silentLogger, clock: () => new Date(now) });
  return {
    store,
    issue,
    handle,
    later: (hours: number) => (now = new Date(Date.parse(NOW) + hours * 3_600_000).toISOString()),
  };
}

const textOf = (html: string): string =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[\s\S]*?<\/title>/, '')
    .replace(/<[^>]+>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');

describe('the SHARE page', () => {
  it('reads as the person wrote it, day by day, since the last session', async () => {
    const { issue, handle } = await setUp();
    const url = await issue(USER, { kind: 'summary', since: '2026-12-01T05:00:00.000Z' }, NOW);
    expect(url).toBe(`https://checkin.example.org/share/${TOKEN}`);

    const res = await handle('GET', `/share/${TOKEN}`);

    expect(res.status).toBe(200);
    expect(textOf(res.body)).toBe(
      [
        'For my therapist',
        'What I noted since my session on Tue Dec 1, in my own words.',
        'Made on Tue Dec 15.',
        "To print, use your browser's Print.",
        'What I want more support with',
        'sleep, and the new job',
        'How I felt, day by day',
        'Tue Dec 1: heavy, after an argument with my partner; a walk round the block helped a lot.',
        'Thu Dec 3: anxious, about work; breathing did not help.',
        'Tue Dec 8: tired.',
        'Sat Dec 12: hopeful, about <b>my boss</b> & "the review".',
        'Mon Dec 14: calm.',
        'Small goals',
        'Small goals done: text my brother.',
        'Not yet: open the curtains.',
        'Tools I tried',
        'A kind word to yourself and grounding.',
        'From "my check in", an automated between-sessions journal. Not a diagnosis or a score. In a crisis, call or text 988.',
      ].join('\n'),
    );
  });

  it('escapes own words, holds no script, id or number, and carries the privacy headers', async () => {
    const { issue, handle } = await setUp();
    await issue(USER, { kind: 'summary', since: '2026-12-01T05:00:00.000Z' }, NOW);
    const res = await handle('GET', `/share/${TOKEN}`);

    expect(res.body).toContain('about &lt;b&gt;my boss&lt;/b&gt; &amp; &quot;the review&quot;');
    expect(res.body).not.toMatch(/<b>|<script|<img|<link|<iframe|https?:\/\//);
    expect(res.body).not.toContain(USER);
    expect(res.body).not.toContain(USER.slice(0, 12));
    expect(res.body).not.toContain(TOKEN);
    expect(res.body).not.toMatch(/\+?1?\d{10}/);
    expect(res.headers).toMatchObject({
      'Cache-Control': 'no-store, max-age=0',
      'X-Robots-Tag': 'noindex, nofollow, noarchive',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    });
    expect(res.headers['Content-Security-Policy']).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'$/,
    );
    // Large type on a phone, and a print style that keeps sections whole on paper.
    expect(res.body).toMatch(/html \{ font-size: 125%; \}/);
    expect(res.body).toMatch(/@media print \{[\s\S]*break-inside: avoid;/);
  });

  it('names hard moments only as a day, and only once the person chose to include them', async () => {
    const out = await setUp();
    await out.issue(USER, { kind: 'summary', since: '2026-12-01T05:00:00.000Z' }, NOW);
    expect(textOf((await out.handle('GET', `/share/${TOKEN}`)).body)).not.toMatch(/hard moment/i);

    const included = await setUp({ includeHard: true });
    await included.issue(USER, { kind: 'summary', since: '2026-12-01T05:00:00.000Z' }, NOW);
    expect(textOf((await included.handle('GET', `/share/${TOKEN}`)).body)).toContain(
      'Hard moments\nA hard moment on Sun Dec 6.',
    );
  });

  it('answers one 404 for a wrong, malformed, other-kind, expired or revoked token, and for POST', async () => {
    const { store, issue, handle, later } = await setUp();
    await issue(USER, { kind: 'summary', since: '2026-12-01T05:00:00.000Z' }, NOW);
    const wrongToken = `${TOKEN.slice(0, -1)}8`;

    const answers = [
      await handle('GET', `/share/${wrongToken}`),
      await handle('GET', '/share/not-a-token'),
      await handle('GET', `/export/${TOKEN}`),
      await handle('GET', `/share/${TOKEN}/extra`),
      await handle('POST', `/share/${TOKEN}`),
    ];
    later(24);
    answers.push(await handle('GET', `/share/${TOKEN}`));

    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(answer.body).toBe(answers[0]?.body);
      expect(answer.headers['Cache-Control']).toBe('no-store, max-age=0');
    }
    expect(textOf(answers[0]?.body ?? '')).toBe(
      'Not found\nThis link does not work. It may have expired or been turned off.',
    );

    // Within the day the link opens again and again; UNSHARE ends it.
    later(23);
    expect((await handle('GET', `/share/${TOKEN}`)).status).toBe(200);
    expect((await handle('GET', `/share/${TOKEN}`)).status).toBe(200);
    await store.revokeShareLinks(USER);
    expect((await handle('GET', `/share/${TOKEN}`)).status).toBe(404);
  });
});
