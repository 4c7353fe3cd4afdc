import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleSmsWebhook, type SmsWebhookDeps } from '../../../src/channels/sms/sms-webhook.ts';
import type { Reply } from '../../../src/core/types.ts';
import { createLogger } from '../../../src/observability/log.ts';
import type { RunTurn, TurnRequest } from '../../../src/service/turn-runner.ts';
import { MemoryCheckInStore } from '../../../src/store/memory-store.ts';

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
    store: new MemoryCheckInStore(),
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

  it('refuses everything when the auth token is missing (fail closed)', async () => {
    const { deps, calls } = setup({ authToken: undefined });

    const res = await handleSmsWebhook(signed(message('hi', 'SM1')), deps);

    expect(res.status).toBe(500);
    expect(res.body).not.toContain('<Message>');
    expect(calls).toHaveLength(0);
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

  it('answers a redelivered MessageSid with the same reply without running the turn again', async () => {
    let n = 0;
    const turn = recordingTurn(async () => ({ ...hello, beats: [{ text: `Reply number ${++n}.` }] }));
    const { deps } = setup({ runTurn: turn.runTurn });
    const request = signed(message('heavy', 'SM42'));

    const first = await handleSmsWebhook(request, deps);
    const again = await handleSmsWebhook(request, deps);
    const next = await handleSmsWebhook(signed(message('heavy', 'SM43')), deps);

    expect(again).toEqual(first);
    expect(first.body).toContain('Reply number 1.');
    expect(next.body).toContain('Reply number 2.');
    expect(turn.calls).toHaveLength(2);
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

  it('answers a signed request without a sender kindly rather than with an error', async () => {
    const { deps } = setup();

    const res = await handleSmsWebhook(signed({ Body: 'hi', MessageSid: 'SM1' }), deps);

    expect(res.status).toBe(200);
    expect(res.body).toContain('call your local emergency number');
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

  it('still sends the reply when remembering the delivery fails', async () => {
    const store = new MemoryCheckInStore();
    store.rememberDelivery = async () => {
      throw new Error('throttled');
    };
    const { deps } = setup({ store });

    const res = await handleSmsWebhook(signed(message('hi', 'SM1')), deps);

    expect(res.body).toContain('Hi. This is your check-in.');
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
