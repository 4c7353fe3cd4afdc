import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLOT_FRAMES } from '../../../src/channels/alexa/intents.ts';
import { MAX_SSML_CHARS } from '../../../src/channels/alexa/render-ssml.ts';
import { buildSkill } from '../../../src/channels/alexa/skill.ts';
import { createLogger, silentLogger } from '../../../src/observability/log.ts';
import {
  ALEXA_USER_ID,
  type EnvelopeOptions,
  intentRequest,
  launchRequest,
  type SlotSpec,
  sessionEndedRequest,
  skillDisabledEvent,
} from './envelopes.ts';
import { type Harness, PEPPER, startHarness } from './harness.ts';
import { parseSsml } from './ssml.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let people = 0;
/** A fresh person for each test, so conversations never meet. */
const person = (): EnvelopeOptions => ({ userId: `${ALEXA_USER_ID}-${++people}` });

/** What the person hears, checked against Alexa's rules on the way. */
function heard(envelope: ResponseEnvelope): { speech: string; reprompt?: string; open: boolean } {
  const response = envelope.response;
  const ssml = response.outputSpeech?.type === 'SSML' ? response.outputSpeech.ssml : '';
  expect(ssml.length).toBeLessThanOrEqual(MAX_SSML_CHARS);
  const open = response.shouldEndSession === false;
  const repromptSsml =
    response.reprompt?.outputSpeech?.type === 'SSML' ? response.reprompt.outputSpeech.ssml : undefined;
  // Every open session has a reprompt; a closed one has none.
  if (open) expect(repromptSsml).toBeDefined();
  else expect(repromptSsml).toBeUndefined();
  return {
    speech: parseSsml(ssml).text,
    ...(repromptSsml === undefined ? {} : { reprompt: parseSsml(repromptSsml).text }),
    open,
  };
}

const invoke = (envelope: RequestEnvelope) => h.skill.invoke(envelope);

const DIGITS_988 = '<say-as interpret-as="digits">988</say-as>';
const ssmlOf = (envelope: ResponseEnvelope): string =>
  envelope.response.outputSpeech?.type === 'SSML' ? envelope.response.outputSpeech.ssml : '';
const heavy: Record<string, SlotSpec> = {
  feeling: { value: 'heavy', type: 'FEELING', resolved: { id: 'heavy', name: 'heavy' } },
};

describe('the Alexa skill', () => {
  it('greets on launch, asks one thing, and keeps listening', async () => {
    // Act
    const out = heard(await invoke(launchRequest(person())));

    // Assess
    expect(out.open).toBe(true);
    expect(out.speech.length).toBeGreaterThan(0);
    expect(out.reprompt).not.toBe(out.speech);
  });

  it('answers every intent of the model with well-formed speech and a reprompt while open', async () => {
    // Prepare
    const slotted: Array<[string, Record<string, SlotSpec>]> = [
      [
        'FeelingIntent',
        { feeling: { value: 'heavy', type: 'FEELING', resolved: { id: 'heavy', name: 'heavy' } } },
      ],
      [
        'ChooseGoalIntent',
        { ordinal: { value: 'first', type: 'CHOICE_ORDINAL', resolved: { id: '1', name: 'first' } } },
      ],
      [
        'AnswerIntent',
        { answer: { value: 'not sure', type: 'ANSWER', resolved: { id: 'not sure', name: 'not sure' } } },
      ],
      ['FreeSpeechFeelIntent', { query: { value: 'a bit lost today' } }],
    ];
    const plain = [
      'CheckInIntent',
      'GroundingIntent',
      'SelfCompassionIntent',
      'MicroGoalIntent',
      'TherapistSummaryIntent',
      'GoalDoneIntent',
      'GoalNotYetIntent',
      'SkipIntent',
      'AMAZON.RepeatIntent',
      'AMAZON.YesIntent',
      'AMAZON.NoIntent',
      'AMAZON.HelpIntent',
      'AMAZON.FallbackIntent',
    ];

    for (const [name, slots] of [
      ...slotted,
      ...plain.map((n): [string, Record<string, SlotSpec>] => [n, {}]),
    ]) {
      // Act: each intent, once mid-conversation and once as a one-shot in a new session.
      const who = person();
      await invoke(launchRequest(who));
      const mid = heard(await invoke(intentRequest(name, slots, who)));
      const oneShot = heard(await invoke(intentRequest(name, slots, { ...person(), newSession: true })));

      // Assess
      expect(mid.speech.length, name).toBeGreaterThan(0);
      expect(oneShot.speech.length, name).toBeGreaterThan(0);
    }
  });

  it('ends the session on stop, cancel and go home', async () => {
    for (const name of ['AMAZON.StopIntent', 'AMAZON.CancelIntent', 'AMAZON.NavigateHomeIntent']) {
      // Prepare
      const who = person();
      await invoke(launchRequest(who));

      // Act
      const out = heard(await invoke(intentRequest(name, {}, who)));

      // Assess
      expect(out.open, name).toBe(false);
      expect(out.speech.length, name).toBeGreaterThan(0);
    }
  });

  it('keeps the session open after help', async () => {
    // Prepare
    const who = person();
    await invoke(launchRequest(who));

    // Act
    const out = heard(await invoke(intentRequest('AMAZON.HelpIntent', {}, who)));

    // Assess
    expect(out.open).toBe(true);
  });

  it('asks the grey-zone question on fallback, since the gate could not hear the words', async () => {
    // Prepare
    const who = person();
    await invoke(launchRequest(who));

    // Act
    const envelope = await invoke(intentRequest('AMAZON.FallbackIntent', {}, who));
    const out = heard(envelope);

    // Assess
    expect(out.open).toBe(true);
    expect(out.speech).toMatch(/Are you thinking about suicide\?/);
    expect(JSON.stringify(envelope.response.outputSpeech)).toContain(
      '<say-as interpret-as=\\"digits\\">988</say-as>',
    );
  });

  it('carries on after "no" to the grey-zone question, and does not ask it again on the next fallback', async () => {
    // Prepare
    const who = person();
    await invoke(launchRequest(who));
    await invoke(intentRequest('AMAZON.FallbackIntent', {}, who));

    // Act
    const afterNo = heard(await invoke(intentRequest('AMAZON.NoIntent', {}, who)));
    const again = heard(await invoke(intentRequest('AMAZON.FallbackIntent', {}, who)));

    // Assess
    expect(afterNo.speech).toMatch(/Thank you for telling me/);
    expect(afterNo.speech).toMatch(/What's here right now|feel/i);
    expect(again.speech).not.toMatch(/Are you thinking about suicide/);
    expect(again.speech).toMatch(/call or text 988/);
  });

  it('gives the crisis reply when the answer to the grey-zone question is yes', async () => {
    // Prepare
    const who = person();
    await invoke(launchRequest(who));
    await invoke(intentRequest('AMAZON.FallbackIntent', {}, who));

    // Act
    const out = heard(await invoke(intentRequest('AMAZON.YesIntent', {}, who)));

    // Assess
    expect(out.speech).toMatch(/I'm an automated check-in, and I can't help in a crisis/);
    expect(out.speech).toMatch(/Suicide and Crisis Lifeline/);
  });

  it('answers crisis words caught by the catch-all with 988, digit by digit', async () => {
    // Prepare
    const who = person();
    await invoke(launchRequest(who));

    // Act
    const envelope = await invoke(intentRequest('FreeSpeechWantIntent', { query: { value: 'to die' } }, who));
    const out = heard(envelope);

    // Assess
    const ssml = envelope.response.outputSpeech?.type === 'SSML' ? envelope.response.outputSpeech.ssml : '';
    expect(ssml).toContain('<say-as interpret-as="digits">988</say-as>');
    expect(out.open).toBe(true);
  });

  it('gives the local line by locale: Samaritans in the UK', async () => {
    // Prepare
    const who = { ...person(), locale: 'en-GB' };
    await invoke(launchRequest(who));

    // Act
    const envelope = await invoke(
      intentRequest('FreeSpeechCantIntent', { query: { value: 'go on anymore' } }, who),
    );

    // Assess
    const ssml = envelope.response.outputSpeech?.type === 'SSML' ? envelope.response.outputSpeech.ssml : '';
    expect(ssml).toContain('<say-as interpret-as="digits">116</say-as>');
    expect(ssml).toContain('<say-as interpret-as="digits">123</say-as>');
  });

  it('says nothing when the session ends, and logs no Alexa id', async () => {
    // Prepare
    const who = person();
    await invoke(launchRequest(who));

    // Act
    const ended = await invoke(sessionEndedRequest('EXCEEDED_MAX_REPROMPTS', who));
    const errored = await invoke(sessionEndedRequest('ERROR', who));

    // Assess
    expect(ended.response.outputSpeech).toBeUndefined();
    expect(errored.response.outputSpeech).toBeUndefined();
    expect(h.logs).toContainEqual(
      expect.objectContaining({ event: 'alexa-session-ended', step: 'EXCEEDED_MAX_REPROMPTS' }),
    );
    expect(h.logs).toContainEqual(
      expect.objectContaining({ event: 'alexa-session-ended', error: 'INVALID_RESPONSE' }),
    );
    expect(h.rawLogs.join('\n')).not.toContain('amzn1.ask.account');
  });

  it('refuses a request for another skill and stores nothing for it', async () => {
    // Prepare
    const who = { ...person(), skillId: 'amzn1.ask.skill.00000000-someone-else' };

    // Act
    const attempt = invoke(launchRequest(who));

    // Assess
    await expect(attempt).rejects.toThrow(/ID verification failed/i);
    expect(await h.store.countItems(h.userIdOf(who.userId ?? ''))).toBe(0);
  });

  it('keeps one conversation going across requests of a session', async () => {
    // Prepare
    const who = person();
    await invoke(launchRequest(who));

    // Act
    const afterFeeling = heard(
      await invoke(
        intentRequest(
          'FeelingIntent',
          { feeling: { value: 'heavy', type: 'FEELING', resolved: { id: 'heavy', name: 'heavy' } } },
          who,
        ),
      ),
    );

    // Assess: the core reflects the word back and moves on.
    expect(afterFeeling.speech.toLowerCase()).toContain('heavy');
    expect(afterFeeling.open).toBe(true);
  });
});

describe('the Alexa skill when something fails', () => {
  it('apologises, keeps the crisis line and stays open when a turn fails', async () => {
    // Prepare: a fault no real part makes on demand, the turn runner itself rejecting.
    const skill = buildSkill({
      runTurn: async () => {
        throw new Error('boom');
      },
      pepper: 'p',
      logger: silentLogger,
    });

    // Act
    const envelope = await skill.invoke(launchRequest(person()));
    const out = heard(envelope);

    // Assess
    expect(out.speech).toMatch(/^Sorry, something went wrong on my side\./);
    expect(out.speech).toContain("If you're in crisis, call or text 988.");
    expect(out.open).toBe(true);
    expect(out.reprompt).toContain('988');
  });

  const failingPepper = () =>
    buildSkill({
      runTurn: async () => {
        throw new Error('never reached');
      },
      pepper: async () => {
        throw new Error('secrets manager unavailable');
      },
      logger: silentLogger,
    });

  it('gives the full crisis reply, not an apology, to crisis words when the pepper cannot be read', async () => {
    // Act
    const envelope = await failingPepper().invoke(
      intentRequest('FreeSpeechWantIntent', { query: { value: 'to die' } }, person()),
    );
    const out = heard(envelope);

    // Assess
    expect(out.speech).toMatch(/^I'm an automated check-in, and I can't help in a crisis\./);
    expect(out.speech).toMatch(/Suicide and Crisis Lifeline/);
    expect(out.speech).not.toMatch(/something went wrong/i);
    expect(ssmlOf(envelope)).toContain(DIGITS_988);
    expect(out.open).toBe(true);
    expect(out.reprompt).toContain('988');
  });

  it('softens the opening for negated crisis words, and still gives the line in full, when a turn fails', async () => {
    // Act
    const out = heard(
      await failingPepper().invoke(
        intentRequest('FreeSpeechAmIntent', { query: { value: 'not suicidal' } }, person()),
      ),
    );

    // Assess
    expect(out.speech).toMatch(/^Thank you for telling me\./);
    expect(out.speech).toMatch(/call or text 988/);
  });

  it('reads the carrier of an unresolved choice for crisis words when the turn fails', async () => {
    // Prepare
    const skill = buildSkill({
      runTurn: async () => {
        throw new Error('boom');
      },
      pepper: 'p',
      logger: silentLogger,
    });

    // Act
    const out = heard(
      await skill.invoke(
        intentRequest(
          'ChooseGoalIWillIntent',
          { goal: { value: 'end it tonight', type: 'GOAL' } },
          { ...person(), locale: 'en-GB' },
        ),
      ),
    );

    // Assess: the local line, in full.
    expect(out.speech).toMatch(/automated check-in/);
    expect(out.speech).toMatch(/Samaritans/);
  });

  it('still answers with the crisis line when the identity pepper cannot be read', async () => {
    // Prepare
    const skill = buildSkill({
      runTurn: async () => {
        throw new Error('never reached');
      },
      pepper: async () => {
        throw new Error('secrets manager unavailable');
      },
      logger: silentLogger,
    });

    // Act
    const out = heard(await skill.invoke(launchRequest({ ...person(), locale: 'en-AU' })));

    // Assess
    expect(out.speech).toContain("If you're in crisis, call Lifeline on 13 11 14.");
  });
});

describe('crisis words in a feeling, choice or answer Alexa could not resolve', () => {
  it.each(SLOT_FRAMES.map((f) => [f.intent, f.samples[0] ?? '']))(
    '%s ("%s") answers unresolved crisis words with 988',
    async (intent, sample) => {
      // Prepare: the slot filled with words outside its list, as Alexa may send them.
      const slot = /\{(\w+)\}/.exec(sample)?.[1] ?? '';
      const who = person();
      await invoke(launchRequest(who));

      // Act
      const envelope = await invoke(
        intentRequest(intent, { [slot]: { value: 'want to die', type: slot.toUpperCase() } }, who),
      );

      // Assess
      expect(ssmlOf(envelope)).toContain(DIGITS_988);
      expect(heard(envelope).open).toBe(true);
    },
  );

  it.each([
    ['ChooseGoalIWillIntent', 'goal', 'end it tonight'],
    ['FeelingImIntent', 'feeling', 'a burden'],
    ['FeelingJustIntent', 'feeling', 'end it'],
  ])('%s keeps its carrier: "%s" heard as "%s" is answered with 988', async (intent, slot, words) => {
    // Prepare
    const who = person();
    await invoke(launchRequest(who));

    // Act
    const envelope = await invoke(
      intentRequest(intent, { [slot]: { value: words, type: slot.toUpperCase() } }, who),
    );

    // Assess
    expect(ssmlOf(envelope)).toContain(DIGITS_988);
  });
});

describe('a shared Echo', () => {
  it('keeps a journal of its own for each recognised voice on one account', async () => {
    // Prepare: one household account, two recognised voice profiles.
    const account = person();
    const ana = { ...account, personId: 'amzn1.ask.person.ANAEXAMPLE0000000000000000000000' };
    const ben = { ...account, personId: 'amzn1.ask.person.BENEXAMPLE0000000000000000000000' };
    await invoke(launchRequest(ana));
    await invoke(intentRequest('FeelingIntent', heavy, ana));

    // Act
    await invoke(launchRequest(ben));
    const summary = heard(
      await invoke(intentRequest('TherapistSummaryIntent', {}, { ...ben, newSession: true })),
    );

    // Assess: Ben never hears Ana's week; each journal holds its own person only.
    expect(summary.speech).not.toMatch(/heavy/i);
    const anas = await h.store.exportUser(h.userIdOf(ana.personId));
    const bens = await h.store.exportUser(h.userIdOf(ben.personId));
    expect(anas.entries).toContainEqual(expect.objectContaining({ kind: 'feeling', word: 'heavy' }));
    expect(bens.entries).not.toContainEqual(expect.objectContaining({ kind: 'feeling' }));
    // The account keeps no journal of theirs, only a link to each voice (for erasing it).
    const accountId = h.userIdOf(account.userId ?? '');
    expect(await h.store.exportUser(accountId)).toEqual({ profile: null, entries: [] });
    expect((await h.store.linkedPeople(accountId)).sort()).toEqual(
      [h.userIdOf(ana.personId), h.userIdOf(ben.personId)].sort(),
    );
    expect(h.rawLogs.join('\n')).not.toContain('amzn1.ask.person');
  });

  it('links a recognised voice to its account when a session starts, not on every turn', async () => {
    // Prepare
    const account = person();
    const ana = { ...account, personId: 'amzn1.ask.person.ANALINKEXAMPLE000000000000000000' };
    const accountId = h.userIdOf(account.userId ?? '');
    const linksOf = () => h.links.filter(([linked]) => linked === accountId);
    await invoke(launchRequest(ana));
    const afterLaunch = linksOf().length;

    // Act
    await invoke(intentRequest('FeelingIntent', heavy, ana));
    const afterTurn = linksOf().length;
    await invoke(intentRequest('TherapistSummaryIntent', {}, { ...ana, newSession: true }));

    // Assess: the launch and the one-shot link; the turn between them writes only its own.
    expect(afterLaunch).toBe(1);
    expect(afterTurn).toBe(1);
    expect(linksOf()).toHaveLength(2);
    expect(await h.store.linkedPeople(accountId)).toEqual([h.userIdOf(ana.personId)]);
  });

  it('links no one for an unrecognised voice', async () => {
    // Prepare
    const account = person();

    // Act
    await invoke(launchRequest(account));

    // Assess
    expect(await h.store.linkedPeople(h.userIdOf(account.userId ?? ''))).toEqual([]);
  });

  it('answers the same when the voice link cannot be written, and logs no Alexa id', async () => {
    // Prepare: faults no real store makes on demand, a link refused and a link that hangs.
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    const variant = (linkPerson: () => Promise<void>) =>
      buildSkill({ runTurn: h.runTurn, pepper: PEPPER, logger, linkPerson });
    const refused = variant(async () => {
      throw new Error('table unavailable');
    });
    const hanging = variant(() => new Promise<void>(() => {}));
    const voice = (name: string) => ({ ...person(), personId: `amzn1.ask.person.${name}` });

    // Act
    const linked = heard(await invoke(launchRequest(voice('LINKED'))));
    const whenRefused = heard(await refused.invoke(launchRequest(voice('REFUSED'))));
    const whenHanging = heard(await hanging.invoke(launchRequest(voice('HANGING'))));

    // Assess
    expect(whenRefused).toEqual(linked);
    expect(whenHanging).toEqual(linked);
    expect(lines.map((l) => JSON.parse(l))).toContainEqual(
      expect.objectContaining({ event: 'alexa-person-link-failed', level: 'warn' }),
    );
    expect(lines.join('\n')).not.toMatch(/amzn1\.ask\.(account|person)/);
  });

  it('keeps an unrecognised voice under the account', async () => {
    // Prepare
    const account = person();

    // Act
    await invoke(launchRequest(account));
    await invoke(intentRequest('FeelingIntent', heavy, account));

    // Assess
    const { entries } = await h.store.exportUser(h.userIdOf(account.userId ?? ''));
    expect(entries).toContainEqual(expect.objectContaining({ kind: 'feeling', word: 'heavy' }));
  });
});

describe('when the account disables the skill', () => {
  it('erases everything kept under the account, says nothing, and logs no Alexa id', async () => {
    // Prepare
    const account = person();
    await invoke(launchRequest(account));
    await invoke(intentRequest('FeelingIntent', heavy, account));
    const userId = h.userIdOf(account.userId ?? '');
    expect(await h.store.countItems(userId)).toBeGreaterThan(0);

    // Act
    const out = await invoke(skillDisabledEvent({ userId: account.userId ?? '' }));

    // Assess
    expect(out.response.outputSpeech).toBeUndefined();
    expect(await h.store.countItems(userId)).toBe(0);
    expect(h.logs).toContainEqual(expect.objectContaining({ event: 'alexa-skill-disabled-erased' }));
    expect(h.rawLogs.join('\n')).not.toContain(account.userId ?? '');
  });

  it("erases every recognised voice's journal on the account too", async () => {
    // Prepare: the account itself and two recognised voices, each with a journal.
    const account = person();
    const ana = { ...account, personId: 'amzn1.ask.person.ANAERASEEXAMPLE00000000000000000' };
    const ben = { ...account, personId: 'amzn1.ask.person.BENERASEEXAMPLE00000000000000000' };
    const neighbour = { ...person(), personId: 'amzn1.ask.person.NEIGHBOUREXAMPLE0000000000000000' };
    for (const who of [account, ana, ben, neighbour]) {
      await invoke(launchRequest(who));
      await invoke(intentRequest('FeelingIntent', heavy, who));
    }
    const ids = [account.userId ?? '', ana.personId, ben.personId].map(h.userIdOf);
    for (const id of ids) expect(await h.store.countItems(id)).toBeGreaterThan(0);

    // Act
    const out = await invoke(skillDisabledEvent({ userId: account.userId ?? '' }));

    // Assess: all three are gone; another household's voice is not touched.
    expect(out.response.outputSpeech).toBeUndefined();
    for (const id of ids) expect(await h.store.countItems(id)).toBe(0);
    expect(await h.store.countItems(h.userIdOf(neighbour.personId))).toBeGreaterThan(0);
  });

  it('fails the event when the erase fails, so it is not taken as done', async () => {
    // Prepare: a fault no real part makes on demand, the store refusing to delete.
    const skill = buildSkill({
      runTurn: async () => {
        throw new Error('not reached');
      },
      pepper: 'p',
      logger: silentLogger,
      eraseUser: async () => {
        throw new Error('table unavailable');
      },
    });

    // Act
    const attempt = skill.invoke(skillDisabledEvent({ userId: person().userId ?? '' }));

    // Assess
    await expect(attempt).rejects.toThrow(/table unavailable/);
  });

  it('says so in the logs when nothing is wired to erase', async () => {
    // Prepare
    const lines: string[] = [];
    const skill = buildSkill({
      runTurn: async () => {
        throw new Error('not reached');
      },
      pepper: 'p',
      logger: createLogger((line) => lines.push(line)),
    });

    // Act
    const out = await skill.invoke(skillDisabledEvent());

    // Assess
    expect(out.response.outputSpeech).toBeUndefined();
    expect(lines.map((l) => JSON.parse(l))).toContainEqual(
      expect.objectContaining({ event: 'alexa-skill-disabled-not-erased' }),
    );
  });
});
