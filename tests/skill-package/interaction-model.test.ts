import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generatedModel, MODEL_PATH } from '../../scripts/generate-interaction-model.ts';
import { FREE_SPEECH_CARRIERS, handledIntentNames, SLOT_FRAMES } from '../../src/channels/alexa/intents.ts';
import type { InteractionModel, ModelIntent } from '../../src/channels/alexa/interaction-model.ts';
import { requestToInput } from '../../src/channels/alexa/request-to-input.ts';
import { SPOKEN_FEELINGS } from '../../src/core/feelings/vocabulary.ts';
import { GOALS } from '../../src/core/goals/catalogue.ts';
import { ANSWER_KINDS, spokenAnswerWords } from '../../src/core/short-answers.ts';
import { intentRequest } from '../channels/alexa/envelopes.ts';
import { sameWords } from '../channels/alexa/same-words.ts';

const committed = readFileSync(MODEL_PATH, 'utf8');
const model = (JSON.parse(committed) as InteractionModel).interactionModel.languageModel;
const norm = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
const typeValues = (name: string) => model.types.find((t) => t.name === name)?.values ?? [];
const heardForms = (name: string) =>
  typeValues(name)
    .flatMap((v) => [v.name.value, ...(v.name.synonyms ?? [])])
    .map(norm);
const slotsIn = (sample: string) => [...sample.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
const isBareSlot = (sample: string) => /^\{\w+\}$/.test(sample.trim());

describe('the interaction model', () => {
  it('is exactly what the generator makes from the core vocabulary', () => {
    expect(committed).toBe(generatedModel());
  });

  it('has an invocation name Alexa accepts: lowercase, two words or more, no hyphen or launch words', () => {
    // Prepare
    const name = model.invocationName;
    const words = name.split(' ');

    // Assess
    expect(name).toBe('my check in');
    expect(name).toMatch(/^[a-z' ]+$/);
    expect(words.length).toBeGreaterThanOrEqual(2);
    for (const banned of [
      'alexa',
      'amazon',
      'echo',
      'skill',
      'app',
      'ask',
      'open',
      'launch',
      'tell',
      'start',
    ]) {
      expect(words).not.toContain(banned);
    }
  });

  it('has a handler for every intent, and every custom intent handled is in the model', () => {
    // Prepare
    const inModel = model.intents.map((i) => i.name);
    const handled = handledIntentNames();

    // Assess
    for (const name of inModel) expect(handled, name).toContain(name);
    for (const name of handled.filter((n) => !n.startsWith('AMAZON.'))) expect(inModel, name).toContain(name);
  });

  it('turns every intent into something the core answers, not a fallback', () => {
    for (const intent of model.intents.filter((i) => i.name !== 'AMAZON.FallbackIntent')) {
      // Prepare: a heard value for each slot, as Alexa would send it.
      const slots = Object.fromEntries(
        (intent.slots ?? []).slice(0, 1).map((slot) => {
          const first = typeValues(slot.type)[0];
          return [
            slot.name,
            first
              ? {
                  value: first.name.value,
                  type: slot.type,
                  resolved: { id: first.id, name: first.name.value },
                }
              : { value: 'a long day' },
          ];
        }),
      );

      // Act
      const input = requestToInput(intentRequest(intent.name, slots));

      // Assess
      expect(input, intent.name).not.toEqual({ type: 'intent', intent: 'fallback' });
    }
  });

  it('never gives one sample utterance to two intents', () => {
    // Prepare
    const owner = new Map<string, string>();
    const clashes: string[] = [];

    // Act
    for (const intent of model.intents) {
      for (const sample of intent.samples) {
        const key = norm(sample);
        const other = owner.get(key);
        if (other !== undefined && other !== intent.name)
          clashes.push(`${sample}: ${other} and ${intent.name}`);
        owner.set(key, intent.name);
      }
    }

    // Assess
    expect(clashes).toEqual([]);
  });

  it("hears a bare word one way only: no slot value is also another intent's phrase or another type's value", () => {
    // Prepare
    const literal = new Map<string, string>();
    for (const intent of model.intents) {
      for (const sample of intent.samples)
        if (slotsIn(sample).length === 0) literal.set(norm(sample), intent.name);
    }
    const bareTypes = model.intents.flatMap((intent) =>
      intent.samples.filter(isBareSlot).map((sample) => {
        const slot = (intent.slots ?? []).find((s) => `{${s.name}}` === sample.trim());
        return slot?.type ?? '';
      }),
    );
    const seen = new Map<string, string>();
    const clashes: string[] = [];

    // Act
    for (const type of bareTypes) {
      for (const form of heardForms(type)) {
        const phrase = literal.get(form);
        if (phrase) clashes.push(`${form}: ${type} and ${phrase}`);
        const other = seen.get(form);
        if (other && other !== type) clashes.push(`${form}: ${other} and ${type}`);
        seen.set(form, type);
      }
    }

    // Assess
    expect(clashes).toEqual([]);
  });

  it('hears every spoken word of the feelings vocabulary, and nothing else, as a feeling', () => {
    // Prepare: a short answer ("fine", "unsure", "okay") is heard as the answer it is typed
    // as (short-answers-spoken.test.ts); at the feeling question the core reads it as a feeling.
    const values = typeValues('FEELING');
    const answers = new Set(ANSWER_KINDS.flatMap((answer) => spokenAnswerWords(answer)));
    const spoken = SPOKEN_FEELINGS.filter((f) => !answers.has(f.word));

    // Assess
    expect(values.map((v) => v.id).sort()).toEqual(spoken.map((f) => f.word).sort());
    for (const feeling of spoken) {
      const value = values.find((v) => v.id === feeling.word);
      expect(value?.name.value).toBe(feeling.word);
      expect([...(value?.name.synonyms ?? [])].sort(), feeling.word).toEqual(
        feeling.synonyms.filter((synonym) => !answers.has(synonym)).sort(),
      );
    }
  });

  it('knows every micro-goal of the catalogue by its id', () => {
    expect(
      typeValues('GOAL')
        .map((v) => v.id)
        .sort(),
    ).toEqual(GOALS.map((g) => g.id).sort());
  });

  it('gives every free-speech sample a carrier phrase, and no intent more than one free-speech slot', () => {
    for (const intent of model.intents) {
      const phraseSlots = (intent.slots ?? [])
        .filter((s) => s.type === 'AMAZON.SearchQuery')
        .map((s) => s.name);
      expect(phraseSlots.length, intent.name).toBeLessThanOrEqual(1);
      for (const sample of intent.samples) {
        const slots = slotsIn(sample);
        if (slots.some((s) => phraseSlots.includes(s ?? ''))) {
          expect(sample.replace(/\{\w+\}/g, '').trim().length, sample).toBeGreaterThan(0);
        }
      }
    }
  });

  it('lets a person ask, in plain words, for everything kept to be erased', () => {
    // Prepare
    const samples = model.intents.find((i) => i.name === 'DeleteDataIntent')?.samples ?? [];

    // Assess
    expect(samples).toEqual(
      expect.arrayContaining(['delete my data', 'erase my journal', 'erase everything', 'forget me']),
    );
    expect(requestToInput(intentRequest('DeleteDataIntent'))).toEqual({ type: 'intent', intent: 'delete' });
  });

  it('gives each feeling, choice and answer intent one way of saying it, so its words can be put back', () => {
    // Prepare: the same words, said either way ("I'll" / "I will", "I'm feeling" / "I feel").
    const SAME: Array<[RegExp, string]> = [
      [/^I'll /, 'I will '],
      [/^I am feeling /, 'I feel '],
      [/^I'm feeling /, 'I feel '],
      [/^I am /, "I'm "],
      [/^I have been /, "I've been "],
      [/^I would /, "I'd "],
    ];
    const said = (sample: string) =>
      SAME.reduce((text, [form, same]) => text.replace(form, same), sample.replace(/\{\w+\}/, '{}'));

    for (const frame of SLOT_FRAMES) {
      // Act
      const intent = model.intents.find((i) => i.name === frame.intent);

      // Assess: in the model, and every sample says exactly the frame's words.
      expect(intent?.samples, frame.intent).toEqual([...frame.samples]);
      for (const sample of frame.samples)
        expect(said(sample), `${frame.intent}: ${sample}`).toBe(frame.words);
    }
  });

  it('gives each free-speech carrier one way of saying it, so its words can be put back', () => {
    // Prepare: the words that carry nothing, and are dropped.
    const FILLERS = new Set([
      'well',
      'so',
      'um',
      'uh',
      'oh',
      'honestly',
      'to be honest',
      'the thing is',
      'anyway',
      'alexa',
      'okay so',
      'hey',
      'bro',
      'listen',
      'been',
      'lowkey',
      'ngl',
      'tbh',
      'seriously',
      'literally',
      'actually',
      'basically',
      'man',
      'dude',
      'look',
    ]);

    for (const carrier of FREE_SPEECH_CARRIERS) {
      // Act
      const intent = model.intents.find((i) => i.name === carrier.intent);

      // Assess: in the model, and every sample says exactly the carrier's words, then the query.
      expect(intent?.samples, carrier.intent).toEqual([...carrier.samples]);
      expect(intent?.slots, carrier.intent).toEqual([{ name: 'query', type: 'AMAZON.SearchQuery' }]);
      for (const sample of carrier.samples) {
        expect(sample, carrier.intent).toMatch(/^[^{}]+ \{query\}$/);
        const said = sample.replace(' {query}', '');
        if (carrier.prefix === '') expect(FILLERS, `${carrier.intent}: ${sample}`).toContain(said);
        else expect(sameWords(said), `${carrier.intent}: ${sample}`).toBe(sameWords(carrier.prefix));
      }
      // "I'll" folds to "ill" in the crisis gate: the carrier puts back "I will".
      expect(carrier.prefix, carrier.intent).not.toMatch(/\b(i|he|she|we)'ll\b|\bwe're\b/i);
    }
  });

  // 245: the free-speech carriers are how spoken words reach the crisis gate whole, so they
  // have the room; 5 of Alexa's 250 stay free for what comes next.
  it("stays within Alexa's limits: at most 245 of the 250 intents allowed, each name unique", () => {
    // Prepare
    const names = model.intents.map((i) => i.name);

    // Assess
    expect(names.length).toBeLessThanOrEqual(245);
    expect(new Set(names).size).toBe(names.length);
    for (const intent of model.intents) expect(intent.samples.length, intent.name).toBeLessThanOrEqual(100);
  });

  it('uses only words Alexa accepts in names, samples and slot values', () => {
    const wordsOnly = /^[A-Za-z0-9' .]+$/;
    for (const intent of model.intents) {
      expect(intent.name).toMatch(/^(AMAZON\.)?[A-Za-z_]+$/);
      const declared = new Set((intent.slots ?? []).map((s) => s.name));
      const used = new Set<string>();
      for (const sample of intent.samples) {
        expect(sample.replace(/\{\w+\}/g, 'x'), `${intent.name}: ${sample}`).toMatch(wordsOnly);
        for (const slot of slotsIn(sample)) {
          expect(declared.has(slot ?? ''), `${intent.name}: {${slot}}`).toBe(true);
          used.add(slot ?? '');
        }
      }
      for (const slot of declared) expect(used.has(slot), `${intent.name} never uses {${slot}}`).toBe(true);
    }
    for (const type of model.types) {
      for (const form of heardForms(type.name)) expect(form, type.name).toMatch(wordsOnly);
    }
  });

  it('lets a person name a feeling, choose, ask for each tool and answer, in the words the core invites', () => {
    // Prepare
    const samplesOf = (name: string): string[] =>
      (model.intents.find((i) => i.name === name) as ModelIntent | undefined)?.samples ?? [];

    // Assess: the one-shots and ordinals the skill description promises.
    expect(samplesOf('GroundingIntent')).toContain('for a grounding exercise');
    expect(samplesOf('MicroGoalIntent')).toContain('for a micro goal');
    expect(samplesOf('TherapistSummaryIntent')).toContain('what should I tell my therapist');
    const choosing = SLOT_FRAMES.filter((f) => f.family === 'choose').flatMap((f) => samplesOf(f.intent));
    expect(choosing).toEqual(
      expect.arrayContaining(['the {ordinal} one', 'number {ordinal}', "I'll {goal}"]),
    );
    expect(heardForms('ANSWER')).toEqual(
      expect.arrayContaining(['not sure', 'a little', 'some', 'a lot', 'work']),
    );
  });
});
