import { describe, expect, it } from 'vitest';
import { readAgent } from '../../src/domain/understanding/agents.js';

/** A paid agent read by who is paid and who does the work, not by the words an own request shares with it. */
describe('a paid agent, in words no test had', () => {
  it.each([
    '有个自称理财规划师的说买他们的会员服务包就能把罚息谈掉',
    '那位说有停催通道，付了钱银行就不会再打，收费九百八',
    'A consultant says for a 3% handling fee she can restructure all my cards',
    '他们说你自己去谈肯定被拒，交3000给他们才行',
    'the agent wants 35% of the written-off amount',
    '有人说能帮我起诉银行乱收费，要回来的钱五五分',
  ])('warned: %s', (text) => {
    expect(readAgent(text)).not.toBeNull();
  });

  it.each([
    '我不想交那个律师费了，打算自己打电话给银行协商分期',
    '银行的客户经理说分期要收手续费，能不能少收点',
    'The bank quoted a processing fee of 1.5% for the instalment plan, is that normal?',
    '银行的协商专员说可以分24期，但要收一笔手续费，合理吗',
  ])('a person asking the lender themselves, not warned: %s', (text) => {
    expect(readAgent(text)).toBeNull();
  });
});
