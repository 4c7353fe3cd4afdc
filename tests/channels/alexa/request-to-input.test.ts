import { describe, expect, it } from 'vitest';
import { SLOT_FRAMES } from '../../../src/channels/alexa/intents.ts';
import {
  regionForLocale,
  requestToInput,
  requestWords,
} from '../../../src/channels/alexa/request-to-input.ts';
import { intentRequest, launchRequest, sessionEndedRequest } from './envelopes.ts';

describe('requestToInput', () => {
  it('opens the conversation on launch', () => {
    expect(requestToInput(launchRequest())).toEqual({ type: 'open' });
  });

  it('has no turn for a session that ended', () => {
    expect(requestToInput(sessionEndedRequest('USER_INITIATED'))).toBeUndefined();
  });

  it('gives the canonical vocabulary word for a feeling Alexa resolved from a synonym', () => {
    // Prepare
    const envelope = intentRequest('FeelingIntent', {
      feeling: { value: 'weighed down', type: 'FEELING', resolved: { id: 'heavy', name: 'heavy' } },
    });

    // Act
    const input = requestToInput(envelope);

    // Assess
    expect(input).toEqual({ type: 'intent', intent: 'feeling', value: 'heavy' });
  });

  it('passes a feeling Alexa could not resolve as the words said, so the crisis gate reads them', () => {
    // Prepare
    const carried = intentRequest('FeelingIFeelIntent', {
      feeling: { value: 'like dying', type: 'FEELING' },
    });
    const bare = intentRequest('FeelingIntent', { feeling: { value: 'like dying', type: 'FEELING' } });
    const burden = intentRequest('FeelingImIntent', { feeling: { value: 'a burden', type: 'FEELING' } });

    // Act + Assess
    expect(requestToInput(carried)).toEqual({ type: 'text', text: 'I feel like dying' });
    expect(requestToInput(bare)).toEqual({ type: 'text', text: 'like dying' });
    expect(requestToInput(burden)).toEqual({ type: 'text', text: "I'm a burden" });
  });

  it('keeps "I\'ll" with an unresolved choice: "I\'ll end it tonight" reaches the core whole', () => {
    // Prepare
    const goal = intentRequest('ChooseGoalIWillIntent', { goal: { value: 'end it tonight', type: 'GOAL' } });
    const ordinal = intentRequest('ChooseGoalTheOneIntent', {
      ordinal: { value: 'fourth', type: 'CHOICE_ORDINAL' },
    });

    // Act + Assess: written out, because the gate folds "I'll" to "ill".
    expect(requestToInput(goal)).toEqual({ type: 'text', text: 'I will end it tonight' });
    expect(requestToInput(ordinal)).toEqual({ type: 'text', text: 'the fourth one' });
  });

  it('hands every feeling, choice and answer intent its own words around unresolved speech', () => {
    for (const frame of SLOT_FRAMES) {
      // Prepare: the first slot its samples use, heard but not resolved.
      const slot = /\{(\w+)\}/.exec(frame.samples[0] ?? '')?.[1] ?? '';
      const envelope = intentRequest(frame.intent, { [slot]: { value: 'going to end it', type: 'X' } });

      // Act
      const input = requestToInput(envelope);

      // Assess
      expect(input, frame.intent).toEqual({
        type: 'text',
        text: frame.words.replace('{}', 'going to end it'),
      });
    }
  });

  it('puts the carrier phrase back in front of free speech', () => {
    // Prepare
    const dont = intentRequest('FreeSpeechDontIntent', { query: { value: 'want to wake up tomorrow' } });
    const cant = intentRequest('FreeSpeechCantIntent', { query: { value: 'go on' } });
    const filler = intentRequest('FreeSpeechIntent', { query: { value: 'work was a lot today' } });

    // Act + Assess
    expect(requestToInput(dont)).toEqual({ type: 'text', text: "I don't want to wake up tomorrow" });
    expect(requestToInput(cant)).toEqual({ type: 'text', text: "I can't go on" });
    expect(requestToInput(filler)).toEqual({ type: 'text', text: 'work was a lot today' });
  });

  it('picks an offered choice by ordinal, or a goal by its catalogue id', () => {
    // Prepare
    const second = intentRequest('ChooseGoalIntent', {
      ordinal: { value: 'second', type: 'CHOICE_ORDINAL', resolved: { id: '2', name: 'second' } },
    });
    const named = intentRequest('ChooseGoalIntent', {
      goal: {
        value: 'open the curtains',
        type: 'GOAL',
        resolved: { id: 'open-curtains', name: 'open the curtains' },
      },
    });

    // Act + Assess
    expect(requestToInput(second)).toEqual({ type: 'intent', intent: 'choose', value: '2' });
    expect(requestToInput(named)).toEqual({ type: 'intent', intent: 'choose', value: 'open-curtains' });
  });

  it('reads a short answer as the words heard, which the core reads as it reads them typed', () => {
    // Prepare
    const envelope = intentRequest('AnswerIntent', {
      answer: { value: 'no idea', type: 'ANSWER', resolved: { id: 'not sure', name: 'not sure' } },
    });
    const framed = intentRequest('AnswerItWasIntent', {
      answer: { value: 'work', type: 'ANSWER', resolved: { id: 'work', name: 'work' } },
    });

    // Act + Assess
    expect(requestToInput(envelope)).toEqual({ type: 'text', text: 'no idea' });
    expect(requestToInput(framed)).toEqual({ type: 'text', text: 'work' });
  });

  it('reads the words of a request for the crisis gate, carrier included, and none for a launch', () => {
    expect(requestWords(intentRequest('FreeSpeechWillIntent', { query: { value: 'end it tonight' } }))).toBe(
      'I will end it tonight',
    );
    expect(requestWords(launchRequest())).toBeUndefined();
    expect(requestWords(intentRequest('AMAZON.HelpIntent'))).toBeUndefined();
  });

  it("maps the plain intents to the core's names", () => {
    const cases: Array<[string, string]> = [
      ['CheckInIntent', 'checkin'],
      ['GroundingIntent', 'grounding'],
      ['SelfCompassionIntent', 'compassion'],
      ['MicroGoalIntent', 'goal'],
      ['TherapistSummaryIntent', 'summary'],
      ['GoalDoneIntent', 'done'],
      ['GoalNotYetIntent', 'notYet'],
      ['SkipIntent', 'skip'],
      ['DeleteDataIntent', 'delete'],
      ['AMAZON.RepeatIntent', 'repeat'],
      ['AMAZON.YesIntent', 'yes'],
      ['AMAZON.NoIntent', 'no'],
      ['AMAZON.HelpIntent', 'help'],
      ['AMAZON.StopIntent', 'stop'],
      ['AMAZON.CancelIntent', 'stop'],
      ['AMAZON.NavigateHomeIntent', 'stop'],
      ['AMAZON.FallbackIntent', 'fallback'],
    ];
    for (const [name, intent] of cases) {
      expect(requestToInput(intentRequest(name)), name).toEqual({ type: 'intent', intent });
    }
  });

  it('treats an intent it does not know, or an empty slot, as not understood', () => {
    expect(requestToInput(intentRequest('SomethingNewIntent'))).toEqual({
      type: 'intent',
      intent: 'fallback',
    });
    expect(requestToInput(intentRequest('FeelingIntent'))).toEqual({ type: 'intent', intent: 'fallback' });
  });
});

describe('regionForLocale', () => {
  it("finds the crisis line's region from the locale", () => {
    expect(regionForLocale('en-US')).toBe('US');
    expect(regionForLocale('en-CA')).toBe('CA');
    expect(regionForLocale('en-GB')).toBe('GB');
    expect(regionForLocale('en-IE')).toBe('IE');
    expect(regionForLocale('en-AU')).toBe('AU');
    expect(regionForLocale('en-NZ')).toBe('NZ');
    expect(regionForLocale('en-IN')).toBe('IN');
    expect(regionForLocale('de-DE')).toBe('OTHER');
    expect(regionForLocale(undefined)).toBe('OTHER');
  });
});
