/**
 * The other-languages layer by meaning (src/core/crisis/languages.ts, data/other-languages.json):
 * each family of meaning heard in each of the ten languages, and each language's everyday
 * idioms for the same words let through. Every sentence here was written for this file, not
 * taken from the corpus, so a pass says the lists hear the meaning, not a line they were
 * written from.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assess } from '../../../src/core/crisis/gate.ts';
import { foldForLanguages, matchLanguages } from '../../../src/core/crisis/languages.ts';
import { fold } from '../../../src/core/crisis/normalize.ts';

const heard = (text: string) => matchLanguages(text, fold(text));
const concerns = (text: string) => heard(text).map((s) => s.concern);

/** Per language: a message for each meaning, and everyday messages that share its words. */
const LANGUAGES: Record<string, { meanings: Record<string, string>; everyday: string[] }> = {
  zh: {
    meanings: {
      'not wanting to live': '说真的我已经不想活下去了',
      'no reason to live': '我真的找不到活着的理由了',
      'better off without me': '要是没有我，家里人会轻松很多',
      burden: '我觉得我就是家里的负担',
      'not waking up': '好希望一觉不醒',
      'never born': '要是我没出生就好了',
      goodbye: '对不起大家，下辈子再见',
      'self-harm': '我又开始伤害自己了',
      'saved means': '我偷偷攒了很多安眠药',
      jumping: '我好想从桥上跳下去',
      'ending it': '今晚就想结束这一切',
    },
    everyday: [
      '好久没见了，想死你们了',
      '今天热死了，不想出门',
      '羞得想消失，竟然在大家面前摔倒',
      '他是我活下去的理由',
    ],
  },
  tl: {
    meanings: {
      'wanting to die': 'parang gusto ko na lang magpakamatay',
      'not wanting to live': 'sawa na ako sa buhay ko na to, ayoko na mabuhay',
      'no point living': 'para saan pa ang buhay ko',
      'better off without me': 'mas masaya siguro sila kung wala na ako',
      burden: 'pabigat lang ako sa kanila',
      'not waking up': 'sana hindi na ako magising mamaya',
      goodbye: 'paalam, mahal na mahal ko kayo',
      'self-harm': 'sinugatan ko na naman ang braso ko',
      'saved means': 'iniipon ko yung mga gamot ko',
      jumping: 'gusto ko na lang tumalon sa building',
    },
    everyday: [
      'patay na patay ako sa bagong kanta nila',
      'nakakamatay sa init ngayon',
      'tapusin lahat ng labada bago umalis',
    ],
  },
  vi: {
    meanings: {
      'wanting to die': 'mình chỉ muốn chết quách cho xong',
      'thinking of suicide': 'dạo này tôi hay nghĩ tới tự tử',
      'no point living': 'sống để làm gì khi chẳng còn ai',
      'better off without me': 'không có em chắc mọi người vui hơn',
      burden: 'con chỉ là gánh nặng của gia đình',
      'not waking up': 'ước gì tối nay ngủ rồi không bao giờ thức dậy',
      'never born': 'giá mà tôi chưa từng được sinh ra',
      'self-harm': 'em lại rạch cổ tay rồi',
      'saved means': 'em đã để dành thuốc ngủ lâu rồi',
      'ending it': 'tôi muốn chấm dứt cuộc đời mình',
      'unaccented, as typed without a Vietnamese keyboard': 'toi khong muon song nua',
    },
    everyday: [
      'từ từ rồi tính, đừng lo',
      'mệt muốn chết luôn á',
      'nóng chết đi được',
      'tôi không muốn sống ở chung cư nữa',
    ],
  },
  ar: {
    meanings: {
      'wanting to die': 'والله نفسي اموت وارتاح',
      'thinking of suicide': 'صرت افكر انتحر',
      'no reason to live': 'ما في سبب يخليني اعيش',
      'better off without me': 'لو مت الكل رح يرتاح',
      burden: 'حاسس اني عبء على الكل',
      'not waking up': 'اتمنى انام وما اصحى ابدا',
      'self-harm': 'رجعت اذيت حالي اليوم',
      'saved means': 'خبيت حبوب منومة بالخزانة',
      jumping: 'بدي ارمي نفسي من الجسر',
      'god take me': 'يا رب خذني عندك',
      arabizi: 'ana 3ayza amoot w khalas',
    },
    everyday: ['رح موت من الضحك 😂', 'ميت من الجوع', 'بموت فيك يا حبيبي', 'بدي اختفي من الخجل'],
  },
  fr: {
    meanings: {
      'wanting to die': "j'ai juste envie de disparaître pour toujours",
      'no reason to live': 'je ne vois plus aucune raison de vivre',
      'better off without me': 'ma famille serait bien mieux sans moi',
      burden: 'je me sens comme un poids pour tout le monde',
      'not waking up': "j'aimerais fermer les yeux et ne plus jamais me réveiller",
      'never born': "j'aurais voulu ne jamais naître",
      goodbye: 'pardon maman, je vous aime',
      'self-harm': 'je me suis fait du mal encore une fois',
      'saved means': "j'ai planqué des cachets dans mon tiroir",
      jumping: "j'ai envie de me jeter du pont",
      'ending it': 'ce soir je vais en finir',
    },
    everyday: [
      'je meurs de faim, on commande ?',
      'je me suis coupée les cheveux hier',
      'je vais en finir avec cette lessive',
      'mort de rire 😂',
    ],
  },
  ht: {
    meanings: {
      'wanting to die': 'mwen jis vle mouri, mwen pa ka ankò',
      'not wanting to live': 'mwen pa gen fòs pou m viv ankò',
      'better off without me': 'fanmi m ta pi byen san mwen',
      burden: 'mwen se yon fado pou tout moun',
      'not waking up': 'mwen ta renmen pa janm leve ankò',
      'never born': 'mwen swete m pa t janm fèt',
      goodbye: 'padon, m renmen nou, pa chèche m',
      'self-harm': 'mwen koupe bra m ankò',
      'saved means': 'm kache medikaman yo pou m itilize yo',
      jumping: 'm panse voye tèt mwen sou pon an',
    },
    everyday: ['m ap mouri grangou', 'travay la ap touye m', 'orevwa tout moun n a wè demen'],
  },
  ko: {
    meanings: {
      'wanting to die': '그냥 없어지고 싶어',
      'no reason to live': '살아갈 이유가 하나도 없어',
      'no point living': '살아봤자 뭐해',
      'better off without me': '내가 사라지면 다들 편할 거야',
      burden: '나 같은 건 부모님한테 짐만 돼',
      'not waking up': '영원히 잠들고 싶다',
      goodbye: '미안해 사랑해 안녕',
      'self-harm': '커터칼로 또 손목을 그었어',
      'saved means': '수면제를 조금씩 모아뒀어',
      'at the edge': '지금 다리 난간에 서 있어',
    },
    everyday: ['졸려 죽겠다', '창피해서 사라지고 싶어', '숙제 다 끝내고 놀자', '보고 싶어 죽겠어'],
  },
  ru: {
    meanings: {
      'wanting to die': 'мечтаю уснуть и не проснуться',
      'thinking of suicide': 'всё чаще думаю о самоубийстве',
      'no point living': 'жить дальше нет никакого смысла',
      'better off without me': 'если меня не станет, всем будет легче',
      burden: 'я всем только в тягость',
      'never born': 'лучше бы я вообще не родилась',
      goodbye: 'простите меня все, не ищите',
      'self-harm': 'снова режу себя по ночам',
      'saved means': 'я давно припрятала снотворное',
      jumping: 'хочу шагнуть с крыши',
      'ending it': 'хочу покончить со всем этой ночью',
    },
    everyday: [
      'умираю со смеху',
      'не хочу жить с соседями',
      'сегодня всё закончу и приеду',
      'жара меня убивает',
    ],
  },
  pt: {
    meanings: {
      'wanting to die': 'só queria sumir pra sempre',
      'no will to live': 'perdi a vontade de viver',
      'no reason to live': 'não vejo nenhum sentido em viver',
      'better off without me': 'se eu sumisse ninguém ia sentir falta',
      burden: 'me sinto um peso pra todo mundo',
      goodbye: 'adeus, obrigado por tudo',
      'self-harm': 'me cortei nos braços de novo',
      'saved means': 'tô escondendo comprimidos no armário',
      jumping: 'penso em me jogar do viaduto',
      'ending it': 'não aguento mais, vou dar um fim nisso',
    },
    everyday: [
      'morrendo de rir kkkk',
      'vou me matar de trabalhar esse mês',
      'me cortei fazendo a barba',
      'vou embora de vez pra Lisboa',
    ],
  },
  hi: {
    meanings: {
      'wanting to die': 'mujhe mar jaana hai bas',
      'not wanting to live': 'ab aur jeena nahi chahta',
      'tired of life': 'zindagi se thak chuki hoon',
      'better off without me': 'mere bina sab behtar rahenge',
      burden: 'main family pe bojh hoon',
      'not waking up': 'काश मैं सो जाऊं और कभी न जागूं',
      'never born': 'kaash main paida hi na hota',
      goodbye: 'maaf kar dena sabko, alvida',
      'self-harm': 'maine khud ko phir se cut kiya',
      'saved means': 'goliyan chhupa ke rakhi hain maine',
      'ending it': 'aaj raat sab khatam kar dungi',
    },
    everyday: ['garmi se mar gaye yaar', 'khud ko cut off kar liya social media se', 'bhook se mar raha hu'],
  },
};

describe('other languages, by meaning', () => {
  for (const [lang, { meanings, everyday }] of Object.entries(LANGUAGES)) {
    describe(lang, () => {
      it.each(Object.entries(meanings))('hears %s', (_meaning, text) => {
        expect(concerns(text), text).toContain('self');
        // The whole gate gives the resources; the classifier's danger head may call saved
        // pills an overdose ("em đã để dành thuốc ngủ"), and then 911 comes first.
        expect(assess(text)?.reply, text).toMatch(/^(crisis|danger)$/);
      });

      it.each(everyday)('lets the everyday "%s" through', (text) => {
        expect(heard(text), text).toEqual([]);
      });
    });
  }
});

/**
 * Lines written by the engineers for the layer, in the corpus's format (other-language-lines.jsonl):
 * typical messages of each meaning and the everyday talk around them, kept beside the tests and
 * not in data/crisis-corpus/train. Trained on, they moved the classifier's thresholds: its
 * cross-validated recall fell in 12 kinds (other-danger 82.4% -> 78.0%, spanish 84.5% -> 82.4%),
 * so they guard this layer only.
 */
const LINES = readFileSync(join(import.meta.dirname, 'other-language-lines.jsonl'), 'utf8')
  .split('\n')
  .filter((raw) => raw.trim() !== '')
  .map((raw) => JSON.parse(raw) as { text: string; expect: 'crisis' | 'danger' | 'none'; lang: string });

describe("the engineers' lines", () => {
  it('are heard when they speak of risk, an overdose as danger now', () => {
    for (const line of LINES.filter((l) => l.expect !== 'none')) {
      expect(concerns(line.text), line.text).toContain(line.expect === 'danger' ? 'overdose' : 'self');
    }
  });

  it('are let through when they are everyday talk', () => {
    for (const line of LINES.filter((l) => l.expect === 'none'))
      expect(heard(line.text), line.text).toEqual([]);
  });
});

describe('an overdose already taken, in each language', () => {
  it.each([
    ['zh', '我刚吞了一整瓶药'],
    ['tl', 'nilunok ko ang isang banig na gamot'],
    ['vi', 'em vừa nuốt một nắm thuốc ngủ'],
    ['ar', 'بلعت شريط كامل من الحبوب'],
    ['fr', "j'ai avalé une boîte entière de somnifères"],
    ['ht', 'm vale yon bwat grenn'],
    ['ko', '방금 진통제를 한꺼번에 다 먹었어'],
    ['ru', 'наглоталась снотворного, целую пачку'],
    ['pt', 'engoli uma caixa inteira de calmante'],
    ['hi', 'maine neend ki bees goliyan kha li'],
  ])('%s: "%s" gives the danger-now reply', (_lang, text) => {
    expect(concerns(text), text).toContain('overdose');
    expect(assess(text)?.reply, text).toBe('danger');
  });

  it('does not read medicine taken as prescribed as an overdose', () => {
    for (const text of [
      '医生开的药我都按时吃了',
      'tomei meus remédios certinho hoje',
      'doctor ki dawai time pe le li',
    ]) {
      expect(concerns(text), text).not.toContain('overdose');
    }
  });
});

describe('veiled plans ask the question', () => {
  it.each([
    ['fr', "c'est décidé, j'ai un plan pour samedi"],
    ['pt', 'já decidi, vai ser no domingo'],
    ['ko', '날짜 정했어 주말에 하려고'],
  ])(
    '%s: "%s" is a weak signal: at least the grey-zone question, the full reply with another layer',
    (_lang, text) => {
      expect(heard(text).map((s) => s.strength)).toEqual(['weak']);
      expect(['grey', 'crisis']).toContain(assess(text)?.reply);
    },
  );
});

describe('folding for the other languages', () => {
  it('makes spellings people use interchangeably one', () => {
    expect(foldForLanguages('Đi')).toBe(' di ');
    expect(foldForLanguages('всё')).toBe(' все ');
    expect(foldForLanguages('أريد إنهاء حياتي')).toBe(foldForLanguages('اريد انهاء حياتي'));
    expect(foldForLanguages('مأساة')).toBe(' ماساه ');
    expect(foldForLanguages('ज़िंदगी हूँ')).toBe(foldForLanguages('जिंदगी हूं'));
  });

  it('keeps Vietnamese "từ từ" (slowly) apart from "tự tử" (suicide) when the tones are written', () => {
    expect(heard('mình sẽ từ từ tìm việc khác')).toEqual([]);
    expect(heard('mình sẽ tự tử')).not.toEqual([]);
    // Without the tones the two are the same letters: read as the crisis word.
    expect(heard('minh se tu tu')).not.toEqual([]);
  });

  it('lets an idiom that ends in a word end there: "жить с" is not the start of "жить совсем"', () => {
    expect(heard('не хочу жить с родителями')).toEqual([]);
    expect(heard('жить совсем не хочется')).not.toEqual([]);
  });
});

describe('another language adds signals and never removes one', () => {
  it('still gives the resources when an English crisis line carries other-language words', () => {
    const reply = assess('je suis fatigué, honestly I want to kill myself');
    expect(reply?.reply).toBe('crisis');
  });
});
