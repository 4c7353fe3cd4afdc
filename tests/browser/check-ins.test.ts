/**
 * Issue 16 in a real browser: on `npm start` with zero configuration, the printed URL shows a
 * phone and an Echo; a person holds a whole check-in on each, and a crisis phrase on each
 * shows 988 (and, on the Echo, speaks it). Everything goes through the real POST /sms
 * (signed) and the real skill, on a fresh DATA_DIR.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, openSimulator, say, spoken, tap, text, useServerAndBrowser } from './browser.ts';

const running = useServerAndBrowser();

const journalRows = (page: Page) => page.locator('#journal tbody tr:not(.day)').allTextContents();

describe('the simulator page on npm start', () => {
  it('says at start-up where the page is, that it is local only, and how the Echo reaches the skill', () => {
    expect(running().pageUrl).toMatch(/^http:\/\/localhost:\d+\/$/);
    const said = running().output();
    expect(said).toMatch(/local only, this machine only, never in Lambda/);
    expect(said).toMatch(
      /without Amazon's certificate check, inside the simulator only; POST \/alexa keeps the check on/,
    );
  });

  it('holds a whole check-in by text, with quick replies for the numbered choices, and the journal fills', async () => {
    const page = await openSimulator(running());
    expect(await page.locator('#phone-number').textContent()).toMatch(/^\+1555\d{7}$/);

    expect(await text(page, 'hi')).toMatch(/What's here right now\?/);
    expect(await text(page, 'heavy')).toMatch(/Heavy\. That makes sense/);
    expect(await page.locator('#quick-replies button').allTextContents()).toEqual([
      '1 · a kind word to yourself',
      '2 · one small action',
      '3 · skip to one small goal',
    ]);
    expect(await tap(page, /Reply 1: a kind word/)).toMatch(/what would you say to them\?/);
    const goals = await text(page, "it's okay to be tired");
    expect(goals).toMatch(/Let's pick one small thing for today\./);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'phone-mid-check-in.png'), fullPage: true });
    const goal = /^1\) (.+)$/m.exec(goals)?.[1] ?? '';
    expect(await tap(page, /^Reply 1:/)).toContain(`Your goal: ${goal}.`);
    expect(await text(page, 'work')).toMatch(/What did you try\?/);
    expect(await text(page, 'skip')).toMatch(/someone you could text today/);
    expect(await tap(page, /not today/)).not.toBe('');

    // The side panel shows what was stored: the feeling, the tool, the goal, the trigger.
    await expect.poll(async () => (await journalRows(page)).join('\n')).toMatch(/trigger: work/);
    const rows = (await journalRows(page)).join('\n');
    expect(rows).toMatch(/feeling: heavy/);
    expect(rows).toMatch(/tool: self-compassion/);
    expect(rows).toMatch(/goal: \S+/);
    expect(rows).toMatch(/trigger: work/);
    expect(await page.locator('#journal tr.day').count()).toBe(1);
    await page.close();
  });

  it('holds a whole spoken-style check-in on the Echo, the reply shown under the ring and spoken with its pauses', async () => {
    const page = await openSimulator(running(), { fakeClock: true });
    expect(await say(page, 'open my check in')).toMatch(/What's here right now\?/);
    expect(await say(page, "I'm feeling anxious")).toMatch(/^Anxious\./);
    const grounding = await say(page, 'the first one');
    expect(grounding).toMatch(/five things you can see/);
    // The grounding exercise keeps the SSML's pauses: twelve seconds to find five things,
    // with the ring lit, before the next sense is spoken.
    await page.clock.runFor(2_000);
    expect(await spoken(page)).toContain('Look around and find five things you can see.');
    expect(await spoken(page)).not.toContain('Now four things you can touch.');
    expect(await page.locator('#ring').getAttribute('class')).toContain('speaking');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'echo-mid-check-in.png'), fullPage: true });
    await page.clock.runFor(9_000);
    expect(await spoken(page)).not.toContain('Now four things you can touch.');
    await page.clock.runFor(3_000);
    expect(await spoken(page)).toContain('Now four things you can touch.');
    const goals = await say(page, 'okay');
    expect(goals).toMatch(/Let's pick one small thing for today\./);
    const goal = /the first, ([^;]+);/.exec(goals)?.[1] ?? '';
    expect(await say(page, 'the first one')).toContain(`Your goal: ${goal}.`);
    expect(await say(page, 'skip')).toMatch(/someone you could send a quick message/);
    expect(await say(page, 'not today')).toMatch(/Thanks for checking in\./);
    await page.clock.runFor(10_000);
    expect(await page.locator('#echo-status').textContent()).toMatch(/The skill has closed/);

    await expect.poll(async () => (await journalRows(page)).join('\n')).toMatch(/Echo\s*goal\s*goal: \S+/);
    expect((await journalRows(page)).join('\n')).toMatch(/Echo\s*feeling\s*feeling: anxious/);
    expect((await journalRows(page)).join('\n')).toMatch(/tool: grounding/);
    await page.close();
  });

  it('answers a crisis phrase on each device with 988: shown on the phone, shown and spoken on the Echo', async () => {
    const page = await openSimulator(running());
    await text(page, 'hi');
    const phoneReply = await text(page, "I can't go on anymore");
    expect(phoneReply).toMatch(/call or text 988/i);
    await say(page, 'open my check in');
    const echoReply = await say(page, 'I want to kill myself');
    expect(echoReply).toMatch(/call or text 988, the Suicide and Crisis Lifeline/);
    // 988 is spoken digit by digit, as the skill's SSML asks.
    await expect.poll(async () => (await spoken(page)).join(' ')).toMatch(/call or text 9 8 8/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'after-crisis-phrase.png'), fullPage: true });
    await page.close();
  });

  it('is readable on a phone: one column, nothing wider than the screen, and usable by keyboard alone', async () => {
    const page = await openSimulator(running(), { viewport: { width: 390, height: 844 } });
    // Keyboard only: the skip link, then typing and Enter.
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => (globalThis as unknown as Focused).document.activeElement?.textContent),
    ).toBe('Skip to the phone');
    await page.keyboard.press('Enter');
    await page.keyboard.type('hi');
    await page.keyboard.press('Enter');
    await page.locator('#thread .bubble.them').first().waitFor();
    const widths = await page.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as Focused;
      return { page: document.documentElement.scrollWidth, screen: innerWidth };
    });
    expect(widths.page).toBeLessThanOrEqual(widths.screen);
    expect(await page.locator('#thread').textContent()).toMatch(/What's here right now\?/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'on-a-phone.png'), fullPage: true });
    await page.close();
  });
});

/** The little of the DOM these checks read (the tests' TypeScript has no DOM types). */
interface Focused {
  document: {
    activeElement: { textContent: string | null } | null;
    documentElement: { scrollWidth: number };
  };
  innerWidth: number;
}
