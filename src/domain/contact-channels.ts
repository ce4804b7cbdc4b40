import type { ProductId } from './catalog.js';

/**
 * Where a person reaches a human for each product (FACTS §2, §3, §8.4): the Alipay app and 95188 for 花呗/借呗,
 * WeChat and 95384 for 微粒贷 (it has no app of its own), the 京东金融 app, the 美团 app, the card's bank.
 */
export const CONTACT_CHANNELS = ['alipay', 'wechat', 'jd', 'meituan', 'bank', 'other'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

const BY_PRODUCT: Record<ProductId, ContactChannel> = {
  huabei: 'alipay',
  jiebei: 'alipay',
  weilidai: 'wechat',
  jd_jintiao: 'jd',
  jd_baitiao: 'jd',
  meituan_yuefu: 'meituan',
  credit_card: 'bank',
  other: 'other',
};

export const contactChannelOf = (product: ProductId): ContactChannel => BY_PRODUCT[product];
