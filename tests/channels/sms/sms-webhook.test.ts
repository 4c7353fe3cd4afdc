import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleSmsWebhook, type SmsWebhookDeps } from '../../../src/channels/sms/sms-webhook.ts';
import type { Reply } from '../../../src/core/types.ts';
import { createLogger } from '../../../src/observability/log.ts';
import type { RunTurn, TurnRequest } from '../../../src/service/turn-runner.ts';

const TOKEN = 'test-auth-token-0123456789abcdef';
const PUBLIC_URL = 'https://checkin.example.org';
const PHONE = '+14155550123';

function signed(params: Record<string, string>, url = `${PUBLIC_URL}/sms`) {
  return { params, signature: getExpectedTwilioSignature(TOKEN, url, params) };
}

function message(body: string, sid: string, from = PHONE) {
  return { From: from, To: '+14155550199', Body: body, MessageSid: sid, AccountSid: 'AC123', NumMedia: '0' };
}

const hello: Reply = { beats: [{ text: 'Hi. This is your check-in.' }], expectsAnswer: true, end: false };

/** A turn runner standing in for the real one, recording what it was asked. */
function recordingTurn(answer: (req: TurnRequest) => Promise<Reply> = async () => hello) {
  const calls: TurnRequest[] = [];
  const runTurn: RunTurn = async (req) => {
    calls.push(req);
    const reply = await answer(req);
    return { reply, saved: true, crisis: reply.crisis === true, erased: false };
  };
  return { runTurn, calls };
}

function setup(overrides: Partial<SmsWebhookDeps> = {}) {
  const lines: string[] = [];
  const turn = recordingTurn();
  const deps: SmsWebhookDeps = {
    authToken: TOKEN,
    publicUrl: PUBLIC_URL,
    pepper: 'test-pepper',
    runTurn: turn.runTurn,
    logger: createLogger((line) => lines.push(line)),
    ...overrides,
  };
  return { deps, lines, calls: turn.calls };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('handleSmsWebhook signature', () => {
  it('answers a signed message with TwiML', async () => {
    const { deps, calls } = setup();

    const res = await handleSmsWebhook(signed(message('hi', 'SM1')), deps);

    expect(res).toEqual({
      status: 200,
      contentType: 'text/xml',
      body: '<?xml version="1.0" encoding="UTF-8"?><Response><Message>Hi. This is your check-in.</Message></Response>',
    });
    expect(calls).toEqual([
      {
        userId: expect.stringMatching(/^[0-9a-f]{64}$/),
        channel: 'sms',
        region: 'US',
        input: { type: 'text', text: 'hi' },
        // The MessageSid goes to the turn, which answers a redelivery once (turn-runner.ts).
        messageId: 'SM1',
        deadline: expect.objectContaining({ at: expect.any(Number) }),
        // The number goes to the turn only to be sealed if they ask for reminders; the zone
        // is the first guess from its area code (415: Pacific).
        phone: '+14155550123',
        timeZoneGuess: 'America/Los_Angeles',
      },
    ]);
  });

  it('verifies against the configured URL even when Twilio signed it with :443', async () => {
    const { deps } = setup();

    const res = await handleSmsWebhook(
      signed(message('hi', 'SM1'), 'https://checkin.example.org:443/sms'),
      deps,
    );

    expect(res.status).toBe(200);
  });

  it('refuses a request without a signature with 400, and runs no turn', async () => {
    const { deps, calls } = setup();

    const res = await handleSmsWebhook({ params: message('hi', 'SM1') }, deps);

    expect(res.status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('refuses a wrong signature, a tampered body and a wrong URL with 403, and runs no turn', async () => {
    const { deps, calls } = setup();
    const good = signed(message('hi', 'SM1'));

    const wrong = await handleSmsWebhook({ ...good, signature: 'bm90IGEgc2lnbmF0dXJl' }, deps);
    const tampered = await handleSmsWebhook({ ...good, params: { ...good.params, Body: 'YES' } }, deps);
    const otherUrl = await handleSmsWebhook(
      signed(message('hi', 'SM1'), 'https://evil.example.com/sms'),
      deps,
    );

    expect([wrong.status, tampered.status, otherUrl.status]).toEqual([403, 403, 403]);
    expect(calls).toHaveLength(0);
  });

  it('runs nothing without the auth token (fail closed), yet answers kindly with 988', async () => {
    const missing = setup({ authToken: undefined });
    const unreadable = setup({
      authToken: async () => {
        throw new Error('AccessDeniedException');
      },
    });

    const answers = [
      await handleSmsWebhook(signed(message('hi', 'SM1')), missing.deps),
      await handleSmsWebhook(signed(message('hi', 'SM1')), unreadable.deps),
    ];

    for (const res of answers) {
      expect(res.status).toBe(200);
      expect(res.body).toMatch(
        /<Message>Sorry, something went wrong on my side\..*call or text 988\.<\/Message>/,
      );
    }
    expect([...missing.calls, ...unreadable.calls]).toHaveLength(0);
    const events = unreadable.lines.map((line) => JSON.parse(line).event);
    expect(events).toContain('secret-unavailable');
  });

  it('answers before 9 s with 988 when the secret read never returns', async () => {
    // Prepare: a cold container whose Secrets Manager call hangs.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const { deps, calls } = setup({ authToken: () => new Promise<string>(() => {}) });
    let answered: { status: number; body: string } | undefined;

    // Act
    void handleSmsWebhook(signed(message('hi', 'SM1')), deps).then((res) => {
      answered = res;
    });
    await vi.advanceTimersByTimeAsync(9_000);

    // Assess
    expect(answered?.status).toBe(200);
    expect(answered?.body).toContain('988');
    expect(calls).toHaveLength(0);
  });

  it('reads both secrets at once, inside the budget, and then answers as usual', async () => {
    const { deps, calls } = setup({
      authToken: async () => TOKEN,
      pepper: async () => 'test-pepper',
    });

    const res = await handleSmsWebhook(signed(message('hi', 'SM1')), deps);

    expect(res.body).toContain('Hi. This is your check-in.');
    expect(calls).toHaveLength(1);
  });
});

describe('handleSmsWebhook answers', () => {
  it('gives the crisis line of the sender country to the turn', async () => {
    const { deps, calls } = setup();

    await handleSmsWebhook(signed(message('hi', 'SM1', '+447700900123')), deps);

    expect(calls[0]?.region).toBe('GB');
  });

  it('sends empty TwiML for a silent reply', async () => {
    const { deps } = setup({
      runTurn: recordingTurn(async () => ({ beats: [], expectsAnswer: false, end: true, silent: true }))
        .runTurn,
    });

    const res = await handleSmsWebhook(signed(message('STOP', 'SM1')), deps);

    expect(res).toMatchObject({ status: 200, body: '<?xml version="1.0" encoding="UTF-8"?><Response/>' });
  });

  it('answers kindly with 988 when the turn fails', async () => {
    const { deps } = setup({
      runTurn: recordingTurn(async () => {
        throw new Error('boom');
      }).runTurn,
    });

    const res = await handleSmsWebhook(signed(message('hi', 'SM1')), deps);

    expect(res.status).toBe(200);
    expect(res.contentType).toBe('text/xml');
    expect(res.body).toMatch(
      /<Message>Sorry, something went wrong on my side\..*call or text 988\.<\/Message>/,
    );
  });

  it('answers with the local line, not 988, when the failing sender is in Australia', async () => {
    const { deps } = setup({
      runTurn: recordingTurn(async () => {
        throw new Error('boom');
      }).runTurn,
    });

    const res = await handleSmsWebhook(signed(message('hi', 'SM1', '+61412345678')), deps);

    expect(res.body).toContain('13 11 14');
  });

  it('answers kindly when the identity pepper is unavailable', async () => {
    const { deps, calls } = setup({ pepper: undefined });

    const res = await handleSmsWebhook(signed(message('hi', 'SM1')), deps);

    expect(res.status).toBe(200);
    expect(res.body).toContain('988');
    expect(calls).toHaveLength(0);
  });

  it('still answers crisis language with the full crisis reply when the pepper is unavailable', async () => {
    const { deps, calls } = setup({ pepper: undefined });

    const res = await handleSmsWebhook(signed(message('I have pills saved up', 'SM1')), deps);

    expect(res.status).toBe(200);
    expect(res.body).toContain('741741');
    expect(res.body).toContain('911');
    expect(calls).toHaveLength(0);
  });

  it('still answers crisis language with the full crisis reply when the turn fails', async () => {
    const { deps } = setup({
      runTurn: async () => {
        throw new Error('store exploded');
      },
    });

    const res = await handleSmsWebhook(signed(message('i want to kill myself', 'SM1')), deps);

    expect(res.status).toBe(200);
    expect(res.body).toContain('automated check-in');
    expect(res.body).toContain('741741');
  });

  it('refuses a signed request from no phone number with 400, and runs no turn', async () => {
    const { deps, calls } = setup();

    const answers = await Promise.all(
      [
        { Body: 'hi', MessageSid: 'SM1' },
        message('hi', 'SM2', 'Alerts'),
        message('hi', 'SM3', 'whatsapp:'),
      ].map((params) => handleSmsWebhook(signed(params), deps)),
    );

    expect(answers.map((res) => res.status)).toEqual([400, 400, 400]);
    expect(calls).toHaveLength(0);
  });

  it('knows one person however the number arrives: a WhatsApp prefix, spaces, no +1', async () => {
    const { deps, calls } = setup();

    for (const from of ['+14155550123', 'whatsapp:+14155550123', '+1 (415) 555-0123', '4155550123']) {
      await handleSmsWebhook(signed(message('hi', `SM-${from}`, from)), deps);
    }

    expect(new Set(calls.map((call) => call.userId)).size).toBe(1);
  });

  it('sends the kind fallback before 10 s when the turn hangs', async () => {
    // Prepare
    vi.useFakeTimers();
    const { deps } = setup({ runTurn: recordingTurn(() => new Promise<Reply>(() => {})).runTurn });
    let answered: { status: number; body: string } | undefined;

    // Act
    void handleSmsWebhook(signed(message('hi', 'SM1')), deps).then((res) => {
      answered = res;
    });
    await vi.advanceTimersByTimeAsync(9_000);

    // Assess
    expect(answered?.status).toBe(200);
    expect(answered?.body).toContain('call or text 988');
  });

  it('logs a hashed user, the status and the time, never the number or the words', async () => {
    const { deps, lines } = setup();

    await handleSmsWebhook(signed(message('my secret words', 'SM1')), deps);
    await handleSmsWebhook({ params: message('unsigned words', 'SM2') }, deps);

    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records).toContainEqual(
      expect.objectContaining({
        event: 'sms-webhook',
        status: 200,
        user: expect.stringMatching(/^[0-9a-f]{12}$/),
      }),
    );
    expect(records).toContainEqual(expect.objectContaining({ event: 'sms-webhook', status: 400 }));
    const all = lines.join('\n');
    expect(all).not.toContain('5550123');
    expect(all).not.toContain('secret words');
    expect(all).not.toContain('unsigned words');
  });
});
