import { describe, expect, it } from 'vitest';
import { atLocal, HOUR_MS } from '../calendar/calendar.fixture';
import { chinaDayOf } from '../calendar/china-day';
import { buildDefaultCalendar } from '../calendar/cn-holidays';
import {
  type CaseStatFacts,
  contributeCase,
  createHandlingClock,
  type DailyCounts,
  diffContributions,
  emptyDailyCounts,
  measureHandlingMs,
} from './case-contribution';
import {
  addFigureCounts,
  computeFigures,
  emptyFigureCounts,
  type FigureCounts,
  HANDLING_BUCKETS,
  handlingBucketOf,
  medianFromHistogram,
  summarizeHandlingTimes,
} from './figures';

const calendar = buildDefaultCalendar();

function facts(overrides: Partial<CaseStatFacts>): CaseStatFacts {
  return {
    status: 'reported',
    reportedAt: atLocal('2026-03-02T09:00'),
    acceptedAt: null,
    handledAt: null,
    closedAt: null,
    deadline: null,
    reworkCount: 0,
    escalatedAt: null,
    handlingMs: null,
    ...overrides,
  };
}

/** Sums hand-made cases over the whole history into counters, plus open/overdue as given. */
function tally(cases: CaseStatFacts[], now: { open: number; overdue: number }): FigureCounts {
  let counts = { ...emptyFigureCounts(), ...now };
  for (const c of cases) {
    for (const day of contributeCase(c).values())
      counts = addFigureCounts(counts, { ...day, open: 0, overdue: 0 });
  }
  return counts;
}

describe('computeFigures', () => {
  it('when nothing happened, then every count is 0 and every rate and time is null', () => {
    expect(computeFigures(emptyFigureCounts())).toEqual({
      received: 0,
      accepted: 0,
      closed: 0,
      closedOnTime: 0,
      open: 0,
      overdue: 0,
      dueToClose: 0,
      dueClosed: 0,
      closeRate: null,
      onTimeRate: null,
      avgHandlingHours: null,
      medianHandlingHours: null,
      reworked: 0,
      reworkRate: null,
      escalated: 0,
      satisfactionRate: null,
    });
  });

  it('when 3 cases closed on time and 1 open case is overdue, then 按期结案率 is 3 / (3 + 1), not 100 %', () => {
    const figures = computeFigures({
      ...emptyFigureCounts(),
      closed: 3,
      closedOnTime: 3,
      open: 2,
      overdue: 1,
    });
    expect(figures.onTimeRate).toBe(0.75);
  });

  it('when 2 of 4 cases due in the window are closed, then 结案率 is 0.5', () => {
    const figures = computeFigures({ ...emptyFigureCounts(), closed: 5, dueToClose: 4, dueClosed: 2 });
    expect(figures.closeRate).toBe(0.5);
  });

  it('when 1 of 4 closed cases was reworked, then 返工率 is 0.25; with no closed case it is null', () => {
    expect(computeFigures({ ...emptyFigureCounts(), closed: 4, reworked: 1 }).reworkRate).toBe(0.25);
    expect(computeFigures({ ...emptyFigureCounts(), reworked: 0 }).reworkRate).toBeNull();
  });

  it('when handling times are 1 h, 2 h and 12 h, then the average is 5 h and the median lies in the 2 h bucket', () => {
    const figures = computeFigures({
      ...emptyFigureCounts(),
      ...summarizeHandlingTimes([1, 2, 12].map((h) => h * HOUR_MS)),
    });
    expect(figures.avgHandlingHours).toBe(5);
    // Middle rank 1.5 of 3: half-way through the (1.5 h, 2 h] bucket holding the single 2 h sample.
    expect(figures.medianHandlingHours).toBe(1.75);
  });
});

describe('handling-time histogram', () => {
  it('when a time lies on a bucket bound, then it belongs to the lower bucket; longer than every bound, to the last', () => {
    expect(handlingBucketOf(0)).toBe(0);
    expect(handlingBucketOf(0.5 * HOUR_MS)).toBe(0);
    expect(handlingBucketOf(0.5 * HOUR_MS + 1)).toBe(1);
    expect(handlingBucketOf(1000 * HOUR_MS)).toBe(HANDLING_BUCKETS - 1);
  });

  it('when the median falls in the open last bucket, then it is that bucket’s lower bound', () => {
    const histogram = new Array<number>(HANDLING_BUCKETS).fill(0);
    histogram[HANDLING_BUCKETS - 1] = 3;
    expect(medianFromHistogram(histogram)).toBe(195);
  });

  it('when a sample is negative, then it is refused', () => {
    expect(() => summarizeHandlingTimes([-1])).toThrow(RangeError);
  });
});

describe('contributeCase', () => {
  it('when a case is reported at 23:30 Beijing time, then it counts on that local day, not the UTC one', () => {
    expect(chinaDayOf(atLocal('2026-03-02T23:30'))).toBe('2026-03-02');
    expect(chinaDayOf(atLocal('2026-03-03T00:10'))).toBe('2026-03-03');
    const days = contributeCase(facts({ reportedAt: atLocal('2026-03-02T23:30') }));
    expect([...days.keys()]).toEqual(['2026-03-02']);
    expect(days.get('2026-03-02')!.received).toBe(1);
  });

  it('when a case was closed after its deadline, then it counts closed but not on time, on the closing day', () => {
    const days = contributeCase(
      facts({
        status: 'closed',
        acceptedAt: atLocal('2026-03-02T10:00'),
        deadline: atLocal('2026-03-03T10:00'),
        handledAt: atLocal('2026-03-04T09:00'),
        closedAt: atLocal('2026-03-05T11:00'),
        handlingMs: 7.5 * HOUR_MS,
      }),
    );
    expect(days.get('2026-03-05')).toMatchObject({ closed: 1, closedOnTime: 0, handlingCount: 1 });
    expect(days.get('2026-03-03')).toMatchObject({ dueToClose: 1, dueClosed: 1 });
    expect(days.get('2026-03-02')).toMatchObject({ received: 1, accepted: 1 });
  });

  it('when a case was rejected or cancelled, then its deadline makes it due nowhere', () => {
    const cancelled = contributeCase(
      facts({
        status: 'cancelled',
        acceptedAt: atLocal('2026-03-02T10:00'),
        deadline: atLocal('2026-03-03T10:00'),
      }),
    );
    expect(cancelled.get('2026-03-03')).toBeUndefined();
  });

  it('when one case is open and overdue and two closed on time, then the tally gives 按期结案率 2/3 and 结案率 2/3', () => {
    const closedOnTime = (day: string) =>
      facts({
        status: 'closed',
        reportedAt: atLocal(`${day}T08:00`),
        acceptedAt: atLocal(`${day}T09:00`),
        deadline: atLocal(`${day}T17:00`),
        handledAt: atLocal(`${day}T11:00`),
        closedAt: atLocal(`${day}T12:00`),
        handlingMs: 2 * HOUR_MS,
      });
    const overdueOpen = facts({
      status: 'in_progress',
      acceptedAt: atLocal('2026-03-02T09:00'),
      deadline: atLocal('2026-03-02T17:00'),
    });
    const figures = computeFigures(
      tally([closedOnTime('2026-03-02'), closedOnTime('2026-03-03'), overdueOpen], { open: 1, overdue: 1 }),
    );
    expect(figures).toMatchObject({
      received: 3,
      accepted: 3,
      closed: 2,
      closedOnTime: 2,
      dueToClose: 3,
      dueClosed: 2,
      onTimeRate: 2 / 3,
      closeRate: 2 / 3,
      avgHandlingHours: 2,
    });
  });

  it('when one of two closed cases was returned for rework, then 返工率 is 0.5', () => {
    const closed = (reworkCount: number) =>
      facts({ status: 'closed', closedAt: atLocal('2026-03-04T10:00'), reworkCount });
    expect(computeFigures(tally([closed(0), closed(2)], { open: 0, overdue: 0 })).reworkRate).toBe(0.5);
  });

  it('when a case moves from handled to closed, then the difference holds exactly the closing counts', () => {
    const handled = facts({
      status: 'handled',
      acceptedAt: atLocal('2026-03-02T10:00'),
      deadline: atLocal('2026-03-04T10:00'),
      handledAt: atLocal('2026-03-03T10:00'),
    });
    const closed = {
      ...handled,
      status: 'closed' as const,
      closedAt: atLocal('2026-03-05T10:00'),
      handlingMs: HOUR_MS,
    };
    const delta = diffContributions(contributeCase(closed), contributeCase(handled));
    expect([...delta.keys()].sort()).toEqual(['2026-03-04', '2026-03-05']);
    expect(delta.get('2026-03-04')).toEqual({ ...emptyDailyCounts(), dueClosed: 1 });
    const expected: DailyCounts = {
      ...emptyDailyCounts(),
      closed: 1,
      closedOnTime: 1,
      handlingCount: 1,
      handlingMsSum: HOUR_MS,
    };
    expected.handlingHistogram[1] = 1;
    expect(delta.get('2026-03-05')).toEqual(expected);
    expect(diffContributions(contributeCase(closed), contributeCase(closed)).size).toBe(0);
  });
});

describe('measureHandlingMs', () => {
  it('when a case was suspended for a working afternoon, then that time is not handling time', () => {
    const acceptedAt = atLocal('2026-03-02T09:00'); // Monday
    const handledAt = atLocal('2026-03-03T09:00');
    const plain = measureHandlingMs(calendar, { acceptedAt, handledAt, events: [] });
    // 09:00–12:00 (3 h) + 14:30–17:30 (3 h) Monday + 08:30–09:00 (0.5 h) Tuesday.
    expect(plain).toBe(6.5 * HOUR_MS);
    const suspended = measureHandlingMs(calendar, {
      acceptedAt,
      handledAt,
      events: [
        { kind: 'accept', at: acceptedAt },
        { kind: 'suspend', at: atLocal('2026-03-02T14:00') },
        { kind: 'resume', at: atLocal('2026-03-02T18:00') },
        { kind: 'feedback', at: handledAt },
      ],
    });
    expect(suspended).toBe(3.5 * HOUR_MS);
  });

  it('when measured with the compiled clock, then it agrees with measureHandlingMs on varied cases', () => {
    const clock = createHandlingClock(calendar);
    for (let i = 0; i < 200; i++) {
      const acceptedAt = new Date(atLocal('2026-04-28T07:00').getTime() + i * 5.3 * HOUR_MS);
      const handledAt = new Date(acceptedAt.getTime() + ((i * 7) % 90) * HOUR_MS);
      const events =
        i % 3 === 0
          ? [
              { kind: 'suspend', at: new Date(acceptedAt.getTime() + HOUR_MS) },
              { kind: 'resume', at: new Date(acceptedAt.getTime() + ((i % 40) + 2) * HOUR_MS) },
            ]
          : i % 3 === 1
            ? [{ kind: 'suspend', at: new Date(acceptedAt.getTime() + 2 * HOUR_MS) }]
            : [];
      const input = { acceptedAt, handledAt, events };
      expect(clock(input), `case ${i}`).toBe(measureHandlingMs(calendar, input));
    }
  });

  it('when the case was never accepted or handled, then it has no handling time', () => {
    expect(measureHandlingMs(calendar, { acceptedAt: null, handledAt: null, events: [] })).toBeNull();
  });
});
