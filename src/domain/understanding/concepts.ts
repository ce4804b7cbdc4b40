import type { Forms } from './classifier.js';

/**
 * Kinds of meaning the despair model weighs beside its n-grams: the warning signs crisis lines teach volunteers to
 * hear (a means or a high place, a goodbye, feeling a burden or trapped, giving things away, being alone at night),
 * each as a small lexicon of the words people use for it. The model learns what each kind adds from the corpus, so a
 * word it never saw in training still counts when it belongs to a kind it did ("overpass" is a high place as
 * "天台" is). Only what the despair readings left of a text is read (hyperbole and others' deaths taken out).
 */
interface Concept {
  name: string;
  zh: RegExp;
  en: RegExp;
  /**
   * A sign that ordinary talk in this trade says all the time ("I live on the 20th floor", "每天骑车过大桥"): it counts
   * only beside a sign that is not.
   */
  context?: true;
}

const DESPAIR: readonly Concept[] = [
  {
    name: 'height',
    context: true,
    zh: /楼顶|天台|顶楼|高楼|楼(好|很|这么|真)高|阳台|窗台|窗边|桥上|桥边|大桥|天桥|高架|悬崖|崖边|([二三四五六七八九]?十[一二三四五六七八九]?|\d{2,}|几十)(层|楼)|往下(看|望|跳)|下面(好|很)?(远|高)/,
    en: /\b(overpass|bridge(?! loan| financ)|roof|rooftop|ledge|balcony|cliff|tower|top floor|edge|\d+(th|st|nd|rd)? floor|looking down|way down|high up)\b/,
  },
  { name: 'water', zh: /河边|江边|海边|湖边|水库|河里|江里|海里|湖里|水(好|很|真)?(深|冷|黑)/, en: /\b(river|sea|ocean|lake|canal|reservoir|pier|water is (cold|deep|dark)|into the water)\b/ },
  { name: 'rail', zh: /铁轨|轨道|火车|站台|月台|地铁|铁路/, en: /\b(tracks|train|platform|railway|rails)\b/ },
  { name: 'pills', zh: /安眠|一整?(板|瓶|盒)(药|片)?|(攒|囤|存)(了)?.{0,3}药|药.{0,4}(攒|囤|够了|全吃|吃完|都吃|准备好|备好|买好)/, en: /\b(sleeping pills|pills|overdose|a bottle of|a handful of)\b/ },
  { name: 'tool', zh: /刀|绳|炭|煤气|燃气|农药|胶带/, en: /\b(knife|blade|razor|rope|noose|charcoal|gas|exhaust|bleach|poison|gun)\b/ },
  { name: 'farewell', zh: /再见|拜拜|永别|勿念|别找|告别|别等|走了|保重|照顾好|珍重|最后一/, en: /\b(bye|goodbye|farewell|so long|take care of|look after|last (message|time|text)|one last)\b/ },
  { name: 'apology', zh: /对不起|别怪我|原谅我|不孝|辜负|愧对|抱歉/, en: /\b(sorry|forgive me|let (them|you|everyone) down|failed (them|you|my))\b/ },
  { name: 'burden', zh: /拖累|累赘|负担|连累|害了|没用的人|废物|没用/, en: /\b(burden|dragging (them|everyone)|better off|useless|worthless|waste of space)\b/ },
  { name: 'finality', zh: /结束|到头|尽头|到此|终点|没有?以后|就这样吧|算了吧|不用再|再也不/, en: /\b(the end|it is over|all over|finished|done|no more|never again|one way|final)\b/ },
  { name: 'trapped', zh: /没(有)?希望|没(有)?出路|绝望|没救|无望|看不到|爬不出|出不去|翻不了身|翻身|无解|死局|没路|无路|没法活|没辙/, en: /\b(hopeless|no way out|trapped|climb out|too deep|no future|no hope|pointless|no point|nothing left|out of options)\b/ },
  { name: 'exhausted', zh: /好累|太累|累了|很累|撑不住|受够|熬不住|扛不住|顶不住|心累|疲惫|喘不过|压得|透不过/, en: /\b(tired|exhausted|cope|coping|had enough|worn out|so done|drained|can not breathe|crushing)\b/ },
  { name: 'alone', zh: /孤独|孤零零|一个人(扛|撑|过|住|在|待)|没(有)?人(在乎|关心|理|管|懂)/, en: /\b(alone|lonely|by myself|nobody (cares|would care|understands))\b/ },
  { name: 'sleep', zh: /睡着|醒来|不醒|醒不|睡过去|闭上眼/, en: /\b(sleep|wake|asleep)\b/ },
  { name: 'life', zh: /活|命|生命|人生|这辈子|世界|人间/, en: /\b(life|alive|living|live|exist|world)\b/ },
  { name: 'leaving', zh: /死|亡|离开|消失|不在/, en: /\b(die|dead|death|dying|gone|disappear|vanish)\b/ },
  { name: 'family', zh: /爸|妈|孩子|老婆|老公|女儿|儿子|家人|父母|娃|宝宝|猫|狗/, en: /\b(mom|mum|dad|kids?|children|wife|husband|daughter|son|family|parents|cat|dog)\b/ },
  { name: 'handing-on', zh: /送人|托付|留给|安排好|后事|受益人/, en: /\b(give away|gave away|giving away|beneficiary|affairs in order)\b/ },
  { name: 'night', zh: /凌晨|半夜|深夜|睡不着|失眠|今晚|夜里/, en: /\b(tonight|night|[1-5]am|insomnia)\b/ },
];

const HAN = /[\u3400-\u9fff]/;

/** The kinds of despair's warning signs a text's forms name, in the lexicon's order; signs of context only beside another. */
export function despairConcepts({ dense, en }: Forms): string[] {
  const zh = HAN.test(dense);
  const english = /[a-z]/.test(en);
  const found = DESPAIR.filter((c) => (zh && c.zh.test(dense)) || (english && c.en.test(en)));
  return found.some((c) => !c.context) ? found.map((c) => c.name) : [];
}
