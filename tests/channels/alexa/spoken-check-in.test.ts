/**
 * Whole spoken conversations: virtual-alexa turns utterances into requests through our own
 * interaction model, the skill answers through the real turn runner on dynalite.
 */
import { readFileSync } from 'node:fs';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_SPEECH_CARRIERS } from '../../../src/channels/alexa/intents.ts';
import { FEELINGS } from '../../../src/core/feelings/vocabulary.ts';
import { GOALS } from '../../../src/core/goals/catalogue.ts';
import { TRIED, TRIGGERS } from '../../../src/core/journal/options.ts';
import type { JournalEntry } from '../../../src/core/types.ts';
import { type Harness, startHarness } from './harness.ts';
import { createEmulator, type Emulator, type Heard } from './virtual-alexa.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const DIGITS_988 = '<say-as interpret-as="digits">988</say-as>';

/** Every open session must carry a reprompt; checked on every answer of these tests. */
function expectWellFormed(heard: Heard): void {
  expect(heard.ssml.length).toBeLessThanOrEqual(8000);
  if (heard.open) expect(heard.reprompt).toBeTruthy();
}

async function converse(alexa: Emulator, lines: readonly string[]): Promise<Heard[]> {
  const answers: Heard[] = [];
  for (const line of lines) {
    const heard = await alexa.say(line);
    expectWellFormed(heard);
    answers.push(heard);
  }
  return answers;
}

const ENUMERATED: Record<string, ReadonlySet<string>> = {
  kind: new Set(['feeling', 'tool', 'goal', 'outcome', 'reflection', 'connection', 'consent']),
  // The first launch says this is automated and not for emergencies, once, and keeps that it did.
  terms: new Set(['alexa-welcome']),
  word: new Set(FEELINGS.map((f) => f.word)),
  family: new Set(['low-unpleasant', 'high-unpleasant', 'low-pleasant', 'high-pleasant']),
  tool: new Set(['grounding', 'breathing', 'self-compassion', 'small-action', 'parts']),
  catalogueId: new Set(GOALS.map((g) => g.id)),
  outcome: new Set(['done', 'not-yet', 'skipped']),
  trigger: new Set(TRIGGERS.map((o) => o.id)),
  tried: new Set(TRIED.map((o) => o.id)),
  channel: new Set(['alexa']),
  reachOut: new Set(['yes', 'maybe', 'no']),
};
const IDS = new Set(['id', 'goalEntryId', 'entryId']);
const TIMES = new Set(['at', 'setAt', 'createdAt', 'consentAt']);

/** Every string stored in an entry or profile, with what it must be. */
function strayStrings(value: unknown, field = ''): string[] {
  if (typeof value === 'string') {
    if (IDS.has(field)) return /^[0-9a-f-]{8,}$/.test(value) ? [] : [`${field}=${value}`];
    if (TIMES.has(field)) return Number.isNaN(Date.parse(value)) ? [`${field}=${value}`] : [];
    return ENUMERATED[field]?.has(value) ? [] : [`${field}=${value}`];
  }
  if (Array.isArray(value)) return value.flatMap((v) => strayStrings(v, field));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => strayStrings(v, k));
  }
  return [];
}

describe('a spoken check-in through our interaction model', () => {
  it('holds a whole check-in, and stores only enumerated values, never the free speech', async () => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });
    const freeSpeech = ['stressed about my sister and her wedding', 'it was my sister', 'cried for a bit'];

    // Act
    const [open, named, tool, afterTool, goal, trigger, tried, helped, connected] = await converse(alexa, [
      'open my check in',
      `I've been really ${freeSpeech[0]}`,
      'the first one',
      'okay',
      'number two',
      `I think ${freeSpeech[1]}`,
      `I just ${freeSpeech[2]}`,
      'a little',
      'maybe later',
    ]);

    // Assess: what the person hears, one step at a time.
    expect(open?.speech).toMatch(/what's here right now/i);
    expect(named?.speech).toMatch(/^Stressed\./);
    expect(named?.speech).toMatch(/the first, .*; the second, .*; or the third, /);
    expect(tool?.ssml).toContain('<prosody rate="slow">');
    expect(tool?.speech).toMatch(/five things you can see/i);
    expect(afterTool?.speech).toMatch(/pick one small thing/i);
    expect(goal?.speech).toMatch(/^Your goal: /);
    expect(trigger?.speech).toMatch(/what did you try/i);
    expect(tried?.speech).toMatch(/how much did it help/i);
    // The connection is its own question, and the session stays open for its answer.
    expect(helped?.speech).toMatch(/someone you could send a quick message/i);
    expect(helped?.open).toBe(true);
    expect(connected?.speech).toMatch(/it can wait.*thanks for checking in/i);
    expect(connected?.open).toBe(false);

    // Assess: what was kept.
    const userId = h.userIdOf(alexa.alexaUserId());
    const exported = await h.store.exportUser(userId);
    const kinds = exported.entries.map((e: JournalEntry) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['feeling', 'tool', 'goal', 'reflection', 'connection']));
    expect(exported.entries).toContainEqual(expect.objectContaining({ kind: 'feeling', word: 'stressed' }));
    expect(exported.entries).toContainEqual(
      expect.objectContaining({ kind: 'reflection', trigger: 'family', tried: 'crying', helped: 1 }),
    );
    expect(strayStrings(exported)).toEqual([]);
    const items = await h.client.send(new ScanCommand({ TableName: h.tableName }));
    const stored = JSON.stringify(items.Items ?? []);
    for (const words of [...freeSpeech, 'sister', 'wedding', 'cried']) expect(stored).not.toContain(words);
  });

  it("follows up on last time's goal at the next launch", async () => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });
    await converse(alexa, ['ask my check in for a micro goal', 'the first one']);
    const [sameSitting] = await converse(alexa, ['open my check in']);
    h.advance(24);

    // Act
    const [followUp, done] = await converse(alexa, ['open my check in', 'did it']);

    // Assess
    expect(sameSitting?.speech).not.toMatch(/last time you picked/i);
    expect(followUp?.speech).toMatch(/last time you picked: .*did it happen/i);
    expect(done?.speech).toMatch(/that counts/i);
    const { entries } = await h.store.exportUser(h.userIdOf(alexa.alexaUserId()));
    expect(entries).toContainEqual(expect.objectContaining({ kind: 'outcome', outcome: 'done' }));
  });
});

describe('erasing by voice', () => {
  it('"delete my data" asks first, and "yes" leaves nothing of the person stored', async () => {
    // Prepare: a spoken check-in that kept a feeling.
    const alexa = createEmulator({ skill: h.skill });
    await converse(alexa, ['open my check in', 'I feel heavy']);
    const userId = h.userIdOf(alexa.alexaUserId());
    expect(await h.store.countItems(userId)).toBeGreaterThan(0);

    // Act
    const [asked, erased] = await converse(alexa, ['delete my data', 'yes']);

    // Assess
    expect(asked?.speech).toMatch(/should I erase everything\? say yes, or no to keep it/i);
    expect(asked?.open).toBe(true);
    expect(erased?.speech).toMatch(/everything of yours is erased/i);
    expect(await h.store.countItems(userId)).toBe(0);
  });

  it('"no" keeps everything', async () => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });
    await converse(alexa, ['open my check in', 'I feel heavy']);
    const userId = h.userIdOf(alexa.alexaUserId());
    const before = await h.store.exportUser(userId);

    // Act
    const [, kept] = await converse(alexa, ['erase my journal', 'no']);

    // Assess
    expect(kept?.speech).toMatch(/nothing was erased/i);
    expect((await h.store.exportUser(userId)).entries).toEqual(before.entries);
  });
});

describe('one-shots', () => {
  it('"ask my check in for a grounding exercise" reads one aloud, slowly, with pauses', async () => {
    // Act
    const [grounding] = await converse(createEmulator({ skill: h.skill }), [
      'ask my check in for a grounding exercise',
    ]);

    // Assess
    expect(grounding?.speech).toMatch(/five things you can see.*four things you can touch/i);
    expect(grounding?.ssml).toContain('<prosody rate="slow">');
    expect(grounding?.ssml).toContain('<break time=');
  });

  it('"ask my check in for a micro goal" offers three, and one is kept', async () => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });

    // Act
    const [offer, kept] = await converse(alexa, ['ask my check in for a micro goal', 'the third']);

    // Assess
    expect(offer?.speech).toMatch(/the first, .*; the second, .*; or the third, /);
    expect(kept?.speech).toMatch(/^Your goal: /);
  });

  it('"ask my check in what should I tell my therapist" gives the week\'s summary', async () => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });
    await converse(alexa, ['open my check in', 'I feel heavy']);

    // Act
    const [summary] = await converse(alexa, ['ask my check in what should I tell my therapist']);

    // Assess
    expect(summary?.speech).toMatch(/^Here's what you could tell your therapist about the last 14 days\./);
    expect(summary?.speech).toMatch(/Today, you felt heavy\./);
    expect(summary?.speech).toMatch(/Would you like to hear that again\?$/);
  });

  it('answers each example phrase of the skill manifest', async () => {
    // Prepare
    const manifest = JSON.parse(readFileSync('skill-package/skill.json', 'utf8'));
    const phrases: string[] = manifest.manifest.publishingInformation.locales['en-US'].examplePhrases;

    for (const phrase of phrases) {
      // Act
      const [answer] = await converse(createEmulator({ skill: h.skill }), [phrase]);

      // Assess
      expect(answer?.speech.length, phrase).toBeGreaterThan(0);
    }
  });
});

describe('crisis words spoken after launch', () => {
  const phrases = [
    'I want to kill myself',
    "I don't want to wake up tomorrow",
    "I can't go on anymore",
    'everyone would be better off without me',
    "I won't be a problem much longer",
    "I'm suicidal",
    'I have pills saved up',
    'I feel like dying',
    'I just want to die',
    "I've been thinking about ending it all",
    'maybe I should just unalive myself',
  ];

  it.each(phrases)('"%s" is answered with 988, digit by digit', async (phrase) => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });
    await converse(alexa, ['open my check in']);

    // Act
    const [reply, again] = await converse(alexa, [phrase, 'repeat the number']);

    // Assess
    expect(reply?.ssml).toContain(DIGITS_988);
    expect(reply?.open).toBe(true);
    expect(again?.ssml).toContain(DIGITS_988);
  });

  /**
   * One phrase per carrier intent, answered with 988 when Alexa resolves it to that carrier.
   * The first ones are crisis language only with their carrier put back ("I'm" + "a burden").
   */
  const byCarrier: Record<string, string> = {
    FreeSpeechIntent: 'honestly I want to die',
    FreeSpeechFeelIntent: 'I feel suicidal',
    FreeSpeechFeelLikeIntent: 'I feel like dying',
    FreeSpeechAmIntent: "I'm a burden",
    FreeSpeechWantIntent: 'I want to kill myself',
    FreeSpeechDontIntent: "I don't want to wake up tomorrow",
    FreeSpeechCantIntent: "I can't go on anymore",
    FreeSpeechBeenIntent: "I've been thinking about ending it all",
    FreeSpeechWontIntent: "I won't be a problem much longer",
    FreeSpeechWillIntent: "I'll end it tonight",
    FreeSpeechItsIntent: "it's not worth living anymore",
    FreeSpeechThinkIntent: 'I think everyone would be better off without me',
    FreeSpeechHaveIntent: 'I have pills saved up',
    FreeSpeechNeedIntent: 'I need to end it all',
    FreeSpeechJustIntent: 'I just wish I was dead',
    FreeSpeechEveryoneIntent: 'everyone would be better off without me',
    FreeSpeechNobodyIntent: 'nobody would miss me if I was gone',
    FreeSpeechMaybeIntent: 'maybe I should just unalive myself',
    FreeSpeechWannaIntent: 'I wanna die',
    FreeSpeechIIntent: 'I overdosed on purpose',
    FreeSpeechWishIntent: 'I wish I was dead',
    FreeSpeechTookIntent: 'I took all my pills',
    FreeSpeechTriedIntent: 'I tried to kill myself last year',
    FreeSpeechHaveDecidedIntent: "I've decided to end my life",
    FreeSpeechDecidedIntent: 'I decided to kill myself',
    FreeSpeechKeepIntent: 'I keep thinking about suicide',
    FreeSpeechHopeIntent: 'I hope I die in my sleep',
    FreeSpeechHateIntent: 'I hate being alive',
    FreeSpeechKnowIntent: 'I know how I would kill myself',
    FreeSpeechShouldIntent: 'I should just kill myself',
    FreeSpeechShouldntIntent: "I shouldn't be alive",
    FreeSpeechWouldIntent: 'I would rather be dead',
    FreeSpeechIdIntent: "I'd be better off dead",
    FreeSpeechCouldIntent: 'I could just end it all tonight',
    FreeSpeechWasIntent: 'I was going to kill myself',
    FreeSpeechHadIntent: 'I had the pills in my hand to end it',
    FreeSpeechHaventIntent: "I haven't told anyone I want to die",
    FreeSpeechDidntIntent: "I didn't want to wake up this morning",
    FreeSpeechNeverIntent: 'I never want to wake up again',
    FreeSpeechUsedToIntent: "I used to want to die and now it's back",
    FreeSpeechGoingToIntent: "I'm going to kill myself tonight",
    FreeSpeechSwallowedIntent: 'I swallowed a whole bottle of pills',
    FreeSpeechWroteIntent: 'I wrote a suicide note',
    FreeSpeechBoughtIntent: 'I bought a gun to end it',
    FreeSpeechGotIntent: 'I got a rope to hang myself',
    FreeSpeechSaidIntent: "I said goodbye because I'm going to end my life",
    FreeSpeechMissIntent: 'I miss him so much I want to die',
    FreeSpeechLoveIntent: 'I love my kids but I want to die',
    FreeSpeechSeeIntent: 'I see no reason to live',
    FreeSpeechHeIntent: 'he told me to kill myself',
    FreeSpeechHesIntent: "he's the reason I want to die",
    FreeSpeechHeWillIntent: "he'll be better off when I'm dead",
    FreeSpeechSheIntent: 'she said I should kill myself',
    FreeSpeechShesIntent: "she's better off without me and I want to die",
    FreeSpeechSheWillIntent: "she'll be better off when I'm dead",
    FreeSpeechTheyIntent: 'they would be better off if I was dead',
    FreeSpeechTheyreIntent: "they're better off without me",
    FreeSpeechYouIntent: "you can't stop me from killing myself",
    FreeSpeechYoureIntent: "you're the last one I'll talk to before I kill myself",
    FreeSpeechWeIntent: 'we broke up and now I want to die',
    FreeSpeechMyIntent: "my life isn't worth living",
    FreeSpeechMyHusbandIntent: "my husband doesn't know I want to kill myself",
    FreeSpeechMyWifeIntent: 'my wife would be better off if I was dead',
    FreeSpeechMyBoyfriendIntent: 'my boyfriend said I should kill myself',
    FreeSpeechMyGirlfriendIntent: 'my girlfriend keeps telling me to kill myself',
    FreeSpeechMyPartnerIntent: 'my partner would be better off without me',
    FreeSpeechMyExIntent: 'my ex told me to go kill myself',
    FreeSpeechMyDadIntent: 'my dad keeps pills I could overdose on',
    FreeSpeechMyMomIntent: "my mom doesn't know I'm suicidal",
    FreeSpeechMyFriendIntent: 'my friend killed herself and I want to die too',
    FreeSpeechMySonIntent: 'my son would be better off without me',
    FreeSpeechMyDaughterIntent: 'my daughter would be better off without me',
    FreeSpeechMyBrotherIntent: 'my brother died and I want to die too',
    FreeSpeechMySisterIntent: 'my sister found my suicide note',
    FreeSpeechSomeoneIntent: 'someone told me to go kill myself',
    FreeSpeechPeopleIntent: 'people would be better off if I was dead',
    FreeSpeechItIntent: 'it hurts so much I want to die',
    FreeSpeechItWouldBeIntent: 'it would be better if I was dead',
    FreeSpeechThisIntent: "this life isn't worth living",
    FreeSpeechThisIsIntent: 'this is the night I kill myself',
    FreeSpeechThatIntent: 'that nobody would care if I died',
    FreeSpeechThatsIntent: "that's it I'm going to kill myself",
    FreeSpeechThereIntent: "there won't be a next time because I'll be dead",
    FreeSpeechTheresIntent: "there's no reason to live",
    FreeSpeechEverythingIntent: 'everything would be better if I was dead',
    FreeSpeechNothingIsIntent: 'nothing is going to stop me from killing myself',
    FreeSpeechNothingWillIntent: 'nothing will stop me from killing myself',
    FreeSpeechNothingMattersIntent: 'nothing matters I want to die',
    FreeSpeechAllIIntent: 'all I think about is killing myself',
    FreeSpeechTonightIntent: "tonight I'm going to kill myself",
    FreeSpeechTodayIntent: 'today is the day I end my life',
    FreeSpeechTomorrowIIntent: 'tomorrow I will kill myself',
    FreeSpeechTomorrowIsIntent: 'tomorrow is the day I kill myself',
    FreeSpeechLastNightIntent: 'last night I tried to kill myself',
    FreeSpeechRightNowIntent: 'right now I want to die',
    FreeSpeechLatelyIntent: "lately I've been thinking about suicide",
    FreeSpeechSometimesIntent: 'sometimes I want to die',
    FreeSpeechWhatIntent: 'what is the easiest way to kill myself',
    FreeSpeechWhatIfIntent: 'what if I just killed myself',
    FreeSpeechPointOfIntent: "what's the point of living",
    FreeSpeechPointInIntent: "what's the point in living",
    FreeSpeechWhyIntent: "why shouldn't I just kill myself",
    FreeSpeechHowIntent: 'how many pills would it take to die',
    FreeSpeechWhenIntent: "when I'm dead they'll be happy",
    FreeSpeechIfIntent: 'if I killed myself nobody would notice',
    FreeSpeechCanYouIntent: 'can you tell me how to kill myself',
    FreeSpeechWillYouIntent: "will you miss me when I'm dead",
    FreeSpeechDoYouIntent: 'do you think I should kill myself',
    FreeSpeechIsItIntent: 'is it normal to want to die',
    FreeSpeechAmIIntent: 'am I better off dead',
    FreeSpeechShouldIIntent: 'should I kill myself',
    FreeSpeechPleaseIntent: 'please help me I want to die',
    FreeSpeechDeathIntent: 'death is the only way out',
    FreeSpeechDyingIntent: 'dying is the only way out',
    FreeSpeechLifeIntent: "life isn't worth living",
    FreeSpeechLivingIntent: "living isn't worth it anymore",
    FreeSpeechYesIntent: 'yes I want to die',
    FreeSpeechNoIIntent: "no I don't want to live",
    FreeSpeechNoImIntent: "no I'm going to kill myself",
    FreeSpeechNoWayIntent: 'no way out except suicide',
    FreeSpeechNoPointIntent: 'no point in living',
    FreeSpeechNoReasonToIntent: 'no reason to live anymore',
    FreeSpeechNotWorthIntent: 'not worth living anymore',
    FreeSpeechNotGoingToIntent: 'not going to be alive much longer',
    FreeSpeechNotSureIntent: 'not sure I want to be alive',
    FreeSpeechNeverGoingToIntent: 'never going to get better so I want to die',
    FreeSpeechAndIntent: "and then I'll kill myself",
    FreeSpeechButIntent: "but I don't want to live anymore",
    FreeSpeechBecauseIntent: 'because I want to die',
    FreeSpeechEverythingsIntent: "everything's pointless and I want to die",
    FreeSpeechItllIntent: "it'll be easier for everyone when I kill myself",
    FreeSpeechEveryIntent: 'every day I think about killing myself',
    FreeSpeechAtLeastIntent: 'at least if I die the pain stops',
    FreeSpeechTellMyIntent: 'tell my mom I am sorry, I am going to kill myself',
    FreeSpeechCanIIntent: 'can I tell you that I want to die',
    FreeSpeechTonightsIntent: "tonight's the night I kill myself",
    FreeSpeechAfterIntent: 'after the party I am going to kill myself',
    FreeSpeechOnceIntent: 'once everyone is asleep I will kill myself',
    FreeSpeechSinceIntent: 'since the divorce I want to die',
    FreeSpeechSoonIntent: 'soon I will kill myself',
    FreeSpeechByIntent: 'by Friday I will have killed myself',
    FreeSpeechAsSoonAsIntent: 'as soon as he leaves I am going to kill myself',
    FreeSpeechTomorrowImIntent: "tomorrow I'm going to kill myself",
    FreeSpeechTheLastIntent: 'the last thing I want is to wake up tomorrow',
    FreeSpeechTheUrgeIntent: 'the urge to kill myself is so strong tonight',
    FreeSpeechTheOnlyIntent: 'the only way out is to kill myself',
    FreeSpeechThePillsIntent: 'the pills are ready and I am going to take them all tonight',
    FreeSpeechTheKidsIntent: 'the kids would be better off without me',
    FreeSpeechTheThoughtIntent: 'the thought of killing myself keeps coming back',
    FreeSpeechBareKeepIntent: 'keep thinking about killing myself',
    FreeSpeechBareLastIntent: 'last week I almost killed myself',
    FreeSpeechBareGotIntent: 'got enough pills saved to kill myself',
    FreeSpeechBareTookIntent: 'took all my sleeping pills an hour ago',
    FreeSpeechBareThinkingIntent: 'thinking about killing myself tonight',
    FreeSpeechBareGivingIntent: 'giving away my things because I want to die',
    FreeSpeechBareMadeIntent: 'made up my mind to kill myself on friday',
    FreeSpeechBareFoundIntent: 'found a way to kill myself',
    FreeSpeechBareDidIntent: 'did it again, I cut myself',
    FreeSpeechBareWentIntent: 'went to the bridge to kill myself',
    FreeSpeechBareSurvivedIntent: 'survived my attempt and I want to kill myself again',
    FreeSpeechBareStartedIntent: 'started cutting myself again',
    FreeSpeechBareStoppedIntent: 'stopped taking my meds so I can kill myself',
    FreeSpeechBareGaveIntent: 'gave my dog away because I am going to kill myself',
    FreeSpeechBarePaidIntent: 'paid off my debts so nobody is stuck after I kill myself',
    FreeSpeechBareCalledIntent: 'called everyone to say goodbye before I kill myself',
    FreeSpeechBareDecidedIntent: 'decided to kill myself on my birthday',
    FreeSpeechBareWroteIntent: 'wrote my suicide note last night',
    FreeSpeechBareTriedIntent: 'tried to kill myself last week and I want to try again',
    FreeSpeechBareWearingIntent: 'wearing long sleeves so nobody sees I cut myself',
  };

  it('has a spoken crisis phrase for every carrier intent', () => {
    expect(Object.keys(byCarrier).sort()).toEqual(FREE_SPEECH_CARRIERS.map((c) => c.intent).sort());
  });

  it.each(Object.entries(byCarrier))('%s: "%s" is answered with 988', async (intent, phrase) => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });
    let resolved = '';
    // biome-ignore lint/suspicious/useIterableCallbackReturn: virtual-alexa's request hook, not Array#filter.
    alexa.alexa.filter((request: { request?: { intent?: { name?: string } } }) => {
      resolved = request.request?.intent?.name ?? '';
    });
    await converse(alexa, ['open my check in']);

    // Act
    const [reply] = await converse(alexa, [phrase]);

    // Assess
    expect(resolved).toBe(intent);
    expect(reply?.ssml).toContain(DIGITS_988);
    expect(reply?.open).toBe(true);
  });

  it("I'm going to end it, said mid check-in, is answered with 988", async () => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });
    await converse(alexa, ['open my check in', 'I feel heavy']);

    // Act
    const [reply] = await converse(alexa, ["I'm going to end it"]);

    // Assess
    expect(reply?.ssml).toContain(DIGITS_988);
  });

  it.each([
    ['my husband hit me and he has a gun', '911', 'Domestic Violence Hotline'],
    ['I took all my pills an hour ago', '911', 'Poison Control'],
    ["my friend sent me a goodbye text and she won't answer", '911', 'worried about someone else'],
  ])('%j, said aloud, is answered with danger now, numbers digit by digit', async (phrase, first, line) => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });
    await converse(alexa, ['open my check in']);

    // Act
    const [reply] = await converse(alexa, [phrase]);

    // Assess
    expect(reply?.ssml).toContain(`<say-as interpret-as="digits">${first}</say-as>`);
    expect(reply?.speech).toContain(line);
    expect(reply?.ssml).toContain(DIGITS_988);
    expect(reply?.open).toBe(true);
  });

  it('"what\'s the point", said aloud, gets the grey-zone question; "no" carries on', async () => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });
    await converse(alexa, ['open my check in']);

    // Act
    const [asked, no] = await converse(alexa, ["honestly what's the point", 'no']);

    // Assess
    expect(asked?.speech).toMatch(/Are you thinking about suicide\?/);
    expect(asked?.ssml).toContain(DIGITS_988);
    expect(no?.speech).toMatch(/Thank you for telling me/);
  });

  it('keeps an everyday idiom an ordinary answer', async () => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill });
    await converse(alexa, ['open my check in']);

    // Act
    const [reply] = await converse(alexa, ["I'm dead tired"]);

    // Assess
    expect(reply?.ssml).not.toContain(DIGITS_988);
  });

  it('gives the local line in another English locale', async () => {
    // Prepare
    const alexa = createEmulator({ skill: h.skill }, 'en-AU');
    await converse(alexa, ['open my check in']);

    // Act
    const [reply] = await converse(alexa, ['I want to die']);

    // Assess
    expect(reply?.ssml).toContain('<say-as interpret-as="digits">13</say-as>');
    expect(reply?.speech).toMatch(/Lifeline/);
  });
});
