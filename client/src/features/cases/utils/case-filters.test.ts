import { describe, expect, it } from 'vitest';
import { DEFAULT_CASE_FILTERS, parseCaseFilters, writeCaseFilters } from './case-filters';

describe('case filters in the URL', () => {
  it('when every filter is set, then writing and reading the URL gives the same filters back', () => {
    const filters = {
      status: ['reported' as const, 'handled' as const],
      categoryCode: 'env.garbage',
      villageId: 'v1',
      gridId: 'g1',
      assigneeId: 'me',
      isOverdue: true,
      isEscalated: true,
      q: '路灯',
      from: '2025-01-01',
      to: '2025-01-31',
      dueFrom: '2025-02-01',
      dueTo: '2025-02-02',
      sort: 'deadline_asc' as const,
    };

    const params = writeCaseFilters(filters);

    expect(parseCaseFilters(new URLSearchParams(params.toString()))).toEqual(filters);
  });

  it('when the filters are the defaults, then the URL stays empty and other parameters are kept', () => {
    const params = writeCaseFilters(DEFAULT_CASE_FILTERS, new URLSearchParams('tab=x&status=reported'));

    expect(params.toString()).toBe('tab=x');
  });

  it('when a link holds unknown statuses, a bad date or sort, then those are dropped, not sent', () => {
    const filters = parseCaseFilters(
      new URLSearchParams('status=closed,bogus,reported&from=yesterday&dueTo=today&sort=random&overdue=yes'),
    );

    expect(filters.status).toEqual(['reported', 'closed']);
    expect(filters.from).toBeNull();
    expect(filters.dueTo).toBeNull();
    expect(filters.sort).toBe('reported_desc');
    expect(filters.isOverdue).toBe(false);
  });
});
