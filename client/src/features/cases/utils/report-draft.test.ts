import { describe, expect, it } from 'vitest';
import { buildCategories, IDS } from '@/testing/case.fixture';
import { createEmptyDraft, validateReport } from './report-draft';

const garbage = buildCategories().find((category) => category.code === 'env.garbage');

describe('validateReport', () => {
  it('when nothing but the grid is missing, then the location problem is reported and nothing is sent', () => {
    const draft = { ...createEmptyDraft(null), categoryCode: 'env.garbage', description: '路边堆满垃圾' };

    const result = validateReport({ ...draft, extra: { kinds: ['food'] } }, garbage, []);

    expect(result.errors).toEqual({ location: 'report.errors.location' });
  });

  it('when the resident phone is not a mainland mobile or a required extra is empty, then each is named', () => {
    const draft = {
      ...createEmptyDraft(IDS.grid1),
      categoryCode: 'env.garbage',
      description: '路边堆满垃圾',
      isOnBehalf: true,
      residentName: '李大爷',
      residentPhone: '12345',
      extra: { kinds: [], volume: '1e' },
    };

    expect(validateReport(draft, garbage, []).errors).toEqual({
      residentPhone: 'report.errors.residentPhone',
      extra: { kinds: 'report.errors.extraRequired', volume: 'report.errors.extraInvalid' },
    });
  });

  it('when the draft is complete, then the body has the category default priority and only filled extras', () => {
    const draft = {
      ...createEmptyDraft(IDS.grid1),
      categoryCode: 'env.garbage',
      description: '  路边堆满垃圾  ',
      location: { lon: 113.1, lat: 23.1 },
      extra: { kinds: ['food'], volume: '2.5', note: '' },
    };

    const result = validateReport(draft, garbage, [IDS.upload1]);

    expect(result.input).toMatchObject({
      description: '路边堆满垃圾',
      priority: 'high',
      gridId: IDS.grid1,
      photoIds: [IDS.upload1],
      extra: { kinds: ['food'], volume: 2.5 },
      onBehalfOf: null,
    });
  });
});
