import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INVOCATION_NAME } from '../../src/channels/alexa/interaction-model.ts';

const manifest = JSON.parse(readFileSync('skill-package/skill.json', 'utf8')).manifest;
const enUS = manifest.publishingInformation.locales['en-US'];
const DISCLAIMER = 'not a substitute for professional care; in an emergency call 911, or call or text 988';

describe('the skill manifest', () => {
  it('is "my check in" in en-US, for the US only', () => {
    expect(enUS.name).toBe('my check in');
    expect(manifest.publishingInformation.isAvailableWorldwide).toBe(false);
    expect(manifest.publishingInformation.distributionCountries).toEqual(['US']);
    expect(['HEALTH_AND_FITNESS', 'LIFESTYLE']).toContain(manifest.publishingInformation.category);
  });

  it('says what it is not, and where to turn, in the summary and the description', () => {
    // Summary: Alexa shows at most 160 characters.
    expect(enUS.summary.length).toBeLessThanOrEqual(160);
    expect(enUS.summary.toLowerCase()).toContain(DISCLAIMER);
    expect(enUS.description.toLowerCase()).toContain(DISCLAIMER);
    expect(enUS.description).toMatch(/not treatment, not a diagnosis and not an emergency service/);
    expect(enUS.description.length).toBeLessThanOrEqual(4000);
  });

  it('gives at most three example phrases, each said to Alexa with the invocation name', () => {
    expect(enUS.examplePhrases).toEqual([
      'Alexa, open my check in',
      'Alexa, ask my check in for a grounding exercise',
      'Alexa, ask my check in what should I tell my therapist',
    ]);
    for (const phrase of enUS.examplePhrases) expect(phrase).toContain(`Alexa, `);
    for (const phrase of enUS.examplePhrases) expect(phrase).toContain(INVOCATION_NAME);
  });

  it('links a privacy policy and declares no purchases, ads or child direction', () => {
    const privacy = manifest.privacyAndCompliance;
    expect(privacy.locales['en-US'].privacyPolicyUrl).toMatch(/^https:\/\//);
    expect(privacy).toMatchObject({ allowsPurchases: false, containsAds: false, isChildDirected: false });
  });

  it("stays private: a health skill is not listed publicly before Amazon's HIPAA-eligible route", () => {
    expect(manifest.publishingInformation.distributionMode).toBe('PRIVATE');
    expect(manifest.privacyAndCompliance.locales['en-US'].privacyPolicyUrl).toBe(
      'https://example.org/my-check-in/privacy',
    );
  });

  it('hears when the skill is disabled, so the journal can be erased with it', () => {
    // Prepare
    const events = manifest.events;

    // Assess
    expect(events.subscriptions).toContainEqual({ eventName: 'SKILL_DISABLED' });
    expect(events.endpoint.uri).toMatch(/^arn:aws:lambda:/);
    expect(enUS.description).toMatch(/disabling the skill erases it/);
  });
});
