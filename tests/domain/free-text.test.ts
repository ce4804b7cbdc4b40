import { describe, expect, it } from 'vitest';
import { CHOICES, type ChoiceQuestion } from '../../flows/questions.js';
import { LANGS } from '../../src/domain/catalog.js';
import { buttonMeaning, buttonWord, optionWord, selfRequest, signalsCrisis, threatTopics } from '../../src/domain/free-text.js';
import { loadLocale } from '../../src/i18n/index.js';
import { mentionsPaidAgent } from '../../src/domain/scam.js';
import { readCrisis } from '../../src/domain/understanding/crisis.js';
import {
  CRISIS_EN,
  CRISIS_ZH,
  NOT_AGENT_EN,
  NOT_AGENT_ZH,
  NOT_CRISIS,
  PAID_AGENT_EN,
  PAID_AGENT_ZH,
  SELF_ASK_EN,
  SELF_ASK_ZH,
  THREATS,
  TYPED_BUTTONS,
} from './phrases.js';

describe('paid agents: a fee for a promise, or a service only agents sell', () => {
  it('has at least 40 phrases on each side in each language', () => {
    for (const table of [PAID_AGENT_ZH, PAID_AGENT_EN, NOT_AGENT_ZH, NOT_AGENT_EN]) expect(table.length).toBeGreaterThanOrEqual(40);
  });
  it.each(PAID_AGENT_ZH)('warns: %s', (text) => expect(mentionsPaidAgent(text)).toBe(true));
  it.each(PAID_AGENT_EN)('warns: %s', (text) => expect(mentionsPaidAgent(text)).toBe(true));
  it.each(NOT_AGENT_ZH)('does not warn: %s', (text) => expect(mentionsPaidAgent(text)).toBe(false));
  it.each(NOT_AGENT_EN)('does not warn: %s', (text) => expect(mentionsPaidAgent(text)).toBe(false));
});

describe('asking the lender oneself', () => {
  it.each([...SELF_ASK_ZH, ...SELF_ASK_EN])('reads a request in: %s', (text) => expect(selfRequest(text)).not.toBeNull());
  it('tells a freeze from a reduction', () => {
    expect(selfRequest('我想跟银行申请停息挂账')).toBe('stop_interest');
    expect(selfRequest('能不能减免罚息')).toBe('reduction');
    expect(selfRequest('Can I ask Alipay to waive the late fee?')).toBe('reduction');
    expect(selfRequest('我失业了')).toBeNull();
  });
});

describe('words of despair', () => {
  it.each([...CRISIS_ZH, ...CRISIS_EN])('hears: %s', (text) => expect(signalsCrisis(text)).toBe(true));
  it.each(NOT_CRISIS)('does not mistake: %s', (text) => expect(signalsCrisis(text)).toBe(false));
  it.each([...PAID_AGENT_ZH, ...NOT_AGENT_EN])('finds no despair in: %s', (text) => expect(signalsCrisis(text)).toBe(false));
});

describe('despair in kinds of meaning the word lists missed', () => {
  it.each([
    // An accident an insurer or employer would pay, thought of as the way to pay.
    '要是我骑车出个意外，保险赔的够不够把网贷清了',
    '从工地架子上摔下来算不算工伤啊，赔的钱能还债吗',
    'If I go, my husband would get the insurance payout',
    // Things put in order for those left: papers, passwords, a pet, a letter, apologies.
    '支付宝密码我写好留给我妹了',
    '名下的车都过户给我弟了',
    '狗以后就拜托你帮我养了',
    '我已经跟家里人都道过歉了',
    '给我妈的信压在枕头底下了',
    '我走了以后不想给他们添麻烦',
    "I've deleted all my socials",
    // Wanting to die in pinyin, Tagalog, Malay; a means named in English; a wish with a family member in between.
    'wo bu xiang huo le',
    'ayoko na mabuhay',
    'saya nak mati je',
    "my brother's rifle is in the closet and I keep looking at it",
    'what dose of paracetamol would be enough',
    'the scars on my wrists are getting worse',
    'I keep thinking about unaliving',
    '吞了一整瓶阿司匹林',
    '不想拖累儿子，想一走了之算了',
    '这日子只能上天了',
  ])('gives the crisis reply: %s', (text) => expect(readCrisis(text)?.level).toBe('crisis'));

  it('gives the crisis reply on the model alone where a line is far more like despair than any ordinary line it was tried on', () => {
    for (const text of ['药我都准备好了 今晚之后就不用再还了', 'the pills are lined up on my desk']) {
      expect(readCrisis(text)).toMatchObject({ level: 'crisis', rule: 'like the crisis lines' });
    }
    // Where hyperbole was taken out of the line, the model never goes beyond a gentle question.
    expect(readCrisis('累死了，真的不想上班了')?.level).not.toBe('crisis');
  });

  it.each(['还能撑几天啊', '每天这样到底图什么', '最近老是想一些不好的事情', 'why should I even bother', 'out of options now', '我也不知道还有没有下个月了', '如果本人去世，信用卡欠款家属要还吗'])(
    'asks gently whether the person is safe: %s',
    (text) => expect(readCrisis(text)?.level).toBe('check'),
  );

  it.each([
    '人死了债务要家属还吗？我舅舅上个月走了',
    '以贷养贷就是死路一条',
    '猫你帮我喂两天，我出差',
    '上天保佑这次能批下来',
    '银行卡密码写在哪里安全',
    '密码忘了，怎么找回',
    '我爸前年走了，他的信用卡要我还吗',
    '要死要死 忘记还款日了',
    '排队两小时 无聊到想死',
    '京东金条的客服是要把我绕死吗',
    'the interest damn jialat, I die already sia',
    'the bridge loan is due',
    'app崩了',
  ])('reads nothing of despair in: %s', (text) => expect(readCrisis(text)).toBeNull());
});

describe('paid agents beside a person doing it themselves', () => {
  it.each([
    '有人说能把我花呗逾期记录从征信上删掉，收费六千',
    '他说成了再给钱，不成不要钱',
    '先免费评估，评估完再收服务费',
    '花了八百块请人帮我跟银行谈',
    '中介说他们办停息比我自己申请成功率高',
    '那个协商课程教你自己去谈，要交1980',
    '他们自称是银行外包的协商部门，服务费转到个人账户',
    '说是交给银行的手续费，让我先转给他们',
    '我在考虑找个中介替我谈',
    'A company says they can settle my card for 30% and their fee is 15% of what they save',
  ])('warns: %s', (text) => expect(mentionsPaidAgent(text)).toBe(true));

  it.each([
    '网上都说找代理才能停息，我不信，我想自己试试',
    '我需要找中介吗？还是自己跟银行谈就可以',
    '中介都说要收费，我不想交，能不能教我自己跟招行谈',
    '我是不是必须请律师？自己谈行不行',
    '今天跟招行客服谈了 对方说可以停息',
    '有人说银行可以停息挂账，但是要收手续费，是真的吗',
    '招行说个性化分期要收服务费，这是银行自己的吗',
    '我想找个律师免费咨询一下停息挂账怎么申请',
    '京东金条的客服凌晨有人接吗？想申请延期',
    'Should I pay a debt relief agency or try calling the bank first? I would rather not pay anyone.',
    'Do I need a lawyer or a debt agent to get a payment plan from my card issuer?',
    "My lender's collections agent offered to waive late fees if I pay by Friday",
    'the bank charges a one-time handling fee of 3%, can I negotiate that down?',
  ])('does not warn a person asking the lender: %s', (text) => expect(mentionsPaidAgent(text)).toBe(false));
});

describe('threats and lawsuits', () => {
  it.each(THREATS)('%s → %s', (text, topic) => expect(threatTopics(text)[0]).toBe(topic));
  it.each([
    ['催收拉我进了一个群，里面全是我同学', 'collectors'],
    ['楼下墙上贴着我的名字和欠款', 'collectors'],
    ['他们说明天到我单位门口等我下班', 'collectors'],
    ['说知道我女儿在哪个学校读书', 'collectors'],
    ['一天四五十个电话', 'collectors'],
    ['有人自称是公安局的，说我涉嫌犯罪', 'collectors'],
    ['被法院限高了，高铁票都买不了', 'letters'],
    ['HR got a garnishment order for my wages', 'letters'],
    ['被催收威胁了，我能报警吗', 'complaints'],
    ['where can I report a collector who insulted my mum', 'complaints'],
  ])('by what they did: %s → %s', (text, topic) => expect(threatTopics(text)[0]).toBe(topic));
  it.each([
    '上传身份证正反面好麻烦',
    '店里一天一个客人都没有',
    '自称律师的人说能帮我停息，收三千',
    '刚被拉进一个上岸互助群',
    '不知道怎么跟老婆说',
    '以后花钱要小心一点',
    '每天工作十二个小时',
    '公司补贴取消了，还欠着花呗',
    '银行那边说让我抓紧还',
    '早上八点收到银行的扣款短信',
    'The bank called me a week ago',
  ])('not a collector\'s doing: %s', (text) => expect(threatTopics(text)).toEqual([]));

  it('a collector\'s threat to report the person is theirs, not the person asking where to complain', () => {
    expect(threatTopics('催收威胁我说要去单位举报我')[0]).toBe('collectors');
  });
  it('finds nothing in an ordinary answer', () => {
    for (const text of ['5500', '我失业了', 'I lost my job', '45天']) expect(threatTopics(text)).toEqual([]);
  });
});

describe('button labels typed as text', () => {
  it.each(TYPED_BUTTONS)('%s → %s', (text, word) => expect(buttonWord(text)).toBe(word));
  it('leaves answers alone', () => {
    for (const text of ['5500', '下一步怎么办呢我真的不知道该做什么了', '跳过这个月的还款会怎样', 'back pain', '45天']) {
      expect(buttonWord(text)).toBeNull();
    }
  });
});

describe('a button said in other words', () => {
  it.each([
    ['好 没问题', 'agree'],
    ['嗯 就这么办吧', 'agree'],
    ['不要了 谢谢', 'decline'],
    ['嗯 不要了', 'decline'],
    ['已经弄好了', 'done'],
    ['回主页吧', 'hub'],
    ['take me to the main menu', 'hub'],
    ['往下吧', 'next'],
    ['我选错了 上一步', 'back'],
    ['prefer not to say', 'skip'],
    ['it is today', 'today'],
    ['那个 不要了', 'decline'],
    ['好的，没问题！', 'agree'],
    ['take me back to the checklist.', 'hub'],
  ])('%s → %s', (text, word) => expect(buttonMeaning(text)).toBe(word));

  it.each(['可以跳过吗', '今天打完了', '算了吧', '算了 就这样吧', '银行', '回去再说', 'I agree it was my fault'])('"%s" says more than a button', (text) => {
    expect(buttonMeaning(text)).toBeNull();
  });

  it('is not the label typed: "同意了" stays an outcome and "没问题" a note where those are asked', () => {
    expect(buttonWord('同意了')).toBeNull();
    expect(buttonWord('没问题')).toBeNull();
    expect(buttonMeaning('没问题')).toBe('agree');
  });
});

describe('option labels typed as text', () => {
  const labelKey: Record<string, (v: string) => string> = {
    product: (v) => `domain.product.${v}.name`,
    bank: (v) => `domain.bank.${v}`,
    cause: (v) => `domain.cause.${v}`,
    channel: (v) => `contact.channel.${v}`,
    outcome: (v) => `contact.outcome.${v}`,
  };
  const lookup = (tree: Record<string, unknown>, key: string): string =>
    key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], tree) as string;

  it.each(Object.keys(labelKey))('%s: every button label, in both languages, names its own option', (q) => {
    const options = CHOICES[q as ChoiceQuestion].options as readonly string[];
    for (const lang of LANGS) {
      const tree = loadLocale(lang);
      for (const option of options) {
        const label = lookup(tree, labelKey[q]!(option));
        expect(optionWord(q, label), `${lang} ${label}`).toBe(option);
      }
    }
  });

  it('knows everyday names too, and nothing else', () => {
    expect(optionWord('product', '支付宝花呗')).toBeNull();
    expect(optionWord('product', '月付')).toBe('meituan_yuefu');
    expect(optionWord('bank', '招行')).toBe('cmb');
    expect(optionWord('cause', 'lost my job')).toBe('job_loss');
    expect(optionWord('outcome', '没打通')).toBe('not_reached');
    expect(optionWord('cause', '5500')).toBeNull();
  });
});
