export { createRandom } from '@gridgov/shared';

// Deterministic Chinese names and obviously fake phone numbers for the demo town.
const SURNAMES = '梁陈李黄林张吴何钟邓杨罗庞揭莫刘谢周叶冯蔡潘曾彭龙'.split('');
const GIVEN = '志明伟芳建华秀英国强丽娟海燕春梅文杰小红德胜家豪玉兰振东思远桂香宏亮雪琴永康佩珊'.split('');

export function pickName(random: () => number): string {
  const pick = (chars: string[]) => chars[Math.floor(random() * chars.length)] ?? chars[0]!;
  return random() < 0.5 ? pick(SURNAMES) + pick(GIVEN) : pick(SURNAMES) + pick(GIVEN) + pick(GIVEN);
}

/**
 * 138-0000-NNNN: the "0000" block is never issued to subscribers by convention, which makes the
 * numbers obviously fake while still passing a mobile-number format check.
 */
export function fakePhone(n: number): string {
  return `1380000${String(n).padStart(4, '0')}`;
}
