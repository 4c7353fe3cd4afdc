/**
 * Issue 16's side panel in a real browser, on one `npm start` with zero configuration: a
 * reminder asked for by text arrives after "+1 day" (in the phone's thread and the outbox),
 * the phone and the Echo link by a code and keep one journal, "new person" starts afresh and
 * "delete my data" shows everything gone. And the simulator's routes answer only this page.
 */
import { request } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, openSimulator, say, tap, text, useServerAndBrowser } from './browser.ts';

const running = useServerAndBrowser();

const journal = async (page: Page) => (await page.locator('#journal tbody').textContent()) ?? '';
const summary = async (page: Page) => (await page.locator('#journal-summary').textContent()) ?? '';
/** fetch() sets Host itself; node:http lets a test send another. */
const statusWithHost = (url: string, host: string): Promise<number> =>
  new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
const sentFirst = (page: Page) => page.locator('#thread .bubble.first');

describe('the side panel', () => {
  it('brings a reminder asked for by text after "+1 day", into the thread and the outbox', async () => {
    const page = await openSimulator(running());
    await text(page, 'hi');
    expect(await text(page, 'remind me at 7pm')).toMatch(/each day around 7pm/);
    await page.getByRole('button', { name: '+1 day' }).click();
    await page
      .locator('#clock-now')
      .filter({ hasText: /development clock/ })
      .waitFor();
    // A reminder wanders a few minutes around its time: a day on may land just short of it.
    if (
      (await sentFirst(page).count()) === 0 &&
      /0 texts sent/.test((await page.locator('#clock-now').textContent()) ?? '')
    ) {
      await page.getByRole('button', { name: '+1 day' }).click();
      await page
        .locator('#clock-now')
        .filter({ hasText: /[1-9] texts? sent/ })
        .waitFor();
    }
    await sentFirst(page).first().waitFor();
    const reminder = (await sentFirst(page).first().textContent()) ?? '';
    expect(reminder).toMatch(/^Sent to you first: my check in: /);
    const number = (await page.locator('#phone-number').textContent()) ?? '';
    await page
      .locator('#outbox li')
      .filter({ hasText: `to ***${number.slice(-2)}` })
      .first()
      .waitFor();
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'reminder-after-plus-one-day.png'), fullPage: true });
    // A one-word answer to the reminder is a check-in.
    expect(await text(page, 'tired')).toMatch(/Tired\./);
    await page.close();
  });

  it('links the Echo and the phone by a code said on one and given on the other: one journal', async () => {
    const page = await openSimulator(running());
    await text(page, 'hi');
    await page.getByRole('button', { name: 'Code from the Echo' }).click();
    await page
      .locator('#link-status')
      .filter({ hasText: /^Linked/ })
      .waitFor();
    expect(await page.locator('#thread').textContent()).toContain(
      'Linked. Alexa and this phone now keep one journal.',
    );
    // A feeling by voice, a goal by text: one journal holds both.
    await say(page, 'open my check in');
    expect(await say(page, "I'm feeling anxious")).toMatch(/^Anxious\./);
    await text(page, 'GOAL');
    expect(await tap(page, /^Reply 1:/)).toMatch(/Your goal: /);
    // The panel refreshes after each turn; wait for the one after the goal.
    await expect.poll(() => journal(page)).toMatch(/phone.*goal: \S+/);
    expect(await journal(page)).toMatch(/Echo.*feeling: anxious/);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'linked.png'), fullPage: true });

    // The other way round, for a new person: the phone gets the code, the Echo is told it.
    await page.getByRole('button', { name: 'New person' }).click();
    await page
      .locator('#link-status')
      .filter({ hasText: /^Not linked\.$/ })
      .waitFor();
    await text(page, 'hi');
    await page.getByRole('button', { name: 'Code from the phone' }).click();
    await page
      .locator('#link-status')
      .filter({ hasText: /^Linked/ })
      .waitFor();
    expect(await page.locator('#echo-speech').textContent()).toMatch(/Linked\./);
    await page.close();
  });

  it('starts afresh with "new person", and "delete my data" shows everything gone', async () => {
    const page = await openSimulator(running());
    await text(page, 'hi');
    await text(page, 'heavy');
    await expect.poll(() => journal(page)).toMatch(/feeling: heavy/);
    const before = await page.locator('#phone-number').textContent();

    await page.getByRole('button', { name: 'New person' }).click();
    await expect.poll(() => page.locator('#phone-number').textContent()).not.toBe(before);
    expect(await page.locator('#thread .bubble').count()).toBe(0);
    await expect.poll(() => summary(page)).toMatch(/Nothing stored for this person: 0 items/);

    await text(page, 'hi');
    await text(page, 'calm');
    await expect.poll(() => journal(page)).toMatch(/feeling: calm/);
    await page.getByRole('button', { name: 'Delete my data' }).click();
    await page.locator('#quick-replies').getByRole('button', { name: /YES/ }).waitFor();
    expect(await tap(page, /YES/)).toMatch(/Everything of yours is erased/);
    await expect.poll(() => summary(page)).toMatch(/Nothing stored for this person: 0 items/);
    expect(await page.locator('#journal tbody tr').count()).toBe(0);
    // The share page's place (issue 15) stays hidden until a text gives a share link.
    expect(await page.locator('#share').isHidden()).toBe(true);
    await page.close();
  });

  it('answers only this page: other sites, other hosts and forms are refused', async () => {
    const base = running().pageUrl.replace(/\/$/, '');
    const fromElsewhere = await fetch(`${base}/simulator/people`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://example.org' },
      body: '{}',
    });
    const asForm = await fetch(`${base}/simulator/people`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    // A DNS-rebound page: this server's address, another site's name.
    const rebound = await statusWithHost(`${base}/`, 'attacker.example');
    const unknown = await fetch(`${base}/simulator/people/0123/journal`);
    expect([fromElsewhere.status, asForm.status, rebound, unknown.status]).toEqual([403, 415, 404, 404]);
  });
});
