import { buildDefaultCalendar, chinaDayOf, createRandom } from '@gridgov/shared';
import { describe, expect, it } from 'vitest';
import { planReportTimes, resolveHistoryEnd } from './demo-timeline';

const calendar = buildDefaultCalendar();
const plan = (end: Date, total = 600) => planReportTimes({ total, end, calendar, random: createRandom(7) });

describe('demo report times', () => {
  it('when DEMO_ANCHOR is set, then the history ends at 16:00 China time that day; unset, at the seeding moment', () => {
    expect(resolveHistoryEnd('2026-12-07', new Date()).toISOString()).toBe('2026-12-07T08:00:00.000Z');
    const now = new Date('2027-03-01T01:02:03Z');
    expect(resolveHistoryEnd(undefined, now)).toBe(now);
  });

  it.each([
    ['a working afternoon', '2026-12-07T16:00:00+08:00'],
    ['just after midnight', '2027-02-03T00:05:00+08:00'],
    ['a Sunday morning', '2028-01-09T09:30:00+08:00'],
  ])(
    'when the history ends on %s, then nothing lies after the end, two reports fall today and one yesterday',
    (_, at) => {
      const end = new Date(at);
      const times = plan(end);
      expect(times).toHaveLength(600);
      expect(times).toEqual([...times].sort((a, b) => a - b));
      expect(Math.max(...times)).toBeLessThan(end.getTime());
      expect(Math.min(...times)).toBeGreaterThan(end.getTime() - 731 * 86_400_000);
      const day = chinaDayOf(end);
      const dayOf = (t: number) => chinaDayOf(new Date(t));
      expect(times.filter((t) => dayOf(t) === day).length).toBeGreaterThanOrEqual(2);
    },
  );

  it('when the holiday calendar says 国庆 is off and a 调休 Saturday is worked, then reports follow it', () => {
    // 2026-10-01…07 off (National Day, Monday 5th to Wednesday 7th among them), 2026-10-10 a worked Saturday.
    const times = planReportTimes({
      total: 20_000,
      end: new Date('2026-12-07T16:00:00+08:00'),
      calendar,
      random: createRandom(11),
    });
    const on = (day: string) => times.filter((t) => chinaDayOf(new Date(t)) === day).length;
    const holiday = ['2026-10-05', '2026-10-06', '2026-10-07'].map(on).reduce((a, b) => a + b, 0);
    const workdays = ['2026-10-12', '2026-10-13', '2026-10-14'].map(on).reduce((a, b) => a + b, 0);
    expect(holiday).toBeLessThan(workdays * 0.7);
    // The worked Saturday brings more reports than an ordinary Saturday a week later.
    expect(on('2026-10-10')).toBeGreaterThan(on('2026-10-17'));
  });
});
