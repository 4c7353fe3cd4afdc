/**
 * Issue 14, item 5: every new line of content (the safety plan, its voice choices, the caring
 * text) reviewed against the safe-messaging checklist of docs/safety.md: no method named or
 * asked about (not even in "making my space safer"), never "commit(ted) suicide", no promise of
 * an outcome, hope only briefly; text lines in GSM-7 and within one text; no carrier opt-out word.
 */
import { describe, expect, it } from 'vitest';
import { isGsm7 } from '../../../src/channels/sms/gsm7.ts';
import * as content from '../../../src/core/content/safety-plan.ts';
import { PLAN_OPTIONS, PLAN_STEPS } from '../../../src/core/safety-plan.ts';

/** Every string the module can produce: each function called with each step, modality and a number. */
function texts(value: unknown, where: string, out: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') out.push([where, value]);
  else if (typeof value === 'function') {
    const args: unknown[][] =
      value.length === 0
        ? [[]]
        : [...PLAN_STEPS, 'text', 'voice', 3].flatMap((a) => [[a], [a, 'voice'], [a, 'text']]);
    for (const a of args) {
      const made = (value as (...x: unknown[]) => unknown)(...a);
      if (typeof made === 'string') out.push([`${where}(${a.join(', ')})`, made]);
    }
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) texts(v, `${where}.${key}`, out);
  }
  return out;
}

const LINES = [
  ...texts(content, 'content'),
  ...Object.entries(PLAN_OPTIONS).flatMap(([id, options]) =>
    options.map((o): [string, string] => [`option.${id}.${o.id}`, o.label]),
  ),
];

/** Means and methods (docs/safety.md: never describe or ask about methods). */
const METHOD =
  /\b(pills?|tablets?|overdose|medication|meds|rope|gun|firearm|weapon|knife|knives|blade|razor|bridge|jump|cut|cutting|hang|hanging|poison|lock (?:up|away)|method|means|how would you|how will you)\b/i;
const COMMITTED = /\bcommit(?:ted|s)? suicide\b/i;
/** Promises of an outcome. */
const PROMISE =
  /\b(promise|guarantee|will be (?:ok|okay|fine|alright|all right)|everything will|it gets better|will get better|you'?ll be fine|you'?re safe now|never alone)\b/i;
const OPT_OUT = /\b(?:stop ?all|stop|unsubscribe|cancel|end|quit|revoke|opt[ -]?out)\b/i;

describe('the safety plan and caring text content against the safety checklist', () => {
  it('walks every line the plan and the caring text can say', () => {
    // A walk that found nothing would pass for the wrong reason.
    expect(LINES.length).toBeGreaterThan(80);
    expect(LINES.map(([, t]) => t)).toContain(content.caring.text);
    expect(LINES.map(([, t]) => t)).toContain(content.plan.question('saferSpace'));
  });

  it('names no method, never says "committed suicide", and promises nothing', () => {
    expect(LINES.filter(([, t]) => METHOD.test(t)).map(([w, t]) => `${w}: ${t}`)).toEqual([]);
    expect(LINES.filter(([, t]) => COMMITTED.test(t)).map(([w]) => w)).toEqual([]);
    expect(LINES.filter(([, t]) => PROMISE.test(t)).map(([w, t]) => `${w}: ${t}`)).toEqual([]);
  });

  it('asks "making my space safer" neutrally, in their own words, on both channels', () => {
    expect(content.plan.question('saferSpace')).toBe(
      'What could help make your space feel safer when things are hard? In your own words.',
    );
    expect(content.plan.question('saferSpace', 'voice')).toBe(
      'What could help make your space feel safer when things are hard?',
    );
  });

  it('keeps every line GSM-7, short enough for one text, and free of carrier opt-out words', () => {
    expect(LINES.filter(([, t]) => !isGsm7(t)).map(([w]) => w)).toEqual([]);
    expect(LINES.filter(([, t]) => t.length > 320).map(([w]) => w)).toEqual([]);
    expect(LINES.filter(([, t]) => OPT_OUT.test(t)).map(([w, t]) => `${w}: ${t}`)).toEqual([]);
  });

  it('sends a caring text that says nothing of what was said, asks for nothing, and carries 988', () => {
    expect(content.caring.text).toBe(
      'my check in: Thinking of you today. No need to reply. 988 is there any time, by call or text.',
    );
    expect(content.caring.ask).toBe('Can I text you tomorrow just to check in? Reply YES or NO');
  });
});
