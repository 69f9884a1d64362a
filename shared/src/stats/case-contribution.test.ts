import { describe, expect, it } from 'vitest';
import { contributeCase, isClosedOnTime } from './case-contribution';

const DEADLINE = new Date('2026-03-10T09:00:00.000Z');
const at = (ms: number) => new Date(DEADLINE.getTime() + ms);

describe('isClosedOnTime', () => {
  it('when the last feedback came exactly at the deadline instant, then the case closed on time', () => {
    expect(isClosedOnTime({ handledAt: at(0), deadline: DEADLINE })).toBe(true);
  });

  it('when it came 1 ms before the deadline, then on time; 1 ms after, then late', () => {
    expect(isClosedOnTime({ handledAt: at(-1), deadline: DEADLINE })).toBe(true);
    expect(isClosedOnTime({ handledAt: at(1), deadline: DEADLINE })).toBe(false);
  });

  it('when the case has no deadline, then it is on time; with a deadline but no feedback, then not', () => {
    expect(isClosedOnTime({ handledAt: null, deadline: null })).toBe(true);
    expect(isClosedOnTime({ handledAt: null, deadline: DEADLINE })).toBe(false);
  });

  it('when a case is closed with its feedback at the deadline instant, then the closing day counts it on time', () => {
    const days = contributeCase({
      status: 'closed',
      reportedAt: new Date('2026-03-09T01:00:00.000Z'),
      acceptedAt: new Date('2026-03-09T02:00:00.000Z'),
      handledAt: at(0),
      closedAt: at(3_600_000),
      deadline: DEADLINE,
      reworkCount: 0,
      escalatedAt: null,
      handlingMs: null,
    });
    // 2026-03-10 09:00 and 10:00 UTC are 17:00 and 18:00 in Beijing, the same local day.
    expect(days.get('2026-03-10')).toMatchObject({ closed: 1, closedOnTime: 1, dueToClose: 1, dueClosed: 1 });
  });
});
