/**
 * The product's own commands are not a crisis ("delete my plan" was: the classifier read it
 * as "delete myself" and "a plan"), and the grammar that says so is narrow: one more word about
 * the person, and every layer reads the message as before.
 */
import { describe, expect, it } from 'vitest';
import { isProductCommand } from '../../../src/core/crisis/commands.ts';
import { assess } from '../../../src/core/crisis/gate.ts';

const COMMANDS = [
  'delete my plan',
  'Delete the plan.',
  'i want to delete my plan',
  'can you delete step two of my plan please',
  'end my plan',
  'cancel my safety plan',
  'scrap the plan and start over',
  "I'd like to clear step 4",
  'kill the reminders',
  'turn off the notifications',
  'end this check-in',
  'Alexa, delete my safety plan',
  'wipe all my data',
  'remove my phone number',
  'kill this app',
  'stop the texts for now',
];

const STILL_READ = [
  'i want to be deleted',
  'delete myself',
  'delete me from existence',
  'i want to end it all',
  'end my life',
  'end it, i have a plan',
  'my plan is to end it tonight',
  "delete my number, I won't need it after tonight",
  'delete my plan, i am doing it tonight',
  'cancel my plan to kill myself',
  'i want to delete everything and disappear',
  'kill myself',
  'end my suffering',
  'stop my heart',
];

describe('the product commands', () => {
  it('are never answered as a crisis', () => {
    for (const text of COMMANDS) expect(assess(text)?.reply ?? 'none', text).toBe('none');
  });

  it('are a grammar of whole messages about the product own things', () => {
    expect(isProductCommand('delete my plan')).toBe(true);
    expect(isProductCommand('please, clear step 3 of my safety plan, thanks')).toBe(true);
    expect(isProductCommand('delete me')).toBe(false);
    expect(isProductCommand('end it')).toBe(false);
    expect(isProductCommand('delete my plan and myself')).toBe(false);
  });

  it('leave every message with a word about the person to the layers, which still hear the risk', () => {
    for (const text of STILL_READ) {
      expect(isProductCommand(text), text).toBe(false);
      expect(assess(text)?.reply, text).toMatch(/crisis|grey|danger/);
    }
  });
});
